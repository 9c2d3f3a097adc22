// coppscope-cli session (cli-contract.md §3).
#pragma once

#include <QStringList>

namespace copp::cli {

int runSession(const QStringList& arguments);

} // namespace copp::cli
