// SPDX-License-Identifier: BSD-3-Clause
// A COPP device as the application sees it: the four calls of DirectShow's
// IAMCertifiedOutputProtection, byte for byte (docs/architecture.md "Devices"
// backends"). Failures carry the HRESULT the real call would return
// (Error::Code::Device + hresult) or Error::Code::Timeout for a stalled device.
// Implementations: the emulator, the agent pipe, the transcript replay,
// Windows hardware. A device is used from one thread at a time.
#pragma once

#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/result.h>

#include <string>

namespace copp::device {
class OpmDevice;
}

namespace copp::device {

struct KeyExchangeReply {
    protocol::Bytes16 driverRandom{}; // guidRandom, raw bytes
    Bytes certificateChain;           // the XML chain as the driver returned it
};

// device.describe (docs/cli.md#the-device-agent-protocol).
struct DeviceDescription {
    std::string name;
    std::string interface = "copp"; // "copp" | "opm"
    std::string semantics = "copp"; // "copp" | "opm"
    std::string role = "output";    // "output" | "codec"
};

class CoppDevice {
public:
    virtual ~CoppDevice() = default;

    virtual DeviceDescription describe() = 0;
    virtual Result<KeyExchangeReply> keyExchange() = 0;
    virtual Result<void> sessionSequenceStart(const protocol::Signature256& signature) = 0;
    virtual Result<void> protectionCommand(const protocol::Block4096& command) = 0; // AMCOPPCommand
    virtual Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) = 0; // AMCOPPStatusInput -> Output

    // The IOPMVideoOutput side of a backend that has one (opmdevice.h), else null.
    virtual OpmDevice* opm() { return nullptr; }

    // True once the device cannot answer again (its process exited, its pipe
    // broke, its replies went out of step): every later call would fail the same
    // way, so a session stops calling it instead of raising the same alert at
    // every poll.
    virtual bool lost() const { return false; }
};

// A failed call's error, as every backend reports it.
inline Error deviceError(std::uint32_t hresult, std::string detail)
{
    return makeError(Error::Code::Device, std::move(detail), hresult);
}

} // namespace copp::device
