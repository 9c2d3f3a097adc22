// SPDX-License-Identifier: BSD-3-Clause
// What a validation trusts: the root key and, optionally, a revocation list;
// for X.509 (OPM) chains, the trust anchor.
// Nothing global (docs/architecture.md "A chain").
#pragma once

#include <core/validation/trustroot.h>
#include <core/validation/x509validator.h>

#include <QByteArray>
#include <optional>

namespace copp::validation {

struct ValidationPolicy {
    TrustRoot trustRoot = TrustRoot::microsoft();
    std::optional<QByteArray> revocationList; // raw CRL bytes (--crl)
    X509Policy x509;                          // OPM (X.509) chains: --trust-anchor
};

} // namespace copp::validation
