// SPDX-License-Identifier: BSD-3-Clause
// The test PKIs keep their private keys as PKCS#8 DER files, one per key, so
// that making 2048-bit keys (seconds) happens once per folder.
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QDir>
#include <QString>

#include <array>
#include <optional>
#include <span>
#include <utility>

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

// A test PKI's key table: one file per key of `Set`, listed in the order the
// members are declared (the set is built from the keys in that order).
template <typename Set>
struct KeyFile {
    const char* name;
    crypto::RsaPrivateKey Set::*member;
    unsigned bits;
};

namespace detail {
template <typename Set, std::size_t N>
Set assemble(std::array<std::optional<crypto::RsaPrivateKey>, N>& keys)
{
    return [&]<std::size_t... I>(std::index_sequence<I...>) { return Set{std::move(*keys[I])...}; }(
        std::make_index_sequence<N>{});
}
} // namespace detail

// Makes every key of the table with `generate(bits)`.
template <typename Set, std::size_t N, typename Generate>
Result<Set> generateKeySet(const std::array<KeyFile<Set>, N>& files, Generate generate)
{
    std::array<std::optional<crypto::RsaPrivateKey>, N> made;
    for (std::size_t i = 0; i < N; ++i) {
        auto key = generate(files[i].bits);
        if (!key)
            return key.error();
        made[i] = std::move(key.value());
    }
    return detail::assemble<Set>(made);
}

// Reads every key of the table from `directory`; the keys must be distinct.
template <typename Set, std::size_t N>
Result<Set> loadKeySet(const std::array<KeyFile<Set>, N>& files, const QString& directory, const char* pkiName)
{
    std::array<std::optional<crypto::RsaPrivateKey>, N> loaded;
    for (std::size_t i = 0; i < N; ++i) {
        auto key = loadKeyFile(QDir(directory).filePath(QString::fromLatin1(files[i].name)), files[i].bits, pkiName);
        if (!key)
            return key.error();
        loaded[i] = std::move(key.value());
    }
    if (auto distinct = requireDistinctKeys(loaded, files, directory); !distinct)
        return distinct.error();
    return detail::assemble<Set>(loaded);
}

// Writes every key of the table into `directory` (made if needed).
template <typename Set, std::size_t N>
Result<void> saveKeySet(const std::array<KeyFile<Set>, N>& files, const Set& set, const QString& directory)
{
    if (!QDir().mkpath(directory))
        return makeError(Error::Code::Io, QStringLiteral("%1: cannot create directory").arg(directory).toStdString());
    for (const KeyFile<Set>& k : files) {
        if (auto saved = saveKeyFile(QDir(directory).filePath(QString::fromLatin1(k.name)), set.*k.member); !saved)
            return saved.error();
    }
    return {};
}

} // namespace copp::testpki
