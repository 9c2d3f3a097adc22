// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli emulator --stdio: serves the built-in driver emulator over the
// device agent pipe (docs/cli.md#the-device-agent-protocol).
#pragma once

#include <QStringList>

namespace copp::cli {

int runEmulator(const QStringList& arguments);

} // namespace copp::cli
