// SPDX-License-Identifier: BSD-3-Clause
// The command line of coppscope-agent.exe. Portable, so it is tested natively.
//
//   coppscope-agent [--output M[.K]] [--interface copp|opm] [--semantics copp|opm]
//                   [--api vmr9|evr|opm] [--quiet]            serve on stdin/stdout
//   coppscope-agent --list                                    monitors/outputs as JSON
//   coppscope-agent --capture-chains DIR                      save every certificate chain
//   coppscope-agent --help | --version
//
// Defaults: monitor 0, output 0; interface copp; semantics = the interface's;
// api = vmr9 for the COPP interface, opm for the OPM interface.
#pragma once

#include <core/device/windows/hwdevice.h>

#include <string>
#include <vector>

namespace copp::device::hw {

struct AgentOptions {
    enum class Mode { Serve, List, CaptureChains, Help, Version };
    Mode mode = Mode::Serve;
    DeviceSelection selection;
    std::string captureDir;
    bool quiet = false; // no logs on stderr
};

struct ParsedOptions {
    AgentOptions options;
    std::string error; // non-empty: a usage error (exit 2)
};

// args excludes the program name.
ParsedOptions parseAgentOptions(const std::vector<std::string>& args);

std::string agentUsage();

} // namespace copp::device::hw
