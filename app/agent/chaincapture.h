// SPDX-License-Identifier: BSD-3-Clause
// coppscope-agent --capture-chains DIR: open every monitor/output/semantics,
// ask for its certificate (KeyExchange / StartInitialization) and save the
// bytes exactly as the driver returned them, so real chains can be inspected on
// any system (`coppscope-cli verify DIR/monitor0-vmr9-copp.xml`). No session is
// started: the driver's random is recorded in index.json, nothing is signed.
// Portable (the opening is a callback), so it is tested natively with fakes.
#pragma once

#include <core/device/windows/hwdevice.h>
#include <core/device/windows/outputs.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace copp::device::hw {

struct CaptureTarget {
    DeviceSelection selection;
    std::string label; // the monitor's label, for index.json
};

// Per monitor: DirectShow VMR-9 (COPP); per OPM video output of each
// semantics that enumerated: OPM in that semantics.
std::vector<CaptureTarget> captureTargets(const std::vector<MonitorInfo>& monitors);

// "monitor0-vmr9-copp.xml", "monitor1-output0-opm-copp.xml",
// "monitor1-output0-opm-opm.p7b" (COPP semantics: the XML chain; OPM: PKCS#7).
std::string captureFileName(const DeviceSelection& selection);

struct CaptureOutcome {
    CaptureTarget target;
    std::uint32_t hresult = hresult::Fail;
    std::string file; // name inside the directory, when saved
    std::size_t bytes = 0;
    std::string random; // hex
    std::string detail; // why not saved, when it was not
};

// Opens one target (on the calling thread); never null (a FailedDevice when it
// cannot be opened).
using DeviceOpener = std::function<std::unique_ptr<HwDevice>(const DeviceSelection&)>;

// Runs every target in order, one device open at a time; creates `dir` when
// needed; writes index.json. Throws nothing: I/O problems are outcomes.
std::vector<CaptureOutcome> captureChains(const std::vector<CaptureTarget>& targets, const DeviceOpener& open,
                                          const std::filesystem::path& dir, const LogFn& log = {});

// Paths from and to UTF-8 (the agent's arguments and logs are UTF-8; a plain
// std::string path would use the ANSI code page on Windows).
std::filesystem::path utf8Path(std::string_view utf8);
std::string pathText(const std::filesystem::path& path);

// The text of index.json: {"outputs": [{"monitor", "output", "api", "semantics",
// "label", "hresult", "file", "bytes", "random", "detail"}...]}.
std::string captureIndexJson(const std::vector<CaptureOutcome>& outcomes);

} // namespace copp::device::hw
