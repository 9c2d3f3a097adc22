// SPDX-License-Identifier: BSD-3-Clause
// The agent server coppscope-agent.exe runs (core/device/agent) behind a real
// pipe, driven by the project's own client: AgentDevice (what the GUI uses for
// exec:COMMAND) and `coppscope-cli session --device exec:...` run a whole COPP
// session against agent_emulator, which serves the driver emulator through
// exactly the codec, dispatcher and loop the Windows agent runs.
#include <support/testsupport.h>

#include <core/device/agent/agentclient.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;
using namespace copp::device;

namespace {

QString shellQuote(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

class TestHwAgentPipe : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keys;
    QString m_root;

    QString command() const
    {
        return shellQuote(QStringLiteral(COPP_HW_AGENT_EMULATOR)) + u' ' + shellQuote(m_keys);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        QVERIFY(tests::testPki().keys().save(m_keys).ok());
        m_root = m_dir.filePath(QStringLiteral("root.xml"));
        QFile root(m_root);
        QVERIFY(root.open(QIODevice::WriteOnly));
        root.write(tests::testPki().rootKeyXml());
    }

    void agentDeviceDrivesTheCore()
    {
        auto started = AgentDevice::start(command(), 10000, AgentDevice::Stderr::Discard);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().detail.c_str());
        AgentDevice& device = **started;
        const auto described = device.describeChecked();
        QVERIFY2(described.ok(), described.ok() ? "" : described.error().detail.c_str());
        QVERIFY(QString::fromStdString(described->name).startsWith(QLatin1String("CoppScope driver emulator")));
        QCOMPARE(QString::fromStdString(described->interface), QStringLiteral("copp"));

        const auto kx = device.keyExchange();
        QVERIFY2(kx.ok(), kx.ok() ? "" : kx.error().detail.c_str());
        const QByteArray xml(reinterpret_cast<const char*>(kx->certificateChain.data()),
                             static_cast<qsizetype>(kx->certificateChain.size()));
        QCOMPARE(tests::firstFailureText(tests::validateWithTestRoot(xml)), QStringLiteral("valid"));

        // A bad parameter and an unknown method: clean HRESULTs, the pipe goes on.
        QJsonObject shortSignature;
        shortSignature.insert(QLatin1String("signature"), QStringLiteral("00"));
        QCOMPARE(device.call(QLatin1String("copp.sessionSequenceStart"), shortSignature).error().hresult, 0x80070057u);
        QCOMPARE(device.call(QLatin1String("opm.getInformation")).error().hresult, 0x80004001u);
        // Out of order (no session yet): the emulator's E_UNEXPECTED, passed through.
        QCOMPARE(device.protectionStatus(protocol::Block4096{}).error().hresult, 0x8000FFFFu);
    }

    void cliSessionThroughTheCore()
    {
        const tests::CliRun r = tests::runCli(
            {QStringLiteral("session"), QStringLiteral("--keys"), m_keys, QStringLiteral("--json"), QStringLiteral("--poll-ms"),
             QStringLiteral("100"), QStringLiteral("--device"), QStringLiteral("exec:") + command(),
             QStringLiteral("--trust-root"), m_root, QStringLiteral("--protect"), QStringLiteral("hdcp=1"),
             QStringLiteral("--duration"), QStringLiteral("0.5")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList events, alerts;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.trimmed().isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            events << e.value(QLatin1String("event")).toString();
            if (events.last() == u"alert")
                alerts << e.value(QLatin1String("kind")).toString();
        }
        QVERIFY2(alerts.isEmpty(), qPrintable(alerts.join(u',')));
        QCOMPARE(events.last(), QStringLiteral("end"));
    }
};

QTEST_GUILESS_MAIN(TestHwAgentPipe)
#include "tst_hwagentpipe.moc"
