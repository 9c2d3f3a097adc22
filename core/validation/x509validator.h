// SPDX-License-Identifier: BSD-3-Clause
// Validates an OPM certificate chain (docs/cli.md#opm-sessions "OPM certificates",
// docs/protocol.md §8.2): an X.509 path from the leaf (the certificate that issued no
// other) to a self-signed root, every signature, the leaf's RSA-2048 key, and a
// trusted root. Same report form as COPP chains: every x509.* step is recorded,
// later steps still run after a failure, steps that cannot run are `skipped`.
#pragma once

#include <core/validation/validationreport.h>

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace copp::validation {

// docs/cli.md#opm-sessions: without --trust-anchor the root is trusted "when the
// SHA-256 of its SubjectPublicKeyInfo DER is d397f5c1…556d (Microsoft's media
// root as seen in public OPM clients; documented as unconfirmed)".
inline constexpr char kMicrosoftMediaRootSpkiSha256[] =
    "d397f5c155034953909f29d840856abf83563eed9cba6e0b6f7f8541a020556d";

struct X509Policy {
    // --trust-anchor: the root must be this certificate, DER byte for byte.
    std::optional<QByteArray> trustAnchorDer;
    QDateTime validationTime; // invalid: the time of validate()
    QString trustAnchorName;  // empty: the default (Microsoft media root by SPKI hash)

    // A file with one certificate, PEM or DER; Io / Malformed errors in English.
    static Result<X509Policy> withTrustAnchorFile(const QString& path);
    static Result<X509Policy> withTrustAnchor(const QByteArray& certificate, const QString& name);
    // The name reports give an anchor read from a file: its file name.
    static QString nameForFile(const QString& path);
};

class X509ChainValidator {
public:
    explicit X509ChainValidator(X509Policy policy = {});
    ValidationReport validate(const QByteArray& bytes) const;
    const X509Policy& policy() const { return m_policy; }

private:
    X509Policy m_policy;
};

// True when the bytes start like DER (a SEQUENCE, 0x30) or hold PEM ("-----BEGIN ")
// and do not start like XML: the CLI then validates them as X.509, else as COPP XML.
bool looksLikeX509(const QByteArray& bytes);

// The leaf's RSA key of a validated X.509 chain (the OPM session encrypts to
// it with RSAES-OAEP), or nullopt when no path was built or the key is not RSA.
// Check report.isValid() before trusting it.
std::optional<crypto::RsaPublicKey> x509LeafKey(const ValidationReport& report);

} // namespace copp::validation
