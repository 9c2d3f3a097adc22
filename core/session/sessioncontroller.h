// SPDX-License-Identifier: BSD-3-Clause
// The only session object widgets talk to (docs/architecture.md "A session"). Starts
// a SessionWorker on its own thread, forwards its events (values only) and keeps
// the session's transcript on the GUI thread, so export works at any moment.
// Nothing here blocks: stop() returns at once; a worker stuck in a stalled
// device call is abandoned (its late events are dropped: util::Generation) and
// cleaned up when the call returns.
#pragma once

#include <core/session/sessionworker.h>
#include <core/session/transcript.h>
#include <core/util/latestonly.h>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <vector>

class QThread;
class QTimer;

namespace copp::session {

class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(QObject* parent = nullptr);
    ~SessionController() override; // stops and waits for the session threads

    bool start(const SessionConfig& config); // false while a session runs
    void stop();
    bool isRunning() const { return m_running; }
    // Milliseconds since the last session started (its clock; 0 before any).
    qint64 elapsedMs() const { return m_runClock.isValid() ? m_runClock.elapsed() : 0; }

    void setProtectionLevel(std::uint32_t type, std::uint32_t level);
    void setSignaling(const protocol::SetSignaling& signaling);
    void query(protocol::StatusRequest request, std::uint32_t protectionType = 0);

    // Everything recorded so far (calls, events; the application's random
    // bytes only when the session reveals secrets).
    const Transcript& transcript() const { return m_transcript; }
    // How long stop() lets the worker end cleanly before abandoning it.
    void setStopGraceMs(int ms);

signals:
    void started();
    void eventReceived(const copp::session::SessionEvent& event);
    void stopped();

private:
    void receive(const SessionEvent& event);
    void abandon();
    void finishRun();

    util::Generation m_generation; // the running session's; abandoned or stopped ones are outdated
    bool m_running = false;
    QTimer* m_stopGrace; // from stop() until the run ends: then the worker is abandoned
    QPointer<SessionWorker> m_worker;
    std::vector<QPointer<QThread>> m_threads; // running or winding down
    Transcript m_transcript;
    std::int64_t m_lastEventMs = 0;
    QElapsedTimer m_runClock; // since start(), for an end the worker could not give
    struct Seen {             // what the running session's events said so far
        bool started = false;
        int alerts = 0;
        int statusCalls = 0;
        int commands = 0;
    } m_seen;
};

} // namespace copp::session
