// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli end to end (docs/cli.md#verify): text, JSON shape, exit codes.
#include <support/testsupport.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using Run = copp::tests::CliRun;

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_chain, m_root, m_crl;

    Run cli(const QStringList& args) { return copp::tests::runCli(args); }
    QString path(const char* name) { return m_dir.filePath(QString::fromLatin1(name)); }
    void write(const QString& file, const QByteArray& bytes)
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("COPP_CLI")));
        QVERIFY(m_dir.isValid());
        // The CLI's own test PKI makes the material.
        const Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), m_dir.path()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("TEST MATERIAL"));
        m_chain = path("chain.xml");
        m_root = path("test-root.xml");
        m_crl = path("revocation.crl");
        for (const QString& f : {m_chain, m_root, m_crl, path("keys/root.p8")})
            QVERIFY2(QFile::exists(f), qPrintable(f));
    }

    void helpAndVersion()
    {
        Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("verify"));
        r = cli({QStringLiteral("verify"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--trust-root"));
        r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("coppscope-cli "));
    }

    void commandHelpNamesTheCommand()
    {
        for (const char* command : {"verify", "testpki"}) {
            const Run r = cli({QString::fromLatin1(command), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            const QByteArray usage = r.out.left(r.out.indexOf('\n'));
            QVERIFY2(usage.startsWith("Usage: coppscope-cli " + QByteArray(command) + " [options]"), usage.constData());
        }
    }

    void validChainText()
    {
        const Run r = cli({QStringLiteral("verify"), m_chain, QStringLiteral("--trust-root"), m_root,
                           QStringLiteral("--crl"), m_crl});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("VALID"));
        QCOMPARE(r.out.count("PASS"), 29);
        QVERIFY(r.err.isEmpty());
    }

    void jsonShape()
    {
        const Run r = cli({QStringLiteral("verify"), m_chain, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1); // the default trust root is Microsoft's
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(o.keys(), (QStringList{"first_failure", "steps", "valid"}));
        QCOMPARE(o.value("valid").toBool(), false);
        QCOMPARE(o.value("first_failure").toObject(),
                 (QJsonObject{{"rule", "cert.trusted_root"}, {"certificate", 2}}));
        const QJsonArray steps = o.value("steps").toArray();
        QCOMPARE(steps.size(), 29);
        QCOMPARE(steps.first().toObject().keys(), (QStringList{"certificate", "detail", "rule", "status"}));
        QVERIFY(steps.first().toObject().value("certificate").isNull());
        for (const auto& s : steps)
            QVERIFY(QStringList({"pass", "fail", "skipped"}).contains(s.toObject().value("status").toString()));
    }

    void validJsonHasNullFirstFailure()
    {
        const Run r = cli({QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust-root"), m_root, m_chain});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QVERIFY(o.value("valid").toBool());
        QVERIFY(o.value("first_failure").isNull());
    }

    void brokenChainsExitOne_data()
    {
        QTest::addColumn<QString>("breakSpec");
        QTest::newRow("signature") << "cert.signature@1";
        QTest::newRow("version") << "collection.version";
        QTest::newRow("revoked") << "crl.revoked@0";
    }

    void brokenChainsExitOne()
    {
        QFETCH(QString, breakSpec);
        const QString out = m_dir.filePath(breakSpec);
        Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), path("keys"),
                     QStringLiteral("--break"), breakSpec});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("verify"), out + QStringLiteral("/chain.xml"), QStringLiteral("--trust-root"), m_root,
                 QStringLiteral("--crl"), out + QStringLiteral("/revocation.crl"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject f = QJsonDocument::fromJson(r.out).object().value("first_failure").toObject();
        const QString expected = f.value("rule").toString()
            + (f.value("certificate").isNull() ? QString() : u'@' + QString::number(f.value("certificate").toInt()));
        QCOMPARE(expected, breakSpec);
    }

    // crl.revoked@N lists certificate N, which revokes every certificate below it too.
    void testpkiNamesTheFirstFailureVerifyWillReport()
    {
        const QString out = m_dir.filePath(QStringLiteral("revoked-ihv"));
        Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), path("keys"),
                     QStringLiteral("--break"), QStringLiteral("crl.revoked@1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Expected first failure: crl.revoked@0\n"), r.out.constData());
        r = cli({QStringLiteral("verify"), out + QStringLiteral("/chain.xml"), QStringLiteral("--trust-root"), m_root,
                 QStringLiteral("--crl"), out + QStringLiteral("/revocation.crl"), QStringLiteral("--json")});
        const QJsonObject f = QJsonDocument::fromJson(r.out).object().value("first_failure").toObject();
        QCOMPARE(f.value("rule").toString(), QStringLiteral("crl.revoked"));
        QCOMPARE(f.value("certificate").toInt(), 0);
    }

    // The printed command can be pasted into a shell, spaces and quotes included.
    void testpkiCheckCommandRunsAsPrinted()
    {
        const QString out = m_dir.filePath(QStringLiteral("it's a folder"));
        const Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), path("keys")});
        QCOMPARE(r.exitCode, 0);
        const qsizetype at = r.out.indexOf("coppscope-cli verify ");
        QVERIFY(at >= 0);
        QByteArray command = r.out.mid(at, r.out.indexOf('\n', at) - at);
        command.replace("coppscope-cli", "\"$COPP_CLI\"");
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(command)});
        QVERIFY(shell.waitForFinished(60000));
        const QByteArray output = shell.readAllStandardOutput() + shell.readAllStandardError();
        QVERIFY2(shell.exitCode() == 0, (command + "\n" + output).constData());
        QVERIFY2(output.contains("VALID"), output.constData());
    }

    void testpkiRefusesPrefixesXmlCannotUse_data()
    {
        QTest::addColumn<QString>("prefix");
        for (const char* p : {"1bad", "xml", "xmlns", "XmlFoo", "a:b", "a b", ".x"})
            QTest::newRow(p) << QString::fromLatin1(p);
        QTest::newRow("empty") << QString();
    }

    void testpkiRefusesPrefixesXmlCannotUse()
    {
        QFETCH(QString, prefix);
        const QString out = m_dir.filePath(QStringLiteral("bad-prefix"));
        const Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), path("keys"),
                           QStringLiteral("--prefix"), prefix});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--prefix"), r.err.constData());
        QVERIFY(!QFile::exists(out + QStringLiteral("/chain.xml")));
    }

    void testpkiOtherPrefixVerifies()
    {
        const QString out = m_dir.filePath(QStringLiteral("prefix-cert"));
        Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), path("keys"),
                     QStringLiteral("--prefix"), QStringLiteral("_cert-1.x")});
        QCOMPARE(r.exitCode, 0);
        r = cli({QStringLiteral("verify"), out + QStringLiteral("/chain.xml"), QStringLiteral("--trust-root"), m_root});
        QCOMPARE(r.exitCode, 0);
    }

    void severalFiles()
    {
        Run r = cli({QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--trust-root"), m_root, m_chain, m_chain});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (const QByteArray& line : lines)
            QCOMPARE(QJsonDocument::fromJson(line).object().value("file").toString(), m_chain);
        // One missing file among good ones: the good one is still reported, exit 2.
        r = cli({QStringLiteral("verify"), QStringLiteral("--trust-root"), m_root, m_chain, path("nope.xml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("VALID"));
        QVERIFY(r.err.contains("nope.xml"));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no command") << QStringList{} << QByteArray("no command");
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << QByteArray("unknown command");
        QTest::newRow("no file") << QStringList{"verify"} << QByteArray("no chain file");
        QTest::newRow("unknown option") << QStringList{"verify", "--frob", "x"} << QByteArray("frob");
        QTest::newRow("missing file") << QStringList{"verify", "/nonexistent/chain.xml"} << QByteArray("no such file");
        QTest::newRow("directory") << QStringList{"verify", "/tmp"} << QByteArray("directory");
        QTest::newRow("missing trust root") << QStringList{"verify", "CHAIN", "--trust-root", "/nonexistent.xml"} << QByteArray("trust root");
        QTest::newRow("missing crl") << QStringList{"verify", "CHAIN", "--crl", "/nonexistent.crl"} << QByteArray("revocation list");
        QTest::newRow("testpki without --out") << QStringList{"testpki"} << QByteArray("--out");
        QTest::newRow("testpki bad break") << QStringList{"testpki", "--out", "/tmp/x", "--break", "cert.link@0"} << QByteArray("--break");
        // A second value would silently win over the first.
        QTest::newRow("trust root twice") << QStringList{"verify", "CHAIN", "--trust-root", "ROOT", "--trust-root", "ROOT"}
                                          << QByteArray("--trust-root may be given only once");
        QTest::newRow("crl twice") << QStringList{"verify", "CHAIN", "--crl", "CRL", "--crl", "CRL"} << QByteArray("--crl may be given only once");
        QTest::newRow("testpki break twice") << QStringList{"testpki", "--out", "/tmp/x", "--break", "cert.signature@1", "--break", "cert.digest@0"}
                                             << QByteArray("--break may be given only once");
        // COPP styles mean nothing for a DER bundle.
        QTest::newRow("testpki x509 plain") << QStringList{"testpki", "--out", "/tmp/x", "--x509", "--plain"} << QByteArray("--plain applies to COPP chains");
        QTest::newRow("testpki x509 prefix") << QStringList{"testpki", "--out", "/tmp/x", "--x509", "--prefix", "z"} << QByteArray("--prefix applies to COPP chains");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        args.replaceInStrings(QStringLiteral("CHAIN"), m_chain);
        args.replaceInStrings(QStringLiteral("ROOT"), m_root);
        args.replaceInStrings(QStringLiteral("CRL"), m_crl);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    // docs/cli.md#opm-sessions: "--trust-root applies to XML (COPP) chains and --trust-anchor
    // to X.509 (OPM) chains; each is ignored where it does not apply."
    void trustAnchorIsIgnoredForCoppChains()
    {
        const Run r = cli({QStringLiteral("verify"), m_chain, QStringLiteral("--trust-root"), m_root,
                           QStringLiteral("--trust-anchor"), path("no-such-anchor.pem")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("VALID"));
    }

    // A report that could not be written is no verdict: a script doing
    // "verify --json > report.json && ..." must not go on with an empty file.
    void unwritableOutputExitsTwo()
    {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full here");
        QProcess p;
        p.setStandardOutputFile(QStringLiteral("/dev/full"));
        p.start(qEnvironmentVariable("COPP_CLI"), {QStringLiteral("verify"), QStringLiteral("--json"), m_chain,
                                                    QStringLiteral("--trust-root"), m_root});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(err.contains("cannot write the output"), err.constData());
    }

    // Text from the chain is shown, never obeyed: a carriage return in an attribute
    // (a character reference) could otherwise overwrite the FAIL line on a terminal.
    void textReportEscapesControlCharacters()
    {
        QFile f(m_chain);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray xml = f.readAll();
        const QByteArray version = "c:Version=\"2.0\"";
        const qsizetype at = xml.indexOf(version);
        QVERIFY(at > 0);
        xml.replace(at, version.size(), "c:Version=\"1.0&#13;  PASS     collection.version      fake&#10;\"");
        write(path("forged.xml"), xml);
        const Run r = cli({QStringLiteral("verify"), path("forged.xml"), QStringLiteral("--trust-root"), m_root});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains('\r'), r.out.constData());
        QVERIFY2(r.out.contains("\\x0d") && r.out.contains("\\x0a"), r.out.constData());
        for (const QByteArray& line : r.out.split('\n'))
            QVERIFY2(!line.startsWith("  PASS     collection.version      fake"), r.out.constData());
    }

    // The printed check command works for a folder whose name starts with '-'.
    void testpkiCheckCommandSurvivesADashFolder()
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(qEnvironmentVariable("COPP_CLI"), {QStringLiteral("testpki"), QStringLiteral("--out=-dash"),
                                                    QStringLiteral("--keys"), QStringLiteral("keys")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        const qsizetype at = out.indexOf("coppscope-cli verify ");
        QVERIFY(at >= 0);
        QByteArray command = out.mid(at, out.indexOf('\n', at) - at);
        QVERIFY2(command.contains(" ./-dash/chain.xml"), command.constData());
        command.replace("coppscope-cli", "\"$COPP_CLI\"");
        QProcess shell;
        shell.setWorkingDirectory(m_dir.path());
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(command)});
        QVERIFY(shell.waitForFinished(60000));
        QVERIFY2(shell.exitCode() == 0, (command + "\n" + shell.readAllStandardError()).constData());
    }

    // Every role needs its own key: with the leaf's key copied over the IHV's, a
    // --break of cert.link would write a chain that passes.
    void testpkiRefusesAKeysFolderWithOneKeyTwice()
    {
        const QString keys = path("dup-keys");
        QVERIFY(QDir().mkpath(keys));
        for (const char* name : {"root.p8", "ihv.p8", "crl-signer.p8", "other-root.p8"})
            QVERIFY(QFile::copy(path("keys/") + QString::fromLatin1(name), keys + u'/' + QString::fromLatin1(name)));
        QVERIFY(QFile::copy(path("keys/ihv.p8"), keys + QStringLiteral("/leaf.p8")));
        const Run r = cli({QStringLiteral("testpki"), QStringLiteral("--out"), path("dup-out"), QStringLiteral("--keys"), keys,
                           QStringLiteral("--break"), QStringLiteral("cert.link@1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("ihv.p8 and leaf.p8 hold the same key"), r.err.constData());
        QVERIFY(!QFile::exists(path("dup-out/chain.xml")));
    }

    void malformedTrustRootExitsTwo()
    {
        write(path("bad-root.xml"), "<RSAKeyValue><Modulus>?*?</Modulus></RSAKeyValue>");
        const Run r = cli({QStringLiteral("verify"), m_chain, QStringLiteral("--trust-root"), path("bad-root.xml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("base64"));
    }

    void malformedCrlRejectsTheChain()
    {
        write(path("bad.crl"), "\x00\x00");
        const Run r = cli({QStringLiteral("verify"), m_chain, QStringLiteral("--trust-root"), m_root,
                           QStringLiteral("--crl"), path("bad.crl"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value("first_failure").toObject().value("rule").toString(),
                 QStringLiteral("crl.signature"));
    }

    void garbageChainIsRejectedNotCrashed()
    {
        write(path("garbage.xml"), QByteArray("\xff\xfe\x00<\x00", 5));
        const Run r = cli({QStringLiteral("verify"), path("garbage.xml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("collection.well_formed"));
    }

    // An empty file is readable: a rejected chain (exit 1) that says it is empty.
    void emptyChainSaysSo()
    {
        write(path("empty.xml"), QByteArray());
        Run r = cli({QStringLiteral("verify"), path("empty.xml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("FAIL     collection.well_formed  the file is empty\n"), r.out.constData());
        r = cli({QStringLiteral("verify"), QStringLiteral("--json"), path("empty.xml")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("first_failure").toObject().value("rule").toString(), QStringLiteral("collection.well_formed"));
        QCOMPARE(o.value("steps").toArray().first().toObject().value("detail").toString(), QStringLiteral("the file is empty"));
    }

    // A mismatched end tag names both tags and where the open one started.
    void mismatchedTagNamesBothTags()
    {
        write(path("mismatch.xml"), "<CertificateCollection Version=\"2.0\">\n  <Certificate>\n  </Certificat>\n</CertificateCollection>\n");
        const Run r = cli({QStringLiteral("verify"), path("mismatch.xml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("not well-formed XML: end tag </Certificat> does not match the start tag <Certificate> opened at line 2, column 2 "
                                "(line 3, column 4)"),
                 r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
