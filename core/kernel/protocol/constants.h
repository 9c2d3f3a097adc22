// SPDX-License-Identifier: BSD-3-Clause
// COPP and OPM constants (docs/protocol.md §5) and the HRESULTs devices return (§10).
#pragma once

#include <core/kernel/wire/hresults.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copp::protocol {

// §5.1 protection types (bit values; COPP_ProtectionType_*).
namespace protection {
inline constexpr std::uint32_t None = 0;
inline constexpr std::uint32_t Hdcp = 0x01;
inline constexpr std::uint32_t Acp = 0x02;
inline constexpr std::uint32_t Cgmsa = 0x04;
inline constexpr std::uint32_t CoppCompatibleHdcp = Hdcp; // OPM_..._COPP_COMPATIBLE_HDCP, COPP semantics only
inline constexpr std::uint32_t OpmHdcp = 0x08; // OPM_PROTECTION_TYPE_HDCP, OPM semantics only
inline constexpr std::uint32_t Dpcp = 0x10;
inline constexpr std::uint32_t TypeEnforcementHdcp = 0x20; // OPM_PROTECTION_TYPE_TYPE_ENFORCEMENT_HDCP
inline constexpr std::uint32_t Unknown = 0x80000000u; // = OPM_PROTECTION_TYPE_OTHER
inline constexpr std::uint32_t Mask = 0x80000017u; // SDK header value (§12 Q11)
} // namespace protection

// "hdcp", "acp", "cgmsa", "dpcp" (the CLI's --protect TYPE): the COPP values.
std::optional<std::uint32_t> protectionTypeFromName(std::string_view name);
// docs/cli.md#opm-sessions: "`--protect hdcp=1` means OPM_PROTECTION_TYPE_HDCP (0x08) in OPM
// semantics and COPP_COMPATIBLE_HDCP (0x01) in COPP semantics". "hdcp-type-enforcement"
// (0x20) exists in OPM semantics only; acp, cgmsa and dpcp are the same in both.
std::optional<std::uint32_t> opmProtectionTypeFromName(std::string_view name, bool opmSemantics);
// "hdcp" for both 0x01 and 0x08, "hdcp-type-enforcement" for 0x20, "unknown" otherwise.
const char* protectionTypeName(std::uint32_t type);

// "hdcp=1", "acp=0x2": a protection type and a valid level for it (the
// CLI's --protect and a scenario's external-level).
struct TypeLevel {
    std::uint32_t type;
    std::uint32_t level;
};
std::optional<TypeLevel> parseTypeLevel(std::string_view text);

// §5.2 levels.
inline constexpr std::uint32_t kNoProtectionLevelAvailable = 0xFFFFFFFFu;
namespace cgmsa {
inline constexpr std::uint32_t Off = 0, CopyFreely = 1, CopyNoMore = 2, CopyOneGeneration = 3, CopyNever = 4;
inline constexpr std::uint32_t RedistributionControlRequired = 0x08;
} // namespace cgmsa
// OPM_TYPE_ENFORCEMENT_HDCP_*: off, on with no type restriction, on with type 1 restriction.
namespace typeEnforcement {
inline constexpr std::uint32_t Off = 0, OnWithNoTypeRestriction = 1, OnWithType1Restriction = 2;
} // namespace typeEnforcement
// The highest valid level of a type; nullopt for an unknown type. HDCP (0x01 and
// 0x08) and DPCP: 1; ACP: 3; CGMS-A: 0x0C; type-enforcement HDCP: 2.
std::optional<std::uint32_t> maxLevel(std::uint32_t type);
bool isValidLevel(std::uint32_t type, std::uint32_t level);
// §5.2 "Assigning Precedence": rank of a level within its type (higher wins).
// ACP 0 < 1 < 3 < 2; CGMS-A Off < CopyFreely < CopyOneGeneration < CopyNoMore < CopyNever
// (redistribution flag ignored); HDCP and DPCP Off < On; type-enforcement HDCP
// Off < no restriction < type 1 restriction.
int levelPrecedence(std::uint32_t type, std::uint32_t level);

// §5.3 status flags.
namespace status {
inline constexpr std::uint32_t Normal = 0;
inline constexpr std::uint32_t LinkLost = 0x01;
inline constexpr std::uint32_t RenegotiationRequired = 0x02;
inline constexpr std::uint32_t TamperingDetected = 0x04;        // OPM
inline constexpr std::uint32_t RevokedHdcpDeviceAttached = 0x08; // OPM, with LinkLost
} // namespace status
inline constexpr std::uint32_t kHdcpRepeater = 0x01;

// §5.4 connector types (COPP_ConnectorType_*).
namespace connector {
inline constexpr std::uint32_t Unknown = 0xFFFFFFFFu;
inline constexpr std::uint32_t Vga = 0, SVideo = 1, CompositeVideo = 2, ComponentVideo = 3, Dvi = 4, Hdmi = 5,
                               Lvds = 6, Tmds = 7, DJpn = 8, Sdi = 9, DisplayPortExternal = 10,
                               DisplayPortEmbedded = 11, UdiExternal = 12, UdiEmbedded = 13;
inline constexpr std::uint32_t InternalFlag = 0x80000000u;
// OPM_CONNECTOR_TYPE_* beyond COPP's (OPM has no TMDS; 14 is RESERVED).
inline constexpr std::uint32_t OpmReserved = 14, Miracast = 15, TransportAgnosticDigitalModeA = 16,
                               TransportAgnosticDigitalModeB = 17;
} // namespace connector
const char* connectorName(std::uint32_t type); // "HDMI", "DVI", ...; the Internal flag is ignored
std::optional<std::uint32_t> connectorFromName(std::string_view name); // "hdmi", "dvi", "displayport", ...
// The OPM_CONNECTOR_TYPE_* table: COPP's names without TMDS, plus "Miracast",
// "TA-digital-A" and "TA-digital-B"; OPM_COPP_COMPATIBLE_CONNECTOR_TYPE_INTERNAL is ignored.
const char* opmConnectorName(std::uint32_t type);
std::optional<std::uint32_t> opmConnectorFromName(std::string_view name);

// §5.5 bus types.
namespace bus {
inline constexpr std::uint32_t Unknown = 0, Pci = 1, Pcix = 2, PciExpress = 3, Agp = 4;
inline constexpr std::uint32_t IntegratedFlag = 0x80000000u; // OPM_COPP_COMPATIBLE_BUS_TYPE_INTEGRATED in COPP mode
// OPM semantics: "One type + at most one modifier (+ optional NON_STANDARD)".
inline constexpr std::uint32_t InsideOfChipset = 0x10000, TracksOnMotherBoardToChip = 0x20000,
                               TracksOnMotherBoardToSocket = 0x30000, DaughterBoardConnector = 0x40000,
                               DaughterBoardConnectorInsideOfNuae = 0x50000;
inline constexpr std::uint32_t NonStandard = 0x80000000u; // OPM_BUS_TYPE_... NON_STANDARD, OPM mode
inline constexpr std::uint32_t TypeMask = 0xFFFF;            // OPM_BUS_TYPE_MASK
// §12 Q12: the SDK's OPM_BUS_IMPLEMENTATION_MODIFIER_MASK (0x7FFF) is a bug; decode with 0x7FFF0000.
inline constexpr std::uint32_t ModifierMask = 0x7FFF0000u;
} // namespace bus

// §4.3 OPM_GET_DVI_CHARACTERISTICS and OPM_GET_OUTPUT_HARDWARE_PROTECTION_SUPPORT values.
namespace dvi {
inline constexpr std::uint32_t Version1_0 = 1, Version1_1OrAbove = 2;
} // namespace dvi
inline constexpr std::uint32_t kOutputHardwareProtectionNotSupported = 0, kOutputHardwareProtectionSupported = 1;

// §10 HRESULTs (user mode; devices never return NTSTATUS values).
namespace hr = wire::hr;
// "E_UNEXPECTED", "E_INVALIDARG", ...; nullptr when not a known name.
const char* hresultName(std::uint32_t hresult);
// "0x80070057 (E_INVALIDARG)", or just the hex for an unnamed code.
std::string hresultText(std::uint32_t hresult);
std::optional<std::uint32_t> hresultFromText(std::string_view text); // a name or 0x… / decimal

} // namespace copp::protocol
