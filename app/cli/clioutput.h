// SPDX-License-Identifier: BSD-3-Clause
// stdout/stderr for the command-line tool, and its exit codes (docs/cli.md#verify).
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace copp::cli {

enum ExitCode { kExitOk = 0, kExitRejected = 1, kExitUsage = 2 };

QTextStream& out();
QTextStream& err();

// Writes text already encoded as UTF-8 to stdout, after what out() holds.
void writeOut(const QByteArray& utf8);

// Flushes stdout; when anything written to it was lost (a full disk, a closed
// pipe), says so on stderr and returns kExitUsage instead of `code`: a script
// must not take an empty report for a verdict.
int finishOutput(int code);

// Prints "coppscope-cli: MESSAGE" on stderr and returns kExitUsage.
int usageError(const QString& message);

// The parser's --help text, its usage line naming the command ("Usage:
// coppscope-cli verify [options] CHAIN...") instead of the program's path.
QString commandHelp(const QCommandLineParser& parser, const QString& command);

} // namespace copp::cli
