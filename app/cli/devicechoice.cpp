// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/devicechoice.h>
#include <app/cli/clitr.h>


#include <QCoreApplication>

namespace copp::cli {

namespace {
Error usage(const QString& text)
{
    return makeError(Error::Code::Usage, text.toStdString());
}
} // namespace

DeviceOptions::DeviceOptions(QCommandLineParser& parser)
    : m_device(QStringLiteral("device"), tr("emulator (built in), exec:COMMAND (a device agent) or replay:FILE (a transcript recorded with --reveal-secrets)."),
               tr("DEVICE"), QStringLiteral("emulator")),
      m_trustRoot(QStringLiteral("trust-root"), tr("Trust this <RSAKeyValue> root for the chain (default: Microsoft's; "
                                                   "the emulator's test root with --device emulator)."),
                  tr("KEY.xml")),
      m_crl(QStringLiteral("crl"), tr("Check the chain against this revocation list (with --device emulator: the emulator's own list by default)."),
            tr("FILE")),
      m_trustAnchor(QStringLiteral("trust-anchor"), tr("X.509 trust anchor for OPM chains (ignored for COPP chains)."), tr("CERT")),
      m_callTimeout(QStringLiteral("call-timeout"), tr("Deadline of each device call (default 5)."), tr("SECONDS"), QStringLiteral("5")),
      m_fault(QStringLiteral("fault"), tr("Built-in emulator: inject a fault, NAME[=VALUE][@N] (see coppscope-cli emulator --list-faults). Repeatable."),
              tr("FAULT")),
      m_scenario(QStringLiteral("scenario"), tr("Built-in emulator: play a scenario timeline (a built-in name or a JSON file)."), tr("NAME")),
      m_connector(QStringLiteral("connector"), tr("Built-in emulator: the output's connector (hdmi, dvi, displayport, vga, component, s-video, composite)."),
                  tr("CONNECTOR")),
      m_keys(QStringLiteral("keys"), tr("Built-in emulator: keep its test keys in DIR (default: the user's cache folder)."), tr("DIR")),
      m_interface(QStringLiteral("interface"), tr("Built-in emulator: a COPP device (copp, the default) or an OPM protected output (opm)."),
                  tr("copp|opm")),
      m_semantics(QStringLiteral("semantics"), tr("Built-in emulator: OPM or COPP semantics of an OPM output (default: the interface's)."),
                  tr("copp|opm"))
{
    parser.addOptions({m_device, m_trustRoot, m_crl, m_trustAnchor, m_callTimeout, m_fault, m_scenario, m_connector, m_keys,
                       m_interface, m_semantics});
}

Result<session::OpenedDevice> DeviceOptions::open(const QCommandLineParser& parser) const
{
    bool ok = false;
    const double timeout = parser.value(m_callTimeout).toDouble(&ok);
    // Written so NaN fails too; below a millisecond the deadline would round to 0,
    // which the device client reads as "no deadline".
    if (!ok || !(timeout >= 0.001 && timeout <= 3600))
        return usage(tr("--call-timeout: a number of seconds from 0.001 to 3600"));
    auto spec = session::parseDeviceChoice(parser.value(m_device));
    if (!spec)
        return spec.error();
    const bool emulatorOptions = parser.isSet(m_fault) || parser.isSet(m_scenario) || parser.isSet(m_connector)
        || parser.isSet(m_interface) || parser.isSet(m_semantics);
    if (spec->kind == session::DeviceSpec::Kind::Agent && emulatorOptions)
        return usage(tr("--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; pass them to the agent's own command"));
    if (spec->kind == session::DeviceSpec::Kind::Replay && emulatorOptions)
        return usage(tr("--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; a replay plays what was recorded"));
    if (spec->kind == session::DeviceSpec::Kind::Hardware && emulatorOptions)
        return usage(tr("--fault, --scenario, --connector, --interface and --semantics belong to the built-in emulator; "
                        "choose real hardware as hardware:MONITOR[.OUTPUT][,api=…][,interface=…][,semantics=…]"));
    spec->callTimeoutMs = static_cast<int>(timeout * 1000);
    spec->emulator.faults = parser.values(m_fault);
    spec->emulator.scenario = parser.value(m_scenario);
    spec->emulator.connector = parser.value(m_connector);
    spec->emulator.keyDirectory = parser.value(m_keys);
    spec->emulator.interface = parser.value(m_interface);
    spec->emulator.semantics = parser.value(m_semantics);
    spec->trustRootPath = parser.value(m_trustRoot);
    spec->trustAnchorPath = parser.value(m_trustAnchor);
    if (!m_codecClsid.isEmpty()) {
        spec->emulator.codec = true;
        spec->emulator.clsid = m_codecClsid;
        spec->emulator.merit = m_codecMerit;
    }
    spec->crlPath = parser.value(m_crl);
    return session::openDevice(spec.value());
}

} // namespace copp::cli
