// stdout/stderr for the command-line tool, and its exit codes (cli-contract.md §1).
#pragma once

#include <QString>
#include <QTextStream>

namespace copp::cli {

enum ExitCode { kExitOk = 0, kExitRejected = 1, kExitUsage = 2 };

QTextStream& out();
QTextStream& err();

// Prints "coppscope-cli: MESSAGE" on stderr and returns kExitUsage.
int usageError(const QString& message);

} // namespace copp::cli
