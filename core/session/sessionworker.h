// SPDX-License-Identifier: BSD-3-Clause
// Runs one session on the session thread (docs/architecture.md "A session"): opens
// the device there (COM on Windows requires it), drives the SessionEngine,
// polls with a QTimer, and sends values only (events and recorded calls) back
// through queued signals. Never touched from another thread except through
// queued slot calls and requestStop().
#pragma once

#include <core/session/recordedsession.h>

#include <core/kernel/protocol/constants.h>

#include <QDateTime>
#include <QJsonArray>
#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

class QTimer;

namespace copp::session {

struct SessionConfig {
    DeviceSpec device;
    std::vector<protocol::TypeLevel> protections; // SetProtectionLevel right after the start
    int pollMs = 500;
    bool revealSecrets = false;
};

class SessionWorker : public QObject {
    Q_OBJECT
public:
    explicit SessionWorker(SessionConfig config);
    ~SessionWorker() override;

    // Thread-safe: makes a stalled emulator call return now and stops polling.
    void requestStop();

public slots:
    void run(); // open the device, start, protect, then poll
    void setProtectionLevel(quint32 type, quint32 level);
    void setSignaling(const QByteArray& payload); // a SetSignaling payload (64 bytes)
    void query(int request, quint32 protectionType);
    void stop(); // finish the session (the `end` event), then finished()

signals:
    // One engine event, with the device calls that produced it (if any).
    void sessionEvent(const copp::session::SessionEvent& event);
    void deviceOpened(const QJsonObject& description, const QJsonObject& policy, const QDateTime& startedUtc);
    void applicationRandom(const QByteArray& bytes); // only when secrets are revealed
    void finished();

private:
    void poll();
    void forward(SessionEvent event);
    void readAvailableTypes();
    void end(const QString& reason);

    SessionConfig m_config;
    OpenedDevice m_opened;
    Transcript m_transcript;
    std::unique_ptr<RecordedSession> m_session;
    SessionEngine* m_engine = nullptr; // m_session's, once the device is open
    QTimer* m_timer = nullptr;
    qsizetype m_forwardedRandom = 0;
    std::atomic<bool> m_stopRequested{false};
    std::mutex m_cancelMutex; // guards m_emulatorForCancel (set on the session thread, read by requestStop)
    std::shared_ptr<device::EmulatorDevice> m_emulatorForCancel;
    bool m_ended = false;
};

} // namespace copp::session
