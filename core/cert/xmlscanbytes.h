// Byte-level helpers of StrictXmlScanner: which bytes need attention and ASCII
// XML names. Internal to core/cert.
#pragma once

#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <cstring>

namespace copp::cert::xmlscan {

// ---- Character data, eight bytes at a time -------------------------------
// A "plain" byte needs no attention: 0x20..0x7f except '&', '<' and ']'.
// Base64, the bulk of a chain, is all plain, so most of the document is
// skipped a 64-bit word at a time (SWAR) and only the rest goes byte by byte.

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Non-zero iff some byte of x is zero.
inline constexpr std::uint64_t anyZeroByte(std::uint64_t x)
{
    return (x - kOnes) & ~x & kHighs;
}

// Non-zero iff some byte of x is below n (n <= 0x80).
inline constexpr std::uint64_t anyByteBelow(std::uint64_t x, std::uint64_t n)
{
    return (x - kOnes * n) & ~x & kHighs;
}

inline constexpr bool hasNonPlainByte(std::uint64_t x)
{
    return ((x & kHighs) | anyByteBelow(x, 0x20) | anyZeroByte(x ^ (kOnes * '&'))
            | anyZeroByte(x ^ (kOnes * '<')) | anyZeroByte(x ^ (kOnes * ']')))
        != 0;
}

// Attribute values: a "plain" byte is 0x20..0x7e except '&' and '<' (every
// reader of values accepts those as they are); the quote itself is found by memchr.
inline constexpr bool hasNonPlainValueByte(std::uint64_t x)
{
    return ((x & kHighs) | anyByteBelow(x, 0x20) | anyZeroByte(x ^ (kOnes * '&'))
            | anyZeroByte(x ^ (kOnes * '<')) | anyZeroByte(x ^ (kOnes * 0x7f)))
        != 0;
}

// ---- Names ----------------------------------------------------------------
// The ASCII part of XML's NCName: [A-Za-z_][A-Za-z0-9._-]*.
inline constexpr bool isNameStart(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

inline constexpr bool isNameCharSlow(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// One table load per byte: names are a fifth of a chain's markup bytes.
inline constexpr auto kNameChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] = isNameCharSlow(static_cast<unsigned char>(c));
    return table;
}();

inline constexpr bool isNameChar(unsigned char c)
{
    return kNameChars[c];
}

// Equal bytes. QByteArrayView's == calls into Qt for every equal-length pair;
// the scanner compares short names and prefixes, where that call is most of the cost.
inline bool sameBytes(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size()
        && (a.isEmpty() || std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.size())) == 0);
}

// "xml" in any case: prefixes starting so are reserved (Namespaces in XML 1.0 §3).
inline bool startsWithXml(QByteArrayView name)
{
    return name.size() >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' && (name[2] | 0x20) == 'l';
}

} // namespace copp::cert::xmlscan
