// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/opmsessionstart.h>

#include <core/kernel/protocol/constants.h>

#include <algorithm>

namespace copp::protocol {

Result<Signature256> buildOpmInitializationParameters(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets,
                                                      crypto::RandomSource& random)
{
    const auto s = secrets.encode(); // step 3: natural order, no reversal (unlike COPP's §7.1)
    auto c = crypto::encryptOaepSha512(leafKey, s, random);
    if (!c)
        return c.error();
    if (c->size() != kSignatureSize)
        return makeError(Error::Code::Crypto, "the leaf key is " + std::to_string(c->size() * 8)
                                                  + " bits; an OPM session start needs a 2048-bit key");
    Signature256 out{};
    std::copy(c->begin(), c->end(), out.begin()); // step 5: big-endian, verbatim
    return out;
}

Result<SessionSecrets> openOpmInitializationParameters(const crypto::RsaPrivateKey& leafKey,
                                                       const Signature256& parameters)
{
    auto m = leafKey.decryptOaepSha512(parameters);
    if (!m) {
        Error e = m.error();
        e.hresult = hr::OpmInvalidEncryptedParameters;
        return e;
    }
    auto s = SessionSecrets::decode(*m); // "must yield at least 40 bytes" (§2)
    if (!s) {
        Error e = s.error();
        e.hresult = hr::OpmInvalidEncryptedParameters;
        return e;
    }
    return s;
}

} // namespace copp::protocol
