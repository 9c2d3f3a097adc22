// SPDX-License-Identifier: BSD-3-Clause
// The leaf of an OPM certificate bundle without validating it (docs/cli.md#calc,
// calc opm-init): the certificate that issues no other certificate of the
// bundle (not a self-issued root, when another qualifies), or the only one. A calculator needs the leaf's key, not a trusted path,
// so a bundle without its root, or with the leaf alone, is enough.
#pragma once

#include <core/cert/x509bundle.h>

namespace copp::cert {

// Which certificate of `bundle` is its leaf (an index into bundle.certificates).
// An error, in one English sentence, when no certificate or more than one issues
// no other.
Result<int> findX509Leaf(const X509Bundle& bundle);

// "CN=… (bundle position N)", as reports name a certificate.
QString namedInBundle(const X509CertificateInfo& certificate);

} // namespace copp::cert
