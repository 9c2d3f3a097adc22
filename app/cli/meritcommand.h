// coppscope-cli merit (cli-contract.md §5 "Codec merit").
#pragma once

#include <QStringList>

namespace copp::cli {
int runMerit(const QStringList& arguments);
}
