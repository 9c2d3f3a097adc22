// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/x509bundle.h>

#include <core/cert/opensslowners.h>
#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace copp::cert {

namespace {

using namespace openssl;
using BioPtr = Owner<BIO, BIO_free_all>; // for names as text
using BnPtr = Owner<BIGNUM, BN_free>;
struct OpenSslFree {
    void operator()(void* p) const { OPENSSL_free(p); }
};
using OpenSslString = std::unique_ptr<char, OpenSslFree>;

// The earliest queued error (the root cause), as "library: reason".
QString openSslProblem()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("no detail from OpenSSL");
    const char* lib = ERR_lib_error_string(e);
    const char* reason = ERR_reason_error_string(e);
    const QString why = reason ? QString::fromLatin1(reason) : QStringLiteral("error %1").arg(ERR_GET_REASON(e));
    return lib ? QString::fromLatin1(lib) + QStringLiteral(": ") + why : why;
}

Error malformed(const QString& text)
{
    return makeError(Error::Code::Malformed, text.toStdString());
}

template <typename T, typename Encode>
QByteArray encode(const T* object, Encode i2d)
{
    const int length = i2d(object, nullptr);
    if (length <= 0)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    auto* p = reinterpret_cast<unsigned char*>(out.data());
    i2d(object, &p);
    return out;
}

QString objectName(const ASN1_OBJECT* object)
{
    const int nid = OBJ_obj2nid(object);
    if (nid != NID_undef)
        return QString::fromLatin1(OBJ_nid2ln(nid));
    char text[128] = {};
    OBJ_obj2txt(text, sizeof text, object, 1);
    return QString::fromLatin1(text);
}

// RFC 2253 text without escaping non-ASCII, so "–" reads as "–" and not "\E2\80\93".
QString nameText(const X509_NAME* name)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, static_cast<qsizetype>(length));
}

QDateTime timeValue(const ASN1_TIME* time)
{
    std::tm tm{};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QByteArray octets(const ASN1_OCTET_STRING* s)
{
    if (!s)
        return {};
    return QByteArray(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
}

Bytes bignumParam(const EVP_PKEY* key, const char* name)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    const BnPtr bn(raw);
    Bytes out(static_cast<std::size_t>(BN_num_bytes(bn.get())));
    BN_bn2bin(bn.get(), out.data());
    return out;
}

void describeKey(const X509* x, X509CertificateInfo& info)
{
    X509_PUBKEY* pub = X509_get_X509_PUBKEY(x);
    ASN1_OBJECT* algorithm = nullptr;
    if (pub && X509_PUBKEY_get0_param(&algorithm, nullptr, nullptr, nullptr, pub) == 1 && algorithm)
        info.publicKeyAlgorithm = objectName(algorithm);
    info.spkiDer = encode(pub, i2d_X509_PUBKEY);
    const auto digest = crypto::sha256(util::byteView(info.spkiDer));
    info.spkiSha256 = QByteArray(reinterpret_cast<const char*>(digest.data()), static_cast<qsizetype>(digest.size()));

    // A key OpenSSL cannot decode leaves keyBits 0; x509.key says so.
    const EVP_PKEY* key = X509_get0_pubkey(x);
    if (!key)
        return;
    info.keyBits = EVP_PKEY_get_bits(key);
    const int type = EVP_PKEY_get_base_id(key);
    if (type != EVP_PKEY_RSA && type != EVP_PKEY_RSA_PSS)
        return;
    info.isRsaEncryptionKey = type == EVP_PKEY_RSA;
    crypto::RsaPublicKey rsa{bignumParam(key, OSSL_PKEY_PARAM_RSA_N), bignumParam(key, OSSL_PKEY_PARAM_RSA_E)};
    if (!rsa.modulus.empty() && !rsa.exponent.empty())
        info.rsaKey = std::move(rsa);
}

} // namespace

struct DecodedX509 {
    openssl::X509Ptr x509;
};

namespace {

X509CertificateInfo describe(X509* x)
{
    X509CertificateInfo info;
    if (X509_up_ref(x) == 1)
        info.decoded = std::make_shared<const DecodedX509>(DecodedX509{X509Ptr(x)});
    info.der = encode(x, i2d_X509);
    const X509_NAME* subject = X509_get_subject_name(x);
    const X509_NAME* issuer = X509_get_issuer_name(x);
    info.subject = nameText(subject);
    info.issuer = nameText(issuer);
    info.subjectDer = encode(subject, i2d_X509_NAME);
    info.issuerDer = encode(issuer, i2d_X509_NAME);
    info.isSelfIssued = X509_NAME_cmp(subject, issuer) == 0;

    if (BnPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x), nullptr)); serial) {
        const OpenSslString hex(BN_bn2hex(serial.get()));
        info.serialHex = hex ? QString::fromLatin1(hex.get()).toLower() : QString();
    }
    info.notBefore = timeValue(X509_get0_notBefore(x));
    info.notAfter = timeValue(X509_get0_notAfter(x));

    const X509_ALGOR* signatureAlgorithm = nullptr;
    X509_get0_signature(nullptr, &signatureAlgorithm, x);
    const ASN1_OBJECT* algorithm = nullptr;
    if (signatureAlgorithm) {
        X509_ALGOR_get0(&algorithm, nullptr, nullptr, signatureAlgorithm);
        info.signatureAlgorithm = objectName(algorithm);
    }
    describeKey(x, info);

    info.subjectKeyId = octets(X509_get0_subject_key_id(x));
    if (const ASN1_OCTET_STRING* aki = X509_get0_authority_key_id(x))
        info.authorityKeyId = octets(aki);

    int critical = -1; // -1 absent, -2 more than once, else decoded (or not) once
    const BasicConstraintsPtr bc(static_cast<BASIC_CONSTRAINTS*>(X509_get_ext_d2i(x, NID_basic_constraints, &critical, nullptr)));
    info.basicConstraintsCa = {critical != -1, bc && bc->ca != 0};
    const bool hasKeyUsage = (X509_get_extension_flags(x) & EXFLAG_KUSAGE) != 0;
    info.keyCertSign = {hasKeyUsage, hasKeyUsage && (X509_get_key_usage(x) & KU_KEY_CERT_SIGN) != 0};
    ERR_clear_error(); // extension caching may queue complaints about odd extensions
    return info;
}

// --- DER framing: what is at `at`, and how long is it? ---------------------

struct DerHeader {
    unsigned tag = 0;
    qsizetype headerLength = 0;
    qsizetype contentLength = 0; // -1: indefinite (BER)
    bool derLength = true;       // definite, in the fewest bytes (X.690 §10.1)
};

// The one reader of DER/BER headers here: the tag and length at `at`, within bytes[at, end).
Result<DerHeader> readHeader(const QByteArray& bytes, qsizetype at, qsizetype end = -1)
{
    const qsizetype remaining = (end < 0 ? bytes.size() : end) - at;
    const qsizetype where = at;
    if (remaining < 2)
        return malformed(QStringLiteral("truncated: %1 byte(s) at byte %2 cannot hold a DER header").arg(remaining).arg(where));
    DerHeader h;
    h.tag = static_cast<unsigned char>(bytes.at(at));
    const auto first = static_cast<unsigned char>(bytes.at(at + 1));
    h.headerLength = 2;
    h.contentLength = first;
    if (first == 0x80) {
        h.contentLength = -1;
        h.derLength = false;
    } else if (first > 0x80) {
        const int n = first & 0x7f;
        if (n > 4)
            return malformed(QStringLiteral("byte %1: the DER length field is %2 bytes long; no input this tool reads is that large").arg(where).arg(n));
        if (remaining < 2 + n)
            return malformed(QStringLiteral("truncated: the DER length field at byte %1 is cut off").arg(where));
        quint64 length = 0;
        for (int i = 0; i < n; ++i)
            length = (length << 8) | static_cast<unsigned char>(bytes.at(at + 2 + i));
        h.headerLength = 2 + n;
        h.contentLength = static_cast<qsizetype>(length);
        h.derLength = bytes.at(at + 2) != 0 && (n > 1 || length >= 0x80);
    }
    if (h.contentLength > remaining - h.headerLength)
        return malformed(QStringLiteral("truncated: the DER object at byte %1 declares %2 bytes of content, but only %3 follow")
                             .arg(where).arg(h.contentLength).arg(remaining - h.headerLength));
    return h;
}

// The offset of the first encoding in der[at, end) that BER allows and DER does
// not (X.690 §10.1: definite lengths, in the fewest bytes), or -1. Constructed
// values are walked into, to a bounded depth (a certificate nests about 10 deep).
qsizetype firstNonDerLength(const QByteArray& der, qsizetype at, qsizetype end, int depth = 0)
{
    constexpr int kMaxDepth = 64;
    while (at < end && depth <= kMaxDepth) {
        const auto h = readHeader(der, at, end);
        if (!h || (h->tag & 0x1f) == 0x1f)
            return -1; // cut short, or a multi-byte tag (none in a certificate): the decoder judged it
        if (!h->derLength)
            return at;
        const qsizetype contents = at + h->headerLength;
        if (h->tag & 0x20) { // constructed
            if (const qsizetype inner = firstNonDerLength(der, contents, contents + h->contentLength, depth + 1); inner >= 0)
                return inner;
        }
        at = contents + h->contentLength;
    }
    return -1;
}

// The whole length of the element at `at` (header and contents), indefinite
// BER lengths included (walked to their end-of-contents, to a bounded depth);
// nothing when it is cut short or nests too deep.
std::optional<qsizetype> elementLength(const QByteArray& der, qsizetype at, int depth = 0)
{
    const auto h = readHeader(der, at);
    if (!h || depth > 64)
        return std::nullopt;
    if (h->contentLength >= 0)
        return h->headerLength + h->contentLength;
    qsizetype child = at + h->headerLength;
    while (der.size() - child >= 2) {
        if (der.at(child) == 0 && der.at(child + 1) == 0) // end-of-contents
            return child + 2 - at;
        const auto length = elementLength(der, child, depth + 1);
        if (!length)
            return std::nullopt;
        child += *length;
    }
    return std::nullopt;
}

// How many certificates the PKCS #7 ContentInfo at `at` holds, read from its
// framing alone: ContentInfo { OID, [0] { SignedData { version, digestAlgorithms,
// contentInfo, [0] IMPLICIT certificates ... } } } (RFC 2315 §9.1). Nothing when
// it is not framed that way; OpenSSL then judges it. d2i_PKCS7 decodes every
// certificate before any can be refused: 150,000 tiny ones took 19 s and 350 MB.
std::optional<qsizetype> pkcs7CertificateCount(const QByteArray& der, qsizetype at)
{
    // Into the constructed element at `where` with `tag`: where its first child starts.
    const auto enter = [&](std::optional<qsizetype> where, unsigned tag) -> std::optional<qsizetype> {
        if (!where)
            return std::nullopt;
        const auto h = readHeader(der, *where);
        if (!h || h->tag != tag)
            return std::nullopt;
        return *where + h->headerLength;
    };
    // Past the element at `where` with `tag`.
    const auto skip = [&](std::optional<qsizetype> where, unsigned tag) -> std::optional<qsizetype> {
        if (!where)
            return std::nullopt;
        const auto h = readHeader(der, *where);
        const auto length = h && h->tag == tag ? elementLength(der, *where) : std::nullopt;
        if (!length)
            return std::nullopt;
        return *where + *length;
    };
    const auto signedData = enter(enter(skip(enter(at, 0x30), 0x06), 0xA0), 0x30); // ContentInfo, OID, [0], SignedData
    const auto field = skip(skip(skip(signedData, 0x02), 0x31), 0x30); // version, digestAlgorithms, contentInfo
    if (!field)
        return std::nullopt;
    const auto certificates = readHeader(der, *field);
    if (!certificates || certificates->tag != 0xA0)
        return 0;
    const qsizetype end = certificates->contentLength >= 0 ? *field + certificates->headerLength + certificates->contentLength
                                                           : der.size();
    qsizetype count = 0;
    for (qsizetype child = *field + certificates->headerLength; child < end; ++count) {
        if (certificates->contentLength < 0 && der.size() - child >= 2 && der.at(child) == 0 && der.at(child + 1) == 0)
            break;
        const auto length = elementLength(der, child);
        if (!length)
            return std::nullopt;
        child += *length;
    }
    return count;
}

// Reads every top-level object of `der`; `input` is the whole input when spans
// are meaningful (DER input), else null (PEM: byte offsets are the block's).
class DerReader {
public:
    DerReader(const X509Limits& limits, X509Bundle& bundle) : m_limits(limits), m_bundle(bundle) {}

    bool sawPkcs7 = false;

    Result<void> readAll(const QByteArray& der, const QByteArray* input)
    {
        qsizetype at = 0;
        while (at < der.size()) {
            // After a whole object, bytes that cannot start another are left over, not
            // a truncation (one stray '\n' read "truncated: 1 byte(s) ... DER header").
            if (at > 0 && (der.size() - at < 2 || static_cast<unsigned char>(der.at(at)) != 0x30))
                return malformed(QStringLiteral("byte %1: %2 byte(s) of trailing data after the last DER object (starting with 0x%3)")
                                     .arg(at).arg(der.size() - at).arg(static_cast<unsigned char>(der.at(at)), 2, 16, QLatin1Char('0')));
            auto consumed = readObject(der, at, input);
            if (!consumed)
                return consumed.error();
            at += consumed.value();
        }
        return {};
    }

private:
    Result<qsizetype> readObject(const QByteArray& der, qsizetype at, const QByteArray* input)
    {
        const qsizetype where = at;
        const auto outer = readHeader(der, at);
        if (!outer)
            return outer.error();
        if (outer->tag != 0x30)
            return malformed(QStringLiteral("byte %1: 0x%2 is not the start of a DER SEQUENCE (a certificate or a PKCS #7 bundle)")
                                 .arg(where).arg(outer->tag, 2, 16, QLatin1Char('0')));
        if (outer->contentLength >= 0 && outer->contentLength < 2)
            return malformed(QStringLiteral("byte %1: a SEQUENCE of %2 bytes is too short to be a certificate or a PKCS #7 bundle")
                                 .arg(where).arg(outer->contentLength));
        const auto inner = readHeader(der, at + outer->headerLength);
        if (!inner)
            return inner.error();
        const qsizetype available = der.size() - at;
        const qsizetype length = outer->contentLength < 0 ? available : outer->headerLength + outer->contentLength;
        const auto* start = reinterpret_cast<const unsigned char*>(der.constData() + at);
        const unsigned char* p = start;
        if (inner->tag == 0x06) { // ContentInfo: contentType OID first
            if (const auto count = pkcs7CertificateCount(der, at);
                count && m_bundle.certificates.size() + *count > m_limits.maxCertificates)
                return tooManyCertificates();
            Pkcs7Ptr p7(d2i_PKCS7(nullptr, &p, static_cast<long>(length)));
            if (!p7)
                return malformed(QStringLiteral("byte %1: the PKCS #7 bundle does not decode (%2)").arg(where).arg(openSslProblem()));
            if (auto ok = takePkcs7(*p7, where, input); !ok)
                return ok.error();
            sawPkcs7 = true;
        } else if (inner->tag == 0x30) { // Certificate: tbsCertificate SEQUENCE first
            X509Ptr x(d2i_X509(nullptr, &p, static_cast<long>(length)));
            if (!x)
                return malformed(QStringLiteral("byte %1: the certificate does not decode (%2)").arg(where).arg(openSslProblem()));
            if (auto ok = take(x.get(), input); !ok)
                return ok.error();
        } else {
            return malformed(QStringLiteral("byte %1: a SEQUENCE that is neither a certificate nor a PKCS #7 ContentInfo (it starts with tag 0x%2)")
                                 .arg(where).arg(inner->tag, 2, 16, QLatin1Char('0')));
        }
        const qsizetype consumed = p - start;
        if (outer->contentLength >= 0 && consumed != length)
            return malformed(QStringLiteral("byte %1: the object declares %2 bytes but its contents end after %3")
                                 .arg(where).arg(length).arg(consumed));
        if (m_bundle.notDer.isEmpty()) {
            if (const qsizetype ber = firstNonDerLength(der, at, at + consumed); ber >= 0)
                m_bundle.notDer = QStringLiteral("%1byte %2: %3, which BER allows and DER does not")
                                      .arg(input ? QString() : QStringLiteral("in a PEM block, "), QString::number(ber),
                                           static_cast<unsigned char>(der.at(ber + 1)) == 0x80
                                               ? QStringLiteral("an indefinite length")
                                               : QStringLiteral("a length not written in its fewest bytes"));
        }
        return consumed;
    }

    Result<void> takePkcs7(PKCS7& p7, qsizetype where, const QByteArray* input)
    {
        if (!PKCS7_type_is_signed(&p7))
            return malformed(QStringLiteral("byte %1: the PKCS #7 content type is %2, not signedData")
                                 .arg(where).arg(objectName(p7.type)));
        const STACK_OF(X509)* certificates = p7.d.sign ? p7.d.sign->cert : nullptr;
        const int count = certificates ? sk_X509_num(certificates) : 0;
        if (count == 0)
            return malformed(QStringLiteral("byte %1: the PKCS #7 bundle holds no certificate").arg(where));
        for (int i = 0; i < count; ++i) {
            if (auto ok = take(sk_X509_value(certificates, i), input); !ok)
                return ok;
        }
        return {};
    }

    Error tooManyCertificates() const
    {
        return makeError(Error::Code::TooLarge,
                         QStringLiteral("more than %1 certificates; an OPM chain has a handful").arg(m_limits.maxCertificates).toStdString());
    }

    Result<void> take(X509* x, const QByteArray* input)
    {
        if (m_bundle.certificates.size() >= m_limits.maxCertificates)
            return tooManyCertificates();
        X509CertificateInfo info = describe(x);
        info.bundleIndex = static_cast<int>(m_bundle.certificates.size());
        // The encoding OpenSSL gives back is the input's when that was DER (the
        // signed part is cached as read); locate it to point at the bytes.
        if (input) {
            const qsizetype from = m_bundle.certificates.isEmpty() || !m_bundle.certificates.last().span.isValid()
                ? 0
                : m_bundle.certificates.last().span.end;
            const qsizetype found = input->indexOf(info.der, from);
            if (found >= 0)
                info.span = {found, found + info.der.size()};
        }
        m_bundle.certificates.append(std::move(info));
        return {};
    }

    const X509Limits& m_limits;
    X509Bundle& m_bundle;
};

qsizetype skipSpace(const QByteArray& bytes)
{
    qsizetype i = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() && (bytes.at(i) == ' ' || bytes.at(i) == '\t' || bytes.at(i) == '\r' || bytes.at(i) == '\n'))
        ++i;
    return i;
}

// PEM (RFC 7468) read here rather than by OpenSSL's PEM_read_bio, which
// silently skips a block whose BEGIN line does not start the line: every
// "-----BEGIN " must open a block this reader accepts, or the input fails.
Result<void> readPem(const QByteArray& bytes, DerReader& reader)
{
    static const QByteArray kBegin = "-----BEGIN ";
    qsizetype at = 0;
    for (int block = 1;; ++block) {
        const qsizetype begin = bytes.indexOf(kBegin, at);
        if (begin < 0)
            return block > 1 ? Result<void>() : malformed(QStringLiteral("no PEM block found"));
        const qsizetype labelStart = begin + kBegin.size();
        const qsizetype labelEnd = bytes.indexOf("-----", labelStart);
        const QByteArray label = labelEnd < 0 ? QByteArray() : bytes.mid(labelStart, labelEnd - labelStart);
        if (labelEnd < 0 || label.isEmpty() || label.size() > 64 || label.contains('\n'))
            return malformed(QStringLiteral("PEM block %1 at byte %2: the BEGIN line is not closed by \"-----\"").arg(block).arg(begin));
        if (label != "CERTIFICATE" && label != "X509 CERTIFICATE" && label != "PKCS7" && label != "CMS")
            return malformed(QStringLiteral("PEM block %1 is \"%2\"; expected CERTIFICATE or PKCS7").arg(QString::number(block), QString::fromLatin1(label)));
        const QByteArray endLine = "-----END " + label + "-----";
        const qsizetype bodyStart = labelEnd + 5;
        const qsizetype end = bytes.indexOf(endLine, bodyStart);
        if (end < 0)
            return malformed(QStringLiteral("PEM block %1 (%2) has no \"%3\" line").arg(QString::number(block), QString::fromLatin1(label), QString::fromLatin1(endLine)));
        QByteArray base64;
        for (qsizetype i = bodyStart; i < end; ++i) {
            const char c = bytes.at(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
            if (!ok)
                return malformed(QStringLiteral("PEM block %1 (%2): byte %3 (0x%4) is not base64; encrypted PEM and PEM headers are not read")
                                     .arg(QString::number(block), QString::fromLatin1(label), QString::number(i),
                                          QStringLiteral("%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'))));
            base64 += c;
        }
        const auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.isEmpty())
            return malformed(QStringLiteral("PEM block %1 (%2): the base64 text does not decode").arg(QString::number(block), QString::fromLatin1(label)));
        if (auto read = reader.readAll(decoded.decoded, nullptr); !read)
            return makeError(read.error().code, QStringLiteral("PEM block %1: ").arg(block).toStdString() + read.error().detail);
        at = end + endLine.size();
    }
}

} // namespace

QString X509CertificateInfo::shortName() const
{
    // RFC 2253 order puts the most specific RDN first; take the first CN.
    const QStringList parts = subject.split(u',');
    for (const QString& part : parts) {
        if (part.startsWith(QStringLiteral("CN=")))
            return part;
    }
    return subject.isEmpty() ? QStringLiteral("(empty subject)") : subject;
}

QString encodingName(const X509Bundle& bundle)
{
    const bool der = bundle.notDer.isEmpty();
    switch (bundle.encoding) {
    case X509Bundle::Encoding::Pkcs7Der:
        return der ? QStringLiteral("PKCS #7 (DER)") : QStringLiteral("PKCS #7 (BER)");
    case X509Bundle::Encoding::Pkcs7Pem:
        return QStringLiteral("PKCS #7 (PEM)");
    case X509Bundle::Encoding::CertificatesDer:
        return der ? QStringLiteral("DER certificates") : QStringLiteral("BER certificates");
    case X509Bundle::Encoding::CertificatesPem:
        return QStringLiteral("PEM certificates");
    }
    return {};
}

Result<X509Bundle> parseX509Bundle(const QByteArray& bytes, const X509Limits& limits)
{
    const ErrorQueueGuard guard;
    if (bytes.isEmpty())
        return malformed(QStringLiteral("the input is empty"));
    if (bytes.size() > limits.maxBytes)
        return makeError(Error::Code::TooLarge, QStringLiteral("the input is %1 bytes; at most %2 are read")
                                                    .arg(bytes.size()).arg(limits.maxBytes).toStdString());
    X509Bundle bundle;
    DerReader reader(limits, bundle);
    if (static_cast<unsigned char>(bytes.at(0)) == 0x30) {
        if (auto read = reader.readAll(bytes, &bytes); !read)
            return read.error();
        bundle.encoding = reader.sawPkcs7 ? X509Bundle::Encoding::Pkcs7Der : X509Bundle::Encoding::CertificatesDer;
    } else if (const qsizetype first = skipSpace(bytes); first < bytes.size() && bytes.at(first) == '<') {
        return malformed(QStringLiteral("the input is XML (a COPP certificate chain?), not DER or PEM X.509"));
    } else if (bytes.contains("-----BEGIN ")) { // PEM may have explanatory text around its blocks (RFC 7468 §2)
        if (auto read = readPem(bytes, reader); !read)
            return read.error();
        bundle.encoding = reader.sawPkcs7 ? X509Bundle::Encoding::Pkcs7Pem : X509Bundle::Encoding::CertificatesPem;
    } else {
        return malformed(QStringLiteral("not DER or PEM: the first byte is 0x%1; DER certificates and PKCS #7 bundles start with 0x30, PEM with \"-----BEGIN\"")
                             .arg(static_cast<unsigned char>(bytes.at(0)), 2, 16, QLatin1Char('0')));
    }
    if (bundle.certificates.isEmpty())
        return malformed(QStringLiteral("no certificate found"));
    return bundle;
}

X509SignatureCheck verifyX509Signature(const X509CertificateInfo& subject, const X509CertificateInfo& issuer)
{
    const ErrorQueueGuard guard;
    // Decoding is most of OpenSSL's cost here; what the parse decoded is reused.
    X509Ptr decodedHere;
    X509* x = subject.decoded ? subject.decoded->x509.get() : nullptr;
    if (!x) {
        const auto* p = reinterpret_cast<const unsigned char*>(subject.der.constData());
        decodedHere.reset(d2i_X509(nullptr, &p, static_cast<long>(subject.der.size())));
        x = decodedHere.get();
    }
    if (!x)
        return {false, QStringLiteral("the certificate does not decode (%1)").arg(openSslProblem())};
    PkeyPtr keyDecodedHere;
    EVP_PKEY* key = issuer.decoded ? X509_get0_pubkey(issuer.decoded->x509.get()) : nullptr;
    if (!key) {
        const auto* q = reinterpret_cast<const unsigned char*>(issuer.spkiDer.constData());
        keyDecodedHere.reset(d2i_PUBKEY(nullptr, &q, static_cast<long>(issuer.spkiDer.size())));
        key = keyDecodedHere.get();
    }
    if (!key)
        return {false, QStringLiteral("the issuer's public key does not decode (%1)").arg(openSslProblem())};
    const int verified = X509_verify(x, key);
    if (verified == 1)
        return {true, {}};
    if (verified == 0)
        return {false, QStringLiteral("the signature does not verify with the issuer's public key (%1)").arg(openSslProblem())};
    return {false, QStringLiteral("the signature cannot be checked (%1)").arg(openSslProblem())};
}

QByteArray toPem(const QByteArray& der, const char* label)
{
    const QByteArray text = der.toBase64();
    QByteArray out = QByteArray("-----BEGIN ") + label + "-----\n";
    for (qsizetype i = 0; i < text.size(); i += 64)
        out += text.mid(i, 64) + '\n';
    return out + "-----END " + label + "-----\n";
}

} // namespace copp::cert
