// SPDX-License-Identifier: BSD-3-Clause
// cert::mapElementMarkup: the byte offsets of tags, attributes, whitespace and
// character references that the diagnoses rebuild signed bytes from
// (docs/cli.md#diagnoses).
#include <core/cert/markupmap.h>

#include <QtTest>

using namespace copp;

namespace {

QByteArray at(const cert::XmlDocument& doc, cert::ByteSpan span)
{
    return doc.slice(span);
}

int elementNamed(const cert::XmlDocument& doc, QStringView name)
{
    for (int i = 0; i < doc.elements().size(); ++i) {
        if (doc.element(i).localName == name)
            return i;
    }
    return -1;
}

} // namespace

class TestMarkupMap : public QObject {
    Q_OBJECT
private slots:
    void tagsAttributesAndWhitespace()
    {
        const QByteArray xml = "<r xmlns:p='urn:p'><p:D  a = \"1\"\tb='2' ><x/><y c=\"3\" /></p:D ></r>";
        const auto doc = cert::XmlDocument::parse(xml);
        QVERIFY(doc.isWellFormed());
        const auto map = cert::mapElementMarkup(doc, elementNamed(doc, u"D"));
        QVERIFY(map.ok);
        QCOMPARE(map.tags.size(), std::size_t(4)); // <p:D>, <x/>, <y/>, </p:D>: an empty-element tag has no end tag
        const cert::MarkupTag& start = map.tags[0];
        QCOMPARE(at(doc, start.name), QByteArray("p:D"));
        QCOMPARE(start.attributes.size(), std::size_t(2));
        QCOMPARE(at(doc, start.attributes[0].whitespaceBefore), QByteArray("  "));
        QCOMPARE(at(doc, start.attributes[0].name), QByteArray("a"));
        QCOMPARE(at(doc, start.attributes[0].equals), QByteArray(" = "));
        QCOMPARE(at(doc, start.attributes[0].value), QByteArray("\"1\""));
        QCOMPARE(at(doc, start.attributes[1].whitespaceBefore), QByteArray("\t"));
        QCOMPARE(at(doc, start.attributes[1].value), QByteArray("'2'"));
        QCOMPARE(at(doc, start.whitespaceBeforeClose), QByteArray(" "));
        QVERIFY(!start.isEndTag);
        QVERIFY(map.tags[1].isEmptyElement);
        QVERIFY(map.tags[2].isEmptyElement);
        QCOMPARE(at(doc, map.tags[2].whitespaceBeforeClose), QByteArray(" "));
        const cert::MarkupTag& end = map.tags.back();
        QVERIFY(end.isEndTag);
        QCOMPARE(at(doc, end.span), QByteArray("</p:D >"));
        QCOMPARE(at(doc, end.whitespaceBeforeClose), QByteArray(" "));
        QCOMPARE(at(doc, end.name), QByteArray("p:D"));
    }

    void namespaceDeclarationsAreMarked()
    {
        const auto doc = cert::XmlDocument::parse("<D xmlns='urn:d' xmlns:q=\"urn:q\" xmlnsx='not one' q:a='v'/>");
        const auto tag = cert::startTagOf(doc, 0);
        QCOMPARE(tag.attributes.size(), std::size_t(4));
        QVERIFY(tag.attributes[0].isNamespaceDeclaration);
        QVERIFY(tag.attributes[1].isNamespaceDeclaration);
        QVERIFY(!tag.attributes[2].isNamespaceDeclaration);
        QVERIFY(!tag.attributes[3].isNamespaceDeclaration);
    }

    // References in text and attribute values; '&' in comments, CDATA and
    // processing instructions is a character, not a reference.
    void referencesOnlyWhereTheyAreReferences()
    {
        const QByteArray xml = "<D a='&#233;&lt;'>x&#xE9;y&amp;<!-- &#233; --><![CDATA[&#233;&amp;]]><?pi &#233;?>&quot;</D>";
        const auto doc = cert::XmlDocument::parse(xml);
        QVERIFY2(doc.isWellFormed(), qPrintable(doc.errorString()));
        const auto map = cert::mapElementMarkup(doc, 0);
        QVERIFY(map.ok);
        QStringList found;
        for (const auto& r : map.references)
            found.append(QString::fromUtf8(at(doc, r.span)) + u'=' + QString::fromUtf8(r.utf8()));
        QCOMPARE(found, (QStringList{"&#233;=é", "&lt;=<", "&#xE9;=é", "&amp;=&", "&quot;=\""}));
    }

    void offsetsAreTheDocumentsOwn()
    {
        const QByteArray xml = "<?xml version=\"1.0\"?>\n<r>\r\n  <D k=\"v\">&#65;</D></r>";
        const auto doc = cert::XmlDocument::parse(xml);
        const int d = elementNamed(doc, u"D");
        const auto map = cert::mapElementMarkup(doc, d);
        QVERIFY(map.ok);
        QCOMPARE(map.tags[0].span.begin, xml.indexOf("<D"));
        QCOMPARE(map.references.front().span.begin, xml.indexOf("&#65;"));
        QCOMPARE(map.references.front().utf8(), QByteArray("A"));
    }

    void documentsWithoutSpansGiveNothing()
    {
        const auto broken = cert::XmlDocument::parse("<D><x></D>");
        QVERIFY(!broken.isWellFormed());
        QVERIFY(!cert::mapElementMarkup(broken, 0).ok);
        QVERIFY(!cert::mapElementMarkup(broken, 7).ok);
        QVERIFY(cert::startTagOf(broken, -1).attributes.empty());
    }
};

QTEST_GUILESS_MAIN(TestMarkupMap)
#include "tst_markupmap.moc"
