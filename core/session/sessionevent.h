// SPDX-License-Identifier: BSD-3-Clause
// The session's events as typed values (docs/architecture.md, "Session
// events"): what the engine reports, what the worker and the controller carry
// and what every model and widget reads. JSON exists only at the edges
// (transcripts and `coppscope-cli session --json`, docs/cli.md#session), written
// and read by sessioneventjson.h alone.
#pragma once

#include <core/session/alert.h>

#include <core/kernel/protocol/guid.h>
#include <core/validation/validationreport.h>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>
#include <variant>
#include <vector>

namespace copp::session {

// key_exchange: the device's random and certificate chain (§3; OPM's
// StartInitialization is reported as this event too).
struct KeyExchangeEvent {
    QString device;
    QByteArray driverRandom;      // 16 bytes
    qint64 certificateBytes = 0;
    QByteArray certificateChain;  // the bytes as received; not part of the JSON
    struct OpmRole {
        bool opmSemantics = false;
        QString role;             // "output", "codec"
        friend bool operator==(const OpmRole&, const OpmRole&) = default;
    };
    std::optional<OpmRole> opm;   // the device answered through IOPMVideoOutput
    friend bool operator==(const KeyExchangeEvent& a, const KeyExchangeEvent& b) // what the contract records
    {
        return a.device == b.device && a.driverRandom == b.driverRandom && a.certificateBytes == b.certificateBytes
            && a.opm == b.opm;
    }
};

// One step of the chain report, as the session's timeline shows it.
struct ChainStep {
    QString rule;                 // the contract's rule id
    int certificate = -1;         // -1: the collection
    enum class Status { Pass, Fail, Skipped } status = Status::Pass;
    friend bool operator==(const ChainStep&, const ChainStep&) = default;
};

struct ChainEvent {
    bool valid = false;
    QString trustRoot;            // the name of the root the chain was checked against
    bool testRoot = false;
    bool x509 = false;            // "x509" or "copp-xml"
    QString firstFailure;         // rule id; empty when valid
    std::vector<ChainStep> steps;
    QJsonObject reportJson;       // the contract's report (verify --json), kept for the edges
    friend bool operator==(const ChainEvent&, const ChainEvent&) = default;
};

struct SessionStartedEvent {
    quint32 statusSequence = 0;
    quint32 commandSequence = 0;
    QByteArray signature;         // the 256-byte session-start block as sent
    QByteArray sessionKey;        // empty unless secrets are revealed
    friend bool operator==(const SessionStartedEvent&, const SessionStartedEvent&) = default;
};

struct CommandEvent {
    enum class Command { SetProtectionLevel, SetSignaling } command = Command::SetProtectionLevel;
    quint32 type = 0;             // the protection type (COPP value; HDCP is 0x01 in both semantics)
    quint32 level = 0;
    std::optional<quint32> sequence; // absent when the engine could not send it
    QByteArray mac;               // the command's OMAC (set_protection_level)
    bool ok = false;
    quint32 hresult = 0;
    friend bool operator==(const CommandEvent&, const CommandEvent&) = default;
};

// The decoded fields of a status reply (§4.2's payloads), each present when
// the reply carries it.
struct StatusFields {
    std::optional<quint32> value;             // dwData
    QString connector;                        // connector-type: its name
    std::optional<quint32> width, height, format, d3dFormat, freqNumerator, freqDenominator; // display-data
    std::optional<bool> repeater;             // hdcp-key-data
    QString ksv;                              //   40-bit KSV, 10 hex digits
    std::optional<quint32> availableTvProtectionStandards, activeTvProtectionStandard, aspectRatioValidMask1,
        aspectRatioData1;                     // signaling
    std::optional<quint32> merit;             // OPM_GET_CODEC_INFO
    friend bool operator==(const StatusFields&, const StatusFields&) = default;
};

struct StatusEvent {
    QString requestName;                      // "connector-type", "local-level", an OPM request's name
    std::optional<protocol::StatusRequest> request; // when it is one of the eight
    quint32 sequence = 0;
    std::optional<quint32> type;              // the level queries' protection type (COPP value)
    bool ok = false;                          // the call succeeded
    quint32 hresult = 0;
    quint32 flags = 0, size = 0;              // of a reply (ok only)
    struct Checks {
        bool mac = false, size = false, random = false;
        friend bool operator==(const Checks&, const Checks&) = default;
    } checks;
    StatusFields fields;
    // Believed: the call succeeded and every check of §7.2 passed.
    bool believed() const { return ok && checks.mac && checks.size && checks.random; }
    friend bool operator==(const StatusEvent&, const StatusEvent&) = default;
};

struct AlertEvent {
    AlertKind kind = AlertKind::DeviceError;
    QString detail;                           // English, as the contract writes it
    std::optional<quint32> hresult;           // device_error
    // The detail as source text and arguments, for the window's language; absent
    // for an alert read back from a transcript (its English detail is shown).
    std::optional<validation::Message> message;
    // The detail in the reader's language where it can be, else as written.
    QString displayDetail() const { return message ? message->translated() : detail; }
    friend bool operator==(const AlertEvent& a, const AlertEvent& b) // what the contract records
    {
        return a.kind == b.kind && a.detail == b.detail && a.hresult == b.hresult;
    }
};

struct ErrorEvent {
    QString detail;
    friend bool operator==(const ErrorEvent&, const ErrorEvent&) = default;
};

// The CLI's summary of a replay (docs/cli.md#session, "replay").
struct ReplayEvent {
    int callsPlayed = 0, callsRecorded = 0;
    bool complete = false, eventsMatch = false;
    QString divergence, difference;           // empty when none
    friend bool operator==(const ReplayEvent&, const ReplayEvent&) = default;
};

struct EndEvent {
    QString reason;
    bool started = false;
    int alerts = 0, statusCalls = 0, commands = 0;
    friend bool operator==(const EndEvent&, const EndEvent&) = default;
};

using EventData = std::variant<KeyExchangeEvent, ChainEvent, SessionStartedEvent, CommandEvent, StatusEvent, AlertEvent,
                               ErrorEvent, ReplayEvent, EndEvent>;

struct SessionEvent {
    qint64 tMs = 0;               // since the session began
    EventData data;
    // The device calls recorded for this event, in the transcript's form: the
    // controller files them in the transcript; decodeCall() reads one for display.
    QJsonArray calls;

    template <typename T> const T* as() const { return std::get_if<T>(&data); }
    template <typename T> bool is() const { return std::holds_alternative<T>(data); }
    // The contract's event name ("status", "alert", ...).
    QString name() const;
    // A problem to show: an alert, an error, a failed call or a reply not believed.
    bool isProblem() const;
    // The same event without its calls (what models keep).
    SessionEvent withoutCalls() const;
    // Equal when the contract's JSON of both is (the chain bytes, an alert's
    // translatable text and the calls are not part of it).
    friend bool operator==(const SessionEvent& a, const SessionEvent& b) { return a.tMs == b.tMs && a.data == b.data; }
};

// An `end` event for a session that ended without an engine to say so.
SessionEvent endEvent(qint64 tMs, const QString& reason, bool started = false, int alerts = 0, int statusCalls = 0,
                      int commands = 0);

} // namespace copp::session

Q_DECLARE_METATYPE(copp::session::SessionEvent)
