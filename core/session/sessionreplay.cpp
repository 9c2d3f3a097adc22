// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessionreplay.h>

#include <core/device/agent/agentprotocol.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/opmstructs.h>

namespace copp::session {

namespace {

using namespace copp::protocol;

Result<Block4096> recordedBlock(const QJsonObject& call, const char* name)
{
    return device::agent::fixedHexField<kBlockSize>(call.value(QStringLiteral("params")).toObject(), QLatin1String(name));
}

// Repeats one recorded ProtectionCommand (or OPM Configure: the same block) through the engine.
std::optional<std::string> replayCommand(SessionEngine& engine, const QJsonObject& call, const char* field)
{
    const auto block = recordedBlock(call, field);
    if (!block)
        return "a recorded command is unreadable: " + block.error().detail;
    const CoppCommand command = decodeCommand(block.value());
    const ByteView payload = ByteView(command.data).first(std::min<std::size_t>(command.dataSize, command.data.size()));
    if (command.commandId == guids::SetProtectionLevel) {
        const auto level = decodeSetProtectionLevel(payload);
        if (!level)
            return "a recorded SetProtectionLevel is unreadable: " + level.error().detail;
        (void)engine.setProtectionLevel(level->type, level->level);
        return std::nullopt;
    }
    if (command.commandId == guids::SetSignaling) {
        const auto signaling = decodeSetSignaling(payload);
        if (!signaling)
            return "a recorded SetSignaling is unreadable: " + signaling.error().detail;
        (void)engine.setSignaling(signaling.value());
        return std::nullopt;
    }
    return "a recorded command has a command GUID the engine does not send (" + command.commandId.toString() + ")";
}

// Repeats one recorded ProtectionStatus (or COPPCompatibleGetInformation: the
// same unsigned block) request through the engine.
std::optional<std::string> replayStatus(SessionEngine& engine, const QJsonObject& call, const char* field)
{
    const auto block = recordedBlock(call, field);
    if (!block)
        return "a recorded status request is unreadable: " + block.error().detail;
    const CoppStatusInput input = decodeStatusInput(block.value());
    const auto request = statusRequestFromGuid(input.requestId);
    if (!request)
        return "a recorded status request has an unknown GUID (" + input.requestId.toString() + ")";
    const std::uint32_t type = input.dataSize == 4 ? getU32(input.data.data()) : 0;
    (void)engine.query(*request, type);
    return std::nullopt;
}

// Repeats one recorded OPM GetInformation (the signed 4112-byte request).
std::optional<std::string> replayGetInformation(SessionEngine& engine, const QJsonObject& call)
{
    const auto block = device::agent::fixedHexField<kGetInfoParametersSize>(call.value(QStringLiteral("params")).toObject(),
                                                                            QLatin1String("parameters"));
    if (!block)
        return "a recorded GetInformation is unreadable: " + block.error().detail;
    const OpmGetInfoParameters in = decodeGetInfoParameters(block.value());
    if (const auto request = statusRequestFromGuid(in.information)) {
        (void)engine.query(*request, in.parametersSize == 4 ? getU32(in.parameters.data()) : 0);
        return std::nullopt;
    }
    const auto request = opmInfoRequestFromGuid(in.information);
    if (!request || in.parametersSize > in.parameters.size())
        return "a recorded GetInformation has a request the engine does not send (" + in.information.toString() + ")";
    (void)engine.queryInformation(in.information, ByteView(in.parameters).first(in.parametersSize), replySize(*request),
                                  opmInfoRequestName(*request));
    return std::nullopt;
}

} // namespace

ReplayOutcome replaySession(SessionEngine& engine, ReplayDevice& device)
{
    ReplayOutcome outcome;
    outcome.callsRecorded = device.recordedCalls();
    if (engine.start()) {
        while (!device.finished() && !device.divergence() && !engine.deviceGone()) {
            const QJsonObject call = *device.nextCall();
            const QString method = call.value(QStringLiteral("method")).toString();
            const int before = device.played();
            std::optional<std::string> problem;
            if (method == u"copp.protectionCommand")
                problem = replayCommand(engine, call, "command");
            else if (method == u"copp.protectionStatus")
                problem = replayStatus(engine, call, "input");
            else if (method == u"opm.configure")
                problem = replayCommand(engine, call, "parameters");
            else if (method == u"opm.coppCompatibleGetInformation")
                problem = replayStatus(engine, call, "parameters");
            else if (method == u"opm.getInformation")
                problem = replayGetInformation(engine, call);
            else
                problem = "call " + std::to_string(before + 1) + " is "
                    + (method.isEmpty() ? std::string("not a device call") : method.toStdString())
                    + ", which a started session does not make (one session per transcript is replayed)";
            if (problem) {
                outcome.divergence = problem;
                break;
            }
            if (device.played() == before && !device.divergence()) { // the engine refused to call (e.g. not started)
                outcome.divergence = "the engine did not repeat recorded call " + std::to_string(before + 1);
                break;
            }
        }
    }
    if (!outcome.divergence && device.divergence())
        outcome.divergence = device.divergence();
    outcome.callsPlayed = device.played();
    // A complete replay ends as the recording did, so its events compare equal.
    QString recordedEnd;
    if (const auto events = device.transcript().typedEvents())
        for (const SessionEvent& event : events.value())
            if (const auto* end = event.as<EndEvent>())
                recordedEnd = end->reason;
    outcome.endReason = outcome.divergence ? QString::fromStdString(*outcome.divergence) : recordedEnd;
    return outcome;
}

std::optional<std::string> firstEventDifference(const QJsonArray& recorded, const QJsonArray& replayed)
{
    auto withoutTime = [](QJsonObject event) {
        event.remove(QStringLiteral("t_ms")); // the replay's clock is the recording's, to the call
        event.remove(QStringLiteral("session_key")); // shown only when asked, recording or replay
        return event;
    };
    const qsizetype common = std::min(recorded.size(), replayed.size());
    for (qsizetype i = 0; i < common; ++i) {
        const QJsonObject was = withoutTime(recorded.at(i).toObject());
        const QJsonObject now = withoutTime(replayed.at(i).toObject());
        if (was == now)
            continue;
        std::string keys;
        for (const QString& key : was.keys() + now.keys())
            if (was.value(key) != now.value(key) && keys.find(key.toStdString()) == std::string::npos)
                keys += (keys.empty() ? "" : ", ") + key.toStdString();
        return "event " + std::to_string(i + 1) + " (" + was.value(QStringLiteral("event")).toString().toStdString()
            + ") differs in " + keys;
    }
    if (recorded.size() != replayed.size())
        return "the recording has " + std::to_string(recorded.size()) + " events, the replay "
            + std::to_string(replayed.size());
    return std::nullopt;
}

} // namespace copp::session
