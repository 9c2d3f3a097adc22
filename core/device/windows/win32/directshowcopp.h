// SPDX-License-Identifier: BSD-3-Clause
// The COPP device of the seeds (Windows only): a DirectShow playback graph that
// renders video with the Video Mixing Renderer 9 (or the Enhanced Video
// Renderer), queried for IAMCertifiedOutputProtection. The four calls pass the
// protocol's bytes through unchanged and return the real HRESULTs.
//
// Building the graph:
// 1. CLSID_FilterGraph, the renderer, AddFilter;
// 2. VMR-9 only: IVMRMonitorConfig9::SetMonitor to the chosen monitor (the
//    device whose HMONITOR matches), so COPP talks to that output;
// 3. VMR-9 only: a one-frame AVI clip (tinyavi.h) in %TEMP%, AddSourceFilter,
//    and ICaptureGraphBuilder2::RenderStream(source -> renderer) so the
//    renderer is connected ("VMR not yet connected" answers VFW_E_NO_COPP_HW).
//    The EVR is left unconnected (see directshowcopp.cpp: Wine's EVR crashes
//    on connection without Direct3D);
// 4. QueryInterface(IID_IAMCertifiedOutputProtection).
// Steps 2 and 3 are best effort (logged): on Vista and later the renderer is
// known to answer COPP without them; KeyExchange's HRESULT is what counts.
// The graph is never run. The clip is deleted when the device is destroyed.
#pragma once

#include <core/device/windows/hwdevice.h>
#include <core/device/windows/outputs.h>
#include <core/device/windows/win32/cominterfaces.h>

#include <memory>
#include <string>

struct IGraphBuilder;
struct IBaseFilter;

namespace copp::device::hw::win {

class DirectShowCoppDevice final : public HwDevice {
public:
    // selection.api: Api::Vmr9 or Api::Evr. Never null (a FailedDevice when the
    // graph cannot give IAMCertifiedOutputProtection).
    static std::unique_ptr<HwDevice> open(HMONITOR monitor, const MonitorInfo& info, const DeviceSelection& selection,
                                          const LogFn& log);
    ~DirectShowCoppDevice() override;

    Description describe() const override { return m_description; }
    CertificateReply keyExchange() override;
    std::uint32_t sessionSequenceStart(const Signature256& signature) override;
    std::uint32_t protectionCommand(const Block4096& command) override;
    BlockReply protectionStatus(const Block4096& input) override;

private:
    DirectShowCoppDevice() = default;
    void selectMonitor(HMONITOR monitor);
    void connectClip();
    void log(const std::string& text) const
    {
        if (m_log)
            m_log(m_description.name + ": " + text);
    }

    ComApartment m_com; // first in, last out
    ComPtr<IGraphBuilder> m_graph;
    ComPtr<IBaseFilter> m_renderer;
    ComPtr<IBaseFilter> m_source;
    ComPtr<ICertifiedOutputProtection> m_copp;
    std::wstring m_clipPath;
    Description m_description;
    LogFn m_log;
};

} // namespace copp::device::hw::win
