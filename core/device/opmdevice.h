// SPDX-License-Identifier: BSD-3-Clause
// An OPM video output (or codec) as the application sees it: the five calls of
// IOPMVideoOutput, byte for byte (docs/protocol.md §1.2, docs/architecture.md "Devices"
// backends"). Failures carry the user-mode HRESULT the real call returns
// (docs/cli.md#opm-sessions: "never NTSTATUS values"), or Error::Code::Timeout.
//
// A backend that answers both families (the emulator, the agent pipe, the
// replay) derives from CoppDevice and OpmDevice and returns itself from
// CoppDevice::opm(); describe() says which family the device really answers.
#pragma once

#include <core/kernel/protocol/opmstructs.h>
#include <core/kernel/result.h>

namespace copp::device {

struct StartInitializationReply {
    protocol::Bytes16 driverRandom{}; // OPM_RANDOM_NUMBER
    Bytes certificate;                // X.509 chain (OPM semantics) or the XML chain (COPP semantics)
};

class OpmDevice {
public:
    virtual ~OpmDevice() = default;

    virtual Result<StartInitializationReply> startInitialization() = 0;
    // OPM_ENCRYPTED_INITIALIZATION_PARAMETERS (256 bytes).
    virtual Result<void> finishInitialization(const protocol::Signature256& parameters) = 0;
    // OPM_GET_INFO_PARAMETERS (4112) -> OPM_REQUESTED_INFORMATION (4096); OPM semantics.
    virtual Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) = 0;
    // OPM_COPP_COMPATIBLE_GET_INFO_PARAMETERS (4096) -> OPM_REQUESTED_INFORMATION; COPP semantics.
    virtual Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) = 0;
    // OPM_CONFIGURE_PARAMETERS (4096) plus the additional buffer (the SRM for
    // OPM_SET_HDCP_SRM; empty otherwise, and never covered by the MAC, §6.1).
    virtual Result<void> configure(const protocol::Block4096& parameters, ByteView additional) = 0;
};

} // namespace copp::device
