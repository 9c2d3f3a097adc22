// SPDX-License-Identifier: BSD-3-Clause
// The GUIDs of docs/protocol.md §4.1 and the COM objects the Windows backend uses:
// the one table, read by the kernel (copp::protocol::guids), the Windows
// backend (the COM interfaces' IIDs) and the agent's tests. Windows lays a GUID
// out as Data1 u32 LE, Data2 u16 LE, Data3 u16 LE, Data4 as written (docs/protocol.md,
// "Conventions"; = uuid.bytes_le).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace copp::wire {

using Guid16 = std::array<std::uint8_t, 16>;

// A GUID's 16 bytes as Windows lays it out in memory (= uuid.bytes_le).
constexpr Guid16 guidBytes(std::uint32_t d1, std::uint16_t d2, std::uint16_t d3, std::array<std::uint8_t, 8> d4)
{
    return {static_cast<std::uint8_t>(d1), static_cast<std::uint8_t>(d1 >> 8), static_cast<std::uint8_t>(d1 >> 16),
            static_cast<std::uint8_t>(d1 >> 24), static_cast<std::uint8_t>(d2), static_cast<std::uint8_t>(d2 >> 8),
            static_cast<std::uint8_t>(d3), static_cast<std::uint8_t>(d3 >> 8), d4[0], d4[1], d4[2], d4[3], d4[4], d4[5],
            d4[6], d4[7]};
}

struct NamedGuid {
    std::string_view name;
    Guid16 bytes;
};

namespace guid {
// Interfaces and devices.
inline constexpr Guid16 IID_IAMCertifiedOutputProtection =
    guidBytes(0x6feded3e, 0x0ff1, 0x4901, {0xa2, 0xf1, 0x43, 0xf7, 0x01, 0x2c, 0x85, 0x15});
inline constexpr Guid16 IID_IOPMVideoOutput =
    guidBytes(0x0a15159d, 0x41c7, 0x4456, {0x93, 0xe1, 0x28, 0x4c, 0xd6, 0x1d, 0x4e, 0x8d});
inline constexpr Guid16 DXVA_COPPDevice =
    guidBytes(0xd2457add, 0x8999, 0x45ed, {0x8a, 0x8a, 0xd1, 0xaa, 0x04, 0x7b, 0xa4, 0xd5});
// The Enhanced Video Renderer filter (evr.h); mingw-w64's strmiids has no symbol for it.
inline constexpr Guid16 CLSID_EnhancedVideoRenderer =
    guidBytes(0xfa10746c, 0x9b63, 0x4b6c, {0xbc, 0x49, 0xfc, 0x30, 0x0e, 0xa5, 0xf2, 0x56});

// Commands and status requests (COPP and OPM share the values).
inline constexpr Guid16 SetProtectionLevel =
    guidBytes(0x9bb9327c, 0x4eb5, 0x4727, {0x9f, 0x00, 0xb4, 0x2b, 0x09, 0x19, 0xc0, 0xda});
inline constexpr Guid16 SetSignaling =
    guidBytes(0x09a631a5, 0xd684, 0x4c60, {0x8e, 0x4d, 0xd3, 0xbb, 0x0f, 0x0b, 0xe3, 0xee});
inline constexpr Guid16 SetHdcpSrm =
    guidBytes(0x8b5ef5d1, 0xc30d, 0x44ff, {0x84, 0xa5, 0xea, 0x71, 0xdc, 0xe7, 0x8f, 0x13});
inline constexpr Guid16 SetProtectionLevelCssDvd =
    guidBytes(0x39ce333e, 0x4cc0, 0x44ae, {0xbf, 0xcc, 0xda, 0x50, 0xb5, 0xf8, 0x2e, 0x72});
inline constexpr Guid16 QueryConnectorType =
    guidBytes(0x81d0bfd5, 0x6afe, 0x48c2, {0x99, 0xc0, 0x95, 0xa0, 0x8f, 0x97, 0xc5, 0xda});
inline constexpr Guid16 QueryProtectionType =
    guidBytes(0x38f2a801, 0x9a6c, 0x48bb, {0x91, 0x07, 0xb6, 0x69, 0x6e, 0x6f, 0x17, 0x97});
inline constexpr Guid16 QueryLocalProtectionLevel =
    guidBytes(0xb2075857, 0x3eda, 0x4d5d, {0x88, 0xdb, 0x74, 0x8f, 0x8c, 0x1a, 0x05, 0x49});
inline constexpr Guid16 QueryGlobalProtectionLevel =
    guidBytes(0x1957210a, 0x7766, 0x452a, {0xb9, 0x9a, 0xd2, 0x7a, 0xed, 0x54, 0xf0, 0x3a});
inline constexpr Guid16 QueryDisplayData =
    guidBytes(0xd7bf1ba3, 0xad13, 0x4f8e, {0xaf, 0x98, 0x0d, 0xcb, 0x3c, 0xa2, 0x04, 0xcc});
inline constexpr Guid16 QueryHdcpKeyData =
    guidBytes(0x0db59d74, 0xa992, 0x492e, {0xa0, 0xbd, 0xc2, 0x3f, 0xda, 0x56, 0x4e, 0x00});
inline constexpr Guid16 QueryBusData =
    guidBytes(0xc6f4d673, 0x6174, 0x4184, {0x8e, 0x35, 0xf6, 0xdb, 0x52, 0x00, 0xbc, 0xba});
inline constexpr Guid16 QuerySignaling =
    guidBytes(0x6629a591, 0x3b79, 0x4cf3, {0x92, 0x4a, 0x11, 0xe8, 0xe7, 0x81, 0x16, 0x71});
inline constexpr Guid16 GetCurrentHdcpSrmVersion =
    guidBytes(0x99c5ceff, 0x5f1d, 0x4879, {0x81, 0xc1, 0xc5, 0x24, 0x43, 0xc9, 0x48, 0x2b});
inline constexpr Guid16 GetOutputId =
    guidBytes(0x72cb6df3, 0x244f, 0x40ce, {0xb0, 0x9e, 0x20, 0x50, 0x6a, 0xf6, 0x30, 0x2f});
inline constexpr Guid16 GetDviCharacteristics =
    guidBytes(0xa470b3bb, 0x5dd7, 0x4172, {0x83, 0x9c, 0x3d, 0x37, 0x76, 0xe0, 0xeb, 0xf5});
inline constexpr Guid16 GetCodecInfo =
    guidBytes(0x4f374491, 0x8f5f, 0x4445, {0x9d, 0xba, 0x95, 0x58, 0x8f, 0x6b, 0x58, 0xb4});
inline constexpr Guid16 GetOutputHardwareProtectionSupport =
    guidBytes(0x3b129589, 0x2af8, 0x4ef0, {0x96, 0xa2, 0x70, 0x4a, 0x84, 0x5a, 0x21, 0x8e});
} // namespace guid

// Every GUID above with its name, for tests and --list.
inline constexpr NamedGuid kGuids[] = {
    {"IID_IAMCertifiedOutputProtection", guid::IID_IAMCertifiedOutputProtection},
    {"IID_IOPMVideoOutput", guid::IID_IOPMVideoOutput},
    {"DXVA_COPPDevice", guid::DXVA_COPPDevice},
    {"CLSID_EnhancedVideoRenderer", guid::CLSID_EnhancedVideoRenderer},
    {"DXVA_COPPSetProtectionLevel", guid::SetProtectionLevel},
    {"DXVA_COPPSetSignaling", guid::SetSignaling},
    {"OPM_SET_HDCP_SRM", guid::SetHdcpSrm},
    {"OPM_SET_PROTECTION_LEVEL_ACCORDING_TO_CSS_DVD", guid::SetProtectionLevelCssDvd},
    {"DXVA_COPPQueryConnectorType", guid::QueryConnectorType},
    {"DXVA_COPPQueryProtectionType", guid::QueryProtectionType},
    {"DXVA_COPPQueryLocalProtectionLevel", guid::QueryLocalProtectionLevel},
    {"DXVA_COPPQueryGlobalProtectionLevel", guid::QueryGlobalProtectionLevel},
    {"DXVA_COPPQueryDisplayData", guid::QueryDisplayData},
    {"DXVA_COPPQueryHDCPKeyData", guid::QueryHdcpKeyData},
    {"DXVA_COPPQueryBusData", guid::QueryBusData},
    {"DXVA_COPPQuerySignaling", guid::QuerySignaling},
    {"OPM_GET_CURRENT_HDCP_SRM_VERSION", guid::GetCurrentHdcpSrmVersion},
    {"OPM_GET_OUTPUT_ID", guid::GetOutputId},
    {"OPM_GET_DVI_CHARACTERISTICS", guid::GetDviCharacteristics},
    {"OPM_GET_CODEC_INFO", guid::GetCodecInfo},
    {"OPM_GET_OUTPUT_HARDWARE_PROTECTION_SUPPORT", guid::GetOutputHardwareProtectionSupport},
};

} // namespace copp::wire
