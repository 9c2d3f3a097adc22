// SPDX-License-Identifier: BSD-3-Clause
// coppscope-cli: the command-line twin of CoppScope (docs/cli.md).
#include <app/cli/calccommand.h>
#include <app/cli/clioutput.h>
#include <app/cli/emulatorcommand.h>
#include <app/cli/meritcommand.h>
#include <app/cli/sessioncommand.h>
#include <app/cli/testpkicommand.h>
#include <app/cli/verifycommand.h>

#include <QCoreApplication>

#include <exception>

namespace {

QString usage()
{
    return QCoreApplication::translate("copp::cli",
        "Usage: coppscope-cli COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  verify    Validate COPP and OPM certificate chains (exit 0 valid, 1 rejected, 2 error)\n"
        "  testpki   Write test chains, a test root key and revocation lists (--x509: OPM chains)\n"
        "  session   Run a COPP or OPM session against a device (exit 0 no alert, 1 alerts, 2 error)\n"
        "  merit     Verify a hardware codec's merit over OPM (exit 0 verified, 1 not, 2 error)\n"
        "  calc      Calculators: omac, copp-signature, opm-init\n"
        "  emulator  Serve the built-in driver emulator as a device agent (--stdio)\n"
        "\n"
        "  coppscope-cli COMMAND --help   options of a command\n"
        "  coppscope-cli --version        version\n");
}

int runCommand(const QString& command, const QStringList& args)
{
    using namespace copp::cli;
    try {
        if (command == u"verify")
            return runVerify(args);
        if (command == u"testpki")
            return runTestPki(args);
        if (command == u"session")
            return runSession(args);
        if (command == u"calc")
            return runCalc(args);
        if (command == u"merit")
            return runMerit(args);
        if (command == u"emulator")
            return runEmulator(args);
    } catch (const std::exception& e) {
        return usageError(QStringLiteral("internal error: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    return usageError(QStringLiteral("unknown command \"%1\"\n").arg(command) + usage());
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("coppscope-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COPP_VERSION));
    using namespace copp::cli;
    QStringList args = QCoreApplication::arguments();
    if (args.size() < 2)
        return usageError(QStringLiteral("no command given\n") + usage());
    const QString command = args.at(1);
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out() << usage();
        return finishOutput(kExitOk);
    }
    if (command == u"--version" || command == u"-v") {
        out() << "coppscope-cli " << QCoreApplication::applicationVersion() << "\n";
        return finishOutput(kExitOk);
    }
    args.removeAt(1); // the command's parser sees "coppscope-cli [options]"
    return finishOutput(runCommand(command, args));
}
