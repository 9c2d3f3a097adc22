// SPDX-License-Identifier: BSD-3-Clause
// Who issued whom in an OPM certificate bundle, and which certificate is its
// leaf: "the certificate that issued no other" (docs/protocol.md §8.2). The
// validator's x509.path builds on these; calc opm-init (docs/cli.md#calc) takes
// the leaf's key without validating, so a bundle without its root, or the leaf
// alone, is enough there.
#pragma once

#include <core/cert/x509bundle.h>

namespace copp::cert {

// `issuer` issued `subject`: its subject name is subject's issuer name, and the
// key identifiers agree where both are present (docs/protocol.md §12 Q14: "build
// path by issuer/subject"). A self-issued certificate issued itself.
bool x509Issued(const X509CertificateInfo& issuer, const X509CertificateInfo& subject);

// Indices of the certificates that issued no other certificate of the list.
QList<int> x509LeafCandidates(const QList<X509CertificateInfo>& certificates);

// Which certificate of `bundle` is its leaf (an index into bundle.certificates):
// the one candidate, or the one that is not a self-issued root when a root that
// issued nothing else is there too (its intermediate left out). An error, in
// one English sentence, when no certificate or more than one qualifies.
Result<int> findX509Leaf(const X509Bundle& bundle);

// "CN=… (bundle position N)", as reports name a certificate.
QString namedInBundle(const X509CertificateInfo& certificate);

} // namespace copp::cert
