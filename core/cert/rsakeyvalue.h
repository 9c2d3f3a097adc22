// SPDX-License-Identifier: BSD-3-Clause
// Reading <RSAKeyValue><Modulus>B64</Modulus><Exponent>B64</Exponent></RSAKeyValue>
// as COPP writes keys: base64 of big-endian bytes (docs/protocol.md §8.1), whitespace inside
// the base64 insignificant (docs/cli.md, "Interpretations").
#pragma once

#include <core/cert/elementpath.h>

#include <core/kernel/crypto/rsa.h>

#include <QByteArray>

#include <functional>
#include <optional>

namespace copp::cert {

// Strict base64 after removing XML whitespace; false on any other stray character.
bool decodeBase64Text(QStringView text, QByteArray* out);

// The decoded bytes of a base64 element, or why there are none. `problem`
// strings are stable, so a step can tell whether an earlier one reported it.
struct Base64Read {
    QByteArray bytes;
    QString problem;
    bool ok() const { return problem.isEmpty(); }
};
Base64Read readBase64Element(const XmlDocument& doc, const Lookup& found);
// Why a value element (base64 or a flag) cannot be read: it holds child
// elements. Its value is then ambiguous (its own text, or a DOM's .text with the
// children's added), so it is refused. Empty when the element is text only.
QString childElementProblem(const XmlDocument& doc, const Lookup& found);
// The same verdict for text decoded elsewhere (nullopt: not valid base64), so a
// caller that decodes each distinct text once still reports per element.
Base64Read base64Verdict(const Lookup& found, const std::optional<QByteArray>& decoded);

struct KeyValueRead {
    crypto::RsaPublicKey key;
    int modulusElement = -1;
    int exponentElement = -1;
    QString problem; // English; empty when both parts decoded
    QString problemPath;
    bool ok() const { return problem.isEmpty(); }
};

// `keyParent` is the element holding KeyValue/RSAKeyValue (PublicKey or KeyInfo);
// `keyParentPath` names it in messages ("Data/PublicKey", "Signature/KeyInfo").
// `decode` reads each Modulus/Exponent (default: readBase64Element); a caller
// that already decoded them passes its cache.
using Base64Decoder = std::function<Base64Read(const Lookup&)>;
KeyValueRead readKeyValue(const XmlDocument& doc, int keyParent, QStringView keyParentPath,
                          const Base64Decoder& decode = {});

// Same, for an element that is the RSAKeyValue itself (trust-root files).
KeyValueRead readRsaKeyValue(const XmlDocument& doc, int rsaKeyValue, QStringView path,
                             const Base64Decoder& decode = {});

copp::Bytes toBytes(const QByteArray& data);
QByteArray toByteArray(const copp::Bytes& data);

} // namespace copp::cert
