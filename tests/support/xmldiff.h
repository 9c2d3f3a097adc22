// SPDX-License-Identifier: BSD-3-Clause
// The first difference between XmlDocument::parse (expat) and QXmlStreamReader's
// reading of the same bytes (qtxmlreference.h), in words, or an empty string when
// they agree: the same verdict under the same limits and, for a well-formed
// document, the same tree (names, namespaces, attributes, text, byte spans, line
// numbers). Error messages and positions are each reader's own and not compared.
// Used in tst_xmlreader and fuzz_xmlreader_vs_qt.
#pragma once

#include <support/qtxmlreference.h>

#include <core/cert/xmldocument.h>

#include <QString>

#include <algorithm>

namespace copp::tests {

inline QString xmlTreeDifference(const cert::XmlDocument& doc, const QtXmlReading& reference)
{
    auto differs = [](const QString& what, const auto& a, const auto& b) {
        return QStringLiteral("%1: expat %2, QXmlStreamReader %3").arg(what, a, b);
    };
    auto num = [](qint64 v) { return QString::number(v); };
    auto span = [](const cert::ByteSpan& s) { return QStringLiteral("%1..%2").arg(s.begin).arg(s.end); };
    auto yes = [](bool v) { return v ? QStringLiteral("true") : QStringLiteral("false"); };

    // Expat's name tables are XML 1.0 4th edition's, QXmlStreamReader's the 5th's,
    // which allow more characters above U+007F: where the reader refuses a document
    // with such a name, neither verdict is the reference's to check.
    if (!doc.isWellFormed() && reference.wellFormed && reference.nonAsciiName)
        return {};
    if (doc.isWellFormed() != reference.wellFormed)
        return differs(QStringLiteral("well-formed"), yes(doc.isWellFormed()), yes(reference.wellFormed))
            + QStringLiteral(" (errors: expat \"%1\", QXmlStreamReader \"%2\")").arg(doc.errorString(), reference.error);
    if (!doc.isWellFormed())
        return {};
    if (doc.hasByteSpans() != reference.hasSpans)
        return differs(QStringLiteral("byte spans"), yes(doc.hasByteSpans()), yes(reference.hasSpans));
    if (doc.encoding().declared != reference.declaredEncoding)
        return differs(QStringLiteral("declared encoding"), doc.encoding().declared, reference.declaredEncoding);
    if (doc.elements().size() != reference.elements.size())
        return differs(QStringLiteral("element count"), num(doc.elements().size()), num(reference.elements.size()));

    for (qsizetype i = 0; i < doc.elements().size(); ++i) {
        const cert::XmlElement& a = doc.elements().at(i);
        const QtXmlElement& b = reference.elements.at(i);
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
        if (static_cast<qsizetype>(a.attributes.size()) != b.attributes.size())
            return differs(at + QStringLiteral(" attribute count"), num(a.attributes.size()), num(b.attributes.size()));
        for (qsizetype k = 0; k < b.attributes.size(); ++k) {
            const cert::XmlAttribute& x = a.attributes[static_cast<std::size_t>(k)];
            const QtXmlAttribute& y = b.attributes.at(k);
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

// Both readings of `xml` under `limits`, compared.
inline QString xmlReadingDifference(const QByteArray& xml, const cert::XmlLimits& limits = {})
{
    return xmlTreeDifference(cert::XmlDocument::parse(xml, limits), readWithQt(xml, limits));
}

} // namespace copp::tests
