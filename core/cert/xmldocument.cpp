// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/xmldocument.h>

#include <core/cert/expatreader.h>
#include <core/cert/utf8check.h>

#include <QStringDecoder>

namespace copp::cert {

namespace {

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

const char* noElementText(NoElementReason reason)
{
    switch (reason) {
    case NoElementReason::None:
        break;
    case NoElementReason::EmptyFile:
        return QT_TRANSLATE_NOOP("copp::cert", "the file is empty");
    case NoElementReason::OnlyBom:
        return QT_TRANSLATE_NOOP("copp::cert", "the file is empty apart from a byte-order mark");
    case NoElementReason::OnlyWhitespace:
        return QT_TRANSLATE_NOOP("copp::cert", "the file has no elements, only whitespace");
    case NoElementReason::OnlyProlog:
        return QT_TRANSLATE_NOOP("copp::cert", "the file has no elements, only an XML declaration, comments or processing instructions");
    }
    return nullptr;
}

XmlDocument XmlDocument::parse(const QByteArray& bytes, const XmlLimits& limits)
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
    EncodingInfo& enc = doc.m_encoding;
    if (hasUtf16Or32Bom(bytes)) {
        enc.isUtf8 = false;
        enc.problem = english("the byte-order mark says UTF-16 or UTF-32");
        // Expat reads no UTF-32: Qt decodes either, expat reads the text (without spans).
        QStringDecoder decoder(*QStringConverter::encodingForData(bytes));
        const QByteArray text = QString(decoder.decode(bytes)).toUtf8();
        if (decoder.hasError()) {
            doc.m_error = english("invalid UTF-16 or UTF-32 sequence");
            return doc;
        }
        ExpatReader::read(doc, text, ExpatReader::Decoding::Utf8Transcoded, limits);
        return doc;
    }
    enc.hasUtf8Bom = bytes.startsWith("\xEF\xBB\xBF");
    const qsizetype base = enc.hasUtf8Bom ? 3 : 0;
    // Only one byte-order mark may open the file; a second U+FEFF is a character
    // before the root element (XML 1.0 §2.8: the prolog holds only markup and
    // whitespace). Expat skips a leading U+FEFF, so catch it here.
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
        ExpatReader::read(doc, bytes, ExpatReader::Decoding::AsDeclared, limits);
        // Without another declared encoding the document must be UTF-8 (XML 1.0
        // §4.3.3), so the bad byte is a fatal error there, whatever else is wrong
        // before it: say where the byte is.
        const bool declaredOther = !enc.declared.isEmpty() && enc.declared.compare(u"UTF-8", Qt::CaseInsensitive) != 0;
        if (!doc.m_wellFormed && !declaredOther) {
            const TextPosition where = textPositionOf(bytes, enc.firstBadByte);
            doc.m_error = english("invalid UTF-8 at byte offset %1; without another declared encoding a document must be UTF-8")
                              .arg(enc.firstBadByte);
            doc.m_errorLine = where.line;
            doc.m_errorColumn = where.column;
            doc.m_errorByteOffset = enc.firstBadByte;
        }
        return doc;
    }
    ExpatReader::read(doc, bytes, ExpatReader::Decoding::Utf8WithSpans, limits);
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
