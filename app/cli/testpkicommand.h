#pragma once

#include <QStringList>

namespace copp::cli {

// coppscope-cli testpki --out DIR [--keys DIR] [--break RULE[@N]] [--plain] [--pretty] [--prefix P]
int runTestPki(const QStringList& arguments);

} // namespace copp::cli
