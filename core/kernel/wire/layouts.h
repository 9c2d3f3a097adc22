// SPDX-License-Identifier: BSD-3-Clause
// The COPP and OPM structures exactly as they sit in memory and on the wire
// (docs/protocol.md §3): the one definition of every layout, used by the kernel's
// little-endian encoders (core/kernel/protocol) for sizes and offsets and by the
// Windows backend (core/device/windows), which hands these structures to
// IAMCertifiedOutputProtection and IOPMVideoOutput. Not taken from the
// toolchain's headers because mingw-w64 has no DXVA_COPP* structures in dxva.h,
// names AMCOPPCommand's cbSizeData "bSizeData", and declares OPM_OUTPUT_ID_DATA
// without the SDK's #pragma pack(1) (32 bytes instead of 28; docs/protocol.md §12
// Q13). Plain C++ with fixed-width types and no dependencies, so the size and
// offset checks below run in every build (Linux, mingw-w64, MSVC).
//
// GUID fields are 16 raw bytes in wire order (Data1/Data2/Data3 little-endian):
// random numbers typed as GUID must never be re-interpreted, and the backend
// copies request GUIDs through untouched.
#pragma once

#include <cstddef>
#include <cstdint>

namespace copp::wire {

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

struct CoppSetSignalingCmdData { // DXVA_COPPSetSignalingCmdData
    std::uint32_t ActiveTVProtectionStandard;
    std::uint32_t AspectRatioChangeMask1;
    std::uint32_t AspectRatioData1;
    std::uint32_t AspectRatioChangeMask2;
    std::uint32_t AspectRatioData2;
    std::uint32_t AspectRatioChangeMask3;
    std::uint32_t AspectRatioData3;
    std::uint32_t ExtendedInfoChangeMask[4];
    std::uint32_t ExtendedInfoData[4];
    std::uint32_t Reserved;
};

struct CoppStatusData { // DXVA_COPPStatusData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t dwData;
    std::uint32_t ExtendedInfoValidMask;
    std::uint32_t ExtendedInfoData;
};

struct CoppStatusDisplayData { // DXVA_COPPStatusDisplayData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t DisplayWidth;
    std::uint32_t DisplayHeight;
    std::uint32_t Format; // DXVA_ExtendedFormat bit field
    std::uint32_t d3dFormat;
    std::uint32_t FreqNumerator;
    std::uint32_t FreqDenominator;
};

struct CoppStatusHdcpKeyData { // DXVA_COPPStatusHDCPKeyData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t dwHDCPFlags;
    std::uint8_t BKey[16];
    std::uint8_t Reserved1[16];
    std::uint8_t Reserved2[16];
};

struct CoppStatusSignalingCmdData { // DXVA_COPPStatusSignalingCmdData
    std::uint8_t rApp[16];
    std::uint32_t dwFlags;
    std::uint32_t AvailableTVProtectionStandards;
    std::uint32_t ActiveTVProtectionStandard;
    std::uint32_t TVType;
    std::uint32_t AspectRatioValidMask1;
    std::uint32_t AspectRatioData1;
    std::uint32_t AspectRatioValidMask2;
    std::uint32_t AspectRatioData2;
    std::uint32_t AspectRatioValidMask3;
    std::uint32_t AspectRatioData3;
    std::uint32_t ExtendedInfoValidMask[4];
    std::uint32_t ExtendedInfoData[4];
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

struct OpmSetHdcpSrmParameters {
    std::uint32_t ulSRMVersion;
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

// --- Size and offset checks (docs/protocol.md §3) ---
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
COPP_WIRE_CHECK(CoppSetSignalingCmdData, 64);
COPP_WIRE_AT(CoppSetSignalingCmdData, ExtendedInfoChangeMask, 28);
COPP_WIRE_AT(CoppSetSignalingCmdData, Reserved, 60);
COPP_WIRE_CHECK(CoppStatusData, 32);
COPP_WIRE_AT(CoppStatusData, dwFlags, 16);
COPP_WIRE_AT(CoppStatusData, dwData, 20);
COPP_WIRE_CHECK(CoppStatusDisplayData, 44);
COPP_WIRE_AT(CoppStatusDisplayData, Format, 28);
COPP_WIRE_CHECK(CoppStatusHdcpKeyData, 72);
COPP_WIRE_AT(CoppStatusHdcpKeyData, BKey, 24);
COPP_WIRE_CHECK(CoppStatusSignalingCmdData, 88);
COPP_WIRE_AT(CoppStatusSignalingCmdData, TVType, 28);
COPP_WIRE_AT(CoppStatusSignalingCmdData, ExtendedInfoValidMask, 56);
COPP_WIRE_AT(CoppStatusSignalingCmdData, ExtendedInfoData, 72);

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
COPP_WIRE_CHECK(OpmSetHdcpSrmParameters, 4);
COPP_WIRE_CHECK(OpmGetCodecInfoParameters, 4056);
COPP_WIRE_AT(OpmGetCodecInfoParameters, Verifier, 4);
COPP_WIRE_CHECK(OpmGetCodecInfoInformation, 20);

// The equalities the backend relies on when it passes bytes through (§1.2).
static_assert(sizeof(OpmEncryptedInitializationParameters) == sizeof(CoppSignature));
static_assert(sizeof(OpmRequestedInformation) == sizeof(CoppStatusOutput));
static_assert(sizeof(OpmConfigureParameters) == sizeof(CoppCommand));
static_assert(sizeof(OpmCoppCompatibleGetInfoParameters) == sizeof(CoppStatusInput));

#undef COPP_WIRE_CHECK
#undef COPP_WIRE_AT

} // namespace copp::wire
