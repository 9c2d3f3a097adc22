// SPDX-License-Identifier: BSD-3-Clause
// OPM certificates (docs/protocol.md §8.2): an X.509 chain in ASN.1 DER, usually a
// PKCS#7 SignedData certificates-only bundle, sometimes bare concatenated DER.
// OpenSSL's libcrypto does the ASN.1 and the signature algorithms; its types
// stay in x509bundle.cpp. What callers get is plain values.
#pragma once

#include <core/cert/xmldocument.h> // ByteSpan

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace copp::cert {

struct X509Limits {
    qsizetype maxBytes = 16 * 1024 * 1024;
    int maxCertificates = 64; // a real OPM chain has three
};

// An extension flag as read: absent, or present with a value.
struct X509Flag {
    bool present = false;
    bool value = false;
};

// OpenSSL's decoding of one certificate, kept so that its signature is checked
// without decoding it (and its issuer's key) again; opaque outside x509bundle.cpp.
struct DecodedX509;

// One certificate, decoded once. No OpenSSL type: a value that copies freely.
struct X509CertificateInfo {
    QByteArray der;          // the certificate's DER encoding
    ByteSpan span;           // where `der` sits in the input; invalid for PEM input
    int bundleIndex = -1;    // position in the input, 0-based

    QString subject;         // RFC 2253 one-line text, UTF-8 kept
    QString issuer;
    QByteArray subjectDer;   // Name DER, for exact name matching
    QByteArray issuerDer;
    QString serialHex;
    QDateTime notBefore;     // UTC
    QDateTime notAfter;
    QString signatureAlgorithm; // "sha256WithRSAEncryption", "rsassaPss", or the OID
    QString publicKeyAlgorithm; // "rsaEncryption", "RSASSA-PSS", "id-ecPublicKey", ...
    int keyBits = 0;            // 0: the key does not decode
    bool isRsaEncryptionKey = false; // rsaEncryption: may encrypt (OAEP), not only sign
    std::optional<crypto::RsaPublicKey> rsaKey; // big-endian modulus and exponent
    QByteArray spkiDer;         // SubjectPublicKeyInfo DER
    QByteArray spkiSha256;      // SHA-256 of spkiDer
    QByteArray subjectKeyId;    // empty when absent
    QByteArray authorityKeyId;  // keyIdentifier of the AKI; empty when absent
    X509Flag basicConstraintsCa; // basicConstraints cA
    X509Flag keyCertSign;        // keyUsage keyCertSign (present = keyUsage present)
    bool isSelfIssued = false;   // subject == issuer
    std::shared_ptr<const DecodedX509> decoded; // shared, never changed after parsing

    // "CN=…" without the rest, for short listings; the whole subject when no CN.
    QString shortName() const;
};

struct X509Bundle {
    enum class Encoding { Pkcs7Der, Pkcs7Pem, CertificatesDer, CertificatesPem };
    Encoding encoding = Encoding::Pkcs7Der;
    QList<X509CertificateInfo> certificates; // in input order
    // Where the bytes use an encoding BER allows and DER does not (an indefinite
    // length, a length not in its shortest form), in English; empty for DER.
    // OpenSSL reads BER too, so such a bundle still decodes.
    QString notDer;
};

// English name of an encoding: "PKCS #7 (DER)" ...; "PKCS #7 (BER)" and "BER
// certificates" for binary input that is not DER.
QString encodingName(const X509Bundle& bundle);

// Accepts a PKCS#7 SignedData bundle (DER or "-----BEGIN PKCS7-----" PEM) or one
// or more certificates (concatenated DER, or PEM blocks, text between blocks
// allowed). Every byte of DER input must belong to a certificate or bundle.
// Malformed / TooLarge errors carry one English sentence: what is wrong, where.
Result<X509Bundle> parseX509Bundle(const QByteArray& bytes, const X509Limits& limits = {});

// Verifies `subject`'s signature with `issuer`'s public key (X509_verify: the
// algorithm identifiers, RSA-PSS parameters etc. as the certificate states them).
struct X509SignatureCheck {
    bool verified = false;
    QString problem; // English; empty when verified
};
X509SignatureCheck verifyX509Signature(const X509CertificateInfo& subject, const X509CertificateInfo& issuer);

// Frees OpenSSL's per-thread state (its error queue among it) of the calling
// thread; OpenSSL makes it again when next used. For work on a Qt pool thread:
// such a thread frees it only as it exits, after QThread::wait() has returned,
// so a leak checker at process exit may find it (docs/development.md#sanitizers).
void releaseOpenSslThreadState();

// PEM armour for DER bytes ("CERTIFICATE", "PKCS7"): 64-character lines.
QByteArray toPem(const QByteArray& der, const char* label);

} // namespace copp::cert
