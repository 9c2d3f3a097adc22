// SPDX-License-Identifier: BSD-3-Clause
// How decoded certificate values are measured and shown, in one place for the
// validator and the views: bit lengths, numbers, the SHA-1 of an element's bytes.
#pragma once

#include <core/cert/xmldocument.h>

#include <QByteArray>
#include <QString>

namespace copp::cert {

// Bits of a big-endian unsigned number (leading zero bytes do not count).
int bitLength(const QByteArray& bigEndian);
// Decimal when it fits 64 bits, else "0x" + hex (exponents, mostly).
QString bigEndianNumber(const QByteArray& bigEndian);
// SHA-1 of the element's exact bytes, '<' to '>' (what cert.digest hashes).
QByteArray elementSha1(const XmlDocument& doc, int element);

} // namespace copp::cert
