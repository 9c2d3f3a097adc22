// SPDX-License-Identifier: BSD-3-Clause
// The reply structure of one status request, filled from the emulated output:
// shared by COPP's ProtectionStatus and OPM's (COPPCompatible)GetInformation,
// whose reply structures are the same (docs/protocol.md §1.2, §3.3, §4.2-§4.3).
#pragma once

#include <core/device/emulator/emulatedoutput.h>

#include <core/kernel/protocol/coppstructs.h>

namespace copp::device {

// `random` is echoed first, `flags` second; `protectionType` (a COPP bit) is the
// request's parameter for the two level queries.
Bytes statusPayload(EmulatedOutput& output, int session, protocol::StatusRequest request, const protocol::Bytes16& random,
                    std::uint32_t flags, std::uint32_t protectionType);

} // namespace copp::device
