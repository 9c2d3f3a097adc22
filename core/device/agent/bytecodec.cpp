// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/bytecodec.h>

#include <core/kernel/wire/hex.h>

namespace copp::device::hw {

namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

} // namespace

std::string toHex(ByteView bytes)
{
    std::string out;
    out.reserve(2 * bytes.size());
    for (const std::uint8_t b : bytes) {
        out.push_back(wire::kHexDigits[b >> 4]);
        out.push_back(wire::kHexDigits[b & 0x0F]);
    }
    return out;
}

std::optional<Bytes> fromHex(std::string_view text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    Bytes out(text.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = wire::hexValue(text[2 * i]);
        const int lo = wire::hexValue(text[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return out;
}

std::string toBase64(ByteView bytes)
{
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
        out.push_back(kBase64[v >> 18 & 63]);
        out.push_back(kBase64[v >> 12 & 63]);
        out.push_back(kBase64[v >> 6 & 63]);
        out.push_back(kBase64[v & 63]);
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16;
        out.push_back(kBase64[v >> 18 & 63]);
        out.push_back(kBase64[v >> 12 & 63]);
        out += "==";
    } else if (rest == 2) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8;
        out.push_back(kBase64[v >> 18 & 63]);
        out.push_back(kBase64[v >> 12 & 63]);
        out.push_back(kBase64[v >> 6 & 63]);
        out.push_back('=');
    }
    return out;
}

std::optional<Bytes> fromBase64(std::string_view text)
{
    // Padding: only at the end, only to complete the last quantum.
    std::size_t padding = 0;
    while (padding < text.size() && padding < 2 && text[text.size() - 1 - padding] == '=')
        ++padding;
    const std::string_view body = text.substr(0, text.size() - padding);
    if (padding > 0 && text.size() % 4 != 0)
        return std::nullopt;
    if (body.size() % 4 == 1)
        return std::nullopt; // one character cannot carry a byte
    Bytes out;
    out.reserve(body.size() / 4 * 3 + 2);
    std::uint32_t acc = 0;
    int bits = 0;
    for (const char c : body) {
        const int v = base64Value(c);
        if (v < 0)
            return std::nullopt;
        acc = (acc << 6 | static_cast<std::uint32_t>(v)) & 0xFFFFFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<std::uint8_t>(acc >> bits & 0xFF));
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return std::nullopt; // non-canonical: trailing bits set
    const std::size_t tail = body.size() % 4;
    if (padding > 0 && ((tail == 2 && padding != 2) || (tail == 3 && padding != 1) || tail == 0))
        return std::nullopt;
    return out;
}

} // namespace copp::device::hw
