// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/rule.h>

#include <QCoreApplication>

namespace copp::validation {

namespace {

struct RuleInfo {
    const char* id;
    const char* title;
    const char* description;
};

// One switch, no default: adding a Rule without its texts does not compile
// cleanly (-Wswitch).
RuleInfo info(Rule rule)
{
    switch (rule) {
    case Rule::CollectionWellFormed:
        return {"collection.well_formed", QT_TRANSLATE_NOOP("copp::validation::Rule", "Well-formed XML"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Verify that the CertificateCollection is well-formed XML.")};
    case Rule::CollectionUtf8:
        return {"collection.utf8", QT_TRANSLATE_NOOP("copp::validation::Rule", "UTF-8 encoding"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Verify that the CertificateCollection is encoded in UTF-8 format.")};
    case Rule::CollectionVersion:
        return {"collection.version", QT_TRANSLATE_NOOP("copp::validation::Rule", "Collection version"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Check that the Version attribute in the CertificateCollection element is 2.0 or later.")};
    case Rule::CollectionCount:
        return {"collection.count", QT_TRANSLATE_NOOP("copp::validation::Rule", "Three certificates"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Verify that the certificate chain contains exactly three Certificate elements.")};
    case Rule::CertUniqueChildren:
        return {"cert.unique_children", QT_TRANSLATE_NOOP("copp::validation::Rule", "No duplicated Data children"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Verify that none of the child elements in the Data element is duplicated.")};
    case Rule::CertModulus:
        return {"cert.modulus", QT_TRANSLATE_NOOP("copp::validation::Rule", "Modulus size"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Data/PublicKey/KeyValue/RSAKeyValue/Modulus exists and decodes to 256 bytes (128 bytes for the root certificate).")};
    case Rule::CertExponent:
        return {"cert.exponent", QT_TRANSLATE_NOOP("copp::validation::Rule", "Exponent size"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Data/PublicKey/KeyValue/RSAKeyValue/Exponent exists and decodes to at most 4 bytes.")};
    case Rule::CertLeafUsage:
        return {"cert.leaf_usage", QT_TRANSLATE_NOOP("copp::validation::Rule", "Leaf key usage and features"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The leaf's KeyUsage contains EncryptKey = 1 and its Features contain COPPCertificate = 1.")};
    case Rule::CertLink:
        return {"cert.link", QT_TRANSLATE_NOOP("copp::validation::Rule", "Chain link"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Data/PublicKey exactly matches the previous certificate's Signature/KeyInfo.")};
    case Rule::CertSignUsage:
        return {"cert.sign_usage", QT_TRANSLATE_NOOP("copp::validation::Rule", "Signing key usage"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "KeyUsage contains SignCertificate = 1.")};
    case Rule::CertDigest:
        return {"cert.digest", QT_TRANSLATE_NOOP("copp::validation::Rule", "Data digest"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "SHA-1 over every byte from <Data to </Data> equals Signature/SignedInfo/Reference/DigestValue.")};
    case Rule::CertSignature:
        return {"cert.signature", QT_TRANSLATE_NOOP("copp::validation::Rule", "Signature"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "RSASSA-PSS (SHA-1, MGF1-SHA-1, salt length 0) over the Data bytes verifies with Signature/KeyInfo.")};
    case Rule::CertTrustedRoot:
        return {"cert.trusted_root", QT_TRANSLATE_NOOP("copp::validation::Rule", "Trusted root"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The final certificate's Signature/KeyInfo equals the trusted root key.")};
    case Rule::CrlSignature:
        return {"crl.signature", QT_TRANSLATE_NOOP("copp::validation::Rule", "Revocation list signature"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The revocation list parses exactly, its signer links to the trusted root, and its signature verifies.")};
    case Rule::CrlRevoked:
        return {"crl.revoked", QT_TRANSLATE_NOOP("copp::validation::Rule", "Not revoked"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Neither this certificate's digest nor that of a certificate above it is in the revocation list.")};
    case Rule::X509Decode:
        return {"x509.decode", QT_TRANSLATE_NOOP("copp::validation::Rule", "X.509 decoding"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The bytes are a PKCS #7 certificates-only bundle or X.509 certificates (DER or PEM), and every certificate parses.")};
    case Rule::X509Path:
        return {"x509.path", QT_TRANSLATE_NOOP("copp::validation::Rule", "Certification path"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "Exactly one certificate issued no other (the leaf); a path from it by issuer name reaches a self-signed root without loops, and every certificate is on it.")};
    case Rule::X509Validity:
        return {"x509.validity", QT_TRANSLATE_NOOP("copp::validation::Rule", "Validity period"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The validation time lies within the certificate's notBefore and notAfter.")};
    case Rule::X509Key:
        return {"x509.key", QT_TRANSLATE_NOOP("copp::validation::Rule", "RSA key size"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The public key is RSA: exactly 2048 bits for the leaf, at least 2048 bits for issuers.")};
    case Rule::X509Ca:
        return {"x509.ca", QT_TRANSLATE_NOOP("copp::validation::Rule", "Certificate authority"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "An issuing certificate has basicConstraints cA = TRUE and, when keyUsage is present, keyCertSign.")};
    case Rule::X509Signature:
        return {"x509.signature", QT_TRANSLATE_NOOP("copp::validation::Rule", "X.509 signature"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The certificate's signature verifies with the public key of the next certificate on the path (the root: its own key).")};
    case Rule::X509TrustedRoot:
        return {"x509.trusted_root", QT_TRANSLATE_NOOP("copp::validation::Rule", "Trust anchor"),
                QT_TRANSLATE_NOOP("copp::validation::Rule", "The root equals the --trust-anchor certificate or, without it, the SHA-256 of its SubjectPublicKeyInfo is that of Microsoft's media root (unconfirmed).")};
    }
    return {"", "", ""};
}

} // namespace

QString ruleId(Rule rule)
{
    return QString::fromLatin1(info(rule).id);
}

QString ruleAt(Rule rule, int certificate)
{
    return certificate < 0 ? ruleId(rule) : ruleId(rule) + u'@' + QString::number(certificate);
}

std::optional<Rule> ruleFromId(QStringView id)
{
    for (Rule r : kAllRules) {
        if (id == QLatin1StringView(info(r).id))
            return r;
    }
    for (Rule r : kX509Rules) {
        if (id == QLatin1StringView(info(r).id))
            return r;
    }
    return std::nullopt;
}

const char* ruleTitle(Rule rule)
{
    return info(rule).title;
}

const char* ruleDescription(Rule rule)
{
    return info(rule).description;
}

QString translatedRuleTitle(Rule rule)
{
    return QCoreApplication::translate("copp::validation::Rule", ruleTitle(rule));
}

QString translatedRuleDescription(Rule rule)
{
    return QCoreApplication::translate("copp::validation::Rule", ruleDescription(rule));
}

bool isCollectionRule(Rule rule)
{
    return rule <= Rule::CollectionCount;
}

bool isCertificateRule(Rule rule)
{
    return rule >= Rule::CertUniqueChildren && rule <= Rule::CertTrustedRoot;
}

bool isX509Rule(Rule rule)
{
    return rule >= Rule::X509Decode && rule <= Rule::X509TrustedRoot;
}

bool isX509CertificateRule(Rule rule)
{
    return rule >= Rule::X509Validity && rule <= Rule::X509TrustedRoot;
}

bool ruleAppliesTo(Rule rule, int certificate, int certificateCount)
{
    const bool leaf = certificate == 0;
    const bool last = certificate == certificateCount - 1;
    switch (rule) {
    case Rule::CertLeafUsage:
        return leaf;
    case Rule::CertLink:
    case Rule::CertSignUsage:
    case Rule::X509Ca:
        return !leaf;
    case Rule::CertTrustedRoot:
    case Rule::X509TrustedRoot:
        return last;
    case Rule::X509Validity:
    case Rule::X509Key:
    case Rule::X509Signature:
        return true;
    case Rule::CrlRevoked:
        return true;
    default:
        return isCertificateRule(rule);
    }
}

} // namespace copp::validation
