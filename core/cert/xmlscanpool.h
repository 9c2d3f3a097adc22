// StrictXmlScanner's string pool. Internal to core/cert.
#pragma once

#include "xmlscanbytes.h"
#include "xmltreebuilder.h"

#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <vector>

namespace copp::cert::xmlscan {

// Equal names and namespace URIs are stored once in the tree's buffer, so a
// chain's ~90 elements add a few dozen strings, not hundreds. A small hash
// table (FNV-1a, linear probing) finds them; past its capacity strings are
// simply not shared any more.
class StringPool {
public:
    StringPool() { m_entries.reserve(kCapacity); }

    XmlTreeBuilder::Ref get(QByteArrayView bytes, bool ascii, XmlTreeBuilder& tree)
    {
        std::uint32_t hash = 2166136261u;
        for (char c : bytes)
            hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
        for (std::uint32_t slot = hash;; ++slot) {
            std::int16_t& index = m_slots[slot % kSlots];
            if (index < 0) {
                const XmlTreeBuilder::Ref text = ascii ? tree.addLatin1(bytes) : tree.addUtf8(bytes);
                if (m_entries.size() < kCapacity) {
                    index = static_cast<std::int16_t>(m_entries.size());
                    m_entries.push_back({bytes, text});
                }
                return text;
            }
            if (m_entries[static_cast<std::size_t>(index)].bytes == bytes)
                return m_entries[static_cast<std::size_t>(index)].text;
        }
    }

private:
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
