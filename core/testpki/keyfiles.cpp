// SPDX-License-Identifier: BSD-3-Clause
#include <core/testpki/keyfiles.h>

#include <core/util/byteview.h>

#include <QFile>

namespace copp::testpki {

Result<crypto::RsaPrivateKey> loadKeyFile(const QString& path, unsigned bits, const char* pkiName)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("%1: %2").arg(path, file.errorString()).toStdString());
    auto key = crypto::RsaPrivateKey::fromPkcs8(util::byteView(file.read(64 * 1024)));
    if (!key)
        return makeError(Error::Code::Malformed, QStringLiteral("%1: ").arg(path).toStdString() + key.error().detail);
    if (key->modulusBits() != bits)
        return makeError(Error::Code::Malformed, QStringLiteral("%1: a %2-bit key; %3 needs %4 bits")
                                                     .arg(path, QString::number(key->modulusBits()),
                                                          QLatin1String(pkiName), QString::number(bits))
                                                     .toStdString());
    return key;
}

Result<void> saveKeyFile(const QString& path, const crypto::RsaPrivateKey& key)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(util::toQByteArray(key.toPkcs8())) < 0)
        return makeError(Error::Code::Io, QStringLiteral("%1: %2").arg(path, file.errorString()).toStdString());
    return {};
}

Result<void> requireDistinctKeys(std::span<const crypto::RsaPrivateKey* const> keys, std::span<const char* const> names,
                                 const QString& directory)
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        for (std::size_t j = i + 1; j < keys.size(); ++j) {
            if (keys[i]->publicKey().modulus == keys[j]->publicKey().modulus)
                return makeError(Error::Code::Malformed,
                                 QStringLiteral("%1: %2 and %3 hold the same key, but each role needs its own "
                                                "(remove the folder's .p8 files to have new keys made)")
                                     .arg(directory, QString::fromLatin1(names[i]), QString::fromLatin1(names[j]))
                                     .toStdString());
        }
    }
    return {};
}

} // namespace copp::testpki
