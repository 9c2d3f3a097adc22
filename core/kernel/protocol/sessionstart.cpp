// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/sessionstart.h>

#include <algorithm>

namespace copp::protocol {

std::array<std::uint8_t, SessionSecrets::kSize> SessionSecrets::encode() const
{
    std::array<std::uint8_t, kSize> s{};
    put16(s.data(), driverRandom);
    std::copy(key.begin(), key.end(), s.begin() + 16);
    putU32(s.data() + 32, statusSequence);
    putU32(s.data() + 36, commandSequence);
    return s;
}

Result<SessionSecrets> SessionSecrets::decode(ByteView bytes)
{
    if (bytes.size() < kSize)
        return makeError(Error::Code::Malformed,
                         "the session-start message holds " + std::to_string(bytes.size()) + " bytes; 40 are needed");
    SessionSecrets s;
    s.driverRandom = get16(bytes.data());
    std::copy_n(bytes.begin() + 16, 16, s.key.begin());
    s.statusSequence = getU32(bytes.data() + 32);
    s.commandSequence = getU32(bytes.data() + 36);
    return s;
}

Result<Signature256> buildCoppSignature(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets)
{
    crypto::SystemRandom system;
    return buildCoppSignature(leafKey, secrets, system);
}

Result<Signature256> buildCoppSignature(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets,
                                        crypto::RandomSource& padding)
{
    const auto s = secrets.encode();
    Bytes m(s.rbegin(), s.rend()); // step 2: reverse the 40 bytes
    auto c = crypto::encryptPkcs1v15(leafKey, m, padding);
    if (!c)
        return c.error();
    if (c->size() != kSignatureSize)
        return makeError(Error::Code::Crypto, "the leaf key is " + std::to_string(c->size() * 8)
                                                  + " bits; a COPP session start needs a 2048-bit key");
    Signature256 out{};
    std::reverse_copy(c->begin(), c->end(), out.begin()); // step 4: CryptoAPI's little-endian output
    return out;
}

Result<SessionSecrets> openCoppSignature(const crypto::RsaPrivateKey& leafKey, const Signature256& signature)
{
    const Bytes c(signature.rbegin(), signature.rend());
    auto m = leafKey.decryptPkcs1v15(c);
    if (!m)
        return m.error();
    // "accept any PKCS#1-v1.5 message >= 40 bytes and take the first 40 bytes of reverse(M)" (§12 Q1)
    const Bytes reversed(m->rbegin(), m->rend());
    return SessionSecrets::decode(reversed);
}

} // namespace copp::protocol
