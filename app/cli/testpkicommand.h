// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QStringList>

namespace copp::cli {

// coppscope-cli testpki --out DIR [--keys DIR] [--break RULE[@N]] [--plain] [--pretty] [--prefix P]
// coppscope-cli testpki --x509 --out DIR [--keys DIR] [--break x509.RULE[@N]]   (an OPM chain)
int runTestPki(const QStringList& arguments);

} // namespace copp::cli
