// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/chainvalidator.h>

#include <core/validation/certificatechecks.h>
#include <core/validation/collectionchecks.h>
#include <core/validation/revocationchecks.h>

#include <core/cert/bytevalues.h>


namespace copp::validation {

namespace {

constexpr int kChainLength = 3; // "exactly three Certificate elements"

StepResult skipped(Rule rule, int certificate, const char* text, QStringList args = {})
{
    StepResult s;
    s.rule = rule;
    s.certificate = certificate;
    s.outcome = Outcome::Skipped;
    s.detail = Message{text, std::move(args)};
    return s;
}

QByteArray dataDigest(const CertificateContext& c)
{
    return c.data.found() ? cert::elementSha1(*c.doc, c.data.element) : QByteArray();
}

} // namespace

ChainValidator::ChainValidator(ValidationPolicy policy) : m_policy(std::move(policy)) {}

ValidationReport ChainValidator::validate(const QByteArray& chainBytes) const
{
    ValidationReport report;
    report.trustRootName = m_policy.trustRoot.name;
    report.document = cert::XmlDocument::parse(chainBytes);
    const cert::XmlDocument& doc = report.document;

    // Collection procedure, steps 1-4.
    report.steps.reserve(qsizetype(kAllRules.size()) * kChainLength); // more than ever needed: no regrowth
    report.steps << checkWellFormed(doc) << checkUtf8(doc) << checkVersion(doc) << checkCount(doc);
    const StepResult* collectionFailure = report.firstFailure();

    // Validate Certificate procedure for each of the three certificates.
    QList<CertificateContext> contexts;
    DecodedValues values(doc);
    if (!collectionFailure) {
        const QList<int> certificates = doc.children(doc.rootElement(), u"Certificate");
        for (int i = 0; i < kChainLength; ++i)
            contexts.append(CertificateContext::locate(doc, certificates[i], i, kChainLength, &m_policy.trustRoot, values));
    }
    const QString collectionRule = collectionFailure ? ruleId(collectionFailure->rule) : QString();
    MissingInputs missing;
    for (int i = 0; i < kChainLength; ++i) {
        for (Rule rule : kAllRules) {
            if (!isCertificateRule(rule) || !ruleAppliesTo(rule, i, kChainLength))
                continue;
            if (collectionFailure) {
                report.steps.append(skipped(rule, i, QT_TRANSLATE_NOOP("copp::validation", "not checked: the collection failed %1"), {collectionRule}));
                continue;
            }
            const CertificateContext& c = contexts[i];
            switch (rule) {
            case Rule::CertUniqueChildren: report.steps.append(checkUniqueChildren(c, missing)); break;
            case Rule::CertModulus: report.steps.append(checkModulus(c, missing)); break;
            case Rule::CertExponent: report.steps.append(checkExponent(c, missing)); break;
            case Rule::CertLeafUsage: report.steps.append(checkLeafUsage(c, missing)); break;
            case Rule::CertLink: report.steps.append(checkLink(c, contexts[i - 1], missing)); break;
            case Rule::CertSignUsage: report.steps.append(checkSignUsage(c, missing)); break;
            case Rule::CertDigest: report.steps.append(checkDigest(c, missing)); break;
            case Rule::CertSignature: report.steps.append(checkSignature(c, missing)); break;
            case Rule::CertTrustedRoot: report.steps.append(checkTrustedRoot(c, m_policy.trustRoot, missing)); break;
            default: break;
            }
        }
    }

    // Revocation: "Without --crl, both rules are skipped."
    if (!m_policy.revocationList) {
        report.steps.append(skipped(Rule::CrlSignature, -1, QT_TRANSLATE_NOOP("copp::validation", "not checked: no revocation list given")));
        for (int i = 0; i < kChainLength; ++i)
            report.steps.append(skipped(Rule::CrlRevoked, i, QT_TRANSLATE_NOOP("copp::validation", "not checked: no revocation list given")));
        return report;
    }
    const RevocationSignatureResult list = checkRevocationSignature(*m_policy.revocationList, m_policy.trustRoot);
    report.steps.append(list.step);
    QList<QByteArray> digests;
    for (const CertificateContext& c : contexts)
        digests.append(dataDigest(c));
    for (int i = 0; i < kChainLength; ++i) {
        if (collectionFailure)
            report.steps.append(skipped(Rule::CrlRevoked, i, QT_TRANSLATE_NOOP("copp::validation", "not checked: the collection failed %1"), {collectionRule}));
        else if (!list.trusted)
            report.steps.append(skipped(Rule::CrlRevoked, i, QT_TRANSLATE_NOOP("copp::validation", "not checked: the revocation list is not trusted (crl.signature failed)")));
        else
            report.steps.append(checkRevoked(i, digests, *list.trusted));
    }
    return report;
}

} // namespace copp::validation
