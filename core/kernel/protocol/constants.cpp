// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/constants.h>

#include <charconv>
#include <cstdio>

namespace copp::protocol {

namespace {
struct Named {
    std::uint32_t value;
    const char* name;
};
constexpr Named kTypes[] = {{protection::Hdcp, "hdcp"}, {protection::Acp, "acp"}, {protection::Cgmsa, "cgmsa"},
                            {protection::Dpcp, "dpcp"}};
// The OPM-semantics names: HDCP is 0x08 there, and type enforcement exists (§5.1).
constexpr Named kOpmTypes[] = {{protection::OpmHdcp, "hdcp"},
                               {protection::Acp, "acp"},
                               {protection::Cgmsa, "cgmsa"},
                               {protection::Dpcp, "dpcp"},
                               {protection::TypeEnforcementHdcp, "hdcp-type-enforcement"}};
constexpr Named kConnectors[] = {
    {connector::Vga, "VGA"},         {connector::SVideo, "S-Video"},   {connector::CompositeVideo, "Composite"},
    {connector::ComponentVideo, "Component"}, {connector::Dvi, "DVI"}, {connector::Hdmi, "HDMI"},
    {connector::Lvds, "LVDS"},       {connector::Tmds, "TMDS"},        {connector::DJpn, "D-JPN"},
    {connector::Sdi, "SDI"},         {connector::DisplayPortExternal, "DisplayPort"},
    {connector::DisplayPortEmbedded, "eDP"}, {connector::UdiExternal, "UDI"}, {connector::UdiEmbedded, "UDI (embedded)"},
    {connector::Unknown, "unknown"}};
// §5.4, the OPM_CONNECTOR_TYPE_ column: no TMDS (7), and 14..17 added.
constexpr Named kOpmConnectors[] = {
    {connector::Vga, "VGA"},         {connector::SVideo, "S-Video"},   {connector::CompositeVideo, "Composite"},
    {connector::ComponentVideo, "Component"}, {connector::Dvi, "DVI"}, {connector::Hdmi, "HDMI"},
    {connector::Lvds, "LVDS"},       {connector::DJpn, "D-JPN"},       {connector::Sdi, "SDI"},
    {connector::DisplayPortExternal, "DisplayPort"}, {connector::DisplayPortEmbedded, "eDP"},
    {connector::UdiExternal, "UDI"}, {connector::UdiEmbedded, "UDI (embedded)"},
    {connector::OpmReserved, "reserved"}, {connector::Miracast, "Miracast"},
    {connector::TransportAgnosticDigitalModeA, "TA-digital-A"},
    {connector::TransportAgnosticDigitalModeB, "TA-digital-B"}, {connector::Unknown, "unknown"}};
constexpr Named kHresults[] = {
    {hr::Ok, "S_OK"},
    {hr::Unexpected, "E_UNEXPECTED"},
    {hr::InvalidArg, "E_INVALIDARG"},
    {hr::Pointer, "E_POINTER"},
    {hr::Fail, "E_FAIL"},
    {hr::NotImpl, "E_NOTIMPL"},
    {hr::AccessDenied, "E_ACCESSDENIED"},
    {hr::TooBigSize, "DDERR_TOOBIGSIZE"},
    {hr::NoCoppHw, "VFW_E_NO_COPP_HW"},
    {hr::NoMonitorsCorrespond, "ERROR_GRAPHICS_NO_MONITORS_CORRESPOND_TO_DISPLAY_DEVICE"},
    // §10.2, user-mode names.
    {hr::OpmNotSupported, "ERROR_GRAPHICS_OPM_NOT_SUPPORTED"},
    {hr::CoppNotSupported, "ERROR_GRAPHICS_COPP_NOT_SUPPORTED"},
    {hr::UabNotSupported, "ERROR_GRAPHICS_UAB_NOT_SUPPORTED"},
    {hr::OpmInvalidEncryptedParameters, "ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS"},
    {hr::OpmNoVideoOutputsExist, "ERROR_GRAPHICS_OPM_NO_VIDEO_OUTPUTS_EXIST"},
    {hr::OpmInternalError, "ERROR_GRAPHICS_OPM_INTERNAL_ERROR"},
    {hr::OpmInvalidHandle, "ERROR_GRAPHICS_OPM_INVALID_HANDLE"},
    {hr::PvpInvalidCertificateLength, "ERROR_GRAPHICS_PVP_INVALID_CERTIFICATE_LENGTH"},
    {hr::OpmSpanningModeEnabled, "ERROR_GRAPHICS_OPM_SPANNING_MODE_ENABLED"},
    {hr::OpmTheaterModeEnabled, "ERROR_GRAPHICS_OPM_THEATER_MODE_ENABLED"},
    {hr::PvpHfsFailed, "ERROR_GRAPHICS_PVP_HFS_FAILED"},
    {hr::OpmInvalidSrm, "ERROR_GRAPHICS_OPM_INVALID_SRM"},
    {hr::OpmOutputDoesNotSupportHdcp, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_HDCP"},
    {hr::OpmOutputDoesNotSupportAcp, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_ACP"},
    {hr::OpmOutputDoesNotSupportCgmsa, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_CGMSA"},
    {hr::OpmHdcpSrmNeverSet, "ERROR_GRAPHICS_OPM_HDCP_SRM_NEVER_SET"},
    {hr::OpmResolutionTooHigh, "ERROR_GRAPHICS_OPM_RESOLUTION_TOO_HIGH"},
    {hr::OpmAllHdcpHardwareAlreadyInUse, "ERROR_GRAPHICS_OPM_ALL_HDCP_HARDWARE_ALREADY_IN_USE"},
    {hr::OpmOutputNoLongerExists, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_NO_LONGER_EXISTS"},
    {hr::OpmSessionTypeChangeInProgress, "ERROR_GRAPHICS_OPM_SESSION_TYPE_CHANGE_IN_PROGRESS"},
    {hr::OpmOutputLacksCoppSemantics, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_DOES_NOT_HAVE_COPP_SEMANTICS"},
    {hr::OpmInvalidInformationRequest, "ERROR_GRAPHICS_OPM_INVALID_INFORMATION_REQUEST"},
    {hr::OpmDriverInternalError, "ERROR_GRAPHICS_OPM_DRIVER_INTERNAL_ERROR"},
    {hr::OpmOutputLacksOpmSemantics, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_DOES_NOT_HAVE_OPM_SEMANTICS"},
    {hr::OpmSignalingNotSupported, "ERROR_GRAPHICS_OPM_SIGNALING_NOT_SUPPORTED"},
    {hr::OpmInvalidConfigurationRequest, "ERROR_GRAPHICS_OPM_INVALID_CONFIGURATION_REQUEST"},
    {hr::GraphicsInvalidPointer, "ERROR_GRAPHICS_INVALID_POINTER"},
    {hr::GraphicsParameterArrayTooSmall, "ERROR_GRAPHICS_PARAMETER_ARRAY_TOO_SMALL"},
    {hr::GraphicsInternalError, "ERROR_GRAPHICS_INTERNAL_ERROR"},
};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}
} // namespace

std::optional<std::uint32_t> protectionTypeFromName(std::string_view name)
{
    for (const auto& t : kTypes)
        if (equalsIgnoringCase(name, t.name))
            return t.value;
    return std::nullopt;
}

std::optional<std::uint32_t> opmProtectionTypeFromName(std::string_view name, bool opmSemantics)
{
    if (!opmSemantics)
        return protectionTypeFromName(name); // COPP_COMPATIBLE_HDCP is 0x01, as in COPP
    for (const auto& t : kOpmTypes)
        if (equalsIgnoringCase(name, t.name))
            return t.value;
    return std::nullopt;
}

const char* protectionTypeName(std::uint32_t type)
{
    for (const auto& t : kTypes)
        if (t.value == type)
            return t.name;
    for (const auto& t : kOpmTypes)
        if (t.value == type)
            return t.name;
    return "unknown";
}

std::optional<TypeLevel> parseTypeLevel(std::string_view text)
{
    const auto eq = text.find('=');
    if (eq == std::string_view::npos)
        return std::nullopt;
    const auto type = protectionTypeFromName(text.substr(0, eq));
    std::string_view number = text.substr(eq + 1);
    int base = 10;
    if (number.size() > 2 && number[0] == '0' && (number[1] == 'x' || number[1] == 'X')) {
        number.remove_prefix(2);
        base = 16;
    }
    std::uint32_t level = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), level, base);
    if (!type || number.empty() || ec != std::errc() || end != number.data() + number.size() || !isValidLevel(*type, level))
        return std::nullopt;
    return TypeLevel{*type, level};
}

std::optional<std::uint32_t> maxLevel(std::uint32_t type)
{
    switch (type) {
    case protection::Hdcp:
    case protection::OpmHdcp:
    case protection::Dpcp:
        return 1;
    case protection::Acp:
        return 3;
    case protection::Cgmsa:
        return cgmsa::CopyNever | cgmsa::RedistributionControlRequired; // COPP_CGMSA_LevelMax 0x0C
    case protection::TypeEnforcementHdcp:
        return typeEnforcement::OnWithType1Restriction;
    default:
        return std::nullopt;
    }
}

bool isValidLevel(std::uint32_t type, std::uint32_t level)
{
    if (type == protection::Cgmsa) // a base level 0..4, optionally with the redistribution flag
        return (level & ~cgmsa::RedistributionControlRequired) <= cgmsa::CopyNever;
    const auto max = maxLevel(type);
    return max && level <= *max;
}

int levelPrecedence(std::uint32_t type, std::uint32_t level)
{
    switch (type) {
    case protection::Acp: {
        static constexpr int rank[] = {0, 1, 3, 2}; // level 2 outranks level 3
        return level <= 3 ? rank[level] : -1;
    }
    case protection::Cgmsa: {
        static constexpr int rank[] = {0, 1, 3, 2, 4}; // Off, CopyFreely, CopyNoMore, CopyOneGeneration, CopyNever
        const std::uint32_t base = level & ~cgmsa::RedistributionControlRequired;
        return base <= 4 ? rank[base] : -1;
    }
    // HDCP (0x01, 0x08), DPCP and type-enforcement HDCP rank by value: off is 0,
    // and a type 1 restriction (2) is stronger than none (1).
    default:
        return static_cast<int>(level);
    }
}

const char* connectorName(std::uint32_t type)
{
    const std::uint32_t base = type == connector::Unknown ? type : type & ~connector::InternalFlag;
    for (const auto& c : kConnectors)
        if (c.value == base)
            return c.name;
    return "unknown";
}

std::optional<std::uint32_t> connectorFromName(std::string_view name)
{
    for (const auto& c : kConnectors)
        if (equalsIgnoringCase(name, c.name))
            return c.value;
    if (equalsIgnoringCase(name, "svideo"))
        return connector::SVideo;
    return std::nullopt;
}

const char* opmConnectorName(std::uint32_t type)
{
    const std::uint32_t base = type == connector::Unknown ? type : type & ~connector::InternalFlag;
    for (const auto& c : kOpmConnectors)
        if (c.value == base)
            return c.name;
    return "unknown";
}

std::optional<std::uint32_t> opmConnectorFromName(std::string_view name)
{
    for (const auto& c : kOpmConnectors)
        if (equalsIgnoringCase(name, c.name))
            return c.value;
    if (equalsIgnoringCase(name, "svideo"))
        return connector::SVideo;
    return std::nullopt;
}

const char* hresultName(std::uint32_t hresult)
{
    for (const auto& h : kHresults)
        if (h.value == hresult)
            return h.name;
    return nullptr;
}

std::string hresultText(std::uint32_t hresult)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(hresult));
    const char* name = hresultName(hresult);
    return name ? std::string(hex) + " (" + name + ")" : std::string(hex);
}

std::optional<std::uint32_t> hresultFromText(std::string_view text)
{
    for (const auto& h : kHresults)
        if (equalsIgnoringCase(text, h.name))
            return h.value;
    int base = 10;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        base = 16;
    }
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

} // namespace copp::protocol
