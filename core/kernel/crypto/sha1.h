// SHA-1 (FIPS 180-4) through Crypto++; COPP hashes certificate Data with it.
#pragma once

#include <core/kernel/bytes.h>

#include <array>

namespace copp::crypto {

inline constexpr std::size_t kSha1Size = 20;
using Sha1Digest = std::array<std::uint8_t, kSha1Size>;

Sha1Digest sha1(ByteView data);

} // namespace copp::crypto
