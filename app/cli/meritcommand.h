// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli merit (docs/cli.md#merit).
#pragma once

#include <QStringList>

namespace copp::cli {
int runMerit(const QStringList& arguments);
}
