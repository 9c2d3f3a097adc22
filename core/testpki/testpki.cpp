// SPDX-License-Identifier: BSD-3-Clause
#include <core/testpki/testpki.h>
#include <core/testpki/keyfiles.h>

#include <core/cert/rsakeyvalue.h>
#include <core/kernel/crypto/sha.h>
#include <core/revocation/revocationlist.h>

#include <QDir>
#include <QFile>

#include <array>
#include <core/util/byteview.h>

namespace copp::testpki {

using crypto::RsaPrivateKey;
using crypto::RsaPublicKey;
using validation::Rule;

namespace {

constexpr char kCertNamespace[] = "http://schemas.microsoft.com/DRM/2004/02/cert";
constexpr char kDsigNamespace[] = "http://www.w3.org/2000/09/xmldsig#";
constexpr char kMslpNamespace[] = "http://www.microsoft.com/DRM/2004/11/mslp";
constexpr char kTestNotice[] =
    "<!-- TEST MATERIAL: written by coppscope-cli testpki with test keys. "
    "It does not chain to Microsoft's COPP root and proves nothing about any real driver. -->";

using KeyFile = testpki::KeyFile<KeySet>;
constexpr std::array kKeyFiles = {
    KeyFile{"root.p8", &KeySet::root, 1024},        KeyFile{"ihv.p8", &KeySet::ihv, 2048},
    KeyFile{"leaf.p8", &KeySet::leaf, 2048},        KeyFile{"crl-signer.p8", &KeySet::crlSigner, 1024},
    KeyFile{"other-root.p8", &KeySet::otherRoot, 1024},
};

// One certificate to write: keys as they will appear, and what to put in Data.
struct CertSpec {
    static CertSpec make(const RsaPrivateKey& subjectKey, const RsaPrivateKey& signerKey, const char* usage, const char* model)
    {
        CertSpec spec;
        spec.subject = subjectKey.publicKey();
        spec.issuer = signerKey.publicKey();
        spec.signer = &signerKey;
        spec.usage = QString::fromLatin1(usage);
        spec.model = QString::fromLatin1(model);
        return spec;
    }
    RsaPublicKey subject;            // Data/PublicKey, as written
    RsaPublicKey issuer;             // Signature/KeyInfo, as written
    const RsaPrivateKey* signer = nullptr;
    QString usage;                   // EncryptKey | SignCertificate | SignCRL
    QString usageValue = QStringLiteral("1");
    bool coppFeature = false;
    QString model;
    bool duplicateChild = false;
    crypto::SignatureScheme scheme = crypto::SignatureScheme::PssSha1Salt0;
    bool corruptDigest = false;
    bool sha256Digest = false;
};

QByteArray escape(const QString& text)
{
    return text.toHtmlEscaped().toUtf8();
}

void padFront(copp::Bytes& bytes, std::size_t toSize)
{
    while (bytes.size() < toSize)
        bytes.insert(bytes.begin(), 0);
}

class Writer {
public:
    explicit Writer(const ChainStyle& style) : m_style(style) {}

    bool namespaced() const { return !m_style.prefix.isEmpty(); }
    QByteArray name(const char* local) const
    {
        return namespaced() ? m_style.prefix.toUtf8() + ':' + local : QByteArray(local);
    }
    QByteArray newline(int depth) const
    {
        return m_style.pretty ? '\n' + QByteArray(2 * depth, ' ') : QByteArray();
    }
    QByteArray base64(const copp::Bytes& bytes) const
    {
        const QByteArray text = cert::toByteArray(bytes).toBase64();
        if (!m_style.wrapBase64)
            return text;
        QByteArray wrapped;
        for (qsizetype i = 0; i < text.size(); i += 64)
            wrapped += "\n" + text.mid(i, 64);
        return wrapped + "\n";
    }
    QByteArray keyValue(const RsaPublicKey& key) const
    {
        return "<KeyValue><RSAKeyValue><Modulus>" + base64(key.modulus) + "</Modulus><Exponent>"
            + base64(key.exponent) + "</Exponent></RSAKeyValue></KeyValue>";
    }
    QByteArray element(const char* local, const QByteArray& content) const
    {
        return '<' + name(local) + '>' + content + "</" + name(local) + '>';
    }

    QByteArray data(const CertSpec& spec, const QString& manufacturer) const
    {
        QByteArray out = '<' + name("Data");
        if (namespaced())
            out += QByteArray(" xmlns=\"") + kCertNamespace + "\" xmlns:m=\"" + kMslpNamespace + '"';
        out += '>';
        const QByteArray usage = spec.usage.toUtf8();
        QList<QByteArray> children{
            element("PublicKey", keyValue(spec.subject)),
            element("KeyUsage", element(usage.constData(), escape(spec.usageValue))),
            element("SecurityLevel", "2000"),
            element("ManufacturerData", element("ManufacturerName", escape(manufacturer))
                                            + element("ModelName", escape(spec.model))),
        };
        if (spec.duplicateChild)
            children.insert(3, element("SecurityLevel", "2000"));
        if (spec.coppFeature)
            children.append(element("Features", element("COPPCertificate", "1")));
        for (const QByteArray& child : children)
            out += newline(3) + child;
        return out + newline(2) + "</" + name("Data") + '>';
    }

    QByteArray signature(const CertSpec& spec, const QByteArray& dataBytes, QByteArray* digestOut) const
    {
        const copp::ByteView message = util::byteView(dataBytes);
        const auto sha = crypto::sha1(message);
        copp::Bytes digest(sha.begin(), sha.end());
        *digestOut = cert::toByteArray(digest);
        if (spec.sha256Digest) {
            const auto sha256 = crypto::sha256(message);
            digest.assign(sha256.begin(), sha256.end());
        }
        if (spec.corruptDigest)
            digest[0] ^= 0x01;
        const auto signed_ = spec.signer->sign(message, spec.scheme);
        const copp::Bytes signatureBytes = signed_ ? signed_.value() : copp::Bytes{};
        QByteArray out = namespaced() ? QByteArray("<Signature xmlns=\"") + kDsigNamespace + "\">" : QByteArray("<Signature>");
        out += "<SignedInfo><CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>"
               "<SignatureMethod Algorithm=\"http://schemas.microsoft.com/DRM/2004/02/CERT/Rsa-sha1\"/>"
               "<Reference><Transforms><Transform Algorithm=\"http://schemas.microsoft.com/DRM/2004/02/CERT/Data\"/>"
               "<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></Transforms>"
               "<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/><DigestValue>"
            + base64(digest) + "</DigestValue></Reference></SignedInfo>";
        out += newline(3) + "<SignatureValue>" + base64(signatureBytes) + "</SignatureValue>";
        out += newline(3) + "<KeyInfo>" + keyValue(spec.issuer) + "</KeyInfo>";
        return out + newline(2) + "</Signature>";
    }

    // Returns the certificate XML; dataOut/digestOut receive the exact signed bytes.
    QByteArray certificate(const CertSpec& spec, int index, QByteArray* dataOut, QByteArray* digestOut) const
    {
        QByteArray dataBytes = data(spec, m_style.manufacturer);
        if (m_style.editData)
            dataBytes = m_style.editData(index, dataBytes);
        *dataOut = m_style.signedForm ? m_style.signedForm(index, dataBytes) : dataBytes;
        QByteArray out = '<' + name("Certificate") + (namespaced() ? ' ' + name("Version") + "=\"2.0\"" : QByteArray()) + '>';
        out += newline(2) + dataBytes + newline(2) + signature(spec, *dataOut, digestOut);
        return out + newline(1) + "</" + name("Certificate") + '>';
    }

    QByteArray collection(const QList<QByteArray>& certificates, const QByteArray& version,
                          const QByteArray& encoding) const
    {
        QByteArray out = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n" + kTestNotice + '\n';
        out += '<' + name("CertificateCollection");
        if (namespaced())
            out += QByteArray(" xmlns=\"") + kDsigNamespace + "\" xmlns:" + m_style.prefix.toUtf8() + "=\"" + kCertNamespace + '"';
        out += ' ' + name("Version") + "=\"" + version + "\">";
        for (const QByteArray& c : certificates)
            out += newline(1) + c;
        return out + newline(0) + "</" + name("CertificateCollection") + ">\n";
    }

private:
    const ChainStyle& m_style;
};

void applyBreak(std::array<CertSpec, 3>& specs, const KeySet& keys, const Break& b)
{
    const int i = b.certificate;
    switch (b.rule) {
    case Rule::CertUniqueChildren:
        specs[i].duplicateChild = true;
        break;
    case Rule::CertModulus: // a leading zero byte: same number, one byte too long
        padFront(specs[i].subject.modulus, specs[i].subject.modulus.size() + 1);
        if (i > 0)
            padFront(specs[i - 1].issuer.modulus, specs[i - 1].issuer.modulus.size() + 1);
        break;
    case Rule::CertExponent:
        padFront(specs[i].subject.exponent, 5);
        if (i > 0)
            padFront(specs[i - 1].issuer.exponent, 5);
        break;
    case Rule::CertLeafUsage:
    case Rule::CertSignUsage:
        specs[i].usageValue = QStringLiteral("0");
        break;
    case Rule::CertLink: // the certificate names another key than the one that signed below it
        specs[i].subject = (i == 2 ? keys.otherRoot : keys.leaf).publicKey();
        break;
    case Rule::CertDigest:
        specs[i].corruptDigest = true;
        break;
    case Rule::CertSignature:
        specs[i].scheme = crypto::SignatureScheme::PssSha1Salt20; // the classic mistake: PSS with salt 20
        break;
    case Rule::CertTrustedRoot: // a self-consistent chain under another root
        specs[2].subject = specs[2].issuer = specs[1].issuer = keys.otherRoot.publicKey();
        specs[2].signer = specs[1].signer = &keys.otherRoot;
        break;
    default:
        break; // collection- and list-level breaks are applied to the document or the list
    }
}

// The signing mistakes of docs/cli.md#diagnoses; the re-serialisations are the
// style's (damagedchain.cpp).
void applyDamage(std::array<CertSpec, 3>& specs, const KeySet& keys, const Damage& d)
{
    using validation::DiagnosisId;
    CertSpec& spec = specs[d.certificate];
    switch (d.id) {
    case DiagnosisId::Sha256: spec.sha256Digest = true; break;
    case DiagnosisId::PssSaltLength: spec.scheme = crypto::SignatureScheme::PssSha1Salt20; break;
    case DiagnosisId::PssSha256: spec.scheme = crypto::SignatureScheme::PssSha256; break;
    case DiagnosisId::Pkcs1v15: spec.scheme = crypto::SignatureScheme::Pkcs1v15Sha1; break;
    case DiagnosisId::OtherChainKey: // the leaf signed by the root itself, the IHV by its own key, the root by the IHV
        spec.signer = d.certificate == 0 ? &keys.root : &keys.ihv;
        break;
    default: break;
    }
}

} // namespace

Result<KeySet> KeySet::generate()
{
    return generateKeySet(kKeyFiles, [](unsigned bits) { return RsaPrivateKey::generate(bits); });
}

Result<KeySet> KeySet::load(const QString& directory)
{
    return loadKeySet(kKeyFiles, directory, "the test PKI");
}

Result<void> KeySet::save(const QString& directory) const
{
    return saveKeySet(kKeyFiles, *this, directory);
}

std::optional<Break> Break::parse(const QString& text, QString* error)
{
    const qsizetype at = text.indexOf(u'@');
    const QString id = at < 0 ? text : text.left(at);
    const auto rule = validation::ruleFromId(id);
    if (!rule) {
        *error = QStringLiteral("unknown rule \"%1\"").arg(id);
        return std::nullopt;
    }
    Break b{*rule, -1};
    const bool perCertificate = validation::isCertificateRule(*rule) || *rule == Rule::CrlRevoked;
    if (at >= 0) {
        bool ok = false;
        b.certificate = text.mid(at + 1).toInt(&ok);
        if (!ok || !perCertificate || b.certificate < 0 || b.certificate > 2
            || !validation::ruleAppliesTo(*rule, b.certificate, 3)) {
            *error = QStringLiteral("%1 cannot be broken at \"%2\"").arg(id, text.mid(at + 1));
            return std::nullopt;
        }
    } else if (perCertificate) {
        *error = QStringLiteral("%1 needs a certificate: %1@N").arg(id);
        return std::nullopt;
    }
    return b;
}

QString Break::toString() const
{
    return validation::ruleAt(rule, certificate);
}

Break Break::expectedFirstFailure() const
{
    if (rule == Rule::CrlRevoked)
        return Break{rule, 0};
    return *this;
}

TestPki::TestPki(KeySet keys) : m_keys(std::move(keys)) {}

BuiltChain TestPki::chain(const ChainStyle& style, std::optional<Break> broken) const
{
    return build(style, broken, std::nullopt);
}

BuiltChain TestPki::build(const ChainStyle& style, std::optional<Break> broken, std::optional<Damage> damage) const
{
    std::array<CertSpec, 3> specs;
    specs[0] = CertSpec::make(m_keys.leaf, m_keys.ihv, "EncryptKey", "Test COPP driver certificate (leaf)");
    specs[0].coppFeature = true;
    specs[1] = CertSpec::make(m_keys.ihv, m_keys.root, "SignCertificate", "Test IHV signing certificate");
    specs[2] = CertSpec::make(m_keys.root, m_keys.root, "SignCertificate", "Test root (stands in for Microsoft)");
    if (broken)
        applyBreak(specs, m_keys, *broken);
    if (damage)
        applyDamage(specs, m_keys, *damage);

    const Writer writer(style);
    BuiltChain built;
    QList<QByteArray> certificates;
    for (int i = 0; i < 3; ++i) {
        QByteArray data, digest;
        certificates.append(writer.certificate(specs[i], i, &data, &digest));
        built.dataBytes.append(data);
        built.digests.append(digest);
    }
    QByteArray version = "2.0";
    QByteArray encoding = "UTF-8";
    if (broken && broken->rule == Rule::CollectionVersion)
        version = "1.9";
    if (broken && broken->rule == Rule::CollectionUtf8)
        encoding = "ISO-8859-1"; // ASCII content: well-formed either way, but not declared UTF-8
    if (broken && broken->rule == Rule::CollectionCount)
        certificates.append(certificates.last());
    built.xml = writer.collection(certificates, version, encoding);
    if (broken && broken->rule == Rule::CollectionWellFormed)
        built.xml.chop(3); // cut inside the closing tag: "...</c:CertificateCollectio"
    return built;
}

QByteArray TestPki::rootKeyXml() const
{
    const RsaPublicKey key = m_keys.root.publicKey();
    return QByteArray(kTestNotice) + "\n<RSAKeyValue><Modulus>" + cert::toByteArray(key.modulus).toBase64()
        + "</Modulus><Exponent>" + cert::toByteArray(key.exponent).toBase64() + "</Exponent></RSAKeyValue>\n";
}

namespace {

// The list format of docs/cli.md#verify: signed by `signer` over everything before
// the signature-type byte, with `signerChain` as its certificate section.
QByteArray signedRevocationList(const RsaPrivateKey& signer, const QByteArray& signerChain,
                                const QList<QByteArray>& revokedDigests, quint32 version, bool corruptSignature)
{
    revocation::RevocationList list;
    list.version = version;
    list.revokedDigests = revokedDigests;
    list.signerChain = signerChain;
    const QByteArray signedPart = list.signedPart();
    const auto signature = signer.sign(cert::toBytes(signedPart));
    list.signature = signature ? cert::toByteArray(signature.value()) : QByteArray();
    if (corruptSignature && !list.signature.isEmpty())
        list.signature[list.signature.size() / 2] = static_cast<char>(list.signature.at(list.signature.size() / 2) ^ 0x40);
    return list.serialize();
}

QByteArray signerCollection(const QList<CertSpec>& path)
{
    ChainStyle plain;
    plain.prefix.clear();
    const Writer writer(plain);
    QByteArray xml = QByteArray("<CertificateCollection Version=\"2.0\">") + kTestNotice;
    for (int i = 0; i < path.size(); ++i) {
        QByteArray data, digest;
        xml += writer.certificate(path[i], i, &data, &digest);
    }
    return xml + "</CertificateCollection>";
}

CertSpec testRootSpec(const KeySet& keys)
{
    return CertSpec::make(keys.root, keys.root, "SignCertificate", "Test root (stands in for Microsoft)");
}

} // namespace

QByteArray TestPki::revocationList(const QList<QByteArray>& revokedDigests, quint32 version, bool corruptSignature) const
{
    const QByteArray signers = signerCollection({CertSpec::make(m_keys.crlSigner, m_keys.root, "SignCRL", "Test CRL signer"),
                                                 testRootSpec(m_keys)});
    return signedRevocationList(m_keys.crlSigner, signers, revokedDigests, version, corruptSignature);
}

QByteArray TestPki::revocationListIssuedBy(ListIssuer issuer, const QList<QByteArray>& revokedDigests) const
{
    const CertSpec ihv = CertSpec::make(m_keys.ihv, m_keys.root, "SignCertificate", "Test IHV signing certificate");
    QList<CertSpec> path;
    if (issuer == ListIssuer::Ihv) {
        path = {CertSpec::make(m_keys.crlSigner, m_keys.ihv, "SignCRL", "Test CRL signer issued by the IHV"), ihv};
    } else {
        CertSpec leaf = CertSpec::make(m_keys.leaf, m_keys.ihv, "EncryptKey", "Test COPP driver certificate (leaf)");
        leaf.coppFeature = true;
        path = {CertSpec::make(m_keys.crlSigner, m_keys.leaf, "SignCRL", "Test CRL signer issued by a driver leaf key"), leaf, ihv};
    }
    path.append(testRootSpec(m_keys));
    return signedRevocationList(m_keys.crlSigner, signerCollection(path), revokedDigests, 1, false);
}

} // namespace copp::testpki
