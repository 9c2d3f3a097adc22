// StrictXmlScanner's string pool. Internal to core/cert.
#pragma once

#include "xmlscanbytes.h"
#include "xmltreebuilder.h"

#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace copp::cert::xmlscan {

// Equal names and namespace URIs are stored once in the tree's buffer, so a
// chain's ~90 elements add a few dozen strings, not hundreds. A small hash
// table (linear probing) finds them; past its capacity strings are
// simply not shared any more.
class StringPool {
public:
    StringPool() { m_entries.reserve(kCapacity); }

    XmlTreeBuilder::Ref get(QByteArrayView bytes, bool ascii, XmlTreeBuilder& tree)
    {
        for (std::size_t slot = hash(bytes);; ++slot) {
            std::int16_t& index = m_slots[slot % kSlots];
            if (index < 0) {
                const XmlTreeBuilder::Ref text = ascii ? tree.addLatin1(bytes) : tree.addUtf8(bytes);
                if (m_entries.size() < kCapacity) {
                    index = static_cast<std::int16_t>(m_entries.size());
                    m_entries.push_back({bytes, text});
                }
                return text;
            }
            if (sameBytes(m_entries[static_cast<std::size_t>(index)].bytes, bytes))
                return m_entries[static_cast<std::size_t>(index)].text;
        }
    }

private:
    // Length, first and last eight bytes: enough to tell a document's names and
    // URIs apart (a collision only lengthens a probe run), in a few instructions
    // instead of a multiply per byte.
    static std::size_t hash(QByteArrayView bytes)
    {
        const auto n = static_cast<std::size_t>(bytes.size());
        std::uint64_t head = 0;
        std::uint64_t tail = 0;
        if (n >= 8) { // fixed-size copies compile to single loads; a variable size calls memcpy
            std::memcpy(&head, bytes.data(), 8);
            std::memcpy(&tail, bytes.data() + (n - 8), 8);
        } else {
            for (std::size_t i = 0; i < n; ++i)
                head = head << 8 | static_cast<unsigned char>(bytes[static_cast<qsizetype>(i)]);
            tail = head;
        }
        std::uint64_t h = (head * 0x9E3779B97F4A7C15ULL) ^ (tail * 0xC2B2AE3D27D4EB4FULL) ^ n;
        h ^= h >> 32;
        return static_cast<std::size_t>(h ^ (h >> 16));
    }

    static constexpr std::size_t kSlots = 256;
    static constexpr std::size_t kCapacity = kSlots / 2; // keeps probe runs short
    struct Entry {
        QByteArrayView bytes;
        XmlTreeBuilder::Ref text;
    };
    std::vector<Entry> m_entries;
    std::array<std::int16_t, kSlots> m_slots = filled(-1);

    static constexpr std::array<std::int16_t, kSlots> filled(std::int16_t value)
    {
        std::array<std::int16_t, kSlots> a{};
        for (auto& v : a)
            v = value;
        return a;
    }
};

} // namespace copp::cert::xmlscan
