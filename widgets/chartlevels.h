// SPDX-License-Identifier: BSD-3-Clause
// What the protection chart knows about levels: their order on a lane (by
// precedence, docs/protocol.md §5.2 "Assigning Precedence", not by number) and their
// names. Pure functions, so the order and the wording can be tested alone.
//
// A lane has one row per valid base level, lowest protection at the bottom:
//   HDCP, DPCP  off, on
//   ACP         off, level 1, level 3, level 2        (2 protects more than 3)
//   CGMS-A      off, copy freely, copy one generation, copy no more, copy never
// CGMS-A's redistribution-control flag (0x08) does not move a level (it is not
// part of the precedence); the chart marks it separately.
#pragma once

#include <QString>

#include <optional>

namespace copp::ui::chartlevels {

inline constexpr int kTypeCount = 4;                        // ProtectionHistory::knownTypes() order
inline constexpr quint32 kNoLevel = 0xFFFFFFFFu;             // kNoProtectionLevelAvailable
inline constexpr quint32 kRedistributionFlag = 0x08u;        // CGMS-A only

// Index in ProtectionHistory::knownTypes() ("hdcp", "acp", "cgmsa", "dpcp"); -1 otherwise.
int typeIndex(const QString& type);
// The COPP protection-type bit (hdcp 0x01, acp 0x02, cgmsa 0x04, dpcp 0x10).
quint32 protocolType(int typeIndex);
// Rows of a lane: 2, 4, 5, 2.
int rowCount(int typeIndex);
// The row of a value (its precedence rank); nothing for "no protection level
// available" or a value the protocol does not define for the type.
std::optional<int> row(int typeIndex, quint32 value);
// The base level drawn on a row (ACP row 2 is level 3).
quint32 levelAtRow(int typeIndex, int row);
bool hasRedistributionFlag(int typeIndex, quint32 value);

// "HDCP on", "ACP level 3", "CGMS-A copy no more" (ProtectionState's wording),
// "CGMS-A copy no more, redistribution control required", "no protection
// level available", "invalid level 7".
QString levelName(int typeIndex, quint32 value);
// The lane's tick label of a row: unique on the axis (QCategoryAxis needs
// that), so the lowest row names the type ("ACP off") and the others only the
// level ("level 3", "copy no more"); HDCP and DPCP name the type on both.
QString rowLabel(int typeIndex, int row);

} // namespace copp::ui::chartlevels
