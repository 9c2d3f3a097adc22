// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/diagnosis.h>

#include <core/validation/reserialisation.h>

#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>

#include <array>

namespace copp::validation {

namespace {

constexpr std::array kIds = {
    std::pair{DiagnosisId::LineEndings, "line_endings"},
    std::pair{DiagnosisId::CharacterReferences, "character_references"},
    std::pair{DiagnosisId::AttributeQuotes, "attribute_quotes"},
    std::pair{DiagnosisId::TagWhitespace, "tag_whitespace"},
    std::pair{DiagnosisId::InnerContent, "inner_content"},
    std::pair{DiagnosisId::NamespaceDeclarationsRemoved, "namespace_declarations_removed"},
    std::pair{DiagnosisId::CanonicalForm, "canonical_form"},
    std::pair{DiagnosisId::Sha256, "sha256"},
    std::pair{DiagnosisId::PssSaltLength, "pss_salt_length"},
    std::pair{DiagnosisId::PssSha256, "pss_sha256"},
    std::pair{DiagnosisId::Pkcs1v15, "pkcs1_v1_5"},
    std::pair{DiagnosisId::OtherChainKey, "other_chain_key"},
};

std::shared_ptr<const Diagnosis> make(DiagnosisId id, Message detail, QList<cert::ByteSpan> differing = {},
                                      const char* role = "")
{
    return std::make_shared<const Diagnosis>(Diagnosis{id, std::move(detail), std::move(differing), role});
}

// pss_sha256 and pkcs1_v1_5: the scheme, with the salt lengths a SHA-256 signer uses.
struct SchemeTry {
    crypto::SignatureScheme scheme;
    DiagnosisId id;
    const char* detail;
};
constexpr std::array kSchemes = {
    SchemeTry{crypto::SignatureScheme::PssSha256, DiagnosisId::PssSha256,
              QT_TRANSLATE_NOOP("copp::validation", "the signature is RSASSA-PSS with SHA-256 and MGF1-SHA-256 (salt length 32); COPP signs with SHA-1 and MGF1-SHA-1, salt length 0")},
    SchemeTry{crypto::SignatureScheme::PssSha256Salt0, DiagnosisId::PssSha256,
              QT_TRANSLATE_NOOP("copp::validation", "the signature is RSASSA-PSS with SHA-256 and MGF1-SHA-256 (salt length 0); COPP signs with SHA-1 and MGF1-SHA-1")},
    SchemeTry{crypto::SignatureScheme::Pkcs1v15Sha1, DiagnosisId::Pkcs1v15,
              QT_TRANSLATE_NOOP("copp::validation", "the signature is RSASSA-PKCS1-v1_5 with SHA-1; COPP signs with RSASSA-PSS (SHA-1, MGF1-SHA-1, salt length 0)")},
};

} // namespace

QString diagnosisId(DiagnosisId id)
{
    for (const auto& [known, text] : kIds) {
        if (known == id)
            return QString::fromLatin1(text);
    }
    return {};
}

std::optional<DiagnosisId> diagnosisFromId(QStringView id)
{
    for (const auto& [known, text] : kIds) {
        if (id == QLatin1StringView(text))
            return known;
    }
    return std::nullopt;
}

bool diagnosisApplies(DiagnosisId id, Rule rule)
{
    if (rule != Rule::CertDigest && rule != Rule::CertSignature)
        return false;
    if (id == DiagnosisId::Sha256)
        return rule == Rule::CertDigest;
    if (id >= DiagnosisId::PssSaltLength)
        return rule == Rule::CertSignature;
    return true;
}

std::shared_ptr<const Diagnosis> diagnoseDigest(const cert::XmlDocument& doc, int dataElement, const QByteArray& digestValue,
                                                const MarkupSource& markup)
{
    if (digestValue.size() == static_cast<qsizetype>(crypto::kSha1Size)) {
        const QByteArrayView expected(digestValue);
        auto sha1Matches = [&](QByteArrayView bytes) {
            const crypto::Sha1Digest digest = crypto::sha1(util::byteView(bytes));
            return QByteArrayView(reinterpret_cast<const char*>(digest.data()), qsizetype(digest.size())) == expected;
        };
        if (auto r = firstMatchingReserialisation(doc, dataElement, sha1Matches, markup))
            return std::make_shared<const Diagnosis>(std::move(r->diagnosis));
    }
    if (digestValue.size() == static_cast<qsizetype>(crypto::kSha256Size) && doc.hasByteSpans()) {
        const crypto::Sha256Digest digest = crypto::sha256(util::byteView(doc.sliceView(doc.element(dataElement).outer)));
        if (QByteArrayView(reinterpret_cast<const char*>(digest.data()), qsizetype(digest.size())) == QByteArrayView(digestValue))
            return make(DiagnosisId::Sha256,
                        {QT_TRANSLATE_NOOP("copp::validation", "DigestValue is SHA-256 of the exact Data bytes: the signer used SHA-256 where COPP uses SHA-1"), {}});
    }
    return nullptr;
}

std::shared_ptr<const Diagnosis> diagnoseSignature(const cert::XmlDocument& doc, int dataElement, const SignatureFailure& f)
{
    const crypto::PssDecoding& decoding = f.decoding;
    const bool decoded = decoding.stage == crypto::PssDecoding::Stage::Decoded;
    // A salt-0 encoding under this key: a re-serialisation is a candidate when H'
    // over it equals H (two hashes each); the one that does is verified in full.
    if (decoded && decoding.recoveredSaltLength == 0) {
        auto verifies = [&](QByteArrayView bytes) {
            const copp::ByteView message = util::byteView(bytes);
            return decoding.encodes(message) && f.verifier.verify(message, f.signature);
        };
        if (auto r = firstMatchingReserialisation(doc, dataElement, verifies, f.markup))
            return std::make_shared<const Diagnosis>(std::move(r->diagnosis));
        return nullptr;
    }
    // RSASSA-PSS-VERIFY with the salt the encoding holds (RFC 8017 §9.1.2): H = H'.
    if (decoded && decoding.hashesMatch())
        return make(DiagnosisId::PssSaltLength,
                    {QT_TRANSLATE_NOOP("copp::validation", "a valid RSASSA-PSS SHA-1 signature by the KeyInfo key, but with salt length %1; COPP requires salt length 0"),
                     {QString::number(decoding.recoveredSaltLength)}});
    // A PSS SHA-1 encoding by this key over other bytes: not another scheme or key.
    if (decoded)
        return nullptr;
    const copp::ByteView message = util::byteView(doc.sliceView(doc.element(dataElement).outer));
    for (const SchemeTry& t : kSchemes) {
        if (crypto::verifySignature(f.signerKey, message, f.signature, t.scheme))
            return make(t.id, {t.detail, {}});
    }
    if (!f.otherKeys)
        return nullptr;
    for (const CandidateKey& candidate : f.otherKeys()) {
        if (candidate.key == f.signerKey)
            continue;
        if (crypto::verifySignature(candidate.key, message, f.signature, crypto::SignatureScheme::PssSha1Salt0)) {
            Message detail{QT_TRANSLATE_NOOP("copp::validation", "the signature verifies with %1, not with this certificate's Signature/KeyInfo key")};
            detail.nested.push_back(candidate.name);
            QList<cert::ByteSpan> where;
            if (candidate.where.isValid())
                where.append(candidate.where);
            return make(DiagnosisId::OtherChainKey, std::move(detail), where,
                        QT_TRANSLATE_NOOP("copp::validation::Fact", "the key the signature verifies with"));
        }
    }
    return nullptr;
}

} // namespace copp::validation
