#include "clioutput.h"

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

} // namespace copp::cli
