// SPDX-License-Identifier: BSD-3-Clause
// Why a cert.digest or cert.signature step failed, when it can be proven
// (docs/cli.md#diagnoses): the first of a fixed list of re-serialisations and
// signing mistakes under which the DigestValue or the signature matches exactly.
// Never a guess: no proof, no diagnosis. Runs only after a step failed.
#pragma once

#include <core/validation/validationreport.h>

#include <core/cert/markupmap.h>
#include <core/kernel/crypto/rsa.h>

#include <QList>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace copp::validation {

// In the contract's order: the first that matches wins. Ids are part of the
// contract (JSON): never rename them.
enum class DiagnosisId {
    LineEndings,
    CharacterReferences,
    AttributeQuotes,
    TagWhitespace,
    InnerContent,
    NamespaceDeclarationsRemoved,
    CanonicalForm,
    Sha256,        // cert.digest only
    PssSaltLength, // cert.signature only, from here on
    PssSha256,
    Pkcs1v15,
    OtherChainKey,
};

inline constexpr std::array kAllDiagnoses = {
    DiagnosisId::LineEndings,   DiagnosisId::CharacterReferences, DiagnosisId::AttributeQuotes,
    DiagnosisId::TagWhitespace, DiagnosisId::InnerContent,        DiagnosisId::NamespaceDeclarationsRemoved,
    DiagnosisId::CanonicalForm, DiagnosisId::Sha256,              DiagnosisId::PssSaltLength,
    DiagnosisId::PssSha256,     DiagnosisId::Pkcs1v15,            DiagnosisId::OtherChainKey,
};

QString diagnosisId(DiagnosisId id); // "line_endings", ...
std::optional<DiagnosisId> diagnosisFromId(QStringView id);
// The rule whose failure the diagnosis explains (cert.digest and/or cert.signature).
bool diagnosisApplies(DiagnosisId id, Rule rule);

struct Diagnosis {
    DiagnosisId id = DiagnosisId::LineEndings;
    Message detail;
    // The file's bytes that differ from what was signed (CR bytes, quotes,
    // whitespace runs, declarations; an empty span marks where bytes were
    // inserted), or for other_chain_key the key that verifies. In byte order.
    QList<cert::ByteSpan> differing;
    const char* differingRole = ""; // QT_TRANSLATE_NOOP("copp::validation::Fact", ...)
};

// The markup of a Data element, read once per validation (DecodedValues::markup).
using MarkupSource = std::function<const cert::MarkupMap&()>;

// cert.digest failed: does the DigestValue match the Data bytes rebuilt, or SHA-256?
std::shared_ptr<const Diagnosis> diagnoseDigest(const cert::XmlDocument& doc, int dataElement,
                                                const QByteArray& digestValue, const MarkupSource& markup = {});

// A key a signature could have been made with, and how a report names it.
struct CandidateKey {
    crypto::RsaPublicKey key;
    Message name;            // "the trusted root key (…)", "certificate 2's Data/PublicKey"
    cert::ByteSpan where;    // its element in the file, if it is in the file
};

// What cert.signature knows when the signature did not verify.
struct SignatureFailure {
    const crypto::PssSha1Verifier& verifier; // the Signature/KeyInfo key
    const crypto::RsaPublicKey& signerKey;
    const crypto::PssDecoding& decoding;     // of the signature under that key, over the file's Data
    copp::ByteView signature;
    // The other keys of the chain and the trusted root; asked for only when no
    // re-serialisation or salt explains the failure.
    std::function<QList<CandidateKey>()> otherKeys;
    MarkupSource markup; // optional
};

std::shared_ptr<const Diagnosis> diagnoseSignature(const cert::XmlDocument& doc, int dataElement,
                                                   const SignatureFailure& failure);

} // namespace copp::validation
