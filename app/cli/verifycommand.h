#pragma once

#include <QStringList>

namespace copp::cli {

// coppscope-cli verify CHAIN.xml... [--trust-root KEY.xml] [--crl FILE] [--json] [--verbose]
int runVerify(const QStringList& arguments);

} // namespace copp::cli
