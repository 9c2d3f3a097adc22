// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/outputs.h>

namespace copp::device::hw {

const char* connectorName(std::int64_t t)
{
    switch (t) {
    case -1: return "other";
    case 0: return "vga";
    case 1: return "svideo";
    case 2: return "composite";
    case 3: return "component";
    case 4: return "dvi";
    case 5: return "hdmi";
    case 6: return "lvds";
    case 7: return "tmds";
    case 8: return "d-jpn";
    case 9: return "sdi";
    case 10: return "displayport-external";
    case 11: return "displayport-embedded";
    case 12: return "udi-external";
    case 13: return "udi-embedded";
    case 14: return "sdtv-dongle";
    case 15: return "miracast";
    case 16: return "indirect-wired";
    case 17: return "indirect-virtual";
    case 0x80000000LL: return "internal";
    default: return "unknown";
    }
}

std::string MonitorInfo::label() const
{
    std::string out = device.empty() ? "monitor " + std::to_string(index) : device;
    std::string detail;
    for (const TargetInfo& t : targets) {
        if (!detail.empty())
            detail += "; ";
        detail += t.friendlyName.empty() ? std::string(connectorName(t.outputTechnology))
                                         : t.friendlyName + ", " + connectorName(t.outputTechnology);
    }
    if (detail.empty() && !monitor.empty())
        detail = monitor;
    if (!detail.empty())
        out += " (" + detail + ")";
    return out;
}

} // namespace copp::device::hw
