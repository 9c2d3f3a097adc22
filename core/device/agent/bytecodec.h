// SPDX-License-Identifier: BSD-3-Clause
// Hex and base64 for the device agent protocol (docs/cli.md#the-device-agent-protocol), with the
// same conventions as the Qt side (core/device/agent/agentprotocol.h):
// - "Binary values are lowercase hex strings": encoding is lowercase; decoding
//   accepts either case but nothing else (no spaces, no 0x, even length);
// - base64 is the standard alphabet with '=' padding; decoding accepts a missing
//   final padding, rejects any other character (whitespace included), misplaced
//   padding and non-zero trailing bits.
// No Qt, no allocation beyond the result.
#pragma once

#include <core/device/windows/hwdevice.h>

#include <optional>
#include <string>
#include <string_view>

namespace copp::device::hw {

std::string toHex(ByteView bytes);
std::optional<Bytes> fromHex(std::string_view text);

std::string toBase64(ByteView bytes);
std::optional<Bytes> fromBase64(std::string_view text);

} // namespace copp::device::hw
