// SPDX-License-Identifier: BSD-3-Clause
// Named, documented faults of the driver emulator (docs/protocol.md §10
// "Useful emulator fault knobs"). Spelled NAME[=VALUE][@N] on the command line.
#pragma once

#include <core/kernel/result.h>

#include <cstdint>
#include <string>
#include <vector>

namespace copp::device {

enum class FaultKind {
    BadReplyMac,      // status reply MAC corrupted
    WrongRandom,      // status reply echoes another rApp
    WrongSize,        // status reply cbSizeData off by 4
    SequenceDesync,   // the driver's status counter skips one: later calls fail E_INVALIDARG
    LinkLost,         // HDCP link lost: LinkLost flag once per session, HDCP off until set again
    Renegotiation,    // RenegotiationRequired flag once per session
    HdcpDrop,         // HDCP silently stops (no flag): only the levels show it
    ConnectorChange,  // another monitor on another connector (VALUE: connector, default DVI)
    Unplug,           // the monitor is gone: every later call fails
    FailKeyExchange,  // KeyExchange fails with VALUE (an HRESULT, default E_FAIL)
    FailSessionStart, // SessionSequenceStart fails with VALUE
    FailCommand,      // ProtectionCommand fails with VALUE
    FailStatus,       // ProtectionStatus fails with VALUE
    Stall,            // a status call does not answer for VALUE ms (default 60000)
    UntrustedChain,   // the chain is signed under another root
    TamperedChain,    // the IHV certificate's Data was changed after signing
    RevokedChain,     // the emulator's revocation list lists the leaf
    SlowHdcp,         // HDCP takes VALUE ms to engage (default 2000)
    Tampering,        // OPM: TamperingDetected once per session (COPP semantics: LinkLost instead)
    RevokedHdcpDevice,// OPM: a revoked HDCP receiver: RevokedHdcpDeviceAttached with LinkLost
};

struct Fault {
    FaultKind kind = FaultKind::BadReplyMac;
    std::string value;      // as given after '='; empty for the default
    std::uint32_t at = 0;   // 1-based call number it applies to (status calls unless said); 0 = every call / from the start
    std::string spelling;   // as given, for messages
};

struct FaultInfo {
    FaultKind kind;
    const char* name;
    const char* description;
};
const std::vector<FaultInfo>& allFaults();
const char* faultName(FaultKind kind);

// "bad-reply-mac@3", "fail-status=E_INVALIDARG@2", "connector-change=dvi@5", "stall=8000@4".
Result<Fault> parseFault(const std::string& text);

} // namespace copp::device
