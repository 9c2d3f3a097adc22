// SPDX-License-Identifier: BSD-3-Clause
// The Windows hardware devices, in process: what the GUI and
// the agent call. Declared here without Windows headers; implemented in
// win32/hardware.cpp, compiled only on Windows (library copp_hw_windows).
//
//   auto monitors = copp::device::hw::enumerateMonitors();        // --list
//   DeviceSelection s; s.monitor = 0; s.api = Api::Vmr9;          // or Api::Opm ...
//   std::unique_ptr<HwDevice> device = copp::device::hw::openDevice(s);
//   CertificateReply r = device->keyExchange();                   // {hresult, random, bytes}
//
// Threading: call openDevice on the thread that will use the device (the
// session thread) and destroy it there; each device keeps COM initialised on
// that thread (single-threaded apartment) for its lifetime.
#pragma once

#include <core/device/windows/hwdevice.h>
#include <core/device/windows/outputs.h>

#include <memory>
#include <vector>

namespace copp::device::hw {

// Every monitor with its display paths (connector types) and OPM output counts.
std::vector<MonitorInfo> enumerateMonitors(const LogFn& log = {});

// Opens the selected output. Never null: when it cannot be opened (no such
// monitor or output, no COPP/OPM support, a bad combination) the device is a
// FailedDevice whose calls all answer the HRESULT of the failure (E_INVALIDARG
// for a bad selection) and whose name says why.
std::unique_ptr<HwDevice> openDevice(const DeviceSelection& selection, const LogFn& log = {});

} // namespace copp::device::hw
