// What a validation trusts: the root key and, optionally, a revocation list;
// for X.509 (OPM) chains, the trust anchor.
// Nothing global (ARCHITECTURE.md, "Data flow").
#pragma once

#include "trustroot.h"
#include "x509validator.h"

#include <QByteArray>
#include <optional>

namespace copp::validation {

struct ValidationPolicy {
    TrustRoot trustRoot = TrustRoot::microsoft();
    std::optional<QByteArray> revocationList; // raw CRL bytes (--crl)
    X509Policy x509;                          // OPM (X.509) chains: --trust-anchor
};

} // namespace copp::validation
