// SPDX-License-Identifier: BSD-3-Clause
// Transcripts: every device call and reply (bytes, timing) plus every session
// event (decoded fields, checks, alerts), as one JSON document. Written with
// `--transcript FILE`; the replay device plays one back. The session key is
// left out unless the session reveals secrets.
//
//   {"format": "coppscope-transcript", "version": 2, "device": {...},
//    "calls": [{"method": "copp.protectionStatus", "params": {...}, "hresult": H,
//               "result": {...}, "t_ms": T, "duration_ms": D}, ...],
//    "events": [{"event": "key_exchange", ...}, ...],
//    "policy": {"trust_root": {...}, "test_root": B, "revocation_list": BASE64},
//    "replay": {"random": HEX}}
//
// "replay" holds every random byte the application drew (session key, start
// sequences, PKCS#1 padding, status randoms), so a replay repeats each request
// byte for byte. It contains the session key: it is written only when the
// session reveals secrets.
//
// Calls use the agent protocol's method names and parameter encodings
// (docs/cli.md#the-device-agent-protocol), so a transcript reads like a pipe log, except that the
// 4096- and 4112-byte blocks leave out their trailing zero bytes (version 2,
// transcriptblocks.h; readers also take version 1, blocks in full).
#pragma once

#include <core/device/coppdevice.h>
#include <core/device/opmdevice.h>
#include <core/kernel/crypto/random.h>
#include <core/validation/validationpolicy.h>

#include <core/session/sessionevent.h>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <utility>
#include <vector>

namespace copp::session {

class Transcript {
public:
    void setDevice(const device::DeviceDescription& description);
    void addCall(QJsonObject call);
    void addEvent(const SessionEvent& event); // kept in the contract's JSON (sessioneventjson.h)
    // Bounds for long sessions (the GUI polls for hours): beyond them the
    // first `head` entries and the newest ones are kept, and the number left
    // out is written as "calls_omitted" / "events_omitted". 0 = unbounded (the CLI).
    void setLimits(qsizetype maxCalls, qsizetype maxEvents, qsizetype head = 1000);
    void setPolicy(const validation::ValidationPolicy& policy, bool testRoot);
    // The "device" and "policy" objects as another transcript recorded them.
    void setRecorded(const QJsonObject& device, const QJsonObject& policy)
    {
        m_device = device;
        m_policy = policy;
    }
    void appendApplicationRandom(ByteView bytes);
    // Written only when true (the randomness contains the session key).
    void setKeepApplicationRandom(bool keep) { m_keepRandom = keep; }
    QJsonObject toJson() const;
    // The instant of t_ms 0 (docs/evidence.md): written as "started_utc" when set.
    void setStartedUtc(const QDateTime& utc) { m_startedUtc = utc; }
    QDateTime startedUtc() const { return m_startedUtc; }

    const QJsonObject& device() const { return m_device; }
    const QJsonArray& calls() const { return m_calls; }
    QJsonArray takeCalls() { return std::exchange(m_calls, QJsonArray()); }
    const QJsonArray& events() const { return m_events; }
    // The events read back into their types; the first that cannot be read is an error.
    Result<std::vector<SessionEvent>> typedEvents() const;
    const Bytes& applicationRandom() const { return m_random; }
    bool hasApplicationRandom() const { return m_keepRandom; }
    // The recorded trust root and revocation list; an error when absent or broken.
    Result<validation::ValidationPolicy> policy() const;
    bool recordedTestRoot() const;
    bool hasPolicy() const { return !m_policy.isEmpty(); }

    static Result<Transcript> fromJson(const QByteArray& json);

private:
    QJsonObject m_device;
    QJsonArray m_calls;
    QJsonArray m_events;
    QJsonObject m_policy;
    qsizetype m_maxCalls = 0, m_maxEvents = 0, m_head = 1000;
    qint64 m_callsOmitted = 0, m_eventsOmitted = 0;
    Bytes m_random;
    bool m_keepRandom = false;
    QDateTime m_startedUtc;
};

// Passes every draw through and appends it to the transcript.
class RecordingRandom final : public crypto::RandomSource {
public:
    RecordingRandom(crypto::RandomSource& inner, Transcript& transcript) : m_inner(inner), m_transcript(transcript) {}
    void fill(std::span<std::uint8_t> out) override;

private:
    crypto::RandomSource& m_inner;
    Transcript& m_transcript;
};

// Passes every call to `inner` and records it in the transcript.
class RecordingDevice final : public device::CoppDevice, public device::OpmDevice {
public:
    using Clock = std::function<std::int64_t()>;
    RecordingDevice(device::CoppDevice& inner, Transcript& transcript, Clock clock);

    device::DeviceDescription describe() override;
    Result<device::KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;
    // The OPM side exists when the inner device has one.
    device::OpmDevice* opm() override { return m_inner.opm() ? this : nullptr; }
    bool lost() const override { return m_inner.lost(); }
    Result<device::StartInitializationReply> startInitialization() override;
    Result<void> finishInitialization(const protocol::Signature256& parameters) override;
    Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) override;
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) override;
    Result<void> configure(const protocol::Block4096& parameters, ByteView additional) override;

private:
    void record(const char* method, QJsonObject params, const Error* error, QJsonObject result, std::int64_t startMs);
    device::CoppDevice& m_inner;
    Transcript& m_transcript;
    Clock m_clock;
    std::int64_t m_origin;
};

} // namespace copp::session
