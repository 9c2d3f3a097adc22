// SPDX-License-Identifier: BSD-3-Clause
// SHA-1 and SHA-256 (FIPS 180-4) through Crypto++. COPP hashes certificate Data
// with SHA-1; reports identify the files they describe by SHA-256.
#pragma once

#include <core/kernel/bytes.h>

#include <array>

namespace copp::crypto {

inline constexpr std::size_t kSha1Size = 20;
using Sha1Digest = std::array<std::uint8_t, kSha1Size>;
inline constexpr std::size_t kSha256Size = 32;
using Sha256Digest = std::array<std::uint8_t, kSha256Size>;

Sha1Digest sha1(ByteView data);
Sha256Digest sha256(ByteView data);

} // namespace copp::crypto
