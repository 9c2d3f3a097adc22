// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/guid.h>

#include <core/kernel/wire/guids.h>
#include <core/kernel/wire/hex.h>

#include <cstdio>

namespace copp::protocol {

namespace {

// Reads `count` hex digits as a big-endian number of count/2 bytes.
bool readHex(std::string_view& text, int count, std::uint64_t& out)
{
    if (text.size() < static_cast<std::size_t>(count))
        return false;
    out = 0;
    for (int i = 0; i < count; ++i) {
        const int v = wire::hexValue(text[static_cast<std::size_t>(i)]);
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

// The values live in the one GUID table (core/kernel/wire/guids.h).
namespace guids {
const Guid SetProtectionLevel{wire::guid::SetProtectionLevel};
const Guid SetSignaling{wire::guid::SetSignaling};
const Guid SetHdcpSrm{wire::guid::SetHdcpSrm};
const Guid SetProtectionLevelCssDvd{wire::guid::SetProtectionLevelCssDvd};
const Guid QueryConnectorType{wire::guid::QueryConnectorType};
const Guid QueryProtectionType{wire::guid::QueryProtectionType};
const Guid QueryLocalProtectionLevel{wire::guid::QueryLocalProtectionLevel};
const Guid QueryGlobalProtectionLevel{wire::guid::QueryGlobalProtectionLevel};
const Guid QueryDisplayData{wire::guid::QueryDisplayData};
const Guid QueryHdcpKeyData{wire::guid::QueryHdcpKeyData};
const Guid QueryBusData{wire::guid::QueryBusData};
const Guid QuerySignaling{wire::guid::QuerySignaling};
const Guid GetCurrentHdcpSrmVersion{wire::guid::GetCurrentHdcpSrmVersion};
const Guid GetOutputId{wire::guid::GetOutputId};
const Guid GetDviCharacteristics{wire::guid::GetDviCharacteristics};
const Guid GetCodecInfo{wire::guid::GetCodecInfo};
const Guid GetOutputHardwareProtectionSupport{wire::guid::GetOutputHardwareProtectionSupport};
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
