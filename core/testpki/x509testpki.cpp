// SPDX-License-Identifier: BSD-3-Clause
#include <core/testpki/x509testpki.h>
#include <core/testpki/keyfiles.h>

#include <core/cert/x509bundle.h>
#include <core/cert/opensslowners.h>
#include <core/util/byteview.h>

#include <QDir>
#include <QFile>

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <memory>

namespace copp::testpki {

using crypto::RsaPrivateKey;
using validation::Rule;

namespace {

using namespace cert::openssl;
using NamePtr = Owner<X509_NAME, X509_NAME_free>;
using Pkcs8Ptr = Owner<PKCS8_PRIV_KEY_INFO, PKCS8_PRIV_KEY_INFO_free>;
using BitStringPtr = Owner<ASN1_BIT_STRING, ASN1_BIT_STRING_free>;
using OctetStringPtr = Owner<ASN1_OCTET_STRING, ASN1_OCTET_STRING_free>;
using AuthorityKeyIdPtr = Owner<AUTHORITY_KEYID, AUTHORITY_KEYID_free>;
using PubkeyPtr = Owner<X509_PUBKEY, X509_PUBKEY_free>;

constexpr char kOrganization[] = "CoppScope TEST PKI";

Error failure(const char* what)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof text);
    return makeError(Error::Code::Crypto, std::string("test PKI: ") + what + " (" + text + ")");
}

PkeyPtr toPkey(const RsaPrivateKey& key)
{
    const Bytes der = key.toPkcs8();
    const unsigned char* p = der.data();
    return PkeyPtr(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(der.size())));
}

Result<RsaPrivateKey> generateKey(unsigned bits)
{
    // OpenSSL's key generation, handed over as PKCS#8 so the key is a plain
    // crypto::RsaPrivateKey like the COPP test keys.
    const PkeyPtr key(EVP_RSA_gen(bits));
    if (!key)
        return failure("RSA key generation failed");
    const Pkcs8Ptr info(EVP_PKEY2PKCS8(key.get()));
    if (!info)
        return failure("PKCS#8 encoding failed");
    unsigned char* der = nullptr;
    const int length = i2d_PKCS8_PRIV_KEY_INFO(info.get(), &der);
    if (length <= 0)
        return failure("PKCS#8 encoding failed");
    Bytes bytes(der, der + length);
    OPENSSL_clear_free(der, static_cast<std::size_t>(length));
    return RsaPrivateKey::fromPkcs8(bytes);
}

NamePtr makeName(const QString& cn)
{
    NamePtr name(X509_NAME_new());
    const QByteArray utf8 = cn.toUtf8();
    // O first, CN last: RFC 2253 text reverses the order and reads "CN=…,O=…".
    if (!name
        || !X509_NAME_add_entry_by_txt(name.get(), "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(kOrganization), -1, -1, 0)
        || !X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(utf8.constData()),
                                       static_cast<int>(utf8.size()), -1, 0))
        return nullptr;
    return name;
}

// RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING.
OctetStringPtr keyIdentifier(EVP_PKEY* key)
{
    X509_PUBKEY* raw = nullptr;
    if (!X509_PUBKEY_set(&raw, key))
        return nullptr;
    const PubkeyPtr pub(raw);
    const unsigned char* bits = nullptr;
    int bitsLength = 0;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    OctetStringPtr id(ASN1_OCTET_STRING_new());
    if (!id || !X509_PUBKEY_get0_param(nullptr, &bits, &bitsLength, nullptr, pub.get())
        || !EVP_Digest(bits, static_cast<std::size_t>(bitsLength), md, &length, EVP_sha1(), nullptr)
        || !ASN1_OCTET_STRING_set(id.get(), md, static_cast<int>(length)))
        return nullptr;
    return id;
}

bool addExtensions(X509* x, const X509CertSpec& spec, EVP_PKEY* subjectKey, EVP_PKEY* signerKey)
{
    BasicConstraintsPtr bc(BASIC_CONSTRAINTS_new());
    if (!bc)
        return false;
    bc->ca = spec.ca ? 0xFF : 0;
    if (X509_add1_ext_i2d(x, NID_basic_constraints, bc.get(), 1, X509V3_ADD_DEFAULT) != 1)
        return false;
    if (spec.keyUsage) {
        BitStringPtr usage(ASN1_BIT_STRING_new());
        // Bits of RFC 5280 §4.2.1.3: 0 digitalSignature, 2 keyEncipherment, 5 keyCertSign, 6 cRLSign.
        const std::array<int, 2> bits = spec.ca ? std::array<int, 2>{5, 6} : std::array<int, 2>{0, 2};
        if (!usage)
            return false;
        for (int bit : bits) {
            if (!ASN1_BIT_STRING_set_bit(usage.get(), bit, 1))
                return false;
        }
        if (X509_add1_ext_i2d(x, NID_key_usage, usage.get(), 1, X509V3_ADD_DEFAULT) != 1)
            return false;
    }
    if (spec.keyIdentifiers) {
        const OctetStringPtr ski = keyIdentifier(subjectKey);
        AuthorityKeyIdPtr aki(AUTHORITY_KEYID_new());
        if (!ski || !aki)
            return false;
        aki->keyid = keyIdentifier(signerKey).release();
        if (!aki->keyid
            || X509_add1_ext_i2d(x, NID_subject_key_identifier, ski.get(), 0, X509V3_ADD_DEFAULT) != 1
            || X509_add1_ext_i2d(x, NID_authority_key_identifier, aki.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return false;
    }
    return true;
}

QByteArray derOf(const X509* x)
{
    const int length = i2d_X509(x, nullptr);
    if (length <= 0)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d_X509(x, &p);
    return out;
}

using KeyFile = testpki::KeyFile<X509KeySet>;
constexpr std::array kKeyFiles = {
    KeyFile{"opm-root.p8", &X509KeySet::root, 2048},
    KeyFile{"opm-intermediate.p8", &X509KeySet::intermediate, 2048},
    KeyFile{"opm-leaf.p8", &X509KeySet::leaf, 2048},
    KeyFile{"opm-other-root.p8", &X509KeySet::otherRoot, 2048},
    KeyFile{"opm-weak.p8", &X509KeySet::weak, 1024},
};

} // namespace

Result<X509KeySet> X509KeySet::generate()
{
    const ErrorQueueGuard guard;
    return generateKeySet(kKeyFiles, [](unsigned bits) { return generateKey(bits); });
}

bool X509KeySet::existsIn(const QString& directory)
{
    return QFile::exists(QDir(directory).filePath(QString::fromLatin1(kKeyFiles[0].name)));
}

Result<X509KeySet> X509KeySet::load(const QString& directory)
{
    return loadKeySet(kKeyFiles, directory, "the OPM test PKI");
}

Result<void> X509KeySet::save(const QString& directory) const
{
    return saveKeySet(kKeyFiles, *this, directory);
}

std::optional<X509Break> X509Break::parse(const QString& text, QString* error)
{
    constexpr int kChainLength = 3;
    const qsizetype at = text.indexOf(u'@');
    const QString id = at < 0 ? text : text.left(at);
    const auto rule = validation::ruleFromId(id);
    if (!rule || !validation::isX509Rule(*rule)) {
        *error = QStringLiteral("unknown OPM rule \"%1\" (x509.decode, x509.path, x509.validity@N, x509.key@N, x509.ca@N, "
                                "x509.signature@N, x509.trusted_root)").arg(id);
        return std::nullopt;
    }
    X509Break b{*rule, -1};
    const bool perCertificate = validation::isX509CertificateRule(*rule);
    if (at >= 0) {
        bool ok = false;
        b.certificate = text.mid(at + 1).toInt(&ok);
        if (!ok || !perCertificate || b.certificate < 0 || b.certificate >= kChainLength
            || !validation::ruleAppliesTo(*rule, b.certificate, kChainLength)) {
            *error = QStringLiteral("%1 cannot be broken at \"%2\"").arg(id, text.mid(at + 1));
            return std::nullopt;
        }
    } else if (*rule == Rule::X509TrustedRoot) {
        b.certificate = kChainLength - 1; // the root is the only certificate it applies to
    } else if (perCertificate) {
        *error = QStringLiteral("%1 needs a certificate: %1@N (0 leaf, 1 intermediate, 2 root)").arg(id);
        return std::nullopt;
    }
    return b;
}

QString X509Break::toString() const
{
    return validation::ruleAt(rule, certificate);
}

Result<QByteArray> makeX509Certificate(const X509CertSpec& spec)
{
    const ErrorQueueGuard guard;
    if (!spec.subjectKey || !spec.signerKey)
        return makeError(Error::Code::Usage, "test PKI: a certificate needs a subject key and a signer key");
    const PkeyPtr subjectKey = toPkey(*spec.subjectKey);
    const PkeyPtr signerKey = toPkey(*spec.signerKey);
    if (!subjectKey || !signerKey)
        return failure("the key does not convert to OpenSSL");
    const NamePtr subject = makeName(spec.subjectCn);
    const NamePtr issuer = makeName(spec.issuerCn);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime notBefore = spec.notBefore.isValid() ? spec.notBefore : now.addDays(-1);
    const QDateTime notAfter = spec.notAfter.isValid() ? spec.notAfter : now.addYears(10);

    X509Ptr x(X509_new());
    if (!x || !subject || !issuer || !X509_set_version(x.get(), X509_VERSION_3)
        || !ASN1_INTEGER_set_uint64(X509_get_serialNumber(x.get()), spec.serial)
        || !X509_set_subject_name(x.get(), subject.get()) || !X509_set_issuer_name(x.get(), issuer.get())
        || !ASN1_TIME_set(X509_getm_notBefore(x.get()), static_cast<time_t>(notBefore.toSecsSinceEpoch()))
        || !ASN1_TIME_set(X509_getm_notAfter(x.get()), static_cast<time_t>(notAfter.toSecsSinceEpoch()))
        || !X509_set_pubkey(x.get(), subjectKey.get()))
        return failure("the certificate fields cannot be set");
    if (!addExtensions(x.get(), spec, subjectKey.get(), signerKey.get()))
        return failure("the extensions cannot be added");
    if (X509_sign(x.get(), signerKey.get(), EVP_sha256()) <= 0)
        return failure("signing failed");
    QByteArray der = derOf(x.get());
    if (der.isEmpty())
        return failure("DER encoding failed");
    // The signature value is the certificate's last bytes: flip one bit of it.
    if (spec.corruptSignature)
        der[der.size() - 1] = static_cast<char>(der.at(der.size() - 1) ^ 0x01);
    return der;
}

bool derSetOfLess(const QByteArray& a, const QByteArray& b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (a.at(i) != b.at(i))
            return static_cast<unsigned char>(a.at(i)) < static_cast<unsigned char>(b.at(i));
    }
    // Equal so far: the longer is greater unless its rest is all zero (then they tie).
    const QByteArray& longer = a.size() > b.size() ? a : b;
    const bool restIsZero = std::all_of(longer.begin() + common, longer.end(), [](char c) { return c == 0; });
    return !restIsZero && &longer == &b;
}

Result<QByteArray> makePkcs7Bundle(const QList<QByteArray>& given, SetOrder order)
{
    // OpenSSL declares PKCS #7's certificates a SEQUENCE OF and writes them in
    // the order they are added; DER needs the SET OF sorted.
    QList<QByteArray> certificatesDer = given;
    if (order == SetOrder::Der)
        std::stable_sort(certificatesDer.begin(), certificatesDer.end(), derSetOfLess);
    const ErrorQueueGuard guard;
    // As `openssl crl2pkcs7 -nocrl` makes it: SignedData, detached empty data, no signers.
    Pkcs7Ptr p7(PKCS7_new());
    if (!p7 || !PKCS7_set_type(p7.get(), NID_pkcs7_signed) || !PKCS7_content_new(p7.get(), NID_pkcs7_data)
        || !PKCS7_set_detached(p7.get(), 1))
        return failure("PKCS#7 SignedData cannot be made");
    for (const QByteArray& der : certificatesDer) {
        const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
        const X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
        if (!x || !PKCS7_add_certificate(p7.get(), x.get())) // adds a reference of its own
            return failure("a certificate cannot be added to the PKCS#7 bundle");
    }
    const int length = i2d_PKCS7(p7.get(), nullptr);
    if (length <= 0)
        return failure("PKCS#7 encoding failed");
    QByteArray out(length, Qt::Uninitialized);
    auto* q = reinterpret_cast<unsigned char*>(out.data());
    i2d_PKCS7(p7.get(), &q);
    return out;
}

X509TestPki::X509TestPki(X509KeySet keys, QDateTime now)
    : m_keys(std::move(keys))
    , m_now((now.isValid() ? now : QDateTime::currentDateTimeUtc()).toUTC())
{
    m_now = m_now.addMSecs(-m_now.time().msec()); // certificates hold whole seconds
}

QString X509TestPki::rootCn()
{
    return QStringLiteral("CoppScope TEST root – not Microsoft");
}

QString X509TestPki::intermediateCn()
{
    return QStringLiteral("CoppScope TEST intermediate – not an IHV");
}

QString X509TestPki::leafCn()
{
    return QStringLiteral("CoppScope TEST OPM leaf – not a real driver");
}

QString X509TestPki::otherRootCn()
{
    return QStringLiteral("CoppScope TEST other root – untrusted");
}

QList<X509CertSpec> X509TestPki::chainSpecs(std::optional<X509Break> broken) const
{
    auto make = [this](const QString& subject, const QString& issuer, const RsaPrivateKey& key, const RsaPrivateKey& signer,
                       bool ca, quint64 serial) {
        X509CertSpec spec;
        spec.subjectCn = subject;
        spec.issuerCn = issuer;
        spec.subjectKey = &key;
        spec.signerKey = &signer;
        spec.ca = ca;
        spec.serial = serial;
        spec.notBefore = m_now.addDays(-1);
        spec.notAfter = m_now.addYears(10);
        return spec;
    };
    QList<X509CertSpec> specs{
        make(leafCn(), intermediateCn(), m_keys.leaf, m_keys.intermediate, false, 3),
        make(intermediateCn(), rootCn(), m_keys.intermediate, m_keys.root, true, 2),
        make(rootCn(), rootCn(), m_keys.root, m_keys.root, true, 1),
    };
    if (!broken)
        return specs;
    const int i = broken->certificate;
    switch (broken->rule) {
    case Rule::X509Validity: // expired a year ago
        specs[i].notBefore = m_now.addYears(-2);
        specs[i].notAfter = m_now.addYears(-1);
        break;
    case Rule::X509Key: // a 1024-bit key; whatever it signs is signed with it
        specs[i].subjectKey = &m_keys.weak;
        if (i > 0)
            specs[i - 1].signerKey = &m_keys.weak;
        if (i == 2)
            specs[i].signerKey = &m_keys.weak;
        break;
    case Rule::X509Ca:
        specs[i].ca = false;
        break;
    case Rule::X509Signature:
        specs[i].corruptSignature = true;
        break;
    case Rule::X509TrustedRoot: // a self-consistent chain under another root
        specs[2] = make(otherRootCn(), otherRootCn(), m_keys.otherRoot, m_keys.otherRoot, true, 4);
        specs[1].issuerCn = otherRootCn();
        specs[1].signerKey = &m_keys.otherRoot;
        break;
    default:
        break; // x509.decode and x509.path change the bundle, not the certificates
    }
    return specs;
}

Result<X509Material> X509TestPki::material(std::optional<X509Break> broken) const
{
    X509Material m;
    for (const X509CertSpec& spec : chainSpecs(broken)) {
        auto der = makeX509Certificate(spec);
        if (!der)
            return der.error();
        m.certificates.append(der.value());
    }
    // The trust anchor is the test root, also when the chain ends elsewhere.
    QByteArray root = m.certificates.last();
    if (broken && broken->rule == Rule::X509TrustedRoot) {
        auto real = makeX509Certificate(chainSpecs().last());
        if (!real)
            return real.error();
        root = real.value();
    }
    m.trustAnchorPem = cert::toPem(root, "CERTIFICATE");
    const bool weakLeaf = broken && broken->rule == Rule::X509Key && broken->certificate == 0;
    m.leafPrivateKey = util::toQByteArray((weakLeaf ? m_keys.weak : m_keys.leaf).toPkcs8());

    QList<QByteArray> packed = m.certificates;
    if (broken && broken->rule == Rule::X509Path)
        packed.removeAt(1); // the intermediate is missing
    auto bundle = makePkcs7Bundle(packed);
    if (!bundle)
        return bundle.error();
    m.bundle = bundle.value();
    if (broken && broken->rule == Rule::X509Decode)
        m.bundle.chop(m.bundle.size() / 3); // cut off: the declared lengths overrun the bytes
    return m;
}

} // namespace copp::testpki
