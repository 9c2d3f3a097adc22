// The test PKIs keep their private keys as PKCS#8 DER files, one per key, so
// that making 2048-bit keys (seconds) happens once per folder.
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QString>

#include <array>
#include <optional>
#include <span>

namespace copp::testpki {

// Reads one key file; a Malformed error names the file when it is not a PKCS#8
// RSA key of exactly `bits` bits (`pkiName` says which test PKI needs it).
Result<crypto::RsaPrivateKey> loadKeyFile(const QString& path, unsigned bits, const char* pkiName);
Result<void> saveKeyFile(const QString& path, const crypto::RsaPrivateKey& key);

// Each role of a test PKI needs its own key: with the leaf's key copied over the
// IHV's, or the root's over the other root's, a --break of cert.link or
// cert.trusted_root would write a chain that passes. `names[i]` is keys[i]'s file.
Result<void> requireDistinctKeys(std::span<const crypto::RsaPrivateKey* const> keys, std::span<const char* const> names,
                                 const QString& directory);

// The same for keys just loaded from `files` (a table with a `name` per key).
template <std::size_t N, typename KeyFiles>
Result<void> requireDistinctKeys(const std::array<std::optional<crypto::RsaPrivateKey>, N>& loaded, const KeyFiles& files,
                                 const QString& directory)
{
    std::array<const crypto::RsaPrivateKey*, N> keys{};
    std::array<const char*, N> names{};
    for (std::size_t i = 0; i < N; ++i) {
        keys[i] = &*loaded[i];
        names[i] = files[i].name;
    }
    return requireDistinctKeys(keys, names, directory);
}

} // namespace copp::testpki
