// What a validation trusts: the root key and, optionally, a revocation list.
// Nothing global (ARCHITECTURE.md, "Data flow").
#pragma once

#include "trustroot.h"

#include <QByteArray>
#include <optional>

namespace copp::validation {

struct ValidationPolicy {
    TrustRoot trustRoot = TrustRoot::microsoft();
    std::optional<QByteArray> revocationList; // raw CRL bytes (--crl)
};

} // namespace copp::validation
