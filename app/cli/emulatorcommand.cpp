// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/emulatorcommand.h>

#include <app/cli/clioutput.h>

#include <core/device/agent/coppdeviceserver.h>
#include <core/device/emulator/emulatorsetup.h>

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
        tr("Serve the built-in driver emulator as a device agent: JSON lines on stdin/stdout "
           "(the device agent protocol); logs go to stderr. EOF on stdin ends it. By default a COPP device with "
           "COPP semantics and one output (HDMI with HDCP unless --connector or --scenario say otherwise); "
           "--interface opm serves an OPM protected output, --codec a hardware codec for codec merit."));
    parser.addHelpOption();
    const QCommandLineOption stdio(QStringLiteral("stdio"), tr("Speak the agent protocol on stdin/stdout (required)."));
    const QCommandLineOption fault(QStringLiteral("fault"), tr("Inject a fault, NAME[=VALUE][@N]. Repeatable."), tr("FAULT"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), tr("Play a scenario timeline (a built-in name or a JSON file)."), tr("NAME"));
    const QCommandLineOption connectorOption(QStringLiteral("connector"), tr("The output's connector (hdmi, dvi, displayport, vga, component, s-video, composite)."),
                                             tr("CONNECTOR"));
    const QCommandLineOption keys(QStringLiteral("keys"), tr("Keep the emulator's test keys in DIR."), tr("DIR"));
    const QCommandLineOption anchorOut(QStringLiteral("trust-anchor-out"),
                                       tr("Write the emulator's test root to FILE before serving: the certificate (PEM) for OPM "
                                          "semantics, the RSAKeyValue for COPP."),
                                       tr("FILE"));
    const QCommandLineOption interfaceOption(QStringLiteral("interface"), tr("Answer the copp.* calls (copp, the default) or the opm.* calls (opm)."),
                                             tr("copp|opm"));
    const QCommandLineOption semanticsOption(QStringLiteral("semantics"),
                                             tr("OPM semantics (X.509 chain, OAEP) or COPP semantics (XML chain, PKCS#1); default: the interface's."),
                                             tr("copp|opm"));
    const QCommandLineOption codec(QStringLiteral("codec"), tr("Be a hardware codec for codec merit; implies --interface opm."));
    const QCommandLineOption clsid(QStringLiteral("clsid"), tr("The codec's CLSID, the verifier it expects."), tr("GUID"));
    const QCommandLineOption merit(QStringLiteral("merit"), tr("The merit the codec reports."), tr("N"));
    const QCommandLineOption crlOut(QStringLiteral("crl-out"), tr("Write the emulator's revocation list to FILE before serving."), tr("FILE"));
    const QCommandLineOption listFaults(QStringLiteral("list-faults"), tr("List the faults and scenarios, then exit."));
    parser.addOptions({stdio, fault, scenario, connectorOption, keys, anchorOut, crlOut, listFaults, interfaceOption, semanticsOption,
                       codec, clsid, merit});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("emulator"));
        return kExitOk;
    }
    if (parser.isSet(listFaults)) {
        out() << tr("Faults (--fault NAME[=VALUE][@N]; @N = the N-th status call):\n");
        for (const auto& f : device::allFaults())
            out() << QStringLiteral("  %1  %2\n").arg(QLatin1String(f.name), -20).arg(QString::fromUtf8(f.description)); // "§5.3" is UTF-8
        out() << tr("Scenarios (--scenario NAME):\n");
        for (const QString& name : device::Scenario::builtInNames())
            out() << QStringLiteral("  %1  %2\n").arg(name, -20).arg(device::Scenario::builtIn(name)->description);
        return kExitOk;
    }
    if (!parser.isSet(stdio))
        return usageError(tr("emulator: only --stdio is supported (try --help)"));

    device::EmulatorSettings settings;
    settings.faults = parser.values(fault);
    settings.scenario = parser.value(scenario);
    settings.connector = parser.value(connectorOption);
    settings.keyDirectory = parser.value(keys);
    settings.interface = parser.value(interfaceOption);
    settings.semantics = parser.value(semanticsOption);
    settings.codec = parser.isSet(codec);
    settings.clsid = parser.value(clsid);
    settings.merit = parser.value(merit);
    if (settings.codec && (settings.clsid.isEmpty() || settings.merit.isEmpty()))
        return usageError(tr("emulator: --codec needs --clsid GUID and --merit N"));
    auto built = device::buildEmulator(settings);
    if (!built)
        return usageError(QString::fromStdString(built.error().detail));
    const auto& material = built->material;
    // "--trust-anchor-out is written before the first reply" (docs/cli.md#opm-sessions):
    // "the certificate for OPM, the RSAKeyValue for COPP".
    const QByteArray anchor = material->opm ? material->opm->trustAnchorPem : material->rootKeyXml;
    for (const auto& [option, bytes] : {std::pair{&anchorOut, anchor}, std::pair{&crlOut, material->revocationList}}) {
        if (!parser.isSet(*option))
            continue;
        QSaveFile file(parser.value(*option));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return usageError(tr("cannot write %1: %2").arg(parser.value(*option), file.errorString()));
    }
    return device::serveAgentOnStdio(*built->emulator);
}

} // namespace copp::cli
