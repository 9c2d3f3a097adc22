// The fast path of XmlDocument::parse: a single forward scan over the bytes for
// the plain XML that real chains are written in. Anything outside that subset is
// declined, never guessed at, and XmlDocument::parse falls back to
// QXmlStreamReader, the reference. Where the scanner accepts, it must build the
// very tree QXmlStreamReader builds (names, namespaces, attributes, text, byte
// spans, line numbers); tst_strictxmlscanner and fuzz_xmlscanner check exactly
// that by parsing every input both ways.
//
// The subset (input already checked to be UTF-8):
//   - an optional XML declaration: version "1.0", optional encoding (EncName
//     syntax), optional standalone yes/no;
//   - one root element, with only whitespace and comments before and after it;
//   - elements and attributes with ASCII names (NCName or prefix:NCName), in
//     namespaces declared with xmlns / xmlns:p (no "xml..." prefixes);
//   - character data and attribute values without '&', CR, or control
//     characters other than tab and LF (and none of those in attribute values),
//     no "]]>", no U+FFFE/U+FFFF;
//   - comments (no CR or control characters in them); no processing
//     instructions, CDATA sections or DTDs;
//   - within XmlLimits.
#pragma once

#include "xmldocument.h"

namespace copp::cert {

class StrictXmlScanner {
public:
    // Fills doc's elements from doc.bytes(), starting at byte `start` (after a
    // BOM). Returns false, leaving doc untouched, when the input is outside the
    // subset or breaks a limit.
    static bool scan(XmlDocument& doc, qsizetype start, const XmlLimits& limits);
};

} // namespace copp::cert
