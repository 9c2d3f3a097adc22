// SPDX-License-Identifier: BSD-3-Clause
// Every rule of docs/cli.md#verify: a chain that passes it, and a chain from the
// test PKI that fails exactly it, with the expected first failure.
#include <support/testsupport.h>

#include <QtTest>

using namespace copp;
using validation::Outcome;
using validation::Rule;

class TestRules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tests::testPki(); }

    void validChainPassesEveryRule()
    {
        const auto chain = tests::testPki().chain();
        const QByteArray crl = tests::testPki().revocationList({});
        const auto report = tests::validateWithTestRoot(chain.xml, crl);
        QVERIFY2(report.isValid(), qPrintable(tests::firstFailureText(report)));
        // Order and coverage: 4 collection steps, 6 + 7 + 8 certificate steps, 1 + 3 list steps.
        QCOMPARE(report.steps.size(), 4 + 6 + 7 + 8 + 1 + 3);
        QSet<Rule> passed;
        for (const auto& s : report.steps) {
            QCOMPARE(s.outcome, Outcome::Pass);
            passed.insert(s.rule);
        }
        for (Rule r : validation::kAllRules)
            QVERIFY2(passed.contains(r), qPrintable(validation::ruleId(r)));
    }

    void stepsAreInProcedureOrder()
    {
        const auto report = tests::validateWithTestRoot(tests::testPki().chain().xml);
        QStringList order;
        for (const auto& s : report.steps)
            order.append(validation::ruleId(s.rule) + (s.certificate < 0 ? QString() : u'@' + QString::number(s.certificate)));
        const QStringList expected = {
            "collection.well_formed", "collection.utf8", "collection.version", "collection.count",
            "cert.unique_children@0", "cert.modulus@0", "cert.exponent@0", "cert.leaf_usage@0", "cert.digest@0", "cert.signature@0",
            "cert.unique_children@1", "cert.modulus@1", "cert.exponent@1", "cert.link@1", "cert.sign_usage@1", "cert.digest@1", "cert.signature@1",
            "cert.unique_children@2", "cert.modulus@2", "cert.exponent@2", "cert.link@2", "cert.sign_usage@2", "cert.digest@2", "cert.signature@2", "cert.trusted_root@2",
            "crl.signature", "crl.revoked@0", "crl.revoked@1", "crl.revoked@2"};
        QCOMPARE(order, expected);
        // Without --crl both list rules are skipped, and the chain is still valid.
        QVERIFY(report.isValid());
        QCOMPARE(report.steps.last().outcome, Outcome::Skipped);
    }

    void eachBreakFailsExactlyItsRule_data()
    {
        QTest::addColumn<QString>("breakSpec");
        QTest::addColumn<QStringList>("expectedFailures");
        auto row = [](const char* spec, QStringList failures) {
            QTest::newRow(spec) << QString::fromLatin1(spec) << failures;
        };
        row("collection.well_formed", {"collection.well_formed"});
        row("collection.utf8", {"collection.utf8"});
        row("collection.version", {"collection.version"});
        row("collection.count", {"collection.count"});
        for (Rule rule : validation::kAllRules) {
            if (!validation::isCertificateRule(rule))
                continue;
            for (int cert = 0; cert < 3; ++cert) {
                if (!validation::ruleAppliesTo(rule, cert, 3))
                    continue;
                const QString spec = validation::ruleId(rule) + u'@' + QString::number(cert);
                QTest::newRow(qPrintable(spec)) << spec << QStringList{spec};
            }
        }
        row("crl.signature", {"crl.signature"});
        // "it fails when the certificate's digest is listed, or the digest of a certificate above it"
        row("crl.revoked@0", {"crl.revoked@0"});
        row("crl.revoked@1", {"crl.revoked@0", "crl.revoked@1"});
        row("crl.revoked@2", {"crl.revoked@0", "crl.revoked@1", "crl.revoked@2"});
    }

    void eachBreakFailsExactlyItsRule()
    {
        QFETCH(QString, breakSpec);
        QFETCH(QStringList, expectedFailures);
        QString error;
        const auto broken = testpki::Break::parse(breakSpec, &error);
        QVERIFY2(broken, qPrintable(error));
        const auto& pki = tests::testPki();
        const auto chain = pki.chain({}, broken);
        QList<QByteArray> revoked;
        if (broken->rule == Rule::CrlRevoked)
            revoked.append(chain.digests.at(broken->certificate));
        const QByteArray crl = pki.revocationList(revoked, 1, broken->rule == Rule::CrlSignature);
        const auto report = tests::validateWithTestRoot(chain.xml, crl);
        QCOMPARE(tests::firstFailureText(report), expectedFailures.first());
        // What testpki prints as "Expected first failure" is what verify finds.
        QCOMPARE(broken->expectedFirstFailure().toString(), expectedFailures.first());
        QCOMPARE(tests::failuresText(report), expectedFailures);
        // The failing step says why, in words.
        QVERIFY(!report.firstFailure()->detail.english().isEmpty());
    }

    void collectionFailureSkipsCertificateSteps()
    {
        const auto chain = tests::testPki().chain({}, testpki::Break{Rule::CollectionCount, -1});
        const auto report = tests::validateWithTestRoot(chain.xml);
        for (const auto& s : report.steps) {
            if (validation::isCertificateRule(s.rule)) {
                QCOMPARE(s.outcome, Outcome::Skipped);
                QVERIFY(s.detail.english().contains(QStringLiteral("collection.count")));
            }
        }
    }

    void laterStepsStillRunAfterAFailure()
    {
        // cert.digest@0 fails; the signature over the same bytes still verifies.
        const auto chain = tests::testPki().chain({}, testpki::Break{Rule::CertDigest, 0});
        const auto report = tests::validateWithTestRoot(chain.xml);
        const auto& signature = report.steps.at(9);
        QCOMPARE(signature.rule, Rule::CertSignature);
        QCOMPARE(signature.outcome, Outcome::Pass);
    }

    void signatureDiagnosisNamesSalt20()
    {
        const auto chain = tests::testPki().chain({}, testpki::Break{Rule::CertSignature, 1});
        const auto report = tests::validateWithTestRoot(chain.xml);
        const auto* f = report.firstFailure();
        QVERIFY(f);
        QVERIFY2(f->detail.english().contains(QStringLiteral("salt length 20")), qPrintable(f->detail.english()));
        bool sawSalt = false;
        for (const auto& fact : f->facts)
            sawSalt |= QByteArray(fact.label) == "recovered salt length" && fact.text() == u"20";
        QVERIFY(sawSalt);
    }

    // docs/cli.md: the link "compares the decoded modulus and exponent bytes", so
    // 65537 written as 00 01 00 01 in the leaf's KeyInfo breaks it; the message shows
    // the bytes, or it would read "65537 vs 65537".
    void linkNamesExponentBytesWhenTheNumbersAgree()
    {
        QByteArray xml = tests::testPki().chain().xml;
        const QByteArray exponent = "<Exponent>AQAB</Exponent>";
        const qsizetype keyInfo = xml.indexOf(exponent, xml.indexOf(exponent) + 1); // the leaf's Signature/KeyInfo
        QVERIFY(keyInfo > xml.indexOf("</c:Data>"));
        xml.replace(keyInfo, exponent.size(), "<Exponent>AAEAAQ==</Exponent>");
        const auto report = tests::validateWithTestRoot(xml);
        QCOMPARE(tests::failuresText(report), QStringList{"cert.link@1"});
        const QString detail = report.firstFailure()->detail.english();
        QVERIFY2(detail.contains(QStringLiteral("exponent differs")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("65537 = 0x010001 vs 65537 = 0x00010001")), qPrintable(detail));
        QVERIFY2(!detail.contains(QStringLiteral("modulus")), qPrintable(detail));
    }

    void microsoftRootRejectsTestChainAtTrustedRootOnly()
    {
        const auto report = validation::ChainValidator().validate(tests::testPki().chain().xml);
        QCOMPARE(tests::failuresText(report), QStringList{"cert.trusted_root@2"});
        QCOMPARE(report.trustRootName, QStringLiteral("Microsoft COPP root key"));
    }

    void breakSpecParsing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::newRow("per-cert") << "cert.signature@1" << true;
        QTest::newRow("collection") << "collection.version" << true;
        QTest::newRow("unknown rule") << "cert.nonsense@1" << false;
        QTest::newRow("missing index") << "cert.digest" << false;
        QTest::newRow("index on collection rule") << "collection.count@1" << false;
        QTest::newRow("leaf rule on root") << "cert.leaf_usage@2" << false;
        QTest::newRow("link on leaf") << "cert.link@0" << false;
        QTest::newRow("out of range") << "cert.digest@3" << false;
        QTest::newRow("not a number") << "cert.digest@x" << false;
    }

    void breakSpecParsing()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QString error;
        QCOMPARE(testpki::Break::parse(spec, &error).has_value(), ok);
        QCOMPARE(error.isEmpty(), ok);
    }
};

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
