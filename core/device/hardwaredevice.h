// SPDX-License-Identifier: BSD-3-Clause
// The Windows hardware backend (core/device/windows: plain Win32, no Qt, no
// Crypto++) seen as the project's CoppDevice / OpmDevice, so the session engine,
// the GUI and the CLI drive real hardware in process exactly as they drive the
// emulator or an agent (docs/architecture.md "Devices").
// The adapter itself is platform-independent (tested on Linux with a fake
// HwDevice); opening real hardware happens only in Windows builds.
#pragma once

#include <core/device/coppdevice.h>
#include <core/device/opmdevice.h>
#include <core/device/windows/hwdevice.h>

#include <memory>

namespace copp::device {

class HardwareDevice final : public CoppDevice, public OpmDevice {
public:
    explicit HardwareDevice(std::unique_ptr<hw::HwDevice> device);

    DeviceDescription describe() override;
    Result<KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;
    OpmDevice* opm() override { return this; }

    Result<StartInitializationReply> startInitialization() override;
    Result<void> finishInitialization(const protocol::Signature256& parameters) override;
    Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) override;
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) override;
    Result<void> configure(const protocol::Block4096& parameters, ByteView additional) override;

private:
    std::unique_ptr<hw::HwDevice> m_device;
};

// "hardware:M[.K][,api=vmr9|evr|opm][,interface=copp|opm][,semantics=copp|opm]":
// monitor M (in --list order), OPM video output K. Usage errors in English.
Result<hw::DeviceSelection> parseHardwareSelection(const std::string& text);

// Opens real hardware: only in Windows builds; elsewhere a Usage error.
Result<std::unique_ptr<HardwareDevice>> openHardware(const hw::DeviceSelection& selection);
bool hardwareAvailable();

} // namespace copp::device
