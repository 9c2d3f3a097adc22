// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli session (docs/cli.md#session).
#pragma once

#include <QStringList>

namespace copp::cli {

int runSession(const QStringList& arguments);

} // namespace copp::cli
