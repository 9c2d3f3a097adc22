// SPDX-License-Identifier: BSD-3-Clause
// The evidence bundle (docs/evidence.md): every interval rule on event
// timelines written for it; emulator scenarios checked against their own
// instants; the bundle's files, the no-overwrite rule, no session key unless
// revealed; and `coppscope-cli session --evidence` on a clean end, a failed
// start and Ctrl+C.
#include <session/sessionfixture.h>

#include <core/device/emulator/scenario.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/evidencebundle.h>
#include <core/session/protectionstate.h>

#include <QCryptographicHash>
#include <QDir>
#include <QTimeZone>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <signal.h>

using namespace copp;
using session::EvidenceSummary;
using State = session::ProtectionInterval::State;
using Verdict = EvidenceSummary::Verdict;

namespace {

constexpr quint32 kHdcp = protocol::protection::Hdcp;
constexpr quint32 kAcp = protocol::protection::Acp;
constexpr quint32 kCgmsa = protocol::protection::Cgmsa;
constexpr qint64 kGrace = session::ProtectionState::kEngageGraceMs;

session::SessionEvent started(qint64 t) { return {t, session::SessionStartedEvent{}, {}}; }

session::SessionEvent request(qint64 t, quint32 type, quint32 level, bool ok = true)
{
    session::CommandEvent c;
    c.type = type;
    c.level = level;
    c.ok = ok;
    return {t, c, {}};
}

session::SessionEvent global(qint64 t, quint32 type, std::optional<quint32> level, bool believed = true)
{
    session::StatusEvent s;
    s.requestName = QStringLiteral("global-level");
    s.request = protocol::StatusRequest::GlobalLevel;
    s.type = type;
    s.ok = level.has_value();
    s.checks = {believed, true, true};
    if (level)
        s.fields.value = *level;
    return {t, s, {}};
}

session::SessionEvent alert(qint64 t, session::AlertKind kind) { return {t, session::AlertEvent{kind, QStringLiteral("x"), {}, {}}, {}}; }

// "state@from-to" per interval, level in brackets when read.
QStringList describe(const session::TypeProtection& t)
{
    QStringList out;
    for (const auto& i : t.intervals)
        out << QStringLiteral("%1@%2-%3%4")
                   .arg(session::stateId(i.state))
                   .arg(i.fromMs)
                   .arg(i.toMs)
                   .arg(i.level ? QStringLiteral("[%1]").arg(*i.level) : QString());
    return out;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestEvidence : public QObject {
    Q_OBJECT
private slots:
    void pendingProtectedUnprotected()
    {
        const auto s = EvidenceSummary::fromEvents({started(0), request(10, kHdcp, 1), global(100, kHdcp, 0), global(300, kHdcp, 1),
                                                    global(3000, kHdcp, 0), global(3500, kHdcp, 1)},
                                                   5000);
        QCOMPARE(s.types.size(), std::size_t(1));
        // Pending from 0, still pending at 100 (HDCP engaging, within the grace), protected at the
        // poll that read 1, unprotected at the poll that read 0, protected again.
        QCOMPARE(describe(s.types[0]), (QStringList{QStringLiteral("pending@0-100"), QStringLiteral("pending@100-300[0]"),
                                                    QStringLiteral("protected@300-3000[1]"), QStringLiteral("unprotected@3000-3500[0]"),
                                                    QStringLiteral("protected@3500-5000[1]")}));
        QCOMPARE(s.types[0].unprotectedMs, 500);
        QCOMPARE(s.verdict, Verdict::ProtectionLost);
        QCOMPARE(s.timesLost(), 1);
        QCOMPARE(session::verdictHeadline(s), QStringLiteral("✖ protection lost 1×, 0.5 s unprotected"));
    }

    void graceEndsPending()
    {
        // Never reached: pending until the grace has passed, then what the polls said.
        auto s = EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1), global(500, kHdcp, 0), global(1000, kHdcp, 0)}, 4000);
        QCOMPARE(describe(s.types[0]), (QStringList{QStringLiteral("pending@0-500"), QStringLiteral("pending@500-%1[0]").arg(kGrace),
                                                    QStringLiteral("unprotected@%1-4000[0]").arg(kGrace)}));
        QCOMPARE(s.verdict, Verdict::NotProtected);
        // No poll at all before the grace passed: unknown, not unprotected.
        s = EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1)}, 4000);
        QCOMPARE(describe(s.types[0]), (QStringList{QStringLiteral("pending@0-%1").arg(kGrace), QStringLiteral("unknown@%1-4000").arg(kGrace)}));
    }

    void unknownWhenNotBelievedOrNotAnswered()
    {
        const auto s = EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1), global(200, kHdcp, 1), global(400, kHdcp, 1, false),
                                                    global(600, kHdcp, 1), global(800, kHdcp, std::nullopt),
                                                    global(1000, kHdcp, 1), alert(1200, session::AlertKind::Timeout)},
                                                   2000);
        QCOMPARE(describe(s.types[0]), (QStringList{QStringLiteral("pending@0-200"), QStringLiteral("protected@200-400[1]"),
                                                    QStringLiteral("unknown@400-600"), QStringLiteral("protected@600-800[1]"),
                                                    QStringLiteral("unknown@800-1000"), QStringLiteral("protected@1000-1200[1]"),
                                                    QStringLiteral("unknown@1200-2000")}));
        QCOMPARE(s.types[0].unprotectedMs, 0); // unknown is not counted as unprotected
        QCOMPARE(s.verdict, Verdict::ProtectionLost);
    }

    void linkLossIsUnprotected()
    {
        const auto s = EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1), global(200, kHdcp, 1),
                                                    alert(3000, session::AlertKind::LinkLost), global(3100, kHdcp, 0)},
                                                   4000);
        QCOMPARE(describe(s.types[0]), (QStringList{QStringLiteral("pending@0-200"), QStringLiteral("protected@200-3000[1]"),
                                                    QStringLiteral("unprotected@3000-3100[1]"), QStringLiteral("unprotected@3100-4000[0]")}));
        QCOMPARE(s.types[0].unprotectedMs, 1000);
    }

    void precedenceNotNumbers()
    {
        // ACP 2 protects more than 3: asked for 3, reading 2 is protected; asked for 2, reading 3 is not.
        auto s = EvidenceSummary::fromEvents({started(0), request(0, kAcp, 3), global(100, kAcp, 2)}, 1000);
        QCOMPARE(s.types[0].intervals.back().state, State::Protected);
        s = EvidenceSummary::fromEvents({started(0), request(0, kAcp, 2), global(100, kAcp, 3), global(kGrace + 100, kAcp, 3)}, kGrace + 500);
        QCOMPARE(s.types[0].intervals.back().state, State::Unprotected);
        // CGMS-A: copy no more (2) outranks copy one generation (3); the redistribution flag (0x08) does not count.
        s = EvidenceSummary::fromEvents({started(0), request(0, kCgmsa, 3), global(100, kCgmsa, 2 | 0x08)}, 1000);
        QCOMPARE(s.types[0].intervals.back().state, State::Protected);
        s = EvidenceSummary::fromEvents({started(0), request(0, kCgmsa, 2), global(100, kCgmsa, 3), global(kGrace + 1, kCgmsa, 3)}, kGrace + 10);
        QCOMPARE(s.types[0].intervals.back().state, State::Unprotected);
    }

    void verdicts()
    {
        QCOMPARE(EvidenceSummary::fromEvents({request(0, kHdcp, 1)}, 10).verdict, Verdict::NoSession);
        QCOMPARE(EvidenceSummary::fromEvents({started(0)}, 10).verdict, Verdict::NotRequested);
        QCOMPARE(EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1, false)}, 10).verdict, Verdict::NotRequested);
        QCOMPARE(EvidenceSummary::fromEvents({started(0), request(0, kHdcp, 1), global(100, kHdcp, 1)}, 5000).verdict, Verdict::Protected);
        // Two types in the order requested.
        const auto s = EvidenceSummary::fromEvents({started(0), request(0, kAcp, 1), request(1, kHdcp, 1)}, 10);
        QCOMPARE(s.types[0].type, kAcp);
        QCOMPARE(s.types[1].type, kHdcp);
    }

    // A real emulator session against the scenario's own instant: level-downgrade
    // drops HDCP at 3,000 ms without a status flag.
    void scenarioDropIsAtItsInstant()
    {
        const auto scenario = device::Scenario::builtIn(QStringLiteral("level-downgrade"));
        QVERIFY(scenario.ok());
        tests::SessionFixture f({}, {}, scenario.value());
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(kHdcp, 1).ok());
        f.pollFor(50, 100); // 5 s
        f.engine->finish();
        const auto s = EvidenceSummary::fromEvents(f.typed, f.typed.back().tMs);
        QCOMPARE(s.verdict, Verdict::ProtectionLost);
        QCOMPARE(s.connector, QStringLiteral("hdmi"));
        const auto& hdcp = s.types.at(0);
        const auto drop = std::find_if(hdcp.intervals.begin(), hdcp.intervals.end(),
                                       [](const auto& i) { return i.state == State::Unprotected; });
        QVERIFY(drop != hdcp.intervals.end());
        // The scenario's clock started with the fixture's (t_ms 0 + the start time); the
        // first poll at or after 3,000 ms shows the drop.
        QVERIFY2(drop->fromMs >= 3000 && drop->fromMs <= 3000 + 100, qPrintable(describe(hdcp).join(u' ')));
        QCOMPARE(drop->toMs, s.endedMs);
        QVERIFY(std::any_of(hdcp.intervals.begin(), drop, [](const auto& i) { return i.state == State::Protected; }));
    }

    // hdcp-link-loss loses the link at 3,000 ms; the tester sets HDCP again at 4,000 ms.
    void scenarioLinkLossAndRecovery()
    {
        const auto scenario = device::Scenario::builtIn(QStringLiteral("hdcp-link-loss"));
        QVERIFY(scenario.ok());
        tests::SessionFixture f({}, {}, scenario.value());
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(kHdcp, 1).ok());
        f.pollFor(40, 100);
        QVERIFY(f.engine->setProtectionLevel(kHdcp, 1).ok()); // at 4,000 ms
        f.pollFor(20, 100);
        f.engine->finish();
        const auto s = EvidenceSummary::fromEvents(f.typed, f.typed.back().tMs);
        QCOMPARE(s.verdict, Verdict::ProtectionLost);
        QCOMPARE(s.timesLost(), 1);
        const auto& iv = s.types.at(0).intervals;
        const auto lost = std::find_if(iv.begin(), iv.end(), [](const auto& i) { return i.state == State::Unprotected; });
        QVERIFY(lost != iv.end());
        QVERIFY2(lost->fromMs >= 3000 && lost->fromMs <= 3100, qPrintable(describe(s.types.at(0)).join(u' ')));
        // Protected again after the new request (HDCP engages in 150 ms), to the end.
        QCOMPARE(iv.back().state, State::Protected);
        QVERIFY2(iv.back().fromMs > 4000 && iv.back().fromMs <= 4000 + 300, qPrintable(describe(s.types.at(0)).join(u' ')));
        QCOMPARE(iv.back().toMs, s.endedMs);
        const qint64 unprotected = s.types.at(0).unprotectedMs;
        QVERIFY2(unprotected >= 900 && unprotected <= 1400, qPrintable(QString::number(unprotected)));
    }

    void badChainIsNoSession()
    {
        tests::SessionFixture f({"untrusted-chain"});
        QVERIFY(!f.engine->start());
        f.engine->finish();
        const auto s = EvidenceSummary::fromEvents(f.typed, f.typed.back().tMs);
        QCOMPARE(s.verdict, Verdict::NoSession);
        QVERIFY(s.chainSeen && !s.chainValid);
        QCOMPARE(s.firstFailure, QStringLiteral("cert.trusted_root"));
    }

    void stalledDeviceIsUnknown()
    {
        tests::SessionFixture f({"stall=500@12"}); // after HDCP is on (the third poll)
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(kHdcp, 1).ok());
        f.pollFor(5, 100);
        QVERIFY(f.engine->stalled());
        f.engine->finish(f.engine->deviceGoneReason());
        const auto s = EvidenceSummary::fromEvents(f.typed, f.typed.back().tMs + 1000);
        QCOMPARE(s.types.at(0).intervals.back().state, State::Unknown);
        QCOMPARE(s.verdict, Verdict::ProtectionLost);
    }

    void bundleFilesAndNoOverwrite()
    {
        tests::SessionFixture f;
        session::Transcript record;
        for (const auto& e : f.typed)
            record.addEvent(e);
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(kHdcp, 1).ok());
        f.pollFor(30, 100);
        f.engine->finish();
        for (const auto& e : f.typed)
            record.addEvent(e);
        record.setStartedUtc(QDateTime(QDate(2026, 12, 7), QTime(13, 56, 4, 123), Qt::UTC));
        QTemporaryDir dir;
        session::EvidenceInput input;
        input.transcript = &record;
        input.settings.protect = {{kHdcp, 1}};
        const auto written = session::writeEvidence(dir.filePath(QStringLiteral("ev")), input);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().detail.c_str());
        QCOMPARE(written->files, (QStringList{QStringLiteral("transcript.json"), QStringLiteral("alerts.csv"),
                                              QStringLiteral("summary.json"), QStringLiteral("report.html")}));
        const QString ev = dir.filePath(QStringLiteral("ev"));
        const QJsonObject summary = QJsonDocument::fromJson(readFile(ev + QStringLiteral("/summary.json"))).object();
        QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("coppscope-evidence"));
        QCOMPARE(summary.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("started_utc")).toString(), QStringLiteral("2026-12-07T13:56:04.123Z"));
        QCOMPARE(summary.value(QStringLiteral("verdict")).toString(), QStringLiteral("protected"));
        QCOMPARE(summary.value(QStringLiteral("settings")).toObject().value(QStringLiteral("trust")).toString(), QStringLiteral("emulator"));
        const QByteArray transcript = readFile(ev + QStringLiteral("/transcript.json"));
        QCOMPARE(summary.value(QStringLiteral("transcript")).toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
                 QCryptographicHash::hash(transcript, QCryptographicHash::Sha256).toHex());
        QVERIFY(transcript.contains("\"started_utc\": \"2026-12-07T13:56:04.123Z\""));
        const QJsonArray types = summary.value(QStringLiteral("types")).toArray();
        QCOMPARE(types.size(), 1);
        const QJsonArray intervals = types.at(0).toObject().value(QStringLiteral("intervals")).toArray();
        QCOMPARE(intervals.first().toObject().value(QStringLiteral("from_ms")).toInteger(), 0);
        QCOMPARE(intervals.last().toObject().value(QStringLiteral("to_ms")).toInteger(), summary.value(QStringLiteral("ended_ms")).toInteger());
        for (qsizetype i = 1; i < intervals.size(); ++i) // consecutive
            QCOMPARE(intervals.at(i).toObject().value(QStringLiteral("from_ms")), intervals.at(i - 1).toObject().value(QStringLiteral("to_ms")));
        QVERIFY(readFile(ev + QStringLiteral("/report.html")).contains("PROTECTED for the whole session"));

        // A second bundle into the same folder is refused, and nothing there changes.
        const QByteArray before = readFile(ev + QStringLiteral("/report.html"));
        const auto again = session::writeEvidence(ev, input);
        QVERIFY(!again.ok());
        QVERIFY(QString::fromStdString(again.error().detail).contains(QStringLiteral("never overwritten")));
        QCOMPARE(readFile(ev + QStringLiteral("/report.html")), before);
    }

    // The CLI writes the bundle when a session ends cleanly, when it never
    // starts, and on Ctrl+C; with no session key unless revealed.
    void cliWritesTheBundle()
    {
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean"));
        auto run = tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                                  QStringLiteral("--protect"), QStringLiteral("hdcp=1"), QStringLiteral("--duration"),
                                  QStringLiteral("1"), QStringLiteral("--poll-ms"), QStringLiteral("100"),
                                  QStringLiteral("--evidence"), clean});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("evidence written to"), run.err.constData());
        QJsonObject summary = QJsonDocument::fromJson(readFile(clean + QStringLiteral("/summary.json"))).object();
        QCOMPARE(summary.value(QStringLiteral("verdict")).toString(), QStringLiteral("protected"));
        QCOMPARE(summary.value(QStringLiteral("settings")).toObject().value(QStringLiteral("protect")).toObject(),
                 (QJsonObject{{QStringLiteral("hdcp"), 1}}));
        for (const QString& file : QDir(clean).entryList(QDir::Files)) { // no key, nor the randomness it came from
            QVERIFY2(!readFile(clean + u'/' + file).contains("session_key"), qPrintable(file));
            QVERIFY2(!readFile(clean + u'/' + file).contains("\"replay\""), qPrintable(file));
        }
        // With --reveal-secrets the key is there (so the check above can see one).
        const QString revealed = dir.filePath(QStringLiteral("revealed"));
        run = tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                             QStringLiteral("--duration"), QStringLiteral("0"), QStringLiteral("--reveal-secrets"),
                             QStringLiteral("--evidence"), revealed});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(readFile(revealed + QStringLiteral("/transcript.json")).contains("\"session_key\""));
        // Again into the same folder: refused with exit 2, nothing overwritten.
        run = tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                             QStringLiteral("--duration"), QStringLiteral("0"), QStringLiteral("--evidence"), clean});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("never overwritten"), run.err.constData());

        // A session that never started (a bad chain) still leaves its bundle.
        const QString bad = dir.filePath(QStringLiteral("bad"));
        run = tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                             QStringLiteral("--fault"), QStringLiteral("untrusted-chain"), QStringLiteral("--evidence"), bad});
        QCOMPARE(run.exitCode, 1);
        summary = QJsonDocument::fromJson(readFile(bad + QStringLiteral("/summary.json"))).object();
        QCOMPARE(summary.value(QStringLiteral("verdict")).toString(), QStringLiteral("no_session"));
        QCOMPARE(summary.value(QStringLiteral("chain")).toObject().value(QStringLiteral("first_failure")).toString(),
                 QStringLiteral("cert.trusted_root"));

        // Ctrl+C during a long session: the session ends, with its bundle.
        const QString interrupted = dir.filePath(QStringLiteral("interrupted"));
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(qEnvironmentVariable("COPP_CLI"),
                {QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"), QStringLiteral("--protect"),
                 QStringLiteral("hdcp=1"), QStringLiteral("--duration"), QStringLiteral("600"), QStringLiteral("--poll-ms"),
                 QStringLiteral("100"), QStringLiteral("--json"), QStringLiteral("--evidence"), interrupted});
        QVERIFY(p.waitForStarted());
        QByteArray output;
        // Polling, HDCP on (it engages in 150 ms; four polls at 100 ms are past that).
        QTRY_VERIFY_WITH_TIMEOUT((output += p.readAllStandardOutput()).count("\"global-level\"") >= 4, 20000);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        summary = QJsonDocument::fromJson(readFile(interrupted + QStringLiteral("/summary.json"))).object();
        QCOMPARE(summary.value(QStringLiteral("verdict")).toString(), QStringLiteral("protected"));
        QVERIFY(readFile(interrupted + QStringLiteral("/transcript.json")).contains("\"reason\": \"interrupted\""));
    }
};

QTEST_GUILESS_MAIN(TestEvidence)
#include "tst_evidence.moc"
