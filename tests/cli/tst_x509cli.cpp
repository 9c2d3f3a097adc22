// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli verify on OPM X.509 chains and testpki --x509, end to end
// (docs/cli.md#verify output shape and exit codes, §5 "OPM certificates").
#include <support/testsupport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using Run = copp::tests::CliRun;

class TestX509Cli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_bundle, m_pem, m_root, m_leafKey;

    static Run cli(const QStringList& args) { return copp::tests::runCli(args); }
    QString path(const QString& name) const { return m_dir.filePath(name); }
    static QString firstFailure(const QByteArray& json)
    {
        const QJsonObject f = QJsonDocument::fromJson(json).object().value(QStringLiteral("first_failure")).toObject();
        if (f.isEmpty())
            return QStringLiteral("valid");
        return f.value(QStringLiteral("rule")).toString()
            + (f.value(QStringLiteral("certificate")).isNull() ? QString() : u'@' + QString::number(f.value(QStringLiteral("certificate")).toInt()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("COPP_CLI")));
        QVERIFY(m_dir.isValid());
        const Run r = cli({"testpki", "--x509", "--out", m_dir.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("TEST MATERIAL"));
        QVERIFY(r.out.contains("--trust-anchor"));
        m_bundle = path("opm-chain.p7b");
        m_pem = path("opm-chain.pem");
        m_root = path("opm-root.pem");
        m_leafKey = path("opm-leaf.p8");
        for (const QString& f : {m_bundle, m_pem, m_root, m_leafKey, path("keys/opm-root.p8")})
            QVERIFY2(QFile::exists(f), qPrintable(f));
    }

    void helpMentionsX509()
    {
        Run r = cli({"verify", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--trust-anchor"));
        r = cli({"testpki", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--x509"));
        QVERIFY(r.out.contains("x509.signature@N"));
    }

    void validBundleText()
    {
        for (const QString& file : {m_bundle, m_pem}) {
            const Run r = cli({"verify", file, "--trust-anchor", m_root});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.startsWith((file + QStringLiteral(": VALID (trust anchor: opm-root.pem)")).toUtf8()), r.out.constData());
            QCOMPARE(r.out.count("PASS"), 14);
            QVERIFY(r.out.contains("x509.trusted_root"));
            QVERIFY(r.err.isEmpty());
        }
    }

    void jsonShapeWithTheDefaultAnchor()
    {
        const Run r = cli({"verify", m_bundle, "--json"});
        QCOMPARE(r.exitCode, 1); // the default anchor is Microsoft's media root
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.keys(), (QStringList{"first_failure", "steps", "valid"}));
        QCOMPARE(o.value("valid").toBool(), false);
        QCOMPARE(o.value("first_failure").toObject(), (QJsonObject{{"rule", "x509.trusted_root"}, {"certificate", 2}}));
        const QJsonArray steps = o.value("steps").toArray();
        QCOMPARE(steps.size(), 14);
        QCOMPARE(steps.first().toObject().keys(), (QStringList{"certificate", "detail", "rule", "status"}));
        QCOMPARE(steps.first().toObject().value("rule").toString(), QStringLiteral("x509.decode"));
        QVERIFY(steps.first().toObject().value("certificate").isNull());
        QCOMPARE(steps.at(2).toObject().value("certificate").toInt(), 0);
        QVERIFY(steps.last().toObject().value("detail").toString().contains("d397f5c1"));
        for (const auto& s : steps) {
            QVERIFY(s.toObject().value("rule").toString().startsWith("x509."));
            QVERIFY(QStringList({"pass", "fail", "skipped"}).contains(s.toObject().value("status").toString()));
        }
    }

    void brokenChainsExitOne_data()
    {
        QTest::addColumn<QString>("breakSpec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("decode") << "x509.decode" << "x509.decode";
        QTest::newRow("path") << "x509.path" << "x509.path";
        QTest::newRow("key@0") << "x509.key@0" << "x509.key@0";
        QTest::newRow("signature@1") << "x509.signature@1" << "x509.signature@1";
        QTest::newRow("trusted_root") << "x509.trusted_root" << "x509.trusted_root@2";
    }

    void brokenChainsExitOne()
    {
        QFETCH(QString, breakSpec);
        QFETCH(QString, expected);
        const QString out = m_dir.filePath(breakSpec);
        Run r = cli({"testpki", "--x509", "--out", out, "--keys", path("keys"), "--break", breakSpec});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(("Expected first failure: " + expected).toUtf8()));
        r = cli({"verify", out + "/opm-chain.p7b", "--trust-anchor", out + "/opm-root.pem", "--json"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(firstFailure(r.out), expected);
    }

    void leafKeyFileIsTheLeafsKey()
    {
        QFile file(m_leafKey);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray der = file.readAll();
        const auto key = copp::crypto::RsaPrivateKey::fromPkcs8(copp::Bytes(der.begin(), der.end()));
        QVERIFY(key);
        QFile bundle(m_bundle);
        QVERIFY(bundle.open(QIODevice::ReadOnly));
        const auto report = copp::validation::X509ChainValidator().validate(bundle.readAll());
        QCOMPARE(copp::validation::x509LeafKey(report), std::optional(key->publicKey()));
    }

    void optionsAreIgnoredWhereTheyDoNotApply()
    {
        // docs/cli.md#opm-sessions: --trust-root/--crl for XML chains, --trust-anchor for X.509.
        const QString copp = path("copp");
        Run r = cli({"testpki", "--out", copp});
        QCOMPARE(r.exitCode, 0);
        r = cli({"verify", "--json", copp + "/chain.xml", m_bundle, "--trust-root", copp + "/test-root.xml", "--crl",
                 copp + "/revocation.crl", "--trust-anchor", m_root});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value("steps").toArray().size(), 29);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value("steps").toArray().size(), 14);
        for (const QByteArray& line : lines)
            QVERIFY(QJsonDocument::fromJson(line).object().value("valid").toBool());
        // Ignored means not even read: options of the other format that name missing or
        // malformed files do not stop the chain they do not apply to.
        r = cli({"verify", m_bundle, "--trust-anchor", m_root, "--trust-root", path("nope.xml"), "--crl", m_bundle});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = cli({"verify", copp + "/chain.xml", "--trust-root", copp + "/test-root.xml", "--trust-anchor", copp + "/chain.xml"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("anchor missing") << QStringList{"verify", "BUNDLE", "--trust-anchor", "DIR/nope.pem"} << QByteArray("nope.pem: no such file");
        QTest::newRow("anchor is a directory") << QStringList{"verify", "BUNDLE", "--trust-anchor", "DIR"} << QByteArray("is a directory");
        QTest::newRow("anchor is a bundle") << QStringList{"verify", "BUNDLE", "--trust-anchor", "BUNDLE"} << QByteArray("holds 3 certificates");
        QTest::newRow("anchor is junk") << QStringList{"verify", "BUNDLE", "--trust-anchor", "DIR/opm-leaf.p8"} << QByteArray("trust anchor");
        QTest::newRow("chain is a directory") << QStringList{"verify", "DIR"} << QByteArray("is a directory");
        QTest::newRow("chain missing") << QStringList{"verify", "DIR/nope.p7b"} << QByteArray("no such file");
        QTest::newRow("x509 break without --x509") << QStringList{"testpki", "--out", "DIR/x", "--break", "x509.path"} << QByteArray("add --x509");
        QTest::newRow("COPP break with --x509") << QStringList{"testpki", "--x509", "--out", "DIR/x", "--break", "cert.digest@0"} << QByteArray("unknown OPM rule");
        QTest::newRow("bad index") << QStringList{"testpki", "--x509", "--out", "DIR/x", "--break", "x509.ca@0"} << QByteArray("cannot be broken");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        for (QString& a : args) {
            a.replace(QStringLiteral("BUNDLE"), m_bundle);
            a.replace(QStringLiteral("DIR"), m_dir.path());
        }
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void hostileFilesAreRejectedNotErrors()
    {
        // Bytes that look like DER but are not a bundle: a verdict (exit 1), not a usage error.
        const QString junk = path("junk.der");
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x30\x84\xff\xff\xff\xff", 6));
        f.close();
        const Run r = cli({"verify", junk, "--json"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(firstFailure(r.out), QStringLiteral("x509.decode"));
    }
};

QTEST_GUILESS_MAIN(TestX509Cli)
#include "tst_x509cli.moc"
