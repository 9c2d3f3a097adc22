// SPDX-License-Identifier: BSD-3-Clause
// One structured result of validating a chain, shared by the CLI writers and
// the GUI models (docs/architecture.md "A chain"). A value; never throws.
#pragma once

#include <core/validation/rule.h>

#include <core/cert/x509bundle.h>
#include <core/cert/xmldocument.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <memory>
#include <vector>

namespace copp::validation {

struct Diagnosis; // diagnosis.h

enum class Outcome { Pass, Fail, Skipped };
QString outcomeId(Outcome outcome); // "pass" | "fail" | "skipped" (contract)

// A message kept as its source text plus arguments, so the CLI's JSON gets
// stable English and the GUI can show it translated (context "copp::validation").
struct Message {
    Message() = default;
    Message(const char* text, QStringList arguments = {}) : source(text), args(std::move(arguments)) {}
    // A message of another translation context (a session alert's detail).
    static Message in(const char* context, const char* text, QStringList arguments = {})
    {
        Message m(text, std::move(arguments));
        m.context = context;
        return m;
    }

    const char* source = "";
    const char* context = "copp::validation";
    QStringList args;
    // Arguments that are messages themselves (after `args`), translated with
    // the outer message: "signature does not verify: %1" + the PSS diagnosis.
    std::vector<Message> nested;
    QString english() const;
    QString translated() const;
};

// A fact's value kept as data and formatted when a view asks for it
// (findings are data; docs/architecture.md "A chain"). Most validations
// are never shown (the CLI's JSON has no facts), so hex digests, byte ranges,
// numbers and modulus fingerprints are not formatted, or hashed, up front.
class FactValue {
public:
    FactValue() = default;
    FactValue(QString text) : m_text(std::move(text)) {} // implicit: already text
    static FactValue number(qint64 value);
    static FactValue hex(QByteArray bytes);              // lower-case hex
    static FactValue sha1Hex(QByteArray bytes);          // hex SHA-1 of the bytes
    static FactValue byteRange(cert::ByteSpan span);     // "begin..end (size bytes)"
    QString text() const;

private:
    enum class Kind : quint8 { Text, Number, Hex, Sha1Hex, ByteRange };
    Kind m_kind = Kind::Text;
    QString m_text;
    QByteArray m_bytes; // shared with the caller's bytes: no copy
    qint64 m_first = 0;
    qint64 m_second = 0;
};

// One piece of evidence: "expected digest" = "…", "recovered salt length" = "20".
struct Fact {
    const char* label; // QT_TRANSLATE_NOOP("copp::validation::Fact", …)
    FactValue value;
    QString text() const { return value.text(); }
    QString translatedLabel() const;
};

// Bytes of the file a step looked at, with what they were to the step.
struct ByteRange {
    cert::ByteSpan span;
    const char* role; // QT_TRANSLATE_NOOP("copp::validation::Fact", "hashed Data bytes") …
};

// A step records a few facts, byte ranges and elements (at most 3, 3 and 4 in
// a passing chain): kept inline, a validation's ~30 steps allocate nothing for them.
using Facts = QVarLengthArray<Fact, 3>;

struct StepResult {
    Rule rule = Rule::CollectionWellFormed;
    int certificate = -1; // -1: collection or list level
    Outcome outcome = Outcome::Skipped;
    Message detail;
    Facts facts;
    QVarLengthArray<ByteRange, 3> ranges;
    QVarLengthArray<int, 4> elements; // XmlDocument element indices the step used
    // cert.digest and cert.signature failures only: the cause, when one was proven
    // (docs/cli.md#diagnoses). Shared: reports are copied to the views.
    std::shared_ptr<const Diagnosis> diagnosis;
};

// What was validated: a COPP XML chain (docs/protocol.md §8.1) or an OPM X.509
// chain (§8.2). Steps, JSON and text have the same shape for both.
enum class ChainFormat { CoppXml, X509 };

struct ValidationReport {
    cert::XmlDocument document; // CoppXml
    QList<StepResult> steps;
    QString trustRootName;      // X509: the trust anchor's name

    ChainFormat format = ChainFormat::CoppXml;
    // X509: the certificates in path order (0 = leaf) once a path is built,
    // followed by any not on it; else in bundle order. Step indices refer to it.
    QList<cert::X509CertificateInfo> x509Certificates;
    int x509PathLength = 0; // certificates on the built path; 0: no path
    QByteArray x509Bytes;   // the validated input; ByteRanges point into it

    bool isValid() const;
    // First failing step in procedure order (the order of `steps`), or null.
    const StepResult* firstFailure() const;
    // The bytes ByteRanges refer to, whatever the format.
    const QByteArray& inputBytes() const;
    // "leaf", "IHV"/"intermediate", "root" for a certificate index (translated).
    QString certificateRole(int certificate) const;
};

} // namespace copp::validation
