// SPDX-License-Identifier: BSD-3-Clause
// Hex digits, the one implementation: GUID text (core/kernel/protocol/guid.cpp)
// and the agent protocol's "lowercase hex strings" (docs/cli.md#the-device-agent-protocol).
#pragma once

namespace copp::wire {

inline constexpr char kHexDigits[] = "0123456789abcdef"; // writing: lowercase

// A hex digit's value (either case), or -1.
constexpr int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace copp::wire
