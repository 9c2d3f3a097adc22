// SPDX-License-Identifier: BSD-3-Clause
// QXmlStreamReader's reading of a document: the independent reference that
// XmlDocument::parse (expat) is held to in tst_xmlreader and the fuzz target
// fuzz_xmlreader_vs_qt. It applies the same XmlLimits and builds the same kind
// of tree, with byte spans mapped back from the reader's UTF-16 offsets.
// Header-only so the fuzz target needs nothing but copp_core and Qt Xml.
#pragma once

#include <core/cert/utf8check.h>
#include <core/cert/xmldocument.h>

#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>
#include <QXmlStreamReader>

#include <vector>

namespace copp::tests {

struct QtXmlAttribute {
    QString localName;
    QString qualifiedName;
    QString namespaceUri;
    QString value;
};

struct QtXmlElement {
    QString localName;
    QString qualifiedName;
    QString namespaceUri;
    QList<QtXmlAttribute> attributes;
    QString text; // the Characters events directly inside, joined
    cert::ByteSpan outer;
    cert::ByteSpan inner;
    qint64 line = 0; // the reader's line at the end of the start tag
    int parent = -1;
    std::vector<int> children;
};

struct QtXmlReading {
    bool wellFormed = false;
    bool hasSpans = false; // only for UTF-8 input
    QString error;
    QString declaredEncoding;
    // A name with a character above U+007F was read. Expat judges those by XML 1.0
    // 4th edition Appendix B, QXmlStreamReader by the 5th edition's wider NameChar
    // (U+FEFF, for one, is a name character only in the 5th): see xmldiff.h.
    bool nonAsciiName = false;
    QList<QtXmlElement> elements;
};

namespace detail {

// QXmlStreamReader::characterOffset() counts UTF-16 code units of the decoded
// text; this maps them back to byte offsets of the UTF-8 input, moving forward only.
class Utf16ToByteOffsets {
public:
    Utf16ToByteOffsets(const QString& text, qsizetype byteBase) : m_text(text), m_bytePos(byteBase) {}

    qsizetype byteOffset(qint64 charOffset)
    {
        for (; m_charPos < charOffset && m_charPos < m_text.size(); ++m_charPos) {
            const char16_t u = m_text.at(m_charPos).unicode();
            if (u < 0x80)
                m_bytePos += 1;
            else if (u < 0x800)
                m_bytePos += 2;
            else if (QChar::isHighSurrogate(u))
                m_bytePos += 4; // the pair is one 4-byte sequence; its low half adds 0
            else if (!QChar::isLowSurrogate(u))
                m_bytePos += 3;
        }
        return m_bytePos;
    }

private:
    const QString& m_text;
    qsizetype m_charPos = 0;
    qsizetype m_bytePos;
};

// QXmlStreamReader takes ASCII characters in names that XML 1.0 §2.3 does not
// allow (DEL, '!', ...); expat refuses them. Non-ASCII name characters are
// left to each parser's own tables (noted in `nonAsciiName`).
inline bool isXmlName(QStringView name, bool& nonAsciiName)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        const bool start = i == 0 || name.at(i - 1) == u':';
        if (c >= 0x80) {
            nonAsciiName = true;
            continue;
        }
        const bool letter = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || c == u'_' || c == u':';
        if (!letter && (start || !((c >= u'0' && c <= u'9') || c == u'.' || c == u'-')))
            return false;
    }
    return !name.isEmpty();
}

// XML 1.0 §2.2 Char: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and the
// supplementary planes (surrogate pairs in UTF-16).
inline bool hasNonXmlChar(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != 0x9 && u != 0xA && u != 0xD) || u == 0xFFFE || u == 0xFFFF)
            return true;
    }
    return false;
}

inline bool hasRepeatedPrefix(const QXmlStreamNamespaceDeclarations& declarations)
{
    for (qsizetype i = 0; i < declarations.size(); ++i) {
        for (qsizetype k = 0; k < i; ++k) {
            if (declarations.at(k).prefix() == declarations.at(i).prefix())
                return true;
        }
    }
    return false;
}

inline void readWithQt(QXmlStreamReader& reader, const QByteArray& bytes, const cert::XmlLimits& limits,
                       Utf16ToByteOffsets* offsets, QtXmlReading& out)
{
    reader.setNamespaceProcessing(true);
    std::vector<int> open;
    std::vector<qsizetype> declaredBy;
    qsizetype declarationsInScope = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartDocument:
            out.declaredEncoding = reader.documentEncoding().toString();
            break;
        case QXmlStreamReader::DTD:
            reader.raiseError(QStringLiteral("DTD"));
            break;
        case QXmlStreamReader::EntityReference:
            reader.raiseError(QStringLiteral("entity reference"));
            break;
        case QXmlStreamReader::StartElement: {
            if (reader.attributes().size() + reader.namespaceDeclarations().size() > limits.maxAttributes) {
                reader.raiseError(QStringLiteral("attribute limit"));
                break;
            }
            if (static_cast<int>(open.size()) >= limits.maxDepth) {
                reader.raiseError(QStringLiteral("depth limit"));
                break;
            }
            if (out.elements.size() >= limits.maxElements) {
                reader.raiseError(QStringLiteral("element limit"));
                break;
            }
            if (!isXmlName(reader.qualifiedName(), out.nonAsciiName)) {
                reader.raiseError(QStringLiteral("not an XML name"));
                break;
            }
            for (const QXmlStreamAttribute& a : reader.attributes()) {
                if (!isXmlName(a.qualifiedName(), out.nonAsciiName))
                    reader.raiseError(QStringLiteral("not an XML name"));
            }
            for (const QXmlStreamNamespaceDeclaration& d : reader.namespaceDeclarations()) {
                if (!d.prefix().isEmpty() && !isXmlName(d.prefix(), out.nonAsciiName))
                    reader.raiseError(QStringLiteral("not an XML name"));
            }
            if (reader.hasError())
                break;
            // QXmlStreamReader accepts one prefix declared twice on one element; XML 1.0
            // §3.1 [WFC: Unique Att Spec] does not (expat refuses it).
            if (hasRepeatedPrefix(reader.namespaceDeclarations())) {
                reader.raiseError(QStringLiteral("prefix declared twice"));
                break;
            }
            declaredBy.push_back(reader.namespaceDeclarations().size());
            declarationsInScope += declaredBy.back();
            if (declarationsInScope > limits.maxNamespacesInScope) {
                reader.raiseError(QStringLiteral("namespace limit"));
                break;
            }
            QtXmlElement e;
            e.localName = reader.name().toString();
            e.qualifiedName = reader.qualifiedName().toString();
            e.namespaceUri = reader.namespaceUri().toString();
            e.line = reader.lineNumber();
            e.parent = open.empty() ? -1 : open.back();
            if (offsets) {
                // The offset after a start tag is reliable; scan back to its '<'.
                e.inner.begin = offsets->byteOffset(reader.characterOffset());
                e.outer.begin = bytes.lastIndexOf('<', e.inner.begin - 1);
            }
            for (const QXmlStreamAttribute& a : reader.attributes())
                e.attributes.append({a.name().toString(), a.qualifiedName().toString(), a.namespaceUri().toString(), a.value().toString()});
            const int index = static_cast<int>(out.elements.size());
            if (e.parent >= 0)
                out.elements[e.parent].children.push_back(index);
            out.elements.append(std::move(e));
            open.push_back(index);
            break;
        }
        case QXmlStreamReader::EndElement: {
            QtXmlElement& e = out.elements[open.back()];
            if (offsets) {
                e.outer.end = offsets->byteOffset(reader.characterOffset());
                // <x/>: start and end tag are the same bytes; the content is empty.
                e.inner.end = e.outer.end == e.inner.begin ? e.inner.begin : bytes.lastIndexOf('<', e.outer.end - 1);
            }
            open.pop_back();
            declarationsInScope -= declaredBy.back();
            declaredBy.pop_back();
            break;
        }
        case QXmlStreamReader::ProcessingInstruction:
            if (!isXmlName(reader.processingInstructionTarget(), out.nonAsciiName))
                reader.raiseError(QStringLiteral("not an XML name"));
            break;
        case QXmlStreamReader::Characters:
            if (!open.empty())
                out.elements[open.back()].text += reader.text();
            break;
        default:
            break;
        }
    }
    out.wellFormed = !reader.hasError() && !out.elements.isEmpty();
    out.error = reader.errorString();
    out.hasSpans = out.wellFormed && offsets;
}

// The XML declaration's version, encoding and standalone values are literals
// (XML 1.0 §2.8, §4.3.3 EncName): no character or entity reference. The reader
// resolves a reference there; expat refuses the declaration.
inline bool declarationHasReference(QByteArrayView bytes)
{
    if (!bytes.startsWith("<?xml") || bytes.size() < 6 || !QChar::isSpace(static_cast<uchar>(bytes.at(5))))
        return false;
    const qsizetype end = bytes.indexOf("?>");
    return bytes.first(end < 0 ? bytes.size() : end).contains('&');
}

// Expat reads a declared encoding it does not know natively only as a map of
// single bytes that leaves every ASCII character of XML markup where it is
// (expat.h, XML_SetUnknownEncodingHandler: all but $@\^`{}~ must map to
// themselves). The reader decodes any encoding Qt knows, multi-byte or not.
inline bool expatReadsDeclaredEncoding(const QString& name, QByteArrayView bytes)
{
    static const QStringList native = {QStringLiteral("UTF-8"), QStringLiteral("ISO-8859-1"), QStringLiteral("US-ASCII")};
    if (native.contains(name, Qt::CaseInsensitive))
        return true;
    const QByteArray encoding = name.toUtf8();
    if (name.startsWith(u"UTF-16", Qt::CaseInsensitive) || !QStringDecoder(encoding.constData()).isValid())
        return false; // UTF-16 without a byte-order mark is not what these bytes are
    auto decodesTo = [&encoding](uchar byte, char16_t* out) {
        QStringDecoder decoder(encoding.constData(), QStringDecoder::Flag::Stateless);
        const char c = static_cast<char>(byte);
        const QString decoded = decoder.decode(QByteArrayView(&c, 1));
        if (decoder.hasError() || decoded.size() != 1 || decoded.at(0).isSurrogate())
            return false;
        *out = decoded.at(0).unicode();
        return true;
    };
    char16_t u = 0;
    for (uchar c = 0x20; c < 0x7F; ++c) {
        if (!QByteArrayView("$@\\^`{}~").contains(static_cast<char>(c)) && (!decodesTo(c, &u) || u != c))
            return false;
    }
    for (const char c : bytes) {
        if (static_cast<uchar>(c) >= 0x80 && !decodesTo(static_cast<uchar>(c), &u))
            return false; // a byte that is not one character alone
    }
    return true;
}

} // namespace detail

// The bytes read as XmlDocument::parse decides how to read them: UTF-16 or UTF-32
// with a byte-order mark, or not UTF-8, as the reader decodes them (no spans);
// valid UTF-8 as UTF-8, with spans.
inline QtXmlReading readWithQt(const QByteArray& bytes, const cert::XmlLimits& limits = {})
{
    QtXmlReading out;
    if (bytes.size() > limits.maxBytes)
        return out;
    const bool utf16Or32 = bytes.startsWith("\xFE\xFF") || bytes.startsWith("\xFF\xFE")
        || bytes.startsWith(QByteArrayView("\x00\x00\xFE\xFF", 4));
    const qsizetype base = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    if (base > 0 && QByteArrayView(bytes).sliced(base).startsWith("\xEF\xBB\xBF"))
        return out; // a second byte-order mark: a character before the root element
    if (utf16Or32) {
        QXmlStreamReader reader(bytes);
        detail::readWithQt(reader, bytes, limits, nullptr, out);
        return out;
    }
    if (!cert::checkUtf8(QByteArrayView(bytes).sliced(base)).valid) {
        QXmlStreamReader reader(bytes);
        detail::readWithQt(reader, bytes, limits, nullptr, out);
        // Without another declared encoding the bad byte is a fatal error (XML 1.0
        // §4.3.3); the reader passes over a sequence cut short at the very end.
        if (out.declaredEncoding.isEmpty() || out.declaredEncoding.compare(u"UTF-8", Qt::CaseInsensitive) == 0
            || !detail::expatReadsDeclaredEncoding(out.declaredEncoding, bytes))
            out.wellFormed = false;
        if (detail::declarationHasReference(bytes))
            out.wellFormed = false;
        return out;
    }
    const QString text = QString::fromUtf8(QByteArrayView(bytes).sliced(base));
    QXmlStreamReader reader(text);
    detail::Utf16ToByteOffsets offsets(text, base);
    detail::readWithQt(reader, bytes, limits, &offsets, out);
    // A document is made of Chars only (XML 1.0 §2.2); the reader lets U+FFFE,
    // U+FFFF and C0 controls through in a processing instruction, expat does not.
    if (detail::hasNonXmlChar(text) || detail::declarationHasReference(QByteArrayView(bytes).sliced(base)))
        out.wellFormed = false;
    return out;
}

} // namespace copp::tests
