// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/opmemulator.h>
#include <core/device/emulator/statuspayload.h>

#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/sessionstart.h>

#include <algorithm>

namespace copp::device {

using namespace protocol;

namespace {

// §4.3: the OPM requests that are the COPP status requests under the same GUID.
std::optional<StatusRequest> asCoppRequest(OpmInfoRequest request)
{
    switch (request) {
    case OpmInfoRequest::ConnectorType: return StatusRequest::ConnectorType;
    case OpmInfoRequest::SupportedProtectionTypes: return StatusRequest::ProtectionType;
    case OpmInfoRequest::VirtualProtectionLevel: return StatusRequest::LocalLevel;
    case OpmInfoRequest::ActualProtectionLevel: return StatusRequest::GlobalLevel;
    case OpmInfoRequest::AdapterBusType: return StatusRequest::BusData;
    case OpmInfoRequest::ActualOutputFormat: return StatusRequest::DisplayData;
    case OpmInfoRequest::AcpAndCgmsaSignaling: return StatusRequest::Signaling;
    case OpmInfoRequest::ConnectedHdcpDeviceInformation: return StatusRequest::HdcpKeyData;
    default: return std::nullopt;
    }
}

} // namespace

OpmEmulator::OpmEmulator(std::shared_ptr<EmulatedOutput> output, std::shared_ptr<const EmulatorMaterial> material,
                         OpmRole role, std::vector<Fault> faults, std::shared_ptr<ScenarioPlayer> scenario)
    : EmulatorDevice(std::move(faults)), m_output(std::move(output)), m_material(std::move(material)), m_role(role),
      m_scenario(std::move(scenario)), m_session(m_output->openSession())
{
    if (m_role.codec)
        m_role.opmSemantics = true; // "--codec implies --interface opm" (and the codec's X.509 chain)
    if (const Fault* slow = fault(FaultKind::SlowHdcp, 0))
        m_output->setHdcpEngageMs(slow->value.empty() ? 2000 : std::stoll(slow->value));
}

OpmEmulator::~OpmEmulator()
{
    m_output->closeSession(m_session);
}

DeviceDescription OpmEmulator::describe()
{
    const std::string semantics = m_role.opmSemantics ? "opm" : "copp";
    if (m_role.codec)
        return {"CoppScope codec emulator (" + m_role.clsid.toString() + ", merit " + std::to_string(m_role.merit)
                    + ", TEST chain)",
                "opm", "opm", "codec"};
    return {std::string("CoppScope OPM output emulator (") + connectorName(m_output->profile().connector) + ", "
                + semantics + " semantics, TEST chain)",
            "opm", semantics, "output"};
}

Result<KeyExchangeReply> OpmEmulator::keyExchange()
{
    return deviceError(hr::NotImpl, "an OPM device answers no copp.* call");
}

Result<void> OpmEmulator::sessionSequenceStart(const Signature256&)
{
    return deviceError(hr::NotImpl, "an OPM device answers no copp.* call");
}

Result<void> OpmEmulator::protectionCommand(const Block4096&)
{
    return deviceError(hr::NotImpl, "an OPM device answers no copp.* call");
}

Result<Block4096> OpmEmulator::protectionStatus(const Block4096&)
{
    return deviceError(hr::NotImpl, "an OPM device answers no copp.* call");
}

// Scenario time, the state faults of status call `call`, an unplugged monitor,
// then the stall and fail-status faults.
std::optional<Error> OpmEmulator::statusPrelude(std::uint32_t call)
{
    if (auto e = preamble())
        return e;
    applyStateFaults(call, *m_output, m_statusSequence);
    if (!m_output->plugged())
        return deviceError(hr::OpmOutputNoLongerExists, "the monitor was unplugged");
    return stallOrFail(call);
}

std::optional<Error> OpmEmulator::preamble()
{
    if (m_scenario)
        m_scenario->advance(*m_output);
    if (!m_output->plugged())
        return deviceError(hr::OpmOutputNoLongerExists, "the monitor was unplugged");
    return std::nullopt;
}

Result<StartInitializationReply> OpmEmulator::startInitialization()
{
    if (auto e = preamble())
        return *e;
    if (const Fault* f = fault(FaultKind::FailKeyExchange, 1))
        return deviceError(faultHresult(*f, hr::Fail), "fault " + f->spelling);
    // §1.4: "GetRandomNumber (once)".
    if (m_state != State::Created)
        return deviceError(hr::Unexpected, "StartInitialization called twice on one protected output");
    m_random.fill(m_driverRandom);
    m_state = State::RandomIssued;
    const QByteArray& certificate = m_role.opmSemantics ? m_material->opm->certificate : m_material->chain;
    return StartInitializationReply{m_driverRandom, Bytes(certificate.begin(), certificate.end())};
}

Result<void> OpmEmulator::finishInitialization(const Signature256& parameters)
{
    if (auto e = preamble())
        return *e;
    if (const Fault* f = fault(FaultKind::FailSessionStart, 1))
        return deviceError(faultHresult(*f, hr::OpmInvalidEncryptedParameters), "fault " + f->spelling);
    // §1.4: "SetSigningKeyAndSequenceNumbers (once)", after the random.
    if (m_state != State::RandomIssued)
        return deviceError(hr::Unexpected, m_state == State::Initialized ? "FinishInitialization called twice"
                                                                         : "FinishInitialization before StartInitialization");
    // §7.4 (OPM: RSAES-OAEP SHA-512) or §7.1 (COPP semantics: "standard RSA" with the COPP key).
    auto secrets = m_role.opmSemantics ? openOpmInitializationParameters(m_material->opm->leafKey, parameters)
                                       : openCoppSignature(m_material->leafKey, parameters);
    if (!secrets)
        return deviceError(hr::OpmInvalidEncryptedParameters,
                           "the initialization parameters do not decrypt with the leaf key: " + secrets.error().detail);
    // §7.4: "R mismatch -> STATUS_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS"; the codec sample: E_ACCESSDENIED.
    if (secrets->driverRandom != m_driverRandom)
        return deviceError(m_role.codec ? hr::AccessDenied : hr::OpmInvalidEncryptedParameters,
                           "the initialization parameters do not carry the random issued by StartInitialization");
    m_key = secrets->key;
    m_statusSequence = secrets->statusSequence;
    m_commandSequence = secrets->commandSequence;
    m_state = State::Initialized;
    return {};
}

std::uint32_t OpmEmulator::toOutputType(std::uint32_t type) const
{
    return m_role.opmSemantics && type == protection::OpmHdcp ? protection::Hdcp : type;
}

std::uint32_t OpmEmulator::toWireTypes(std::uint32_t types) const
{
    // §4.3: "OPM mode: HDCP=0x08 ...; COPP mode: COPP_COMPATIBLE_HDCP=0x01".
    if (m_role.opmSemantics && (types & protection::Hdcp))
        types = (types & ~protection::Hdcp) | protection::OpmHdcp;
    return types;
}

std::optional<Error> OpmEmulator::checkType(std::uint32_t type) const
{
    // §4.3 / §7.6: "HDCP 0x08 only in OPM mode, 0x01 only in COPP mode".
    const std::uint32_t hdcp = m_role.opmSemantics ? protection::OpmHdcp : protection::Hdcp;
    if (type != hdcp && type != protection::Acp && type != protection::Cgmsa && type != protection::Dpcp)
        return deviceError(hr::InvalidArg, "protection type " + std::to_string(type) + " is not one type of "
                                               + (m_role.opmSemantics ? "OPM" : "COPP") + " semantics");
    if (m_output->profile().protectionTypes & toOutputType(type))
        return std::nullopt;
    const std::uint32_t code = type == hdcp ? hr::OpmOutputDoesNotSupportHdcp
        : type == protection::Acp           ? hr::OpmOutputDoesNotSupportAcp
        : type == protection::Cgmsa         ? hr::OpmOutputDoesNotSupportCgmsa
                                            : hr::InvalidArg;
    return deviceError(code, std::string("protection type ") + protectionTypeName(type) + " is not available on this "
                                 + connectorName(m_output->profile().connector) + " output");
}

Result<Block4096> OpmEmulator::answer(std::uint32_t call, const Guid& guid, const Bytes16& random,
                                      std::uint32_t parametersSize, const std::uint8_t* parameters)
{
    const auto request = opmInfoRequestFromGuid(guid);
    const bool allowed = request && *request != OpmInfoRequest::CodecInfo
        && (m_role.opmSemantics ? allowedInOpmSemantics(*request) : allowedInCoppSemantics(*request));
    if (!allowed)
        return deviceError(hr::OpmInvalidInformationRequest, "information request " + guid.toString() + " is not answered in "
                                                                 + (m_role.opmSemantics ? "OPM" : "COPP") + " semantics");
    const bool levelQuery = *request == OpmInfoRequest::VirtualProtectionLevel || *request == OpmInfoRequest::ActualProtectionLevel;
    if (parametersSize != (levelQuery ? 4u : 0u))
        return deviceError(hr::InvalidArg, std::string(opmInfoRequestName(*request)) + " with cbParametersSize "
                                               + std::to_string(parametersSize));
    const std::uint32_t type = levelQuery ? getU32(parameters) : 0;
    if (levelQuery)
        if (auto e = checkType(type))
            return *e;
    const OutputProfile profile = m_output->profile();
    Bytes payload;
    if (const auto copp = asCoppRequest(*request)) {
        const std::uint32_t flags = m_output->takeStatusFlags(m_session, m_role.opmSemantics);
        payload = statusPayload(*m_output, m_session, *copp, random, flags, toOutputType(type));
        if (*copp == StatusRequest::ProtectionType)
            putU32(payload.data() + 20, toWireTypes(profile.protectionTypes));
    } else {
        // Refusals first: a status event waits for a reply that carries it.
        if (*request == OpmInfoRequest::CurrentHdcpSrmVersion && !(profile.protectionTypes & protection::Hdcp))
            return deviceError(hr::OpmOutputDoesNotSupportHdcp, "this output has no HDCP");
        if (*request == OpmInfoRequest::CurrentHdcpSrmVersion && !m_srmVersion)
            return deviceError(hr::OpmHdcpSrmNeverSet, "no SRM was set with OPM_SET_HDCP_SRM");
        if (*request == OpmInfoRequest::DviCharacteristics && profile.connector != connector::Dvi)
            return deviceError(hr::OpmInvalidInformationRequest, "OPM_GET_DVI_CHARACTERISTICS is for DVI connectors only");
        const std::uint32_t flags = m_output->takeStatusFlags(m_session, m_role.opmSemantics);
        switch (*request) {
        case OpmInfoRequest::CurrentHdcpSrmVersion:
            payload = encode(StatusData{random, flags, *m_srmVersion & 0xFFFFu, 0, 0}); // "SRM version in bits 0-15"
            break;
        case OpmInfoRequest::DviCharacteristics:
            payload = encode(StatusData{random, flags, 2 /* DVI 1.1 or above */, 0, 0});
            break;
        case OpmInfoRequest::OutputId:
            payload = encode(OpmOutputIdData{random, flags, 0x00C0FFEE00000000ull | profile.connector});
            break;
        case OpmInfoRequest::OutputHardwareProtectionSupport:
            payload = encode(StatusData{random, flags, 1 /* supported (§12 Q15) */, 0, 0});
            break;
        default:
            return deviceError(hr::OpmInvalidInformationRequest, "unsupported information request");
        }
    }
    OpmRequestedInformation out;
    out.dataSize = static_cast<std::uint32_t>(payload.size());
    std::copy(payload.begin(), payload.end(), out.status.begin()); // the rest stays zero
    return sealReply(out, m_key, call); // §6.1: OMAC over bytes 16..4095
}

Result<Block4096> OpmEmulator::getInformation(const Block4112& parameters)
{
    const std::uint32_t call = ++m_statusCalls;
    if (auto e = statusPrelude(call))
        return *e;
    if (m_role.codec)
        return codecInformation(parameters);
    // §7.5 driver side order: "check semantics; verify OMAC; verify sequence; produce the reply".
    if (!m_role.opmSemantics)
        return deviceError(hr::OpmOutputLacksOpmSemantics, "GetInformation on a COPP-semantics output");
    if (m_state != State::Initialized)
        return deviceError(hr::Unexpected, "GetInformation before FinishInitialization");
    if (!verifyGetInfoParametersMac(m_key, parameters))
        return deviceError(hr::AccessDenied, "the request's OMAC (bytes 16..4111) does not verify");
    const OpmGetInfoParameters in = decodeGetInfoParameters(parameters);
    if (in.sequence != m_statusSequence)
        return deviceError(hr::InvalidArg, "status sequence number " + std::to_string(in.sequence) + ", expected "
                                               + std::to_string(m_statusSequence));
    auto reply = answer(call, in.information, in.random, in.parametersSize, in.parameters.data());
    if (reply)
        ++m_statusSequence; // display outputs: only on success
    return reply;
}

// Seed 002's CodecMerit::GetInformation, check for check.
Result<Block4096> OpmEmulator::codecInformation(const Block4112& parameters)
{
    if (!verifyGetInfoParametersMac(m_key, parameters))
        return deviceError(hr::AccessDenied, "the request's OMAC does not verify");
    const OpmGetInfoParameters in = decodeGetInfoParameters(parameters);
    // "if (Parameters->ulSequenceNumber != m_StatusSequenceNumber++)": the counter
    // advances once the OMAC verified, whether the call then succeeds or not.
    if (in.sequence != m_statusSequence++)
        return deviceError(hr::AccessDenied, "status sequence number " + std::to_string(in.sequence) + ", expected "
                                                 + std::to_string(m_statusSequence - 1));
    if (!(in.information == guids::GetCodecInfo))
        return deviceError(hr::NotImpl, "a codec answers only OPM_GET_CODEC_INFO");
    const std::uint32_t verifierSize = getU32(in.parameters.data());
    if (in.parametersSize < 4 || in.parametersSize > kCommandDataSize || in.parametersSize - 4 != verifierSize)
        return deviceError(hr::InvalidArg, "cbParametersSize " + std::to_string(in.parametersSize) + " does not hold cbVerifier "
                                               + std::to_string(verifierSize));
    if (verifierSize != 16 || !std::equal(m_role.clsid.bytes.begin(), m_role.clsid.bytes.end(), in.parameters.begin() + 4))
        return deviceError(hr::AccessDenied, "the verifier is not this codec's CLSID");
    // The whole reply zeroed, the random copied, Merit set, cbRequestedInformationSize = 20, then the OMAC.
    OpmRequestedInformation out;
    const Bytes info = encode(OpmGetCodecInfoInformation{in.random, m_role.merit});
    out.dataSize = static_cast<std::uint32_t>(info.size());
    std::copy(info.begin(), info.end(), out.status.begin());
    return sealReply(out, m_key, m_statusCalls);
}

Result<Block4096> OpmEmulator::coppCompatibleGetInformation(const Block4096& parameters)
{
    if (m_role.codec)
        return deviceError(hr::NotImpl, "COPPCompatibleGetInformation is not required for codec merit");
    const std::uint32_t call = ++m_statusCalls;
    if (auto e = statusPrelude(call))
        return *e;
    if (m_role.opmSemantics)
        return deviceError(hr::OpmOutputLacksCoppSemantics, "COPPCompatibleGetInformation on an OPM-semantics output");
    if (m_state != State::Initialized)
        return deviceError(hr::Unexpected, "COPPCompatibleGetInformation before FinishInitialization");
    // OPM_COPP_COMPATIBLE_GET_INFO_PARAMETERS "is not signed": freshness by random and sequence.
    const OpmCoppCompatibleGetInfoParameters in = decodeStatusInput(parameters);
    if (in.sequence != m_statusSequence)
        return deviceError(hr::InvalidArg, "status sequence number " + std::to_string(in.sequence) + ", expected "
                                               + std::to_string(m_statusSequence));
    auto reply = answer(call, in.requestId, in.random, in.dataSize, in.data.data());
    if (reply)
        ++m_statusSequence;
    return reply;
}

Result<void> OpmEmulator::configure(const Block4096& parameters, ByteView additional)
{
    if (m_role.codec)
        return deviceError(hr::NotImpl, "Configure is not required for codec merit");
    if (auto e = preamble())
        return *e;
    const std::uint32_t call = ++m_commands;
    if (const Fault* f = fault(FaultKind::FailCommand, call))
        return deviceError(faultHresult(*f, hr::InvalidArg), "fault " + f->spelling);
    if (m_state != State::Initialized)
        return deviceError(hr::Unexpected, "Configure before FinishInitialization");
    // §7.6: "verify OMAC, sequence, semantics-allowed GUID/type, level range".
    if (!verifyBlockMac(m_key, parameters))
        return deviceError(hr::AccessDenied, "the command's OMAC (bytes 16..4095) does not verify");
    const OpmConfigureParameters command = decodeCommand(parameters);
    if (command.sequence != m_commandSequence)
        return deviceError(hr::InvalidArg, "command sequence number " + std::to_string(command.sequence) + ", expected "
                                               + std::to_string(m_commandSequence));
    if (auto applied = applyConfigure(command, additional); !applied)
        return applied;
    ++m_commandSequence; // display outputs: only on success
    return {};
}

Result<void> OpmEmulator::applyConfigure(const CoppCommand& command, ByteView additional)
{
    const bool srm = command.commandId == guids::SetHdcpSrm;
    const bool level = command.commandId == guids::SetProtectionLevel || command.commandId == guids::SetProtectionLevelCssDvd;
    const bool signaling = command.commandId == guids::SetSignaling;
    if (!(level || signaling || (srm && m_role.opmSemantics)))
        return deviceError(hr::OpmInvalidConfigurationRequest, "configuration " + command.commandId.toString() + " is not answered in "
                                                                   + (m_role.opmSemantics ? "OPM" : "COPP") + " semantics");
    // §4.4: "For COPP semantics the additional buffer must be NULL/0"; only the SRM uses it.
    if (!srm && !additional.empty())
        return deviceError(hr::InvalidArg, "an additional buffer is only for OPM_SET_HDCP_SRM");
    const std::size_t payloadSize = srm ? OpmSetHdcpSrmParameters::kSize : level ? SetProtectionLevel::kSize : SetSignaling::kSize;
    if (command.dataSize < payloadSize || command.dataSize > kCommandDataSize)
        return deviceError(hr::InvalidArg, "cbParametersSize " + std::to_string(command.dataSize) + " for a "
                                               + std::to_string(payloadSize) + "-byte payload");
    const ByteView payload(command.data.data(), command.dataSize);
    if (signaling) {
        m_output->setSignaling(decodeSetSignaling(payload).value());
        return {};
    }
    if (srm) {
        if (!(m_output->profile().protectionTypes & protection::Hdcp))
            return deviceError(hr::OpmOutputDoesNotSupportHdcp, "this output has no HDCP");
        if (additional.empty())
            return deviceError(hr::OpmInvalidSrm, "OPM_SET_HDCP_SRM without the SRM in the additional buffer");
        m_srmVersion = decodeOpmSetHdcpSrmParameters(payload).value().srmVersion;
        return {};
    }
    const SetProtectionLevel set = decodeSetProtectionLevel(payload).value();
    if (auto e = checkType(set.type))
        return *e;
    const std::uint32_t type = toOutputType(set.type);
    if (!isValidLevel(type, set.level))
        return deviceError(hr::InvalidArg, "level " + std::to_string(set.level) + " is out of range for "
                                               + protectionTypeName(set.type));
    m_output->setLevel(m_session, type, set.level);
    return {};
}

} // namespace copp::device
