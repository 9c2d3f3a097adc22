// SPDX-License-Identifier: BSD-3-Clause
// crl.signature and crl.revoked (docs/cli.md#verify, "Revocation list").
#pragma once

#include <core/validation/trustroot.h>
#include <core/validation/validationreport.h>

#include <core/revocation/revocationlist.h>

#include <optional>

namespace copp::validation {

struct RevocationSignatureResult {
    StepResult step;                               // crl.signature
    std::optional<revocation::RevocationList> trusted; // set only when the step passed
};

RevocationSignatureResult checkRevocationSignature(const QByteArray& listBytes, const TrustRoot& root);

// crl.revoked for `certificate`: fails when its digest or that of any
// certificate above it (higher index) is listed. `digests[i]` is SHA-1 of
// certificate i's Data bytes, empty when certificate i has no Data.
StepResult checkRevoked(int certificate, const QList<QByteArray>& digests,
                        const revocation::RevocationList& list);

} // namespace copp::validation
