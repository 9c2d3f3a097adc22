// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/deviceopener.h>
#include <core/session/sessiontr.h>

#include <core/device/agent/agentclient.h>
#include <core/device/hardwaredevice.h>
#include <core/util/filereader.h>

#include <QCoreApplication>

namespace copp::session {

namespace {

Error usage(const QString& text)
{
    return makeError(Error::Code::Usage, text.toStdString());
}

Error notStarted(const QString& text)
{
    return makeError(Error::Code::Io, text.toStdString());
}

QString text(const Error& error)
{
    return QString::fromStdString(error.detail);
}

Result<OpenedDevice> openEmulator(const DeviceSpec& spec)
{
    auto built = device::buildEmulator(spec.emulator);
    if (!built)
        return built.error();
    const auto& [emulator, material] = built.value();
    emulator->setCallDeadlineMs(spec.callTimeoutMs);

    OpenedDevice opened;
    opened.device = emulator;
    opened.emulator = emulator;
    // docs/cli.md#session: "With --device emulator ... the default trust root is the emulator's own test root".
    auto root = validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("test root of the built-in emulator"));
    if (!root)
        return usage(text(root.error()));
    opened.policy.trustRoot = root.value();
    opened.policy.revocationList = material->revocationList;
    if (material->opm) {
        auto anchor = validation::X509Policy::withTrustAnchor(material->opm->trustAnchorPem,
                                                              QStringLiteral("test root of the built-in emulator"));
        if (!anchor)
            return usage(text(anchor.error()));
        opened.policy.x509 = anchor.value();
    }
    opened.testRoot = true;
    return opened;
}

Result<OpenedDevice> openAgent(const DeviceSpec& spec)
{
    auto agent = device::AgentDevice::start(spec.agentCommand, spec.callTimeoutMs,
                                            spec.discardAgentStderr ? device::AgentDevice::Stderr::Discard
                                                                    : device::AgentDevice::Stderr::Forward);
    if (!agent)
        return notStarted(tr("the device agent could not be started: %1").arg(text(agent.error())));
    // "2 = ... the device could not be started": an agent that exits before
    // answering its first call (e.g. a command that does not exist) never started.
    auto described = agent.value()->describeChecked();
    if (!described && (described.error().code == Error::Code::Io
                       || described.error().detail.find("the device agent exited") != std::string::npos
                       || described.error().detail.find("the device agent crashed") != std::string::npos))
        return notStarted(tr("the device agent could not be started: %1").arg(text(described.error())));
    OpenedDevice opened;
    opened.device = std::shared_ptr<device::CoppDevice>(std::move(agent.value()));
    return opened;
}

// The transcript's own trust root and revocation list are the defaults, so a
// replay validates the chain as the recording did.
Result<OpenedDevice> openReplay(const DeviceSpec& spec)
{
    const QString& path = spec.replayPath;
    const auto bytes = util::readFileLimited(path, 256 * 1024 * 1024);
    if (!bytes)
        return usage(tr("transcript: %1").arg(text(bytes.error())));
    auto transcript = Transcript::fromJson(bytes.value());
    if (!transcript)
        return usage(tr("transcript %1: %2").arg(path, text(transcript.error())));
    OpenedDevice opened;
    if (transcript->hasPolicy()) {
        auto policy = transcript->policy();
        if (!policy)
            return usage(tr("transcript %1: %2").arg(path, text(policy.error())));
        opened.policy = policy.value();
        opened.testRoot = transcript->recordedTestRoot();
    }
    auto replay = ReplayDevice::open(std::move(transcript.value()));
    if (!replay)
        return usage(tr("transcript %1: %2").arg(path, text(replay.error())));
    opened.replay = std::move(replay.value());
    opened.device = opened.replay;
    return opened;
}

// Windows hardware in process: the session thread opens it, so COM
// lives on the thread that uses it.
Result<OpenedDevice> openHardware(const DeviceSpec& spec)
{
    auto selection = device::parseHardwareSelection(spec.hardware.toStdString());
    if (!selection)
        return usage(text(selection.error()));
    auto device = device::openHardware(selection.value());
    if (!device)
        return usage(text(device.error()));
    OpenedDevice opened;
    opened.device = std::shared_ptr<device::CoppDevice>(std::move(device.value()));
    return opened;
}

} // namespace

Result<DeviceSpec> parseDeviceChoice(const QString& choice)
{
    DeviceSpec spec;
    if (choice == u"emulator")
        spec.kind = DeviceSpec::Kind::Emulator;
    else if (choice.startsWith(u"exec:") && choice.size() > 5) {
        spec.kind = DeviceSpec::Kind::Agent;
        spec.agentCommand = choice.mid(5);
    } else if (choice.startsWith(u"replay:") && choice.size() > 7) {
        spec.kind = DeviceSpec::Kind::Replay;
        spec.replayPath = choice.mid(7);
    } else if (choice.startsWith(u"hardware:") && choice.size() > 9) {
        spec.kind = DeviceSpec::Kind::Hardware;
        spec.hardware = choice.mid(9);
    } else
        return usage(tr("--device: expected emulator, exec:COMMAND, replay:FILE or hardware:MONITOR (Windows), not \"%1\"").arg(choice));
    return spec;
}

Result<OpenedDevice> openDevice(const DeviceSpec& spec)
{
    Result<OpenedDevice> opened = spec.kind == DeviceSpec::Kind::Emulator ? openEmulator(spec)
        : spec.kind == DeviceSpec::Kind::Agent                           ? openAgent(spec)
        : spec.kind == DeviceSpec::Kind::Hardware                        ? openHardware(spec)
                                                                         : openReplay(spec);
    if (!opened)
        return opened;
    // Explicit trust root / revocation list files win over the defaults.
    if (!spec.trustRootPath.isEmpty()) {
        const auto bytes = util::readFileLimited(spec.trustRootPath, 1024 * 1024);
        if (!bytes)
            return usage(tr("trust root: %1").arg(text(bytes.error())));
        auto root = validation::TrustRoot::fromRsaKeyValueXml(*bytes, validation::TrustRoot::nameForFile(spec.trustRootPath));
        if (!root)
            return usage(text(root.error()));
        opened->policy.trustRoot = root.value();
        opened->testRoot = true;
    }
    // docs/cli.md#opm-sessions: "--trust-anchor applies to X.509 (OPM) chains".
    if (!spec.trustAnchorPath.isEmpty()) {
        auto anchor = validation::X509Policy::withTrustAnchorFile(spec.trustAnchorPath);
        if (!anchor)
            return usage(tr("trust anchor: %1").arg(text(anchor.error())));
        opened->policy.x509 = anchor.value(); // recorded as the transcript's trust_anchor
    }
    if (!spec.crlPath.isEmpty()) {
        const auto bytes = util::readFileLimited(spec.crlPath);
        if (!bytes)
            return usage(tr("revocation list: %1").arg(text(bytes.error())));
        opened->policy.revocationList = bytes.value();
    }
    return opened;
}

QList<SessionEvent> deviceNotStartedEvents(const QString& detail)
{
    return {SessionEvent{0, ErrorEvent{detail}, {}}, endEvent(0, QStringLiteral("the device could not be started"))};
}

} // namespace copp::session
