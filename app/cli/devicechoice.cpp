#include "devicechoice.h"

#include <core/device/agent/agentclient.h>
#include <core/device/emulator/emulatorsetup.h>
#include <core/kernel/protocol/constants.h>
#include <core/util/filereader.h>

#include <QCoreApplication>

namespace copp::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("copp::cli", text);
}
Error usage(const QString& text)
{
    return makeError(Error::Code::Usage, text.toStdString());
}
} // namespace

DeviceOptions::DeviceOptions(QCommandLineParser& parser)
    : m_device(QStringLiteral("device"), tr("emulator (built in), exec:COMMAND (a device agent, cli-contract.md §2) or replay:FILE (a transcript recorded with --reveal-secrets)."),
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
      m_keys(QStringLiteral("keys"), tr("Built-in emulator: keep its test keys in DIR (default: the user's cache folder)."), tr("DIR"))
{
    parser.addOptions({m_device, m_trustRoot, m_crl, m_trustAnchor, m_callTimeout, m_fault, m_scenario, m_connector, m_keys});
}

Result<OpenedDevice> DeviceOptions::open(const QCommandLineParser& parser) const
{
    bool ok = false;
    const double timeout = parser.value(m_callTimeout).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 3600)
        return usage(tr("--call-timeout: a number of seconds above 0"));
    const int callTimeoutMs = static_cast<int>(timeout * 1000);
    const QString choice = parser.value(m_device);

    Result<OpenedDevice> opened = usage(tr("--device: expected emulator, exec:COMMAND or replay:FILE, not \"%1\"").arg(choice));
    const bool emulatorOptions = parser.isSet(m_fault) || parser.isSet(m_scenario) || parser.isSet(m_connector);
    if (choice == u"emulator") {
        opened = openEmulator(parser, callTimeoutMs);
    } else if (choice.startsWith(u"exec:") && choice.size() > 5) {
        if (emulatorOptions)
            return usage(tr("--fault, --scenario and --connector belong to the built-in emulator; pass them to the agent's own command"));
        auto agent = device::AgentDevice::start(choice.mid(5), callTimeoutMs);
        if (!agent)
            return usage(tr("the device agent could not be started: %1").arg(QString::fromStdString(agent.error().detail)));
        // "2 = ... the device could not be started": an agent that exits before
        // answering its first call (e.g. a command that does not exist) never started.
        auto described = agent.value()->describeChecked();
        if (!described && (described.error().code == Error::Code::Io
                           || described.error().detail.find("the device agent exited") != std::string::npos
                           || described.error().detail.find("the device agent crashed") != std::string::npos))
            return usage(tr("the device agent could not be started: %1").arg(QString::fromStdString(described.error().detail)));
        opened = OpenedDevice{std::shared_ptr<device::CoppDevice>(std::move(agent.value())), {}, false, {}};
    } else if (choice.startsWith(u"replay:") && choice.size() > 7) {
        if (emulatorOptions)
            return usage(tr("--fault, --scenario and --connector belong to the built-in emulator; a replay plays what was recorded"));
        opened = openReplay(choice.mid(7));
    }
    if (!opened)
        return opened;
    // Explicit --trust-root / --crl win over the emulator's defaults.
    if (parser.isSet(m_trustRoot)) {
        const QString path = parser.value(m_trustRoot);
        const auto bytes = util::readFileLimited(path, 1024 * 1024);
        if (!bytes)
            return usage(tr("trust root: %1").arg(QString::fromStdString(bytes.error().detail)));
        auto root = validation::TrustRoot::fromRsaKeyValueXml(*bytes, validation::TrustRoot::nameForFile(path));
        if (!root)
            return usage(QString::fromStdString(root.error().detail));
        opened->policy.trustRoot = root.value();
        opened->testRoot = true;
    }
    if (parser.isSet(m_crl)) {
        const auto bytes = util::readFileLimited(parser.value(m_crl));
        if (!bytes)
            return usage(tr("revocation list: %1").arg(QString::fromStdString(bytes.error().detail)));
        opened->policy.revocationList = bytes.value();
    }
    return opened;
}

// The transcript's own trust root and revocation list are the defaults, so a
// replay validates the chain as the recording did.
Result<OpenedDevice> DeviceOptions::openReplay(const QString& path) const
{
    const auto bytes = util::readFileLimited(path, 256 * 1024 * 1024);
    if (!bytes)
        return usage(tr("transcript: %1").arg(QString::fromStdString(bytes.error().detail)));
    auto transcript = session::Transcript::fromJson(bytes.value());
    if (!transcript)
        return usage(tr("transcript %1: %2").arg(path, QString::fromStdString(transcript.error().detail)));
    OpenedDevice opened;
    if (transcript->hasPolicy()) {
        auto policy = transcript->policy();
        if (!policy)
            return usage(tr("transcript %1: %2").arg(path, QString::fromStdString(policy.error().detail)));
        opened.policy = policy.value();
        opened.testRoot = transcript->recordedTestRoot();
    }
    auto replay = session::ReplayDevice::open(std::move(transcript.value()));
    if (!replay)
        return usage(tr("transcript %1: %2").arg(path, QString::fromStdString(replay.error().detail)));
    opened.replay = std::move(replay.value());
    opened.device = opened.replay;
    return opened;
}

Result<OpenedDevice> DeviceOptions::openEmulator(const QCommandLineParser& parser, int callTimeoutMs) const
{
    auto built = device::buildEmulator({parser.values(m_fault), parser.value(m_scenario), parser.value(m_connector),
                                        parser.value(m_keys)});
    if (!built)
        return built.error();
    const auto& [emulator, material] = built.value();
    emulator->setCallDeadlineMs(callTimeoutMs);

    OpenedDevice opened;
    opened.device = emulator;
    // cli-contract.md §3: "With --device emulator ... the default trust root is the emulator's own test root".
    auto root = validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("test root of the built-in emulator"));
    if (!root)
        return usage(QString::fromStdString(root.error().detail));
    opened.policy.trustRoot = root.value();
    opened.policy.revocationList = material->revocationList;
    opened.testRoot = true;
    return opened;
}

} // namespace copp::cli
