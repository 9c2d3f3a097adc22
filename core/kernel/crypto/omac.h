// SPDX-License-Identifier: BSD-3-Clause
// OMAC-1 = AES-128-CMAC (RFC 4493, NIST SP 800-38B; docs/protocol.md §6) through
// Crypto++ CMAC<AES>. Every COPP/OPM MAC is this with the 16-byte session key.
#pragma once

#include <core/kernel/bytes.h>
#include <core/kernel/result.h>

#include <array>

namespace copp::crypto {

inline constexpr std::size_t kOmacSize = 16;
using Omac = std::array<std::uint8_t, kOmacSize>;
using AesKey = std::array<std::uint8_t, 16>;

Omac omac1(const AesKey& key, ByteView data);
// For keys of unchecked length (calculators, agents): a Usage error unless 16 bytes.
Result<Omac> omac1(ByteView key, ByteView data);
// Constant-time comparison of the MAC over `data` with `tag`.
bool omac1Verify(const AesKey& key, ByteView data, ByteView tag);

} // namespace copp::crypto
