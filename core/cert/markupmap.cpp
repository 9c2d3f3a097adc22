// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/markupmap.h>

#include <core/cert/expatreader.h>

#include <expat.h>

#include <memory>
#include <new>

namespace copp::cert {

namespace {

// The character a reference expat accepted stands for: &#N; &#xH; or one of
// the five predefined entities (DTDs are refused, so there are no others).
char32_t decodeReference(QByteArrayView ref)
{
    const QByteArrayView body = ref.sliced(1, ref.size() - 2); // without '&' and ';'
    bool ok = false;
    if (body.startsWith("#x"))
        return static_cast<char32_t>(body.sliced(2).toUInt(&ok, 16));
    if (body.startsWith("#"))
        return static_cast<char32_t>(body.sliced(1).toUInt(&ok, 10));
    if (body == "lt")
        return U'<';
    if (body == "gt")
        return U'>';
    if (body == "amp")
        return U'&';
    if (body == "quot")
        return U'"';
    if (body == "apos")
        return U'\'';
    return U'\uFFFD';
}

// Expat reports where a tag is, not where each attribute, quote and space
// inside it is; this scan finds them. Expat has read the tag already, so it is
// well-formed: a name, then (whitespace name [ws] = [ws] quoted-value)*, then
// [ws] '>' or '/>'. Every step is bounded by the tag's end all the same.
class TagLexer {
public:
    TagLexer(QByteArrayView tag, qsizetype offset, std::vector<CharacterReference>* references)
        : m_tag(tag), m_offset(offset), m_references(references)
    {
    }

    MarkupTag lex()
    {
        MarkupTag t;
        t.span = span(0, m_tag.size());
        t.isEndTag = m_tag.startsWith("</");
        qsizetype i = t.isEndTag ? 2 : 1;
        const qsizetype nameBegin = i;
        while (i < m_tag.size() && !isXmlSpace(m_tag[i]) && m_tag[i] != '/' && m_tag[i] != '>')
            ++i;
        t.name = span(nameBegin, i);
        while (i < m_tag.size()) {
            const qsizetype spaceBegin = i;
            i = skipSpace(i);
            if (i >= m_tag.size() || m_tag[i] == '/' || m_tag[i] == '>') {
                t.whitespaceBeforeClose = span(spaceBegin, i);
                t.isEmptyElement = i < m_tag.size() && m_tag[i] == '/';
                break;
            }
            t.attributes.push_back(attribute(spaceBegin, i));
            i = t.attributes.back().value.end - m_offset;
        }
        return t;
    }

private:
    ByteSpan span(qsizetype begin, qsizetype end) const { return {m_offset + begin, m_offset + end}; }

    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_tag.size() && isXmlSpace(m_tag[i]))
            ++i;
        return i;
    }

    MarkupAttribute attribute(qsizetype spaceBegin, qsizetype i)
    {
        MarkupAttribute a;
        a.whitespaceBefore = span(spaceBegin, i);
        const qsizetype nameBegin = i;
        while (i < m_tag.size() && !isXmlSpace(m_tag[i]) && m_tag[i] != '=')
            ++i;
        a.name = span(nameBegin, i);
        const QByteArrayView name = m_tag.sliced(nameBegin, i - nameBegin);
        a.isNamespaceDeclaration = name == "xmlns" || name.startsWith("xmlns:");
        const qsizetype equalsBegin = i;
        i = skipSpace(i);
        if (i < m_tag.size() && m_tag[i] == '=')
            i = skipSpace(i + 1);
        a.equals = span(equalsBegin, i);
        const qsizetype quoteAt = i;
        const char quote = i < m_tag.size() ? m_tag[i] : '"';
        ++i;
        while (i < m_tag.size() && m_tag[i] != quote) {
            if (m_tag[i] == '&' && m_references)
                i = reference(i);
            else
                ++i;
        }
        a.value = span(quoteAt, std::min(i + 1, m_tag.size()));
        return a;
    }

    qsizetype reference(qsizetype at)
    {
        const qsizetype semicolon = m_tag.indexOf(';', at);
        if (semicolon < 0)
            return m_tag.size();
        m_references->push_back({span(at, semicolon + 1), decodeReference(m_tag.sliced(at, semicolon + 1 - at))});
        return semicolon + 1;
    }

    QByteArrayView m_tag;
    qsizetype m_offset;
    std::vector<CharacterReference>* m_references;
};

// Walks the element's bytes with expat and records each token.
class Mapper {
public:
    Mapper(QByteArrayView bytes, qsizetype offset) : m_bytes(bytes), m_offset(offset) {}

    MarkupMap run()
    {
        const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), &XML_ParserFree);
        if (!parser)
            throw std::bad_alloc();
        m_parser = parser.get();
        XML_SetHashSalt(m_parser, cert::expatHashSalt());
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(
            m_parser, [](void* self, const XML_Char*, const XML_Char**) { static_cast<Mapper*>(self)->tag(); },
            [](void* self, const XML_Char*) { static_cast<Mapper*>(self)->tag(); });
        XML_SetCdataSectionHandler(
            m_parser, [](void* self) { static_cast<Mapper*>(self)->m_inCdata = true; },
            [](void* self) { static_cast<Mapper*>(self)->m_inCdata = false; });
        XML_SetCharacterDataHandler(m_parser, [](void* self, const XML_Char*, int) { static_cast<Mapper*>(self)->text(); });
        m_map.ok = XML_Parse(m_parser, m_bytes.data(), static_cast<int>(m_bytes.size()), XML_TRUE) == XML_STATUS_OK;
        return std::move(m_map);
    }

private:
    // The current event's bytes; empty for the end of <x/> (its start tag was all of it).
    QByteArrayView current(qsizetype* at) const
    {
        *at = static_cast<qsizetype>(XML_GetCurrentByteIndex(m_parser));
        const qsizetype count = XML_GetCurrentByteCount(m_parser);
        if (*at < 0 || count <= 0 || *at + count > m_bytes.size())
            return {};
        return m_bytes.sliced(*at, count);
    }

    void tag()
    {
        qsizetype at = 0;
        const QByteArrayView bytes = current(&at);
        if (!bytes.isEmpty())
            m_map.tags.push_back(TagLexer(bytes, m_offset + at, &m_map.references).lex());
    }

    // Expat hands each reference over as an event of its own, and text in CDATA
    // sections too, where '&' is just a character.
    void text()
    {
        qsizetype at = 0;
        const QByteArrayView bytes = current(&at);
        if (m_inCdata || !bytes.startsWith('&') || !bytes.endsWith(';'))
            return;
        m_map.references.push_back({{m_offset + at, m_offset + at + bytes.size()}, decodeReference(bytes)});
    }

    QByteArrayView m_bytes;
    qsizetype m_offset;
    XML_Parser m_parser = nullptr;
    bool m_inCdata = false;
    MarkupMap m_map;
};

} // namespace

QByteArray CharacterReference::utf8() const
{
    return QString::fromUcs4(&character, 1).toUtf8();
}

MarkupMap mapElementMarkup(const XmlDocument& doc, int element)
{
    if (!doc.hasByteSpans() || element < 0 || element >= doc.elements().size())
        return {};
    const ByteSpan outer = doc.element(element).outer;
    return Mapper(doc.sliceView(outer), outer.begin).run();
}

MarkupTag startTagOf(const XmlDocument& doc, int element)
{
    if (!doc.hasByteSpans() || element < 0 || element >= doc.elements().size())
        return {};
    const XmlElement& e = doc.element(element);
    return TagLexer(doc.sliceView({e.outer.begin, e.inner.begin}), e.outer.begin, nullptr).lex();
}

} // namespace copp::cert
