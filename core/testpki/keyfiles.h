// The test PKIs keep their private keys as PKCS#8 DER files, one per key, so
// that making 2048-bit keys (seconds) happens once per folder.
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QString>

namespace copp::testpki {

// Reads one key file; a Malformed error names the file when it is not a PKCS#8
// RSA key of exactly `bits` bits (`pkiName` says which test PKI needs it).
Result<crypto::RsaPrivateKey> loadKeyFile(const QString& path, unsigned bits, const char* pkiName);
Result<void> saveKeyFile(const QString& path, const crypto::RsaPrivateKey& key);

} // namespace copp::testpki
