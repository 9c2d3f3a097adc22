#include "constants.h"

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
constexpr Named kConnectors[] = {
    {connector::Vga, "VGA"},         {connector::SVideo, "S-Video"},   {connector::CompositeVideo, "Composite"},
    {connector::ComponentVideo, "Component"}, {connector::Dvi, "DVI"}, {connector::Hdmi, "HDMI"},
    {connector::Lvds, "LVDS"},       {connector::Tmds, "TMDS"},        {connector::DJpn, "D-JPN"},
    {connector::Sdi, "SDI"},         {connector::DisplayPortExternal, "DisplayPort"},
    {connector::DisplayPortEmbedded, "eDP"}, {connector::UdiExternal, "UDI"}, {connector::UdiEmbedded, "UDI (embedded)"},
    {connector::Unknown, "unknown"}};
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
    {hr::OpmInvalidEncryptedParameters, "ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS"},
    {hr::OpmOutputNoLongerExists, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_NO_LONGER_EXISTS"},
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

const char* protectionTypeName(std::uint32_t type)
{
    for (const auto& t : kTypes)
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
