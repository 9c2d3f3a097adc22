// SPDX-License-Identifier: BSD-3-Clause
// Little-endian integers and fixed-size blocks: every integer in the COPP/OPM
// structures is little-endian (docs/protocol.md, "Conventions").
#pragma once

#include <core/kernel/bytes.h>
#include <core/kernel/wire/guids.h>
#include <core/kernel/wire/layouts.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace copp::protocol {

// AMCOPPCommand, AMCOPPStatusInput/Output (core/kernel/wire/layouts.h).
inline constexpr std::size_t kBlockSize = sizeof(wire::CoppCommand);
using Block4096 = std::array<std::uint8_t, kBlockSize>;
using Bytes16 = wire::Guid16;

inline void putU32(std::uint8_t* at, std::uint32_t v)
{
    at[0] = static_cast<std::uint8_t>(v);
    at[1] = static_cast<std::uint8_t>(v >> 8);
    at[2] = static_cast<std::uint8_t>(v >> 16);
    at[3] = static_cast<std::uint8_t>(v >> 24);
}

inline std::uint32_t getU32(const std::uint8_t* at)
{
    return static_cast<std::uint32_t>(at[0]) | static_cast<std::uint32_t>(at[1]) << 8
        | static_cast<std::uint32_t>(at[2]) << 16 | static_cast<std::uint32_t>(at[3]) << 24;
}

inline Bytes16 get16(const std::uint8_t* at)
{
    Bytes16 out;
    std::memcpy(out.data(), at, out.size());
    return out;
}

inline void put16(std::uint8_t* at, const Bytes16& v)
{
    std::memcpy(at, v.data(), v.size());
}

} // namespace copp::protocol
