// SPDX-License-Identifier: BSD-3-Clause
// The OPM commands of coppscope-cli end to end (docs/cli.md#calc, §5): `merit`
// against the built-in codec and against `emulator --stdio --codec` over the
// agent pipe (exit codes, the exact --json shape), `session --interface opm`
// with --protect and a fault, and `calc opm-init` checked by decrypting its
// output with the leaf key `testpki --x509` wrote.
#include <support/testsupport.h>

#include <core/cert/x509bundle.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/protocol/sessionstart.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;

namespace {

const QString kClsid = QStringLiteral("{6b4b6f2c-0d3e-4b8a-9e51-1f2a3b4c5d6e}");
const QString kOtherClsid = QStringLiteral("{11111111-2222-3333-4444-555555555555}");

struct Run : tests::CliRun {
    // --json of `merit`: exactly one object on one line.
    QJsonObject object() const
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        if (lines.size() != 1)
            return {};
        return QJsonDocument::fromJson(lines.first()).object();
    }
    // --json of `session`: one event per line.
    QList<QJsonObject> events() const
    {
        QList<QJsonObject> list;
        for (const QByteArray& line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(QJsonDocument::fromJson(line).object());
        return list;
    }
    QStringList alerts() const
    {
        QStringList kinds;
        for (const QJsonObject& e : events())
            if (e.value(QStringLiteral("event")).toString() == u"alert")
                kinds.append(e.value(QStringLiteral("kind")).toString());
        return kinds;
    }
    QByteArray why() const { return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err; }
};

QStringList failingChecks(const QJsonObject& merit)
{
    QStringList out;
    for (const QJsonValue& v : merit.value(QStringLiteral("checks")).toArray())
        if (!v.toObject().value(QStringLiteral("ok")).toBool())
            out.append(v.toObject().value(QStringLiteral("check")).toString());
    return out;
}

QJsonObject firstEvent(const QList<QJsonObject>& events, const QString& name)
{
    for (const QJsonObject& e : events)
        if (e.value(QStringLiteral("event")).toString() == name)
            return e;
    return {};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMeritCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keys;
    QString m_anchor; // the codec emulator's test root, from --trust-anchor-out

    QString cliPath() const { return qEnvironmentVariable("COPP_CLI"); }
    Run cli(const QStringList& args) { return Run{tests::runCli(args)}; }
    QString codecAgent(const QString& clsid, const QString& merit, const QString& extra = QString()) const
    {
        return QStringLiteral("exec:'%1' emulator --stdio --codec --clsid '%2' --merit %3 --keys '%4' %5")
            .arg(cliPath(), clsid, merit, m_keys, extra);
    }
    QStringList merit(const QStringList& extra) const
    {
        return QStringList{QStringLiteral("merit"), QStringLiteral("--keys"), m_keys} + extra;
    }
    QStringList opmSession(const QStringList& extra) const
    {
        return QStringList{QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                           QStringLiteral("--interface"), QStringLiteral("opm"), QStringLiteral("--keys"), m_keys,
                           QStringLiteral("--json"), QStringLiteral("--poll-ms"), QStringLiteral("100")}
            + extra;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!cliPath().isEmpty(), "COPP_CLI is not set");
        QVERIFY(m_dir.isValid());
        // One set of keys for every child process (key generation takes seconds).
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        QVERIFY(tests::testPki().keys().save(m_keys).ok());
        QVERIFY(tests::x509TestPki().keys().save(m_keys).ok());
        // "--trust-anchor-out is written before the first reply"; EOF on stdin ends the agent.
        m_anchor = m_dir.filePath(QStringLiteral("codec-root.pem"));
        QProcess p;
        p.start(cliPath(), {QStringLiteral("emulator"), QStringLiteral("--stdio"), QStringLiteral("--codec"), QStringLiteral("--clsid"),
                            kClsid, QStringLiteral("--merit"), QStringLiteral("0x600000"), QStringLiteral("--keys"), m_keys,
                            QStringLiteral("--trust-anchor-out"), m_anchor});
        QVERIFY(p.waitForStarted());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(readFile(m_anchor).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    // ---- merit ---------------------------------------------------------------------------------------------

    void meritAgainstTheBuiltInCodec()
    {
        const Run r = cli(merit({QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--clsid"), kClsid,
                                 QStringLiteral("--expect-merit"), QStringLiteral("1"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.why().constData());
        const QJsonObject o = r.object();
        // {"verified": BOOL, "merit": N or null, "expected": N, "checks": [{"check", "ok", "detail"}]}
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("checks"), QStringLiteral("expected"), QStringLiteral("merit"),
                                        QStringLiteral("verified")}));
        QVERIFY(o.value(QStringLiteral("verified")).isBool());
        QVERIFY(o.value(QStringLiteral("verified")).toBool());
        QVERIFY(o.value(QStringLiteral("merit")).isDouble());
        QCOMPARE(o.value(QStringLiteral("merit")).toInteger(), 1);
        QVERIFY(o.value(QStringLiteral("expected")).isDouble());
        QCOMPARE(o.value(QStringLiteral("expected")).toInteger(), 1);
        const QJsonArray checks = o.value(QStringLiteral("checks")).toArray();
        QVERIFY(!checks.isEmpty());
        QStringList names;
        for (const QJsonValue& v : checks) {
            QVERIFY(v.isObject());
            const QJsonObject c = v.toObject();
            QCOMPARE(c.keys(), (QStringList{QStringLiteral("check"), QStringLiteral("detail"), QStringLiteral("ok")}));
            QVERIFY(c.value(QStringLiteral("check")).isString());
            QVERIFY(c.value(QStringLiteral("ok")).isBool());
            QVERIFY(c.value(QStringLiteral("detail")).isString());
            QVERIFY(!c.value(QStringLiteral("detail")).toString().isEmpty());
            QVERIFY(c.value(QStringLiteral("ok")).toBool());
            names.append(c.value(QStringLiteral("check")).toString());
        }
        for (const char* expected : {"handshake", "get_information", "omac", "random", "size", "merit"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
    }

    void meritTextOutput()
    {
        const Run r = cli(merit({QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--clsid"), kClsid,
                                 QStringLiteral("--expect-merit"), QStringLiteral("0x600000"), QStringLiteral("--emulator-merit"),
                                 QStringLiteral("6291456")}));
        QVERIFY2(r.exitCode == 0, r.why().constData());
        QVERIFY2(r.out.contains("VERIFIED: merit 6291456"), r.out.constData());
    }

    void meritThatDiffersIsNotVerified()
    {
        const Run r = cli(merit({QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--clsid"), kClsid,
                                 QStringLiteral("--expect-merit"), QStringLiteral("2"), QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 1, r.why().constData());
        const QJsonObject o = r.object();
        QCOMPARE(o.value(QStringLiteral("verified")), QJsonValue(false));
        QCOMPARE(o.value(QStringLiteral("merit")).toInteger(), 1); // what the codec said
        QCOMPARE(o.value(QStringLiteral("expected")).toInteger(), 2);
        QCOMPARE(failingChecks(o), QStringList{QStringLiteral("merit")});
    }

    void meritOverTheAgentPipe()
    {
        const Run r = cli(merit({QStringLiteral("--device"), codecAgent(kClsid, QStringLiteral("0x600000")), QStringLiteral("--clsid"),
                                 kClsid, QStringLiteral("--expect-merit"), QStringLiteral("0x600000"),
                                 QStringLiteral("--trust-anchor"), m_anchor, QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, r.why().constData());
        const QJsonObject o = r.object();
        QVERIFY(o.value(QStringLiteral("verified")).toBool());
        QCOMPARE(o.value(QStringLiteral("merit")).toInteger(), 0x600000);
        QCOMPARE(o.value(QStringLiteral("expected")).toInteger(), 0x600000);
        QCOMPARE(failingChecks(o), QStringList{});
    }

    void meritOverTheAgentPipeFails_data()
    {
        QTest::addColumn<QString>("queried");     // --clsid of the merit command
        QTest::addColumn<QString>("agentExtra");  // more options for the emulator
        QTest::addColumn<bool>("anchor");         // --trust-anchor given
        QTest::addColumn<QStringList>("failing");
        QTest::addColumn<bool>("meritNull");
        QTest::newRow("another CLSID") << kOtherClsid << QString() << true << QStringList{QStringLiteral("get_information")} << true;
        QTest::newRow("bad-reply-mac") << kClsid << QStringLiteral("--fault bad-reply-mac") << true
                                       << QStringList{QStringLiteral("omac"), QStringLiteral("merit")} << true;
        // Without --trust-anchor the default is Microsoft's media root: the TEST chain is refused.
        QTest::newRow("no trust anchor") << kClsid << QString() << false
                                         << QStringList{QStringLiteral("certificate"), QStringLiteral("handshake")} << true;
    }

    void meritOverTheAgentPipeFails()
    {
        QFETCH(QString, queried);
        QFETCH(QString, agentExtra);
        QFETCH(bool, anchor);
        QFETCH(QStringList, failing);
        QFETCH(bool, meritNull);
        QStringList args{QStringLiteral("--device"), codecAgent(kClsid, QStringLiteral("0x600000"), agentExtra), QStringLiteral("--clsid"),
                         queried, QStringLiteral("--expect-merit"), QStringLiteral("0x600000"), QStringLiteral("--json")};
        if (anchor)
            args << QStringLiteral("--trust-anchor") << m_anchor;
        const Run r = cli(merit(args));
        QVERIFY2(r.exitCode == 1, r.why().constData());
        const QJsonObject o = r.object();
        QCOMPARE(o.value(QStringLiteral("verified")), QJsonValue(false));
        QCOMPARE(failingChecks(o), failing);
        QCOMPARE(o.value(QStringLiteral("merit")).isNull(), meritNull);
    }

    void meritUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no --clsid") << QStringList{QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--expect-merit"),
                                                   QStringLiteral("1")};
        QTest::newRow("no --expect-merit") << QStringList{QStringLiteral("--device"), QStringLiteral("emulator"),
                                                          QStringLiteral("--clsid"), kClsid};
        QTest::newRow("bad GUID") << QStringList{QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--clsid"),
                                                 QStringLiteral("{not-a-guid}"), QStringLiteral("--expect-merit"), QStringLiteral("1")};
        QTest::newRow("GUID one digit short")
            << QStringList{QStringLiteral("--clsid"), QStringLiteral("{6b4b6f2c-0d3e-4b8a-9e51-1f2a3b4c5d6}"), QStringLiteral("--expect-merit"),
                           QStringLiteral("1")};
        QTest::newRow("bad --expect-merit") << QStringList{QStringLiteral("--clsid"), kClsid, QStringLiteral("--expect-merit"),
                                                           QStringLiteral("lots")};
        QTest::newRow("--expect-merit above 32 bits")
            << QStringList{QStringLiteral("--clsid"), kClsid, QStringLiteral("--expect-merit"), QStringLiteral("0x100000000")};
        QTest::newRow("exec of a command that does not exist")
            << QStringList{QStringLiteral("--device"), QStringLiteral("exec:/nonexistent/coppscope-agent --stdio"), QStringLiteral("--clsid"),
                           kClsid, QStringLiteral("--expect-merit"), QStringLiteral("1"), QStringLiteral("--json")};
        QTest::newRow("replay") << QStringList{QStringLiteral("--device"), QStringLiteral("replay:/nonexistent.json"),
                                               QStringLiteral("--clsid"), kClsid, QStringLiteral("--expect-merit"), QStringLiteral("1")};
    }

    void meritUsageErrors()
    {
        QFETCH(QStringList, args);
        const Run r = cli(merit(args));
        QVERIFY2(r.exitCode == 2, r.why().constData());
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!r.out.contains("\"verified\": true") && !r.out.contains("\"verified\":true"));
    }

    // ---- session --interface opm ---------------------------------------------------------------------------

    void opmSessionWithProtectExitsZero()
    {
        const Run r = cli(opmSession({QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"), QStringLiteral("1")}));
        QVERIFY2(r.exitCode == 0, r.why().constData());
        const QList<QJsonObject> events = r.events();
        QStringList names;
        for (const QJsonObject& e : events)
            names.append(e.value(QStringLiteral("event")).toString());
        for (const char* expected : {"key_exchange", "chain", "session_started", "command", "status", "end"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        QCOMPARE(names.count(QStringLiteral("end")), 1);
        QCOMPARE(names.last(), QStringLiteral("end"));
        QVERIFY(r.alerts().isEmpty());
        const QJsonObject key = firstEvent(events, QStringLiteral("key_exchange"));
        QCOMPARE(key.value(QStringLiteral("interface")).toString(), QStringLiteral("opm"));
        QCOMPARE(key.value(QStringLiteral("semantics")).toString(), QStringLiteral("opm"));
        const QJsonObject chain = firstEvent(events, QStringLiteral("chain"));
        QCOMPARE(chain.value(QStringLiteral("format")).toString(), QStringLiteral("x509"));
        QVERIFY(chain.value(QStringLiteral("valid")).toBool());
        QVERIFY(chain.value(QStringLiteral("test_root")).toBool());
        const QJsonObject command = firstEvent(events, QStringLiteral("command"));
        QCOMPARE(command.value(QStringLiteral("type")).toString(), QStringLiteral("hdcp"));
        QVERIFY(command.value(QStringLiteral("ok")).toBool());
        int lastGlobal = -1;
        for (const QJsonObject& e : events)
            if (e.value(QStringLiteral("event")).toString() == u"status"
                && e.value(QStringLiteral("request")).toString() == u"global-level")
                lastGlobal = e.value(QStringLiteral("value")).toInt();
        QCOMPARE(lastGlobal, 1);
    }

    void opmSessionInCoppSemantics()
    {
        const Run r = cli(opmSession({QStringLiteral("--semantics"), QStringLiteral("copp"), QStringLiteral("--protect"),
                                      QStringLiteral("hdcp=1"), QStringLiteral("--duration"), QStringLiteral("0.5")}));
        QVERIFY2(r.exitCode == 0, r.why().constData());
        QCOMPARE(firstEvent(r.events(), QStringLiteral("chain")).value(QStringLiteral("format")).toString(), QStringLiteral("copp-xml"));
        QCOMPARE(firstEvent(r.events(), QStringLiteral("key_exchange")).value(QStringLiteral("semantics")).toString(),
                 QStringLiteral("copp"));
    }

    void opmSessionTamperingExitsOne()
    {
        const Run r = cli(opmSession({QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                      QStringLiteral("1"), QStringLiteral("--fault"), QStringLiteral("tampering@2")}));
        QVERIFY2(r.exitCode == 1, r.why().constData());
        QVERIFY2(r.alerts().contains(QStringLiteral("tampering")), r.out.constData());
        QCOMPARE(r.alerts().count(QStringLiteral("tampering")), 1);
        QCOMPARE(r.events().last().value(QStringLiteral("event")).toString(), QStringLiteral("end"));
    }

    // ---- calc opm-init -------------------------------------------------------------------------------------

    void calcOpmInitDecryptsToTheSecrets()
    {
        const QString out = m_dir.filePath(QStringLiteral("x509"));
        const Run written = cli({QStringLiteral("testpki"), QStringLiteral("--x509"), QStringLiteral("--out"), out, QStringLiteral("--keys"), m_keys});
        QVERIFY2(written.exitCode == 0, written.why().constData());
        const QByteArray p8 = readFile(QDir(out).filePath(QStringLiteral("opm-leaf.p8")));
        QVERIFY(!p8.isEmpty());
        auto leaf = crypto::RsaPrivateKey::fromPkcs8(ByteView(reinterpret_cast<const std::uint8_t*>(p8.constData()), std::size_t(p8.size())));
        QVERIFY(leaf.ok());

        const QByteArray random = "000102030405060708090a0b0c0d0e0f";
        const QByteArray key = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
        QByteArray expected = QByteArray::fromHex(random + key);
        expected += QByteArray::fromHex("0a000000");                 // status 10 ("010" is decimal, not octal), little-endian
        expected += QByteArray::fromHex("00010000");                 // command 0x100, little-endian
        QStringList outputs;
        for (const char* bundle : {"opm-chain.p7b", "opm-chain.pem", "opm-chain.p7b"}) {
            const Run r = cli({QStringLiteral("calc"), QStringLiteral("opm-init"), QStringLiteral("--certificate"),
                               QDir(out).filePath(QLatin1String(bundle)), QStringLiteral("--driver-random"), QString::fromLatin1(random),
                               QStringLiteral("--session-key"), QString::fromLatin1(key), QStringLiteral("--status-seq"),
                               QStringLiteral("010"), QStringLiteral("--command-seq"), QStringLiteral("0x100")});
            QVERIFY2(r.exitCode == 0, r.why().constData());
            const QByteArray hex = r.out.trimmed();
            QCOMPARE(hex.size(), 512);
            QVERIFY(tests::parseHex(QString::fromLatin1(hex)).has_value());
            QCOMPARE(hex, hex.toLower());
            const QByteArray cipher = QByteArray::fromHex(hex);
            const auto plain = leaf->decryptOaepSha512(ByteView(reinterpret_cast<const std::uint8_t*>(cipher.constData()), 256));
            QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().detail.c_str());
            // §7.4: S = R_drv | K | statusSeq(le32) | cmdSeq(le32), natural order, exactly 40 bytes.
            QCOMPARE(QByteArray(reinterpret_cast<const char*>(plain->data()), qsizetype(plain->size())).toHex(), expected.toHex());
            outputs.append(QString::fromLatin1(hex));
        }
        QVERIFY(outputs.at(0) != outputs.at(2)); // OAEP is randomised
    }

    // A calculator needs the leaf's key, not a trusted path: the leaf alone, a bundle
    // without its root, and any order work; the certificate used is named on stderr.
    void calcOpmInitTakesAnyRealBundle_data()
    {
        QTest::addColumn<QList<int>>("certificates"); // 0 leaf, 1 intermediate, 2 root
        QTest::addColumn<QString>("form");
        QTest::newRow("leaf alone, DER") << QList<int>{0} << QStringLiteral("der");
        QTest::newRow("leaf alone, PEM") << QList<int>{0} << QStringLiteral("pem");
        QTest::newRow("leaf alone, PKCS #7") << QList<int>{0} << QStringLiteral("p7b");
        QTest::newRow("no root, PKCS #7") << QList<int>{0, 1} << QStringLiteral("p7b");
        QTest::newRow("no root, root first order, DER") << QList<int>{1, 0} << QStringLiteral("der");
        QTest::newRow("root and leaf, no intermediate") << QList<int>{2, 0} << QStringLiteral("pem");
        QTest::newRow("whole chain, reversed, DER") << QList<int>{2, 1, 0} << QStringLiteral("der");
    }

    void calcOpmInitTakesAnyRealBundle()
    {
        QFETCH(QList<int>, certificates);
        QFETCH(QString, form);
        const testpki::X509Material& chain = tests::x509Material();
        QByteArray file;
        QList<QByteArray> picked;
        for (const int i : certificates)
            picked.append(chain.certificates.at(i));
        if (form == u"p7b")
            file = testpki::makePkcs7Bundle(picked).value();
        for (const QByteArray& der : picked)
            file += form == u"pem" ? cert::toPem(der, "CERTIFICATE") : form == u"der" ? der : QByteArray();
        const QString path = m_dir.filePath(QStringLiteral("any-bundle.") + form);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(file) == file.size());
        out.close();

        const Run r = cli({QStringLiteral("calc"), QStringLiteral("opm-init"), QStringLiteral("--certificate"), path,
                           QStringLiteral("--driver-random"), QStringLiteral("000102030405060708090a0b0c0d0e0f"),
                           QStringLiteral("--session-key"), QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f"),
                           QStringLiteral("--status-seq"), QStringLiteral("1"), QStringLiteral("--command-seq"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.why().constData());
        QVERIFY2(r.err.contains("the key of CN=CoppScope TEST OPM leaf"), r.err.constData());
        if (form != u"p7b") // a PKCS #7 bundle sorts its certificates (DER SET OF)
            QVERIFY2(r.err.contains(QStringLiteral("(bundle position %1)").arg(certificates.indexOf(0)).toUtf8()), r.err.constData());
        const QByteArray cipher = QByteArray::fromHex(r.out.trimmed());
        QCOMPARE(cipher.size(), 256);
        const auto plain = tests::x509TestPki().keys().leaf.decryptOaepSha512(
            ByteView(reinterpret_cast<const std::uint8_t*>(cipher.constData()), 256));
        QVERIFY2(plain.ok(), plain.ok() ? "" : plain.error().detail.c_str());
        QCOMPARE(plain->size(), std::size_t(40));
    }

    // Two certificates that issue no other and neither is a root: which is the leaf
    // is not clear, and the calculator says so instead of guessing.
    void calcOpmInitRefusesTwoLeaves()
    {
        const testpki::X509Material& chain = tests::x509Material();
        const testpki::X509Material& other = tests::x509Material(testpki::X509Break{validation::Rule::X509Signature, 0});
        const QString path = m_dir.filePath(QStringLiteral("two-leaves.pem"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(cert::toPem(chain.certificates.at(0), "CERTIFICATE") + cert::toPem(other.certificates.at(0), "CERTIFICATE"));
        out.close();
        const Run r = cli({QStringLiteral("calc"), QStringLiteral("opm-init"), QStringLiteral("--certificate"), path,
                           QStringLiteral("--driver-random"), QStringLiteral("000102030405060708090a0b0c0d0e0f"),
                           QStringLiteral("--session-key"), QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f"),
                           QStringLiteral("--status-seq"), QStringLiteral("1"), QStringLiteral("--command-seq"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("2 certificates issue no other"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void calcOpmInitUsageErrors_data()
    {
        QTest::addColumn<int>("drop"); // the option left out (-1: none, but a bad value)
        QTest::addColumn<QString>("badRandom");
        QTest::newRow("no --certificate") << 0 << QString();
        QTest::newRow("no --driver-random") << 1 << QString();
        QTest::newRow("no --session-key") << 2 << QString();
        QTest::newRow("no --status-seq") << 3 << QString();
        QTest::newRow("no --command-seq") << 4 << QString();
        QTest::newRow("15-byte random") << -1 << QStringLiteral("000102030405060708090a0b0c0d0e");
    }

    void calcOpmInitUsageErrors()
    {
        QFETCH(int, drop);
        QFETCH(QString, badRandom);
        const QString bundle = m_dir.filePath(QStringLiteral("x509/opm-chain.p7b"));
        if (!QFile::exists(bundle)) {
            const Run written = cli({QStringLiteral("testpki"), QStringLiteral("--x509"), QStringLiteral("--out"),
                                     m_dir.filePath(QStringLiteral("x509")), QStringLiteral("--keys"), m_keys});
            QVERIFY2(written.exitCode == 0, written.why().constData());
        }
        const QList<QStringList> options{
            {QStringLiteral("--certificate"), bundle},
            {QStringLiteral("--driver-random"), badRandom.isEmpty() ? QStringLiteral("000102030405060708090a0b0c0d0e0f") : badRandom},
            {QStringLiteral("--session-key"), QStringLiteral("f0e1d2c3b4a5968778695a4b3c2d1e0f")},
            {QStringLiteral("--status-seq"), QStringLiteral("1")},
            {QStringLiteral("--command-seq"), QStringLiteral("2")}};
        QStringList args{QStringLiteral("calc"), QStringLiteral("opm-init")};
        for (int i = 0; i < options.size(); ++i)
            if (i != drop)
                args += options.at(i);
        const Run r = cli(args);
        QVERIFY2(r.exitCode == 2, r.why().constData());
        QVERIFY(r.out.trimmed().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMeritCli)
#include "tst_meritcli.moc"
