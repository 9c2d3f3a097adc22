// SPDX-License-Identifier: BSD-3-Clause
// coppscope-agent.exe (the windows-agent preset's mingw-w64 build) run under
// Wine. There is no COPP or OPM hardware under Wine, so this checks what must
// hold anywhere: the agent starts, answers device.describe in the contract's
// shape, and fails copp.keyExchange / opm.startInitialization with a clean
// HRESULT (a non-zero unsigned 32-bit integer) instead of crashing; --list,
// --capture-chains, --version and usage errors behave; and the project's own
// client (AgentDevice, as the GUI's exec:COMMAND device) can drive it.
//
// Skipped (exit code 77, ctest SKIP_RETURN_CODE) with the reason when the .exe
// has not been built (scripts/build-windows-agent.sh) or Wine is not installed.
// WINEPREFIX is under the build folder; the first run creates it (wineboot).
#include <core/device/agent/agentclient.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;

namespace {

struct Run {
    int exitCode = -1; // -1: did not finish or crashed
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> list;
        for (const QByteArray& line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list.append(QJsonDocument::fromJson(line).object());
        return list;
    }
};

QString shellQuote(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

bool isU32(const QJsonValue& v)
{
    if (!v.isDouble())
        return false;
    const qint64 n = v.toInteger(-1);
    return n >= 0 && n <= 0xFFFFFFFFll;
}

std::uint32_t hresultOf(const QJsonObject& response)
{
    return static_cast<std::uint32_t>(response.value(QLatin1String("hresult")).toInteger(-1));
}

bool g_skipped = false;

} // namespace

class TestAgentWine : public QObject {
    Q_OBJECT

    QString m_exe = QStringLiteral(COPP_WINDOWS_AGENT_EXE);
    QString m_wine;
    QString m_prefix = QStringLiteral(COPP_WINE_PREFIX);

    QString findWine() const
    {
        const QString chosen = qEnvironmentVariable("COPP_WINE"); // a name or a path; "none" to skip
        if (!chosen.isEmpty()) {
            const QString found = QStandardPaths::findExecutable(chosen);
            return !found.isEmpty() ? found : QFileInfo(chosen).isExecutable() ? QFileInfo(chosen).absoluteFilePath() : QString();
        }
        for (const char* name : {"wine", "wine64"}) {
            const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
            if (!path.isEmpty())
                return path;
        }
        const QString debian = QStringLiteral("/usr/lib/wine/wine64"); // Debian's wine64 without the wine wrapper
        return QFileInfo(debian).isExecutable() ? debian : QString();
    }

    Run wine(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000)
    {
        QProcess p;
        p.setProgram(m_wine);
        p.setArguments(args);
        p.start();
        Run r;
        if (!p.waitForStarted(30000))
            return r;
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = p.readAllStandardError();
            return r;
        }
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return r;
    }

    Run agent(const QStringList& args, const QByteArray& input = {}) { return wine(QStringList{m_exe} + args, input); }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_exe)) {
            g_skipped = true;
            QSKIP(qPrintable(QStringLiteral("%1 is not built: run scripts/build-windows-agent.sh (needs "
                                            "g++-mingw-w64-x86-64)")
                                 .arg(m_exe)));
        }
        m_wine = findWine();
        if (m_wine.isEmpty()) {
            g_skipped = true;
            QSKIP("Wine is not installed (Debian: apt-get install wine64; or set COPP_WINE): the agent was "
                  "cross-compiled but not run");
        }
        // One prefix for this build folder; no Mono/Gecko installers, no X
        // dialogs, no debug chatter. Children (AgentDevice's shell) inherit this.
        qputenv("WINEPREFIX", QFile::encodeName(m_prefix));
        qputenv("WINEDEBUG", "-all");
        qputenv("WINEDLLOVERRIDES", "mscoree,mshtml=");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        if (!QFileInfo::exists(m_prefix + QStringLiteral("/system.reg"))) {
            QVERIFY(QDir().mkpath(m_prefix));
            const Run boot = wine({QStringLiteral("wineboot"), QStringLiteral("--init")}, {}, 300000);
            QVERIFY2(boot.exitCode == 0, boot.err.constData());
        }
        qInfo("wine: %s, prefix: %s", qPrintable(m_wine), qPrintable(m_prefix));
    }

    void versionAndUsage()
    {
        const Run version = agent({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("coppscope-agent " COPP_PROJECT_VERSION "\n"));
        const Run help = agent({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--capture-chains"));
        const Run bad = agent({QStringLiteral("--output"), QStringLiteral("x")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--output"), bad.err.constData());
        QVERIFY(bad.out.isEmpty());
    }

    void listIsJson()
    {
        const Run r = agent({QStringLiteral("--list")});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, r.out.constData());
        const QJsonArray monitors = doc.object().value(QLatin1String("monitors")).toArray();
        qInfo("--list under wine: %s", r.out.trimmed().constData());
        for (const QJsonValue& m : monitors) {
            const QJsonObject o = m.toObject();
            QVERIFY(o.value(QLatin1String("device")).isString());
            QVERIFY(o.value(QLatin1String("targets")).isArray());
            QVERIFY(isU32(o.value(QLatin1String("targetsHresult"))));
            for (const char* semantics : {"copp", "opm"})
                QVERIFY(isU32(o.value(QLatin1String("opm")).toObject().value(QLatin1String(semantics)).toObject().value(
                    QLatin1String("hresult"))));
        }
    }

    void servesTheCoppInterface()
    {
        const QByteArray input = "{\"id\":1,\"method\":\"device.describe\"}\n"
                                 "{\"id\":2,\"method\":\"copp.keyExchange\"}\n"
                                 "{\"id\":3,\"method\":\"copp.nonsense\"}\n"
                                 "not json\n"
                                 "{\"id\":5,\"method\":\"copp.sessionSequenceStart\",\"params\":{\"signature\":\"00\"}}\n"
                                 "{\"id\":6,\"method\":\"copp.protectionStatus\",\"params\":{\"input\":\""
            + QByteArray(8192, '0') + "\"}}\n";
        const Run r = agent({}, input);
        QVERIFY2(r.exitCode == 0, r.err.constData()); // EOF ends the device
        const QList<QJsonObject> lines = r.lines();
        QCOMPARE(lines.size(), 6);
        for (const QJsonObject& line : lines) {
            QVERIFY(isU32(line.value(QLatin1String("hresult"))));
            QVERIFY(line.value(QLatin1String("result")).isObject());
        }
        const QJsonObject describe = lines[0].value(QLatin1String("result")).toObject();
        QCOMPARE(hresultOf(lines[0]), 0u);
        QVERIFY(!describe.value(QLatin1String("name")).toString().isEmpty());
        QCOMPARE(describe.value(QLatin1String("interface")).toString(), QStringLiteral("copp"));
        QCOMPARE(describe.value(QLatin1String("semantics")).toString(), QStringLiteral("copp"));
        QCOMPARE(describe.value(QLatin1String("role")).toString(), QStringLiteral("output"));
        // No COPP hardware under Wine: a clean, non-zero HRESULT and "result": {}.
        QCOMPARE(lines[1].value(QLatin1String("id")).toInt(), 2);
        QVERIFY(hresultOf(lines[1]) != 0);
        QVERIFY(lines[1].value(QLatin1String("result")).toObject().isEmpty());
        qInfo("copp.keyExchange under wine: 0x%08X (%s)", hresultOf(lines[1]),
              qPrintable(describe.value(QLatin1String("name")).toString()));
        QCOMPARE(hresultOf(lines[2]), 0x80004001u); // E_NOTIMPL
        QCOMPARE(lines[3].value(QLatin1String("id")).toInt(), 0);
        QCOMPARE(hresultOf(lines[3]), 0x80070057u);
        QCOMPARE(hresultOf(lines[4]), 0x80070057u);
        QCOMPARE(lines[5].value(QLatin1String("id")).toInt(), 6);
        QVERIFY(hresultOf(lines[5]) != 0);
        QVERIFY(r.err.contains("coppscope-agent: serving"));
    }

    void servesTheOpmInterface()
    {
        const QByteArray input = "{\"id\":1,\"method\":\"device.describe\"}\n"
                                 "{\"id\":2,\"method\":\"opm.startInitialization\"}\n";
        for (const QString& semantics : {QStringLiteral("opm"), QStringLiteral("copp")}) {
            const Run r = agent({QStringLiteral("--interface"), QStringLiteral("opm"), QStringLiteral("--semantics"), semantics},
                                input);
            QCOMPARE(r.exitCode, 0);
            const QList<QJsonObject> lines = r.lines();
            QCOMPARE(lines.size(), 2);
            const QJsonObject describe = lines[0].value(QLatin1String("result")).toObject();
            QCOMPARE(describe.value(QLatin1String("interface")).toString(), QStringLiteral("opm"));
            QCOMPARE(describe.value(QLatin1String("semantics")).toString(), semantics);
            QVERIFY(isU32(lines[1].value(QLatin1String("hresult"))));
            QVERIFY(hresultOf(lines[1]) != 0);
            qInfo("opm.startInitialization (%s semantics) under wine: 0x%08X", qPrintable(semantics), hresultOf(lines[1]));
        }
    }

    void captureChainsWritesAnIndex()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Wine maps the Unix root as drive Z:.
        const QString windowsPath = QStringLiteral("Z:") + QString(dir.path()).replace(u'/', u'\\') + QStringLiteral("\\chains");
        const Run r = agent({QStringLiteral("--capture-chains"), windowsPath});
        QFile index(dir.filePath(QStringLiteral("chains/index.json")));
        QVERIFY2(index.open(QIODevice::ReadOnly), r.err.constData());
        const QJsonArray outputs = QJsonDocument::fromJson(index.readAll()).object().value(QLatin1String("outputs")).toArray();
        QVERIFY(!outputs.isEmpty()); // at least each monitor's DirectShow device was tried
        int saved = 0;
        for (const QJsonValue& v : outputs) {
            const QJsonObject o = v.toObject();
            QVERIFY(isU32(o.value(QLatin1String("hresult"))));
            if (!o.value(QLatin1String("file")).toString().isEmpty())
                ++saved;
        }
        QCOMPARE(r.exitCode, saved > 0 ? 0 : 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("outputs")).toArray(), outputs);
    }

    // What the GUI and the CLI do with --device exec:"coppscope-agent.exe".
    void agentDeviceDrivesIt()
    {
        auto started = device::AgentDevice::start(shellQuote(m_wine) + u' ' + shellQuote(m_exe), 120000,
                                                  device::AgentDevice::Stderr::Discard);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().detail.c_str());
        device::AgentDevice& agent = **started;
        const auto described = agent.describeChecked();
        QVERIFY2(described.ok(), described.ok() ? "" : described.error().detail.c_str());
        QCOMPARE(QString::fromStdString(described->interface), QStringLiteral("copp"));
        const auto kx = agent.keyExchange();
        QVERIFY(!kx.ok());
        QCOMPARE(kx.error().code, Error::Code::Device);
        QVERIFY(kx.error().hresult != 0);
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TestAgentWine test;
    const int status = QTest::qExec(&test, argc, argv);
    return status == 0 && g_skipped ? 77 : status; // 77: ctest SKIP_RETURN_CODE
}

#include "tst_agentwine.moc"
