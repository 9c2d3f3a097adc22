// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/faults.h>

#include <core/kernel/protocol/constants.h>

#include <charconv>

namespace copp::device {

const std::vector<FaultInfo>& allFaults()
{
    static const std::vector<FaultInfo> faults = {
        {FaultKind::BadReplyMac, "bad-reply-mac", "the status reply's OMAC does not verify (from status call N, or every call)"},
        {FaultKind::WrongRandom, "wrong-random", "the status reply echoes a different random number than the request's rApp"},
        {FaultKind::WrongSize, "wrong-size", "the status reply's cbSizeData is 4 bytes more than its request implies"},
        {FaultKind::SequenceDesync, "sequence-desync", "at status call N the driver's status counter skips one; later calls fail with E_INVALIDARG"},
        {FaultKind::LinkLost, "link-lost", "at status call N the HDCP link is lost: LinkLost once per session, HDCP off until it is set again"},
        {FaultKind::Renegotiation, "renegotiation", "at status call N: RenegotiationRequired once per session"},
        {FaultKind::HdcpDrop, "hdcp-drop", "at status call N HDCP silently stops on the connector (no status flag)"},
        {FaultKind::ConnectorChange, "connector-change", "at status call N another monitor appears on another connector (=CONNECTOR, default DVI)"},
        {FaultKind::Unplug, "unplug", "at status call N the monitor is unplugged: every later call fails (ERROR_GRAPHICS_NO_MONITORS_CORRESPOND_TO_DISPLAY_DEVICE)"},
        {FaultKind::FailKeyExchange, "fail-key-exchange", "KeyExchange fails with =HRESULT (default E_FAIL)"},
        {FaultKind::FailSessionStart, "fail-session-start", "SessionSequenceStart fails with =HRESULT (default E_UNEXPECTED)"},
        {FaultKind::FailCommand, "fail-command", "command N (or every command) fails with =HRESULT (default E_INVALIDARG)"},
        {FaultKind::FailStatus, "fail-status", "status call N (or every one) fails with =HRESULT (default E_FAIL)"},
        {FaultKind::Stall, "stall", "status call N (or every one) does not answer for =MS milliseconds (default 60000)"},
        {FaultKind::UntrustedChain, "untrusted-chain", "the certificate chain is signed under another root than the emulator's test root"},
        {FaultKind::TamperedChain, "tampered-chain", "the IHV certificate's Data was changed after signing (cert.digest fails)"},
        {FaultKind::RevokedChain, "revoked-chain", "the emulator's revocation list names the leaf certificate"},
        {FaultKind::SlowHdcp, "slow-hdcp", "HDCP takes =MS milliseconds to engage (default 2000) instead of 150"},
        {FaultKind::Tampering, "tampering", "OPM: at status call N the driver detects tampering: OPM_STATUS_TAMPERING_DETECTED once per session (LinkLost in COPP semantics, §5.3)"},
        {FaultKind::RevokedHdcpDevice, "revoked-hdcp-device", "OPM: at status call N a revoked HDCP receiver is attached: REVOKED_HDCP_DEVICE_ATTACHED with LINK_LOST (§5.3), HDCP off"},
    };
    return faults;
}

const char* faultName(FaultKind kind)
{
    for (const auto& f : allFaults())
        if (f.kind == kind)
            return f.name;
    return "?";
}

Result<Fault> parseFault(const std::string& text)
{
    Fault fault;
    fault.spelling = text;
    std::string rest = text;
    if (const auto at = rest.rfind('@'); at != std::string::npos) {
        const std::string number = rest.substr(at + 1);
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), fault.at);
        if (ec != std::errc() || end != number.data() + number.size() || fault.at == 0)
            return makeError(Error::Code::Usage, "fault '" + text + "': after '@' comes a call number from 1");
        rest.resize(at);
    }
    if (const auto eq = rest.find('='); eq != std::string::npos) {
        fault.value = rest.substr(eq + 1);
        rest.resize(eq);
    }
    for (const auto& f : allFaults()) {
        if (rest == f.name) {
            fault.kind = f.kind;
            const bool takesHresult = f.kind == FaultKind::FailKeyExchange || f.kind == FaultKind::FailSessionStart
                || f.kind == FaultKind::FailCommand || f.kind == FaultKind::FailStatus;
            const bool takesValue = takesHresult || f.kind == FaultKind::ConnectorChange || f.kind == FaultKind::Stall
                || f.kind == FaultKind::SlowHdcp;
            if (!takesValue && !fault.value.empty()) // link-lost=3 was taken as link-lost, at every call
                return makeError(Error::Code::Usage, "fault '" + text + "': " + f.name + " takes no value (a call number is @N)");
            if (takesHresult && !fault.value.empty()) {
                const auto hresult = protocol::hresultFromText(fault.value);
                if (!hresult)
                    return makeError(Error::Code::Usage, "fault '" + text + "': '" + fault.value + "' is not an HRESULT");
                // A call "fails" with a failure code only: S_OK or S_FALSE would be reported as a failed success.
                if ((*hresult & 0x80000000u) == 0)
                    return makeError(Error::Code::Usage, "fault '" + text + "': '" + fault.value
                                                             + "' is a success code; a failing call needs a failure HRESULT (high bit set)");
            }
            if (f.kind == FaultKind::ConnectorChange && !fault.value.empty() && !protocol::connectorFromName(fault.value))
                return makeError(Error::Code::Usage, "fault '" + text + "': unknown connector '" + fault.value + "'");
            if ((f.kind == FaultKind::Stall || f.kind == FaultKind::SlowHdcp) && !fault.value.empty()) {
                std::uint32_t ms = 0;
                const auto [end, ec] = std::from_chars(fault.value.data(), fault.value.data() + fault.value.size(), ms);
                if (ec != std::errc() || end != fault.value.data() + fault.value.size())
                    return makeError(Error::Code::Usage, "fault '" + text + "': '" + fault.value + "' is not a number of milliseconds");
            }
            return fault;
        }
    }
    return makeError(Error::Code::Usage, "unknown fault '" + rest + "' (coppscope-cli emulator --list-faults lists them)");
}

} // namespace copp::device
