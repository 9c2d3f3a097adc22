// SPDX-License-Identifier: BSD-3-Clause
// The whole session's verdict and per-type protection intervals
// (docs/evidence.md, summary.json), computed from the typed events. One
// piece of core code for the window's evidence export and
// `coppscope-cli session --evidence`.
#pragma once

#include <core/session/sessionevent.h>

#include <core/kernel/protocol/constants.h>

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace copp::session {

// What the session was asked to do (summary.json "settings").
struct EvidenceSettings {
    int pollMs = 500;
    std::vector<protocol::TypeLevel> protect; // in --protect order
    QString scenario;                          // empty: none
    QStringList faults;
    QString trust;                             // the trust root's name
};

// One alert as the evidence reports it (acknowledged_ms: the window's acknowledgement).
struct EvidenceAlert {
    qint64 tMs = 0;
    QString kind;   // contract id
    QString detail; // English
    std::optional<qint64> acknowledgedMs;
};

struct ProtectionInterval {
    enum class State { Pending, Protected, Unprotected, Unknown };
    qint64 fromMs = 0, toMs = 0;
    State state = State::Pending;
    std::optional<quint32> level; // the actual (global) level the polls read
    friend bool operator==(const ProtectionInterval&, const ProtectionInterval&) = default;
};
QString stateId(ProtectionInterval::State state); // "pending", "protected", ...

struct TypeProtection {
    quint32 type = 0;      // COPP value (hdcp 0x01, acp 0x02, cgmsa 0x04, dpcp 0x10)
    quint32 requested = 0; // the latest successful request
    std::vector<ProtectionInterval> intervals; // consecutive, covering [0, endedMs]
    qint64 unprotectedMs = 0;
    qint64 unprotectedCount = 0; // how often protection was lost (protected -> unprotected/unknown)
};

struct EvidenceSummary {
    enum class Verdict { Protected, ProtectionLost, NotProtected, NotRequested, NoSession };
    Verdict verdict = Verdict::NoSession;
    qint64 endedMs = 0;
    QString connector;            // lower case ("hdmi"), empty when never read
    bool chainSeen = false, chainValid = false;
    QString firstFailure;
    std::vector<TypeProtection> types;

    // §3.1: intervals and verdict from the events; `endedMs` closes the last interval.
    static EvidenceSummary fromEvents(const std::vector<SessionEvent>& events, qint64 endedMs);
    qint64 totalUnprotectedMs() const;
    qint64 timesLost() const;
};
QString verdictId(EvidenceSummary::Verdict verdict); // "protected", "protection_lost", ...

} // namespace copp::session
