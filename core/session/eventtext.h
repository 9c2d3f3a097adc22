// SPDX-License-Identifier: BSD-3-Clause
// One readable, translated line per session event: the CLI's default output,
// the GUI's session log and alert list.
#pragma once

#include <core/session/sessionevent.h>
#include <QString>

namespace copp::session {

// "   821 ms  status local-level: hdcp = 1, flags 0"
QString describeEvent(const SessionEvent& event);
// The same without the time column.
QString eventSummary(const SessionEvent& event);

} // namespace copp::session
