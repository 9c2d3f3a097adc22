// SPDX-License-Identifier: BSD-3-Clause
// Transcript replay (transcript.h, replaydevice.h, sessionreplay.h): a session
// recorded against the in-process emulator on a fake clock, written to JSON,
// read back and replayed through a SessionEngine on the ReplayDevice (the way
// `coppscope-cli session --device replay:FILE` wires it). A faithful replay is
// complete, re-makes every call byte for byte, raises the same alerts in the
// same order and reproduces the recorded events; a changed request diverges at
// that call naming the byte; a changed reply is replayed as what the device
// said; truncated, unreplayable and malformed transcripts give an error or a
// divergence, never a crash. Ends with the CLI doing the same, end to end.
#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/replaydevice.h>
#include <core/session/sessionengine.h>
#include <core/session/sessionreplay.h>
#include <core/session/transcript.h>
#include <core/session/transcriptblocks.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <memory>

using namespace copp;
using namespace copp::protocol;

namespace {

constexpr std::int64_t kStepMs = 100;

// What driving an engine produced.
struct Run {
    QJsonArray events;
    std::vector<session::Alert> alerts;
    bool started = false;
    bool stalled = false;
    std::uint32_t statusSequence = 0;
    std::uint32_t commandSequence = 0;
};

// The CLI's script on a clock the caller moves: start, SetProtectionLevel(HDCP, 1),
// `polls` polls kStepMs apart, finish with the CLI's reason.
Run drive(device::CoppDevice& device, crypto::RandomSource& random, const session::Clock& clock,
          const std::function<void()>& tick, const session::SessionOptions& options, int polls,
          const std::function<void(const QJsonObject&)>& alsoTo = {})
{
    Run run;
    session::SessionEngine engine(device, options, random,
                                  [&](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed);
                                      run.events.append(e);
                                      if (alsoTo)
                                          alsoTo(e);
                                  },
                                  clock);
    if (engine.start()) {
        (void)engine.setProtectionLevel(protection::Hdcp, 1);
        for (int i = 0; i < polls && !engine.stalled(); ++i) {
            tick();
            engine.poll();
        }
    }
    engine.finish(engine.stalled() ? QStringLiteral("device stalled")
                                    : (engine.started() ? QString() : QStringLiteral("session did not start")));
    run.alerts = engine.alerts();
    run.started = engine.started();
    run.stalled = engine.stalled();
    run.statusSequence = engine.statusSequence();
    run.commandSequence = engine.commandSequence();
    return run;
}

struct Recording {
    session::Transcript transcript;
    Run run;
    QByteArray json;
    validation::ValidationPolicy policy;
};

// Records the script against a fresh emulator (faults, an optional built-in scenario) on a fake clock.
Recording record(const QStringList& faultTexts, const QString& scenarioName, int polls, bool keepRandom = true,
                 bool revealSecrets = false)
{
    std::vector<device::Fault> faults;
    for (const QString& text : faultTexts)
        faults.push_back(device::parseFault(text.toStdString()).value());
    std::int64_t nowMs = 1000;
    const device::Clock clock = [&nowMs] { return nowMs; };
    device::OutputProfile profile;
    std::shared_ptr<device::ScenarioPlayer> player;
    if (!scenarioName.isEmpty()) {
        const device::Scenario scenario = device::Scenario::builtIn(scenarioName).value();
        profile = scenario.output;
        player = std::make_shared<device::ScenarioPlayer>(scenario, clock);
    }
    const auto output = std::make_shared<device::EmulatedOutput>(profile, clock);
    const auto material =
        std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(tests::testPki(), faults));
    device::CoppEmulator emulator(output, material, faults, player);
    emulator.setCallDeadlineMs(50); // a stall ends quickly, as a Timeout

    Recording r;
    session::SessionOptions options;
    options.policy.trustRoot =
        validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("test root of the emulator")).value();
    options.policy.revocationList = material->revocationList;
    options.revealSecrets = revealSecrets;
    r.policy = options.policy;
    r.transcript.setPolicy(options.policy, true);
    r.transcript.setKeepApplicationRandom(keepRandom);
    session::RecordingDevice recording(emulator, r.transcript, clock);
    crypto::DeterministicRandom inner(42);
    session::RecordingRandom random(inner, r.transcript);
    r.run = drive(recording, random, clock, [&nowMs] { nowMs += kStepMs; }, options, polls,
                  [&r](const QJsonObject& e) { r.transcript.addEvent(copp::tests::event(e)); });
    r.json = QJsonDocument(r.transcript.toJson()).toJson(QJsonDocument::Compact);
    return r;
}

struct Replayed {
    std::optional<std::string> error; // the transcript could not be read or opened
    session::ReplayOutcome outcome;
    QJsonArray events;      // before finish
    QJsonArray finalEvents; // with the "end" of engine.finish(outcome.endReason)
    std::vector<session::Alert> alerts;
    bool stalled = false;
    std::uint32_t statusSequence = 0;
    std::uint32_t commandSequence = 0;
    QJsonArray recordedEvents;
    session::Transcript rerecorded; // the replay's own calls, as the CLI records them
    bool deviceFinished = false;
};

// Replays a transcript as the CLI does: the transcript's policy, replay->random(), replay->now().
Replayed replay(const QByteArray& json)
{
    Replayed out;
    auto transcript = session::Transcript::fromJson(json);
    if (!transcript) {
        out.error = transcript.error().detail;
        return out;
    }
    session::SessionOptions options;
    if (transcript->hasPolicy()) {
        auto policy = transcript->policy();
        if (!policy) {
            out.error = policy.error().detail;
            return out;
        }
        options.policy = policy.value();
    }
    out.recordedEvents = transcript->events();
    auto opened = session::ReplayDevice::open(std::move(transcript.value()));
    if (!opened) {
        out.error = opened.error().detail;
        return out;
    }
    session::ReplayDevice& device = *opened.value();
    const session::Clock now = [&device] { return device.now(); };
    session::RecordingDevice recording(device, out.rerecorded, now);
    session::SessionEngine engine(recording, options, device.random(),
                                  [&out](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); out.finalEvents.append(e); }, now);
    out.outcome = session::replaySession(engine, device);
    out.events = out.finalEvents;
    engine.finish(out.outcome.endReason);
    out.alerts = engine.alerts();
    out.stalled = engine.stalled();
    out.statusSequence = engine.statusSequence();
    out.commandSequence = engine.commandSequence();
    out.deviceFinished = device.finished();
    return out;
}

QJsonArray withoutFinalEnd(QJsonArray events)
{
    if (!events.isEmpty() && events.last().toObject().value(QStringLiteral("event")).toString() == u"end")
        events.removeLast();
    return events;
}

QStringList kinds(const std::vector<session::Alert>& alerts)
{
    QStringList out;
    for (const auto& a : alerts)
        out.append(QLatin1String(session::alertId(a.kind)));
    return out;
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray bytes(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Index in "calls" of the n-th (1-based) call of `method`, or -1.
int nthCall(const QJsonArray& calls, const QString& method, int n)
{
    for (int i = 0; i < calls.size(); ++i)
        if (calls.at(i).toObject().value(QStringLiteral("method")).toString() == method && --n == 0)
            return i;
    return -1;
}

// Flips the low bit of byte `offset` in the hex string params.<param> / result.<param> of call `index`.
QJsonObject withFlippedByte(QJsonObject transcript, int index, const char* where, const char* param, int offset)
{
    QJsonArray calls = transcript.value(QStringLiteral("calls")).toArray();
    QJsonObject call = calls.at(index).toObject();
    // The block in full (written without its trailing zeros), so any byte can flip.
    QJsonObject inner = session::expandBlocks(call.value(QStringLiteral("method")).toString(),
                                              call.value(QLatin1String(where)).toObject());
    QByteArray hex = inner.value(QLatin1String(param)).toString().toLatin1();
    if (offset * 2 + 2 > hex.size())
        qFatal("no byte %d in %s", offset, param);
    QByteArray byte = QByteArray::fromHex(hex.mid(offset * 2, 2));
    byte[0] = char(byte[0] ^ 0x01);
    hex.replace(offset * 2, 2, byte.toHex());
    inner.insert(QLatin1String(param), QString::fromLatin1(hex));
    call.insert(QLatin1String(where), inner);
    calls.replace(index, call);
    transcript.insert(QStringLiteral("calls"), calls);
    return transcript;
}

QJsonObject withCalls(QJsonObject transcript, const QJsonArray& calls)
{
    transcript.insert(QStringLiteral("calls"), calls);
    return transcript;
}

// The calls without their timing (a replay runs on the recording's clock, to the call).
QJsonArray untimed(const QJsonArray& calls)
{
    QJsonArray out;
    for (const QJsonValue& c : calls) {
        QJsonObject o = c.toObject();
        o.remove(QStringLiteral("t_ms"));
        o.remove(QStringLiteral("duration_ms"));
        out.append(o);
    }
    return out;
}

QByteArray text(const std::optional<std::string>& s)
{
    return QByteArray::fromStdString(s.value_or("(none)"));
}

// A session's --json output, one event per line.
QList<QJsonObject> cliEvents(const QByteArray& out)
{
    QList<QJsonObject> list;
    for (const QByteArray& line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            list.append(QJsonDocument::fromJson(line).object());
    return list;
}

QStringList cliAlertKinds(const QList<QJsonObject>& events)
{
    QStringList out;
    for (const QJsonObject& e : events)
        if (e.value(QStringLiteral("event")).toString() == u"alert")
            out.append(e.value(QStringLiteral("kind")).toString());
    return out;
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A clean recording used by the tampering and malformation tests: 5 polls, 3 status calls each.
    const Recording& clean()
    {
        static const Recording r = record({}, {}, 5);
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(clean().run.started);
        QVERIFY(clean().run.alerts.empty());
    }

    // ---- Faithful replays --------------------------------------------------------------------------------

    void replayIsFaithful_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("polls");
        QTest::addColumn<QString>("firstAlert"); // what the emulator's fault or scenario is documented to raise
        QTest::addColumn<qint64>("hresult");     // of the first alert when device_error
        QTest::newRow("clean") << QStringList{} << QString() << 5 << QString() << qint64(0);
        QTest::newRow("scenario hdcp-link-loss")
            << QStringList{} << QStringLiteral("hdcp-link-loss") << 40 << QStringLiteral("link_lost") << qint64(0);
        QTest::newRow("bad-reply-mac@4") << QStringList{QStringLiteral("bad-reply-mac@4")} << QString() << 5
                                         << QStringLiteral("mac_mismatch") << qint64(0);
        QTest::newRow("wrong-random@3") << QStringList{QStringLiteral("wrong-random@3")} << QString() << 5
                                        << QStringLiteral("random_mismatch") << qint64(0);
        QTest::newRow("wrong-size@3") << QStringList{QStringLiteral("wrong-size@3")} << QString() << 5
                                      << QStringLiteral("size_mismatch") << qint64(0);
        QTest::newRow("connector-change=dvi@5") << QStringList{QStringLiteral("connector-change=dvi@5")} << QString() << 5
                                                << QStringLiteral("connector_changed") << qint64(0);
        QTest::newRow("link-lost@11 + renegotiation@14")
            << QStringList{QStringLiteral("link-lost@11"), QStringLiteral("renegotiation@14")} << QString() << 8
            << QStringLiteral("link_lost") << qint64(0);
        QTest::newRow("fail-status=E_INVALIDARG@4") << QStringList{QStringLiteral("fail-status=E_INVALIDARG@4")}
                                                    << QString() << 5 << QStringLiteral("device_error")
                                                    << qint64(hr::InvalidArg);
        QTest::newRow("fail-command=E_FAIL") << QStringList{QStringLiteral("fail-command=E_FAIL")} << QString() << 3
                                             << QStringLiteral("device_error") << qint64(hr::Fail);
        QTest::newRow("sequence-desync@3") << QStringList{QStringLiteral("sequence-desync@3")} << QString() << 4
                                           << QStringLiteral("device_error") << qint64(hr::InvalidArg);
        QTest::newRow("unplug@5") << QStringList{QStringLiteral("unplug@5")} << QString() << 4
                                  << QStringLiteral("device_error") << qint64(hr::NoMonitorsCorrespond);
        QTest::newRow("fail-key-exchange") << QStringList{QStringLiteral("fail-key-exchange=VFW_E_NO_COPP_HW")}
                                           << QString() << 3 << QStringLiteral("device_error") << qint64(hr::NoCoppHw);
        QTest::newRow("untrusted-chain") << QStringList{QStringLiteral("untrusted-chain")} << QString() << 3
                                         << QStringLiteral("chain_invalid") << qint64(0);
        QTest::newRow("stall=10000@4") << QStringList{QStringLiteral("stall=10000@4")} << QString() << 5
                                       << QStringLiteral("timeout") << qint64(0);
    }

    void replayIsFaithful()
    {
        QFETCH(QStringList, faults);
        QFETCH(QString, scenario);
        QFETCH(int, polls);
        QFETCH(QString, firstAlert);
        QFETCH(qint64, hresult);
        const Recording rec = record(faults, scenario, polls);
        // The recording shows what the fault is documented to do (else the replay proves little).
        if (firstAlert.isEmpty()) {
            QVERIFY2(rec.run.alerts.empty(), qPrintable(kinds(rec.run.alerts).join(u',')));
        } else {
            QVERIFY(!rec.run.alerts.empty());
            QCOMPARE(kinds(rec.run.alerts).constFirst(), firstAlert);
            QCOMPARE(qint64(rec.run.alerts.front().hresult), hresult);
        }

        const Replayed rep = replay(rec.json);
        QVERIFY2(!rep.error, text(rep.error).constData());
        QVERIFY2(rep.outcome.complete(), text(rep.outcome.divergence).constData());
        QCOMPARE(rep.outcome.callsRecorded, int(rec.transcript.calls().size()));
        QCOMPARE(rep.outcome.callsPlayed, rep.outcome.callsRecorded);
        QVERIFY(rep.deviceFinished);
        // The same alerts, in the same order, with the same details, HRESULTs and times.
        QCOMPARE(kinds(rep.alerts), kinds(rec.run.alerts));
        for (std::size_t i = 0; i < rec.run.alerts.size(); ++i) {
            QCOMPARE(QString::fromStdString(rep.alerts[i].detail), QString::fromStdString(rec.run.alerts[i].detail));
            QCOMPARE(rep.alerts[i].hresult, rec.run.alerts[i].hresult);
            QCOMPARE(rep.alerts[i].atMs, rec.run.alerts[i].atMs);
        }
        // The recorded events (but the final "end", which the caller adds) come again...
        const auto difference = session::firstEventDifference(withoutFinalEnd(rec.transcript.events()), rep.events);
        QVERIFY2(!difference, difference.value_or("").c_str());
        // ...and, ended with the outcome's reason, the "end" too.
        const auto all = session::firstEventDifference(rec.transcript.events(), rep.finalEvents);
        QVERIFY2(!all, all.value_or("").c_str());
        QCOMPARE(rep.stalled, rec.run.stalled);
        QCOMPARE(rep.statusSequence, rec.run.statusSequence);
        QCOMPARE(rep.commandSequence, rec.run.commandSequence);
        // Re-recording the replay gives back every call: same methods, bytes, HRESULTs, replies.
        QCOMPARE(untimed(rep.rerecorded.calls()), untimed(rec.transcript.calls()));
    }

    void replayedTimeoutStallsTheEngine()
    {
        const Recording rec = record({QStringLiteral("stall=10000@3")}, {}, 5);
        QCOMPARE(kinds(rec.run.alerts), QStringList{QStringLiteral("timeout")});
        QVERIFY(rec.run.stalled);
        const QJsonArray calls = rec.transcript.calls();
        const QJsonObject stalledCall = calls.last().toObject();
        QCOMPARE(stalledCall.value(QStringLiteral("method")).toString(), QStringLiteral("copp.protectionStatus"));
        QCOMPARE(stalledCall.value(QStringLiteral("timeout")).toBool(), true);
        QVERIFY(!stalledCall.contains(QStringLiteral("result")));

        const Replayed rep = replay(rec.json);
        QVERIFY2(rep.outcome.complete(), text(rep.outcome.divergence).constData());
        QCOMPARE(kinds(rep.alerts), QStringList{QStringLiteral("timeout")});
        QVERIFY(rep.stalled);
        QCOMPARE(rep.finalEvents.last().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("device stalled"));

        // The replay device itself answers that call with a Timeout (not a device error).
        auto transcript = session::Transcript::fromJson(rec.json);
        auto device = session::ReplayDevice::open(std::move(transcript.value()));
        QVERIFY(device.ok());
        const session::Clock now = [d = device.value().get()] { return d->now(); };
        session::SessionOptions options;
        options.policy = rec.policy;
        session::SessionEngine engine(*device.value(), options, device.value()->random(), {}, now);
        QVERIFY(engine.start());
        QVERIFY(engine.setProtectionLevel(protection::Hdcp, 1).ok());
        QVERIFY(engine.query(StatusRequest::ConnectorType).ok()); // status call 2, the first poll's
        const auto r = engine.query(StatusRequest::LocalLevel, protection::Hdcp); // status call 3: the stalled one
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QVERIFY(engine.stalled());
        QVERIFY(device.value()->finished());
    }

    void replayedDeviceErrorIsTheSameAlert()
    {
        const Recording rec = record({QStringLiteral("fail-status=0x887601E0@2")}, {}, 2);
        QCOMPARE(kinds(rec.run.alerts).constFirst(), QStringLiteral("device_error"));
        QCOMPARE(rec.run.alerts.front().hresult, hr::TooBigSize);
        const int index = nthCall(rec.transcript.calls(), QStringLiteral("copp.protectionStatus"), 2);
        QVERIFY(index > 0);
        QCOMPARE(rec.transcript.calls().at(index).toObject().value(QStringLiteral("hresult")).toInteger(),
                 qint64(hr::TooBigSize));
        const Replayed rep = replay(rec.json);
        QVERIFY2(rep.outcome.complete(), text(rep.outcome.divergence).constData());
        QCOMPARE(kinds(rep.alerts), kinds(rec.run.alerts));
        QCOMPARE(rep.alerts.front().hresult, hr::TooBigSize);
        QCOMPARE(QString::fromStdString(rep.alerts.front().detail),
                 QString::fromStdString(rec.run.alerts.front().detail));
        // The failed request's sequence number was re-used, in the recording and the replay alike.
        QCOMPARE(rep.statusSequence, rec.run.statusSequence);
    }

    void revealedSessionKeyDoesNotCountAsADifference()
    {
        const Recording rec = record({}, {}, 2, true, /*revealSecrets*/ true);
        bool sawKey = false;
        for (const QJsonValue& e : rec.transcript.events())
            sawKey = sawKey || e.toObject().contains(QStringLiteral("session_key"));
        QVERIFY(sawKey);
        const Replayed rep = replay(rec.json); // the replay does not reveal it
        QVERIFY(rep.outcome.complete());
        QVERIFY(!session::firstEventDifference(withoutFinalEnd(rec.transcript.events()), rep.events));
    }

    // ---- What cannot be replayed -------------------------------------------------------------------------

    void transcriptWithoutApplicationRandomCannotBeOpened()
    {
        const Recording rec = record({}, {}, 2, /*keepRandom*/ false);
        const QJsonObject json = object(rec.json);
        QVERIFY(!json.contains(QStringLiteral("replay")));
        // Neither the session key nor any other drawn byte is written.
        auto withRandom = record({}, {}, 2, true);
        const QString random = object(withRandom.json).value(QStringLiteral("replay")).toObject()
                                   .value(QStringLiteral("random")).toString();
        QVERIFY(random.size() > 64);
        QVERIFY(!rec.json.contains(random.left(32).toLatin1())); // the session key is drawn first

        auto transcript = session::Transcript::fromJson(rec.json);
        QVERIFY2(transcript.ok(), transcript.ok() ? "" : transcript.error().detail.c_str()); // still readable
        QVERIFY(!transcript->hasApplicationRandom());
        QVERIFY(!transcript->calls().isEmpty());
        const auto opened = session::ReplayDevice::open(std::move(transcript.value()));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Usage);
        QVERIFY2(opened.error().detail.find("--reveal-secrets") != std::string::npos, opened.error().detail.c_str());
        QVERIFY2(opened.error().detail.find("cannot be replayed") != std::string::npos, opened.error().detail.c_str());
    }

    // Version 2 writes the 4096-byte blocks without their trailing zeros; a version 1
    // transcript (every block in full, as CoppScope wrote before) replays the same.
    void versionOneTranscriptWithFullBlocksReplays()
    {
        const QJsonObject compact = object(clean().json);
        QCOMPARE(compact.value(QStringLiteral("version")).toInt(), 2);
        QJsonArray calls = compact.value(QStringLiteral("calls")).toArray();
        int blocks = 0;
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QJsonObject call = calls.at(i).toObject();
            const QString method = call.value(QStringLiteral("method")).toString();
            for (const QString& part : {QStringLiteral("params"), QStringLiteral("result")}) {
                const QJsonObject written = call.value(part).toObject();
                const QJsonObject full = session::expandBlocks(method, written);
                for (auto it = full.begin(); it != full.end(); ++it) {
                    if (session::transcriptBlockSize(method, it.key()) == 0)
                        continue;
                    ++blocks;
                    QCOMPARE(it.value().toString().size(), 2 * session::transcriptBlockSize(method, it.key()));
                    QVERIFY(written.value(it.key()).toString().size() < 200); // about 44 significant bytes of 4096
                }
                if (call.contains(part))
                    call.insert(part, full);
            }
            calls.replace(i, call);
        }
        QVERIFY(blocks > 10);
        QJsonObject v1 = withCalls(compact, calls);
        v1.insert(QStringLiteral("version"), 1);
        const QByteArray v1Json = bytes(v1);
        QVERIFY2(v1Json.size() > 10 * clean().json.size(), QByteArray::number(v1Json.size()).constData());

        const Replayed rep = replay(v1Json);
        QVERIFY2(!rep.error, text(rep.error).constData());
        QVERIFY2(rep.outcome.complete(), text(rep.outcome.divergence).constData());
        const auto all = session::firstEventDifference(clean().transcript.events(), rep.finalEvents);
        QVERIFY2(!all, all.value_or("").c_str());
        // Re-recorded, the calls come out compact again, byte for byte those of the version 2 file.
        QCOMPARE(untimed(rep.rerecorded.calls()), untimed(compact.value(QStringLiteral("calls")).toArray()));
    }

    void tamperedRequestDivergesAtThatCall_data()
    {
        QTest::addColumn<int>("statusCall"); // the n-th status call of the clean recording
        QTest::addColumn<int>("offset");
        QTest::newRow("rApp byte 5 of status call 1") << 1 << 5;
        QTest::newRow("dwSequence byte 33 of status call 4") << 4 << 33;
        QTest::newRow("unused byte 4095 of status call 9") << 9 << 4095;
    }

    void tamperedRequestDivergesAtThatCall()
    {
        QFETCH(int, statusCall);
        QFETCH(int, offset);
        const QJsonObject original = object(clean().json);
        const int index = nthCall(original.value(QStringLiteral("calls")).toArray(),
                                  QStringLiteral("copp.protectionStatus"), statusCall);
        QVERIFY(index > 0);
        const Replayed rep = replay(bytes(withFlippedByte(original, index, "params", "input", offset)));
        QVERIFY2(!rep.error, text(rep.error).constData());
        QVERIFY(!rep.outcome.complete());
        QCOMPARE(rep.outcome.callsPlayed, index); // every call before it
        const QByteArray divergence = text(rep.outcome.divergence);
        QVERIFY2(divergence.contains("at call " + QByteArray::number(index + 1) + ":"), divergence.constData());
        QVERIFY2(divergence.contains("copp.protectionStatus input differs at byte " + QByteArray::number(offset) + " "),
                 divergence.constData());
        QCOMPARE(rep.finalEvents.last().toObject().value(QStringLiteral("reason")).toString(),
                 QString::fromLatin1(divergence));
    }

    void tamperedCommandDiverges()
    {
        const QJsonObject original = object(clean().json);
        const int index = nthCall(original.value(QStringLiteral("calls")).toArray(), QStringLiteral("copp.protectionCommand"), 1);
        QVERIFY(index > 0);
        // The level byte (44): the replay asks SetProtectionLevel(HDCP, 0) from the recorded block, whose MAC was
        // made over level 1: the engine's own block differs first in the MAC.
        const Replayed rep = replay(bytes(withFlippedByte(original, index, "params", "command", 44)));
        QVERIFY(!rep.outcome.complete());
        QCOMPARE(rep.outcome.callsPlayed, index);
        QVERIFY2(text(rep.outcome.divergence).contains("copp.protectionCommand command differs at byte 0 "),
                 text(rep.outcome.divergence).constData());
    }

    void tamperedReplyIsReplayedAsTheDeviceSaidIt_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<QStringList>("alerts");
        QTest::newRow("in the MAC") << 0 << QStringList{QStringLiteral("mac_mismatch")};
        QTest::newRow("dwData") << 40 << QStringList{QStringLiteral("mac_mismatch")};
        QTest::newRow("zero tail") << 4000 << QStringList{QStringLiteral("mac_mismatch")};
        QTest::newRow("rApp echo") << 20 << QStringList{QStringLiteral("mac_mismatch"), QStringLiteral("random_mismatch")};
    }

    void tamperedReplyIsReplayedAsTheDeviceSaidIt()
    {
        QFETCH(int, offset);
        QFETCH(QStringList, alerts);
        const QJsonObject original = object(clean().json);
        const int index = nthCall(original.value(QStringLiteral("calls")).toArray(), QStringLiteral("copp.protectionStatus"), 5);
        QVERIFY(index > 0);
        const Replayed rep = replay(bytes(withFlippedByte(original, index, "result", "output", offset)));
        QVERIFY2(!rep.error, text(rep.error).constData());
        // Nothing the application sent changed: the replay is complete...
        QVERIFY2(rep.outcome.complete(), text(rep.outcome.divergence).constData());
        // ...and the engine judges the reply it was given.
        QCOMPARE(kinds(rep.alerts), alerts);
        const auto difference = session::firstEventDifference(withoutFinalEnd(clean().transcript.events()), rep.events);
        QVERIFY(difference.has_value());
        QVERIFY2(difference->find("(status) differs in") != std::string::npos, difference->c_str());
    }

    void truncatedTranscriptEndsTheReplay()
    {
        const QJsonObject original = object(clean().json);
        const QJsonArray calls = original.value(QStringLiteral("calls")).toArray();
        QVERIFY(calls.size() > 10);

        // Cut inside the session start: the engine asks for the connector and the transcript has ended.
        const Replayed early = replay(bytes(withCalls(original, QJsonArray{calls.at(0), calls.at(1)})));
        QVERIFY2(!early.error, text(early.error).constData());
        QVERIFY(!early.outcome.complete());
        QCOMPARE(early.outcome.callsPlayed, 2);
        QVERIFY2(text(early.outcome.divergence).contains("at call 3: the application called copp.protectionStatus but the "
                                                         "transcript ends after 2 calls"),
                 text(early.outcome.divergence).constData());

        // Three calls cut from the end, the recording's script run again on the replay: its next call diverges.
        QJsonArray shorter = calls;
        for (int i = 0; i < 3; ++i)
            shorter.removeLast();
        const QByteArray truncated = bytes(withCalls(original, shorter));
        auto transcript = session::Transcript::fromJson(truncated);
        QVERIFY(transcript.ok());
        auto device = session::ReplayDevice::open(std::move(transcript.value()));
        QVERIFY(device.ok());
        session::ReplayDevice& d = *device.value();
        session::SessionOptions options;
        options.policy = clean().policy;
        const Run run = drive(d, d.random(), [&d] { return d.now(); }, [] {}, options, 5);
        QVERIFY(d.divergence().has_value());
        const QByteArray why = text(d.divergence());
        QVERIFY2(why.contains("at call " + QByteArray::number(shorter.size() + 1) + ": ")
                     && why.contains("but the transcript ends after " + QByteArray::number(shorter.size()) + " calls"),
                 why.constData());
        QCOMPARE(d.played(), int(shorter.size()));
        Q_UNUSED(run);

        // replaySession follows the recorded calls, so it stops where they stop: every one of them was
        // played ("complete"), but the events show what is missing.
        const Replayed viaSession = replay(truncated);
        QCOMPARE(viaSession.outcome.callsPlayed, int(shorter.size()));
        const auto difference = session::firstEventDifference(withoutFinalEnd(clean().transcript.events()), viaSession.events);
        QVERIFY(difference.has_value());
    }

    // ---- The recorded trust policy -----------------------------------------------------------------------

    void policyRoundTrips()
    {
        const auto parsed = session::Transcript::fromJson(clean().json);
        QVERIFY(parsed.ok());
        QVERIFY(parsed->hasPolicy());
        QVERIFY(parsed->recordedTestRoot());
        const auto policy = parsed->policy();
        QVERIFY2(policy.ok(), policy.ok() ? "" : policy.error().detail.c_str());
        QVERIFY(policy->trustRoot.key == clean().policy.trustRoot.key);
        QCOMPARE(policy->trustRoot.name, clean().policy.trustRoot.name);
        QVERIFY(!policy->trustRoot.isMicrosoft);
        QVERIFY(policy->revocationList.has_value());
        QCOMPARE(*policy->revocationList, *clean().policy.revocationList);
        // It trusts what the recording trusted: the emulator's chain validates under it.
        const auto material = device::EmulatorMaterial::create(tests::testPki(), {});
        QVERIFY(!validation::ChainValidator(policy.value()).validate(material.chain).firstFailure());
        // An independent check: the recorded root is the test PKI's root key.
        QVERIFY(policy->trustRoot.key
                == validation::TrustRoot::fromRsaKeyValueXml(tests::testPki().rootKeyXml(), QStringLiteral("x")).value().key);

        // Microsoft's root is recorded by name, without a list.
        session::Transcript microsoft;
        microsoft.setPolicy(validation::ValidationPolicy{}, false);
        const auto back = session::Transcript::fromJson(bytes(microsoft.toJson()));
        QVERIFY(back.ok());
        QVERIFY(!back->recordedTestRoot());
        const auto msPolicy = back->policy();
        QVERIFY(msPolicy.ok());
        QVERIFY(msPolicy->trustRoot.isMicrosoft);
        QVERIFY(msPolicy->trustRoot.key == validation::TrustRoot::microsoft().key);
        QVERIFY(!msPolicy->revocationList.has_value());

        // No policy, or a broken one: an error, not a default.
        const auto none = session::Transcript::fromJson(bytes(session::Transcript().toJson()));
        QVERIFY(none.ok());
        QVERIFY(!none->hasPolicy());
        QVERIFY(!none->policy().ok());
        QJsonObject broken = object(clean().json);
        QJsonObject p = broken.value(QStringLiteral("policy")).toObject();
        p.insert(QStringLiteral("revocation_list"), QStringLiteral("not base64!"));
        broken.insert(QStringLiteral("policy"), p);
        const auto badCrl = session::Transcript::fromJson(bytes(broken));
        QVERIFY(badCrl.ok());
        QVERIFY(!badCrl->policy().ok());
        QJsonObject root = p.value(QStringLiteral("trust_root")).toObject();
        root.insert(QStringLiteral("modulus"), QStringLiteral("zz"));
        p.insert(QStringLiteral("trust_root"), root);
        p.remove(QStringLiteral("revocation_list"));
        broken.insert(QStringLiteral("policy"), p);
        const auto badRoot = session::Transcript::fromJson(bytes(broken));
        QVERIFY(badRoot.ok());
        QVERIFY(!badRoot->policy().ok());
    }

    // ---- Malformed transcripts ---------------------------------------------------------------------------

    void malformedTranscriptIsAnErrorOrADivergence_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QJsonObject good = object(clean().json);
        const QJsonArray calls = good.value(QStringLiteral("calls")).toArray();
        const int status = nthCall(calls, QStringLiteral("copp.protectionStatus"), 2);
        auto editCall = [&](int index, const std::function<void(QJsonObject&)>& edit) {
            QJsonArray c = calls;
            QJsonObject call = c.at(index).toObject();
            edit(call);
            c.replace(index, call);
            return bytes(withCalls(good, c));
        };
        auto editRoot = [&](const std::function<void(QJsonObject&)>& edit) {
            QJsonObject o = good;
            edit(o);
            return bytes(o);
        };
        auto setResult = [](const char* key, const QJsonValue& value) {
            return [=](QJsonObject& call) {
                QJsonObject r = call.value(QStringLiteral("result")).toObject();
                r.insert(QLatin1String(key), value);
                call.insert(QStringLiteral("result"), r);
            };
        };
        const QString output = calls.at(status).toObject().value(QStringLiteral("result")).toObject()
                                   .value(QStringLiteral("output")).toString();

        QTest::newRow("not JSON") << QByteArray("this is not JSON {") << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("JSON array") << QByteArray("[1, 2]") << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("truncated JSON") << clean().json.left(clean().json.size() / 2)
                                        << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("wrong format") << editRoot([](QJsonObject& o) { o.insert(QStringLiteral("format"), QStringLiteral("har")); })
                                      << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("no format") << editRoot([](QJsonObject& o) { o.remove(QStringLiteral("format")); })
                                   << QStringLiteral("not a CoppScope transcript");
        QTest::newRow("version 3") << editRoot([](QJsonObject& o) { o.insert(QStringLiteral("version"), 3); })
                                   << QStringLiteral("unsupported transcript version");
        QTest::newRow("version \"1\"") << editRoot([](QJsonObject& o) { o.insert(QStringLiteral("version"), QStringLiteral("1")); })
                                       << QStringLiteral("unsupported transcript version");
        QTest::newRow("no version") << editRoot([](QJsonObject& o) { o.remove(QStringLiteral("version")); })
                                    << QStringLiteral("unsupported transcript version");
        QTest::newRow("calls not an array") << editRoot([](QJsonObject& o) { o.insert(QStringLiteral("calls"), QJsonObject()); })
                                            << QStringLiteral("records no device calls");
        QTest::newRow("no calls") << bytes(withCalls(good, {})) << QStringLiteral("records no device calls");
        QTest::newRow("calls not objects") << bytes(withCalls(good, QJsonArray{1, QStringLiteral("x"), QJsonArray{}, QJsonValue()}))
                                           << QStringLiteral("the transcript has no method");
        QTest::newRow("a status call not an object") << [&] {
            QJsonArray c = calls;
            c.replace(status, 42);
            return bytes(withCalls(good, c));
        }() << QStringLiteral("which a started session does not make"); // replaySession reads it before the device
        QTest::newRow("method missing") << editCall(status, [](QJsonObject& c) { c.remove(QStringLiteral("method")); })
                                        << QStringLiteral("which a started session does not make");
        QTest::newRow("key exchange method missing") << editCall(0, [](QJsonObject& c) { c.remove(QStringLiteral("method")); })
                                                     << QStringLiteral("the transcript has no method");
        QTest::newRow("method changed") << editCall(0, [](QJsonObject& c) { c.insert(QStringLiteral("method"), QStringLiteral("copp.protectionStatus")); })
                                        << QStringLiteral("the application called copp.keyExchange, the transcript has copp.protectionStatus");
        QTest::newRow("hresult missing") << editCall(status, [](QJsonObject& c) { c.remove(QStringLiteral("hresult")); })
                                         << QStringLiteral("has no valid hresult");
        QTest::newRow("hresult string") << editCall(status, [](QJsonObject& c) { c.insert(QStringLiteral("hresult"), QStringLiteral("0")); })
                                        << QStringLiteral("has no valid hresult");
        QTest::newRow("hresult negative") << editCall(status, [](QJsonObject& c) { c.insert(QStringLiteral("hresult"), -1); })
                                          << QStringLiteral("has no valid hresult");
        QTest::newRow("hresult 2^32") << editCall(status, [](QJsonObject& c) { c.insert(QStringLiteral("hresult"), qint64(1) << 32); })
                                      << QStringLiteral("has no valid hresult");
        QTest::newRow("hresult of key exchange missing") << editCall(0, [](QJsonObject& c) { c.remove(QStringLiteral("hresult")); })
                                                         << QStringLiteral("copp.keyExchange has no valid hresult");
        QTest::newRow("bad hex in output") << editCall(status, setResult("output", QString(output).replace(10, 2, QStringLiteral("zz"))))
                                           << QStringLiteral("the recorded status reply is unreadable");
        // Version 2 leaves out trailing zero bytes, so a short output is padded; half a byte is not.
        QTest::newRow("odd-length output") << editCall(status, setResult("output", output + QLatin1Char('1')))
                                           << QStringLiteral("the recorded status reply is unreadable");
        QTest::newRow("output over 4096 bytes") << editCall(status, setResult("output", output.leftJustified(8194, QLatin1Char('0'))))
                                                << QStringLiteral("the recorded status reply is unreadable");
        QTest::newRow("output a number") << editCall(status, setResult("output", 7))
                                         << QStringLiteral("the recorded status reply is unreadable");
        QTest::newRow("output missing") << editCall(status, [](QJsonObject& c) { c.remove(QStringLiteral("result")); })
                                        << QStringLiteral("the recorded status reply is unreadable");
        QTest::newRow("input missing") << editCall(status, [](QJsonObject& c) { c.remove(QStringLiteral("params")); })
                                       << QStringLiteral("a recorded status request is unreadable");
        QTest::newRow("input bad hex") << editCall(status, [](QJsonObject& c) {
            c.insert(QStringLiteral("params"), QJsonObject{{QStringLiteral("input"), QStringLiteral("xyz")}});
        }) << QStringLiteral("a recorded status request is unreadable");
        QTest::newRow("key exchange random bad") << editCall(0, setResult("random", QStringLiteral("0011")))
                                                 << QStringLiteral("the recorded key exchange is unreadable");
        QTest::newRow("key exchange chain not base64") << editCall(0, setResult("certificateChain", QStringLiteral("***")))
                                                       << QStringLiteral("the recorded key exchange is unreadable");
        QTest::newRow("replay.random odd hex") << editRoot([](QJsonObject& o) {
            o.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), QStringLiteral("abc")}});
        }) << QStringLiteral("replay.random is not lowercase hex");
        QTest::newRow("replay.random not hex") << editRoot([](QJsonObject& o) {
            o.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), QStringLiteral("zz00")}});
        }) << QStringLiteral("replay.random is not lowercase hex");
        QTest::newRow("replay.random a number") << editRoot([](QJsonObject& o) {
            o.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), 5}});
        }) << QStringLiteral("--reveal-secrets");
        QTest::newRow("replay.random too short") << editRoot([](QJsonObject& o) {
            const QString r = o.value(QStringLiteral("replay")).toObject().value(QStringLiteral("random")).toString();
            o.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), r.left(64)}});
        }) << QStringLiteral("drew more random bytes than were recorded");
        QTest::newRow("replay.random changed") << editRoot([](QJsonObject& o) {
            QString r = o.value(QStringLiteral("replay")).toObject().value(QStringLiteral("random")).toString();
            r[0] = r[0] == u'0' ? u'1' : u'0'; // the session key's first byte
            o.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), r}});
        }) << QStringLiteral("copp.sessionSequenceStart signature differs at byte");
        QTest::newRow("an unknown command GUID") << editCall(nthCall(calls, QStringLiteral("copp.protectionCommand"), 1), [](QJsonObject& c) {
            QString command = c.value(QStringLiteral("params")).toObject().value(QStringLiteral("command")).toString();
            command.replace(32, 2, QStringLiteral("ee"));
            c.insert(QStringLiteral("params"), QJsonObject{{QStringLiteral("command"), command}});
        }) << QStringLiteral("a command GUID the engine does not send");
        QTest::newRow("a second key exchange") << [&] {
            QJsonArray c = calls;
            c.append(calls.at(0));
            return bytes(withCalls(good, c));
        }() << QStringLiteral("which a started session does not make");
    }

    void malformedTranscriptIsAnErrorOrADivergence()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const Replayed rep = replay(json);
        const QByteArray message = rep.error ? text(rep.error) : text(rep.outcome.divergence);
        QVERIFY2(rep.error || rep.outcome.divergence, "neither an error nor a divergence");
        QVERIFY(!rep.outcome.complete() || rep.error);
        QVERIFY2(QString::fromUtf8(message).contains(mentions), message.constData());
    }

    // ---- The CLI, end to end -----------------------------------------------------------------------------

    void cliRecordsAndReplays()
    {
        const QString keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(keys));
        QVERIFY(tests::testPki().keys().save(keys).ok());
        const QString file = m_dir.filePath(QStringLiteral("link-loss.json"));
        const tests::CliRun recorded = tests::runCli(
            {QStringLiteral("session"), QStringLiteral("--keys"), keys, QStringLiteral("--device"), QStringLiteral("emulator"),
             QStringLiteral("--scenario"), QStringLiteral("hdcp-link-loss"), QStringLiteral("--protect"), QStringLiteral("hdcp=1"),
             QStringLiteral("--duration"), QStringLiteral("4"), QStringLiteral("--poll-ms"), QStringLiteral("100"),
             QStringLiteral("--transcript"), file, QStringLiteral("--reveal-secrets"), QStringLiteral("--json")});
        QCOMPARE(recorded.exitCode, 1); // alerts
        const QStringList recordedAlerts = cliAlertKinds(cliEvents(recorded.out));
        QVERIFY2(recordedAlerts.contains(QStringLiteral("link_lost")), qPrintable(recordedAlerts.join(u',')));

        const tests::CliRun replayed =
            tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("replay:") + file, QStringLiteral("--json")});
        QCOMPARE(replayed.exitCode, recorded.exitCode);
        const QList<QJsonObject> events = cliEvents(replayed.out);
        QCOMPARE(cliAlertKinds(events), recordedAlerts);
        QJsonObject summary;
        for (const QJsonObject& e : events)
            if (e.value(QStringLiteral("event")).toString() == u"replay")
                summary = e;
        QVERIFY2(!summary.isEmpty(), replayed.out.constData());
        QVERIFY2(summary.value(QStringLiteral("complete")).toBool(), replayed.out.constData());
        QVERIFY2(summary.value(QStringLiteral("events_match")).toBool(), replayed.out.constData());
        QCOMPARE(summary.value(QStringLiteral("calls_played")).toInt(), summary.value(QStringLiteral("calls_recorded")).toInt());

        // Recorded without --reveal-secrets: readable, not replayable (usage error, exit 2).
        const QString secret = m_dir.filePath(QStringLiteral("hidden.json"));
        const tests::CliRun hidden = tests::runCli(
            {QStringLiteral("session"), QStringLiteral("--keys"), keys, QStringLiteral("--duration"), QStringLiteral("0.1"),
             QStringLiteral("--transcript"), secret, QStringLiteral("--json")});
        QCOMPARE(hidden.exitCode, 0);
        const tests::CliRun refused =
            tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("replay:") + secret, QStringLiteral("--json")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("--reveal-secrets"), refused.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
