// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/hardware.h>

#include <core/device/windows/win32/directshowcopp.h>
#include <core/device/windows/win32/displays.h>
#include <core/device/windows/win32/opmoutput.h>

namespace copp::device::hw {

std::vector<MonitorInfo> enumerateMonitors(const LogFn& log)
{
    win::ComApartment com; // for the OPM probe
    std::vector<MonitorInfo> out;
    for (win::Monitor& m : win::enumerateMonitors(com.usable(), log))
        out.push_back(std::move(m.info));
    return out;
}

std::unique_ptr<HwDevice> openDevice(const DeviceSelection& selection, const LogFn& log)
{
    Description description;
    description.name = "monitor " + std::to_string(selection.monitor) + " output " + std::to_string(selection.output);
    description.iface = selection.iface == "opm" ? "opm" : "copp";
    description.semantics = selection.semantics == "opm" ? "opm" : "copp";
    const auto invalid = [&](const std::string& why) -> std::unique_ptr<HwDevice> {
        if (log)
            log(description.name + ": " + why);
        description.name += " [unavailable: " + why + "]";
        return std::make_unique<FailedDevice>(description, hresult::InvalidArg);
    };
    if (const std::string problem = selection.problem(); !problem.empty())
        return invalid(problem);

    win::ComApartment com; // keeps COM up while the monitors are looked at
    std::vector<win::Monitor> monitors = win::enumerateMonitors(false, log);
    if (selection.monitor >= monitors.size())
        return invalid("no monitor " + std::to_string(selection.monitor) + " (" + std::to_string(monitors.size())
                       + " found)");
    const win::Monitor& monitor = monitors[selection.monitor];

    if (selection.api != Api::Opm)
        return win::DirectShowCoppDevice::open(monitor.handle, monitor.info, selection, log);
    DeviceSelection opm = selection;
    opm.iface = "opm";
    std::unique_ptr<HwDevice> device = win::OpmOutputDevice::open(monitor.handle, monitor.info, opm, log);
    if (selection.iface == "copp") // COPP calls over an OPM output in COPP semantics
        return std::make_unique<OpmAsCoppDevice>(std::move(device));
    return device;
}

} // namespace copp::device::hw
