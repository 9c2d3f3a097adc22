// The first difference between two parses of the same bytes, in words, or an
// empty string when they built the same tree. Used to hold StrictXmlScanner
// (XmlDocument::parse's fast path) to QXmlStreamReader (parseWithStreamReader)
// in tst_strictxmlscanner and fuzz_xmlscanner. Both parses fill one
// XmlTreeBuilder, so xmlTextDifference holds the builder's element texts to
// QXmlStreamReader's own events. Header-only so the fuzz target needs nothing
// but copp_core.
#pragma once

#include <core/cert/xmldocument.h>

#include <QString>
#include <QXmlStreamReader>

#include <algorithm>
#include <vector>

namespace copp::tests {

inline QString xmlTreeDifference(const cert::XmlDocument& fast, const cert::XmlDocument& reference)
{
    auto differs = [](const QString& what, const auto& a, const auto& b) {
        return QStringLiteral("%1: fast path %2, reference %3").arg(what, a, b);
    };
    auto num = [](qint64 v) { return QString::number(v); };
    auto span = [](const cert::ByteSpan& s) { return QStringLiteral("%1..%2").arg(s.begin).arg(s.end); };
    auto yes = [](bool v) { return v ? QStringLiteral("true") : QStringLiteral("false"); };

    if (fast.isWellFormed() != reference.isWellFormed())
        return differs(QStringLiteral("well-formed"), yes(fast.isWellFormed()), yes(reference.isWellFormed()))
            + QStringLiteral(" (reference error: %1)").arg(reference.errorString());
    if (fast.hasByteSpans() != reference.hasByteSpans())
        return differs(QStringLiteral("byte spans"), yes(fast.hasByteSpans()), yes(reference.hasByteSpans()));
    if (fast.errorString() != reference.errorString())
        return differs(QStringLiteral("error"), fast.errorString(), reference.errorString());
    const cert::EncodingInfo& fe = fast.encoding();
    const cert::EncodingInfo& re = reference.encoding();
    if (fe.isUtf8 != re.isUtf8 || fe.hasUtf8Bom != re.hasUtf8Bom || fe.declared != re.declared
        || fe.problem != re.problem || fe.firstBadByte != re.firstBadByte)
        return differs(QStringLiteral("encoding"), fe.declared + u'/' + fe.problem, re.declared + u'/' + re.problem);
    if (fast.elements().size() != reference.elements().size())
        return differs(QStringLiteral("element count"), num(fast.elements().size()), num(reference.elements().size()));

    for (qsizetype i = 0; i < fast.elements().size(); ++i) {
        const cert::XmlElement& a = fast.elements().at(i);
        const cert::XmlElement& b = reference.elements().at(i);
        const QString at = QStringLiteral("element %1 <%2>").arg(i).arg(b.qualifiedName);
        if (a.localName != b.localName)
            return differs(at + QStringLiteral(" local name"), a.localName, b.localName);
        if (a.qualifiedName != b.qualifiedName)
            return differs(at + QStringLiteral(" qualified name"), a.qualifiedName, b.qualifiedName);
        if (a.namespaceUri != b.namespaceUri)
            return differs(at + QStringLiteral(" namespace"), a.namespaceUri, b.namespaceUri);
        if (a.text != b.text)
            return differs(at + QStringLiteral(" text"), a.text, b.text);
        if (a.outer != b.outer)
            return differs(at + QStringLiteral(" outer span"), span(a.outer), span(b.outer));
        if (a.inner != b.inner)
            return differs(at + QStringLiteral(" inner span"), span(a.inner), span(b.inner));
        if (a.line != b.line)
            return differs(at + QStringLiteral(" line"), num(a.line), num(b.line));
        if (a.parent != b.parent)
            return differs(at + QStringLiteral(" parent"), num(a.parent), num(b.parent));
        if (!std::ranges::equal(a.children, b.children))
            return differs(at + QStringLiteral(" children"), num(a.children.size()), num(b.children.size()));
        if (a.attributes.size() != b.attributes.size())
            return differs(at + QStringLiteral(" attribute count"), num(a.attributes.size()), num(b.attributes.size()));
        for (std::size_t k = 0; k < a.attributes.size(); ++k) {
            const cert::XmlAttribute& x = a.attributes[k];
            const cert::XmlAttribute& y = b.attributes[k];
            const QString attr = at + QStringLiteral(" attribute %1").arg(y.qualifiedName);
            if (x.localName != y.localName || x.qualifiedName != y.qualifiedName)
                return differs(attr + QStringLiteral(" name"), x.qualifiedName, y.qualifiedName);
            if (x.namespaceUri != y.namespaceUri)
                return differs(attr + QStringLiteral(" namespace"), x.namespaceUri, y.namespaceUri);
            if (x.value != y.value)
                return differs(attr + QStringLiteral(" value"), x.value, y.value);
        }
    }
    return {};
}

// Each element's text as QXmlStreamReader's Characters events give it, against
// the text the document holds (XmlTreeBuilder joins text that children and
// comments split). Empty when they agree, or when there is nothing to compare
// (not well-formed, or not UTF-8: no byte spans).
inline QString xmlTextDifference(const cert::XmlDocument& doc)
{
    if (!doc.isWellFormed() || !doc.hasByteSpans())
        return {};
    const qsizetype bom = doc.encoding().hasUtf8Bom ? 3 : 0;
    QXmlStreamReader reader(QString::fromUtf8(QByteArrayView(doc.bytes()).sliced(bom)));
    QList<QString> texts; // by element, in document order
    std::vector<qsizetype> open;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            open.push_back(texts.size());
            texts.append(QString());
            break;
        case QXmlStreamReader::EndElement:
            open.pop_back();
            break;
        case QXmlStreamReader::Characters:
            if (!open.empty())
                texts[open.back()] += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError())
        return QStringLiteral("the reader rejects a well-formed document: %1").arg(reader.errorString());
    if (texts.size() != doc.elements().size())
        return QStringLiteral("element count: document %1, reader %2").arg(doc.elements().size()).arg(texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (doc.element(i).text != texts.at(i))
            return QStringLiteral("element %1 <%2> text: document \"%3\", reader \"%4\"")
                .arg(i)
                .arg(doc.element(i).qualifiedName, doc.element(i).text, texts.at(i));
    }
    return {};
}

} // namespace copp::tests
