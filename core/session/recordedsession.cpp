// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/recordedsession.h>

namespace copp::session {

namespace {

Transcript& prepared(Transcript& transcript, const OpenedDevice& device, bool revealSecrets)
{
    transcript.setPolicy(device.policy, device.testRoot);
    transcript.setKeepApplicationRandom(revealSecrets); // it holds the session key
    return transcript;
}

// A replay runs on the recording's clock; a live session on its own, from now.
Clock startClock(const OpenedDevice& device, QElapsedTimer& elapsed)
{
    if (device.replay)
        return [r = device.replay] { return r->now(); };
    elapsed.start();
    return [&elapsed] { return elapsed.elapsed(); };
}

} // namespace

RecordedSession::RecordedSession(const OpenedDevice& device, Transcript& transcript, bool revealSecrets, EventSink sink)
    : m_clock(startClock(device, m_elapsed)),
      m_recording(*device.device, prepared(transcript, device, revealSecrets), m_clock),
      m_random(device.replay ? device.replay->random() : static_cast<crypto::RandomSource&>(m_system), transcript),
      m_engine(m_recording, SessionOptions{device.policy, revealSecrets, 2000}, m_random, std::move(sink),
               m_clock)
{
}

} // namespace copp::session
