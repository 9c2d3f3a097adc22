// SPDX-License-Identifier: BSD-3-Clause
// XmlDocument::parse (expat) held to QXmlStreamReader (support/qtxmlreference.h):
// the same verdict for every document, and for a well-formed one the same tree,
// byte spans and line numbers.
#include <support/testsupport.h>
#include <support/xmldiff.h>

#include <core/cert/xmldocument.h>

#include <QDir>
#include <QRandomGenerator>
#include <QtTest>

using namespace copp;
using copp::cert::XmlDocument;
using copp::cert::XmlLimits;

using tests::xmlReadingDifference;

class TestXmlReader : public QObject {
    Q_OBJECT
private slots:
    void chainsAreReadAlike_data()
    {
        QTest::addColumn<QByteArray>("xml");
        const testpki::TestPki& pki = tests::testPki();
        testpki::ChainStyle style;
        QTest::newRow("compact, c: prefix") << pki.chain(style).xml;
        style.pretty = true;
        QTest::newRow("pretty") << pki.chain(style).xml;
        style.wrapBase64 = true;
        QTest::newRow("pretty, wrapped base64") << pki.chain(style).xml;
        style.prefix = QString();
        QTest::newRow("no namespaces") << pki.chain(style).xml;
        style.prefix = QStringLiteral("cert");
        style.manufacturer = QStringLiteral("Société Générale ✓ 𝄞");
        QTest::newRow("other prefix, non-ASCII manufacturer") << pki.chain(style).xml;
        QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF") + pki.chain().xml;

        // The samples in the real serialization, when ../shared is there.
        const QString samples = tests::sharedDir().isEmpty() ? QString() : tests::sharedDir() + QStringLiteral("/samples");
        if (!samples.isEmpty()) {
            for (const QFileInfo& f : QDir(samples).entryInfoList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name)) {
                QFile file(f.filePath());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QTest::newRow(qPrintable(QStringLiteral("sample ") + f.fileName())) << file.readAll();
            }
        }
    }

    void chainsAreReadAlike()
    {
        QFETCH(QByteArray, xml);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY2(doc.isWellFormed(), qPrintable(doc.errorString()));
        QVERIFY(doc.hasByteSpans());
        const QString difference = xmlReadingDifference(xml);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    void edgeCases_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<bool>("wellFormed");
        QTest::newRow("empty element") << QByteArray("<a/>") << true;
        QTest::newRow("line numbers at the end of start tags") << QByteArray("<a\n x='1'\n\n>\n<b/><c\n/></a>") << true;
        QTest::newRow("namespaces, declarations left out") << QByteArray("<a xmlns='u' xmlns:p='v' p:x='1' y='2'/>") << true;
        QTest::newRow("default namespace undeclared") << QByteArray("<a xmlns='u'><b xmlns=''><c/></b></a>") << true;
        QTest::newRow("prefix rebound in scope") << QByteArray("<a xmlns:p='u'><p:b xmlns:p='v'><p:c/></p:b><p:d/></a>") << true;
        QTest::newRow("declaration with everything") << QByteArray("<?xml version='1.0' encoding='latin-1' standalone='yes' ?><a/>") << true;
        QTest::newRow("declaration, spaces around root") << QByteArray("<?xml version=\"1.0\"?>  <a/> \n ") << true;
        QTest::newRow("spaces around =") << QByteArray("<a b = \"1\" />") << true;
        QTest::newRow("tab between attributes") << QByteArray("<a\tb='1'/>") << true;
        QTest::newRow("> in an attribute value") << QByteArray("<a b='>' c=\"'\"/>") << true;
        QTest::newRow("DEL in text") << QByteArray("<a>\x7f</a>") << true;
        QTest::newRow("brackets in text") << QByteArray("<a>x]y]]z]</a>") << true;
        QTest::newRow("multibyte text") << QByteArray("<r><Data>é✓𝄞</Data>ü</r>") << true;
        QTest::newRow("multibyte attribute") << QByteArray("<r a='é✓'/>") << true;
        // QString::fromUtf8 would drop a leading U+FEFF as a BOM.
        QTest::newRow("U+FEFF starting text and values") << QByteArray("<a xmlns:p='\xEF\xBB\xBFu' b='\xEF\xBB\xBF'><p:c>\xEF\xBB\xBF</p:c></a>") << true;
        QTest::newRow("space before > of end tag") << QByteArray("<a></a \n>") << true;
        QTest::newRow("mixed content") << QByteArray("<a>x<b>y</b>z<c/>w</a>") << true;
        QTest::newRow("names with . - _ digits") << QByteArray("<_a.b-c1 x.y-z_2='1'/>") << true;
        QTest::newRow("prefixed attribute") << QByteArray("<a xmlns:p='u' p:b='1'/>") << true;

        QTest::newRow("CRLF") << QByteArray("<a>\r\n<b/></a>") << true;
        QTest::newRow("-- in a comment") << QByteArray("<a><!-- a -- b --></a>") << false;
        QTest::newRow("comment ending in -") << QByteArray("<a><!-- a ---></a>") << false;
        QTest::newRow("unterminated comment") << QByteArray("<a/><!-- a") << false;
        QTest::newRow("control character in a comment") << QByteArray("<!-- \x02 --><a/>") << false;
        QTest::newRow("comments") << QByteArray("<!-- x\n -->\n<a>t<!-- <b/> & -->u<!---->\n</a><!--y-->") << true;
        QTest::newRow("processing instruction") << QByteArray("<a><?pi x?></a>") << true;
        QTest::newRow("other PI first") << QByteArray("<?xml-stylesheet href='x'?><a/>") << true;
        QTest::newRow("CDATA") << QByteArray("<a><![CDATA[<b>]]></a>") << true;
        QTest::newRow("entity reference") << QByteArray("<a>&amp;</a>") << true;
        QTest::newRow("character reference") << QByteArray("<a>&#x41;</a>") << true;
        QTest::newRow("reference in attribute") << QByteArray("<a b='&lt;'/>") << true;
        QTest::newRow("DTD") << QByteArray("<!DOCTYPE a><a/>") << false;
        QTest::newRow("]]> in text") << QByteArray("<a>]]></a>") << false;
        QTest::newRow("two colons") << QByteArray("<a:b:c/>") << false;
        QTest::newRow("undeclared prefix") << QByteArray("<p:a/>") << false;
        QTest::newRow("xml prefix") << QByteArray("<a><xml:b/></a>") << true;
        QTest::newRow("xml:lang") << QByteArray("<a xml:lang='en'/>") << true;
        QTest::newRow("duplicate attribute") << QByteArray("<a b='1' b='2'/>") << false;
        QTest::newRow("same expanded name") << QByteArray("<a p:b='1' q:b='2' xmlns:p='u' xmlns:q='u'/>") << false;
        QTest::newRow("empty prefixed namespace") << QByteArray("<a xmlns:p=''/>") << false;
        // QXmlStreamReader takes this; the reference in support/qtxmlreference.h refuses it as XML does.
        QTest::newRow("prefix declared twice") << QByteArray("<a xmlns:p='u' xmlns:p='v'/>") << false;
        QTest::newRow("tab in attribute value") << QByteArray("<a b='x\ty'/>") << true;
        QTest::newRow("control character") << QByteArray("<a>\x01</a>") << false;
        QTest::newRow("NUL") << QByteArray("<a>\0</a>", 8) << false;
        QTest::newRow("U+FFFE") << QByteArray("<a>\xEF\xBF\xBE</a>") << false;
        QTest::newRow("version 1.1") << QByteArray("<?xml version='1.1'?><a/>") << false;
        QTest::newRow("bad encoding name") << QByteArray("<?xml version='1.0' encoding='1x'?><a/>") << false;
        QTest::newRow("text before root") << QByteArray("x<a/>") << false;
        QTest::newRow("text after root") << QByteArray("<a/>x") << false;
        QTest::newRow("two roots") << QByteArray("<a/><b/>") << false;
        QTest::newRow("unclosed") << QByteArray("<a><b></b>") << false;
        QTest::newRow("end tag a prefix of the start tag") << QByteArray("<abc></ab>") << false;
        QTest::newRow("end tag longer") << QByteArray("<ab></abc>") << false;
        QTest::newRow("mismatched prefix") << QByteArray("<a xmlns:p='u' xmlns:q='u'><p:b></q:b></a>") << false;
        // The end tag is compared with the start tag's bytes in place: what follows the name matters too.
        QTest::newRow("end tag with a prefix added") << QByteArray("<a xmlns:b='u'><b></b:b></a>") << false;
        QTest::newRow("end tag name then a colon") << QByteArray("<a><b></b:></a>") << false;
        QTest::newRow("end tag in another case") << QByteArray("<a></A>") << false;
        QTest::newRow("end tag name then non-ASCII") << QByteArray("<a></aÃ©>") << false;
        QTest::newRow("end tag cut after its name") << QByteArray("<ab></ab") << false;
        QTest::newRow("end tag cut inside its name") << QByteArray("<ab></a") << false;
        QTest::newRow("tab before > of end tag") << QByteArray("<p:a xmlns:p='u'></p:a\t>") << true;
        QTest::newRow("no space between attributes") << QByteArray("<a b='1'c='2'/>") << false;
        QTest::newRow("space after <") << QByteArray("< a/>") << false;
        QTest::newRow("digit first") << QByteArray("<1a/>") << false;
        QTest::newRow("attribute without value") << QByteArray("<a b/>") << false;
        QTest::newRow("non-ASCII name") << QByteArray("<é/>") << true;
        // QXmlStreamReader takes these two; the reference refuses them as XML 1.0 does.
        QTest::newRow("DEL in a name") << QByteArray("<a\x7f/>") << false;
        QTest::newRow("UTF-8 cut short at the end") << QByteArray("<a/>\xE2\x82") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("whitespace only") << QByteArray(" \n") << false;
        QTest::newRow("truncated in a tag") << QByteArray("<a b='1") << false;
    }

    void edgeCases()
    {
        QFETCH(QByteArray, xml);
        QFETCH(bool, wellFormed);
        const XmlDocument doc = XmlDocument::parse(xml);
        QVERIFY2(doc.isWellFormed() == wellFormed, qPrintable(doc.errorString()));
        const QString difference = xmlReadingDifference(xml);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }

    // At the boundary of each limit both readers must still agree.
    void limits()
    {
        XmlLimits tight;
        tight.maxDepth = 3;
        tight.maxElements = 4;
        const QByteArray atLimit("<a><b><c/></b><d/></a>");
        QVERIFY(XmlDocument::parse(atLimit, tight).isWellFormed());
        QVERIFY(xmlReadingDifference(atLimit, tight).isEmpty());
        for (const QByteArray& over : {QByteArray("<a><b><c><d/></c></b></a>"), QByteArray("<a><b/><c/><d/><e/></a>")}) {
            const XmlDocument doc = XmlDocument::parse(over, tight);
            QVERIFY(!doc.isWellFormed());
            QVERIFY2(xmlReadingDifference(over, tight).isEmpty(), qPrintable(xmlReadingDifference(over, tight)));
        }
    }

    // A deterministic small fuzzer: mutate real documents with the bytes XML
    // cares about and compare the two parsers on every result.
    void randomMutationsAgree()
    {
        testpki::ChainStyle pretty;
        pretty.pretty = true;
        const QList<QByteArray> bases = {
            QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<c:R xmlns=\"d\" xmlns:c=\"u\" c:V=\"2.0\">\n  <c:C a='1'>\n"
                       "    <D xmlns=\"e\"><M>QUJD</M><E>AQAB</E><K><S>1</S></K></D>\n  </c:C>\n  <x/>\n</c:R>\n"),
            tests::testPki().chain().xml,
            tests::testPki().chain(pretty).xml,
        };
        const QByteArray alphabet("<>/&;:=\"' \t\n\r]![?-xmlns.01\x7f\xC3\xA9\xEF\xBF");
        QRandomGenerator random(20261122);
        int wellFormed = 0;
        int total = 0;
        for (const QByteArray& base : bases) {
            const int rounds = base.size() < 1000 ? 20000 : 1500;
            for (int round = 0; round < rounds; ++round) {
                QByteArray xml = base;
                const int edits = 1 + random.bounded(3);
                for (int k = 0; k < edits && !xml.isEmpty(); ++k) {
                    const auto at = static_cast<qsizetype>(random.bounded(static_cast<int>(xml.size())));
                    const char byte = alphabet.at(random.bounded(static_cast<int>(alphabet.size())));
                    switch (random.bounded(3)) {
                    case 0: xml[at] = byte; break;
                    case 1: xml.insert(at, byte); break;
                    default: xml.remove(at, 1); break;
                    }
                }
                const XmlDocument doc = XmlDocument::parse(xml);
                const QString difference = tests::xmlTreeDifference(doc, tests::readWithQt(xml));
                if (!difference.isEmpty())
                    QFAIL(qPrintable(difference + QStringLiteral("\ninput (base64): ") + QString::fromLatin1(xml.toBase64())));
                wellFormed += doc.isWellFormed() ? 1 : 0;
                ++total;
            }
        }
        // Both verdicts must have been exercised, or the comparison says little.
        qInfo("%d of %d mutated documents are well-formed", wellFormed, total);
        QVERIFY(wellFormed > total / 10);
        QVERIFY(wellFormed < total);
    }
};

QTEST_GUILESS_MAIN(TestXmlReader)
#include "tst_xmlreader.moc"
