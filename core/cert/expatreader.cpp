// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/expatreader.h>

#include <core/cert/xmltreebuilder.h>

#include <QRandomGenerator>
#include <QStringDecoder>

#include <expat.h>

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

// Expat salts its hash tables against crafted collisions. Its own salt costs a
// getrandom() call per parser, about a fifth of a chain's parse on the
// development VM; one secret salt per process keeps the protection.
unsigned long hashSalt()
{
    static const unsigned long salt = static_cast<unsigned long>(QRandomGenerator::system()->generate64()) | 1;
    return salt;
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
};

class Reader {
public:
    Reader(QByteArrayView text, bool spans, const XmlLimits& limits) : m_text(text), m_spans(spans), m_limits(limits) {}

    ReadResult result;

    // Element names and namespace URIs as expat reports them; each expanded name once.
    struct Names {
        XmlTreeBuilder::Ref localName;
        XmlTreeBuilder::Ref qualifiedName;
        XmlTreeBuilder::Ref namespaceUri;
    };

    void run(const char* encoding)
    {
        const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreateNS(encoding, kSeparator),
                                                                                  &XML_ParserFree);
        if (!parser)
            throw std::bad_alloc();
        m_parser = parser.get();
        XML_SetHashSalt(m_parser, hashSalt());
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
        m_declaredBy.push_back(declarations);
        m_declarationsInScope += declarations;
        if (m_declarationsInScope > m_limits.maxNamespacesInScope)
            return stop(english("more than %1 namespace declarations in scope").arg(m_limits.maxNamespacesInScope), at + length, 0);

        flushText();
        const int index = m_tree.elementCount();
        const Names names = namesOf(name);
        XmlTreeBuilder::Element& e = m_tree.addElement();
        e.localName = names.localName;
        e.qualifiedName = names.qualifiedName;
        e.namespaceUri = names.namespaceUri;
        // The line where the start tag ends, as a streaming reader counts it.
        e.line = static_cast<qint64>(XML_GetCurrentLineNumber(m_parser)) + lineBreaks(m_text.sliced(at, length));
        e.parent = m_open.empty() ? -1 : m_open.back();
        if (m_spans) {
            e.outer.begin = at;
            e.inner.begin = at + length;
        }
        for (int k = 0; k < attributeCount; ++k) {
            const Names a = namesOf(attributes[2 * k]);
            m_tree.addAttribute({a.localName, a.qualifiedName, a.namespaceUri, m_tree.addUtf8(attributes[2 * k + 1])});
        }
        m_open.push_back(index);
    }

    void end()
    {
        if (m_stopped)
            return;
        flushText();
        XmlTreeBuilder::Element& e = m_tree.element(m_open.back());
        if (m_spans) {
            const qsizetype length = XML_GetCurrentByteCount(m_parser);
            // <x/>: expat reports no bytes for its end; the start tag was all of it.
            e.inner.end = length == 0 ? e.inner.begin : XML_GetCurrentByteIndex(m_parser);
            e.outer.end = length == 0 ? e.inner.begin : e.inner.end + length;
        }
        m_open.pop_back();
        m_declarationsInScope -= m_declaredBy.back();
        m_declaredBy.pop_back();
    }

    // Expat hands character data over in pieces (per line, per reference): the
    // element's text gets them in one go.
    void flushText()
    {
        if (m_pendingText.empty())
            return;
        m_tree.appendUtf8Text(m_open.back(), m_pendingText);
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
        // Expat says "no element found" also when the root element is open at the end.
        result.error = code == XML_ERROR_NO_ELEMENTS && m_tree.elementCount() > 0
            ? english("the document ends before its root element is closed")
            : english(XML_ErrorString(code));
        result.errorLine = static_cast<qint64>(XML_GetCurrentLineNumber(m_parser));
        // Expat counts columns from 0 and a byte-order mark as one.
        result.errorColumn = static_cast<qint64>(XML_GetCurrentColumnNumber(m_parser))
            - (result.errorLine == 1 && startsWithBom(m_text) ? 1 : 0);
        result.errorByteOffset = m_spans ? XML_GetCurrentByteIndex(m_parser) : -1;
    }

    QByteArrayView m_text;
    bool m_spans;
    const XmlLimits& m_limits;
    XML_Parser m_parser = nullptr;
    bool m_stopped = false;
    XmlTreeBuilder m_tree;
    std::vector<int> m_open;
    std::vector<int> m_declaredBy; // namespace declarations of each open element
    int m_declarationsOfNextElement = 0;
    int m_declarationsInScope = 0;
    std::string m_pendingText;
    std::unordered_map<std::string, Names, StringHash, std::equal_to<>> m_names;
};

} // namespace

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

void ExpatReader::read(XmlDocument& doc, QByteArrayView text, Decoding decoding, const XmlLimits& limits)
{
    Reader reader(text, decoding == Decoding::Utf8WithSpans, limits);
    reader.run(decoding == Decoding::AsDeclared ? nullptr : "UTF-8");
    ReadResult& r = reader.result;
    doc.m_tree = std::move(r.tree);
    doc.m_wellFormed = r.wellFormed;
    doc.m_hasSpans = r.wellFormed && decoding == Decoding::Utf8WithSpans;
    doc.m_encoding.declared = std::move(r.declaredEncoding);
    doc.m_error = std::move(r.error);
    doc.m_errorLine = r.errorLine;
    doc.m_errorColumn = r.errorColumn;
    doc.m_errorByteOffset = r.errorByteOffset;
}

} // namespace copp::cert
