#include "sha1.h"

#include <cryptopp/sha.h>

namespace copp::crypto {

Sha1Digest sha1(ByteView data)
{
    Sha1Digest out{};
    CryptoPP::SHA1().CalculateDigest(out.data(), data.data(), data.size());
    return out;
}

} // namespace copp::crypto
