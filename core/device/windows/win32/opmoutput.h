// SPDX-License-Identifier: BSD-3-Clause
// An IOPMVideoOutput from OPMGetVideoOutputsFromHMONITOR (Windows only), in
// COPP or OPM semantics; the five calls pass the protocol's bytes through
// unchanged and return the real HRESULTs.
#pragma once

#include <core/device/windows/hwdevice.h>
#include <core/device/windows/outputs.h>
#include <core/device/windows/win32/cominterfaces.h>

#include <memory>

namespace copp::device::hw::win {

// OPMGetVideoOutputsFromHMONITOR(monitor, vos): its HRESULT and the number of
// outputs (all released again).
OpmProbe probeOpmOutputs(HMONITOR monitor, int vos);

class OpmOutputDevice final : public HwDevice {
public:
    // Video output `selection.output` of `monitor` in `selection.semantics`;
    // a FailedDevice with the HRESULT when it cannot be had.
    static std::unique_ptr<HwDevice> open(HMONITOR monitor, const MonitorInfo& info, const DeviceSelection& selection,
                                          const LogFn& log);
    ~OpmOutputDevice() override;

    Description describe() const override { return m_description; }
    CertificateReply startInitialization() override;
    std::uint32_t finishInitialization(const Signature256& parameters) override;
    BlockReply getInformation(const GetInfo4112& parameters) override;
    BlockReply coppCompatibleGetInformation(const Block4096& parameters) override;
    std::uint32_t configure(const Block4096& parameters, ByteView additional) override;

private:
    OpmOutputDevice() = default;
    ComApartment m_com; // first in, last out: COM outlives the output
    ComPtr<IOpmVideoOutput> m_output;
    Description m_description;
    LogFn m_log;
};

} // namespace copp::device::hw::win
