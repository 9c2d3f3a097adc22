// SPDX-License-Identifier: BSD-3-Clause
// The JSON printed by `coppscope-agent --list` (docs/notes/windows.md).
#pragma once

#include <core/device/windows/outputs.h>

#include <string>
#include <vector>

namespace copp::device::hw {

// {"monitors": [...]} with every field of MonitorInfo, HRESULTs as unsigned
// integers, connectors by number and name; one line.
std::string monitorsJson(const std::vector<MonitorInfo>& monitors);

} // namespace copp::device::hw
