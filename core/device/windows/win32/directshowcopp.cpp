// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/win32/directshowcopp.h>

#include <core/device/windows/tinyavi.h>

#include <d3d9.h>
#include <dshow.h>
#include <vmr9.h>

#include <atomic>
#include <cstring>
#include <vector>

namespace copp::device::hw::win {

namespace {

// %TEMP%\coppscope-clip-<pid>-<n>.avi, written; empty on failure (logged by the caller).
std::wstring writeClip(std::uint32_t& hrOut)
{
    wchar_t dir[MAX_PATH + 1];
    const DWORD n = GetTempPathW(MAX_PATH + 1, dir);
    if (n == 0 || n > MAX_PATH) {
        hrOut = lastErrorHresult();
        return {};
    }
    static std::atomic<unsigned> counter{0};
    const std::wstring path = std::wstring(dir, n) + L"coppscope-clip-" + std::to_wstring(GetCurrentProcessId()) + L"-"
        + std::to_wstring(++counter) + L".avi";
    const Bytes clip = makeTinyAvi();
    HANDLE file = CreateFileW(path.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_TEMPORARY, nullptr);
    if (file == INVALID_HANDLE_VALUE) {
        hrOut = lastErrorHresult();
        return {};
    }
    DWORD written = 0;
    const BOOL ok = WriteFile(file, clip.data(), static_cast<DWORD>(clip.size()), &written, nullptr);
    hrOut = ok && written == clip.size() ? hresult::Ok : lastErrorHresult();
    CloseHandle(file);
    if (hrOut != hresult::Ok) {
        DeleteFileW(path.c_str());
        return {};
    }
    return path;
}

} // namespace

std::unique_ptr<HwDevice> DirectShowCoppDevice::open(HMONITOR monitor, const MonitorInfo& info,
                                                     const DeviceSelection& selection, const LogFn& log)
{
    const bool evr = selection.api == Api::Evr;
    Description description;
    description.name = info.label() + ": DirectShow " + (evr ? "EVR" : "VMR-9") + " IAMCertifiedOutputProtection";
    description.iface = "copp";
    description.semantics = "copp";

    std::unique_ptr<DirectShowCoppDevice> device(new DirectShowCoppDevice());
    device->m_description = description;
    device->m_log = log;
    const auto failed = [&](HRESULT hr, const char* step) -> std::unique_ptr<HwDevice> {
        device->log(std::string(step) + " failed: " + hresultHex(u32(hr)));
        Description d = description;
        d.name += " [unavailable: " + std::string(step) + " " + hresultHex(u32(hr)) + "]";
        return std::make_unique<FailedDevice>(std::move(d), u32(hr));
    };

    if (!device->m_com.usable())
        return failed(static_cast<HRESULT>(device->m_com.hresult()), "CoInitializeEx");
    HRESULT hr = CoCreateInstance(CLSID_FilterGraph, nullptr, CLSCTX_INPROC_SERVER, IID_IGraphBuilder,
                                  device->m_graph.putVoid());
    if (FAILED(hr))
        return failed(hr, "CoCreateInstance(FilterGraph)");
    hr = CoCreateInstance(evr ? kCLSID_EnhancedVideoRenderer : CLSID_VideoMixingRenderer9, nullptr, CLSCTX_INPROC_SERVER,
                          IID_IBaseFilter, device->m_renderer.putVoid());
    if (FAILED(hr))
        return failed(hr, evr ? "CoCreateInstance(EnhancedVideoRenderer)" : "CoCreateInstance(VideoMixingRenderer9)");
    hr = device->m_graph->AddFilter(device->m_renderer.get(), evr ? L"Enhanced Video Renderer" : L"Video Mixing Renderer 9");
    if (FAILED(hr))
        return failed(hr, "IGraphBuilder::AddFilter");
    if (!evr) {
        device->selectMonitor(monitor);
        device->connectClip();
    } else {
        // Not connected: the EVR creates its Direct3D presenter on connection,
        // and Wine's EVR dereferences a null device there when Direct3D is
        // unavailable (the process dies). Whether an unconnected EVR answers
        // COPP can only be seen on real hardware: KeyExchange says.
        device->log("EVR left unconnected (no source clip)");
    }
    hr = device->m_renderer->QueryInterface(kIID_IAMCertifiedOutputProtection, device->m_copp.putVoid());
    if (FAILED(hr))
        return failed(hr, "QueryInterface(IAMCertifiedOutputProtection)");
    device->log("graph built");
    return device;
}

void DirectShowCoppDevice::selectMonitor(HMONITOR monitor)
{
    ComPtr<IVMRMonitorConfig9> config;
    HRESULT hr = m_renderer->QueryInterface(IID_IVMRMonitorConfig9, config.putVoid());
    if (FAILED(hr)) {
        log("IVMRMonitorConfig9 unavailable (" + hresultHex(u32(hr)) + "): the renderer's default monitor is used");
        return;
    }
    std::vector<VMR9MonitorInfo> monitors(16);
    DWORD count = 0;
    hr = config->GetAvailableMonitors(monitors.data(), static_cast<DWORD>(monitors.size()), &count);
    if (FAILED(hr)) {
        log("IVMRMonitorConfig9::GetAvailableMonitors failed (" + hresultHex(u32(hr)) + "): default monitor used");
        return;
    }
    for (DWORD i = 0; i < count && i < monitors.size(); ++i) {
        if (monitors[i].hMon != monitor)
            continue;
        hr = config->SetMonitor(monitors[i].uDevID);
        log("IVMRMonitorConfig9::SetMonitor(" + std::to_string(monitors[i].uDevID) + ") " + hresultHex(u32(hr)));
        return;
    }
    log("the monitor is not among the renderer's " + std::to_string(count) + " monitors: default monitor used");
}

void DirectShowCoppDevice::connectClip()
{
    std::uint32_t writeHr = hresult::Ok;
    m_clipPath = writeClip(writeHr);
    if (m_clipPath.empty()) {
        log("cannot write the source clip in %TEMP% (" + hresultHex(writeHr) + "): the renderer stays unconnected");
        return;
    }
    HRESULT hr = m_graph->AddSourceFilter(m_clipPath.c_str(), L"CoppScope clip", m_source.put());
    if (FAILED(hr)) {
        log("IGraphBuilder::AddSourceFilter failed (" + hresultHex(u32(hr)) + "): the renderer stays unconnected");
        return;
    }
    ComPtr<ICaptureGraphBuilder2> builder;
    hr = CoCreateInstance(CLSID_CaptureGraphBuilder2, nullptr, CLSCTX_INPROC_SERVER, IID_ICaptureGraphBuilder2,
                          builder.putVoid());
    if (SUCCEEDED(hr))
        hr = builder->SetFiltergraph(m_graph.get());
    if (SUCCEEDED(hr))
        hr = builder->RenderStream(nullptr, nullptr, m_source.get(), nullptr, m_renderer.get());
    log("clip -> renderer: " + hresultHex(u32(hr)) + (FAILED(hr) ? " (the renderer stays unconnected)" : ""));
}

DirectShowCoppDevice::~DirectShowCoppDevice()
{
    // Every COM object before the apartment; the graph before the file it reads.
    m_copp.reset();
    m_source.reset();
    m_renderer.reset();
    m_graph.reset();
    if (!m_clipPath.empty() && !DeleteFileW(m_clipPath.c_str()))
        log("cannot delete " + toUtf8(m_clipPath) + " (" + hresultHex(lastErrorHresult()) + ")");
}

CertificateReply DirectShowCoppDevice::keyExchange()
{
    GUID random{};
    BYTE* certificate = nullptr;
    DWORD length = 0;
    const HRESULT hr = m_copp->KeyExchange(&random, &certificate, &length);
    return takeCertificate(hr, &random, certificate, length, "KeyExchange", m_log); // GUID bytes as they lie in memory
}

std::uint32_t DirectShowCoppDevice::sessionSequenceStart(const Signature256& signature)
{
    wire::CoppSignature in;
    static_assert(sizeof in == sizeof signature);
    std::memcpy(&in, signature.data(), sizeof in);
    return u32(m_copp->SessionSequenceStart(&in));
}

std::uint32_t DirectShowCoppDevice::protectionCommand(const Block4096& command)
{
    wire::CoppCommand in;
    static_assert(sizeof in == sizeof command);
    std::memcpy(&in, command.data(), sizeof in);
    return u32(m_copp->ProtectionCommand(&in));
}

BlockReply DirectShowCoppDevice::protectionStatus(const Block4096& input)
{
    wire::CoppStatusInput in;
    static_assert(sizeof in == sizeof input);
    std::memcpy(&in, input.data(), sizeof in);
    wire::CoppStatusOutput out{};
    BlockReply reply;
    static_assert(sizeof out == sizeof reply.block);
    reply.hresult = u32(m_copp->ProtectionStatus(&in, &out));
    if (reply.ok())
        std::memcpy(reply.block.data(), &out, sizeof out);
    return reply;
}

} // namespace copp::device::hw::win
