// SPDX-License-Identifier: BSD-3-Clause
// How the protection chart writes a time since the session began: its axis
// ticks, its tooltips and its accessible description say it the same way.
#pragma once

#include <QString>

namespace copp::ui::charttime {

// "1:05", "1:02:03"; with tenths ("1:05.3") when the ticks are closer than a second.
QString formatTime(qint64 ms, bool tenths);
// "1:05.250": a tooltip's exact time.
QString formatTimeMs(qint64 ms);

} // namespace copp::ui::charttime
