// SPDX-License-Identifier: BSD-3-Clause
// The traps of real-world XML: the validator must hash the file's own bytes and
// find Data by structure (docs/cli.md, "Interpretations").
#include <support/testsupport.h>

#include <QtTest>

using namespace copp;
using validation::Rule;

namespace {

QByteArray replaceFirst(QByteArray text, const QByteArray& from, const QByteArray& to)
{
    const qsizetype at = text.indexOf(from);
    if (at < 0)
        qFatal("test setup: \"%s\" not found", from.constData());
    return text.replace(at, from.size(), to);
}

// Inserts text right before the first certificate (outside any signed Data).
QByteArray beforeFirstCertificate(const QByteArray& xml, const QByteArray& insert, const QByteArray& certTag = "<c:Certificate c:Version")
{
    return replaceFirst(xml, certTag, insert + certTag);
}

} // namespace

class TestXmlTraps : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tests::testPki(); }

    void validVariants_data()
    {
        QTest::addColumn<int>("variant");
        QTest::newRow("compact namespaced") << 0;
        QTest::newRow("pretty namespaced") << 1;
        QTest::newRow("no namespaces") << 2;
        QTest::newRow("base64 with line breaks") << 3;
        QTest::newRow("other prefix x") << 4;
        QTest::newRow("CRLF inside Data, signed as written") << 5;
        QTest::newRow("comment with fake Data tags inside Data") << 6;
        QTest::newRow("CDATA with fake Data tags") << 7;
        QTest::newRow("character and entity references") << 8;
        QTest::newRow("multibyte UTF-8 inside Data") << 9;
    }

    void validVariants()
    {
        QFETCH(int, variant);
        testpki::ChainStyle style;
        switch (variant) {
        case 1: style.pretty = true; break;
        case 2: style.prefix.clear(); break;
        case 3: style.wrapBase64 = true; break;
        case 4: style.prefix = QStringLiteral("x"); break;
        case 5:
            style.pretty = true;
            style.editData = [](int, const QByteArray& d) { return QByteArray(d).replace("\n", "\r\n"); };
            break;
        case 6:
            style.editData = [](int, const QByteArray& d) {
                return replaceFirst(d, "<c:KeyUsage>", "<!-- <Data><c:Data>fake</c:Data></Data> --><c:KeyUsage>");
            };
            break;
        case 7:
            style.manufacturer = QStringLiteral("@@");
            style.editData = [](int, const QByteArray& d) {
                return replaceFirst(d, "@@", "<![CDATA[</c:Data><c:Data>fake]]>");
            };
            break;
        case 8:
            style.manufacturer = QStringLiteral("@@");
            style.editData = [](int, const QByteArray& d) { return replaceFirst(d, "@@", "&#x54;est &amp; &#169; &lt;Data&gt;"); };
            break;
        case 9: style.manufacturer = QStringLiteral("Grüße – ✓ 𝄞 テスト"); break;
        }
        const auto chain = tests::testPki().chain(style);
        const auto report = tests::validateWithTestRoot(chain.xml);
        QVERIFY2(report.isValid(), qPrintable(tests::failuresText(report).join(u',')));
        // The hashed range is exactly where the signed Data bytes sit in the file.
        for (int cert = 0; cert < 3; ++cert) {
            const qsizetype at = chain.xml.indexOf(chain.dataBytes.at(cert));
            QVERIFY(at >= 0);
            bool checked = false;
            for (const auto& s : report.steps) {
                if (s.rule == Rule::CertDigest && s.certificate == cert) {
                    QCOMPARE(s.ranges.first().span.begin, at);
                    QCOMPARE(s.ranges.first().span.end, at + chain.dataBytes.at(cert).size());
                    checked = true;
                }
            }
            QVERIFY(checked);
        }
    }

    void multibyteBeforeDataKeepsOffsetsExact()
    {
        const auto chain = tests::testPki().chain();
        const QByteArray xml = beforeFirstCertificate(chain.xml, "<!-- Grüße ✓ 𝄞 -->");
        const auto report = tests::validateWithTestRoot(xml);
        QVERIFY2(report.isValid(), qPrintable(tests::failuresText(report).join(u',')));
        const auto& digest = report.steps.at(8);
        QCOMPARE(digest.rule, Rule::CertDigest);
        QCOMPARE(digest.ranges.first().span.begin, xml.indexOf(chain.dataBytes.at(0)));
    }

    void fakeDataOutsideTheCertificateIsIgnored()
    {
        const auto chain = tests::testPki().chain();
        const QByteArray xml = beforeFirstCertificate(
            chain.xml, "<!-- <c:Data>not this</c:Data> --><![CDATA[<c:Data>nor this</c:Data>]]>");
        QVERIFY(tests::validateWithTestRoot(xml).isValid());
    }

    void utf8BomIsAccepted()
    {
        const QByteArray xml = "\xEF\xBB\xBF" + tests::testPki().chain().xml;
        QVERIFY(tests::validateWithTestRoot(xml).isValid());
    }

    // A second U+FEFF is a character before the root element: not well-formed. It
    // must not be skipped like the BOM, or every byte span would be 3 bytes early.
    void secondByteOrderMarkIsNotWellFormed_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("BOM BOM") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF");
        QTest::newRow("BOM newline BOM") << QByteArray("\xEF\xBB\xBF\n\xEF\xBB\xBF");
    }

    void secondByteOrderMarkIsNotWellFormed()
    {
        QFETCH(QByteArray, prefix);
        const auto report = tests::validateWithTestRoot(prefix + tests::testPki().chain().xml);
        QCOMPARE(tests::firstFailureText(report), QStringLiteral("collection.well_formed"));
    }

    void lineEndingsArePartOfTheHashedBytes()
    {
        // Signed with LF, then the file is converted to CRLF: the bytes changed.
        testpki::ChainStyle style;
        style.pretty = true;
        QByteArray xml = tests::testPki().chain(style).xml;
        xml.replace("\n", "\r\n");
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::firstFailureText(report), QStringLiteral("cert.digest@0"));
        QCOMPARE(tests::failuresText(report).size(), 6); // digest + signature of all three
    }

    void reserialisedDataIsNamedAsSuch()
    {
        // Same XML infoset, other bytes: '…' quoting instead of "…".
        const auto chain = tests::testPki().chain();
        const QByteArray xml = replaceFirst(chain.xml, "xmlns=\"http://schemas.microsoft.com/DRM/2004/02/cert\"",
                                            "xmlns='http://schemas.microsoft.com/DRM/2004/02/cert'");
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::failuresText(report), (QStringList{"cert.digest@0", "cert.signature@0"}));
        const auto& signature = report.steps.at(9);
        QVERIFY2(signature.detail.english().contains(QStringLiteral("re-serialised")), qPrintable(signature.detail.english()));
    }

    void versionIsComparedAsANumber_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<bool>("passes");
        QTest::newRow("2.0") << QByteArray("2.0") << true;
        QTest::newRow("2") << QByteArray("2") << true;
        QTest::newRow("10.0 (string compare would say < 2.0)") << QByteArray("10.0") << true;
        QTest::newRow("02.5") << QByteArray("02.5") << true;
        QTest::newRow("1.9") << QByteArray("1.9") << false;
        QTest::newRow("1.99999999999999999999") << QByteArray("1.99999999999999999999") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("two") << QByteArray("two") << false;
        QTest::newRow("2.0.1") << QByteArray("2.0.1") << false;
        QTest::newRow("-3") << QByteArray("-3") << false;
        QTest::newRow(" 2.0") << QByteArray(" 2.0") << false;
    }

    void versionIsComparedAsANumber()
    {
        QFETCH(QByteArray, version);
        QFETCH(bool, passes);
        const QByteArray xml = replaceFirst(tests::testPki().chain().xml, "c:Version=\"2.0\">", "c:Version=\"" + version + "\">");
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(report.steps.at(2).rule, Rule::CollectionVersion);
        QCOMPARE(report.steps.at(2).outcome == validation::Outcome::Pass, passes);
    }

    void versionWithoutPrefixIsAccepted()
    {
        const QByteArray xml = replaceFirst(tests::testPki().chain().xml, "c:Version=\"2.0\">", "Version=\"2.0\">");
        QVERIFY(tests::validateWithTestRoot(xml).isValid());
    }

    void booleanFlagsNeedTheText1_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("0") << QByteArray("0");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("padded") << QByteArray(" 1 ");
    }

    void booleanFlagsNeedTheText1()
    {
        QFETCH(QByteArray, value);
        testpki::ChainStyle style;
        style.editData = [&](int cert, const QByteArray& d) {
            return cert == 0 ? replaceFirst(d, "<c:COPPCertificate>1<", "<c:COPPCertificate>" + value + "<") : d;
        };
        const auto report = tests::validateWithTestRoot(tests::testPki().chain(style).xml);
        QCOMPARE(tests::failuresText(report), QStringList{"cert.leaf_usage@0"});
    }

    // A value with a child element has no single reading (its own text, or a DOM's
    // .text with the child's added): refused, with the element named.
    void valueElementsWithChildElementsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<bool>("insideData");
        QTest::addColumn<QString>("failure");
        QTest::newRow("flag") << QByteArray("<c:COPPCertificate>1<") << QByteArray("<c:COPPCertificate>1<c:x>0</c:x><")
                              << true << "cert.leaf_usage@0";
        QTest::newRow("modulus") << QByteArray("</Modulus>") << QByteArray("<c:junk>AAAA</c:junk></Modulus>") << true
                                 << "cert.modulus@0";
        QTest::newRow("exponent") << QByteArray("<Exponent>") << QByteArray("<Exponent><c:junk/>") << true << "cert.exponent@0";
        QTest::newRow("signature value") << QByteArray("</SignatureValue>") << QByteArray("<x/></SignatureValue>") << false
                                         << "cert.signature@0";
        QTest::newRow("digest value") << QByteArray("</DigestValue>") << QByteArray("<x/></DigestValue>") << false
                                      << "cert.digest@0";
    }

    void valueElementsWithChildElementsAreRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(bool, insideData);
        QFETCH(QString, failure);
        testpki::ChainStyle style;
        if (insideData) // signed as edited: only the new rule can fail
            style.editData = [&](int cert, const QByteArray& d) { return cert == 0 ? replaceFirst(d, from, to) : d; };
        QByteArray xml = tests::testPki().chain(style).xml;
        if (!insideData) // the leaf's Signature comes before the IHV's: the first occurrence is certificate 0's
            xml = replaceFirst(xml, from, to);
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::failuresText(report), QStringList{failure});
        const QString why = report.firstFailure()->detail.english();
        QVERIFY2(why.contains(QStringLiteral("holds a child element")), qPrintable(why));
    }

    void unknownDuplicatedChildFails()
    {
        testpki::ChainStyle style;
        style.editData = [](int cert, const QByteArray& d) {
            return cert == 1 ? replaceFirst(d, "<c:KeyUsage>", "<c:Vendor>a</c:Vendor><c:Vendor>b</c:Vendor><c:KeyUsage>") : d;
        };
        const auto report = tests::validateWithTestRoot(tests::testPki().chain(style).xml);
        QCOMPARE(tests::failuresText(report), QStringList{"cert.unique_children@1"});
    }

    void missingElementFailsFirstStepThatNeedsIt_data()
    {
        QTest::addColumn<QByteArray>("remove");  // element (with content) removed from certificate 0 or 1
        QTest::addColumn<int>("certificate");
        QTest::addColumn<QStringList>("failures");
        QTest::addColumn<QStringList>("skipped");
        QTest::newRow("DigestValue") << QByteArray("DigestValue") << 1 << QStringList{"cert.digest@1"} << QStringList{};
        QTest::newRow("SignatureValue") << QByteArray("SignatureValue") << 1 << QStringList{"cert.signature@1"} << QStringList{};
        QTest::newRow("KeyInfo of the leaf") << QByteArray("KeyInfo") << 0 << QStringList{"cert.signature@0"}
                                             << QStringList{"cert.link@1"};
        QTest::newRow("Data of the IHV") << QByteArray("c:Data") << 1 << QStringList{"cert.unique_children@1"}
                                         << QStringList{"cert.modulus@1", "cert.exponent@1", "cert.link@1", "cert.sign_usage@1",
                                                        "cert.digest@1", "cert.signature@1"};
        // Inside Data: the hashed bytes change too, so digest and signature fail as well.
        QTest::newRow("Modulus of the IHV") << QByteArray("Modulus") << 1
                                            << QStringList{"cert.modulus@1", "cert.digest@1", "cert.signature@1"}
                                            << QStringList{"cert.link@1"};
    }

    void missingElementFailsFirstStepThatNeedsIt()
    {
        QFETCH(QByteArray, remove);
        QFETCH(int, certificate);
        QFETCH(QStringList, failures);
        QFETCH(QStringList, skipped);
        QByteArray xml = tests::testPki().chain().xml;
        // Find the certificate's own occurrence of the element, in document order.
        qsizetype from = 0;
        for (int c = 0; c <= certificate; ++c)
            from = xml.indexOf("<c:Certificate ", from) + 1;
        const qsizetype start = xml.indexOf("<" + remove + (remove == "c:Data" ? " " : ">"), from);
        const QByteArray close = "</" + remove + ">";
        const qsizetype end = xml.indexOf(close, start) + close.size();
        QVERIFY(start > 0 && end > start);
        xml.remove(start, end - start);
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::failuresText(report), failures);
        QStringList actuallySkipped;
        for (const auto& s : report.steps) {
            if (s.outcome == validation::Outcome::Skipped && validation::isCertificateRule(s.rule))
                actuallySkipped.append(validation::ruleId(s.rule) + u'@' + QString::number(s.certificate));
        }
        QCOMPARE(actuallySkipped, skipped);
    }
};

QTEST_GUILESS_MAIN(TestXmlTraps)
#include "tst_xmltraps.moc"
