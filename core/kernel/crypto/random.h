// SPDX-License-Identifier: BSD-3-Clause
// Where random bytes come from. Production code uses the system generator;
// tests pass a deterministic source so transcripts and vectors repeat.
#pragma once

#include <core/kernel/bytes.h>

#include <cstdint>
#include <span>

namespace copp::crypto {

class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

// Crypto++ AutoSeededRandomPool (the operating system's entropy).
class SystemRandom final : public RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override;
};

// Not secret: a counter-based stream for tests and reproducible emulator runs.
class DeterministicRandom final : public RandomSource {
public:
    explicit DeterministicRandom(std::uint64_t seed) : m_state(seed) {}
    void fill(std::span<std::uint8_t> out) override;

private:
    std::uint64_t m_state;
};

} // namespace copp::crypto
