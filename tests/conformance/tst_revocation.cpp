// SPDX-License-Identifier: BSD-3-Clause
// crl.signature and crl.revoked (docs/cli.md#verify, "Revocation list").
#include <support/testsupport.h>

#include <core/revocation/revocationlist.h>

#include <QtTest>

using namespace copp;
using validation::Outcome;

class TestRevocation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tests::testPki(); }

    void emptySignedListPasses()
    {
        const auto report = tests::validateWithTestRoot(tests::testPki().chain().xml, tests::testPki().revocationList({}));
        QVERIFY(report.isValid());
        QCOMPARE(report.steps.at(report.steps.size() - 4).outcome, Outcome::Pass);
    }

    void revokingTheRootRevokesEverythingBelow()
    {
        const auto chain = tests::testPki().chain();
        const auto crl = tests::testPki().revocationList({QByteArray(20, 'x'), chain.digests.at(2)}, 7);
        const auto report = tests::validateWithTestRoot(chain.xml, crl);
        QCOMPARE(tests::failuresText(report), (QStringList{"crl.revoked@0", "crl.revoked@1", "crl.revoked@2"}));
        QVERIFY(report.steps.last().detail.english().contains(QStringLiteral("list entry 1")));
    }

    // docs/cli.md: crl.revoked "fails when the certificate's digest is listed, or
    // the digest of a certificate above it (higher index) is listed". A certificate
    // without Data cannot be hashed: a listed one above still fails the step; with
    // nothing listed, whether the unhashed one is listed is unknown, so not a pass.
    void certificateWithoutDataStillSeesRevocationAbove()
    {
        const auto chain = tests::testPki().chain();
        QByteArray xml = chain.xml;
        // Certificate 1 loses its Data (renamed, so the document stays well-formed).
        qsizetype at = xml.indexOf("<c:Data");
        at = xml.indexOf("<c:Data", at + 1);
        QVERIFY(at > 0);
        xml.replace(at, 7, "<c:Datx");
        const qsizetype end = xml.indexOf("</c:Data>", at);
        xml.replace(end, 9, "</c:Datx>");

        auto revokedStep = [](const validation::ValidationReport& r, int certificate) {
            for (const auto& s : r.steps) {
                if (s.rule == validation::Rule::CrlRevoked && s.certificate == certificate)
                    return s;
            }
            return validation::StepResult{};
        };
        // The root listed: every certificate below it fails, the unhashed one too.
        auto report = tests::validateWithTestRoot(xml, tests::testPki().revocationList({chain.digests.at(2)}));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(revokedStep(report, i).outcome, Outcome::Fail);
        QVERIFY(revokedStep(report, 1).detail.english().contains(QStringLiteral("certificate 2 above it is revoked")));

        // Nothing listed: the root passes; the unhashed one and the leaf below it are not checked.
        report = tests::validateWithTestRoot(xml, tests::testPki().revocationList({}));
        QCOMPARE(revokedStep(report, 2).outcome, Outcome::Pass);
        QCOMPARE(revokedStep(report, 1).outcome, Outcome::Skipped);
        QVERIFY(revokedStep(report, 1).detail.english().contains(QStringLiteral("certificate 1 has no Data element")));
        QCOMPARE(revokedStep(report, 0).outcome, Outcome::Skipped);
        QVERIFY2(revokedStep(report, 0).detail.english().contains(QStringLiteral("certificate 1 above it has no Data element")),
                 qPrintable(revokedStep(report, 0).detail.english()));
    }

    void listParsesExactly()
    {
        const QByteArray good = tests::testPki().revocationList({QByteArray(20, 'a')}, 3);
        const auto parsed = revocation::parseRevocationList(good);
        QVERIFY2(parsed.list, qPrintable(parsed.problem));
        QCOMPARE(parsed.list->version, 3u);
        QCOMPARE(parsed.list->revokedDigests.size(), 1);
        QCOMPARE(parsed.list->serialize(), good);
        // Every truncation, and one byte too many, is malformed.
        for (qsizetype n = 0; n < good.size(); ++n)
            QVERIFY2(!revocation::parseRevocationList(good.left(n)).list, qPrintable(QString::number(n)));
        QVERIFY(!revocation::parseRevocationList(good + '\0').list);
    }

    void hostileCountsAreRefusedBeforeAllocating()
    {
        QByteArray huge("\x00\x00\x00\x01\xff\xff\xff\xff", 8);
        const auto parsed = revocation::parseRevocationList(huge);
        QVERIFY(!parsed.list);
        QVERIFY(parsed.problem.contains(QStringLiteral("4294967295")));
    }

    void malformedOrBadlySignedListRejectsTheChain_data()
    {
        QTest::addColumn<QByteArray>("crl");
        QTest::addColumn<QString>("detailContains");
        const QByteArray good = tests::testPki().revocationList({});
        QTest::newRow("truncated") << good.left(good.size() - 1) << "malformed";
        QTest::newRow("trailing byte") << good + 'x' << "left over";
        QTest::newRow("bad signature") << tests::testPki().revocationList({}, 1, true) << "does not verify";
        QByteArray wrongType = good;
        wrongType[wrongType.size() - 128 - 3] = 3;
        QTest::newRow("signature type 3") << wrongType << "signature type 3";
        QTest::newRow("empty file") << QByteArray() << "malformed";
    }

    void malformedOrBadlySignedListRejectsTheChain()
    {
        QFETCH(QByteArray, crl);
        QFETCH(QString, detailContains);
        const auto report = tests::validateWithTestRoot(tests::testPki().chain().xml, crl);
        QCOMPARE(tests::failuresText(report), QStringList{"crl.signature"});
        QVERIFY2(report.firstFailure()->detail.english().contains(detailContains),
                 qPrintable(report.firstFailure()->detail.english()));
        // An untrusted list is not used: crl.revoked is skipped.
        QCOMPARE(report.steps.last().outcome, Outcome::Skipped);
    }

    // docs/cli.md: the signer's collection links to the root "by the same
    // link/digest/signature rules as a chain"; in a chain, only SignCertificate keys sign.
    void listSignerIssuedByTheIhvIsTrusted()
    {
        const auto chain = tests::testPki().chain();
        const QByteArray crl = tests::testPki().revocationListIssuedBy(testpki::TestPki::ListIssuer::Ihv, {chain.digests.at(0)});
        const auto report = tests::validateWithTestRoot(chain.xml, crl);
        QCOMPARE(tests::failuresText(report), QStringList{"crl.revoked@0"});
    }

    void listSignerIssuedByADriverLeafIsRefused()
    {
        const auto chain = tests::testPki().chain();
        const QByteArray crl = tests::testPki().revocationListIssuedBy(testpki::TestPki::ListIssuer::DriverLeaf, {});
        const auto report = tests::validateWithTestRoot(chain.xml, crl);
        QCOMPARE(tests::failuresText(report), QStringList{"crl.signature"});
        const QString why = report.firstFailure()->detail.english();
        QVERIFY2(why.contains(QStringLiteral("signer certificate 1 fails cert.sign_usage")), qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("SignCertificate")), qPrintable(why));
        QCOMPARE(report.steps.last().outcome, Outcome::Skipped);
    }

    void listSignedUnderAnotherRootFails()
    {
        // A list whose signer chains to the test root is not trusted under Microsoft's root.
        validation::ValidationPolicy policy;
        policy.revocationList = tests::testPki().revocationList({});
        const auto report = validation::ChainValidator(policy).validate(tests::testPki().chain().xml);
        QVERIFY(tests::failuresText(report).contains(QStringLiteral("crl.signature")));
        const auto& step = report.steps.at(report.steps.size() - 4);
        QVERIFY2(step.detail.english().contains(QStringLiteral("cert.trusted_root")), qPrintable(step.detail.english()));
    }
};

QTEST_GUILESS_MAIN(TestRevocation)
#include "tst_revocation.moc"
