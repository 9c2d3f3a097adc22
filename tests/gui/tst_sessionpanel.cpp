// SPDX-License-Identifier: BSD-3-Clause
// The session panel, offscreen, against the built-in emulator: scenario
// hdcp-link-loss with HDCP set at the start, the alerts in order, the chart's
// history, protected -> not protected -> protected again when the tester sets
// HDCP, the banner; evidence export (transcript with its SHA-256 in the report,
// alerts CSV, chart PNG/SVG) and the exported transcript shown again; Stop
// during a stalled device call. The panel's models run under
// QAbstractItemModelTester the whole time.
#include <support/findnamed.h>
#include <support/testsupport.h>

#include <core/kernel/protocol/constants.h>
#include <core/models/alertmodel.h>
#include <core/models/protectionhistory.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/sessioncontroller.h>
#include <core/validation/chainvalidator.h>
#include <widgets/elidedlabel.h>
#include <widgets/sessionpanel.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QThread>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableView>
#include <QtTest>

#include <memory>
#include <optional>

using namespace copp;
using copp::tests::findNamed;
using models::AlertModel;
using models::SessionLogModel;
using Verdict = session::ProtectionState::Verdict;

namespace {

constexpr int kLongWaitMs = 20000;

// The log as rows of "event | summary", the alerts as "t_ms | kind | detail".
QStringList logRows(const SessionLogModel& model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, SessionLogModel::EventColumn).data().toString() + QStringLiteral(" | ")
                + model.index(row, SessionLogModel::SummaryColumn).data().toString();
    return rows;
}

QStringList alertRows(const AlertModel& model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << QString::number(model.index(row, 0).data(AlertModel::TimeMsRole).toLongLong()) + QStringLiteral(" | ")
                + model.index(row, 0).data(AlertModel::KindRole).toString() + QStringLiteral(" | ")
                + model.index(row, AlertModel::DetailColumn).data().toString();
    return rows;
}

QStringList alertKinds(const AlertModel& model)
{
    QStringList kinds;
    for (int row = 0; row < model.rowCount(); ++row)
        kinds << model.index(row, 0).data(AlertModel::KindRole).toString();
    return kinds;
}

int countEvents(const SessionLogModel& model, const QString& name)
{
    int n = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        n += model.index(row, 0).data(SessionLogModel::EventNameRole).toString() == name;
    return n;
}

// Watches the panel's models for the whole life of a panel.
struct Testers {
    QAbstractItemModelTester log;
    QAbstractItemModelTester alerts;
    std::unique_ptr<QAbstractItemModelTester> proxy;
    explicit Testers(ui::SessionPanel& panel)
        : log(panel.logModel(), QAbstractItemModelTester::FailureReportingMode::QtTest),
          alerts(panel.alertModel(), QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        if (auto* p = panel.findChild<QSortFilterProxyModel*>())
            proxy = std::make_unique<QAbstractItemModelTester>(p, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
};

} // namespace

class TestSessionPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_cache; // the emulator's keys live in the user's cache folder: point it here
    QTemporaryDir m_out;

    static bool setPollMs(ui::SessionPanel& panel, int ms)
    {
        auto* poll = findNamed<QSpinBox>(panel, QStringLiteral("Poll interval in milliseconds"));
        if (!poll)
            return false;
        poll->setValue(ms);
        return panel.config().pollMs == ms;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        QVERIFY(m_out.isValid());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation), m_cache.path());
        const QString keys = m_cache.filePath(QStringLiteral("coppscope/emulator-test-keys"));
        QVERIFY(QDir().mkpath(keys));
        QVERIFY(tests::testPki().keys().save(keys).ok()); // no key generation per session
    }

    void linkLossThenHdcpAgainExportAndReopen()
    {
        ui::SessionPanel panel;
        panel.resize(1200, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Testers testers(panel);
        QVERIFY(testers.proxy);

        QString error;
        QVERIFY2(panel.applyDeviceChoice(QStringLiteral("emulator"), QStringLiteral("hdcp-link-loss"), {}, &error), qPrintable(error));
        panel.setInitialProtections({{protocol::protection::Hdcp, 1}});
        QVERIFY(setPollMs(panel, 100));
        const session::SessionConfig config = panel.config();
        QCOMPARE(config.device.kind, session::DeviceSpec::Kind::Emulator);
        QCOMPARE(config.device.emulator.scenario, QStringLiteral("hdcp-link-loss"));
        QCOMPARE(config.protections.size(), std::size_t(1)); // not twice
        QCOMPARE(config.protections.front().type, protocol::protection::Hdcp);
        QCOMPARE(config.protections.front().level, 1u);
        auto* hdcpAtStart = findNamed<QCheckBox>(panel, QStringLiteral("Set HDCP on at the start"));
        QVERIFY(hdcpAtStart);
        QVERIFY(hdcpAtStart->isChecked()); // --protect hdcp=1 shows in the box, not in hidden state

        // What the tester sees, after the panel has taken each event in.
        QList<Verdict> verdicts;
        connect(panel.controller(), &session::SessionController::eventReceived, this,
                [&](const copp::session::SessionEvent&) { verdicts << panel.protectionState().verdict(); });
        QStringList bannerAtAlert; // the banner right after each new alert (connected after the panel's own slot)
        connect(panel.alertModel(), &models::AlertModel::acknowledgementChanged, this, [&] {
            if (panel.alertModel()->rowCount() > bannerAtAlert.size())
                bannerAtAlert << panel.bannerText();
        });
        QSignalSpy running(&panel, &ui::SessionPanel::runningChanged);
        auto* inspect = findNamed<QPushButton>(panel, QStringLiteral("Open the device's certificate chain in the inspector"));
        QVERIFY(inspect);
        QVERIFY(!inspect->isEnabled()); // no chain yet

        QVERIFY(panel.startSession());
        QVERIFY(panel.isRunning());
        QCOMPARE(running.size(), 1);
        QCOMPARE(running.at(0).at(0).toBool(), true);
        QVERIFY(!panel.startSession()); // already running

        // Protected first (HDCP engages in 150 ms), then the link is lost at 3 s.
        QTRY_COMPARE_WITH_TIMEOUT(panel.protectionState().verdict(), Verdict::Protected, kLongWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(alertKinds(*panel.alertModel()).contains(QStringLiteral("level_drop")), kLongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel.protectionState().verdict(), Verdict::NotProtected, kLongWaitMs);
        const QStringList kinds = alertKinds(*panel.alertModel());
        QCOMPARE(kinds.constFirst(), QStringLiteral("link_lost"));
        QVERIFY(kinds.indexOf(QStringLiteral("level_drop")) > 0);
        for (const QString& kind : kinds) // nothing else went wrong
            QVERIFY2(kind == u"link_lost" || kind == u"level_drop", qPrintable(kinds.join(u',')));
        const qsizetype firstProtected = verdicts.indexOf(Verdict::Protected);
        const qsizetype firstNotProtected = verdicts.indexOf(Verdict::NotProtected, firstProtected);
        QVERIFY(firstProtected >= 0 && firstNotProtected > firstProtected);
        // The state line and the banner say it in words.
        auto* stateLine = findNamed<ui::ElidedLabel>(panel, QStringLiteral("Protection state"));
        QVERIFY(stateLine);
        QVERIFY2(stateLine->fullText().contains(QStringLiteral("HDMI output: NOT PROTECTED")), qPrintable(stateLine->fullText()));
        QVERIFY2(panel.bannerText().contains(AlertModel::kindText(QStringLiteral("level_drop"))), qPrintable(panel.bannerText()));
        QCOMPARE(bannerAtAlert.size(), kinds.size());
        QVERIFY2(bannerAtAlert.constFirst().contains(AlertModel::kindText(QStringLiteral("link_lost"))), qPrintable(bannerAtAlert.constFirst()));

        // "Inspect the chain" hands over the chain with the policy the session used
        // (the emulator's test root): the Trust root field is empty, and the inspector
        // used to keep its own root (Microsoft's) and reject the chain.
        QVERIFY(inspect->isEnabled());
        std::optional<validation::ValidationPolicy> handed;
        QByteArray handedChain;
        connect(&panel, &ui::SessionPanel::inspectChainRequested, this,
                [&](const QByteArray& chain, const validation::ValidationPolicy& policy) {
                    handedChain = chain;
                    handed = policy;
                });
        inspect->click();
        QVERIFY(handed.has_value());
        QVERIFY(!handed->trustRoot.isMicrosoft);
        QVERIFY2(handed->trustRoot.name.contains(QStringLiteral("emulator")), qPrintable(handed->trustRoot.name));
        QVERIFY(validation::ChainValidator(*handed).validate(handedChain).isValid());

        // The chart's history has the HDCP series and the alerts as markers.
        const models::ProtectionHistory* history = panel.history();
        QVERIFY(history->types().contains(QStringLiteral("hdcp")));
        QVERIFY(history->hasSeries(QStringLiteral("hdcp"), models::SeriesKind::Requested));
        QVERIFY(history->hasSeries(QStringLiteral("hdcp"), models::SeriesKind::Local));
        QVERIFY(history->hasSeries(QStringLiteral("hdcp"), models::SeriesKind::Global));
        QCOMPARE(history->valueAt(QStringLiteral("hdcp"), models::SeriesKind::Requested, history->lastMs()), std::optional<quint32>(1));
        const QList<models::Marker> markers = history->markers(history->firstMs(), history->lastMs());
        QVERIFY(!markers.isEmpty());
        QCOMPARE(markers.constFirst().kind, models::MarkerKind::LinkLost);
        const qint64 lostAt = markers.constFirst().tMs;
        QCOMPARE(history->valueAt(QStringLiteral("hdcp"), models::SeriesKind::Global, lostAt - 1), std::optional<quint32>(1));

        // The tester sets HDCP again (the panel's button): protected again.
        auto* hdcpOn = findNamed<QPushButton>(panel, QStringLiteral("HDCP on"));
        QVERIFY(hdcpOn);
        QVERIFY(hdcpOn->isEnabled());
        const int commandsBefore = countEvents(*panel.logModel(), QStringLiteral("command"));
        hdcpOn->click();
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(*panel.logModel(), QStringLiteral("command")), commandsBefore + 1, kLongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(panel.protectionState().verdict(), Verdict::Protected, kLongWaitMs);
        QVERIFY2(stateLine->fullText().contains(QStringLiteral("HDMI output: PROTECTED — HDCP on")), qPrintable(stateLine->fullText()));

        panel.stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
        QCOMPARE(running.size(), 2);
        QCOMPARE(running.at(1).at(0).toBool(), false);
        QCOMPARE(countEvents(*panel.logModel(), QStringLiteral("end")), 1);
        QCOMPARE(panel.logModel()->index(panel.logModel()->rowCount() - 1, 0).data(SessionLogModel::EventNameRole).toString(),
                 QStringLiteral("end"));
        QVERIFY(!hdcpOn->isEnabled());
        // A later session sets what the panel shows: nothing once the box is unticked.
        hdcpAtStart->setChecked(false);
        QVERIFY(panel.config().protections.empty());
        hdcpAtStart->setChecked(true);
        // Ended, the line keeps the session's last state, said as such (it read
        // "✖ No session running").
        QVERIFY2(stateLine->fullText().contains(QStringLiteral("Session ended; its last state: HDMI output: PROTECTED — HDCP on")),
                 qPrintable(stateLine->fullText()));

        // Acknowledge the first alert, as its checkbox would.
        QVERIFY(panel.alertModel()->setData(panel.alertModel()->index(0, AlertModel::AcknowledgedColumn), int(Qt::Checked), Qt::CheckStateRole));

        // Evidence.
        const QString dir = m_out.filePath(QStringLiteral("evidence"));
        QVERIFY2(panel.exportEvidence(dir, &error), qPrintable(error));
        for (const char* file : {"transcript.json", "alerts.csv", "chart.png", "chart.svg", "report.html", "summary.json"})
            QVERIFY2(QFileInfo(QDir(dir).filePath(QLatin1String(file))).size() > 0, file);
        auto read = [&](const char* name) {
            QFile f(QDir(dir).filePath(QLatin1String(name)));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray transcriptBytes = read("transcript.json");
        const QByteArray sha = QCryptographicHash::hash(transcriptBytes, QCryptographicHash::Sha256).toHex();
        const QByteArray report = read("report.html");
        QVERIFY2(report.contains(sha), sha.constData());
        QVERIFY(report.contains(AlertModel::kindText(QStringLiteral("link_lost")).toUtf8()));
        QVERIFY(report.contains(AlertModel::kindText(QStringLiteral("level_drop")).toUtf8()));
        // The headline is the whole session's verdict, not the state at export time
        // (the output was protected again when the report was written).
        QVERIFY2(report.contains("protection lost 1×"), report.constData());
        const QJsonObject summary = QJsonDocument::fromJson(read("summary.json")).object();
        QCOMPARE(summary.value(QStringLiteral("verdict")).toString(), QStringLiteral("protection_lost"));
        QCOMPARE(summary.value(QStringLiteral("transcript")).toObject().value(QStringLiteral("sha256")).toString().toLatin1(), sha);
        QVERIFY(report.contains("<img src=\"chart.png\""));
        // Never overwritten: a second export into the same folder is refused and changes nothing.
        QVERIFY(!panel.exportEvidence(dir, &error));
        QVERIFY2(error.contains(QStringLiteral("never overwritten")), qPrintable(error));
        QCOMPARE(read("report.html"), report);
        QVERIFY(!report.contains("<script"));
        // Tab leaves the log and alert tables (it moved from cell to cell: a keyboard trap).
        for (const char* name : {"Session log", "Alerts"}) {
            auto* table = findNamed<QTableView>(panel, QLatin1String(name));
            QVERIFY2(table && !table->tabKeyNavigation(), name);
        }
        QCOMPARE(read("alerts.csv"), panel.alertModel()->toCsv());
        QVERIFY(read("alerts.csv").contains(",link_lost,"));
        // The first alert's row ends with when it was acknowledged (ms on the session's clock).
        const QList<QByteArray> csvRows = read("alerts.csv").split('\n');
        QVERIFY(csvRows.size() > 2);
        QVERIFY2(QRegularExpression(QStringLiteral(",\\d+\\r$")).match(QString::fromUtf8(csvRows.at(1))).hasMatch(), csvRows.at(1).constData());
        QImage png;
        QVERIFY(png.loadFromData(read("chart.png"), "PNG"));
        QVERIFY(png.width() > 0 && png.height() > 0);
        QVERIFY(read("chart.svg").contains("<svg"));
        QJsonParseError parse;
        const QJsonObject transcript = QJsonDocument::fromJson(transcriptBytes, &parse).object();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QCOMPARE(transcript.value(QStringLiteral("format")).toString(), QStringLiteral("coppscope-transcript"));
        QCOMPARE(transcript.value(QStringLiteral("events")).toArray().size(), panel.logModel()->rowCount());
        QVERIFY(!transcript.value(QStringLiteral("calls")).toArray().isEmpty());
        QVERIFY(!transcript.contains(QStringLiteral("replay"))); // no secrets unless revealed

        // The exported transcript shows the same log and alerts as the live session.
        const QStringList liveLog = logRows(*panel.logModel());
        const QStringList liveAlerts = alertRows(*panel.alertModel());
        const Verdict liveVerdict = panel.protectionState().verdict();
        QVERIFY2(panel.openTranscript(QDir(dir).filePath(QStringLiteral("transcript.json")), &error), qPrintable(error));
        QVERIFY(!panel.isRunning());
        QCOMPARE(logRows(*panel.logModel()), liveLog);
        QCOMPARE(alertRows(*panel.alertModel()), liveAlerts);
        QCOMPARE(panel.protectionState().verdict(), liveVerdict);
        QVERIFY(panel.history()->hasSeries(QStringLiteral("hdcp"), models::SeriesKind::Global));
        QVERIFY(panel.bannerText().contains(AlertModel::kindText(QStringLiteral("level_drop"))));
        panel.alertModel()->acknowledgeAll();
        QCOMPARE(panel.bannerText(), QStringLiteral("No unacknowledged alerts."));

        // A file that is not a transcript is refused and changes nothing.
        const QString junk = m_out.filePath(QStringLiteral("junk.json"));
        QFile junkFile(junk);
        QVERIFY(junkFile.open(QIODevice::WriteOnly));
        junkFile.write("{not json");
        junkFile.close();
        error.clear();
        QVERIFY(!panel.openTranscript(junk, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(logRows(*panel.logModel()), liveLog);
    }

    // An agent that cannot be run: the state line says the session did not start
    // and why (it read "? No session running", the cause only in the log).
    void agentThatCannotRunSaysWhyOnTheStateLine()
    {
        ui::SessionPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QString error;
        QVERIFY2(panel.applyDeviceChoice(QStringLiteral("exec:/nonexistent/coppscope-agent-xyz"), {}, {}, &error), qPrintable(error));
        QVERIFY(panel.startSession());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
        auto* stateLine = findNamed<ui::ElidedLabel>(panel, QStringLiteral("Protection state"));
        QVERIFY(stateLine);
        QVERIFY2(stateLine->fullText().startsWith(QStringLiteral("✖ The session did not start: ")), qPrintable(stateLine->fullText()));
        QVERIFY2(stateLine->fullText().contains(QStringLiteral("could not find the command")), qPrintable(stateLine->fullText()));
    }

    void stopDuringAStalledCallIsPrompt()
    {
        ui::SessionPanel panel;
        Testers testers(panel);
        QString error;
        QVERIFY(panel.applyDeviceChoice(QStringLiteral("emulator"), QStringLiteral("steady"), {QStringLiteral("stall=600000@5")}, &error));
        QVERIFY(setPollMs(panel, 100));
        QCOMPARE(panel.config().device.emulator.faults, QStringList{QStringLiteral("stall=600000@5")});
        QSignalSpy stopped(panel.controller(), &session::SessionController::stopped);
        QSignalSpy rows(panel.logModel(), &QAbstractItemModel::rowsInserted);

        QVERIFY(panel.startSession());
        // Status call 5 (the second poll's first) stalls.
        QTRY_COMPARE_WITH_TIMEOUT(countEvents(*panel.logModel(), QStringLiteral("status")), 4, kLongWaitMs);
        rows.clear();
        QVERIFY(!rows.wait(600)); // a live session logs every 100 ms: the worker is inside the stalled call
        QVERIFY(!panel.openTranscript(m_out.filePath(QStringLiteral("x.json")), &error)); // not while running
        QCOMPARE(error, QStringLiteral("stop the session first"));

        // The call stalls for ten minutes: only Stop cancelling it can end the
        // session within the test's patience, so no clock is needed.
        panel.stopSession();
        QVERIFY(stopped.size() == 1 || stopped.wait(kLongWaitMs));
        QVERIFY(!panel.isRunning());
        QCOMPARE(countEvents(*panel.logModel(), QStringLiteral("end")), 1);
        const int total = panel.logModel()->rowCount();
        QCOMPARE(panel.logModel()->index(total - 1, 0).data(SessionLogModel::EventNameRole).toString(), QStringLiteral("end"));
        // Nothing late, not even once the worker's thread is gone (the stop grace ended with the run).
        QVERIFY(QTest::qWaitFor([&] { return panel.controller()->findChildren<QThread*>().isEmpty(); }, kLongWaitMs));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(panel.logModel()->rowCount(), total);

        // A new session right away (the views start over).
        QVERIFY(panel.applyDeviceChoice(QStringLiteral("emulator"), QStringLiteral("steady"), {}, &error));
        QVERIFY(panel.startSession());
        QTRY_VERIFY_WITH_TIMEOUT(panel.protectionState().verdict() == Verdict::Protected, kLongWaitMs);
        QCOMPARE(countEvents(*panel.logModel(), QStringLiteral("end")), 0);
        QCOMPARE(panel.alertModel()->rowCount(), 0);
        panel.stopSession();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, kLongWaitMs);
        QCOMPARE(countEvents(*panel.logModel(), QStringLiteral("end")), 1);
    }
};

QTEST_MAIN(TestSessionPanel)
#include "tst_sessionpanel.moc"
