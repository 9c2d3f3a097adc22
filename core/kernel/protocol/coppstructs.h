// SPDX-License-Identifier: BSD-3-Clause
// The COPP structures of docs/protocol.md §3.1-§3.2 with explicit little-endian
// encode/decode. Blocks are always the full fixed size; decoders check sizes.
#pragma once

#include <core/kernel/crypto/omac.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/result.h>
#include <core/kernel/wire/layouts.h>

#include <array>
#include <cstdint>

namespace copp::protocol {

// Sizes from the one layout table (core/kernel/wire/layouts.h).
inline constexpr std::size_t kSignatureSize = sizeof(wire::CoppSignature);                 // 256
inline constexpr std::size_t kCommandDataSize = sizeof(wire::CoppCommand::CommandData);    // 4056, = StatusInput.StatusData
inline constexpr std::size_t kStatusDataSize = sizeof(wire::CoppStatusOutput::COPPStatus); // 4076
using Signature256 = std::array<std::uint8_t, kSignatureSize>;

// AMCOPPCommand / DXVA_COPPCommand (4096): macKDI@0, guidCommandID@16,
// dwSequence@32, cbSizeData@36, CommandData[4056]@40.
struct CoppCommand {
    Bytes16 mac{};
    Guid commandId;
    std::uint32_t sequence = 0;
    std::uint32_t dataSize = 0;
    std::array<std::uint8_t, kCommandDataSize> data{};
};
Block4096 encode(const CoppCommand& command);
CoppCommand decodeCommand(const Block4096& block);

// AMCOPPStatusInput (4096, not MACed): rApp@0, guidStatusRequestID@16,
// dwSequence@32, cbSizeData@36, StatusData[4056]@40.
struct CoppStatusInput {
    Bytes16 random{};
    Guid requestId;
    std::uint32_t sequence = 0;
    std::uint32_t dataSize = 0;
    std::array<std::uint8_t, kCommandDataSize> data{};
};
Block4096 encode(const CoppStatusInput& input);
CoppStatusInput decodeStatusInput(const Block4096& block);

// AMCOPPStatusOutput (4096): macKDI@0, cbSizeData@16, COPPStatus[4076]@20.
struct CoppStatusOutput {
    Bytes16 mac{};
    std::uint32_t dataSize = 0;
    std::array<std::uint8_t, kStatusDataSize> status{};
};
Block4096 encode(const CoppStatusOutput& output);
CoppStatusOutput decodeStatusOutput(const Block4096& block);

// §6.1: the MAC of a command or status reply covers bytes 16..4095 of the
// block (never only cbSizeData bytes) and sits in bytes 0..15.
crypto::Omac blockMac(const crypto::AesKey& key, const Block4096& block);
void signBlock(const crypto::AesKey& key, Block4096& block);
bool verifyBlockMac(const crypto::AesKey& key, const Block4096& block); // constant time

// DXVA_COPPSetProtectionLevelCmdData (16).
struct SetProtectionLevel {
    std::uint32_t type = 0;
    std::uint32_t level = 0;
    std::uint32_t extendedInfoChangeMask = 0;
    std::uint32_t extendedInfoData = 0;
    static constexpr std::size_t kSize = sizeof(wire::CoppSetProtectionLevelCmdData);
};
// DXVA_COPPSetSignalingCmdData (64).
struct SetSignaling {
    std::uint32_t activeTvProtectionStandard = 0;
    std::uint32_t aspectRatioChangeMask1 = 0, aspectRatioData1 = 0;
    std::uint32_t aspectRatioChangeMask2 = 0, aspectRatioData2 = 0;
    std::uint32_t aspectRatioChangeMask3 = 0, aspectRatioData3 = 0;
    std::array<std::uint32_t, 4> extendedInfoChangeMask{};
    std::array<std::uint32_t, 4> extendedInfoData{};
    std::uint32_t reserved = 0;
    static constexpr std::size_t kSize = sizeof(wire::CoppSetSignalingCmdData);
};
// DXVA_COPPStatusData (32): the reply of five of the eight queries.
struct StatusData {
    Bytes16 random{};
    std::uint32_t flags = 0;
    std::uint32_t data = 0;
    std::uint32_t extendedInfoValidMask = 0;
    std::uint32_t extendedInfoData = 0;
    static constexpr std::size_t kSize = sizeof(wire::CoppStatusData);
};
// DXVA_COPPStatusDisplayData (44).
struct StatusDisplayData {
    Bytes16 random{};
    std::uint32_t flags = 0;
    std::uint32_t displayWidth = 0, displayHeight = 0;
    std::uint32_t format = 0;    // DXVA_ExtendedFormat bit field
    std::uint32_t d3dFormat = 0; // D3DFORMAT
    std::uint32_t freqNumerator = 0, freqDenominator = 0;
    static constexpr std::size_t kSize = sizeof(wire::CoppStatusDisplayData);
};
// DXVA_COPPStatusHDCPKeyData (72). BKey: the KSV in its least significant 40
// bits, least significant byte first (§12 Q9); Reserved1/2 zero.
struct StatusHdcpKeyData {
    Bytes16 random{};
    std::uint32_t flags = 0;
    std::uint32_t hdcpFlags = 0; // kHdcpRepeater
    Bytes16 bKey{};
    static constexpr std::size_t kSize = sizeof(wire::CoppStatusHdcpKeyData);
};
// DXVA_COPPStatusSignalingCmdData (88).
struct StatusSignaling {
    Bytes16 random{};
    std::uint32_t flags = 0;
    std::uint32_t availableTvProtectionStandards = 0, activeTvProtectionStandard = 0, tvType = 0;
    std::uint32_t aspectRatioValidMask1 = 0, aspectRatioData1 = 0;
    std::uint32_t aspectRatioValidMask2 = 0, aspectRatioData2 = 0;
    std::uint32_t aspectRatioValidMask3 = 0, aspectRatioData3 = 0;
    std::array<std::uint32_t, 4> extendedInfoValidMask{};
    std::array<std::uint32_t, 4> extendedInfoData{};
    static constexpr std::size_t kSize = sizeof(wire::CoppStatusSignalingCmdData);
};

Bytes encode(const SetProtectionLevel& v);
Bytes encode(const SetSignaling& v);
Bytes encode(const StatusData& v);
Bytes encode(const StatusDisplayData& v);
Bytes encode(const StatusHdcpKeyData& v);
Bytes encode(const StatusSignaling& v);
// Decoders take the payload bytes and fail when fewer than the struct's size.
Result<SetProtectionLevel> decodeSetProtectionLevel(ByteView bytes);
Result<SetSignaling> decodeSetSignaling(ByteView bytes);
Result<StatusData> decodeStatusData(ByteView bytes);
Result<StatusDisplayData> decodeStatusDisplayData(ByteView bytes);
Result<StatusHdcpKeyData> decodeStatusHdcpKeyData(ByteView bytes);
Result<StatusSignaling> decodeStatusSignaling(ByteView bytes);

// The reply struct and size each COPP status request implies (§4.2): 32, 44, 72 or 88.
std::size_t replySize(StatusRequest request);
// StatusData bytes a request carries: 4 (a protection type) for the two level queries, else 0.
std::size_t requestDataSize(StatusRequest request);

} // namespace copp::protocol
