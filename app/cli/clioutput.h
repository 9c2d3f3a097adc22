// stdout/stderr for the command-line tool, and its exit codes (cli-contract.md §1).
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace copp::cli {

enum ExitCode { kExitOk = 0, kExitRejected = 1, kExitUsage = 2 };

QTextStream& out();
QTextStream& err();

// Prints "coppscope-cli: MESSAGE" on stderr and returns kExitUsage.
int usageError(const QString& message);

// The parser's --help text, its usage line naming the command ("Usage:
// coppscope-cli verify [options] CHAIN...") instead of the program's path.
QString commandHelp(const QCommandLineParser& parser, const QString& command);

} // namespace copp::cli
