// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/emulatedoutput.h>

#include <core/kernel/protocol/constants.h>

namespace copp::device {

using namespace protocol;

Clock steadyClock()
{
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
}

OutputProfile OutputProfile::forConnector(std::uint32_t connector)
{
    OutputProfile p;
    p.connector = connector;
    switch (connector) {
    case connector::Hdmi:
    case connector::Dvi:
    case connector::UdiExternal:
        p.protectionTypes = protection::Hdcp;
        break;
    case connector::DisplayPortExternal:
        p.protectionTypes = protection::Hdcp | protection::Dpcp;
        break;
    case connector::SVideo:
    case connector::CompositeVideo:
        p.protectionTypes = protection::Acp | protection::Cgmsa;
        p.width = 720;
        p.height = 480;
        p.availableTvStandards = 0x1 | 0x8; // IEC61880_525i, EIA608B_525
        break;
    case connector::ComponentVideo:
    case connector::DJpn:
        p.protectionTypes = protection::Acp | protection::Cgmsa;
        p.width = 1280;
        p.height = 720;
        p.availableTvStandards = 0x20 | 0x40 | 0x80; // CEA805A Type A 525p/750p/1125i
        break;
    default: // VGA, LVDS, embedded DisplayPort: nothing to protect
        p.protectionTypes = protection::None;
        break;
    }
    return p;
}

EmulatedOutput::EmulatedOutput(OutputProfile profile, Clock clock) : m_profile(profile), m_clock(std::move(clock)) {}

int EmulatedOutput::openSession()
{
    std::lock_guard lock(m_mutex);
    const int id = m_nextSession++;
    Session& s = m_sessions[id];
    s.seenLinkLost = m_linkLostEvents; // events before the session are not its business
    s.seenRenegotiation = m_renegotiationEvents;
    s.seenTampering = m_tamperingEvents;
    s.seenRevoked = m_revokedEvents;
    for (std::uint32_t type : {protection::Hdcp, protection::Acp, protection::Cgmsa, protection::Dpcp}) {
        s.levels[type] = 0;
        ++m_counts[type][0];
    }
    return id;
}

void EmulatedOutput::closeSession(int session)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(session);
    if (it == m_sessions.end())
        return;
    for (const auto& [type, level] : it->second.levels)
        --m_counts[type][level];
    m_sessions.erase(it);
}

void EmulatedOutput::setLevel(int session, std::uint32_t type, std::uint32_t level)
{
    std::lock_guard lock(m_mutex);
    auto& current = m_sessions[session].levels[type];
    const std::uint32_t before = requestedGlobal(protection::Hdcp);
    --m_counts[type][current];
    current = level;
    ++m_counts[type][level];
    // HDCP (re-)authenticates when it is switched on, or set again after the link dropped.
    if (type == protection::Hdcp && level >= 1 && (before == 0 || !m_hdcpLinkUp)) {
        m_hdcpLinkUp = true;
        m_hdcpSince = m_clock();
    }
}

std::uint32_t EmulatedOutput::localLevel(int session, std::uint32_t type) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(session);
    if (it == m_sessions.end())
        return 0;
    const auto level = it->second.levels.find(type);
    return level == it->second.levels.end() ? 0 : level->second;
}

std::uint32_t EmulatedOutput::requestedGlobal(std::uint32_t type) const
{
    std::uint32_t best = 0;
    if (const auto ext = m_external.find(type); ext != m_external.end())
        best = ext->second;
    if (const auto it = m_counts.find(type); it != m_counts.end()) {
        for (const auto& [level, count] : it->second)
            if (count > 0 && levelPrecedence(type, level) > levelPrecedence(type, best))
                best = level;
    }
    return best;
}

std::uint32_t EmulatedOutput::globalLevel(std::uint32_t type) const
{
    std::lock_guard lock(m_mutex);
    if (!(m_profile.protectionTypes & type))
        return 0;
    const std::uint32_t requested = requestedGlobal(type);
    if (type == protection::Hdcp && requested > 0) {
        const bool engaged = m_hdcpLinkUp && m_clock() - m_hdcpSince >= m_profile.hdcpEngageMs;
        return engaged ? requested : 0;
    }
    return requested;
}

std::uint32_t EmulatedOutput::takeStatusFlags(int session)
{
    std::lock_guard lock(m_mutex);
    Session& s = m_sessions[session];
    std::uint32_t flags = status::Normal;
    // "each session sees the event on its next query only, then it is cleared for that session" (§4.2)
    if (s.seenLinkLost != m_linkLostEvents) {
        flags |= status::LinkLost;
        s.seenLinkLost = m_linkLostEvents;
    }
    if (s.seenRenegotiation != m_renegotiationEvents) {
        flags |= status::RenegotiationRequired;
        s.seenRenegotiation = m_renegotiationEvents;
    }
    return flags;
}

std::uint32_t EmulatedOutput::takeStatusFlags(int session, bool opmSemantics)
{
    std::uint32_t flags = takeStatusFlags(session);
    std::lock_guard lock(m_mutex);
    Session& s = m_sessions[session];
    if (s.seenTampering != m_tamperingEvents) {
        flags |= opmSemantics ? status::TamperingDetected : status::LinkLost;
        s.seenTampering = m_tamperingEvents;
    }
    if (s.seenRevoked != m_revokedEvents) {
        flags |= status::LinkLost | (opmSemantics ? status::RevokedHdcpDeviceAttached : 0u);
        s.seenRevoked = m_revokedEvents;
    }
    return flags;
}

void EmulatedOutput::detectTampering()
{
    std::lock_guard lock(m_mutex);
    ++m_tamperingEvents;
}

void EmulatedOutput::attachRevokedHdcpDevice()
{
    std::lock_guard lock(m_mutex);
    ++m_revokedEvents;
    m_hdcpLinkUp = false; // the link to a revoked receiver must not carry protected content
}

void EmulatedOutput::loseLink()
{
    std::lock_guard lock(m_mutex);
    ++m_linkLostEvents;
    m_hdcpLinkUp = false;
}

void EmulatedOutput::requireRenegotiation()
{
    std::lock_guard lock(m_mutex);
    ++m_renegotiationEvents;
}

void EmulatedOutput::dropHdcp()
{
    std::lock_guard lock(m_mutex);
    m_hdcpLinkUp = false;
}

void EmulatedOutput::changeConnector(std::uint32_t connector)
{
    std::lock_guard lock(m_mutex);
    const OutputProfile next = OutputProfile::forConnector(connector);
    m_profile.connector = next.connector;
    m_profile.protectionTypes = next.protectionTypes;
    m_profile.width = next.width;
    m_profile.height = next.height;
    m_profile.availableTvStandards = next.availableTvStandards;
    m_hdcpLinkUp = false; // a new sink has to authenticate again
}

void EmulatedOutput::unplug()
{
    std::lock_guard lock(m_mutex);
    m_plugged = false;
    m_hdcpLinkUp = false;
}

void EmulatedOutput::replug()
{
    std::lock_guard lock(m_mutex);
    m_plugged = true;
}

void EmulatedOutput::setHdcpEngageMs(std::int64_t ms)
{
    std::lock_guard lock(m_mutex);
    m_profile.hdcpEngageMs = ms;
}

void EmulatedOutput::setExternalLevel(std::uint32_t type, std::uint32_t level)
{
    std::lock_guard lock(m_mutex);
    m_external[type] = level;
}

bool EmulatedOutput::plugged() const
{
    std::lock_guard lock(m_mutex);
    return m_plugged;
}

OutputProfile EmulatedOutput::profile() const
{
    std::lock_guard lock(m_mutex);
    return m_profile;
}

void EmulatedOutput::setSignaling(const SetSignaling& signaling)
{
    std::lock_guard lock(m_mutex);
    m_signaling = signaling;
}

SetSignaling EmulatedOutput::signaling() const
{
    std::lock_guard lock(m_mutex);
    return m_signaling;
}

} // namespace copp::device
