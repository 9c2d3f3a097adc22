// Transcripts: every device call and reply (bytes, timing) plus every session
// event (decoded fields, checks, alerts), as one JSON document. Written with
// `--transcript FILE`; the replay device plays one back. The session key is
// left out unless the session reveals secrets.
//
//   {"format": "coppscope-transcript", "version": 1, "device": {...},
//    "calls": [{"method": "copp.protectionStatus", "params": {...}, "hresult": H,
//               "result": {...}, "t_ms": T, "duration_ms": D}, ...],
//    "events": [{"event": "key_exchange", ...}, ...]}
//
// Calls use the agent protocol's method names and parameter encodings
// (cli-contract.md §2), so a transcript reads like a pipe log.
#pragma once

#include <core/device/coppdevice.h>

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace copp::session {

class Transcript {
public:
    void setDevice(const device::DeviceDescription& description);
    void addCall(QJsonObject call);
    void addEvent(const QJsonObject& event);
    QJsonObject toJson() const;
    const QJsonArray& calls() const { return m_calls; }
    const QJsonArray& events() const { return m_events; }

    static Result<Transcript> fromJson(const QByteArray& json);

private:
    QJsonObject m_device;
    QJsonArray m_calls;
    QJsonArray m_events;
};

// Passes every call to `inner` and records it in the transcript.
class RecordingDevice final : public device::CoppDevice {
public:
    using Clock = std::function<std::int64_t()>;
    RecordingDevice(device::CoppDevice& inner, Transcript& transcript, Clock clock);

    device::DeviceDescription describe() override;
    Result<device::KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;

private:
    void record(const char* method, QJsonObject params, const Error* error, QJsonObject result, std::int64_t startMs);
    device::CoppDevice& m_inner;
    Transcript& m_transcript;
    Clock m_clock;
    std::int64_t m_origin;
};

} // namespace copp::session
