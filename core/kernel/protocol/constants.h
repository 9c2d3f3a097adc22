// COPP constants (protocol.md §5) and the HRESULTs devices return (§10).
#pragma once

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
inline constexpr std::uint32_t OpmHdcp = 0x08; // OPM semantics only
inline constexpr std::uint32_t Dpcp = 0x10;
inline constexpr std::uint32_t Unknown = 0x80000000u;
inline constexpr std::uint32_t Mask = 0x80000017u; // SDK header value (§12 Q11)
} // namespace protection

// "hdcp", "acp", "cgmsa", "dpcp" (the CLI's --protect TYPE).
std::optional<std::uint32_t> protectionTypeFromName(std::string_view name);
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
// The highest valid level of a type; nullopt for an unknown type.
std::optional<std::uint32_t> maxLevel(std::uint32_t type);
bool isValidLevel(std::uint32_t type, std::uint32_t level);
// §5.2 "Assigning Precedence": rank of a level within its type (higher wins).
// ACP 0 < 1 < 3 < 2; CGMS-A Off < CopyFreely < CopyOneGeneration < CopyNoMore < CopyNever
// (redistribution flag ignored); HDCP and DPCP Off < On.
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
} // namespace connector
const char* connectorName(std::uint32_t type); // "HDMI", "DVI", ...; the Internal flag is ignored
std::optional<std::uint32_t> connectorFromName(std::string_view name); // "hdmi", "dvi", "displayport", ...

// §5.5 bus types.
namespace bus {
inline constexpr std::uint32_t Unknown = 0, Pci = 1, Pcix = 2, PciExpress = 3, Agp = 4;
inline constexpr std::uint32_t IntegratedFlag = 0x80000000u;
} // namespace bus

// §10 HRESULTs (user mode; devices never return NTSTATUS values).
namespace hr {
inline constexpr std::uint32_t Ok = 0;
inline constexpr std::uint32_t Unexpected = 0x8000FFFFu;   // E_UNEXPECTED
inline constexpr std::uint32_t InvalidArg = 0x80070057u;   // E_INVALIDARG
inline constexpr std::uint32_t Pointer = 0x80004003u;      // E_POINTER
inline constexpr std::uint32_t Fail = 0x80004005u;         // E_FAIL
inline constexpr std::uint32_t NotImpl = 0x80004001u;      // E_NOTIMPL
inline constexpr std::uint32_t AccessDenied = 0x80070005u; // E_ACCESSDENIED
inline constexpr std::uint32_t TooBigSize = 0x887601E0u;   // DDERR_TOOBIGSIZE
inline constexpr std::uint32_t NoCoppHw = 0x8004029Bu;     // VFW_E_NO_COPP_HW
inline constexpr std::uint32_t NoMonitorsCorrespond = 0xC02625E5u;
inline constexpr std::uint32_t OpmInvalidEncryptedParameters = 0xC0262503u;
inline constexpr std::uint32_t OpmOutputNoLongerExists = 0xC026251Au;
} // namespace hr
// "E_UNEXPECTED", "E_INVALIDARG", ...; nullptr when not a known name.
const char* hresultName(std::uint32_t hresult);
// "0x80070057 (E_INVALIDARG)", or just the hex for an unnamed code.
std::string hresultText(std::uint32_t hresult);
std::optional<std::uint32_t> hresultFromText(std::string_view text); // a name or 0x… / decimal

} // namespace copp::protocol
