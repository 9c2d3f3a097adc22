// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/crypto/sha.h>

#include <cryptopp/sha.h>

namespace copp::crypto {

Sha1Digest sha1(ByteView data)
{
    Sha1Digest out{};
    CryptoPP::SHA1().CalculateDigest(out.data(), data.data(), data.size());
    return out;
}

Sha256Digest sha256(ByteView data)
{
    Sha256Digest out{};
    CryptoPP::SHA256().CalculateDigest(out.data(), data.data(), data.size());
    return out;
}

} // namespace copp::crypto
