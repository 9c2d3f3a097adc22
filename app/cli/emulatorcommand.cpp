#include "emulatorcommand.h"

#include "clioutput.h"

#include <core/device/agent/agentserver.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/constants.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSaveFile>

namespace copp::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("copp::cli", text);
}
} // namespace

int runEmulator(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serve the built-in COPP driver emulator as a device agent: JSON lines on stdin/stdout "
           "(cli-contract.md §2); logs go to stderr. EOF on stdin ends it. COPP semantics, one output "
           "(HDMI with HDCP unless --connector or --scenario say otherwise)."));
    parser.addHelpOption();
    const QCommandLineOption stdio(QStringLiteral("stdio"), tr("Speak the agent protocol on stdin/stdout (required)."));
    const QCommandLineOption fault(QStringLiteral("fault"), tr("Inject a fault, NAME[=VALUE][@N]. Repeatable."), tr("FAULT"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), tr("Play a scenario timeline (a built-in name or a JSON file)."), tr("NAME"));
    const QCommandLineOption connectorOption(QStringLiteral("connector"), tr("The output's connector (hdmi, dvi, displayport, vga, component, s-video, composite)."),
                                             tr("CONNECTOR"));
    const QCommandLineOption keys(QStringLiteral("keys"), tr("Keep the emulator's test keys in DIR."), tr("DIR"));
    const QCommandLineOption anchorOut(QStringLiteral("trust-anchor-out"), tr("Write the emulator's test root (RSAKeyValue) to FILE before serving."),
                                       tr("FILE"));
    const QCommandLineOption crlOut(QStringLiteral("crl-out"), tr("Write the emulator's revocation list to FILE before serving."), tr("FILE"));
    const QCommandLineOption listFaults(QStringLiteral("list-faults"), tr("List the faults and scenarios, then exit."));
    parser.addOptions({stdio, fault, scenario, connectorOption, keys, anchorOut, crlOut, listFaults});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return kExitOk;
    }
    if (parser.isSet(listFaults)) {
        out() << tr("Faults (--fault NAME[=VALUE][@N]; @N = the N-th status call):\n");
        for (const auto& f : device::allFaults())
            out() << QStringLiteral("  %1  %2\n").arg(QLatin1String(f.name), -20).arg(QLatin1String(f.description));
        out() << tr("Scenarios (--scenario NAME):\n");
        for (const QString& name : device::Scenario::builtInNames())
            out() << QStringLiteral("  %1  %2\n").arg(name, -20).arg(device::Scenario::builtIn(name)->description);
        return kExitOk;
    }
    if (!parser.isSet(stdio))
        return usageError(tr("emulator: only --stdio is supported (try --help)"));

    std::vector<device::Fault> faults;
    for (const QString& text : parser.values(fault)) {
        auto parsed = device::parseFault(text.toStdString());
        if (!parsed)
            return usageError(QString::fromStdString(parsed.error().detail));
        faults.push_back(parsed.value());
    }
    device::OutputProfile profile;
    std::shared_ptr<device::ScenarioPlayer> player;
    if (parser.isSet(scenario)) {
        auto loaded = device::Scenario::load(parser.value(scenario));
        if (!loaded)
            return usageError(QString::fromStdString(loaded.error().detail));
        profile = loaded->output;
        player = std::make_shared<device::ScenarioPlayer>(loaded.value(), device::steadyClock());
    }
    if (parser.isSet(connectorOption)) {
        const auto c = protocol::connectorFromName(parser.value(connectorOption).toStdString());
        if (!c)
            return usageError(tr("--connector: unknown connector \"%1\"").arg(parser.value(connectorOption)));
        profile = device::OutputProfile::forConnector(*c);
    }
    auto pki = device::loadEmulatorPki(parser.value(keys));
    if (!pki)
        return usageError(tr("emulator test keys: %1").arg(QString::fromStdString(pki.error().detail)));
    const auto material = std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(pki.value(), faults));
    // "--trust-anchor-out is written before the first reply" (cli-contract.md §5).
    for (const auto& [option, bytes] : {std::pair{&anchorOut, material->rootKeyXml}, std::pair{&crlOut, material->revocationList}}) {
        if (!parser.isSet(*option))
            continue;
        QSaveFile file(parser.value(*option));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return usageError(tr("cannot write %1: %2").arg(parser.value(*option), file.errorString()));
    }
    device::CoppEmulator emulator(std::make_shared<device::EmulatedOutput>(profile), material, faults, player);
    return device::serveAgentOnStdio(emulator);
}

} // namespace copp::cli
