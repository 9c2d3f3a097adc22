// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessionworker.h>

#include <core/session/sessionreplay.h>


#include <iterator>
#include <QTimer>

namespace copp::session {

SessionWorker::SessionWorker(SessionConfig config) : m_config(std::move(config))
{
    m_config.device.discardAgentStderr = true;
}

SessionWorker::~SessionWorker() = default;

void SessionWorker::requestStop()
{
    m_stopRequested = true;
    std::lock_guard lock(m_cancelMutex);
    if (m_emulatorForCancel)
        m_emulatorForCancel->cancel();
}

void SessionWorker::forward(SessionEvent e)
{
    // The calls recorded since the last event belong to this one (the engine
    // reports each step right after its device call).
    // The worker's transcript only pairs calls with events: the controller keeps the record.
    e.calls = m_transcript.takeCalls();
    if (m_config.revealSecrets && m_forwardedRandom < static_cast<qsizetype>(m_transcript.applicationRandom().size())) {
        const Bytes& random = m_transcript.applicationRandom();
        emit applicationRandom(QByteArray(reinterpret_cast<const char*>(random.data()) + m_forwardedRandom,
                                          static_cast<qsizetype>(random.size()) - m_forwardedRandom));
        m_forwardedRandom = static_cast<qsizetype>(random.size());
    }
    emit sessionEvent(e);
}

void SessionWorker::run()
{
    auto opened = openDevice(m_config.device);
    if (!opened) {
        m_ended = true;
        for (const SessionEvent& e : deviceNotStartedEvents(QString::fromStdString(opened.error().detail)))
            emit sessionEvent(e);
        emit finished();
        return;
    }
    m_opened = std::move(opened.value());
    {
        std::lock_guard lock(m_cancelMutex);
        m_emulatorForCancel = m_opened.emulator;
    }
    m_transcript.setStartedUtc(QDateTime::currentDateTimeUtc()); // t_ms 0 (docs/evidence.md)
    m_session = std::make_unique<RecordedSession>(m_opened, m_transcript, m_config.revealSecrets,
                                                  [this](const SessionEvent& e) { forward(e); });
    m_engine = &m_session->engine();
    (void)m_session->device().describe(); // recorded into the transcript's "device"
    const QJsonObject recorded = m_transcript.toJson();
    emit deviceOpened(recorded.value(QStringLiteral("device")).toObject(), recorded.value(QStringLiteral("policy")).toObject(),
                      m_transcript.startedUtc());

    if (m_opened.replay) { // a replay plays at once, on the recording's clock
        const ReplayOutcome outcome = replaySession(*m_engine, *m_opened.replay);
        end(outcome.endReason);
        return;
    }
    if (m_stopRequested || !m_engine->start()) {
        end(m_stopRequested ? QStringLiteral("stopped") : QString());
        return;
    }
    readAvailableTypes();
    for (const protocol::TypeLevel& p : m_config.protections)
        (void)m_engine->setProtectionLevel(p.type, p.level);
    m_timer = new QTimer(this);
    m_timer->setInterval(m_config.pollMs);
    connect(m_timer, &QTimer::timeout, this, &SessionWorker::poll);
    m_timer->start();
    poll();
}

// The window's tester controls follow what the output offers: one
// protection-type query at the start (docs/session-workspace.md). The CLI does
// not ask, so its event stream stays as the contract's examples show it.
void SessionWorker::readAvailableTypes()
{
    if (!m_engine->codec()) // a codec answers OPM_GET_CODEC_INFO only
        (void)m_engine->query(protocol::StatusRequest::ProtectionType);
}

void SessionWorker::poll()
{
    if (!m_engine || m_ended)
        return;
    if (m_stopRequested) {
        stop();
        return;
    }
    m_engine->poll();
    if (m_engine->deviceGone()) // a stall cut short by Stop is the tester's doing, not the device's
        end(m_stopRequested ? QStringLiteral("stopped") : m_engine->deviceGoneReason());
}

void SessionWorker::setProtectionLevel(quint32 type, quint32 level)
{
    if (m_engine && !m_ended && !m_stopRequested)
        (void)m_engine->setProtectionLevel(type, level);
}

void SessionWorker::setSignaling(const QByteArray& payload)
{
    if (!m_engine || m_ended || m_stopRequested)
        return;
    const auto decoded = protocol::decodeSetSignaling(ByteView(reinterpret_cast<const std::uint8_t*>(payload.constData()),
                                                               static_cast<std::size_t>(payload.size())));
    if (decoded)
        (void)m_engine->setSignaling(decoded.value());
}

void SessionWorker::query(int request, quint32 protectionType)
{
    if (m_engine && !m_ended && !m_stopRequested && request >= 0
        && request < static_cast<int>(std::size(protocol::kAllStatusRequests)))
        (void)m_engine->query(protocol::kAllStatusRequests[static_cast<std::size_t>(request)], protectionType);
}

void SessionWorker::stop()
{
    end(QStringLiteral("stopped"));
}

void SessionWorker::end(const QString& reason)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_timer)
        m_timer->stop();
    if (m_engine)
        m_engine->finish(reason);
    else
        emit sessionEvent(endEvent(0, reason));
    emit finished();
}

} // namespace copp::session
