// SPDX-License-Identifier: BSD-3-Clause
// SessionController (sessioncontroller.h): the session on its own thread,
// against the in-process emulator, a device agent and a transcript replay.
// Events arrive on the GUI thread in the engine's order; tester commands reach
// the device; stop() ends with exactly one `end` and stopped(); Stop during a
// stalled device call is prompt (the emulator's stall is cancelled, an agent
// stuck in a call is abandoned and its late events are dropped) and a new
// session can start at once; devices that cannot be opened give an error, an
// end and stopped(); the controller's transcript holds the calls and events
// (the application's random bytes only when secrets are revealed) and replays.
#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/sessioncontroller.h>
#include <core/session/sessionreplay.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace copp;
using namespace copp::protocol;

namespace {

constexpr int kLongWaitMs = 20000; // generous: a loaded CI machine, a Debug build

QString name(const QJsonObject& e)
{
    return e.value(QStringLiteral("event")).toString();
}

// Everything a controller said, recorded by a test-side slot.
struct Recorder {
    QList<QJsonObject> events;
    int offGuiThread = 0;

    explicit Recorder(session::SessionController& c)
    {
        QObject::connect(&c, &session::SessionController::eventReceived, &c, [this](const copp::session::SessionEvent& typed) {
            QJsonObject e = copp::session::toJson(typed); // the contract's JSON, with the call it came from
            if (!typed.calls.isEmpty()) {
                e.insert(QStringLiteral("call"), typed.calls.last());
                e.insert(QStringLiteral("calls"), typed.calls);
            }
            if (QThread::currentThread() != QCoreApplication::instance()->thread())
                ++offGuiThread;
            events.append(e);
        });
    }
    QStringList names(qsizetype from = 0) const
    {
        QStringList list;
        for (qsizetype i = from; i < events.size(); ++i)
            list << name(events.at(i));
        return list;
    }
    QStringList alertKinds(qsizetype from = 0) const
    {
        QStringList kinds;
        for (qsizetype i = from; i < events.size(); ++i)
            if (name(events.at(i)) == u"alert")
                kinds << events.at(i).value(QStringLiteral("kind")).toString();
        return kinds;
    }
    int count(const QString& event, qsizetype from = 0) const
    {
        return static_cast<int>(names(from).count(event));
    }
    // The index of the first event at or after `from` matching `pred`, -1 when none.
    template <typename Pred>
    qsizetype find(Pred pred, qsizetype from = 0) const
    {
        for (qsizetype i = from; i < events.size(); ++i)
            if (pred(events.at(i)))
                return i;
        return -1;
    }
};

// Every session thread of `controller` has ended and what they said has been
// handled: whatever a worker could still say has been said.
bool settled(session::SessionController& controller)
{
    const bool ended = QTest::qWaitFor([&] { return controller.findChildren<QThread*>().isEmpty(); }, kLongWaitMs);
    QCoreApplication::sendPostedEvents();
    return ended;
}

bool isAlert(const QJsonObject& e, const char* kind)
{
    return name(e) == u"alert" && e.value(QStringLiteral("kind")).toString() == QLatin1String(kind);
}

bool isStatus(const QJsonObject& e, const char* request)
{
    return name(e) == u"status" && e.value(QStringLiteral("request")).toString() == QLatin1String(request);
}

QJsonObject withoutCalls(QJsonObject e)
{
    e.remove(QStringLiteral("call"));
    e.remove(QStringLiteral("calls"));
    return e;
}

} // namespace

class TestSessionController : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_keys;
    QString m_rootFile;

    session::SessionConfig emulator(const QString& scenario = QString(), const QStringList& faults = {})
    {
        session::SessionConfig config;
        config.device.kind = session::DeviceSpec::Kind::Emulator;
        config.device.emulator.faults = faults;
        config.device.emulator.scenario = scenario;
        config.device.emulator.keyDirectory = m_keys;
        config.protections = {{protection::Hdcp, 1}}; // --protect hdcp=1
        config.pollMs = 100;
        return config;
    }

    session::SessionConfig agent(const QString& faults)
    {
        session::SessionConfig config;
        config.device.kind = session::DeviceSpec::Kind::Agent;
        config.device.agentCommand = QStringLiteral("'%1' '%2' %3").arg(QStringLiteral(COPP_AGENT_EMULATOR), m_keys, faults);
        config.device.trustRootPath = m_rootFile; // an agent is checked against Microsoft's key by default
        config.protections = {{protection::Hdcp, 1}};
        config.pollMs = 100;
        return config;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        QVERIFY(tests::testPki().keys().save(m_keys).ok()); // generated once, loaded by every emulator below
        m_rootFile = m_dir.filePath(QStringLiteral("root.xml"));
        QFile root(m_rootFile);
        QVERIFY(root.open(QIODevice::WriteOnly));
        root.write(tests::testPki().rootKeyXml());
    }

    void linkLossSessionEventsArriveInOrderOnTheGuiThread()
    {
        session::SessionController controller;
        Recorder r(controller);
        QSignalSpy started(&controller, &session::SessionController::started);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);

        QVERIFY(controller.start(emulator(QStringLiteral("hdcp-link-loss"))));
        QCOMPARE(started.size(), 1);
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(emulator())); // one session at a time

        // hdcp-link-loss: the link is lost at 3 s (link_lost), then HDCP is off (level_drop).
        QTRY_VERIFY_WITH_TIMEOUT(r.alertKinds().contains(QStringLiteral("level_drop")), kLongWaitMs);
        QCOMPARE(r.offGuiThread, 0);

        const QStringList names = r.names();
        QVERIFY2(names.size() >= 6, qPrintable(names.join(u',')));
        QCOMPARE(names.mid(0, 3), (QStringList{QStringLiteral("key_exchange"), QStringLiteral("chain"), QStringLiteral("session_started")}));
        QVERIFY(r.events.at(1).value(QStringLiteral("valid")).toBool());
        QVERIFY(r.events.at(1).value(QStringLiteral("test_root")).toBool());
        QVERIFY(isStatus(r.events.at(3), "connector-type")); // the baseline connector, right after the start
        QCOMPARE(r.events.at(3).value(QStringLiteral("connector")).toString(), QStringLiteral("HDMI"));
        // The window asks once which protection types the output offers (its tester controls follow them).
        QVERIFY(isStatus(r.events.at(4), "protection-type"));
        QCOMPARE(r.events.at(4).value(QStringLiteral("value")).toInt(), int(protocol::protection::Hdcp));
        const QJsonObject command = r.events.at(5);
        QCOMPARE(name(command), QStringLiteral("command"));
        QCOMPARE(command.value(QStringLiteral("command")).toString(), QStringLiteral("set_protection_level"));
        QCOMPARE(command.value(QStringLiteral("type")).toString(), QStringLiteral("hdcp"));
        QCOMPARE(command.value(QStringLiteral("level")).toInt(), 1);
        QVERIFY(command.value(QStringLiteral("ok")).toBool());
        QVERIFY(names.indexOf(QStringLiteral("status"), 6) == 6); // then polling

        // No alert before the link is lost; link_lost comes first, then level_drop.
        const QStringList alerts = r.alertKinds();
        QCOMPARE(alerts.constFirst(), QStringLiteral("link_lost"));
        const qsizetype lost = r.find([](const QJsonObject& e) { return isAlert(e, "link_lost"); });
        const qsizetype drop = r.find([](const QJsonObject& e) { return isAlert(e, "level_drop"); });
        QVERIFY(lost >= 0 && drop > lost);
        QVERIFY2(r.events.at(lost).value(QStringLiteral("t_ms")).toInteger() >= 2500,
                 qPrintable(QString::number(r.events.at(lost).value(QStringLiteral("t_ms")).toInteger())));
        // Before the loss HDCP was on: an authenticated global level of 1.
        const qsizetype globalOn = r.find([](const QJsonObject& e) {
            return isStatus(e, "global-level") && e.value(QStringLiteral("value")).toInt() == 1
                && e.value(QStringLiteral("checks")).toObject().value(QStringLiteral("mac")).toBool();
        });
        QVERIFY(globalOn > 0 && globalOn < lost);
        // Times never go backwards; status events carry their device call (raw bytes for the detail pane).
        for (qsizetype i = 1; i < r.events.size(); ++i)
            QVERIFY(r.events.at(i).value(QStringLiteral("t_ms")).toInteger() >= r.events.at(i - 1).value(QStringLiteral("t_ms")).toInteger());
        QCOMPARE(r.events.at(3).value(QStringLiteral("call")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("copp.protectionStatus"));

        // The tester sets HDCP again through the controller: the command reaches the device and HDCP comes back.
        const qsizetype before = r.events.size();
        controller.setProtectionLevel(protection::Hdcp, 1);
        QTRY_VERIFY_WITH_TIMEOUT(r.find([](const QJsonObject& e) { return name(e) == u"command"; }, before) >= 0, kLongWaitMs);
        const qsizetype again = r.find([](const QJsonObject& e) { return name(e) == u"command"; }, before);
        QVERIFY(r.events.at(again).value(QStringLiteral("ok")).toBool());
        QCOMPARE(r.events.at(again).value(QStringLiteral("call")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("copp.protectionCommand"));
        QTRY_VERIFY_WITH_TIMEOUT(r.find([](const QJsonObject& e) {
            return isStatus(e, "global-level") && e.value(QStringLiteral("value")).toInt() == 1;
        }, again) >= 0, kLongWaitMs);

        // Stop: exactly one end, last, then stopped().
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QVERIFY(!controller.isRunning());
        QCOMPARE(r.count(QStringLiteral("end")), 1);
        QCOMPARE(name(r.events.constLast()), QStringLiteral("end"));
        QCOMPARE(r.events.constLast().value(QStringLiteral("reason")).toString(), QStringLiteral("stopped"));
        QVERIFY(r.events.constLast().value(QStringLiteral("started")).toBool());
        QCOMPARE(r.offGuiThread, 0);
        const qsizetype total = r.events.size();
        controller.stop(); // a second stop is harmless
        // The worker's thread ends and nothing late comes: the stop grace ended with the run.
        QVERIFY(settled(controller));
        QCOMPARE(r.events.size(), total);
        QCOMPARE(stopped.size(), 1);

        // The transcript holds every event (without its calls) and every call, and no secrets.
        const session::Transcript& t = controller.transcript();
        QCOMPARE(t.events().size(), r.events.size());
        int calls = 0;
        for (qsizetype i = 0; i < r.events.size(); ++i) {
            QCOMPARE(t.events().at(i).toObject(), withoutCalls(r.events.at(i)));
            calls += static_cast<int>(r.events.at(i).value(QStringLiteral("calls")).toArray().size());
        }
        QCOMPARE(t.calls().size(), calls);
        QStringList methods;
        for (const QJsonValue& c : t.calls())
            methods << c.toObject().value(QStringLiteral("method")).toString();
        QCOMPARE(methods.mid(0, 2), (QStringList{QStringLiteral("copp.keyExchange"), QStringLiteral("copp.sessionSequenceStart")}));
        QCOMPARE(methods.count(QStringLiteral("copp.protectionCommand")), 2);
        QCOMPARE(methods.count(QStringLiteral("copp.protectionStatus")), r.count(QStringLiteral("status")));
        QVERIFY(!t.device().isEmpty());
        QVERIFY(t.hasPolicy());
        QVERIFY(t.applicationRandom().empty());
        const QJsonObject json = t.toJson();
        QVERIFY(!json.contains(QStringLiteral("replay")));
        QVERIFY(!r.events.at(2).contains(QStringLiteral("session_key")));
        QVERIFY(!QJsonDocument(json).toJson().contains("session_key"));
    }

    void revealedSecretsKeepTheRandomAndTheTranscriptReplays()
    {
        session::SessionController controller;
        Recorder r(controller);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);
        session::SessionConfig config = emulator();
        config.revealSecrets = true;
        config.pollMs = 50;
        QVERIFY(controller.start(config));
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status")) >= 7, kLongWaitMs);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QCOMPARE(r.count(QStringLiteral("end")), 1);
        QVERIFY(r.alertKinds().isEmpty());

        const QString key = r.events.at(2).value(QStringLiteral("session_key")).toString();
        QCOMPARE(key.size(), 32);
        const session::Transcript& t = controller.transcript();
        QVERIFY(t.hasApplicationRandom());
        QVERIFY(!t.applicationRandom().empty());
        const QJsonObject json = t.toJson();
        const QString random = json.value(QStringLiteral("replay")).toObject().value(QStringLiteral("random")).toString();
        // Key, start sequences, PKCS#1 padding and one 16-byte random per status call, at least.
        QVERIFY(random.size() >= 2 * (16 + 8 + 16 * r.count(QStringLiteral("status"))));
        QCOMPARE(random.size(), 2 * static_cast<qsizetype>(t.applicationRandom().size()));
        QVERIFY(random.contains(key, Qt::CaseInsensitive)); // why it is written only with secrets revealed

        // The transcript replays through the controller: the same events (t_ms and session_key aside).
        const QString path = m_dir.filePath(QStringLiteral("revealed.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(json).toJson());
        file.close();
        session::SessionController replayer;
        Recorder replayed(replayer);
        QSignalSpy replayStopped(&replayer, &session::SessionController::stopped);
        session::SessionConfig replay;
        replay.device.kind = session::DeviceSpec::Kind::Replay;
        replay.device.replayPath = path;
        QVERIFY(replayer.start(replay));
        QTRY_COMPARE_WITH_TIMEOUT(replayStopped.size(), 1, kLongWaitMs);
        QCOMPARE(replayed.count(QStringLiteral("end")), 1);
        QJsonArray recordedEvents, replayedEvents;
        for (const QJsonObject& e : r.events)
            recordedEvents.append(withoutCalls(e));
        for (const QJsonObject& e : replayed.events)
            replayedEvents.append(withoutCalls(e));
        const auto difference = session::firstEventDifference(recordedEvents, replayedEvents);
        QVERIFY2(!difference, difference ? difference->c_str() : "");
    }

    void stopDuringAStalledEmulatorCallIsPrompt()
    {
        session::SessionController controller;
        Recorder r(controller);
        QSignalSpy events(&controller, &session::SessionController::eventReceived);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);
        // The 5th status call (poll 2) stalls for ten minutes, and its deadline is as
        // far: neither the deadline nor an abandonment (no grace either) can end this
        // session while the test waits; only the stall being cancelled can.
        constexpr int kTenMinutesMs = 10 * 60 * 1000;
        session::SessionConfig config = emulator(QString(), {QStringLiteral("stall=%1@5").arg(kTenMinutesMs)});
        config.device.callTimeoutMs = kTenMinutesMs;
        controller.setStopGraceMs(kTenMinutesMs);
        QVERIFY(controller.start(config));
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status")) >= 4, kLongWaitMs);
        QCOMPARE(r.count(QStringLiteral("status")), 4);
        // A live session says something every 100 ms: silence means the worker is inside the stalled call.
        events.clear();
        QVERIFY(!events.wait(600));

        controller.stop();
        QVERIFY(controller.isRunning()); // stop() does not wait for the worker: its end comes as an event
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QVERIFY(!controller.isRunning());
        QCOMPARE(r.count(QStringLiteral("end")), 1);
        QCOMPARE(name(r.events.constLast()), QStringLiteral("end"));
        QCOMPARE(r.events.constLast().value(QStringLiteral("reason")).toString(), QStringLiteral("stopped"));
        QCOMPARE(r.offGuiThread, 0);

        // Nothing comes after the end, not even once the worker's thread is gone.
        const qsizetype total = r.events.size();
        QVERIFY(settled(controller));
        QCOMPARE(r.events.size(), total);
        QCOMPARE(stopped.size(), 1);

        // A new session starts right away and runs normally.
        QVERIFY(controller.start(emulator()));
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status"), total) >= 4, kLongWaitMs);
        QCOMPARE(r.names(total).mid(0, 3), (QStringList{QStringLiteral("key_exchange"), QStringLiteral("chain"), QStringLiteral("session_started")}));
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, kLongWaitMs);
        QCOMPARE(r.count(QStringLiteral("end"), total), 1);
        QVERIFY(r.alertKinds(total).isEmpty());
        QCOMPARE(controller.transcript().events().size(), r.events.size() - total); // a fresh transcript
    }

    void stopDuringAStalledAgentCallAbandonsTheWorker()
    {
        // An agent stuck in a call cannot be cancelled: the controller lets go after
        // the grace period and drops whatever the abandoned worker says later.
        session::SessionController controller;
        controller.setStopGraceMs(300);
        Recorder r(controller);
        QSignalSpy events(&controller, &session::SessionController::eventReceived);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);
        session::SessionConfig config = agent(QStringLiteral("stall=10000@5"));
        config.device.callTimeoutMs = 3000;
        QVERIFY(controller.start(config));
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status")) >= 4, kLongWaitMs);
        QVERIFY2(r.alertKinds().isEmpty(), qPrintable(r.alertKinds().join(u',')));
        events.clear();
        QVERIFY(!events.wait(600)); // inside the stalled call

        controller.stop();
        QVERIFY(controller.isRunning()); // stop() does not wait for the worker
        // Let go after the grace: the worker's own end (at its 3 s call deadline,
        // "device stalled", after a timeout alert) never reaches the tester.
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QVERIFY(!controller.isRunning());
        QCOMPARE(r.count(QStringLiteral("end")), 1);
        const QJsonObject end = r.events.constLast();
        QCOMPARE(name(end), QStringLiteral("end"));
        QCOMPARE(end.value(QStringLiteral("reason")).toString(), QStringLiteral("stopped while the device was not answering"));
        QVERIFY(end.value(QStringLiteral("started")).toBool());
        // The engine's fields, counted from what the worker said (they were missing).
        QCOMPARE(end.value(QStringLiteral("status_calls")).toInt(-1), r.count(QStringLiteral("status")));
        QCOMPARE(end.value(QStringLiteral("commands")).toInt(-1), r.count(QStringLiteral("command")));
        QCOMPARE(end.value(QStringLiteral("alerts")).toInt(-1), 0);
        // When it was given up: after the 600 ms of silence, not at the last event (or 0).
        const qint64 lastMs = r.events.at(r.events.size() - 2).value(QStringLiteral("t_ms")).toInteger();
        QVERIFY2(end.value(QStringLiteral("t_ms")).toInteger() >= lastMs + 600,
                 qPrintable(QStringLiteral("%1 after %2").arg(end.value(QStringLiteral("t_ms")).toInteger()).arg(lastMs)));
        QCOMPARE(name(controller.transcript().events().last().toObject()), QStringLiteral("end"));

        // An agent stuck before its session started: "started" is false.
        {
            session::SessionController stuck;
            stuck.setStopGraceMs(200);
            Recorder early(stuck);
            QSignalSpy stuckStopped(&stuck, &session::SessionController::stopped);
            session::SessionConfig sleeper = agent(QString());
            sleeper.device.agentCommand = QStringLiteral("sleep 30");
            sleeper.device.callTimeoutMs = 20000;
            QVERIFY(stuck.start(sleeper));
            stuck.stop();
            QTRY_COMPARE_WITH_TIMEOUT(stuckStopped.size(), 1, kLongWaitMs);
            QCOMPARE(early.names(), QStringList{QStringLiteral("end")});
            QCOMPARE(early.events.constLast().value(QStringLiteral("started")).toBool(true), false);
            QCOMPARE(early.events.constLast().value(QStringLiteral("status_calls")).toInt(-1), 0);
        }

        // A new session right away, while the abandoned worker is still inside its call.
        const qsizetype total = r.events.size();
        QVERIFY(controller.start(emulator()));
        QCOMPARE(controller.findChildren<QThread*>().size(), 2);
        // The abandoned worker answers at its call deadline (timeout alert, end "device stalled") and
        // its thread ends; all of that is dropped, the new session is untouched.
        QTRY_COMPARE_WITH_TIMEOUT(controller.findChildren<QThread*>().size(), 1, kLongWaitMs);
        QVERIFY(controller.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status"), total) >= 4, kLongWaitMs);
        QCOMPARE(r.count(QStringLiteral("end"), total), 0);
        QVERIFY2(r.alertKinds(total).isEmpty(), qPrintable(r.alertKinds(total).join(u',')));
        QCOMPARE(r.names(total).mid(0, 3), (QStringList{QStringLiteral("key_exchange"), QStringLiteral("chain"), QStringLiteral("session_started")}));
        QCOMPARE(controller.transcript().events().size(), r.events.size() - total);
        for (const QJsonValue& e : controller.transcript().events())
            QVERIFY(!isAlert(e.toObject(), "timeout"));
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, kLongWaitMs);
        QCOMPARE(r.count(QStringLiteral("end"), total), 1);
        QCOMPARE(r.events.constLast().value(QStringLiteral("reason")).toString(), QStringLiteral("stopped"));
        QCOMPARE(r.offGuiThread, 0);
    }

    // An agent that exits mid-session (a shell loop passes eight requests, then the
    // emulator sees EOF) ends the GUI's session by itself: one device_error alert,
    // an end "device lost" and stopped(), instead of three alerts every poll until
    // the tester pressed Stop.
    void agentThatExitsEndsTheSessionWithOneAlert()
    {
        session::SessionController controller;
        Recorder r(controller);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);
        session::SessionConfig config = agent(QString());
        config.device.agentCommand = QStringLiteral(R"(i=0; while [ $i -lt 8 ] && IFS= read -r l; do printf '%s\n' "$l"; i=$((i+1)); done | )")
            + config.device.agentCommand;
        QVERIFY(controller.start(config));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QVERIFY(!controller.isRunning());
        QCOMPARE(r.alertKinds(), QStringList{QStringLiteral("device_error")});
        QCOMPARE(r.count(QStringLiteral("end")), 1);
        const QJsonObject end = r.events.constLast();
        QCOMPARE(name(end), QStringLiteral("end"));
        QCOMPARE(end.value(QStringLiteral("reason")).toString(), QStringLiteral("device lost"));
        QVERIFY(settled(controller)); // nothing after the end
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(name(r.events.constLast()), QStringLiteral("end"));
        QCOMPARE(r.offGuiThread, 0);
    }

    void deviceThatCannotBeOpenedGivesErrorEndStopped_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("what");
        QTest::newRow("replay of a missing file") << int(session::DeviceSpec::Kind::Replay) << QStringLiteral("no-such-transcript.json");
        QTest::newRow("agent command that does not exist")
            << int(session::DeviceSpec::Kind::Agent) << QStringLiteral("/nonexistent/coppscope-agent-that-is-not-there");
        QTest::newRow("emulator with an unknown fault") << int(session::DeviceSpec::Kind::Emulator) << QStringLiteral("no-such-fault");
    }

    void deviceThatCannotBeOpenedGivesErrorEndStopped()
    {
        QFETCH(int, kind);
        QFETCH(QString, what);
        session::SessionController controller;
        Recorder r(controller);
        QSignalSpy stopped(&controller, &session::SessionController::stopped);
        session::SessionConfig config = emulator();
        config.device.kind = static_cast<session::DeviceSpec::Kind>(kind);
        if (config.device.kind == session::DeviceSpec::Kind::Replay)
            config.device.replayPath = m_dir.filePath(what);
        else if (config.device.kind == session::DeviceSpec::Kind::Agent)
            config.device.agentCommand = what;
        else
            config.device.emulator.faults = {what};
        QVERIFY(controller.start(config));
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, kLongWaitMs);
        QVERIFY(!controller.isRunning());
        QCOMPARE(r.names(), (QStringList{QStringLiteral("error"), QStringLiteral("end")}));
        QVERIFY(!r.events.at(0).value(QStringLiteral("detail")).toString().isEmpty());
        QCOMPARE(r.events.at(1).value(QStringLiteral("reason")).toString(), QStringLiteral("the device could not be started"));
        QVERIFY(!r.events.at(1).value(QStringLiteral("started")).toBool());
        QCOMPARE(controller.transcript().events().size(), 2);
        QVERIFY(controller.transcript().calls().isEmpty());
        QVERIFY(settled(controller)); // nothing more once the worker's thread is gone
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(r.events.size(), 2);

        // The controller is ready for the next session.
        QVERIFY(controller.start(emulator()));
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("session_started")) == 1, kLongWaitMs);
        controller.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 2, kLongWaitMs);
    }

    void destroyingARunningControllerEndsTheSession()
    {
        auto controller = std::make_unique<session::SessionController>();
        QVERIFY(controller->start(emulator()));
        Recorder r(*controller);
        QTRY_VERIFY_WITH_TIMEOUT(r.count(QStringLiteral("status")) >= 1, kLongWaitMs);
        QPointer<QThread> thread = controller->findChild<QThread*>();
        QVERIFY(thread);
        QSignalSpy threadFinished(thread.data(), &QThread::finished);
        controller.reset(); // requests a stop and waits for the thread
        QCOMPARE(threadFinished.size(), 1); // ended within reset(), not abandoned
        QVERIFY(!thread);
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "tst_sessioncontroller.moc"
