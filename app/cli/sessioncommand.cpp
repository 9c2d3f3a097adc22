// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/sessioncommand.h>
#include <app/cli/clitr.h>

#include <atomic>
#include <csignal>

#include <app/cli/clioutput.h>
#include <app/cli/devicechoice.h>

#include <core/kernel/protocol/constants.h>
#include <core/session/eventtext.h>
#include <core/session/recordedsession.h>
#include <core/session/sessionengine.h>
#include <core/session/evidencebundle.h>
#include <core/session/sessioneventjson.h>
#include <core/session/sessionreplay.h>
#include <core/session/transcript.h>
#include <core/util/filereader.h>

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

namespace copp::cli {

namespace {

// The "replay" event: how far the replay got and whether it reproduced the
// recorded events (all but the recorded "end", which comes next).
// SIGINT during the poll loop: noted, so the loop ends and the session closes
// cleanly (end event, transcript, evidence); a second Ctrl+C still kills.
std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int)
{
    g_interrupted = true;
    std::signal(SIGINT, SIG_DFL);
}
class InterruptWatch {
public:
    InterruptWatch() { m_previous = std::signal(SIGINT, onInterrupt); }
    ~InterruptWatch() { std::signal(SIGINT, m_previous == SIG_ERR ? SIG_DFL : m_previous); }
    bool happened() const { return g_interrupted.load(); }

private:
    void (*m_previous)(int) = SIG_DFL;
};

session::SessionEvent replaySummary(const session::ReplayOutcome& outcome, const session::Transcript& recorded,
                                    const session::Transcript& replayed, qint64 t)
{
    QJsonArray expected = recorded.events();
    if (!expected.isEmpty() && expected.last().toObject().value(QStringLiteral("event")).toString() == u"end")
        expected.removeLast();
    const auto difference = session::firstEventDifference(expected, replayed.events());
    session::ReplayEvent e{outcome.callsPlayed, outcome.callsRecorded, outcome.complete(), !difference.has_value(),
                           outcome.divergence ? QString::fromStdString(*outcome.divergence) : QString(),
                           difference ? QString::fromStdString(*difference) : QString()};
    return session::SessionEvent{t, e, {}};
}

bool writeTranscript(const QString& path, const session::Transcript& transcript)
{
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(transcript.toJson()).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        err() << "coppscope-cli: " << tr("cannot write the transcript %1: %2").arg(path, file.errorString()) << "\n";
        return false;
    }
    return true;
}

} // namespace

int runSession(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run the application side of a COPP or OPM session (as the device describes itself): key exchange, chain validation, session start, "
           "SetProtectionLevel per --protect, then poll the levels.\n"
           "Exit status: 0 no alert, 1 at least one alert, 2 usage error or the device could not be started."));
    parser.addHelpOption();
    DeviceOptions deviceOptions(parser);
    const QCommandLineOption protect(QStringLiteral("protect"), tr("Set this protection level (hdcp, acp, cgmsa, dpcp), e.g. hdcp=1. Repeatable."),
                                     tr("TYPE=LEVEL"));
    const QCommandLineOption duration(QStringLiteral("duration"), tr("Poll for this long (default 5)."), tr("SECONDS"), QStringLiteral("5"));
    const QCommandLineOption pollMs(QStringLiteral("poll-ms"), tr("Poll interval (default 500)."), tr("N"), QStringLiteral("500"));
    const QCommandLineOption transcript(QStringLiteral("transcript"), tr("Write every call, reply and event to FILE (JSON)."), tr("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("One JSON object per line, each with an \"event\" key."));
    const QCommandLineOption reveal(QStringLiteral("reveal-secrets"), tr("Show the session key (hidden otherwise)."));
    const QCommandLineOption evidence(QStringLiteral("evidence"),
                                      tr("Write the evidence bundle (transcript.json, alerts.csv, summary.json, report.html) into DIR "
                                         "when the session ends, also on an error or Ctrl+C; never overwrites."),
                                      tr("DIR"));
    parser.addOptions({protect, duration, pollMs, transcript, json, reveal, evidence});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("session"));
        return kExitOk;
    }
    std::vector<protocol::TypeLevel> protections;
    for (const QString& p : parser.values(protect)) {
        const auto parsed = protocol::parseTypeLevel(p.toStdString());
        if (!parsed)
            return usageError(tr("--protect %1: expected TYPE=LEVEL with TYPE hdcp, acp, cgmsa or dpcp and a valid level").arg(p));
        protections.push_back(*parsed);
    }
    bool ok = false;
    const double seconds = parser.value(duration).toDouble(&ok);
    if (!ok || !(seconds >= 0 && seconds <= 24 * 3600)) // NaN fails too
        return usageError(tr("--duration: a number of seconds between 0 and 86400"));
    const int interval = parser.value(pollMs).toInt(&ok);
    if (!ok || interval < 10 || interval > 3600 * 1000)
        return usageError(tr("--poll-ms: a number of milliseconds from 10"));

    session::Transcript record;
    const bool asJson = parser.isSet(json);
    if (parser.values(evidence).size() > 1)
        return usageError(tr("--evidence is given twice"));
    session::EvidenceSettings settings;
    settings.pollMs = interval;
    settings.protect = protections;
    settings.scenario = parser.value(QStringLiteral("scenario"));
    settings.faults = parser.values(QStringLiteral("fault"));
    // The bundle, written whatever the way the session ended (docs/evidence.md).
    const auto writeBundle = [&]() -> bool {
        if (!parser.isSet(evidence))
            return true;
        session::EvidenceInput input;
        input.transcript = &record;
        input.settings = settings;
        const auto written = session::writeEvidence(parser.value(evidence), input);
        if (!written) {
            err() << "coppscope-cli: " << tr("evidence: %1").arg(QString::fromStdString(written.error().detail)) << "\n";
            return false;
        }
        err() << "coppscope-cli: " << tr("evidence written to %1: %2")
                                          .arg(QDir::toNativeSeparators(written->directory), written->files.join(QStringLiteral(", ")))
              << "\n";
        return true;
    };
    const auto print = [&](const session::SessionEvent& event) {
        if (asJson) // docs/cli.md#session: the contract's JSON, one event a line
            out() << QJsonDocument(session::toJson(event)).toJson(QJsonDocument::Compact) << "\n";
        else
            out() << session::describeEvent(event) << "\n";
        out().flush();
    };

    auto opened = deviceOptions.open(parser);
    if (!opened && opened.error().code == Error::Code::Usage)
        return usageError(QString::fromStdString(opened.error().detail));
    if (!opened) {
        // docs/cli.md#session: "Every run, failed ones included, ends with exactly one
        // end event"; the transcript is written too, as for any other failed run.
        for (const session::SessionEvent& event : session::deviceNotStartedEvents(QString::fromStdString(opened.error().detail))) {
            record.addEvent(event);
            print(event);
        }
        if (parser.isSet(transcript))
            writeTranscript(parser.value(transcript), record);
        writeBundle();
        err() << "coppscope-cli: " << QString::fromStdString(opened.error().detail) << "\n";
        return kExitUsage; // "2 = usage error or the device could not be started"
    }
    session::OpenedDevice& dev = opened.value();

    if (dev.replay && parser.isSet(protect))
        return usageError(tr("--protect does not go with a replay: the transcript decides every command"));

    settings.trust = dev.policy.trustRoot.name;
    record.setStartedUtc(QDateTime::currentDateTimeUtc()); // t_ms 0: the session's clock starts with it
    session::RecordedSession run(dev, record, parser.isSet(reveal), [&](const session::SessionEvent& event) {
        record.addEvent(event);
        print(event);
    });
    session::SessionEngine& engine = run.engine();
    QElapsedTimer clock; // the poll loop's own time (a replay does not loop)
    clock.start();
    QString endReason;
    bool reproduced = true; // a replay: every call played and every event as recorded
    if (dev.replay) {
        const auto outcome = session::replaySession(engine, *dev.replay);
        const session::SessionEvent summary = replaySummary(outcome, dev.replay->transcript(), record, run.now());
        reproduced = outcome.complete() && summary.as<session::ReplayEvent>()->eventsMatch;
        print(summary);
        endReason = outcome.endReason;
    } else if (engine.start()) {
        for (const protocol::TypeLevel& p : protections)
            (void)engine.setProtectionLevel(p.type, p.level);
        const qint64 end = static_cast<qint64>(seconds * 1000);
        InterruptWatch interrupted; // Ctrl+C ends the session as Stop does: with its end event and its evidence
        while (clock.elapsed() < end && !engine.deviceGone() && !interrupted.happened()) {
            engine.poll();
            const qint64 next = std::min<qint64>(end, clock.elapsed() + interval);
            while (clock.elapsed() < next && !interrupted.happened()) // in slices, so Ctrl+C is prompt
                QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, next - clock.elapsed())));
        }
        if (interrupted.happened())
            endReason = QStringLiteral("interrupted");
    }
    if (endReason.isEmpty())
        endReason = engine.deviceGone() ? engine.deviceGoneReason()
                                        : (engine.started() ? QString() : QStringLiteral("session did not start"));
    engine.finish(endReason);
    if (parser.isSet(transcript) && !writeTranscript(parser.value(transcript), record))
        return kExitUsage;
    if (!writeBundle())
        return kExitUsage;
    if (!reproduced)
        return kExitRejected; // a replay that diverged or differs did not reproduce the recording
    return engine.alerts().empty() && engine.started() ? kExitOk : kExitRejected;
}

} // namespace copp::cli
