#include "clioutput.h"

#include <QCoreApplication>

#include <cstdio>

namespace copp::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

int usageError(const QString& message)
{
    out().flush();
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
