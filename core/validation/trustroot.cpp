// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/trustroot.h>

#include <core/cert/rsakeyvalue.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace copp::validation {

namespace {
constexpr char kMicrosoftModulus[] =
    "pjoeWLSTLDonQG8She6QhkYbYott9fPZ8tHdB128ZETcghn5KHoyin7HkJEcPJ0Eg4UdSva0KDIYDjA3EXd69R3CN2Wp"
    "/QyOo0ZPYWYp3NXpJ700tKPgIplzo5wVd/69g7j+j8M66W7VNmDwaNs9mDc1p2+VVMsDhOsV/Au6E+E=";
constexpr char kMicrosoftExponent[] = "AQAB";
} // namespace

QString TrustRoot::nameForFile(const QString& path)
{
    return QStringLiteral("test root %1").arg(QFileInfo(path).fileName());
}

QString TrustRoot::displayName(const QString& name)
{
    if (name == u"Microsoft COPP root key")
        return QCoreApplication::translate("copp::validation::TrustRoot", "Microsoft COPP root key");
    if (name == u"test root of the built-in emulator")
        return QCoreApplication::translate("copp::validation::TrustRoot", "test root of the built-in emulator");
    static const QString kFilePrefix = QStringLiteral("test root ");
    if (name.startsWith(kFilePrefix))
        return QCoreApplication::translate("copp::validation::TrustRoot", "test root %1").arg(name.mid(kFilePrefix.size()));
    static const QRegularExpression kMedia(QStringLiteral("^Microsoft media root by SPKI SHA-256 (\\S+) \\(unconfirmed\\)$"));
    if (const auto m = kMedia.match(name); m.hasMatch())
        return QCoreApplication::translate("copp::validation::TrustRoot", "Microsoft media root by SPKI SHA-256 %1 (unconfirmed)")
            .arg(m.captured(1));
    return name;
}

TrustRoot TrustRoot::microsoft()
{
    TrustRoot root;
    root.key.modulus = cert::toBytes(QByteArray::fromBase64(kMicrosoftModulus));
    root.key.exponent = cert::toBytes(QByteArray::fromBase64(kMicrosoftExponent));
    root.name = QStringLiteral("Microsoft COPP root key");
    root.isMicrosoft = true;
    root.verifier = std::make_shared<const crypto::PssSha1Verifier>(crypto::PssSha1Verifier::create(root.key).value());
    return root;
}

Result<TrustRoot> TrustRoot::fromRsaKeyValueXml(const QByteArray& xml, const QString& name)
{
    const cert::XmlDocument doc = cert::XmlDocument::parse(xml, cert::XmlLimits{1024 * 1024, 16, 1000});
    if (!doc.isWellFormed()) {
        return makeError(Error::Code::Malformed,
                         QStringLiteral("the trust root (%1) is not well-formed XML (line %2: %3)")
                             .arg(name, QString::number(doc.errorLine()), doc.errorString())
                             .toStdString());
    }
    const int root = doc.rootElement();
    if (doc.element(root).localName != u"RSAKeyValue") {
        return makeError(Error::Code::Malformed,
                         QStringLiteral("the trust root (%1): root element is <%2>, expected <RSAKeyValue>")
                             .arg(name, doc.element(root).qualifiedName)
                             .toStdString());
    }
    const cert::KeyValueRead key = cert::readRsaKeyValue(doc, root, u"RSAKeyValue");
    if (!key.ok())
        return makeError(Error::Code::Malformed,
                         QStringLiteral("the trust root (%1): %2").arg(name, key.problem).toStdString());
    return fromKey(key.key, name);
}

Result<TrustRoot> TrustRoot::fromKey(const crypto::RsaPublicKey& key, const QString& name)
{
    auto verifier = crypto::PssSha1Verifier::create(key);
    if (!verifier)
        return makeError(Error::Code::Malformed,
                         QStringLiteral("the trust root (%1) is not a usable RSA key: %2")
                             .arg(name, QString::fromStdString(verifier.error().detail))
                             .toStdString());
    TrustRoot out;
    out.key = key;
    out.name = name;
    out.verifier = std::make_shared<const crypto::PssSha1Verifier>(std::move(verifier.value()));
    return out;
}

} // namespace copp::validation
