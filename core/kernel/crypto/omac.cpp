// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/crypto/omac.h>

#include <cryptopp/aes.h>
#include <cryptopp/cmac.h>

namespace copp::crypto {

Omac omac1(const AesKey& key, ByteView data)
{
    CryptoPP::CMAC<CryptoPP::AES> mac(key.data(), key.size());
    mac.Update(data.data(), data.size());
    Omac out{};
    mac.Final(out.data());
    return out;
}

Result<Omac> omac1(ByteView key, ByteView data)
{
    if (key.size() != 16)
        return makeError(Error::Code::Usage, "an OMAC-1 key is 16 bytes (AES-128), not " + std::to_string(key.size()));
    AesKey k{};
    std::copy(key.begin(), key.end(), k.begin());
    return omac1(k, data);
}

bool omac1Verify(const AesKey& key, ByteView data, ByteView tag)
{
    const Omac computed = omac1(key, data);
    return constantTimeEqual(computed, tag);
}

} // namespace copp::crypto
