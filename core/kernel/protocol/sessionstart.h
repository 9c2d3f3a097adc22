// SPDX-License-Identifier: BSD-3-Clause
// The COPP session start (docs/protocol.md §2 and §7.1): the 40-byte secret S and
// the 256-byte AMCOPPSignature that carries it to the driver.
#pragma once

#include <core/kernel/crypto/omac.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/protocol/coppstructs.h>

namespace copp::protocol {

// S: driver random (16) | session key K (16) | status seq (u32 LE) | command seq (u32 LE).
struct SessionSecrets {
    Bytes16 driverRandom{};
    crypto::AesKey key{};
    std::uint32_t statusSequence = 0;
    std::uint32_t commandSequence = 0;

    static constexpr std::size_t kSize = 40;
    std::array<std::uint8_t, kSize> encode() const;
    static Result<SessionSecrets> decode(ByteView bytes); // the first 40 bytes; more are ignored (§2)
};

// Application side, §7.1 steps 1-4: M = reverse(S); C = RSAES-PKCS1-v1_5(n, e, M)
// (big-endian, random padding); AMCOPPSignature = reverse(C). What CryptoAPI's
// CryptEncrypt produces with the byte-reversed key blob.
Result<Signature256> buildCoppSignature(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets);
Result<Signature256> buildCoppSignature(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets,
                                        crypto::RandomSource& padding);

// Driver side: c = reverse(signature) -> PKCS#1 v1.5 decode -> M (at least 40
// bytes) -> S = first 40 bytes of reverse(M). Comparing S's random with the
// issued one is the caller's job (it decides the HRESULT).
Result<SessionSecrets> openCoppSignature(const crypto::RsaPrivateKey& leafKey, const Signature256& signature);

} // namespace copp::protocol
