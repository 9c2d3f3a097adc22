// SPDX-License-Identifier: BSD-3-Clause
// A test PKI for COPP chains: a 1024-bit test root standing in for Microsoft's,
// 2048-bit IHV and leaf keys, a CRL signer, and a writer for chains in the
// real driver serialization (docs/protocol.md §8.1) and for revocation lists.
// It can break exactly one chosen rule, for tests and for driver engineers.
// Everything it writes says TEST MATERIAL; nothing it makes chains to Microsoft.
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/validation/diagnosis.h>
#include <core/validation/rule.h>

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace copp::testpki {

struct KeySet {
    crypto::RsaPrivateKey root;      // 1024 bits, the test root ("Microsoft") key
    crypto::RsaPrivateKey ihv;       // 2048 bits
    crypto::RsaPrivateKey leaf;      // 2048 bits, the driver's COPP key
    crypto::RsaPrivateKey crlSigner; // 1024 bits, signs revocation lists
    crypto::RsaPrivateKey otherRoot; // 1024 bits, an untrusted root for negative tests

    static Result<KeySet> generate();
    // PKCS#8 DER files root.p8, ihv.p8, leaf.p8, crl-signer.p8, other-root.p8.
    static Result<KeySet> load(const QString& directory);
    Result<void> save(const QString& directory) const;
};

// "--break RULE[@N]": which rule the written material must fail.
struct Break {
    validation::Rule rule = validation::Rule::CertSignature;
    int certificate = -1;

    static std::optional<Break> parse(const QString& text, QString* error);
    QString toString() const;
    // The step `verify` reports as first_failure for material with this break.
    // Itself, except crl.revoked@N: listing certificate N revokes "every
    // certificate below it" (docs/protocol.md §9.1), so crl.revoked@0 fails first.
    Break expectedFirstFailure() const;
};

// "--damage ID[@N]": certificate N signed as diagnosis ID describes
// (docs/cli.md#diagnoses): over a re-serialised Data, with SHA-256, another
// PSS salt or scheme, or another key of the chain. line_endings changes the
// whole file, so it takes no @N.
struct Damage {
    validation::DiagnosisId id = validation::DiagnosisId::LineEndings;
    int certificate = 0;

    static std::optional<Damage> parse(const QString& text, QString* error);
    QString toString() const;
    // Needs the namespaced style (declarations or attributes on Data).
    bool needsNamespaces() const;
    // The step that fails first: cert.digest@N, or cert.signature@N for the
    // signature-only ids.
    Break expectedFirstFailure() const;
};

struct ChainStyle {
    QString prefix = QStringLiteral("c"); // prefix of the cert namespace; empty: no namespaces at all
    bool pretty = false;                  // indented; Data bytes are signed as written
    bool wrapBase64 = false;              // base64 broken into 64-character lines
    QString manufacturer = QStringLiteral("CoppScope TEST PKI - not a real driver");
    // Applied to each certificate's Data bytes before they are hashed and signed.
    std::function<QByteArray(int certificate, const QByteArray& data)> editData;
    // What the signer hashed instead of the Data bytes as written (a chain
    // re-serialised after signing); unset: the bytes as written.
    std::function<QByteArray(int certificate, const QByteArray& data)> signedForm;
};

struct BuiltChain {
    QByteArray xml;
    QList<QByteArray> dataBytes; // each certificate's exact Data bytes, as hashed
    QList<QByteArray> digests;   // SHA-1 of dataBytes
};

class TestPki {
public:
    explicit TestPki(KeySet keys);

    const KeySet& keys() const { return m_keys; }

    BuiltChain chain(const ChainStyle& style = {}, std::optional<Break> broken = {}) const;
    // A valid chain but for `damage` (damagedchain.cpp).
    BuiltChain damagedChain(const Damage& damage, ChainStyle style = {}) const;
    // <RSAKeyValue> of the test root: pass to --trust-root.
    QByteArray rootKeyXml() const;
    // A revocation list signed by the CRL signer (chained to the test root).
    QByteArray revocationList(const QList<QByteArray>& revokedDigests, quint32 version = 1,
                              bool corruptSignature = false) const;
    // A list whose signer certificate was issued lower down than the root, with the
    // issuer's own certificates up to the root in the list's collection. Every link
    // and signature holds; under the IHV (SignCertificate) the list is trusted, under
    // the driver's leaf key (EncryptKey only) crl.signature must refuse it.
    enum class ListIssuer { Ihv, DriverLeaf };
    QByteArray revocationListIssuedBy(ListIssuer issuer, const QList<QByteArray>& revokedDigests) const;

private:
    BuiltChain build(const ChainStyle& style, std::optional<Break> broken, std::optional<Damage> damage) const;
    KeySet m_keys;
};

} // namespace copp::testpki
