// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli calc omac | copp-signature (docs/cli.md#calc).
#pragma once

#include <QStringList>

namespace copp::cli {

int runCalc(const QStringList& arguments);

} // namespace copp::cli
