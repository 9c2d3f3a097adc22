// SPDX-License-Identifier: BSD-3-Clause
// The COPP revocation list (WMDRM-NET CRL), docs/cli.md#verify "Revocation list":
// all integers unsigned big-endian.
//   version u32 | count N u32 | N x 20-byte SHA-1 digests | length L u32 |
//   L bytes signer CertificateCollection | signature type u8 (2) | length S u16 | S bytes
// The signature covers every byte before the signature-type byte.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace copp::revocation {

inline constexpr quint8 kSignatureTypeSha1Rsa = 2;
inline constexpr qsizetype kMaxListBytes = 16 * 1024 * 1024;

struct RevocationList {
    quint32 version = 0;
    QList<QByteArray> revokedDigests; // 20 bytes each
    QByteArray signerChain;           // the CertificateCollection XML
    quint8 signatureType = kSignatureTypeSha1Rsa;
    QByteArray signature;
    qsizetype signedLength = 0;       // bytes covered by the signature

    // Serialises everything the signature covers (for writers such as the test PKI).
    QByteArray signedPart() const;
    // The complete file: signedPart() + type + length + signature.
    QByteArray serialize() const;
};

struct RevocationParse {
    std::optional<RevocationList> list;
    QString problem; // English, with the byte offset where parsing stopped
};

// Parses exactly: no byte missing, none left over.
RevocationParse parseRevocationList(const QByteArray& bytes);

} // namespace copp::revocation
