// SPDX-License-Identifier: BSD-3-Clause
// The key the final certificate's Signature/KeyInfo must equal (docs/protocol.md §8.1, step 10).
#pragma once

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

#include <memory>

namespace copp::validation {

struct TrustRoot {
    crypto::RsaPublicKey key;
    QString name;
    bool isMicrosoft = false;
    // The key parsed once: in a normal chain it verifies two of the three
    // signatures (the IHV's and the root's own), so validations reuse it.
    std::shared_ptr<const crypto::PssSha1Verifier> verifier;

    // Microsoft's published COPP root (docs/protocol.md §8.1; the printed base64 has two
    // stray spaces, removed here as docs/protocol.md §8.1 says).
    static TrustRoot microsoft();
    // A file whose root element is <RSAKeyValue><Modulus/><Exponent/></RSAKeyValue>.
    static Result<TrustRoot> fromRsaKeyValueXml(const QByteArray& xml, const QString& name);
    // A key already read (e.g. from a transcript); fails when it is not a usable RSA key.
    static Result<TrustRoot> fromKey(const crypto::RsaPublicKey& key, const QString& name);
    // The name reports give a root read from a file: "test root FILE.xml". Not
    // translated, so the CLI's JSON and the GUI's export are the same bytes.
    static QString nameForFile(const QString& path);
    // A root's name in the reader's language: the built-in names are English
    // in reports and JSON (the contract's), translated only for display.
    static QString displayName(const QString& englishName);
};

} // namespace copp::validation
