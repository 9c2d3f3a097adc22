// SPDX-License-Identifier: BSD-3-Clause
// A test PKI for OPM certificates (docs/protocol.md §8.2): an RSA-2048 test root, an
// intermediate CA and an RSA-2048 leaf, signed with sha256WithRSAEncryption and
// packed as a PKCS#7 certificates-only bundle, plus the root as a trust-anchor
// file and the leaf's private key (PKCS#8) for the driver emulator's OAEP.
// It can break exactly one x509.* rule. Every name says TEST; nothing it makes
// chains to Microsoft.
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>
#include <core/validation/rule.h>

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace copp::testpki {

struct X509KeySet {
    crypto::RsaPrivateKey root;         // 2048 bits, the test root
    crypto::RsaPrivateKey intermediate; // 2048 bits
    crypto::RsaPrivateKey leaf;         // 2048 bits, the driver's OPM key (RSAES-OAEP)
    crypto::RsaPrivateKey otherRoot;    // 2048 bits, an untrusted root for x509.trusted_root
    crypto::RsaPrivateKey weak;         // 1024 bits, for x509.key breaks

    static Result<X509KeySet> generate();
    // PKCS#8 DER files opm-root.p8, opm-intermediate.p8, opm-leaf.p8,
    // opm-other-root.p8, opm-weak.p8 (beside the COPP test keys, if any).
    static bool existsIn(const QString& directory);
    static Result<X509KeySet> load(const QString& directory);
    Result<void> save(const QString& directory) const;
};

// "--break RULE[@N]" for an OPM chain; N is the path position: 0 leaf,
// 1 intermediate, 2 root. x509.decode and x509.path take no N;
// x509.trusted_root may omit it (it applies to the root only).
struct X509Break {
    validation::Rule rule = validation::Rule::X509Signature;
    int certificate = -1;

    static std::optional<X509Break> parse(const QString& text, QString* error);
    QString toString() const;
};

// One certificate to make. Names are "CN=<cn>,O=CoppScope TEST PKI".
struct X509CertSpec {
    QString subjectCn;
    QString issuerCn; // the signer's CN; equal to subjectCn for a self-issued root
    const crypto::RsaPrivateKey* subjectKey = nullptr;
    const crypto::RsaPrivateKey* signerKey = nullptr;
    bool ca = false;               // basicConstraints cA (the extension is always written)
    bool keyUsage = true;          // CA: keyCertSign + cRLSign; leaf: digitalSignature + keyEncipherment
    QDateTime notBefore;           // invalid: now - 1 day
    QDateTime notAfter;            // invalid: now + 10 years
    quint64 serial = 1;
    bool keyIdentifiers = true;    // subjectKeyIdentifier and authorityKeyIdentifier
    bool corruptSignature = false; // one bit of the signature value flipped
};

// DER of one certificate, signed by spec.signerKey with sha256WithRSAEncryption.
Result<QByteArray> makeX509Certificate(const X509CertSpec& spec);
// A PKCS#7 SignedData with certificates only (no content, no signers), DER:
// the packaging OPM drivers return (docs/protocol.md §8.2). Its certificates are
// a SET OF, which DER writes sorted (X.690 §11.6); AsGiven keeps the caller's
// order, as some tools write it (BER), for tests of readers that must cope.
enum class SetOrder { Der, AsGiven };
Result<QByteArray> makePkcs7Bundle(const QList<QByteArray>& certificatesDer, SetOrder order = SetOrder::Der);

// X.690 §11.6: the order of a DER SET OF's element encodings, compared as octet
// strings with the shorter padded at its end with zero octets.
bool derSetOfLess(const QByteArray& a, const QByteArray& b);

struct X509Material {
    QByteArray bundle;               // PKCS#7 DER, certificates leaf first
    QList<QByteArray> certificates;  // DER, path order: leaf, intermediate, root
    QByteArray trustAnchorPem;       // the test root certificate (for --trust-anchor)
    QByteArray leafPrivateKey;       // PKCS#8 DER of the leaf's key
};

class X509TestPki {
public:
    // `now` anchors every validity period (invalid: the current time), so the
    // root certificate is the same bytes for every material() of one object.
    explicit X509TestPki(X509KeySet keys, QDateTime now = {});

    const X509KeySet& keys() const { return m_keys; }
    const QDateTime& now() const { return m_now; }

    // Leaf, intermediate and root as written for `broken` (none: a valid chain).
    // Tests may edit them and call makeX509Certificate themselves.
    QList<X509CertSpec> chainSpecs(std::optional<X509Break> broken = {}) const;
    Result<X509Material> material(std::optional<X509Break> broken = {}) const;

    static QString rootCn();
    static QString intermediateCn();
    static QString leafCn();
    static QString otherRootCn();

private:
    X509KeySet m_keys;
    QDateTime m_now;
};

} // namespace copp::testpki
