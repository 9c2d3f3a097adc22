// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/clioutput.h>

#include <QCoreApplication>
#include <QIODevice>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace copp::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

void writeOut(const QByteArray& utf8)
{
    out().flush();
    // Into stdout's own buffer, behind what out() wrote; finishOutput() sees a failure.
    std::fwrite(utf8.constData(), 1, static_cast<std::size_t>(utf8.size()), stdout);
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int finishOutput(int code)
{
    out().flush();
    const bool streamFailed = out().status() == QTextStream::WriteFailed;
    errno = 0;
    const bool flushFailed = std::fflush(stdout) != 0;
    if (!streamFailed && !flushFailed && !std::ferror(stdout))
        return code;
    QString reason = errno != 0 ? QString::fromLocal8Bit(std::strerror(errno)) : QString();
    if (reason.isEmpty() && out().device())
        reason = out().device()->errorString(); // the stream's QFile saw the failure first
    if (reason.isEmpty())
        reason = QStringLiteral("write error");
    err() << "coppscope-cli: cannot write the output to stdout (" << reason << "); what was printed is incomplete" << Qt::endl;
    return kExitUsage;
}

int usageError(const QString& message)
{
    out().flush();
    std::fflush(stdout); // what writeOut() wrote comes before the message
    err() << "coppscope-cli: " << message << Qt::endl;
    return kExitUsage;
}

QString commandHelp(const QCommandLineParser& parser, const QString& command)
{
    QString text = parser.helpText();
    // QCommandLineParser writes the program as it was started (argv[0], often a
    // long path) and knows nothing of the command in front of the options.
    const QStringList arguments = QCoreApplication::arguments();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const qsizetype at = arguments.isEmpty() ? -1 : text.indexOf(arguments.constFirst());
    if (at >= 0 && (lineEnd < 0 || at < lineEnd))
        text.replace(at, arguments.constFirst().size(), QStringLiteral("coppscope-cli ") + command);
    return text;
}

} // namespace copp::cli
