// The only session object widgets talk to (ARCHITECTURE.md, "A device"). Starts
// a SessionWorker on its own thread, forwards its events (values only) and keeps
// the session's transcript on the GUI thread, so export works at any moment.
// Nothing here blocks: stop() returns at once; a worker stuck in a stalled
// device call is abandoned (its late events are dropped by a generation
// counter) and cleaned up when the call returns.
#pragma once

#include "sessionworker.h"
#include "transcript.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <vector>

class QThread;

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
    void setStopGraceMs(int ms) { m_stopGraceMs = ms; }

signals:
    void started();
    void eventReceived(const copp::session::SessionEvent& event);
    void stopped();

private:
    void receive(quint64 generation, const SessionEvent& event);
    void abandon(quint64 generation);
    void finishRun();

    quint64 m_generation = 0;
    bool m_running = false;
    int m_stopGraceMs = 500;
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
