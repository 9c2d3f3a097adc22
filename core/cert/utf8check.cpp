// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/utf8check.h>

#include <cstdint>
#include <cstring>

namespace copp::cert {

namespace {

// True when the `words` eight-byte words at `p` hold no byte >= 0x80. The
// words are OR-ed first so a long ASCII run costs one branch per 8 * words bytes.
template <int words>
bool isAscii(const unsigned char* p)
{
    std::uint64_t any = 0;
    for (int k = 0; k < words; ++k) {
        std::uint64_t word;
        std::memcpy(&word, p + 8 * k, sizeof word);
        any |= word;
    }
    return (any & 0x8080808080808080ULL) == 0;
}

} // namespace

Utf8Check checkUtf8(QByteArrayView bytes)
{
    Utf8Check result;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    auto bad = [&](qsizetype at) {
        result.valid = false;
        result.firstBadByte = at;
        return result;
    };
    for (qsizetype i = 0; i < n;) {
        // ASCII runs (nearly all of a chain) 32 bytes at a time, then eight.
        if (i + 32 <= n && isAscii<4>(p + i)) {
            i += 32;
            continue;
        }
        if (i + 8 <= n && isAscii<1>(p + i)) {
            i += 8;
            continue;
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned lowest = 0; // allowed range of the second byte (overlong/surrogate rules)
        unsigned highest = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
            lowest = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            lowest = (c == 0xe0) ? 0xa0 : 0x80;
            highest = (c == 0xed) ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            lowest = (c == 0xf0) ? 0x90 : 0x80;
            highest = (c == 0xf4) ? 0x8f : 0xbf;
        } else {
            return bad(i);
        }
        if (i + length > n)
            return bad(i);
        if (p[i + 1] < lowest || p[i + 1] > highest)
            return bad(i);
        for (int k = 2; k < length; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                return bad(i);
        }
        i += length;
    }
    return result;
}

} // namespace copp::cert
