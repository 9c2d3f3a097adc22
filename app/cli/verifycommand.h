// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

namespace copp::cli {

// coppscope-cli verify CHAIN... [--trust-root KEY.xml] [--trust-anchor CERT] [--crl FILE] [--json] [--verbose]
// CHAIN: a COPP XML chain, or an OPM X.509 chain (PKCS #7 / certificates, DER or PEM).
int runVerify(const QStringList& arguments);

} // namespace copp::cli
