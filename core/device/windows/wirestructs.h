// The project's own definitions of the COPP and OPM structures and GUIDs that
// the Windows backend hands to IAMCertifiedOutputProtection and IOPMVideoOutput
// (protocol.md §3, §4.1). Not taken from the toolchain's headers because
// mingw-w64 has no DXVA_COPP* structures in dxva.h, names AMCOPPCommand's
// cbSizeData "bSizeData", and declares OPM_OUTPUT_ID_DATA without the SDK's
// #pragma pack(1) (32 bytes instead of 28; protocol.md §12 Q13). Plain C++ with
// fixed-width types, so the size and offset checks below run in every build
// (Linux, mingw-w64, MSVC).
//
// GUID fields are 16 raw bytes in wire order (Data1/Data2/Data3 little-endian):
// random numbers typed as GUID must never be re-interpreted, and the backend
// copies request GUIDs through untouched.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace copp::device::hw::wire {

using Guid16 = std::array<std::uint8_t, 16>;

// A GUID's 16 bytes as Windows lays it out in memory (= uuid.bytes_le).
constexpr Guid16 guidBytes(std::uint32_t d1, std::uint16_t d2, std::uint16_t d3, std::array<std::uint8_t, 8> d4)
{
    return {static_cast<std::uint8_t>(d1), static_cast<std::uint8_t>(d1 >> 8), static_cast<std::uint8_t>(d1 >> 16),
            static_cast<std::uint8_t>(d1 >> 24), static_cast<std::uint8_t>(d2), static_cast<std::uint8_t>(d2 >> 8),
            static_cast<std::uint8_t>(d3), static_cast<std::uint8_t>(d3 >> 8), d4[0], d4[1], d4[2], d4[3], d4[4], d4[5],
            d4[6], d4[7]};
}

// --- COPP transport structures (strmif.h AMCOPP* == dxva.h DXVA_COPP*, §3.1) ---

struct CoppSignature { // AMCOPPSignature / DXVA_COPPSignature
    std::uint8_t Signature[256];
};

struct CoppCommand { // AMCOPPCommand / DXVA_COPPCommand
    std::uint8_t macKDI[16];
    std::uint8_t guidCommandID[16];
    std::uint32_t dwSequence;
    std::uint32_t cbSizeData;
    std::uint8_t CommandData[4056];
};

struct CoppStatusInput { // AMCOPPStatusInput / DXVA_COPPStatusInput (no MAC)
    std::uint8_t rApp[16];
    std::uint8_t guidStatusRequestID[16];
    std::uint32_t dwSequence;
    std::uint32_t cbSizeData;
    std::uint8_t StatusData[4056];
};

struct CoppStatusOutput { // AMCOPPStatusOutput / DXVA_COPPStatusOutput
    std::uint8_t macKDI[16];
    std::uint32_t cbSizeData;
    std::uint8_t COPPStatus[4076];
};

// --- COPP payloads (dxva.h, §3.2) ---

struct CoppSetProtectionLevelCmdData { // DXVA_COPPSetProtectionLevelCmdData
    std::uint32_t ProtType;
    std::uint32_t ProtLevel;
    std::uint32_t ExtendedInfoChangeMask;
    std::uint32_t ExtendedInfoData;
};

struct CoppStatusData { // DXVA_COPPStatusData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t dwData;
    std::uint32_t ExtendedInfoValidMask;
    std::uint32_t ExtendedInfoData;
};

struct CoppStatusHdcpKeyData { // DXVA_COPPStatusHDCPKeyData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t dwHDCPFlags;
    std::uint8_t BKey[16];
    std::uint8_t Reserved1[16];
    std::uint8_t Reserved2[16];
};

// --- OPM structures (opmapi.h, #pragma pack(1) in the SDK, §3.3) ---
#pragma pack(push, 1)

struct OpmRandomNumber {
    std::uint8_t abRandomNumber[16];
};

struct OpmEncryptedInitializationParameters {
    std::uint8_t abEncryptedInitializationParameters[256];
};

struct OpmGetInfoParameters {
    std::uint8_t omac[16];
    std::uint8_t rnRandomNumber[16];
    std::uint8_t guidInformation[16];
    std::uint32_t ulSequenceNumber;
    std::uint32_t cbParametersSize;
    std::uint8_t abParameters[4056];
};

struct OpmCoppCompatibleGetInfoParameters {
    std::uint8_t rnRandomNumber[16];
    std::uint8_t guidInformation[16];
    std::uint32_t ulSequenceNumber;
    std::uint32_t cbParametersSize;
    std::uint8_t abParameters[4056];
};

struct OpmRequestedInformation {
    std::uint8_t omac[16];
    std::uint32_t cbRequestedInformationSize;
    std::uint8_t abRequestedInformation[4076];
};

struct OpmConfigureParameters {
    std::uint8_t omac[16];
    std::uint8_t guidSetting[16];
    std::uint32_t ulSequenceNumber;
    std::uint32_t cbParametersSize;
    std::uint8_t abParameters[4056];
};

struct OpmStandardInformation {
    std::uint8_t rnRandomNumber[16];
    std::uint32_t ulStatusFlags;
    std::uint32_t ulInformation;
    std::uint32_t ulReserved;
    std::uint32_t ulReserved2;
};

struct OpmOutputIdData { // 28 bytes with the SDK's pack(1); mingw-w64 gets 32
    std::uint8_t rnRandomNumber[16];
    std::uint32_t ulStatusFlags;
    std::uint64_t OutputId;
};

struct OpmConnectedHdcpDeviceInformation {
    std::uint8_t rnRandomNumber[16];
    std::uint32_t ulStatusFlags;
    std::uint32_t ulHDCPFlags;
    std::uint8_t ksvB[5];
    std::uint8_t Reserved[11];
    std::uint8_t Reserved2[16];
    std::uint8_t Reserved3[16];
};

struct OpmSetProtectionLevelParameters {
    std::uint32_t ulProtectionType;
    std::uint32_t ulProtectionLevel;
    std::uint32_t Reserved;
    std::uint32_t Reserved2;
};

struct OpmGetCodecInfoParameters {
    std::uint32_t cbVerifier;
    std::uint8_t Verifier[4052];
};

struct OpmGetCodecInfoInformation {
    std::uint8_t rnRandomNumber[16];
    std::uint32_t Merit;
};

#pragma pack(pop)

// OPM_VIDEO_OUTPUT_SEMANTICS
inline constexpr int kOpmVosCoppSemantics = 0;
inline constexpr int kOpmVosOpmSemantics = 1;

// --- Size and offset checks (protocol.md §3) ---
#define COPP_WIRE_CHECK(type, size) static_assert(sizeof(type) == (size), #type " must be " #size " bytes")
#define COPP_WIRE_AT(type, field, off) static_assert(offsetof(type, field) == (off), #type "." #field " must be at " #off)

COPP_WIRE_CHECK(CoppSignature, 256);
COPP_WIRE_CHECK(CoppCommand, 4096);
COPP_WIRE_AT(CoppCommand, guidCommandID, 16);
COPP_WIRE_AT(CoppCommand, dwSequence, 32);
COPP_WIRE_AT(CoppCommand, cbSizeData, 36);
COPP_WIRE_AT(CoppCommand, CommandData, 40);
COPP_WIRE_CHECK(CoppStatusInput, 4096);
COPP_WIRE_AT(CoppStatusInput, guidStatusRequestID, 16);
COPP_WIRE_AT(CoppStatusInput, dwSequence, 32);
COPP_WIRE_AT(CoppStatusInput, cbSizeData, 36);
COPP_WIRE_AT(CoppStatusInput, StatusData, 40);
COPP_WIRE_CHECK(CoppStatusOutput, 4096);
COPP_WIRE_AT(CoppStatusOutput, cbSizeData, 16);
COPP_WIRE_AT(CoppStatusOutput, COPPStatus, 20);
COPP_WIRE_CHECK(CoppSetProtectionLevelCmdData, 16);
COPP_WIRE_CHECK(CoppStatusData, 32);
COPP_WIRE_AT(CoppStatusData, dwFlags, 16);
COPP_WIRE_AT(CoppStatusData, dwData, 20);
COPP_WIRE_CHECK(CoppStatusHdcpKeyData, 72);
COPP_WIRE_AT(CoppStatusHdcpKeyData, BKey, 24);

COPP_WIRE_CHECK(OpmRandomNumber, 16);
COPP_WIRE_CHECK(OpmEncryptedInitializationParameters, 256);
COPP_WIRE_CHECK(OpmGetInfoParameters, 4112);
COPP_WIRE_AT(OpmGetInfoParameters, rnRandomNumber, 16);
COPP_WIRE_AT(OpmGetInfoParameters, guidInformation, 32);
COPP_WIRE_AT(OpmGetInfoParameters, ulSequenceNumber, 48);
COPP_WIRE_AT(OpmGetInfoParameters, cbParametersSize, 52);
COPP_WIRE_AT(OpmGetInfoParameters, abParameters, 56);
COPP_WIRE_CHECK(OpmCoppCompatibleGetInfoParameters, 4096);
COPP_WIRE_AT(OpmCoppCompatibleGetInfoParameters, guidInformation, 16);
COPP_WIRE_AT(OpmCoppCompatibleGetInfoParameters, ulSequenceNumber, 32);
COPP_WIRE_AT(OpmCoppCompatibleGetInfoParameters, abParameters, 40);
COPP_WIRE_CHECK(OpmRequestedInformation, 4096);
COPP_WIRE_AT(OpmRequestedInformation, cbRequestedInformationSize, 16);
COPP_WIRE_AT(OpmRequestedInformation, abRequestedInformation, 20);
COPP_WIRE_CHECK(OpmConfigureParameters, 4096);
COPP_WIRE_AT(OpmConfigureParameters, guidSetting, 16);
COPP_WIRE_AT(OpmConfigureParameters, ulSequenceNumber, 32);
COPP_WIRE_AT(OpmConfigureParameters, cbParametersSize, 36);
COPP_WIRE_AT(OpmConfigureParameters, abParameters, 40);
COPP_WIRE_CHECK(OpmStandardInformation, 32);
COPP_WIRE_AT(OpmStandardInformation, ulInformation, 20);
COPP_WIRE_CHECK(OpmOutputIdData, 28);
COPP_WIRE_AT(OpmOutputIdData, OutputId, 20);
COPP_WIRE_CHECK(OpmConnectedHdcpDeviceInformation, 72);
COPP_WIRE_AT(OpmConnectedHdcpDeviceInformation, ksvB, 24);
COPP_WIRE_AT(OpmConnectedHdcpDeviceInformation, Reserved2, 40);
COPP_WIRE_AT(OpmConnectedHdcpDeviceInformation, Reserved3, 56);
COPP_WIRE_CHECK(OpmSetProtectionLevelParameters, 16);
COPP_WIRE_CHECK(OpmGetCodecInfoParameters, 4056);
COPP_WIRE_CHECK(OpmGetCodecInfoInformation, 20);

// The equalities the backend relies on when it passes bytes through (§1.2).
static_assert(sizeof(OpmEncryptedInitializationParameters) == sizeof(CoppSignature));
static_assert(sizeof(OpmRequestedInformation) == sizeof(CoppStatusOutput));
static_assert(sizeof(OpmConfigureParameters) == sizeof(CoppCommand));
static_assert(sizeof(OpmCoppCompatibleGetInfoParameters) == sizeof(CoppStatusInput));

#undef COPP_WIRE_CHECK
#undef COPP_WIRE_AT

// --- GUIDs (protocol.md §4.1, plus the DirectShow objects the COPP graph uses) ---

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

} // namespace copp::device::hw::wire
