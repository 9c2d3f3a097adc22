// SPDX-License-Identifier: BSD-3-Clause
// The application side of a COPP or OPM session (docs/architecture.md: a plain class, no
// QObject, no timers, no threads; the CLI drives it synchronously, the GUI
// from its session thread). Key exchange, chain validation, session start
// (docs/protocol.md §7.1), commands (§7.3), the eight status queries with every
// check of §7.2, and polling with the alert kinds of docs/cli.md#session
// Every step is reported as one typed SessionEvent (sessionevent.h).
#pragma once

#include <core/session/alert.h>
#include <core/session/sessionevent.h>

#include <core/device/coppdevice.h>
#include <core/device/opmdevice.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/validation/validationpolicy.h>
#include <core/validation/validationreport.h>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace copp::session {

using EventSink = std::function<void(const SessionEvent& event)>;
using Clock = std::function<std::int64_t()>; // milliseconds, monotonic

struct SessionOptions {
    validation::ValidationPolicy policy;
    bool revealSecrets = false;   // session_key in session_started; never otherwise
    std::int64_t levelGraceMs = 2000; // a level may lag its command this long (HDCP engages slowly)
};

// One decoded, checked status reply.
struct StatusReply {
    protocol::StatusRequest request = protocol::StatusRequest::ConnectorType; // when it is one of the eight
    protocol::Guid guid;
    std::uint32_t flags = 0;
    std::uint32_t value = 0;  // dwData of DXVA_COPPStatusData replies
    bool checksPassed = false; // all three below
    bool macOk = false;       // OMAC over bytes 16..4095
    bool sizeOk = false;      // the size field is the expected reply size
    bool randomOk = false;    // the request's random is echoed
    StatusFields fields;      // every decoded field
    protocol::Block4096 raw{};
};

class SessionEngine {
public:
    SessionEngine(device::CoppDevice& device, SessionOptions options, crypto::RandomSource& random, EventSink sink,
                  Clock clock);

    // KeyExchange, chain validation, SessionSequenceStart. False when the
    // session did not start (the reason was reported as an alert or error).
    bool start();
    bool started() const { return m_started; }

    Result<void> setProtectionLevel(std::uint32_t type, std::uint32_t level);
    Result<void> setSignaling(const protocol::SetSignaling& signaling);
    // Any of the eight queries; `protectionType` for the two level queries.
    Result<StatusReply> query(protocol::StatusRequest request, std::uint32_t protectionType = 0);
    // Any information request by GUID with raw parameters (OPM_GET_CODEC_INFO,
    // the OPM-only requests): the same checks, `expectedSize` for the reply.
    Result<StatusReply> queryInformation(const protocol::Guid& request, ByteView parameters, std::size_t expectedSize,
                                         const char* name);

    // Codec merit: "the OPM handshake (OPM semantics)" whatever describe says.
    void forceOpmSemantics() { m_forceOpm = true; }
    // What the device said it is (device.describe), known after start().
    bool opmInterface() const { return m_opmInterface; }
    bool opmSemantics() const { return m_opmSemantics; }
    bool codec() const { return m_codec; }
    // The protection type as these semantics spell it: HDCP is 0x08 in OPM
    // semantics (docs/cli.md#opm-sessions), 0x01 otherwise.
    std::uint32_t wireType(std::uint32_t type) const;
    // Connector type, then local and global level of every type this session set.
    void poll();
    // Ends the session: reports the `end` event (exactly once).
    void finish(const QString& reason = QString());

    const std::vector<Alert>& alerts() const { return m_alerts; }
    const validation::ValidationReport& chainReport() const { return m_report; }
    // The device missed a deadline: "not waited for again" (docs/cli.md#the-device-agent-protocol).
    bool stalled() const { return m_stalled; }
    // Stalled, or lost: the device failed a call in a way every later call would
    // repeat (it exited, went out of step); its alert was raised once and it is
    // not called again.
    bool deviceGone() const { return m_stalled || m_lost; }
    // The `end` event's reason when the device is gone ("device stalled",
    // "device lost"), else empty.
    QString deviceGoneReason() const;
    std::uint32_t statusSequence() const { return m_statusSequence; }
    std::uint32_t commandSequence() const { return m_commandSequence; }

private:
    struct Requested {
        std::uint32_t level = 0;
        std::int64_t sinceMs = 0;
        bool reached = false;    // the global level has reached it since the command
        bool localDropAlerted = false;
        bool globalDropAlerted = false;
    };
    void emitEvent(EventData data);
    void raise(AlertKind kind, const validation::Message& detail, std::uint32_t hresult = 0);
    bool callFailed(const Error& error, const char* call); // reports; true when stalled now
    // Why no call can be made now (not started, stalled, lost), else nothing.
    std::optional<Error> notCallable() const;
    void checkLevel(std::uint32_t type, const char* which, std::uint32_t level);
    Result<void> sendCommand(const protocol::Block4096& command);
    // One status call in this device's form (§7.2, §7.5, COPP-compatible).
    Result<protocol::Block4096> statusCall(const protocol::Bytes16& random, const protocol::Guid& request,
                                           std::uint32_t sequence, ByteView parameters);
    Result<StatusReply> runQuery(const protocol::Guid& guid, std::optional<protocol::StatusRequest> request,
                                 ByteView parameters, std::size_t expectedSize, const char* name, std::uint32_t protectionType);
    std::int64_t now() const { return m_clock() - m_startMs; }

    device::CoppDevice& m_device;
    SessionOptions m_options;
    crypto::RandomSource& m_random;
    EventSink m_sink;
    Clock m_clock;
    std::int64_t m_startMs;
    validation::ValidationReport m_report;
    crypto::AesKey m_key{};
    std::uint32_t m_statusSequence = 0;
    std::uint32_t m_commandSequence = 0;
    bool m_opmInterface = false; // opm.* calls (IOPMVideoOutput) instead of copp.*
    bool m_opmSemantics = false; // X.509 + OAEP + signed GetInformation
    bool m_codec = false;
    bool m_forceOpm = false;
    bool m_started = false;
    bool m_stalled = false;
    bool m_lost = false;
    bool m_finished = false;
    std::optional<std::uint32_t> m_connector; // read at session start
    std::map<std::uint32_t, Requested> m_requested; // protection type -> what this session asked for
    std::vector<Alert> m_alerts;
    int m_statusCalls = 0;
    int m_commands = 0;
};

} // namespace copp::session
