// SPDX-License-Identifier: BSD-3-Clause
// One emulated display output (connector) shared by every COPP session opened
// on it: per-type, per-level reference counts, local vs global levels with the
// precedence rules, HDCP that takes time to engage, link events reported once
// per session, hot-plug (docs/protocol.md §4.2, §5.2, §7.3).
#pragma once

#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/coppstructs.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace copp::device {

// Milliseconds on a monotonic clock; tests pass their own.
using Clock = std::function<std::int64_t()>;
Clock steadyClock();

struct OutputProfile {
    std::uint32_t connector = protocol::connector::Hdmi;
    std::uint32_t protectionTypes = protocol::protection::Hdcp; // OR of supported types
    std::uint32_t busType = protocol::bus::PciExpress;
    std::uint32_t width = 1920, height = 1080;
    std::uint32_t freqNumerator = 60000, freqDenominator = 1001;
    std::uint64_t ksv = 0x511ef21acd; // the receiver's 40-bit Bksv (20 ones and 20 zeros, as HDCP requires)
    bool repeater = false;
    std::int64_t hdcpEngageMs = 150; // "HDCP typically takes 100-200 ms or more to engage" (§7.3)
    std::uint32_t availableTvStandards = 0;

    // Realistic defaults per connector: digital links carry HDCP (DisplayPort
    // also DPCP); analog TV outputs carry ACP and CGMS-A; VGA carries nothing.
    static OutputProfile forConnector(std::uint32_t connector);
};

class EmulatedOutput {
public:
    explicit EmulatedOutput(OutputProfile profile, Clock clock = steadyClock());

    // COPPOpenVideoSession: the session's local levels start at 0 and each
    // supported type's level-0 count goes up by one.
    int openSession();
    void closeSession(int session);

    // SetProtectionLevel: moves this session's count to `level`. The caller has
    // checked that the type is supported and the level valid.
    void setLevel(int session, std::uint32_t type, std::uint32_t level);
    std::uint32_t localLevel(int session, std::uint32_t type) const;
    // The level the connector applies: the highest-precedence level with a
    // count above zero; HDCP only once the link is up and engaged.
    std::uint32_t globalLevel(std::uint32_t type) const;

    // LinkLost / RenegotiationRequired, each reported once per session.
    std::uint32_t takeStatusFlags(int session);

    // State changes (faults and scenario timelines).
    void loseLink();       // LinkLost for every session; HDCP off until set again
    void requireRenegotiation();
    // OPM (§5.3): "TAMPERING_DETECTED (not used in COPP mode; LINK_LOST instead)";
    // "REVOKED_HDCP_DEVICE_ATTACHED (LINK_LOST must also be set)". Once per session.
    void detectTampering();
    void attachRevokedHdcpDevice();
    // The flags as an OPM-semantics object reports them; COPP semantics fold
    // tampering and revocation into LinkLost.
    std::uint32_t takeStatusFlags(int session, bool opmSemantics);
    void dropHdcp();       // HDCP off without any flag
    void changeConnector(std::uint32_t connector);
    void unplug();
    void replug();
    void setHdcpEngageMs(std::int64_t ms);
    void setExternalLevel(std::uint32_t type, std::uint32_t level); // e.g. ChangeDisplaySettingsEx

    bool plugged() const;
    OutputProfile profile() const;
    void setSignaling(const protocol::SetSignaling& signaling);
    protocol::SetSignaling signaling() const;

private:
    struct Session {
        std::map<std::uint32_t, std::uint32_t> levels; // type -> level
        std::uint64_t seenLinkLost = 0;
        std::uint64_t seenRenegotiation = 0;
        int seenTampering = 0;
        int seenRevoked = 0;
    };
    std::uint32_t requestedGlobal(std::uint32_t type) const; // by counts only
    void startHdcpIfRequested();

    mutable std::mutex m_mutex;
    OutputProfile m_profile;
    Clock m_clock;
    std::map<int, Session> m_sessions;
    int m_nextSession = 1;
    std::map<std::uint32_t, std::map<std::uint32_t, int>> m_counts; // type -> level -> count
    std::map<std::uint32_t, std::uint32_t> m_external;              // type -> level set outside COPP
    int m_tamperingEvents = 0;
    int m_revokedEvents = 0;
    std::uint64_t m_linkLostEvents = 0;
    std::uint64_t m_renegotiationEvents = 0;
    bool m_hdcpLinkUp = true;
    std::int64_t m_hdcpSince = 0;
    bool m_plugged = true;
    protocol::SetSignaling m_signaling;
};

} // namespace copp::device
