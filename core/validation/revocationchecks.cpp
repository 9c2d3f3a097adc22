// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/revocationchecks.h>

#include <core/validation/certificatechecks.h>

#include <core/cert/rsakeyvalue.h>
#include <core/util/byteview.h>


namespace copp::validation {

namespace {

StepResult signatureStep(Outcome outcome, const char* text, QStringList args = {})
{
    StepResult s;
    s.rule = Rule::CrlSignature;
    s.outcome = outcome;
    s.detail = Message{text, std::move(args)};
    return s;
}

// The signer's collection "links to the trusted root by the same link/digest/signature
// rules as a chain (its first certificate carrying KeyUsage/SignCRL = 1 ...)"
// (docs/cli.md). As in a chain, every certificate above the first signs the
// one below it, so it must carry KeyUsage/SignCertificate = 1 (cert.sign_usage):
// otherwise a driver's leaf key, which chains to the root, could sign lists.
// Returns the first failing step's description, or an empty string.
QString signerChainProblem(const cert::XmlDocument& doc, const TrustRoot& root)
{
    if (!doc.isWellFormed())
        return QStringLiteral("the signer's certificate chain is not well-formed XML: %1").arg(doc.errorString());
    if (!doc.encoding().isUtf8)
        return QStringLiteral("the signer's certificate chain is not UTF-8: %1").arg(doc.encoding().problem);
    const int collection = doc.rootElement();
    if (doc.element(collection).localName != u"CertificateCollection")
        return QStringLiteral("the signer's certificate chain has root <%1>, not CertificateCollection")
            .arg(doc.element(collection).qualifiedName);
    const QList<int> certificates = doc.children(collection, u"Certificate");
    if (certificates.isEmpty())
        return QStringLiteral("the signer's certificate chain has no Certificate");
    MissingInputs missing;
    QList<CertificateContext> contexts;
    DecodedValues values(doc);
    for (int i = 0; i < certificates.size(); ++i)
        contexts.append(CertificateContext::locate(doc, certificates[i], i, static_cast<int>(certificates.size()), &root, values));
    for (const CertificateContext& c : contexts) {
        QList<StepResult> steps;
        if (c.isLeaf())
            steps.append(checkSignUsage(c, missing, u"SignCRL"));
        else {
            steps.append(checkLink(c, contexts[c.index - 1], missing));
            steps.append(checkSignUsage(c, missing, u"SignCertificate"));
        }
        steps.append(checkDigest(c, missing));
        steps.append(checkSignature(c, missing));
        if (c.isFinal())
            steps.append(checkTrustedRoot(c, root, missing));
        for (const StepResult& s : steps) {
            if (s.outcome != Outcome::Pass)
                return QStringLiteral("signer certificate %1 fails %2: %3").arg(c.index).arg(ruleId(s.rule), s.detail.english());
        }
    }
    return {};
}

} // namespace

RevocationSignatureResult checkRevocationSignature(const QByteArray& listBytes, const TrustRoot& root)
{
    RevocationSignatureResult out;
    const revocation::RevocationParse parsed = revocation::parseRevocationList(listBytes);
    if (!parsed.list) {
        out.step = signatureStep(Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "the revocation list is malformed: %1"), {parsed.problem});
        return out;
    }
    const revocation::RevocationList& list = *parsed.list;
    Facts facts{{QT_TRANSLATE_NOOP("copp::validation::Fact", "list version"), FactValue::number(list.version)},
                {QT_TRANSLATE_NOOP("copp::validation::Fact", "revoked digests"), FactValue::number(list.revokedDigests.size())},
                {QT_TRANSLATE_NOOP("copp::validation::Fact", "signed bytes"), FactValue::number(list.signedLength)}};
    auto fail = [&](const char* text, QStringList args) {
        out.step = signatureStep(Outcome::Fail, text, std::move(args));
        out.step.facts = facts;
        return out;
    };
    if (list.signatureType != revocation::kSignatureTypeSha1Rsa)
        return fail(QT_TRANSLATE_NOOP("copp::validation", "signature type %1; only 2 (SHA-1 with RSA) is defined"), {QString::number(list.signatureType)});
    const cert::XmlDocument signer = cert::XmlDocument::parse(list.signerChain);
    if (const QString problem = signerChainProblem(signer, root); !problem.isEmpty())
        return fail(QT_TRANSLATE_NOOP("copp::validation", "%1"), {problem});
    const int first = signer.children(signer.rootElement(), u"Certificate").first();
    const cert::Lookup publicKey = cert::findPath(signer, first, u"Certificate", {u"Data", u"PublicKey"});
    const cert::KeyValueRead key = cert::readKeyValue(signer, publicKey.element, u"Data/PublicKey");
    if (!publicKey.found() || !key.ok())
        return fail(QT_TRANSLATE_NOOP("copp::validation", "the signer certificate has no usable key: %1"), {publicKey.found() ? key.problem : publicKey.problem});
    const auto verifier = crypto::PssSha1Verifier::create(key.key);
    if (!verifier)
        return fail(QT_TRANSLATE_NOOP("copp::validation", "the signer certificate has no usable key: %1"), {QString::fromStdString(verifier.error().detail)});
    facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signer key (bits)"), QString::number(verifier->modulusBits())});
    const copp::ByteView message = util::byteView(listBytes).first(static_cast<std::size_t>(list.signedLength));
    const copp::ByteView signature = util::byteView(list.signature);
    if (!verifier->verify(message, signature)) {
        // docs/protocol.md Q6: report the recovered salt length so a list signed otherwise is recognised.
        const Message why = explainPssFailure(crypto::decodePssSha1(*verifier, message, signature), &facts);
        fail(QT_TRANSLATE_NOOP("copp::validation", "the list's signature does not verify: %1"), {});
        out.step.detail.nested.push_back(why);
        return out;
    }
    out.step = signatureStep(Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "version %1, %2 revoked digests, signed by a key that chains to %3"),
                             {QString::number(list.version), QString::number(list.revokedDigests.size()), root.name});
    out.step.facts = facts;
    out.trusted = list;
    return out;
}

StepResult checkRevoked(int certificate, const QList<QByteArray>& digests, const revocation::RevocationList& list)
{
    StepResult s;
    s.rule = Rule::CrlRevoked;
    s.certificate = certificate;
    // docs/cli.md: "it fails when the certificate's digest is listed, or the
    // digest of a certificate above it (higher index) is listed" - whatever could
    // not be hashed, a listed digest found is a failure.
    for (int above = certificate; above < digests.size(); ++above) {
        const qsizetype entry = list.revokedDigests.indexOf(digests.value(above));
        if (digests.value(above).isEmpty() || entry < 0)
            continue;
        s.outcome = Outcome::Fail;
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "revoked digest"), FactValue::hex(digests.value(above))});
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "list entry"), FactValue::number(entry)});
        s.detail = above == certificate
            ? Message{QT_TRANSLATE_NOOP("copp::validation", "this certificate's digest %1 is revoked (list entry %2)"),
                      {QString::fromLatin1(digests.value(above).toHex()), QString::number(entry)}}
            : Message{QT_TRANSLATE_NOOP("copp::validation", "certificate %1 above it is revoked (digest %2, list entry %3)"),
                      {QString::number(above), QString::fromLatin1(digests.value(above).toHex()), QString::number(entry)}};
        return s;
    }
    // Nothing listed among what could be hashed: a pass only if everything could.
    for (int above = certificate; above < digests.size(); ++above) {
        if (!digests.value(above).isEmpty())
            continue;
        s.outcome = Outcome::Skipped;
        s.detail = above == certificate
            ? Message{QT_TRANSLATE_NOOP("copp::validation", "not checked: certificate %1 has no Data element to hash"), {QString::number(certificate)}}
            : Message{QT_TRANSLATE_NOOP("copp::validation", "not checked: certificate %1 above it has no Data element to hash, so whether it is listed is unknown"),
                      {QString::number(above)}};
        return s;
    }
    s.outcome = Outcome::Pass;
    s.detail = {QT_TRANSLATE_NOOP("copp::validation", "neither this certificate nor any above it is listed"), {}};
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "digest"), FactValue::hex(digests.value(certificate))});
    return s;
}

} // namespace copp::validation
