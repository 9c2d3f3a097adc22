#include "guid.h"

#include <cstdio>

namespace copp::protocol {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads `count` hex digits as a big-endian number of count/2 bytes.
bool readHex(std::string_view& text, int count, std::uint64_t& out)
{
    if (text.size() < static_cast<std::size_t>(count))
        return false;
    out = 0;
    for (int i = 0; i < count; ++i) {
        const int v = hexValue(text[static_cast<std::size_t>(i)]);
        if (v < 0)
            return false;
        out = out << 4 | static_cast<std::uint64_t>(v);
    }
    text.remove_prefix(static_cast<std::size_t>(count));
    return true;
}

bool expect(std::string_view& text, char c)
{
    if (text.empty() || text.front() != c)
        return false;
    text.remove_prefix(1);
    return true;
}

Guid known(const char* text)
{
    return *Guid::parse(text);
}

} // namespace

std::optional<Guid> Guid::parse(std::string_view text)
{
    const bool braces = !text.empty() && text.front() == '{';
    if (braces) {
        if (text.size() < 2 || text.back() != '}')
            return std::nullopt;
        text = text.substr(1, text.size() - 2);
    }
    std::uint64_t d1 = 0, d2 = 0, d3 = 0, d4a = 0, d4b = 0;
    if (!readHex(text, 8, d1) || !expect(text, '-') || !readHex(text, 4, d2) || !expect(text, '-')
        || !readHex(text, 4, d3) || !expect(text, '-') || !readHex(text, 4, d4a) || !expect(text, '-')
        || !readHex(text, 12, d4b) || !text.empty())
        return std::nullopt;
    Guid g;
    putU32(g.bytes.data(), static_cast<std::uint32_t>(d1));
    g.bytes[4] = static_cast<std::uint8_t>(d2);
    g.bytes[5] = static_cast<std::uint8_t>(d2 >> 8);
    g.bytes[6] = static_cast<std::uint8_t>(d3);
    g.bytes[7] = static_cast<std::uint8_t>(d3 >> 8);
    g.bytes[8] = static_cast<std::uint8_t>(d4a >> 8);
    g.bytes[9] = static_cast<std::uint8_t>(d4a);
    for (int i = 0; i < 6; ++i)
        g.bytes[static_cast<std::size_t>(10 + i)] = static_cast<std::uint8_t>(d4b >> (8 * (5 - i)));
    return g;
}

std::string Guid::toString() const
{
    const auto& b = bytes;
    char out[40];
    std::snprintf(out, sizeof out, "{%08x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x}", getU32(b.data()), b[5], b[4],
                  b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

namespace guids {
const Guid SetProtectionLevel = known("{9bb9327c-4eb5-4727-9f00-b42b0919c0da}");
const Guid SetSignaling = known("{09a631a5-d684-4c60-8e4d-d3bb0f0be3ee}");
const Guid SetHdcpSrm = known("{8b5ef5d1-c30d-44ff-84a5-ea71dce78f13}");
const Guid SetProtectionLevelCssDvd = known("{39ce333e-4cc0-44ae-bfcc-da50b5f82e72}");
const Guid QueryConnectorType = known("{81d0bfd5-6afe-48c2-99c0-95a08f97c5da}");
const Guid QueryProtectionType = known("{38f2a801-9a6c-48bb-9107-b6696e6f1797}");
const Guid QueryLocalProtectionLevel = known("{b2075857-3eda-4d5d-88db-748f8c1a0549}");
const Guid QueryGlobalProtectionLevel = known("{1957210a-7766-452a-b99a-d27aed54f03a}");
const Guid QueryDisplayData = known("{d7bf1ba3-ad13-4f8e-af98-0dcb3ca204cc}");
const Guid QueryHdcpKeyData = known("{0db59d74-a992-492e-a0bd-c23fda564e00}");
const Guid QueryBusData = known("{c6f4d673-6174-4184-8e35-f6db5200bcba}");
const Guid QuerySignaling = known("{6629a591-3b79-4cf3-924a-11e8e7811671}");
const Guid GetCurrentHdcpSrmVersion = known("{99c5ceff-5f1d-4879-81c1-c52443c9482b}");
const Guid GetOutputId = known("{72cb6df3-244f-40ce-b09e-20506af6302f}");
const Guid GetDviCharacteristics = known("{a470b3bb-5dd7-4172-839c-3d3776e0ebf5}");
const Guid GetCodecInfo = known("{4f374491-8f5f-4445-9dba-95588f6b58b4}");
const Guid GetOutputHardwareProtectionSupport = known("{3b129589-2af8-4ef0-96a2-704a845a218e}");
} // namespace guids

namespace {
struct RequestInfo {
    StatusRequest request;
    const Guid* guid;
    const char* name;
};
const RequestInfo kRequests[] = {
    {StatusRequest::ConnectorType, &guids::QueryConnectorType, "connector-type"},
    {StatusRequest::ProtectionType, &guids::QueryProtectionType, "protection-type"},
    {StatusRequest::LocalLevel, &guids::QueryLocalProtectionLevel, "local-level"},
    {StatusRequest::GlobalLevel, &guids::QueryGlobalProtectionLevel, "global-level"},
    {StatusRequest::DisplayData, &guids::QueryDisplayData, "display-data"},
    {StatusRequest::HdcpKeyData, &guids::QueryHdcpKeyData, "hdcp-key-data"},
    {StatusRequest::BusData, &guids::QueryBusData, "bus-data"},
    {StatusRequest::Signaling, &guids::QuerySignaling, "signaling"},
};
} // namespace

const Guid& statusRequestGuid(StatusRequest request)
{
    return *kRequests[static_cast<int>(request)].guid;
}

std::optional<StatusRequest> statusRequestFromGuid(const Guid& guid)
{
    for (const auto& r : kRequests)
        if (*r.guid == guid)
            return r.request;
    return std::nullopt;
}

const char* statusRequestName(StatusRequest request)
{
    return kRequests[static_cast<int>(request)].name;
}

std::optional<StatusRequest> statusRequestFromName(std::string_view name)
{
    for (const auto& r : kRequests)
        if (name == r.name)
            return r.request;
    return std::nullopt;
}

} // namespace copp::protocol
