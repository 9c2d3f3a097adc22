// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/expatreader.h>

#include <core/cert/xmltreebuilder.h>
#include <core/util/printabletext.h>

#include <QRandomGenerator>
#include <QStringDecoder>

#include <expat.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace copp::cert {

namespace {

// Joins namespace URI, local name and prefix in the names expat reports. Not an
// XML 1.0 character, so it can be in neither a name nor a URI.
constexpr char kSeparator = '\x01';

// Report data stays English (the JSON must not depend on the locale).
QString english(const char* text)
{
    return QString::fromUtf8(text);
}

bool startsWithBom(QByteArrayView bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF");
}

// Why `text`, in which expat found no element, has none.
NoElementReason noElementReason(QByteArrayView text)
{
    const QByteArrayView rest = startsWithBom(text) ? text.sliced(3) : text;
    if (rest.isEmpty())
        return text.isEmpty() ? NoElementReason::EmptyFile : NoElementReason::OnlyBom;
    const bool whitespace = std::all_of(rest.begin(), rest.end(), isXmlSpace);
    return whitespace ? NoElementReason::OnlyWhitespace : NoElementReason::OnlyProlog;
}

// Element names in an error message: a hostile file's names have no length
// limit, so at most this many characters are shown.
constexpr qsizetype kShownNameChars = 64;
// Enough bytes for more than kShownNameChars characters of up to 4 bytes each.
constexpr qsizetype kShownNameBytes = 4 * kShownNameChars + 4;

// `name` cut to kShownNameChars with an ellipsis, control characters escaped.
QString shownName(QString name)
{
    if (name.size() > kShownNameChars) {
        qsizetype keep = kShownNameChars - 1;
        if (name.at(keep).isLowSurrogate())
            --keep; // not half a character
        name = name.first(keep) + QChar(0x2026);
    }
    return util::printableText(std::move(name));
}

// Line breaks in `bytes`: LF, CR, or CRLF as one.
qint64 lineBreaks(QByteArrayView bytes)
{
    qint64 count = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')))
            ++count;
    }
    return count;
}

// Encodings expat does not know itself (it reads UTF-8, UTF-16, ISO-8859-1 and
// US-ASCII): single-byte ones are decoded byte by byte with Qt's converters.
int XMLCALL mapUnknownEncoding(void*, const XML_Char* name, XML_Encoding* info)
{
    if (!QStringDecoder(name).isValid())
        return XML_STATUS_ERROR;
    for (int byte = 0; byte < 256; ++byte) {
        QStringDecoder decoder(name, QStringDecoder::Flag::Stateless);
        const char c = static_cast<char>(byte);
        const QString decoded = decoder.decode(QByteArrayView(&c, 1));
        const bool one = decoded.size() == 1 && !decoder.hasError() && !decoded.at(0).isSurrogate();
        info->map[byte] = one ? decoded.at(0).unicode() : -1; // -1: not a character of it
    }
    info->data = nullptr;
    info->convert = nullptr;
    info->release = nullptr;
    return XML_STATUS_OK;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// What a read found; ExpatReader::read puts it into the document.
struct ReadResult {
    std::shared_ptr<const XmlTree> tree; // null when no element was read
    bool wellFormed = false;
    QString declaredEncoding;
    QString error;
    qint64 errorLine = 0;
    qint64 errorColumn = 0;
    qsizetype errorByteOffset = -1;
    NoElementReason noElementReason = NoElementReason::None;
};

class Reader {
public:
    Reader(QByteArrayView text, ExpatReader::Decoding decoding, const XmlLimits& limits)
        : m_text(text), m_decoding(decoding), m_spans(decoding == ExpatReader::Decoding::Utf8WithSpans), m_limits(limits)
    {
    }

    ReadResult result;

    // Element names and namespace URIs as expat reports them; each expanded name once.
    struct Names {
        XmlTreeBuilder::Ref localName;
        XmlTreeBuilder::Ref qualifiedName;
        XmlTreeBuilder::Ref namespaceUri;
    };

    void run()
    {
        const char* encoding = m_decoding == ExpatReader::Decoding::AsDeclared ? nullptr : "UTF-8";
        const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(encoding, kSeparator),
                                                                                  &XML_ParserFree);
        if (!parser)
            throw std::bad_alloc();
        m_parser = parser.get();
        XML_SetHashSalt(m_parser, expatHashSalt());
        XML_SetReturnNSTriplet(m_parser, XML_TRUE);
        XML_SetUserData(m_parser, this);
        XML_SetXmlDeclHandler(m_parser, [](void* self, const XML_Char* version, const XML_Char* encodingName, int) {
            static_cast<Reader*>(self)->declaration(version, encodingName);
        });
        // docs/cli.md: "DTDs and entity declarations are not needed by any real chain
        // and may be rejected as not well-formed." Refused at the DOCTYPE, before any
        // declaration in it is read (no entity expansion, no external subset).
        XML_SetStartDoctypeDeclHandler(m_parser, [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            static_cast<Reader*>(self)->refuseDtd();
        });
        XML_SetEntityDeclHandler(m_parser, [](void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                              const XML_Char*, const XML_Char*, const XML_Char*) {
            static_cast<Reader*>(self)->refuseDtd();
        });
        XML_SetStartNamespaceDeclHandler(m_parser, [](void* self, const XML_Char*, const XML_Char*) {
            ++static_cast<Reader*>(self)->m_declarationsOfNextElement;
        });
        XML_SetElementHandler(
            m_parser, [](void* self, const XML_Char* name, const XML_Char** attributes) { static_cast<Reader*>(self)->start(name, attributes); },
            [](void* self, const XML_Char*) { static_cast<Reader*>(self)->end(); });
        XML_SetCharacterDataHandler(m_parser, [](void* self, const XML_Char* s, int length) {
            auto* reader = static_cast<Reader*>(self);
            if (!reader->m_stopped && !reader->m_open.empty())
                reader->m_pendingText.append(s, static_cast<std::size_t>(length));
        });
        if (!encoding)
            XML_SetUnknownEncodingHandler(m_parser, mapUnknownEncoding, nullptr);

        m_tree.reserve(m_text.size(), 0);
        const bool parsed = XML_Parse(m_parser, m_text.data(), static_cast<int>(m_text.size()), XML_TRUE) == XML_STATUS_OK;
        if (!parsed && !m_stopped)
            expatError();
        const bool empty = m_tree.elementCount() == 0;
        if (!empty)
            result.tree = m_tree.finish();
        result.wellFormed = parsed && !empty;
    }

private:
    // Expat takes any version; this reader is for XML 1.0 documents only.
    void declaration(const XML_Char* version, const XML_Char* encodingName)
    {
        if (encodingName)
            result.declaredEncoding = QString::fromUtf8(encodingName);
        if (version && std::string_view(version) != "1.0") {
            const qsizetype end = XML_GetCurrentByteIndex(m_parser) + XML_GetCurrentByteCount(m_parser);
            stop(english("unsupported XML version \"%1\" (only 1.0 is read)").arg(QString::fromUtf8(version)), end, 0);
        }
    }

    void start(const XML_Char* name, const XML_Char** attributes)
    {
        const int declarations = std::exchange(m_declarationsOfNextElement, 0);
        if (m_stopped)
            return;
        const qsizetype at = XML_GetCurrentByteIndex(m_parser);
        const qsizetype length = XML_GetCurrentByteCount(m_parser);
        int attributeCount = 0;
        while (attributes[2 * attributeCount])
            ++attributeCount;
        if (attributeCount + declarations > m_limits.maxAttributes)
            return stop(english("an element has more than %1 attributes (namespace declarations included)").arg(m_limits.maxAttributes),
                        at, 1);
        // The limits below are reported just after the start tag, columns from 0.
        if (static_cast<int>(m_open.size()) >= m_limits.maxDepth)
            return stop(english("elements nested deeper than %1 levels").arg(m_limits.maxDepth), at + length, 0);
        if (m_tree.elementCount() >= m_limits.maxElements)
            return stop(english("more than %1 elements").arg(m_limits.maxElements), at + length, 0);
        if (m_declarationsInScope + declarations > m_limits.maxNamespacesInScope)
            return stop(english("more than %1 namespace declarations in scope").arg(m_limits.maxNamespacesInScope), at + length, 0);
        m_declarationsInScope += declarations;

        flushText();
        const int index = m_tree.elementCount();
        const Names names = namesOf(name);
        XmlTreeBuilder::Element& e = m_tree.addElement();
        e.localName = names.localName;
        e.qualifiedName = names.qualifiedName;
        e.namespaceUri = names.namespaceUri;
        // The line where the start tag ends, as a streaming reader counts it.
        e.line = static_cast<qint64>(XML_GetCurrentLineNumber(m_parser)) + lineBreaks(m_text.sliced(at, length));
        e.parent = m_open.empty() ? -1 : m_open.back().index;
        if (m_spans) {
            e.outer.begin = at;
            e.inner.begin = at + length;
        }
        for (int k = 0; k < attributeCount; ++k) {
            const Names a = namesOf(attributes[2 * k]);
            m_tree.addAttribute({a.localName, a.qualifiedName, a.namespaceUri, m_tree.addUtf8(attributes[2 * k + 1])});
        }
        m_open.push_back({index, declarations, at});
    }

    void end()
    {
        if (m_stopped)
            return;
        flushText();
        XmlTreeBuilder::Element& e = m_tree.element(m_open.back().index);
        if (m_spans) {
            const qsizetype length = XML_GetCurrentByteCount(m_parser);
            // <x/>: expat reports no bytes for its end; the start tag was all of it.
            e.inner.end = length == 0 ? e.inner.begin : XML_GetCurrentByteIndex(m_parser);
            e.outer.end = length == 0 ? e.inner.begin : e.inner.end + length;
        }
        m_declarationsInScope -= m_open.back().declarations;
        m_open.pop_back();
    }

    // Expat hands character data over in pieces (per line, per reference): the
    // element's text gets them in one go.
    void flushText()
    {
        if (m_pendingText.empty())
            return;
        m_tree.appendUtf8Text(m_open.back().index, m_pendingText);
        m_pendingText.clear();
    }

    // "uri<sep>local<sep>prefix", "uri<sep>local" (default namespace) or "local".
    Names namesOf(const XML_Char* expanded)
    {
        const std::string_view key(expanded);
        if (const auto found = m_names.find(key); found != m_names.end())
            return found->second;
        Names names;
        const std::size_t first = key.find(kSeparator);
        if (first == std::string_view::npos) {
            names.localName = m_tree.addUtf8(toView(key));
            names.qualifiedName = names.localName;
        } else {
            names.namespaceUri = m_tree.addUtf8(toView(key.substr(0, first)));
            const std::string_view rest = key.substr(first + 1);
            const std::size_t second = rest.find(kSeparator);
            const std::string_view local = rest.substr(0, second);
            names.localName = m_tree.addUtf8(toView(local));
            names.qualifiedName = second == std::string_view::npos
                ? names.localName
                : m_tree.addUtf8(toView(std::string(rest.substr(second + 1)) + ':' + std::string(local)));
        }
        m_names.emplace(key, names);
        return names;
    }

    static QByteArrayView toView(std::string_view s) { return QByteArrayView(s.data(), static_cast<qsizetype>(s.size())); }

    void refuseDtd()
    {
        if (m_stopped)
            return;
        const qsizetype at = XML_GetCurrentByteIndex(m_parser);
        const qsizetype doctype = m_text.first(at + 1).lastIndexOf("<!DOCTYPE");
        stop(english("document type declarations (DTDs) are not allowed in a certificate chain"), doctype >= 0 ? doctype : at, 1);
    }

    // One of our own refusals at byte `at`; the column counted from `firstColumn`.
    void stop(const QString& message, qsizetype at, int firstColumn)
    {
        m_stopped = true;
        XML_StopParser(m_parser, XML_FALSE);
        const TextPosition where = textPositionOf(m_text, at);
        result.error = message;
        result.errorLine = where.line;
        result.errorColumn = where.column - 1 + firstColumn;
        result.errorByteOffset = m_spans ? at : -1;
    }

    void expatError()
    {
        const XML_Error code = XML_GetErrorCode(m_parser);
        if (code == XML_ERROR_NO_ELEMENTS && m_tree.elementCount() == 0) {
            // A transcoded text was UTF-16 or UTF-32 with a byte-order mark, which decoding drops.
            result.noElementReason = m_text.isEmpty() && m_decoding == ExpatReader::Decoding::Utf8Transcoded
                ? NoElementReason::OnlyBom
                : noElementReason(m_text);
            result.error = english(noElementText(result.noElementReason));
        } else if (code == XML_ERROR_NO_ELEMENTS) {
            // Expat says "no element found" also when the root element is open at the end.
            result.error = english("the document ends before its root element is closed");
        } else if (code == XML_ERROR_TAG_MISMATCH && !m_open.empty()) {
            result.error = mismatchedTag();
        } else {
            result.error = english(XML_ErrorString(code));
        }
        result.errorLine = static_cast<qint64>(XML_GetCurrentLineNumber(m_parser));
        // Expat counts columns from 0 and a byte-order mark as one.
        result.errorColumn = static_cast<qint64>(XML_GetCurrentColumnNumber(m_parser))
            - (result.errorLine == 1 && startsWithBom(m_text) ? 1 : 0);
        result.errorByteOffset = m_spans ? XML_GetCurrentByteIndex(m_parser) : -1;
    }

    // Expat's "mismatched tag", with both names and where the open element started.
    QString mismatchedTag() const
    {
        const OpenElement& open = m_open.back();
        const XmlTreeBuilder::Ref name = m_tree.element(open.index).qualifiedName;
        const QString startName = shownName(m_tree.text(name).toString());
        // Expat points at the end tag's name; step over a "</" should it point at the tag.
        qsizetype at = XML_GetCurrentByteIndex(m_parser);
        if (at >= 0 && m_text.sliced(std::min(at, m_text.size())).startsWith("</"))
            at += 2;
        const QString endName = shownName(decodedName(nameBytesAt(m_text, at, kShownNameBytes)));
        const TextPosition opened = textPositionOf(m_text, open.startTag);
        // Columns count UTF-8 characters: in another encoding only the line is sure.
        // From 0, as the error's own column (expat's) in the same message.
        const QString where = m_decoding == ExpatReader::Decoding::AsDeclared
            ? english("line %1").arg(opened.line)
            : english("line %1, column %2").arg(opened.line).arg(opened.column - 1);
        return english("end tag </%1> does not match the start tag <%2> opened at %3").arg(endName, startName, where);
    }

    // Name bytes from the text expat reads, as characters.
    QString decodedName(QByteArrayView bytes) const
    {
        if (m_decoding != ExpatReader::Decoding::AsDeclared)
            return QString::fromUtf8(bytes);
        QStringDecoder declared(result.declaredEncoding.toUtf8().constData());
        return declared.isValid() ? QString(declared.decode(bytes)) : QString::fromLatin1(bytes);
    }

    QByteArrayView m_text;
    ExpatReader::Decoding m_decoding;
    bool m_spans;
    const XmlLimits& m_limits;
    XML_Parser m_parser = nullptr;
    bool m_stopped = false;
    XmlTreeBuilder m_tree;
    struct OpenElement {
        int index;
        int declarations; // namespace declarations on its start tag
        qsizetype startTag; // byte offset of its '<' in m_text
    };
    std::vector<OpenElement> m_open;
    int m_declarationsOfNextElement = 0;
    int m_declarationsInScope = 0;
    std::string m_pendingText;
    std::unordered_map<std::string, Names, StringHash, std::equal_to<>> m_names;
};

} // namespace

// Expat salts its hash tables against crafted collisions. Its own salt costs a
// getrandom() call per parser, about a fifth of a chain's parse on the
// development VM; one secret salt per process keeps the protection.
unsigned long expatHashSalt()
{
    static const unsigned long salt = static_cast<unsigned long>(QRandomGenerator::system()->generate64()) | 1;
    return salt;
}

TextPosition textPositionOf(QByteArrayView bytes, qsizetype at)
{
    TextPosition p;
    qsizetype lineStart = startsWithBom(bytes) ? 3 : 0;
    for (qsizetype i = lineStart; i < at; ++i) {
        const char c = bytes[i];
        if (c == '\n' || (c == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
            ++p.line;
            lineStart = i + 1;
        }
    }
    for (qsizetype i = lineStart; i < at; ++i)
        p.column += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
    return p;
}

QByteArrayView nameBytesAt(QByteArrayView bytes, qsizetype at, qsizetype maxBytes)
{
    if (at < 0 || at >= bytes.size() || maxBytes <= 0)
        return {};
    const QByteArrayView rest = bytes.sliced(at).first(std::min(bytes.size() - at, maxBytes));
    const auto end = std::find_if(rest.begin(), rest.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return !(b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '.'
                 || b == '_' || b == ':');
    });
    return rest.first(end - rest.begin());
}

void ExpatReader::read(XmlDocument& doc, QByteArrayView text, Decoding decoding, const XmlLimits& limits)
{
    Reader reader(text, decoding, limits);
    reader.run();
    ReadResult& r = reader.result;
    doc.m_tree = std::move(r.tree);
    doc.m_wellFormed = r.wellFormed;
    doc.m_hasSpans = r.wellFormed && decoding == Decoding::Utf8WithSpans;
    doc.m_encoding.declared = std::move(r.declaredEncoding);
    doc.m_error = std::move(r.error);
    doc.m_errorLine = r.errorLine;
    doc.m_errorColumn = r.errorColumn;
    doc.m_errorByteOffset = r.errorByteOffset;
    doc.m_noElementReason = r.noElementReason;
}

} // namespace copp::cert
