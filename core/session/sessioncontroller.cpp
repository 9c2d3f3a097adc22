// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessioncontroller.h>

#include <core/cert/x509bundle.h>

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace copp::session {

SessionController::SessionController(QObject* parent) : QObject(parent), m_stopGrace(new QTimer(this))
{
    m_stopGrace->setSingleShot(true);
    m_stopGrace->setInterval(500);
    connect(m_stopGrace, &QTimer::timeout, this, &SessionController::abandon);
}

void SessionController::setStopGraceMs(int ms)
{
    m_stopGrace->setInterval(ms);
}

SessionController::~SessionController()
{
    if (m_worker)
        m_worker->requestStop();
    for (const QPointer<QThread>& thread : m_threads) {
        if (!thread)
            continue;
        thread->quit();
        thread->wait(); // bounded by the device's call deadline
    }
}

bool SessionController::start(const SessionConfig& config)
{
    if (m_running)
        return false;
    const util::Generation::Ticket generation = m_generation.next();
    m_running = true;
    m_transcript = Transcript();
    m_transcript.setKeepApplicationRandom(config.revealSecrets);
    m_transcript.setStartedUtc(QDateTime::currentDateTimeUtc()); // until the worker gives the exact instant
    // Calls are about 0.5 KB each with their blocks compact (transcriptblocks.h;
    // 16 KB before, when 4,000 were kept: 11 minutes of polling one type):
    // 50,000 calls (~2.3 hours at 500 ms) and 100,000 events stay near 75 MB.
    // The start and the newest are kept.
    m_transcript.setLimits(50000, 100000);
    m_lastEventMs = 0;
    m_seen = {};
    m_runClock.start();

    auto* thread = new QThread(this);
    thread->setObjectName(QStringLiteral("copp-session"));
    auto* worker = new SessionWorker(config);
    worker->moveToThread(thread);
    m_worker = worker;
    m_threads.emplace_back(thread);
    connect(thread, &QThread::started, worker, &SessionWorker::run);
    connect(worker, &SessionWorker::finished, thread, &QThread::quit);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    // finished() is emitted in the session thread itself, before wait() returns: an
    // OPM session used OpenSSL there (docs/development.md#sanitizers).
    connect(thread, &QThread::finished, thread, [] { cert::releaseOpenSslThreadState(); }, Qt::DirectConnection);
    connect(thread, &QThread::finished, this, [this, thread] {
        std::erase_if(m_threads, [thread](const QPointer<QThread>& t) { return !t || t == thread; });
        thread->deleteLater();
    });
    // What a stopped or replaced session's worker still says is dropped.
    connect(worker, &SessionWorker::sessionEvent, this,
            m_generation.guard(generation, [this](const SessionEvent& e) { receive(e); }));
    connect(worker, &SessionWorker::deviceOpened, this,
            m_generation.guard(generation, [this](const QJsonObject& device, const QJsonObject& policy,
                                                  const QDateTime& startedUtc) {
                m_transcript.setRecorded(device, policy);
                m_transcript.setStartedUtc(startedUtc);
            }));
    connect(worker, &SessionWorker::applicationRandom, this,
            m_generation.guard(generation, [this](const QByteArray& bytes) {
                m_transcript.appendApplicationRandom(ByteView(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                                              static_cast<std::size_t>(bytes.size())));
            }));
    connect(worker, &SessionWorker::finished, this, m_generation.guard(generation, [this] { finishRun(); }));
    thread->start();
    emit started();
    return true;
}

void SessionController::receive(const SessionEvent& event)
{
    for (const QJsonValue& call : event.calls)
        m_transcript.addCall(call.toObject());
    m_transcript.addEvent(event);
    m_lastEventMs = event.tMs;
    m_seen.started = m_seen.started || event.is<SessionStartedEvent>();
    m_seen.alerts += event.is<AlertEvent>();
    m_seen.statusCalls += event.is<StatusEvent>();
    m_seen.commands += event.is<CommandEvent>();
    emit eventReceived(event);
}

void SessionController::stop()
{
    if (!m_running || !m_worker)
        return;
    m_worker->requestStop(); // ends an emulator stall at once
    QMetaObject::invokeMethod(m_worker, &SessionWorker::stop, Qt::QueuedConnection);
    // A worker blocked in a device call cannot answer: give it a moment, then let go.
    m_stopGrace->start();
}

void SessionController::abandon()
{
    if (!m_running)
        return;
    m_generation.invalidate(); // whatever it still says is dropped
    // The engine's end event, from what the worker said before it was let go (the
    // status call it is stuck in never reported).
    const SessionEvent end = endEvent(std::max<qint64>(m_lastEventMs, m_runClock.elapsed()),
                                      QStringLiteral("stopped while the device was not answering"), m_seen.started,
                                      m_seen.alerts, m_seen.statusCalls, m_seen.commands);
    m_transcript.addEvent(end);
    emit eventReceived(end);
    finishRun();
}

void SessionController::finishRun()
{
    m_stopGrace->stop(); // ended by itself: nothing to abandon
    m_running = false;
    m_worker = nullptr;
    emit stopped();
}

void SessionController::setProtectionLevel(std::uint32_t type, std::uint32_t level)
{
    if (m_running && m_worker)
        QMetaObject::invokeMethod(m_worker, "setProtectionLevel", Qt::QueuedConnection, Q_ARG(quint32, type), Q_ARG(quint32, level));
}

void SessionController::setSignaling(const protocol::SetSignaling& signaling)
{
    const Bytes payload = protocol::encode(signaling);
    if (m_running && m_worker)
        QMetaObject::invokeMethod(m_worker, "setSignaling", Qt::QueuedConnection,
                                  Q_ARG(QByteArray, QByteArray(reinterpret_cast<const char*>(payload.data()),
                                                               static_cast<qsizetype>(payload.size()))));
}

void SessionController::query(protocol::StatusRequest request, std::uint32_t protectionType)
{
    int index = -1;
    for (std::size_t i = 0; i < std::size(protocol::kAllStatusRequests); ++i)
        if (protocol::kAllStatusRequests[i] == request)
            index = static_cast<int>(i);
    if (m_running && m_worker && index >= 0)
        QMetaObject::invokeMethod(m_worker, "query", Qt::QueuedConnection, Q_ARG(int, index), Q_ARG(quint32, protectionType));
}

} // namespace copp::session
