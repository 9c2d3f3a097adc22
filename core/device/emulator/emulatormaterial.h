// SPDX-License-Identifier: BSD-3-Clause
// What the emulated driver holds: its certificate chain (from the test PKI),
// the leaf's private key, and the test root and revocation list a client
// should be given to trust it.
#pragma once

#include <core/device/emulator/faults.h>

#include <core/kernel/crypto/rsa.h>
#include <core/testpki/testpki.h>
#include <core/testpki/x509testpki.h>

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace copp::device {

struct EmulatorMaterial {
    QByteArray chain;          // XML, as KeyExchange returns it
    crypto::RsaPrivateKey leafKey;
    QByteArray rootKeyXml;     // <RSAKeyValue> of the test root
    QByteArray revocationList; // signed by the test PKI; lists the leaf under revoked-chain

    // The chain faults (untrusted-, tampered-, revoked-chain) decide what is written.
    static EmulatorMaterial create(const testpki::TestPki& pki, const std::vector<Fault>& faults);

    // OPM semantics (docs/protocol.md §8.2): the X.509 chain as a PKCS#7 bundle, the
    // leaf's key (RSAES-OAEP) and the test root certificate. Set when an
    // OPM-semantics device is built.
    struct Opm {
        QByteArray certificate; // PKCS#7 DER, as StartInitialization returns it
        crypto::RsaPrivateKey leafKey;
        QByteArray trustAnchorPem;
    };
    std::optional<Opm> opm;
    // untrusted-chain: another root; tampered-chain: the intermediate's signature broken.
    static Result<Opm> createOpm(const testpki::X509TestPki& pki, const std::vector<Fault>& faults);
};

// The test keys the emulator uses, kept in DIR (made there on first use, since
// making 2048-bit keys takes a moment). Default: the user's cache folder.
Result<testpki::TestPki> loadEmulatorPki(const QString& keyDirectory = {});
// The same for the X.509 test keys (opm-*.p8 in the same folder).
Result<testpki::X509TestPki> loadEmulatorX509Pki(const QString& keyDirectory = {});

} // namespace copp::device
