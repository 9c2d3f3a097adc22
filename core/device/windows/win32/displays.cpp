// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/win32/displays.h>

#include <core/device/windows/win32/opmoutput.h>

#include <core/kernel/wire/layouts.h>

namespace copp::device::hw::win {

namespace {

BOOL CALLBACK collectMonitor(HMONITOR monitor, HDC, LPRECT, LPARAM context)
{
    reinterpret_cast<std::vector<HMONITOR>*>(context)->push_back(monitor);
    return TRUE;
}

// The adapter's and the attached monitor's DeviceString for a GDI device name.
void deviceStrings(const std::wstring& gdiName, MonitorInfo& info)
{
    DISPLAY_DEVICEW adapter{};
    adapter.cb = sizeof adapter;
    for (DWORD i = 0; EnumDisplayDevicesW(nullptr, i, &adapter, 0); ++i) {
        if (gdiName == adapter.DeviceName) {
            info.adapter = toUtf8(adapter.DeviceString);
            break;
        }
        adapter = {};
        adapter.cb = sizeof adapter;
    }
    DISPLAY_DEVICEW monitor{};
    monitor.cb = sizeof monitor;
    if (EnumDisplayDevicesW(gdiName.c_str(), 0, &monitor, 0))
        info.monitor = toUtf8(monitor.DeviceString);
}

using GetDisplayConfigBufferSizesFn = LONG(WINAPI*)(UINT32, UINT32*, UINT32*);
using QueryDisplayConfigFn = LONG(WINAPI*)(UINT32, UINT32*, DISPLAYCONFIG_PATH_INFO*, UINT32*, DISPLAYCONFIG_MODE_INFO*,
                                           DISPLAYCONFIG_TOPOLOGY_ID*);
using DisplayConfigGetDeviceInfoFn = LONG(WINAPI*)(DISPLAYCONFIG_DEVICE_INFO_HEADER*);

template <class Fn>
Fn user32Function(const char* name)
{
    HMODULE user32 = GetModuleHandleW(L"user32.dll");
    if (!user32)
        return nullptr;
    return reinterpret_cast<Fn>(reinterpret_cast<void*>(GetProcAddress(user32, name)));
}

struct PathTarget {
    std::wstring sourceGdiName;
    TargetInfo target;
};

// The active display paths: which GDI source drives which connector.
std::uint32_t activePaths(std::vector<PathTarget>& out, const LogFn& log)
{
    const auto bufferSizes = user32Function<GetDisplayConfigBufferSizesFn>("GetDisplayConfigBufferSizes");
    const auto query = user32Function<QueryDisplayConfigFn>("QueryDisplayConfig");
    const auto deviceInfo = user32Function<DisplayConfigGetDeviceInfoFn>("DisplayConfigGetDeviceInfo");
    if (!bufferSizes || !query || !deviceInfo) {
        if (log)
            log("QueryDisplayConfig is not available (before Windows 7): no connector types");
        return hresult::NotImpl;
    }
    std::vector<DISPLAYCONFIG_PATH_INFO> paths;
    std::vector<DISPLAYCONFIG_MODE_INFO> modes;
    LONG status = ERROR_INSUFFICIENT_BUFFER;
    for (int attempt = 0; attempt < 4 && status == ERROR_INSUFFICIENT_BUFFER; ++attempt) {
        UINT32 pathCount = 0, modeCount = 0;
        status = bufferSizes(QDC_ONLY_ACTIVE_PATHS, &pathCount, &modeCount);
        if (status != ERROR_SUCCESS)
            break;
        if (pathCount > 1024 || modeCount > 4096) { // far beyond any real system
            status = ERROR_INVALID_DATA;
            break;
        }
        paths.assign(pathCount, DISPLAYCONFIG_PATH_INFO{});
        modes.assign(modeCount, DISPLAYCONFIG_MODE_INFO{});
        status = query(QDC_ONLY_ACTIVE_PATHS, &pathCount, paths.data(), &modeCount, modes.data(), nullptr);
        if (status == ERROR_SUCCESS)
            paths.resize(pathCount);
    }
    if (status != ERROR_SUCCESS) {
        if (log)
            log("QueryDisplayConfig failed: " + hresultHex(u32(HRESULT_FROM_WIN32(static_cast<DWORD>(status)))));
        return u32(HRESULT_FROM_WIN32(static_cast<DWORD>(status)));
    }
    for (const DISPLAYCONFIG_PATH_INFO& path : paths) {
        PathTarget entry;
        DISPLAYCONFIG_SOURCE_DEVICE_NAME source{};
        source.header.type = DISPLAYCONFIG_DEVICE_INFO_GET_SOURCE_NAME;
        source.header.size = sizeof source;
        source.header.adapterId = path.sourceInfo.adapterId;
        source.header.id = path.sourceInfo.id;
        if (deviceInfo(&source.header) == ERROR_SUCCESS)
            entry.sourceGdiName = source.viewGdiDeviceName;
        DISPLAYCONFIG_TARGET_DEVICE_NAME target{};
        target.header.type = DISPLAYCONFIG_DEVICE_INFO_GET_TARGET_NAME;
        target.header.size = sizeof target;
        target.header.adapterId = path.targetInfo.adapterId;
        target.header.id = path.targetInfo.id;
        if (deviceInfo(&target.header) == ERROR_SUCCESS) {
            entry.target.friendlyName = toUtf8(target.monitorFriendlyDeviceName);
            entry.target.devicePath = toUtf8(target.monitorDevicePath);
        }
        entry.target.targetId = path.targetInfo.id;
        // The enum is a 32-bit value; OTHER is -1 and INTERNAL is 0x80000000.
        const auto technology = static_cast<std::uint32_t>(path.targetInfo.outputTechnology);
        entry.target.outputTechnology = technology == 0xFFFFFFFFu ? -1 : static_cast<std::int64_t>(technology);
        out.push_back(std::move(entry));
    }
    return hresult::Ok;
}

} // namespace

std::vector<Monitor> enumerateMonitors(bool probeOpm, const LogFn& log)
{
    std::vector<HMONITOR> handles;
    if (!EnumDisplayMonitors(nullptr, nullptr, collectMonitor, reinterpret_cast<LPARAM>(&handles)) && log)
        log("EnumDisplayMonitors failed: " + hresultHex(lastErrorHresult()));

    std::vector<PathTarget> paths;
    const std::uint32_t pathsHresult = activePaths(paths, log);

    std::vector<Monitor> monitors;
    for (HMONITOR handle : handles) {
        Monitor m;
        m.handle = handle;
        m.info.index = static_cast<unsigned>(monitors.size());
        MONITORINFOEXW mi{};
        mi.cbSize = sizeof mi;
        if (GetMonitorInfoW(handle, &mi)) {
            m.info.device = toUtf8(mi.szDevice);
            m.info.primary = (mi.dwFlags & MONITORINFOF_PRIMARY) != 0;
            m.info.left = mi.rcMonitor.left;
            m.info.top = mi.rcMonitor.top;
            m.info.right = mi.rcMonitor.right;
            m.info.bottom = mi.rcMonitor.bottom;
            deviceStrings(mi.szDevice, m.info);
            for (const PathTarget& p : paths)
                if (p.sourceGdiName == mi.szDevice)
                    m.info.targets.push_back(p.target);
        } else if (log) {
            log("GetMonitorInfoW failed for monitor " + std::to_string(m.info.index) + ": "
                + hresultHex(lastErrorHresult()));
        }
        m.info.targetsHresult = pathsHresult;
        if (probeOpm) {
            m.info.coppSemantics = probeOpmOutputs(handle, wire::kOpmVosCoppSemantics);
            m.info.opmSemantics = probeOpmOutputs(handle, wire::kOpmVosOpmSemantics);
        }
        monitors.push_back(std::move(m));
    }
    return monitors;
}

} // namespace copp::device::hw::win
