// coppscope-cli emulator --stdio: serves the built-in driver emulator over the
// device agent pipe (cli-contract.md §2).
#pragma once

#include <QStringList>

namespace copp::cli {

int runEmulator(const QStringList& arguments);

} // namespace copp::cli
