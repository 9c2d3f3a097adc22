// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/x509validator.h>

#include <core/cert/x509leaf.h>

#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>
#include <core/util/filereader.h>

#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace copp::validation {

namespace {

using cert::X509CertificateInfo;
using Certificates = QList<X509CertificateInfo>;

constexpr int kLeafKeyBits = 2048;   // "the leaf's RSA-2048 key" (docs/cli.md#opm-sessions)
constexpr int kIssuerKeyBits = 2048; // issuers: at least as strong as the leaf

StepResult step(Rule rule, int certificate, Outcome outcome, const char* text, QStringList args = {})
{
    StepResult s;
    s.rule = rule;
    s.certificate = certificate;
    s.outcome = outcome;
    s.detail = Message{text, std::move(args)};
    return s;
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("(does not decode)");
}

void addSpan(StepResult& s, const X509CertificateInfo& c, const char* role)
{
    if (c.span.isValid())
        s.ranges.append({c.span, role});
}


// --- x509.decode ------------------------------------------------------------

StepResult checkDecode(const Result<cert::X509Bundle>& bundle, const QByteArray& bytes)
{
    if (!bundle) {
        StepResult s = step(Rule::X509Decode, -1, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "not an X.509 certificate bundle: %1"),
                            {QString::fromStdString(bundle.error().detail)});
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "input size (bytes)"), QString::number(bytes.size())});
        return s;
    }
    const QString encoding = cert::encodingName(*bundle);
    const QString count = QString::number(bundle->certificates.size());
    StepResult s = step(Rule::X509Decode, -1, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "%1 with %2 certificate(s), each parses"),
                        {encoding, count});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "encoding"), encoding});
    // docs/cli.md#opm-sessions names a "PKCS#7 (DER)" bundle; OpenSSL reads BER as well,
    // so the bundle decodes, and the evidence says where it is not DER.
    if (!bundle->notDer.isEmpty())
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "not DER"), bundle->notDer});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "certificates"), count});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "input size (bytes)"), QString::number(bytes.size())});
    for (const auto& c : bundle->certificates)
        addSpan(s, c, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate"));
    return s;
}

// --- x509.path --------------------------------------------------------------

struct Walk {
    enum class End { Root, MissingIssuer, Loop };
    End end = End::Root;
    QList<int> order; // bundle indices from the start, as far as it got
};

// From `from` up by issuer until a self-issued certificate (the root).
Walk walkUp(const Certificates& certs, int from)
{
    Walk walk;
    QSet<int> visited;
    int current = from;
    for (;;) {
        walk.order.append(current);
        visited.insert(current);
        if (certs[current].isSelfIssued)
            return walk;
        QList<int> issuers;
        for (int j = 0; j < certs.size(); ++j) {
            if (j != current && cert::x509Issued(certs[j], certs[current]))
                issuers.append(j);
        }
        if (issuers.isEmpty()) {
            walk.end = Walk::End::MissingIssuer;
            return walk;
        }
        // First issuer not yet on the path; when every one is, the names loop.
        const auto next = std::find_if(issuers.begin(), issuers.end(), [&](int j) { return !visited.contains(j); });
        if (next == issuers.end()) {
            walk.order.append(issuers.first());
            walk.end = Walk::End::Loop;
            return walk;
        }
        current = *next;
    }
}

QString pathText(const Certificates& certs, const QList<int>& order)
{
    QStringList names;
    for (int i : order)
        names.append(certs[i].shortName());
    return names.join(QStringLiteral(" → "));
}

QString walkSummary(const Certificates& certs, const Walk& walk)
{
    const X509CertificateInfo& last = certs[walk.order.last()];
    switch (walk.end) {
    case Walk::End::Root:
        return walk.order.size() == 1 ? QStringLiteral("self-issued") : QStringLiteral("reaches %1").arg(last.shortName());
    case Walk::End::MissingIssuer:
        return walk.order.size() == 1
            ? QStringLiteral("its issuer \"%1\" is not in the bundle").arg(last.issuer)
            : QStringLiteral("the path ends at %1, whose issuer \"%2\" is not in the bundle").arg(last.shortName(), last.issuer);
    case Walk::End::Loop:
        return QStringLiteral("loops: %1").arg(pathText(certs, walk.order));
    }
    return {};
}

struct PathResult {
    StepResult step;
    QList<int> order; // a complete path (leaf .. self-issued root), else empty
};

PathResult checkPath(const Certificates& certs)
{
    PathResult result;
    // The leaf "is the certificate that issued no other" (docs/protocol.md §8.2).
    const QList<int> leaves = cert::x509LeafCandidates(certs);
    if (leaves.isEmpty()) {
        result.step = step(Rule::X509Path, -1, Outcome::Fail,
                           QT_TRANSLATE_NOOP("copp::validation", "no leaf: every certificate issued another one, so the issuer links form a loop"));
        return result;
    }
    if (leaves.size() > 1) {
        QStringList candidates;
        for (int i : leaves)
            candidates.append(QStringLiteral("%1: %2").arg(cert::namedInBundle(certs[i]), walkSummary(certs, walkUp(certs, i))));
        result.step = step(Rule::X509Path, -1, Outcome::Fail,
                           QT_TRANSLATE_NOOP("copp::validation", "%1 certificates issued no other certificate, so the leaf is ambiguous (exactly one is needed): %2"),
                           {QString::number(leaves.size()), candidates.join(QStringLiteral("; "))});
        for (int i : leaves)
            addSpan(result.step, certs[i], QT_TRANSLATE_NOOP("copp::validation::Fact", "possible leaf"));
        return result;
    }

    const Walk walk = walkUp(certs, leaves.first());
    const QString path = pathText(certs, walk.order);
    if (walk.end == Walk::End::MissingIssuer) {
        const X509CertificateInfo& last = certs[walk.order.last()];
        result.step = step(Rule::X509Path, -1, Outcome::Fail,
                           QT_TRANSLATE_NOOP("copp::validation", "no path to a self-signed root: the issuer of %1, \"%2\", is not in the bundle (path so far: %3)"),
                           {last.shortName(), last.issuer, path});
        addSpan(result.step, last, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate whose issuer is missing"));
        return result;
    }
    if (walk.end == Walk::End::Loop) {
        result.step = step(Rule::X509Path, -1, Outcome::Fail,
                           QT_TRANSLATE_NOOP("copp::validation", "the path loops without reaching a self-signed root: %1"), {path});
        return result;
    }

    result.order = walk.order;
    QStringList extras;
    for (int i = 0; i < certs.size(); ++i) {
        if (!walk.order.contains(i))
            extras.append(cert::namedInBundle(certs[i]));
    }
    if (extras.isEmpty()) {
        result.step = step(Rule::X509Path, -1, Outcome::Pass,
                           QT_TRANSLATE_NOOP("copp::validation", "%1 certificate(s) from the leaf to a self-issued root: %2"),
                           {QString::number(walk.order.size()), path});
    } else {
        result.step = step(Rule::X509Path, -1, Outcome::Fail,
                           QT_TRANSLATE_NOOP("copp::validation", "the path %1 leaves %2 certificate(s) of the bundle unused: %3"),
                           {path, QString::number(extras.size()), extras.join(QStringLiteral("; "))});
        for (int i = 0; i < certs.size(); ++i) {
            if (!walk.order.contains(i))
                addSpan(result.step, certs[i], QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate not on the path"));
        }
    }
    result.step.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "path length"), QString::number(walk.order.size())});
    for (int position = 0; position < walk.order.size(); ++position)
        result.step.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate on the path"),
                                  QStringLiteral("%1: %2").arg(position).arg(certs[walk.order[position]].subject)});
    return result;
}

// --- per-certificate steps (index in path order) ----------------------------

StepResult checkValidity(const X509CertificateInfo& c, int index, const QDateTime& now)
{
    StepResult s = step(Rule::X509Validity, index, Outcome::Pass, "");
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "validation time"), timeText(now)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "not before"), timeText(c.notBefore)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "not after"), timeText(c.notAfter)});
    addSpan(s, c, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate"));
    if (!c.notBefore.isValid() || !c.notAfter.isValid()) {
        s.outcome = Outcome::Fail;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the validity period does not decode")};
    } else if (now < c.notBefore) {
        s.outcome = Outcome::Fail;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "not yet valid: valid from %1, validation time %2"),
                           {timeText(c.notBefore), timeText(now)}};
    } else if (now > c.notAfter) {
        s.outcome = Outcome::Fail;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "expired: valid until %1, validation time %2"),
                           {timeText(c.notAfter), timeText(now)}};
    } else {
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "valid from %1 to %2"), {timeText(c.notBefore), timeText(c.notAfter)}};
    }
    return s;
}

StepResult checkKey(const X509CertificateInfo& c, int index)
{
    const bool leaf = index == 0;
    StepResult s = step(Rule::X509Key, index, Outcome::Fail, "");
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "public key algorithm"), c.publicKeyAlgorithm});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected key size (bits)"),
                    leaf ? QStringLiteral("exactly %1 (RSA)").arg(kLeafKeyBits) : QStringLiteral("at least %1 (RSA)").arg(kIssuerKeyBits)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "key size (bits)"), QString::number(c.keyBits)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "SPKI SHA-256"), hex(c.spkiSha256)});
    addSpan(s, c, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate"));
    const QString bits = QString::number(c.keyBits);
    if (!c.rsaKey) {
        s.detail = c.keyBits == 0
            ? Message{QT_TRANSLATE_NOOP("copp::validation", "the public key (%1) does not decode"), {c.publicKeyAlgorithm}}
            : Message{QT_TRANSLATE_NOOP("copp::validation", "the public key is %1, not RSA"), {c.publicKeyAlgorithm}};
    } else if (leaf && !c.isRsaEncryptionKey) {
        // OPM encrypts the session start to this key (RSAES-OAEP): a signing-only key cannot do that.
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the leaf's key is %1, restricted to signatures; OPM encrypts to it and needs rsaEncryption"),
                           {c.publicKeyAlgorithm}};
    } else if (leaf && c.keyBits != kLeafKeyBits) {
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the leaf's RSA key is %1 bits; OPM needs exactly %2"),
                           {bits, QString::number(kLeafKeyBits)}};
    } else if (!leaf && c.keyBits < kIssuerKeyBits) {
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "RSA key of %1 bits; an issuing certificate needs at least %2"),
                           {bits, QString::number(kIssuerKeyBits)}};
    } else {
        s.outcome = Outcome::Pass;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "RSA key of %1 bits"), {bits}};
    }
    return s;
}

QString flagText(const cert::X509Flag& flag, const char* absent)
{
    if (!flag.present)
        return QString::fromLatin1(absent);
    return flag.value ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
}

StepResult checkCa(const X509CertificateInfo& c, int index)
{
    StepResult s = step(Rule::X509Ca, index, Outcome::Fail, "");
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "basicConstraints cA"), flagText(c.basicConstraintsCa, "extension absent")});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "keyUsage keyCertSign"), flagText(c.keyCertSign, "no keyUsage extension")});
    addSpan(s, c, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate"));
    if (!c.basicConstraintsCa.present)
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "no basicConstraints extension: an issuing certificate must say cA = TRUE")};
    else if (!c.basicConstraintsCa.value)
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "basicConstraints cA is not TRUE: this certificate may not issue certificates")};
    else if (c.keyCertSign.present && !c.keyCertSign.value)
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "keyUsage is present without keyCertSign")};
    else {
        s.outcome = Outcome::Pass;
        s.detail = c.keyCertSign.present
            ? Message{QT_TRANSLATE_NOOP("copp::validation", "a CA: basicConstraints cA = TRUE, keyUsage keyCertSign")}
            : Message{QT_TRANSLATE_NOOP("copp::validation", "a CA: basicConstraints cA = TRUE (no keyUsage extension)")};
    }
    return s;
}

StepResult checkSignature(const X509CertificateInfo& c, int index, const X509CertificateInfo& signer, bool self)
{
    StepResult s = step(Rule::X509Signature, index, Outcome::Fail, "");
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signature algorithm"), c.signatureAlgorithm});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signer"), signer.subject});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signer's SPKI SHA-256"), hex(signer.spkiSha256)});
    addSpan(s, c, QT_TRANSLATE_NOOP("copp::validation::Fact", "certificate"));
    if (!self)
        addSpan(s, signer, QT_TRANSLATE_NOOP("copp::validation::Fact", "signer's certificate"));
    const QString whose = self ? QStringLiteral("its own key") : QStringLiteral("the key of %1").arg(signer.shortName());
    const cert::X509SignatureCheck check = cert::verifyX509Signature(c, signer);
    if (check.verified) {
        s.outcome = Outcome::Pass;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the %1 signature verifies with %2"), {c.signatureAlgorithm, whose}};
    } else {
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the %1 signature does not verify with %2: %3"),
                           {c.signatureAlgorithm, whose, check.problem}};
    }
    return s;
}

StepResult checkTrustedRoot(const X509CertificateInfo& root, int index, const X509Policy& policy, const QString& anchorName)
{
    StepResult s = step(Rule::X509TrustedRoot, index, Outcome::Fail, "");
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "trust anchor"), anchorName});
    addSpan(s, root, QT_TRANSLATE_NOOP("copp::validation::Fact", "root certificate"));
    if (policy.trustAnchorDer) {
        // "equals the certificate given by --trust-anchor FILE": the DER, byte for byte.
        const auto digest = [](const QByteArray& der) {
            const auto d = crypto::sha256(util::byteView(der));
            return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(d.data()), static_cast<qsizetype>(d.size())).toHex());
        };
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected certificate SHA-256"), digest(*policy.trustAnchorDer)});
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "actual certificate SHA-256"), digest(root.der)});
        if (root.der == *policy.trustAnchorDer) {
            s.outcome = Outcome::Pass;
            s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the root is identical (DER) to the trust anchor %1"), {anchorName}};
        } else {
            s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the root %1 is not the trust anchor %2 (the DER bytes differ)"),
                               {root.shortName(), anchorName}};
        }
        return s;
    }
    const QString expected = QString::fromLatin1(kMicrosoftMediaRootSpkiSha256);
    const QString actual = hex(root.spkiSha256);
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected SPKI SHA-256"), expected});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "actual SPKI SHA-256"), actual});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "note"),
                    QStringLiteral("the expected hash is Microsoft's media root as seen in public OPM clients; unconfirmed")});
    if (actual == expected) {
        s.outcome = Outcome::Pass;
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the root's SubjectPublicKeyInfo SHA-256 is that of Microsoft's media root (as public OPM clients check it; unconfirmed)")};
    } else {
        s.detail = Message{QT_TRANSLATE_NOOP("copp::validation", "the root's SubjectPublicKeyInfo SHA-256 is %1, not %2 (Microsoft's media root as public OPM clients check it; unconfirmed); pass --trust-anchor FILE to trust another root"),
                           {actual, expected}};
    }
    return s;
}

void appendSkippedCertificateSteps(ValidationReport& report, const char* reason)
{
    for (Rule rule : kX509Rules) {
        if (isX509CertificateRule(rule))
            report.steps.append(step(rule, -1, Outcome::Skipped, reason));
    }
}

QString defaultAnchorName()
{
    return QStringLiteral("Microsoft media root by SPKI SHA-256 %1… (unconfirmed)").arg(QString::fromLatin1(kMicrosoftMediaRootSpkiSha256).left(16));
}

} // namespace

QString X509Policy::nameForFile(const QString& path)
{
    return QFileInfo(path).fileName();
}

Result<X509Policy> X509Policy::withTrustAnchor(const QByteArray& certificate, const QString& name)
{
    const auto bundle = cert::parseX509Bundle(certificate);
    if (!bundle)
        return makeError(bundle.error().code, QStringLiteral("%1: ").arg(name).toStdString() + bundle.error().detail);
    if (bundle->certificates.size() != 1)
        return makeError(Error::Code::Malformed, QStringLiteral("%1 holds %2 certificates; give exactly one, the root")
                                                     .arg(name).arg(bundle->certificates.size()).toStdString());
    X509Policy policy;
    policy.trustAnchorDer = bundle->certificates.first().der;
    policy.trustAnchorName = name;
    return policy;
}

Result<X509Policy> X509Policy::withTrustAnchorFile(const QString& path)
{
    const auto bytes = util::readFileLimited(path);
    if (!bytes)
        return bytes.error();
    return withTrustAnchor(bytes.value(), nameForFile(path));
}

X509ChainValidator::X509ChainValidator(X509Policy policy) : m_policy(std::move(policy)) {}

ValidationReport X509ChainValidator::validate(const QByteArray& bytes) const
{
    ValidationReport report;
    report.format = ChainFormat::X509;
    report.x509Bytes = bytes;
    report.trustRootName = m_policy.trustAnchorName.isEmpty() ? defaultAnchorName() : m_policy.trustAnchorName;
    const QDateTime now = m_policy.validationTime.isValid() ? m_policy.validationTime.toUTC() : QDateTime::currentDateTimeUtc();

    const auto bundle = cert::parseX509Bundle(bytes);
    report.steps.append(checkDecode(bundle, bytes));
    if (!bundle) {
        const char* reason = QT_TRANSLATE_NOOP("copp::validation", "not checked: x509.decode failed");
        report.steps.append(step(Rule::X509Path, -1, Outcome::Skipped, reason));
        appendSkippedCertificateSteps(report, reason);
        return report;
    }
    const Certificates& all = bundle->certificates;
    const PathResult path = checkPath(all);
    report.steps.append(path.step);
    if (path.order.isEmpty()) {
        report.x509Certificates = all;
        appendSkippedCertificateSteps(report, QT_TRANSLATE_NOOP("copp::validation", "not checked: no path from a leaf to a self-signed root (x509.path failed)"));
        return report;
    }

    // Path order from here on: 0 = leaf, last = root; certificates off the path follow.
    for (int i : path.order)
        report.x509Certificates.append(all[i]);
    for (int i = 0; i < all.size(); ++i) {
        if (!path.order.contains(i))
            report.x509Certificates.append(all[i]);
    }
    const int count = static_cast<int>(path.order.size());
    report.x509PathLength = count;
    const Certificates& certs = report.x509Certificates;
    for (int i = 0; i < count; ++i) {
        for (Rule rule : kX509Rules) {
            if (!isX509CertificateRule(rule) || !ruleAppliesTo(rule, i, count))
                continue;
            switch (rule) {
            case Rule::X509Validity: report.steps.append(checkValidity(certs[i], i, now)); break;
            case Rule::X509Key: report.steps.append(checkKey(certs[i], i)); break;
            case Rule::X509Ca: report.steps.append(checkCa(certs[i], i)); break;
            case Rule::X509Signature: {
                const bool root = i == count - 1;
                report.steps.append(checkSignature(certs[i], i, certs[root ? i : i + 1], root));
                break;
            }
            case Rule::X509TrustedRoot: report.steps.append(checkTrustedRoot(certs[i], i, m_policy, report.trustRootName)); break;
            default: break;
            }
        }
    }
    return report;
}

bool looksLikeX509(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return false;
    if (static_cast<unsigned char>(bytes.at(0)) == 0x30)
        return true;
    // PEM, possibly with text around it (RFC 7468 §2), unless it is XML.
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && (bytes.at(i) == ' ' || bytes.at(i) == '\t' || bytes.at(i) == '\r' || bytes.at(i) == '\n'))
        ++i;
    return i < bytes.size() && bytes.at(i) != '<' && bytes.contains("-----BEGIN ");
}

std::optional<crypto::RsaPublicKey> x509LeafKey(const ValidationReport& report)
{
    if (report.format != ChainFormat::X509 || report.x509PathLength == 0 || report.x509Certificates.isEmpty())
        return std::nullopt;
    return report.x509Certificates.first().rsaKey;
}

} // namespace copp::validation
