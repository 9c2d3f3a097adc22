// SPDX-License-Identifier: BSD-3-Clause
// Monitor and output discovery (Windows only): HMONITORs from
// EnumDisplayMonitors, their GDI names and device strings, the active display
// paths (QueryDisplayConfig, looked up at run time: Windows 7+) with connector
// types, and the OPM video output counts per semantics.
#pragma once

#include <core/device/windows/outputs.h>
#include <core/device/windows/win32/comsupport.h>

#include <vector>

namespace copp::device::hw::win {

struct Monitor {
    HMONITOR handle = nullptr;
    MonitorInfo info;
};

// probeOpm: also call OPMGetVideoOutputsFromHMONITOR in both semantics (and
// release what it returns) to fill info.coppSemantics / info.opmSemantics.
// Needs COM on the calling thread for the probe.
std::vector<Monitor> enumerateMonitors(bool probeOpm, const LogFn& log = {});

} // namespace copp::device::hw::win
