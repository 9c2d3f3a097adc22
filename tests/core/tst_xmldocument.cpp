// SPDX-License-Identifier: BSD-3-Clause
// XmlDocument: exact byte spans, encodings, limits.
#include <core/cert/expatreader.h>
#include <core/cert/rsakeyvalue.h>
#include <core/cert/utf8check.h>
#include <core/cert/xmldocument.h>
#include <core/validation/collectionchecks.h>

#include <QtTest>

using namespace copp::cert;

class TestXmlDocument : public QObject {
    Q_OBJECT
private slots:
    void spansCoverExactBytes_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("plain") << QByteArray("<r><Data a=\"1\">x</Data></r>");
        QTest::newRow("CRLF") << QByteArray("<r>\r\n<Data>\r\n x\r\n</Data>\r\n</r>");
        QTest::newRow("references") << QByteArray("<r><Data>&amp;&#x263A;&lt;</Data></r>");
        QTest::newRow("multibyte before") << QByteArray("<r><!-- ü✓𝄞 --><Data>é</Data></r>");
        QTest::newRow("attribute with >") << QByteArray("<r><Data a=\"x>y\">z</Data></r>");
        QTest::newRow("CDATA") << QByteArray("<r><Data><![CDATA[<Data>]]></Data></r>");
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF<r><Data>x</Data></r>");
        QTest::newRow("prefixed") << QByteArray("<r xmlns:c=\"u\"><c:Data xmlns=\"v\">x</c:Data ></r>");
    }

    void spansCoverExactBytes()
    {
        QFETCH(QByteArray, xml);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY2(doc.isWellFormed(), qPrintable(doc.errorString()));
        QVERIFY(doc.hasByteSpans());
        const QList<int> data = doc.children(doc.rootElement(), u"Data");
        QCOMPARE(data.size(), 1);
        const XmlElement& e = doc.element(data.first());
        const QByteArray outer = doc.slice(e.outer);
        QVERIFY2(outer.startsWith("<Data") || outer.startsWith("<c:Data"), outer.constData());
        QVERIFY2(outer.endsWith("</Data>") || outer.endsWith("</c:Data >"), outer.constData());
        // The root's span is the whole document after the BOM.
        const XmlElement& root = doc.element(doc.rootElement());
        QCOMPARE(root.outer.end, xml.size());
        QCOMPARE(root.outer.begin, doc.encoding().hasUtf8Bom ? 3 : 0);
        // Inner span: between the tags.
        QVERIFY(doc.slice(e.inner).size() < outer.size());
        QCOMPARE(xml.mid(e.inner.end, 2), QByteArray("</"));
    }

    void emptyElementHasEmptyInner()
    {
        const XmlDocument doc = XmlDocument::parse("<r><Data/></r>");
        QVERIFY(doc.isWellFormed());
        const XmlElement& e = doc.element(1);
        QCOMPARE(doc.slice(e.outer), QByteArray("<Data/>"));
        QCOMPARE(e.inner.size(), 0);
    }

    void textIsResolved()
    {
        const XmlDocument doc = XmlDocument::parse("<r>&#x41;<![CDATA[<b>]]>&amp;</r>");
        QCOMPARE(doc.element(0).text, QStringLiteral("A<b>&"));
    }

    // The reader fills an XmlTreeBuilder; these check the builder itself.
    void treeFromTheReader()
    {
        const QByteArray xml = "<r xmlns:p=\"urn:p\" a=\"1\">x<b p:c=\"2\" d=\"3\"/>y<!-- -->z<e>é<f/>ü</e>w</r>";
        XmlDocument copy;
        {
            const XmlDocument doc = XmlDocument::parse(xml);
            copy = doc;
        }
        // The views point into storage the copy shares: still valid after `doc` is gone.
        QCOMPARE(copy.elements().size(), 4);
        const XmlElement& r = copy.element(0);
        // Text split by a child element and a comment is one contiguous string.
        QCOMPARE(r.text, QStringLiteral("xyzw"));
        QCOMPARE(copy.element(2).text, QStringLiteral("éü"));
        QCOMPARE(std::vector<int>(r.children.begin(), r.children.end()), (std::vector<int>{1, 2}));
        QCOMPARE(std::vector<int>(copy.element(2).children.begin(), copy.element(2).children.end()), (std::vector<int>{3}));
        QVERIFY(copy.element(1).children.empty());
        // Attributes belong to their own element, in document order; declarations are left out.
        QCOMPARE(r.attributes.size(), std::size_t(1));
        QCOMPARE(r.attributes[0].localName, QStringLiteral("a"));
        const XmlElement& b = copy.element(1);
        QCOMPARE(b.attributes.size(), std::size_t(2));
        QCOMPARE(b.attributes[0].qualifiedName, QStringLiteral("p:c"));
        QCOMPARE(b.attributes[0].namespaceUri, QStringLiteral("urn:p"));
        QCOMPARE(b.attributes[0].value, QStringLiteral("2"));
        QCOMPARE(b.attributes[1].localName, QStringLiteral("d"));
        QVERIFY(b.attributes[1].namespaceUri.isEmpty());
        QCOMPARE(b.attributes[1].value, QStringLiteral("3"));
        QVERIFY(copy.element(3).attributes.empty());
        QCOMPARE(copy.element(3).parent, 2);

        // A parent's and a child's interrupted texts interleave in the buffer; each
        // is joined from its own pieces, in order.
        const QByteArray nested = "<r>1<s>a<t k=\"v\"/>b<t k=\"x\"/>c</s>2<u k=\"w\"/>3<!-- -->4</r>";
        const XmlDocument doc = XmlDocument::parse(nested);
        QCOMPARE(doc.element(0).text, QStringLiteral("1234"));
        QCOMPARE(doc.element(1).text, QStringLiteral("abc"));
        QCOMPARE(doc.element(2).attributes[0].value, QStringLiteral("v"));
        QCOMPARE(doc.element(4).attributes[0].value, QStringLiteral("w"));
    }

    void defaultDocumentHasNoElements()
    {
        const XmlDocument doc;
        QVERIFY(doc.elements().isEmpty());
        QCOMPARE(doc.rootElement(), -1);
        QVERIFY(doc.children(0, u"x").isEmpty());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("whitespace") << QByteArray(" \n ");
        QTest::newRow("truncated") << QByteArray("<r><a>");
        QTest::newRow("two roots") << QByteArray("<r/><r/>");
        QTest::newRow("DTD") << QByteArray("<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>");
        QTest::newRow("undeclared entity") << QByteArray("<r>&nope;</r>");
        QTest::newRow("undeclared prefix") << QByteArray("<c:r/>");
        QTest::newRow("NUL byte") << QByteArray("<r>\0</r>", 8);
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }

    void rejects()
    {
        QFETCH(QByteArray, xml);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY(!doc.isWellFormed());
        QVERIFY(!doc.errorString().isEmpty());
    }

    // Expat's own errors: its words, at the offending token (column counted from 0).
    void syntaxErrorsSayWhere()
    {
        XmlDocument doc = XmlDocument::parse("<a>\n <b></c></a>");
        QVERIFY(!doc.isWellFormed());
        QCOMPARE(doc.errorString(), QStringLiteral("end tag </c> does not match the start tag <b> opened at line 2, column 1"));
        QCOMPARE(doc.errorByteOffset(), 10); // the name in </c>
        QCOMPARE(doc.errorLine(), 2);
        QCOMPARE(doc.errorColumn(), 6);
        doc = XmlDocument::parse("<r><a>");
        QCOMPARE(doc.errorString(), QStringLiteral("the document ends before its root element is closed"));
        QCOMPARE(doc.errorByteOffset(), 6);
        doc = XmlDocument::parse("\n<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>");
        QCOMPARE(doc.errorString(), QStringLiteral("document type declarations (DTDs) are not allowed in a certificate chain"));
        QCOMPARE(doc.errorByteOffset(), 1);
        QCOMPARE(doc.errorLine(), 2);
    }

    // No element at all: the reason in plain words, without a position.
    void documentsWithoutElementsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<NoElementReason>("reason");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << NoElementReason::EmptyFile << QStringLiteral("the file is empty");
        const QString onlyBom = QStringLiteral("the file is empty apart from a byte-order mark");
        QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") << NoElementReason::OnlyBom << onlyBom;
        QTest::newRow("UTF-16 BOM") << QByteArray("\xFF\xFE") << NoElementReason::OnlyBom << onlyBom;
        const QString onlyWhitespace = QStringLiteral("the file has no elements, only whitespace");
        QTest::newRow("whitespace") << QByteArray(" \r\n\t\n") << NoElementReason::OnlyWhitespace << onlyWhitespace;
        QTest::newRow("BOM, whitespace") << QByteArray("\xEF\xBB\xBF\n") << NoElementReason::OnlyWhitespace << onlyWhitespace;
        const QString onlyProlog = QStringLiteral("the file has no elements, only an XML declaration, comments or processing instructions");
        QTest::newRow("declaration") << QByteArray("<?xml version=\"1.0\"?>\n") << NoElementReason::OnlyProlog << onlyProlog;
        QTest::newRow("comment, PI") << QByteArray("<!-- r --><?pi x?>") << NoElementReason::OnlyProlog << onlyProlog;
    }

    void documentsWithoutElementsSayWhy()
    {
        QFETCH(QByteArray, xml);
        QFETCH(NoElementReason, reason);
        QFETCH(QString, error);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY(!doc.isWellFormed());
        QCOMPARE(doc.noElementReason(), reason);
        QCOMPARE(doc.errorString(), error);
        const auto step = copp::validation::checkWellFormed(doc);
        QCOMPARE(step.outcome, copp::validation::Outcome::Fail);
        QCOMPARE(step.detail.english(), error);
        QCOMPARE(step.facts.size(), 1);
        QCOMPARE(step.facts.at(0).text(), QString::number(xml.size()));
        QVERIFY(step.ranges.isEmpty());
    }

    // Other errors are not about a missing element.
    void otherErrorsHaveNoNoElementReason()
    {
        for (const char* xml : {"<r/>", "<r><a>", "x", "<!-- open", "<?xml version=\"1.0\"?>x"}) {
            const XmlDocument doc = XmlDocument::parse(xml);
            QCOMPARE(doc.noElementReason(), NoElementReason::None);
            QVERIFY2(doc.isWellFormed() || !doc.errorString().contains(u"the file"), xml);
        }
    }

    // Expat's "mismatched tag" names both tags and where the open element starts
    // (its '<', line and column from 1); the error's own position stays expat's.
    void mismatchedEndTagNamesBothTags_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("error");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qint64>("column");
        QTest::newRow("prefixed") << QByteArray("<?xml version=\"1.0\"?>\n<r>\n  <c:Certificate xmlns:c=\"u\">\n  </c:Certificat>\n</r>")
                                  << QStringLiteral("end tag </c:Certificat> does not match the start tag <c:Certificate> opened at line 3, column 2")
                                  << qint64(4) << qint64(4);
        QTest::newRow("no prefix") << QByteArray("<r><Data>x</Dato></r>")
                                   << QStringLiteral("end tag </Dato> does not match the start tag <Data> opened at line 1, column 3")
                                   << qint64(1) << qint64(12);
        QTest::newRow("space in end tag") << QByteArray("<r></s >")
                                          << QStringLiteral("end tag </s> does not match the start tag <r> opened at line 1, column 0")
                                          << qint64(1) << qint64(5);
        // Columns count characters; a byte-order mark is none.
        QTest::newRow("BOM, multibyte") << QByteArray("\xEF\xBB\xBF<r>\xC3\xBC<\xC3\xA9>x</e></r>")
                                        << QStringLiteral("end tag </e> does not match the start tag <\u00E9> opened at line 1, column 4")
                                        << qint64(1) << qint64(10);
        QTest::newRow("CRLF") << QByteArray("<r>\r\n\r\n <a>\r\n</b></r>")
                              << QStringLiteral("end tag </b> does not match the start tag <a> opened at line 3, column 1")
                              << qint64(4) << qint64(2);
        // Another encoding: the names decoded as declared; columns of it are not counted.
        QTest::newRow("ISO-8859-1") << QByteArray("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<r>\xE9<a></\xE9t></r>")
                                    << QStringLiteral("end tag </\u00E9t> does not match the start tag <a> opened at line 2")
                                    << qint64(2) << qint64(9);
        QByteArray utf16("\xFF\xFE");
        const QString text = QStringLiteral("<r>\n<a></b></r>");
        utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        QTest::newRow("UTF-16") << utf16 << QStringLiteral("end tag </b> does not match the start tag <a> opened at line 2, column 0")
                                << qint64(2) << qint64(5);
    }

    void mismatchedEndTagNamesBothTags()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QString, error);
        QFETCH(qint64, line);
        QFETCH(qint64, column);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY(!doc.isWellFormed());
        QCOMPARE(doc.errorString(), error);
        QCOMPARE(doc.errorLine(), line);
        QCOMPARE(doc.errorColumn(), column);
        QCOMPARE(doc.noElementReason(), NoElementReason::None);
        QCOMPARE(copp::validation::checkWellFormed(doc).detail.english(),
                 QStringLiteral("not well-formed XML: %1 (line %2, column %3)").arg(error).arg(line).arg(column));
    }

    // A hostile file's names have no length limit: 63 characters and an ellipsis are shown.
    void mismatchedTagNamesAreCapped()
    {
        const QString ellipsis(QChar(0x2026));
        const QByteArray longName(1'000'000, 'n');
        XmlDocument doc = XmlDocument::parse("<a></" + longName + ">");
        QCOMPARE(doc.errorString(), QStringLiteral("end tag </%1%2> does not match the start tag <a> opened at line 1, column 0")
                                        .arg(QString(63, u'n'), ellipsis));
        doc = XmlDocument::parse("<" + longName + "></a>");
        QCOMPARE(doc.errorString(), QStringLiteral("end tag </a> does not match the start tag <%1%2> opened at line 1, column 0")
                                        .arg(QString(63, u'n'), ellipsis));
        // Multibyte names are cut between characters, and exactly 64 are shown whole.
        const QByteArray e = "\xC3\xA9";
        doc = XmlDocument::parse("<a></" + e.repeated(300) + ">");
        QVERIFY2(doc.errorString().startsWith(QStringLiteral("end tag </%1%2>").arg(QString(63, QChar(0xE9)), ellipsis)),
                 qPrintable(doc.errorString()));
        doc = XmlDocument::parse("<a></" + e.repeated(64) + ">");
        QVERIFY2(doc.errorString().startsWith(QStringLiteral("end tag </%1>").arg(QString(64, QChar(0xE9)))), qPrintable(doc.errorString()));
        // An end tag cut off by the end of the file is expat's unclosed token, however long.
        doc = XmlDocument::parse("<a></" + longName);
        QCOMPARE(doc.errorString(), QStringLiteral("unclosed token"));
        doc = XmlDocument::parse("<a></b");
        QCOMPARE(doc.errorString(), QStringLiteral("unclosed token"));
    }

    // The name reader stops at the end of the buffer, at the byte limit and at the
    // first byte no name has; outside the buffer it reads nothing.
    void nameBytesAreBounded()
    {
        const QByteArray text = "<a></b:c\xC3\xA9>";
        QCOMPARE(nameBytesAt(text, 5, 100), QByteArrayView("b:c\xC3\xA9"));
        QCOMPARE(nameBytesAt(text, 5, 2), QByteArrayView("b:"));
        QCOMPARE(nameBytesAt(text, 4, 100), QByteArrayView()); // '/'
        QCOMPARE(nameBytesAt(text, text.size(), 100), QByteArrayView());
        QCOMPARE(nameBytesAt(text, -1, 100), QByteArrayView());
        QCOMPARE(nameBytesAt(text, 5, 0), QByteArrayView());
        const QByteArray truncated = "<a></abc";
        QCOMPARE(nameBytesAt(truncated, 5, 100), QByteArrayView("abc"));
        QCOMPARE(nameBytesAt(truncated.first(6), 5, 100), QByteArrayView("a"));
        for (char stop : {' ', '\t', '\n', '>', '/', '=', '"', '<', '\0'})
            QCOMPARE(nameBytesAt(QByteArray("ab") + stop + "cd", 0, 100), QByteArrayView("ab"));
    }

    void depthAndCountLimits()
    {
        const QByteArray deep = QByteArray("<a>").repeated(100) + QByteArray("</a>").repeated(100);
        XmlDocument doc = XmlDocument::parse(deep);
        QVERIFY(!doc.isWellFormed());
        QVERIFY2(doc.errorString().contains(QStringLiteral("64")), qPrintable(doc.errorString()));
        XmlLimits limits;
        limits.maxElements = 10;
        doc = XmlDocument::parse("<r>" + QByteArray("<a/>").repeated(20) + "</r>", limits);
        QVERIFY(!doc.isWellFormed());
        limits.maxBytes = 5;
        doc = XmlDocument::parse("<r></r>", limits);
        QVERIFY(!doc.isWellFormed());
        QVERIFY(doc.errorString().contains(QStringLiteral("limit")));
    }

    // Past XmlLimits::maxAttributes (namespace declarations included) a tag is refused.
    static QByteArray tagWithAttributes(int count, const QByteArray& extra = {})
    {
        QByteArray tag = "<r" + extra;
        for (int i = 0; i < count; ++i)
            tag += " a" + QByteArray::number(i) + "=\"x\"";
        return tag + "/>";
    }

    void attributeLimit_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<bool>("refused");
        QTest::newRow("64 plain") << tagWithAttributes(64) << false;
        QTest::newRow("65 plain") << tagWithAttributes(65) << true;
        QTest::newRow("64 with a reference") << tagWithAttributes(63, " b=\"&#65;\"") << false;
        QTest::newRow("65 with a reference") << tagWithAttributes(64, " b=\"&#65;\"") << true;
        QTest::newRow("declarations count") << tagWithAttributes(64, " xmlns:p=\"u\"") << true;
        // '=' inside values, comments, CDATA, PIs and text is not an attribute.
        const QByteArray equals(200, '=');
        QTest::newRow("= elsewhere") << QByteArray("<?pi " + equals + "?><!-- " + equals + " --><r a=\"" + equals
                                                   + "\" b='>" + equals + "'>" + equals + "<![CDATA[" + equals
                                                   + "]]></r>")
                                     << false;
    }

    void attributeLimit()
    {
        QFETCH(QByteArray, xml);
        QFETCH(bool, refused);
        const XmlDocument doc = XmlDocument::parse(xml);
        QCOMPARE(doc.isWellFormed(), !refused);
        if (refused) {
            QCOMPARE(doc.errorString(),
                     QStringLiteral("an element has more than 64 attributes (namespace declarations included)"));
        }
    }

    void attributeLimitNamesTheTag()
    {
        const QByteArray xml = "\xEF\xBB\xBF<r>\n  <ok a=\"1\"/>\n  <!-- ü --><x" + tagWithAttributes(70).mid(2) + "</r>";
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY(!doc.isWellFormed());
        QCOMPARE(doc.errorByteOffset(), xml.indexOf("<x"));
        QCOMPARE(doc.errorLine(), 3);
        QCOMPARE(doc.errorColumn(), 13); // "  <!-- ü -->" is 12 characters (13 bytes)
        XmlLimits limits;
        limits.maxAttributes = 80;
        QVERIFY(XmlDocument::parse(xml, limits).isWellFormed());
    }

    // XmlLimits::maxNamespacesInScope: at the limit the document is read, past it refused.
    void namespaceDeclarationsInScopeAreLimited_data()
    {
        QTest::addColumn<int>("declarations");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("64") << 64 << true;
        QTest::newRow("65") << 65 << false;
    }

    void namespaceDeclarationsInScopeAreLimited()
    {
        QFETCH(int, declarations);
        QFETCH(bool, allowed);
        // Two levels, so the limit is on what is in scope, not on one tag.
        QByteArray outer = "<r xmlns:p=\"urn:p\"";
        QByteArray inner = "<e";
        for (int i = 1; i < declarations; ++i)
            (i % 2 ? inner : outer) += " xmlns:q" + QByteArray::number(i) + "=\"urn:q" + QByteArray::number(i) + "\"";
        const QByteArray xml = outer + ">" + inner + "><p:x q1:a=\"v\"/></e></r>";
        const XmlDocument doc = XmlDocument::parse(xml);
        QCOMPARE(doc.isWellFormed(), allowed);
        if (!allowed) {
            QCOMPARE(doc.errorString(), QStringLiteral("more than 64 namespace declarations in scope"));
            QCOMPARE(doc.errorLine(), 1);
        } else {
            const XmlElement& x = doc.element(2);
            QCOMPARE(x.localName, QStringLiteral("x"));
            QCOMPARE(x.namespaceUri, QStringLiteral("urn:p"));
            QCOMPARE(x.attributes.size(), std::size_t(1));
            QCOMPARE(x.attributes[0].namespaceUri, QStringLiteral("urn:q1"));
        }
        // Closed elements take their declarations out of scope: 40 + 40 side by side is fine.
        QByteArray siblings = "<r>";
        for (int element = 0; element < 2; ++element) {
            siblings += "<e";
            for (int i = 0; i < 40; ++i)
                siblings += " xmlns:q" + QByteArray::number(i) + "=\"urn:q\"";
            siblings += "/>";
        }
        siblings += "</r>";
        QVERIFY(XmlDocument::parse(siblings).isWellFormed());
    }

    void encodings()
    {
        XmlDocument doc = XmlDocument::parse("<?xml version=\"1.0\" encoding=\"utf-8\"?><r/>");
        QVERIFY(doc.encoding().isUtf8);
        doc = XmlDocument::parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>");
        QVERIFY(doc.isWellFormed());
        QVERIFY(!doc.encoding().isUtf8);
        QVERIFY(doc.encoding().problem.contains(QStringLiteral("ISO-8859-1")));
        doc = XmlDocument::parse("<r>\xC3\x28</r>");
        QVERIFY(!doc.encoding().isUtf8);
        QCOMPARE(doc.encoding().firstBadByte, 3);
        const QString text = QStringLiteral("<r>x</r>");
        QByteArray utf16("\xFF\xFE");
        utf16.append(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        doc = XmlDocument::parse(utf16);
        QVERIFY(doc.isWellFormed());
        QVERIFY(!doc.encoding().isUtf8);
    }

    // The well-formedness error for a bad byte is where the byte is: the reader's own
    // position (of the text it managed to decode) said line 1 for a byte on line 3.
    void invalidUtf8IsReportedWhereItIs()
    {
        const QByteArray xml = "<?xml version=\"1.0\"?>\n<r>\n  <!-- \xC3\xBC \xFF\xFE --><a/></r>";
        const qsizetype bad = xml.indexOf('\xFF');
        XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY(!doc.isWellFormed());
        QCOMPARE(doc.errorByteOffset(), bad);
        QCOMPARE(doc.errorLine(), 3);
        QCOMPARE(doc.errorColumn(), 10); // after "  <!-- ü ", 9 characters (10 bytes)
        QVERIFY2(doc.errorString().contains(QStringLiteral("invalid UTF-8 at byte offset %1").arg(bad)), qPrintable(doc.errorString()));
        // At the very first byte: line 1, column 1.
        doc = XmlDocument::parse("\xFF<r/>");
        QCOMPARE(doc.errorLine(), 1);
        QCOMPARE(doc.errorColumn(), 1);
        QCOMPARE(doc.errorByteOffset(), 0);
        // With another encoding declared the byte is a character of it: well-formed, not UTF-8.
        doc = XmlDocument::parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>\xFF</r>");
        QVERIFY(doc.isWellFormed());
        QVERIFY(!doc.encoding().isUtf8);
        // An encoding expat does not know itself, decoded by Qt's converters.
        doc = XmlDocument::parse("<?xml version=\"1.0\" encoding=\"windows-1252\"?><r>\x80</r>");
        QVERIFY2(doc.isWellFormed(), qPrintable(doc.errorString()));
        QCOMPARE(doc.element(0).text, QStringLiteral("\u20ac"));
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<qsizetype>("firstBad"); // -1: valid
        QTest::newRow("ascii") << QByteArray("abc") << qsizetype(-1);
        QTest::newRow("4-byte") << QByteArray("a\xF0\x9D\x84\x9E") << qsizetype(-1);
        QTest::newRow("overlong /") << QByteArray("ab\xC0\xAF") << qsizetype(2);
        QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x80\xAF") << qsizetype(0);
        QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << qsizetype(1);
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << qsizetype(0);
        QTest::newRow("truncated") << QByteArray("ab\xE2\x82") << qsizetype(2);
        QTest::newRow("lone continuation") << QByteArray("\x80") << qsizetype(0);
        QTest::newRow("FF") << QByteArray("a\xFF") << qsizetype(1);
    }

    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(qsizetype, firstBad);
        const Utf8Check check = checkUtf8(bytes);
        QCOMPARE(check.valid, firstBad < 0);
        QCOMPARE(check.firstBadByte, firstBad);
    }

    // ASCII is skipped 32 and 8 bytes at a time: a bad byte, or a good
    // multibyte character, at every offset of a run must still be seen.
    void utf8ValidationAtEveryOffset()
    {
        const QByteArray ascii(100, 'A');
        for (qsizetype at = 0; at < ascii.size(); ++at) {
            QByteArray bad = ascii;
            bad[at] = '\xFF';
            const Utf8Check badCheck = checkUtf8(bad);
            QVERIFY2(!badCheck.valid && badCheck.firstBadByte == at, qPrintable(QString::number(at)));

            QByteArray good = ascii;
            good.replace(at, 1, "\xC3\xA9"); // U+00E9
            QVERIFY2(checkUtf8(good).valid, qPrintable(QString::number(at)));
        }
        QVERIFY(checkUtf8(ascii).valid);
    }

    // Strict base64 (docs/cli.md): XML whitespace ignored, padding required,
    // any other character, ASCII or not, rejects the value.
    void base64Text_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QStringLiteral("AQAB") << true << QByteArray("\x01\x00\x01", 3);
        QTest::newRow("XML whitespace") << QStringLiteral(" AQ\r\n\tAB ") << true << QByteArray("\x01\x00\x01", 3);
        QTest::newRow("unpadded") << QStringLiteral("AQA") << false << QByteArray();
        QTest::newRow("Latin-1 letter") << QStringLiteral("AQ\u00e9B") << false << QByteArray();
        QTest::newRow("beyond Latin-1") << QStringLiteral("AQ\u2713B") << false << QByteArray();
        QTest::newRow("question mark") << QStringLiteral("AQ?B") << false << QByteArray();
        QTest::newRow("non-breaking space") << QStringLiteral("AQ\u00a0AB") << false << QByteArray();
        // Below '+' like the whitespace, but not whitespace: still rejected.
        QTest::newRow("exclamation mark") << QStringLiteral("AQ!AB") << false << QByteArray();
        QTest::newRow("control character") << QStringLiteral("AQ\u0001AB") << false << QByteArray();
        QTest::newRow("only a CR") << QStringLiteral("AQ\rAB") << true << QByteArray("\x01\x00\x01", 3);
    }

    void base64Text()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QByteArray, bytes);
        QByteArray out;
        QCOMPARE(decodeBase64Text(text, &out), ok);
        if (ok)
            QCOMPARE(out, bytes);
    }

    void versionComparison()
    {
        using copp::validation::compareVersionWith2;
        using copp::validation::VersionCheck;
        QCOMPARE(compareVersionWith2(u"2.0"), VersionCheck::AtLeast2);
        QCOMPARE(compareVersionWith2(u"0002"), VersionCheck::AtLeast2);
        QCOMPARE(compareVersionWith2(u"12"), VersionCheck::AtLeast2);
        QCOMPARE(compareVersionWith2(u"1.999"), VersionCheck::Below2);
        QCOMPARE(compareVersionWith2(u"0"), VersionCheck::Below2);
        QCOMPARE(compareVersionWith2(u"2."), VersionCheck::NotANumber);
        QCOMPARE(compareVersionWith2(u".5"), VersionCheck::NotANumber);
        QCOMPARE(compareVersionWith2(u"2,0"), VersionCheck::NotANumber);
        QCOMPARE(compareVersionWith2(u"+2"), VersionCheck::NotANumber);
    }
};

QTEST_GUILESS_MAIN(TestXmlDocument)
#include "tst_xmldocument.moc"
