// SPDX-License-Identifier: BSD-3-Clause
// XmlDocument's reader, built on expat. Expat reports every tag's byte offset
// and length, so the element tree keeps the exact bytes of the file (the
// validator hashes them, the inspector highlights them). Internal to core/cert.
#pragma once

#include <core/cert/xmldocument.h>

#include <QByteArrayView>

namespace copp::cert {

// Line and column of byte `at`, both from 1: lines end at LF, CR or CRLF
// (XML 1.0 §2.11), columns count characters (UTF-8 lead bytes), and a UTF-8
// byte-order mark is not a column.
struct TextPosition {
    qint64 line = 1;
    qint64 column = 1;
};
TextPosition textPositionOf(QByteArrayView bytes, qsizetype at);

// The hash salt every expat parser of this process uses (set with XML_SetHashSalt).
unsigned long expatHashSalt();

// The bytes of the XML name at byte `at`, up to the first byte no name has
// (XML 1.0 §2.3: ASCII letters, digits, '-', '.', '_', ':' or part of a
// non-ASCII character), the end of `bytes` or `maxBytes`, whichever comes
// first. Empty when `at` is outside `bytes`.
QByteArrayView nameBytesAt(QByteArrayView bytes, qsizetype at, qsizetype maxBytes);

class ExpatReader {
public:
    enum class Decoding {
        Utf8WithSpans,  // `text` is doc.bytes(), valid UTF-8: read as UTF-8 whatever the
                        // declaration says, with byte spans and error offsets
        Utf8Transcoded, // `text` is doc.bytes() decoded to UTF-8 by the caller: no spans
        AsDeclared,     // `text` is doc.bytes(), not UTF-8: expat decodes it as the
                        // declaration says; no spans
    };
    // Fills doc's element tree, well-formedness and error from `text`, within `limits`.
    static void read(XmlDocument& doc, QByteArrayView text, Decoding decoding, const XmlLimits& limits);
};

} // namespace copp::cert
