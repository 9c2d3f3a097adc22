// SPDX-License-Identifier: BSD-3-Clause
// The HRESULTs of the protocol (docs/protocol.md §10): user mode only, devices
// never return NTSTATUS values. One table for the kernel, the emulator and the
// Windows backend; standard headers only, like the rest of copp_wire.
#pragma once

#include <cstdint>

namespace copp::wire::hr {

inline constexpr std::uint32_t Ok = 0;
inline constexpr std::uint32_t Unexpected = 0x8000FFFFu;   // E_UNEXPECTED
inline constexpr std::uint32_t InvalidArg = 0x80070057u;   // E_INVALIDARG
inline constexpr std::uint32_t Pointer = 0x80004003u;      // E_POINTER
inline constexpr std::uint32_t Fail = 0x80004005u;         // E_FAIL
inline constexpr std::uint32_t NoInterface = 0x80004002u;  // E_NOINTERFACE
inline constexpr std::uint32_t OutOfMemory = 0x8007000Eu;  // E_OUTOFMEMORY
inline constexpr std::uint32_t NotImpl = 0x80004001u;      // E_NOTIMPL
inline constexpr std::uint32_t AccessDenied = 0x80070005u; // E_ACCESSDENIED
inline constexpr std::uint32_t TooBigSize = 0x887601E0u;   // DDERR_TOOBIGSIZE
inline constexpr std::uint32_t NoCoppHw = 0x8004029Bu;     // VFW_E_NO_COPP_HW
inline constexpr std::uint32_t NoMonitorsCorrespond = 0xC02625E5u;
// §10.2 OPM, user mode (facility 0x26); the DDI's NTSTATUS 0xC01E05xx never reach an app.
inline constexpr std::uint32_t OpmNotSupported = 0xC0262500u;
inline constexpr std::uint32_t CoppNotSupported = 0xC0262501u;
inline constexpr std::uint32_t UabNotSupported = 0xC0262502u;
inline constexpr std::uint32_t OpmInvalidEncryptedParameters = 0xC0262503u;
inline constexpr std::uint32_t OpmNoVideoOutputsExist = 0xC0262505u;
inline constexpr std::uint32_t OpmInternalError = 0xC026250Bu;
inline constexpr std::uint32_t OpmInvalidHandle = 0xC026250Cu;
inline constexpr std::uint32_t PvpInvalidCertificateLength = 0xC026250Eu;
inline constexpr std::uint32_t OpmSpanningModeEnabled = 0xC026250Fu;
inline constexpr std::uint32_t OpmTheaterModeEnabled = 0xC0262510u;
inline constexpr std::uint32_t PvpHfsFailed = 0xC0262511u;
inline constexpr std::uint32_t OpmInvalidSrm = 0xC0262512u;
inline constexpr std::uint32_t OpmOutputDoesNotSupportHdcp = 0xC0262513u;
inline constexpr std::uint32_t OpmOutputDoesNotSupportAcp = 0xC0262514u;
inline constexpr std::uint32_t OpmOutputDoesNotSupportCgmsa = 0xC0262515u;
inline constexpr std::uint32_t OpmHdcpSrmNeverSet = 0xC0262516u;
inline constexpr std::uint32_t OpmResolutionTooHigh = 0xC0262517u;
inline constexpr std::uint32_t OpmAllHdcpHardwareAlreadyInUse = 0xC0262518u;
inline constexpr std::uint32_t OpmOutputNoLongerExists = 0xC026251Au; // ..._OPM_VIDEO_OUTPUT_NO_LONGER_EXISTS
inline constexpr std::uint32_t OpmSessionTypeChangeInProgress = 0xC026251Bu;
inline constexpr std::uint32_t OpmOutputLacksCoppSemantics = 0xC026251Cu; // ..._DOES_NOT_HAVE_COPP_SEMANTICS
inline constexpr std::uint32_t OpmInvalidInformationRequest = 0xC026251Du;
inline constexpr std::uint32_t OpmDriverInternalError = 0xC026251Eu;
inline constexpr std::uint32_t OpmOutputLacksOpmSemantics = 0xC026251Fu; // ..._DOES_NOT_HAVE_OPM_SEMANTICS
inline constexpr std::uint32_t OpmSignalingNotSupported = 0xC0262520u;
inline constexpr std::uint32_t OpmInvalidConfigurationRequest = 0xC0262521u;
inline constexpr std::uint32_t GraphicsInvalidPointer = 0xC02625E4u;
inline constexpr std::uint32_t GraphicsParameterArrayTooSmall = 0xC02625E6u;
inline constexpr std::uint32_t GraphicsInternalError = 0xC02625E7u;

} // namespace copp::wire::hr
