// coppscope-cli calc omac | copp-signature (cli-contract.md §4).
#pragma once

#include <QStringList>

namespace copp::cli {

int runCalc(const QStringList& arguments);

} // namespace copp::cli
