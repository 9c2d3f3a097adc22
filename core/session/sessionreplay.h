// SPDX-License-Identifier: BSD-3-Clause
// Drives a SessionEngine through a recorded session: the next recorded call
// decides the engine's next step (a command or status request is decoded from
// its recorded bytes and asked again), so any recording replays, whether the
// CLI's poll loop or a tester's clicks made it. The engine's requests must then
// repeat byte for byte (ReplayDevice checks them): a replay shows that today's
// engine still reads yesterday's device the same way.
#pragma once

#include <core/session/replaydevice.h>
#include <core/session/sessionengine.h>

#include <QJsonArray>

#include <optional>
#include <string>

namespace copp::session {

struct ReplayOutcome {
    int callsPlayed = 0;
    int callsRecorded = 0;
    std::optional<std::string> divergence; // why the replay stopped early
    QString endReason;                      // for engine.finish(): the recorded one, or the divergence
    bool complete() const { return !divergence && callsPlayed == callsRecorded; }
};

// `engine` must have been built on `device`, device.random() and device.now().
// The caller ends the session: engine.finish(outcome.endReason).
ReplayOutcome replaySession(SessionEngine& engine, ReplayDevice& device);

// Compares two event lists, ignoring "t_ms" and "session_key": the first difference, or nothing.
std::optional<std::string> firstEventDifference(const QJsonArray& recorded, const QJsonArray& replayed);

} // namespace copp::session
