// SPDX-License-Identifier: BSD-3-Clause
// What the Windows backend discovers: monitors (HMONITORs, in
// EnumDisplayMonitors order), the display paths that drive them with their
// connector types (QueryDisplayConfig, Windows 7+), and how many OPM video
// outputs OPMGetVideoOutputsFromHMONITOR returns for each semantics. Plain data
// (no Windows types), so the JSON of `coppscope-agent --list`
// (app/agent/monitorsjson.h) is produced and tested on any system.
#pragma once

#include <core/device/windows/hwdevice.h>

#include <cstdint>
#include <string>
#include <vector>

namespace copp::device::hw {

// One display path's target: the physical connector (DISPLAYCONFIG_PATH_TARGET_INFO).
struct TargetInfo {
    std::uint32_t targetId = 0;       // VidPN target id (what OPMGetVideoOutputForTarget takes)
    std::int64_t outputTechnology = -1; // DISPLAYCONFIG_VIDEO_OUTPUT_TECHNOLOGY, as signed (OTHER = -1, INTERNAL = 0x80000000)
    std::string friendlyName;         // monitorFriendlyDeviceName (EDID), UTF-8
    std::string devicePath;           // monitorDevicePath, UTF-8
};

// OPMGetVideoOutputsFromHMONITOR for one semantics: its HRESULT and the count.
struct OpmProbe {
    std::uint32_t hresult = hresult::NotImpl;
    std::uint32_t outputs = 0;
};

struct MonitorInfo {
    unsigned index = 0;         // --output INDEX[.K]
    std::string device;         // GDI name, "\\.\DISPLAY1"
    std::string adapter;        // the adapter's DeviceString ("NVIDIA GeForce ...")
    std::string monitor;        // the monitor's DeviceString ("Generic PnP Monitor")
    bool primary = false;
    int left = 0, top = 0, right = 0, bottom = 0; // rcMonitor, virtual-screen pixels
    std::uint32_t targetsHresult = hresult::NotImpl; // QueryDisplayConfig (HRESULT_FROM_WIN32), NotImpl before Windows 7
    std::vector<TargetInfo> targets;
    OpmProbe coppSemantics; // OPM_VOS_COPP_SEMANTICS
    OpmProbe opmSemantics;  // OPM_VOS_OPM_SEMANTICS

    // "\\.\DISPLAY1 (DELL U2415, HDMI)": for device names and logs.
    std::string label() const;
};

// The connector name of a DISPLAYCONFIG_VIDEO_OUTPUT_TECHNOLOGY value, which
// shares its numbers with OPM_CONNECTOR_TYPE / COPP_ConnectorType (docs/protocol.md
// §5.4): "vga", "hdmi", "displayport-external", ...; "internal" for the
// 0x80000000 flag; "other" for -1; "unknown" for anything else.
const char* connectorName(std::int64_t outputTechnology);

} // namespace copp::device::hw
