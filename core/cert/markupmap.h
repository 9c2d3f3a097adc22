// SPDX-License-Identifier: BSD-3-Clause
// The markup of one element's bytes, token by token, with exact byte offsets:
// every tag with its attributes and the whitespace between them, and every
// character reference. A diagnosis rebuilds from it the bytes a signer may have
// hashed instead of the file's (docs/cli.md#diagnoses), and names the bytes
// that differ. Read with expat; see markupmap.cpp for the one part lexed by hand.
#pragma once

#include <core/cert/xmldocument.h>

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace copp::cert {

struct MarkupAttribute {
    ByteSpan whitespaceBefore; // the run between the previous token and the name
    ByteSpan name;
    ByteSpan equals;           // from the end of the name to the opening quote: "=", " = "
    ByteSpan value;            // the value with its quotes
    bool isNamespaceDeclaration = false; // xmlns or xmlns:prefix
};

struct MarkupTag {
    ByteSpan span; // '<' .. '>'
    ByteSpan name; // the qualified name
    bool isEndTag = false;
    bool isEmptyElement = false; // <x/>
    std::vector<MarkupAttribute> attributes;
    ByteSpan whitespaceBeforeClose; // before '>' or '/>' (possibly empty)
};

// &#233; &#xE9; &lt; ... in text or in an attribute value (not in comments,
// CDATA sections or processing instructions, where '&' is a character).
struct CharacterReference {
    ByteSpan span;
    char32_t character = 0; // what it stands for
    QByteArray utf8() const;
};

struct MarkupMap {
    std::vector<MarkupTag> tags; // in byte order; tags[0] is the element's start tag
    std::vector<CharacterReference> references; // in byte order
    bool ok = false; // false when the bytes are not one well-formed element
};

// Maps `element`, the bytes of one element of `doc` (its outer span). Offsets
// in the map are offsets in doc.bytes(). Needs a document with byte spans.
MarkupMap mapElementMarkup(const XmlDocument& doc, int element);

// The start tag of any element of `doc`, with its attributes (the references in
// its attribute values are not listed).
MarkupTag startTagOf(const XmlDocument& doc, int element);

} // namespace copp::cert
