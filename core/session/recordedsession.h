// SPDX-License-Identifier: BSD-3-Clause
// What both front ends (the CLI's `session`, the GUI's session worker) wire the
// same way around an opened device: a clock and randomness that are the
// recording's for a replay (so it repeats byte for byte) and the system's
// otherwise, the recording decorator that fills the transcript, and the engine.
#pragma once

#include <core/session/deviceopener.h>
#include <core/session/sessionengine.h>
#include <core/session/transcript.h>

#include <QElapsedTimer>

namespace copp::session {

class RecordedSession {
public:
    // `transcript` receives the policy, the calls and (with revealSecrets) the
    // application's random bytes; events go to `sink` only.
    RecordedSession(const OpenedDevice& device, Transcript& transcript, bool revealSecrets, EventSink sink);
    RecordedSession(const RecordedSession&) = delete; // the parts refer to each other
    RecordedSession& operator=(const RecordedSession&) = delete;

    SessionEngine& engine() { return m_engine; }
    RecordingDevice& device() { return m_recording; }
    std::int64_t now() const { return m_clock(); }

private:
    QElapsedTimer m_elapsed;
    Clock m_clock;
    crypto::SystemRandom m_system;
    RecordingDevice m_recording;
    RecordingRandom m_random;
    SessionEngine m_engine;
};

} // namespace copp::session
