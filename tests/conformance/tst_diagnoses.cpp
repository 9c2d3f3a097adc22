// SPDX-License-Identifier: BSD-3-Clause
// docs/cli.md#diagnoses: every id of the table is proven on a chain the test PKI
// damaged that way (testpki --damage), on the expected step, with the bytes that
// differ; chains broken in ways no transformation explains get no diagnosis.
#include <support/testsupport.h>

#include <core/cert/rsakeyvalue.h>
#include <core/validation/diagnosis.h>
#include <core/validation/reporthtml.h>

#include <QtTest>

using namespace copp;
using validation::DiagnosisId;
using validation::Outcome;
using validation::Rule;

namespace {

// Every diagnosis of a report as "rule@certificate:id", in step order.
QStringList diagnosesOf(const validation::ValidationReport& report)
{
    QStringList out;
    for (const auto& s : report.steps) {
        if (s.diagnosis)
            out.append(validation::ruleAt(s.rule, s.certificate) + u':' + validation::diagnosisId(s.diagnosis->id));
    }
    return out;
}

const validation::Diagnosis* diagnosisAt(const validation::ValidationReport& report, Rule rule, int certificate)
{
    for (const auto& s : report.steps) {
        if (s.rule == rule && s.certificate == certificate)
            return s.diagnosis.get();
    }
    return nullptr;
}

// The certificate's <SignatureValue> text replaced (its n-th occurrence, 0 = leaf).
QByteArray withSignatureValue(QByteArray xml, int certificate, const QByteArray& base64)
{
    qsizetype at = -1;
    for (int i = 0; i <= certificate; ++i)
        at = xml.indexOf("<SignatureValue>", at + 1);
    const qsizetype begin = at + qsizetype(sizeof("<SignatureValue>") - 1);
    const qsizetype end = xml.indexOf("</SignatureValue>", begin);
    return xml.replace(begin, end - begin, base64);
}

QByteArray signatureValue(const QByteArray& xml, int certificate)
{
    qsizetype at = -1;
    for (int i = 0; i <= certificate; ++i)
        at = xml.indexOf("<SignatureValue>", at + 1);
    const qsizetype begin = at + qsizetype(sizeof("<SignatureValue>") - 1);
    return QByteArray::fromBase64(xml.mid(begin, xml.indexOf("</SignatureValue>", begin) - begin));
}

} // namespace

class TestDiagnoses : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tests::testPki(); }

    void eachDamageIsDiagnosed_data()
    {
        QTest::addColumn<QString>("damage");
        for (DiagnosisId id : validation::kAllDiagnoses) {
            for (int n = 0; n < 3; ++n) {
                if (id == DiagnosisId::LineEndings && n > 0)
                    break;
                const QString spec = id == DiagnosisId::LineEndings ? validation::diagnosisId(id)
                                                                    : validation::diagnosisId(id) + u'@' + QString::number(n);
                QTest::newRow(qPrintable(spec)) << spec;
            }
        }
    }

    // Exactly the damaged certificate's failing steps carry exactly that id.
    void eachDamageIsDiagnosed()
    {
        QFETCH(QString, damage);
        QString error;
        const auto d = testpki::Damage::parse(damage, &error);
        QVERIFY2(d, qPrintable(error));
        const auto report = tests::validateWithTestRoot(tests::testPki().damagedChain(*d).xml);
        QCOMPARE(tests::firstFailureText(report), d->expectedFirstFailure().toString());

        const QString id = validation::diagnosisId(d->id);
        QStringList expected;
        const QList<int> certificates = d->id == DiagnosisId::LineEndings ? QList<int>{0, 1, 2} : QList<int>{d->certificate};
        for (int n : certificates) {
            for (Rule rule : {Rule::CertDigest, Rule::CertSignature}) {
                if (validation::diagnosisApplies(d->id, rule))
                    expected.append(validation::ruleAt(rule, n) + u':' + id);
            }
        }
        QCOMPARE(diagnosesOf(report), expected);
        // Only the steps a diagnosis explains fail (the signature of a chain
        // with a SHA-256 DigestValue is fine, and so is every other rule).
        QStringList failures = tests::failuresText(report);
        for (const QString& e : expected)
            failures.removeOne(e.section(u':', 0, 0));
        QCOMPARE(failures, QStringList());
    }

    // The differing bytes are the ones the transformation is about.
    void differingBytesAreNamed_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expectedBytes"); // every differing span's bytes, joined by '|'
        QTest::newRow("line_endings") << "line_endings" << "\r|\r|\r|\r|\r|\r";
        QTest::newRow("character_references") << "character_references@0" << "&#233;";
        QTest::newRow("attribute_quotes") << "attribute_quotes@1" << "\"|\"|\"|\"";
        QTest::newRow("tag_whitespace") << "tag_whitespace@0" << "\n      |\n      | ";
        QTest::newRow("namespace_declarations_removed") << "namespace_declarations_removed@2"
                                                        << " xmlns=\"http://schemas.microsoft.com/DRM/2004/02/cert\"| xmlns:m=\"http://www.microsoft.com/DRM/2004/11/mslp\"";
        // The declaration brought down from the collection, and where they went in (nothing in the file).
        QTest::newRow("canonical_form") << "canonical_form@0" << " xmlns:c=\"http://schemas.microsoft.com/DRM/2004/02/cert\"|";
        QTest::newRow("sha256") << "sha256@0" << "";
        QTest::newRow("pss_salt_length") << "pss_salt_length@0" << "";
    }

    void differingBytesAreNamed()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expectedBytes);
        QString error;
        const auto d = testpki::Damage::parse(damage, &error);
        QVERIFY2(d, qPrintable(error));
        const auto report = tests::validateWithTestRoot(tests::testPki().damagedChain(*d).xml);
        const Rule rule = d->expectedFirstFailure().rule;
        const validation::Diagnosis* found = diagnosisAt(report, rule, d->certificate);
        QVERIFY(found);
        QStringList bytes;
        for (const cert::ByteSpan& span : found->differing)
            bytes.append(QString::fromUtf8(report.document.slice(span)));
        if (d->id == DiagnosisId::LineEndings)
            bytes = bytes.mid(0, 6); // the leaf's six lines
        QCOMPARE(bytes.join(u'|'), expectedBytes);
    }

    // The other direction: signed with CRLF, the file has LF. Each LF is named.
    void lineEndingsTheOtherWay()
    {
        testpki::ChainStyle style;
        style.pretty = true;
        style.signedForm = [](int n, const QByteArray& data) { return n == 2 ? QByteArray(data).replace("\n", "\r\n") : data; };
        const auto report = tests::validateWithTestRoot(tests::testPki().chain(style).xml);
        QCOMPARE(diagnosesOf(report), (QStringList{"cert.digest@2:line_endings", "cert.signature@2:line_endings"}));
        const validation::Diagnosis* found = diagnosisAt(report, Rule::CertDigest, 2);
        QVERIFY(found && !found->differing.isEmpty());
        for (const cert::ByteSpan& span : found->differing)
            QCOMPARE(report.document.slice(span), QByteArray("\n"));
        QVERIFY(found->detail.english().contains(u"with CRLF line endings; the file has LF"));
    }

    void innerContentNamesBothTags()
    {
        const auto report = tests::validateWithTestRoot(tests::testPki().damagedChain({DiagnosisId::InnerContent, 1}).xml);
        const validation::Diagnosis* found = diagnosisAt(report, Rule::CertDigest, 1);
        QVERIFY(found);
        QCOMPARE(found->differing.size(), 2);
        QCOMPARE(report.document.slice(found->differing[0]), QByteArray("<c:Data xmlns=\"http://schemas.microsoft.com/DRM/2004/02/cert\" xmlns:m=\"http://www.microsoft.com/DRM/2004/11/mslp\">"));
        QCOMPARE(report.document.slice(found->differing[1]), QByteArray("</c:Data>"));
    }

    void otherChainKeyNamesTheKey()
    {
        // The leaf signed by the root key itself: named as the trusted root, its element shown.
        auto report = tests::validateWithTestRoot(tests::testPki().damagedChain({DiagnosisId::OtherChainKey, 0}).xml);
        const validation::Diagnosis* found = diagnosisAt(report, Rule::CertSignature, 0);
        QVERIFY(found);
        QVERIFY2(found->detail.english().contains(u"the trusted root key (test root"), qPrintable(found->detail.english()));
        QCOMPARE(found->differing.size(), 1);
        QVERIFY(report.document.slice(found->differing[0]).startsWith("<c:PublicKey>"));
        // The IHV certificate signed by its own key.
        report = tests::validateWithTestRoot(tests::testPki().damagedChain({DiagnosisId::OtherChainKey, 1}).xml);
        found = diagnosisAt(report, Rule::CertSignature, 1);
        QVERIFY(found);
        QVERIFY2(found->detail.english().contains(u"certificate 1's public key (Data/PublicKey)"), qPrintable(found->detail.english()));
    }

    void validChainsHaveNoDiagnosis()
    {
        for (bool pretty : {false, true}) {
            testpki::ChainStyle style;
            style.pretty = pretty;
            const auto report = tests::validateWithTestRoot(tests::testPki().chain(style).xml, tests::testPki().revocationList({}));
            QVERIFY(report.isValid());
            QCOMPARE(diagnosesOf(report), QStringList());
        }
    }

    // Broken in ways no transformation, scheme or key of the table explains.
    void noDiagnosisWithoutProof_data()
    {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QStringList>("failures");
        const testpki::TestPki& pki = tests::testPki();

        // A wrong DigestValue (the signature is over the right bytes).
        QTest::newRow("wrong DigestValue") << pki.chain({}, testpki::Break{Rule::CertDigest, 1}).xml << QStringList{"cert.digest@1"};

        // A byte of the leaf's Data changed after signing.
        QByteArray edited = pki.chain().xml;
        const qsizetype model = edited.indexOf("Test COPP driver certificate");
        edited[model] = 'B';
        QTest::newRow("byte changed after signing") << edited << QStringList{"cert.digest@0", "cert.signature@0"};

        // One bit of the IHV certificate's signature flipped.
        const QByteArray chain = pki.chain().xml;
        QByteArray signature = signatureValue(chain, 1);
        signature[signature.size() / 2] = char(signature.at(signature.size() / 2) ^ 0x10);
        QTest::newRow("flipped signature bit") << withSignatureValue(chain, 1, signature.toBase64()) << QStringList{"cert.signature@1"};

        // The leaf signed by a 2048-bit key that is nowhere in the chain.
        const auto outsider = crypto::RsaPrivateKey::generate(2048);
        QVERIFY(outsider);
        const auto leafData = pki.chain().dataBytes.first();
        const auto outside = outsider->sign(cert::toBytes(leafData));
        QVERIFY(outside);
        QTest::newRow("key outside the chain") << withSignatureValue(chain, 0, cert::toByteArray(*outside).toBase64())
                                               << QStringList{"cert.signature@0"};

        // Two re-serialisations at once (line endings and quotes): no one transformation proves it.
        testpki::ChainStyle twice;
        twice.pretty = true;
        twice.signedForm = [](int n, const QByteArray& data) {
            const qsizetype tagEnd = data.indexOf('>');
            return n == 0 ? QByteArray(data.left(tagEnd)).replace('"', '\'') + data.mid(tagEnd) : data;
        };
        QByteArray both = pki.chain(twice).xml;
        both.replace("\n", "\r\n");
        QTest::newRow("two re-serialisations") << both << QStringList{"cert.digest@0", "cert.signature@0", "cert.digest@1", "cert.signature@1", "cert.digest@2", "cert.signature@2"};

        // A 32-byte DigestValue that is not SHA-256 of the Data.
        QByteArray long32 = pki.chain().xml;
        const QByteArray digest0 = tests::testPki().chain().digests.first().toBase64();
        long32.replace(digest0, QByteArray(32, '\x5a').toBase64());
        QTest::newRow("32-byte DigestValue, not SHA-256") << long32 << QStringList{"cert.digest@0"};
    }

    void noDiagnosisWithoutProof()
    {
        QFETCH(QByteArray, xml);
        QFETCH(QStringList, failures);
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::failuresText(report), failures);
        // The two re-serialisations change the other certificates' line endings only:
        // those are proven; the leaf's combination is not.
        QStringList diagnoses = diagnosesOf(report);
        diagnoses.removeIf([](const QString& d) { return !d.contains(u"@0"); });
        QCOMPARE(diagnoses, QStringList());
    }

    // The HTML export names the cause and lists where the file differs; a valid chain's names none.
    void htmlExportNamesTheCause()
    {
        const QByteArray xml = tests::testPki().damagedChain({DiagnosisId::AttributeQuotes, 0}).xml;
        const auto report = tests::validateWithTestRoot(xml);
        const QString html = QString::fromUtf8(validation::reportToHtml(report, {QStringLiteral("quotes.xml"), xml, QStringLiteral("test")}));
        QCOMPARE(html.count(u"Likely cause (proven):"), 2); // cert.digest@0 and cert.signature@0
        QVERIFY(html.contains(u"<code>attribute_quotes</code>"));
        const cert::ByteSpan first = report.firstFailure()->diagnosis->differing.front();
        QVERIFY(html.contains(QStringLiteral("bytes %1–%2").arg(first.begin).arg(first.end)));
        const QByteArray valid = tests::testPki().chain().xml;
        QVERIFY(!QString::fromUtf8(validation::reportToHtml(tests::validateWithTestRoot(valid), {QStringLiteral("valid.xml"), valid, QStringLiteral("test")}))
                     .contains(u"Likely cause"));
    }

    void contractIdsRoundTrip()
    {
        const QStringList ids = {"line_endings", "character_references", "attribute_quotes", "tag_whitespace",
                                 "inner_content", "namespace_declarations_removed", "canonical_form", "sha256",
                                 "pss_salt_length", "pss_sha256", "pkcs1_v1_5", "other_chain_key"};
        QCOMPARE(qsizetype(validation::kAllDiagnoses.size()), ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QCOMPARE(validation::diagnosisId(validation::kAllDiagnoses[std::size_t(i)]), ids[i]); // the contract's order
            QCOMPARE(validation::diagnosisFromId(ids[i]), validation::kAllDiagnoses[std::size_t(i)]);
        }
        QVERIFY(!validation::diagnosisFromId(u"crlf"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoses)
#include "tst_diagnoses.moc"
