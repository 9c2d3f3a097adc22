// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/crypto/random.h>

#include <cryptopp/osrng.h>

namespace copp::crypto {

void SystemRandom::fill(std::span<std::uint8_t> out)
{
    thread_local CryptoPP::AutoSeededRandomPool pool;
    pool.GenerateBlock(out.data(), out.size());
}

void DeterministicRandom::fill(std::span<std::uint8_t> out)
{
    // splitmix64: fine for repeatable test data, never for keys that protect anything.
    for (auto& byte : out) {
        m_state += 0x9E3779B97F4A7C15ull;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        byte = static_cast<std::uint8_t>(z ^ (z >> 31));
    }
}

} // namespace copp::crypto
