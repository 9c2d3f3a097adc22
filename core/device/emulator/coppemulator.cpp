// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/coppemulator.h>
#include <core/device/emulator/statuspayload.h>

#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/sessionstart.h>

#include <algorithm>

namespace copp::device {

using namespace protocol;

namespace {

bool isSingleKnownType(std::uint32_t type)
{
    return type == protection::Hdcp || type == protection::Acp || type == protection::Cgmsa || type == protection::Dpcp;
}

} // namespace

CoppEmulator::CoppEmulator(std::shared_ptr<EmulatedOutput> output, std::shared_ptr<const EmulatorMaterial> material,
                           std::vector<Fault> faults, std::shared_ptr<ScenarioPlayer> scenario)
    : EmulatorDevice(std::move(faults)), m_output(std::move(output)), m_material(std::move(material)),
      m_scenario(std::move(scenario)), m_session(m_output->openSession())
{
    if (const Fault* slow = fault(FaultKind::SlowHdcp, 0))
        m_output->setHdcpEngageMs(slow->value.empty() ? 2000 : std::stoll(slow->value));
}

CoppEmulator::~CoppEmulator()
{
    m_output->closeSession(m_session);
}

DeviceDescription CoppEmulator::describe()
{
    return {std::string("CoppScope driver emulator (") + connectorName(m_output->profile().connector) + ", TEST chain)",
            "copp", "copp", "output"};
}

std::optional<Error> CoppEmulator::unpluggedError() const
{
    if (m_output->plugged())
        return std::nullopt;
    return deviceError(hr::NoMonitorsCorrespond, "the monitor was unplugged");
}

Result<KeyExchangeReply> CoppEmulator::keyExchange()
{
    if (m_scenario)
        m_scenario->advance(*m_output);
    if (auto e = unpluggedError())
        return *e;
    if (const Fault* f = fault(FaultKind::FailKeyExchange, 1))
        return deviceError(faultHresult(*f, hr::Fail), "fault " + f->spelling);
    // §1.4: GetCertificateLength then KeyExchange, once, from COPP_OPENED.
    if (m_state != State::Opened)
        return deviceError(hr::Unexpected, "KeyExchange out of order: the session already exchanged keys");
    m_random.fill(m_driverRandom);
    m_state = State::KeyExchanged;
    return KeyExchangeReply{m_driverRandom, Bytes(m_material->chain.begin(), m_material->chain.end())};
}

Result<void> CoppEmulator::sessionSequenceStart(const Signature256& signature)
{
    if (m_scenario)
        m_scenario->advance(*m_output);
    if (auto e = unpluggedError())
        return *e;
    if (const Fault* f = fault(FaultKind::FailSessionStart, 1))
        return deviceError(faultHresult(*f, hr::Unexpected), "fault " + f->spelling);
    // §1.4: SequenceStart exactly once, after KeyExchange; otherwise E_UNEXPECTED.
    if (m_state != State::KeyExchanged)
        return deviceError(hr::Unexpected, m_state == State::Active ? "second SessionSequenceStart"
                                                                     : "SessionSequenceStart before KeyExchange");
    auto secrets = openCoppSignature(m_material->leafKey, signature);
    if (!secrets)
        return deviceError(hr::Unexpected, "the signature does not decrypt to a PKCS#1 v1.5 block of at least 40 bytes with the leaf key: "
                                               + secrets.error().detail);
    // §7.1: "compare S[0..16) with the issued driver random (mismatch -> XP: E_UNEXPECTED)".
    if (secrets->driverRandom != m_driverRandom)
        return deviceError(hr::Unexpected, "the session-start block does not carry the random issued by KeyExchange");
    m_key = secrets->key;
    m_statusSequence = secrets->statusSequence;
    m_commandSequence = secrets->commandSequence;
    m_state = State::Active;
    return {};
}

Result<void> CoppEmulator::protectionCommand(const Block4096& block)
{
    if (m_scenario)
        m_scenario->advance(*m_output);
    if (auto e = unpluggedError())
        return *e;
    const std::uint32_t call = ++m_commands;
    if (const Fault* f = fault(FaultKind::FailCommand, call))
        return deviceError(faultHresult(*f, hr::InvalidArg), "fault " + f->spelling);
    // §4.4, in the DDK sample's order.
    if (m_state != State::Active)
        return deviceError(hr::Unexpected, "ProtectionCommand before the session started");
    const CoppCommand command = decodeCommand(block);
    if (command.sequence != m_commandSequence)
        return deviceError(hr::InvalidArg, "command sequence number " + std::to_string(command.sequence) + ", expected "
                                               + std::to_string(m_commandSequence));
    std::size_t payloadSize = 0;
    if (command.commandId == guids::SetProtectionLevel)
        payloadSize = SetProtectionLevel::kSize;
    else if (command.commandId == guids::SetSignaling)
        payloadSize = SetSignaling::kSize;
    else
        return deviceError(hr::InvalidArg, "unknown command " + command.commandId.toString());
    if (command.dataSize < payloadSize || command.dataSize > kCommandDataSize)
        return deviceError(hr::InvalidArg, "cbSizeData " + std::to_string(command.dataSize) + " for a "
                                               + std::to_string(payloadSize) + "-byte payload");
    // §6.1: the MAC covers bytes 16..4095. A bad MAC is E_UNEXPECTED (the sample's choice).
    if (!verifyBlockMac(m_key, block))
        return deviceError(hr::Unexpected, "the command's OMAC does not verify");
    if (auto applied = applyCommand(command); !applied)
        return applied;
    ++m_commandSequence; // only on success (wraps at 2^32)
    return {};
}

Result<void> CoppEmulator::applyCommand(const CoppCommand& command)
{
    const ByteView payload(command.data.data(), command.dataSize);
    if (command.commandId == guids::SetSignaling) {
        m_output->setSignaling(decodeSetSignaling(payload).value());
        return {};
    }
    const SetProtectionLevel set = decodeSetProtectionLevel(payload).value();
    const OutputProfile profile = m_output->profile();
    if (!isSingleKnownType(set.type) || !(profile.protectionTypes & set.type))
        return deviceError(hr::InvalidArg, std::string("protection type ") + protectionTypeName(set.type) + " ("
                                               + std::to_string(set.type) + ") is not available on this "
                                               + connectorName(profile.connector) + " output");
    if (!isValidLevel(set.type, set.level))
        return deviceError(hr::InvalidArg, "level " + std::to_string(set.level) + " is out of range for "
                                               + protectionTypeName(set.type));
    m_output->setLevel(m_session, set.type, set.level);
    return {};
}

Result<Block4096> CoppEmulator::protectionStatus(const Block4096& block)
{
    if (m_scenario)
        m_scenario->advance(*m_output);
    const std::uint32_t call = ++m_statusCalls;
    applyStateFaults(call, *m_output, m_statusSequence);
    if (auto e = unpluggedError())
        return *e;
    if (auto e = stallOrFail(call))
        return *e;
    if (m_state != State::Active)
        return deviceError(hr::Unexpected, "ProtectionStatus before the session started");
    const CoppStatusInput in = decodeStatusInput(block);
    // §7.2 driver side: sequence (E_INVALIDARG), then cbSizeData per request.
    if (in.sequence != m_statusSequence)
        return deviceError(hr::InvalidArg, "status sequence number " + std::to_string(in.sequence) + ", expected "
                                               + std::to_string(m_statusSequence));
    const auto request = statusRequestFromGuid(in.requestId);
    CoppStatusOutput out;
    if (!request) {
        // The DDK sample answers an unknown GUID with success, cbSizeData 0 and a valid MAC.
        ++m_statusSequence;
        Block4096 reply = encode(out);
        signBlock(m_key, reply);
        return reply;
    }
    if (in.dataSize != requestDataSize(*request))
        return deviceError(hr::InvalidArg, std::string(statusRequestName(*request)) + " with cbSizeData "
                                               + std::to_string(in.dataSize));
    if (requestDataSize(*request) == 4) {
        const std::uint32_t type = getU32(in.data.data());
        if (!isSingleKnownType(type) || !(m_output->profile().protectionTypes & type))
            return deviceError(hr::InvalidArg, std::string("protection type ") + protectionTypeName(type)
                                                   + " is not available on this output");
    }
    const std::uint32_t flags = m_output->takeStatusFlags(m_session, false);
    const Bytes reply = statusPayload(*m_output, m_session, *request, in.random, flags, getU32(in.data.data()));
    out.dataSize = static_cast<std::uint32_t>(reply.size());
    std::copy(reply.begin(), reply.end(), out.status.begin()); // the rest stays zero
    const Block4096 result = sealReply(out, m_key, call);
    ++m_statusSequence; // only on success
    return result;
}

} // namespace copp::device
