#include "xmldocument.h"

#include "crowdedtag.h"
#include "strictxmlscanner.h"
#include "utf8check.h"
#include "xmltreebuilder.h"

#include <QXmlStreamReader>

#include <vector>

namespace copp::cert {

namespace {

// QXmlStreamReader::characterOffset() counts UTF-16 code units of the decoded
// text. This maps those offsets back to byte offsets of the UTF-8 input. The
// reader only moves forward, so one running cursor makes the mapping O(n).
class OffsetMapper {
public:
    OffsetMapper(const QString& text, qsizetype byteBase, bool asciiOnly)
        : m_text(text), m_bytePos(byteBase), m_base(byteBase), m_ascii(asciiOnly)
    {
    }

    qsizetype byteOffset(qint64 charOffset)
    {
        if (m_ascii)
            return m_base + charOffset;
        while (m_charPos < charOffset && m_charPos < m_text.size()) {
            const char16_t u = m_text.at(m_charPos).unicode();
            if (u < 0x80)
                m_bytePos += 1;
            else if (u < 0x800)
                m_bytePos += 2;
            else if (QChar::isHighSurrogate(u))
                m_bytePos += 4; // the pair is one 4-byte sequence; its low half adds 0
            else if (!QChar::isLowSurrogate(u))
                m_bytePos += 3;
            ++m_charPos;
        }
        return m_bytePos;
    }

private:
    const QString& m_text;
    qsizetype m_charPos = 0;
    qsizetype m_bytePos;
    qsizetype m_base;
    bool m_ascii;
};

// Line and column (in characters: UTF-8 lead bytes) of byte `at`, as the
// reader counts them: both from 1, the byte-order mark not a column.
struct TextPosition {
    qint64 line = 1;
    qint64 column = 1;
};
TextPosition positionOf(const QByteArray& bytes, qsizetype at)
{
    qsizetype lineStart = at > 0 ? bytes.lastIndexOf('\n', at - 1) + 1 : 0; // a negative start counts from the end
    if (lineStart == 0 && bytes.startsWith("\xEF\xBB\xBF"))
        lineStart = 3;
    TextPosition p;
    p.line = QByteArrayView(bytes).first(at).count('\n') + 1;
    for (qsizetype i = lineStart; i < at; ++i)
        p.column += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
    return p;
}

bool hasUtf16Or32Bom(const QByteArray& b)
{
    return b.startsWith("\xFE\xFF") || b.startsWith("\xFF\xFE")
        || b.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4));
}

// Report data stays English (the JSON must not depend on the locale).
QString english(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

// Runs QXmlStreamReader over the text and records the element tree.
class XmlSpanParser {
public:
    XmlSpanParser(XmlDocument& doc, const XmlLimits& limits) : m_doc(doc), m_limits(limits) {}

    void run(QXmlStreamReader& reader, OffsetMapper* mapper)
    {
        if (refuseCrowdedTag())
            return;
        reader.setNamespaceProcessing(true);
        std::vector<int> open;
        std::vector<int> declaredBy;  // namespace declarations of each open element
        qsizetype declarationsInScope = 0;
        XmlTreeBuilder tree;
        while (!reader.atEnd()) {
            switch (reader.readNext()) {
            case QXmlStreamReader::StartDocument:
                m_doc.m_encoding.declared = reader.documentEncoding().toString();
                break;
            case QXmlStreamReader::DTD:
                // cli-contract.md: "DTDs and entity declarations are not needed by any
                // real chain and may be rejected as not well-formed."
                reader.raiseError(english("document type declarations (DTDs) are not allowed in a certificate chain"));
                break;
            case QXmlStreamReader::EntityReference:
                reader.raiseError(english("unresolved entity reference &%1;").arg(reader.name()));
                break;
            case QXmlStreamReader::StartElement: {
                if (static_cast<int>(open.size()) >= m_limits.maxDepth) {
                    reader.raiseError(english("elements nested deeper than %1 levels").arg(m_limits.maxDepth));
                    break;
                }
                if (tree.elementCount() >= m_limits.maxElements) {
                    reader.raiseError(english("more than %1 elements").arg(m_limits.maxElements));
                    break;
                }
                // The reader walks every declaration in scope for each prefixed name:
                // 3,900 in scope made a 16 MB document take 30 s.
                declaredBy.push_back(static_cast<int>(reader.namespaceDeclarations().size()));
                declarationsInScope += declaredBy.back();
                if (declarationsInScope > m_limits.maxNamespacesInScope) {
                    reader.raiseError(english("more than %1 namespace declarations in scope").arg(m_limits.maxNamespacesInScope));
                    break;
                }
                const int index = tree.elementCount();
                XmlTreeBuilder::Element& e = tree.addElement();
                e.localName = tree.addString(reader.name());
                e.qualifiedName = tree.addString(reader.qualifiedName());
                e.namespaceUri = tree.addString(reader.namespaceUri());
                e.line = reader.lineNumber();
                e.parent = open.empty() ? -1 : open.back();
                if (mapper) {
                    // The offset after a start tag is reliable; scan back to its '<'
                    // ('<' cannot occur inside a tag, and is never a UTF-8 continuation byte).
                    e.inner.begin = mapper->byteOffset(reader.characterOffset());
                    e.outer.begin = m_doc.m_bytes.lastIndexOf('<', e.inner.begin - 1);
                }
                for (const auto& a : reader.attributes())
                    tree.addAttribute({tree.addString(a.name()), tree.addString(a.qualifiedName()),
                                       tree.addString(a.namespaceUri()), tree.addString(a.value())});
                open.push_back(index);
                break;
            }
            case QXmlStreamReader::EndElement: {
                XmlTreeBuilder::Element& e = tree.element(open.back());
                if (mapper) {
                    e.outer.end = mapper->byteOffset(reader.characterOffset());
                    // <x/>: start and end tag are the same bytes; the content is empty.
                    e.inner.end = (e.outer.end == e.inner.begin)
                        ? e.inner.begin
                        : m_doc.m_bytes.lastIndexOf('<', e.outer.end - 1);
                }
                open.pop_back();
                declarationsInScope -= declaredBy.back();
                declaredBy.pop_back();
                break;
            }
            case QXmlStreamReader::Characters:
                if (!open.empty())
                    tree.appendText(open.back(), reader.text());
                break;
            default:
                break; // comments, processing instructions, EndDocument
            }
        }
        const bool empty = tree.elementCount() == 0;
        if (!empty)
            m_doc.m_tree = tree.finish();
        if (reader.hasError()) {
            m_doc.m_wellFormed = false;
            m_doc.m_error = reader.errorString();
            m_doc.m_errorLine = reader.lineNumber();
            m_doc.m_errorColumn = reader.columnNumber();
            if (mapper)
                m_doc.m_errorByteOffset = mapper->byteOffset(reader.characterOffset());
            return;
        }
        m_doc.m_wellFormed = !empty;
        if (empty)
            m_doc.m_error = english("the document has no root element");
        m_doc.m_hasSpans = mapper != nullptr;
    }

private:
    // The reader's attribute checks are quadratic in the attributes of one tag
    // (see crowdedtag.h): refuse such a tag before the reader sees it.
    bool refuseCrowdedTag()
    {
        const QByteArray& bytes = m_doc.m_bytes;
        const qsizetype at = firstCrowdedTag(bytes, m_limits.maxAttributes);
        if (at < 0)
            return false;
        const TextPosition where = positionOf(bytes, at);
        m_doc.m_wellFormed = false;
        m_doc.m_error = english("an element has more than %1 attributes (namespace declarations included)")
                            .arg(m_limits.maxAttributes);
        m_doc.m_errorLine = where.line;
        m_doc.m_errorColumn = where.column;
        m_doc.m_errorByteOffset = at;
        return true;
    }

    XmlDocument& m_doc;
    const XmlLimits& m_limits;
};

XmlDocument XmlDocument::parse(const QByteArray& bytes, const XmlLimits& limits)
{
    return parse(bytes, limits, true);
}

XmlDocument XmlDocument::parseWithStreamReader(const QByteArray& bytes, const XmlLimits& limits)
{
    return parse(bytes, limits, false);
}

XmlDocument XmlDocument::parse(const QByteArray& bytes, const XmlLimits& limits, bool allowFastPath)
{
    XmlDocument doc;
    doc.m_bytes = bytes;
    if (bytes.size() > limits.maxBytes) {
        doc.m_error = english("the document is %1 bytes, larger than the %2-byte limit")
                          .arg(bytes.size())
                          .arg(limits.maxBytes);
        doc.m_encoding.isUtf8 = false;
        doc.m_encoding.problem = english("not examined (document too large)");
        return doc;
    }
    XmlSpanParser parser(doc, limits);
    EncodingInfo& enc = doc.m_encoding;
    if (hasUtf16Or32Bom(bytes)) {
        enc.isUtf8 = false;
        enc.problem = english("the byte-order mark says UTF-16 or UTF-32");
        QXmlStreamReader reader(bytes);
        parser.run(reader, nullptr);
        return doc;
    }
    enc.hasUtf8Bom = bytes.startsWith("\xEF\xBB\xBF");
    const qsizetype base = enc.hasUtf8Bom ? 3 : 0;
    // Only one byte-order mark may open the file; a second U+FEFF is a character
    // before the root element (XML 1.0 §2.8: the prolog holds only markup and
    // whitespace). QXmlStreamReader skips a leading U+FEFF, so catch it here.
    if (enc.hasUtf8Bom && QByteArrayView(bytes).sliced(base).startsWith("\xEF\xBB\xBF")) {
        doc.m_error = english("a second byte-order mark (U+FEFF) follows the first; it is a character before the root element");
        doc.m_errorLine = 1;
        doc.m_errorColumn = 1;
        doc.m_errorByteOffset = base;
        return doc;
    }
    const Utf8Check check = checkUtf8(QByteArrayView(bytes).sliced(base));
    if (!check.valid) {
        enc.isUtf8 = false;
        enc.firstBadByte = base + check.firstBadByte;
        enc.problem = english("invalid UTF-8 sequence at byte offset %1").arg(enc.firstBadByte);
        QXmlStreamReader reader(bytes);
        parser.run(reader, nullptr);
        // Without another declared encoding the document must be UTF-8 (XML 1.0
        // §4.3.3), so the bad byte is a fatal error there. The reader's own position
        // for it is of its decoded text, which ends early: say where the byte is.
        const bool declaredOther = !enc.declared.isEmpty() && enc.declared.compare(u"UTF-8", Qt::CaseInsensitive) != 0;
        if (!doc.m_wellFormed && !declaredOther) {
            const TextPosition where = positionOf(bytes, enc.firstBadByte);
            doc.m_error = english("invalid UTF-8 at byte offset %1; without another declared encoding a document must be UTF-8")
                              .arg(enc.firstBadByte);
            doc.m_errorLine = where.line;
            doc.m_errorColumn = where.column;
            doc.m_errorByteOffset = enc.firstBadByte;
        }
        return doc;
    }
    if (!allowFastPath || !StrictXmlScanner::scan(doc, base, limits)) {
        // Decode ourselves and lock the reader to that text, so offsets are ours to map.
        const QString text = QString::fromUtf8(QByteArrayView(bytes).sliced(base));
        QXmlStreamReader reader(text);
        OffsetMapper mapper(text, base, check.asciiOnly);
        parser.run(reader, &mapper);
    }
    if (!enc.declared.isEmpty() && enc.declared.compare(u"UTF-8", Qt::CaseInsensitive) != 0) {
        enc.isUtf8 = false;
        enc.problem = english("the XML declaration names encoding \"%1\"").arg(enc.declared);
    }
    return doc;
}

QByteArray XmlDocument::slice(ByteSpan span) const
{
    return sliceView(span).toByteArray();
}

QByteArrayView XmlDocument::sliceView(ByteSpan span) const
{
    if (!span.isValid() || span.end > m_bytes.size())
        return {};
    return QByteArrayView(m_bytes).sliced(span.begin, span.size());
}

const QList<XmlElement>& XmlDocument::noElements()
{
    static const QList<XmlElement> none;
    return none;
}

QList<int> XmlDocument::children(int parent, QStringView localName) const
{
    QList<int> out;
    const QList<XmlElement>& all = elements();
    if (parent < 0 || parent >= all.size())
        return out;
    for (int child : all.at(parent).children) {
        if (all.at(child).localName == localName)
            out.append(child);
    }
    return out;
}

} // namespace copp::cert
