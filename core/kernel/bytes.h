// SPDX-License-Identifier: BSD-3-Clause
// Byte containers shared by every kernel API.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace copp {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView asBytes(const std::string& s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Lowercase hex, the form every contract in this project uses.
std::string toHex(ByteView bytes);

// Constant-time comparison for MACs and digests an attacker may probe.
bool constantTimeEqual(ByteView a, ByteView b);

} // namespace copp
