// What the emulated driver holds: its certificate chain (from the test PKI),
// the leaf's private key, and the test root and revocation list a client
// should be given to trust it.
#pragma once

#include "faults.h"

#include <core/kernel/crypto/rsa.h>
#include <core/testpki/testpki.h>

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace copp::device {

struct EmulatorMaterial {
    QByteArray chain;          // XML, as KeyExchange returns it
    crypto::RsaPrivateKey leafKey;
    QByteArray rootKeyXml;     // <RSAKeyValue> of the test root
    QByteArray revocationList; // signed by the test PKI; lists the leaf under revoked-chain

    // The chain faults (untrusted-, tampered-, revoked-chain) decide what is written.
    static EmulatorMaterial create(const testpki::TestPki& pki, const std::vector<Fault>& faults);
};

// The test keys the emulator uses, kept in DIR (made there on first use, since
// making 2048-bit keys takes a moment). Default: the user's cache folder.
Result<testpki::TestPki> loadEmulatorPki(const QString& keyDirectory = {});

} // namespace copp::device
