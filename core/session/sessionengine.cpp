// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessionengine.h>

#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/sessionstart.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/leafkey.h>
#include <core/validation/reportjson.h>
#include <core/validation/x509validator.h>


namespace copp::session {

using namespace protocol;

namespace {

QByteArray bytes(ByteView view)
{
    return QByteArray(reinterpret_cast<const char*>(view.data()), static_cast<qsizetype>(view.size()));
}

// The decoded fields of a reply, for the status event and the session log.
StatusFields decodeFields(StatusRequest request, ByteView payload)
{
    StatusFields f;
    switch (request) {
    case StatusRequest::DisplayData:
        if (auto d = decodeStatusDisplayData(payload)) {
            f.width = d->displayWidth;
            f.height = d->displayHeight;
            f.format = d->format;
            f.d3dFormat = d->d3dFormat;
            f.freqNumerator = d->freqNumerator;
            f.freqDenominator = d->freqDenominator;
        }
        break;
    case StatusRequest::HdcpKeyData:
        if (auto d = decodeStatusHdcpKeyData(payload)) {
            f.repeater = (d->hdcpFlags & kHdcpRepeater) != 0;
            // §12 Q9: the KSV is in the least significant 40 bits, least significant byte first.
            std::uint64_t ksv = 0;
            for (int i = 4; i >= 0; --i)
                ksv = ksv << 8 | d->bKey[static_cast<std::size_t>(i)];
            f.ksv = QStringLiteral("%1").arg(ksv, 10, 16, QLatin1Char('0'));
        }
        break;
    case StatusRequest::Signaling:
        if (auto d = decodeStatusSignaling(payload)) {
            f.availableTvProtectionStandards = d->availableTvProtectionStandards;
            f.activeTvProtectionStandard = d->activeTvProtectionStandard;
            f.aspectRatioValidMask1 = d->aspectRatioValidMask1;
            f.aspectRatioData1 = d->aspectRatioData1;
        }
        break;
    default:
        if (auto d = decodeStatusData(payload)) {
            f.value = d->data;
            if (request == StatusRequest::ConnectorType)
                f.connector = QLatin1String(connectorName(d->data));
        }
        break;
    }
    return f;
}

// An alert's detail: English for the contract, translatable for the window
// (context "copp::session::Alert").
validation::Message alertText(const char* text, QStringList args)
{
    return validation::Message::in("copp::session::Alert", text, std::move(args));
}

// A device's or a call's own words (not translated: they come from outside).
QString text(const Error& error)
{
    return QString::fromStdString(error.detail);
}

// The type as events carry it: COPP values, HDCP 0x01 in both semantics.
quint32 eventType(std::uint32_t wireType)
{
    return wireType == protection::OpmHdcp ? protection::Hdcp : wireType;
}

} // namespace

SessionEngine::SessionEngine(device::CoppDevice& device, SessionOptions options, crypto::RandomSource& random,
                             EventSink sink, Clock clock)
    : m_device(device), m_options(std::move(options)), m_random(random), m_sink(std::move(sink)),
      m_clock(std::move(clock)), m_startMs(m_clock())
{
}

void SessionEngine::emitEvent(EventData data)
{
    if (m_sink)
        m_sink(SessionEvent{now(), std::move(data), {}});
}

void SessionEngine::raise(AlertKind kind, const validation::Message& detail, std::uint32_t hresult)
{
    const QString english = detail.english(); // the contract's detail; the window translates `detail`
    m_alerts.push_back(Alert{kind, english.toStdString(), now(), hresult});
    emitEvent(AlertEvent{kind, english, kind == AlertKind::DeviceError ? std::optional<quint32>(hresult) : std::nullopt,
                         detail});
}

std::optional<Error> SessionEngine::notCallable() const
{
    if (!m_started)
        return makeError(Error::Code::Usage, "the session has not started");
    if (m_stalled)
        return makeError(Error::Code::Usage, "the device is stalled");
    if (m_lost)
        return makeError(Error::Code::Usage, "the device is lost");
    return std::nullopt;
}

QString SessionEngine::deviceGoneReason() const
{
    if (m_stalled)
        return QStringLiteral("device stalled");
    if (m_lost)
        return QStringLiteral("device lost");
    return {};
}

bool SessionEngine::callFailed(const Error& error, const char* call)
{
    // A device that will fail every later call the same way (an agent that exited
    // or went out of step) raises its alert once; then the session stops calling
    // it, as for a stall, instead of raising that alert at every poll.
    m_lost = m_lost || m_device.lost();
    if (error.code == Error::Code::Timeout) {
        // docs/cli.md#the-device-agent-protocol: "a device that misses it is treated as stalled (timeout
        // alert) and is not waited for again".
        m_stalled = true;
        raise(AlertKind::Timeout, alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: %2"), {QLatin1String(call), text(error)}));
        return true;
    }
    if (error.code == Error::Code::Device) {
        raise(AlertKind::DeviceError,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1 failed with %2: %3"),
                        {QLatin1String(call), QString::fromStdString(hresultText(error.hresult)), text(error)}),
              error.hresult);
        return false;
    }
    if (error.code == Error::Code::Malformed || error.code == Error::Code::TooLarge || error.code == Error::Code::Io) {
        // A reply that cannot be used (unreadable, out of step, a missing or short
        // block) fails the call as surely as a failure HRESULT, and the protection it
        // was to set or read is unknown: an alert, not a quiet error line. E_FAIL
        // stands for the HRESULT the device never gave, as for an agent that exits.
        raise(AlertKind::DeviceError,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1 failed: the device's reply cannot be used: %2"),
                        {QLatin1String(call), text(error)}),
              protocol::hr::Fail);
        return false;
    }
    emitEvent(ErrorEvent{QString::fromStdString(std::string(call) + ": " + error.detail)});
    return false;
}

bool SessionEngine::start()
{
    const device::DeviceDescription description = m_device.describe();
    // docs/cli.md#the-device-agent-protocol: "interface says which calls the device answers ...,
    // semantics which certificate and encryption it uses".
    m_opmInterface = (m_forceOpm || description.interface == "opm") && m_device.opm() != nullptr;
    m_opmSemantics = m_opmInterface && (m_forceOpm || description.semantics == "opm");
    m_codec = m_opmInterface && (m_forceOpm || description.role == "codec");
    // §5: "opm.startInitialization is reported as the key_exchange event".
    Result<device::KeyExchangeReply> exchanged = [&]() -> Result<device::KeyExchangeReply> {
        if (!m_opmInterface)
            return m_device.keyExchange();
        auto r = m_device.opm()->startInitialization();
        if (!r)
            return r.error();
        return device::KeyExchangeReply{r->driverRandom, std::move(r->certificate)};
    }();
    if (!exchanged) {
        callFailed(exchanged.error(), m_opmInterface ? "StartInitialization" : "KeyExchange");
        return false;
    }
    KeyExchangeEvent keyEvent{QString::fromStdString(description.name), bytes(exchanged->driverRandom),
                              qint64(exchanged->certificateChain.size()), bytes(exchanged->certificateChain), {}};
    if (m_opmInterface)
        keyEvent.opm = KeyExchangeEvent::OpmRole{m_opmSemantics, QString::fromStdString(description.role)};
    emitEvent(std::move(keyEvent));

    const QByteArray chain(reinterpret_cast<const char*>(exchanged->certificateChain.data()),
                           static_cast<qsizetype>(exchanged->certificateChain.size()));
    // §5: "--trust-root applies to XML (COPP) chains and --trust-anchor to X.509 (OPM) chains".
    m_report = m_opmSemantics ? validation::X509ChainValidator(m_options.policy.x509).validate(chain)
                              : validation::ChainValidator(m_options.policy).validate(chain);
    const validation::StepResult* failure = m_report.firstFailure();
    // §3: "the chain event says that a test root was used": the root this chain was
    // checked against, not whichever option was given (a --trust-anchor says nothing
    // about an XML chain, checked against Microsoft's key).
    const bool testRoot = m_opmSemantics ? m_options.policy.x509.trustAnchorDer.has_value()
                                         : !m_options.policy.trustRoot.isMicrosoft;
    ChainEvent chainEvent{failure == nullptr, m_report.trustRootName, testRoot, m_opmSemantics,
                          failure ? validation::ruleId(failure->rule) : QString(), {}, validation::reportToJson(m_report)};
    for (const validation::StepResult& step : m_report.steps)
        chainEvent.steps.push_back({validation::ruleId(step.rule), step.certificate,
                                    step.outcome == validation::Outcome::Pass   ? ChainStep::Status::Pass
                                        : step.outcome == validation::Outcome::Fail ? ChainStep::Status::Fail
                                                                                    : ChainStep::Status::Skipped});
    emitEvent(std::move(chainEvent));
    if (failure) {
        validation::Message message =
            failure->certificate >= 0
            ? alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "the certificate chain fails %1 in certificate %2: %3"),
                        {validation::ruleId(failure->rule), QString::number(failure->certificate)})
            : alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "the certificate chain fails %1: %2"),
                        {validation::ruleId(failure->rule)});
        message.nested.push_back(failure->detail); // the rule's own finding, translated with it
        raise(AlertKind::ChainInvalid, message);
        return false;
    }
    Result<crypto::RsaPublicKey> leafKey = [&]() -> Result<crypto::RsaPublicKey> {
        if (!m_opmSemantics)
            return validation::leafPublicKey(m_report.document);
        if (auto key = validation::x509LeafKey(m_report))
            return *key;
        return makeError(Error::Code::Crypto, "the X.509 leaf has no RSA key");
    }();
    if (!leafKey) {
        raise(AlertKind::ChainInvalid, alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1"), {text(leafKey.error())}));
        return false;
    }

    // §2: S = driver random | K | status seq | command seq; fresh key and start values.
    SessionSecrets secrets;
    secrets.driverRandom = exchanged->driverRandom;
    m_random.fill(secrets.key);
    std::array<std::uint8_t, 8> starts{};
    m_random.fill(starts);
    secrets.statusSequence = getU32(starts.data());
    secrets.commandSequence = getU32(starts.data() + 4);
    // §7.4 OPM semantics: OAEP-SHA-512 of S in natural order; otherwise the §7.1
    // PKCS#1 block (COPP, and COPP semantics through OPM). Padding from m_random: a replay repeats it.
    auto signature = m_opmSemantics ? buildOpmInitializationParameters(leafKey.value(), secrets, m_random)
                                    : buildCoppSignature(leafKey.value(), secrets, m_random);
    if (!signature) {
        emitEvent(ErrorEvent{QString::fromStdString("cannot build the session-start block: " + signature.error().detail)});
        return false;
    }
    auto sent = m_opmInterface ? m_device.opm()->finishInitialization(signature.value())
                               : m_device.sessionSequenceStart(signature.value());
    if (!sent) {
        callFailed(sent.error(), m_opmInterface ? "FinishInitialization" : "SessionSequenceStart");
        return false;
    }
    m_key = secrets.key;
    m_statusSequence = secrets.statusSequence;
    m_commandSequence = secrets.commandSequence;
    m_started = true;
    // Secrets never appear unless asked for (docs/architecture.md, "Errors").
    emitEvent(SessionStartedEvent{m_statusSequence, m_commandSequence, bytes(signature.value()),
                                  m_options.revealSecrets ? bytes(m_key) : QByteArray()});

    // The connector at session start is the baseline for connector_changed (a codec has none).
    if (!m_codec)
        if (auto connector = query(StatusRequest::ConnectorType); connector && connector->checksPassed)
            m_connector = connector->value;
    return true;
}

std::uint32_t SessionEngine::wireType(std::uint32_t type) const
{
    // docs/cli.md#opm-sessions: "--protect hdcp=1 means OPM_PROTECTION_TYPE_HDCP (0x08) in OPM
    // semantics and COPP_COMPATIBLE_HDCP (0x01) in COPP semantics".
    if (m_opmSemantics && type == protection::Hdcp)
        return protection::OpmHdcp;
    return type;
}

Result<void> SessionEngine::sendCommand(const Block4096& command)
{
    ++m_commands;
    // §7.6: Configure(&c, 0, NULL) except for the SRM, which this engine does not send.
    return m_opmInterface ? m_device.opm()->configure(command, {}) : m_device.protectionCommand(command);
}

Result<void> SessionEngine::setProtectionLevel(std::uint32_t requestedType, std::uint32_t level)
{
    const std::uint32_t type = wireType(requestedType);
    CoppCommand command;
    command.commandId = guids::SetProtectionLevel;
    const Bytes payload = encode(SetProtectionLevel{type, level, 0, 0});
    command.dataSize = static_cast<std::uint32_t>(payload.size());
    std::copy(payload.begin(), payload.end(), command.data.begin());
    CommandEvent e;
    e.type = eventType(type);
    e.level = level;
    auto r = [&]() -> Result<void> {
        if (auto refused = notCallable())
            return *refused;
        command.sequence = m_commandSequence;
        Block4096 block = encode(command);
        signBlock(m_key, block); // §7.3: macKDI = OMAC(K, cmd[16..4096))
        e.sequence = command.sequence;
        e.mac = bytes(ByteView(block).first(16));
        return sendCommand(block);
    }();
    e.ok = r.ok();
    e.hresult = r.ok() ? 0 : r.error().hresult;
    emitEvent(std::move(e));
    if (!r) {
        if (r.error().code != Error::Code::Usage)
            callFailed(r.error(), m_opmInterface ? "Configure(OPM_SET_PROTECTION_LEVEL)" : "ProtectionCommand(SetProtectionLevel)");
        return r;
    }
    ++m_commandSequence; // §7.3 step 3: on success only
    m_requested[type] = Requested{level, now(), false, false, false};
    return {};
}

Result<void> SessionEngine::setSignaling(const SetSignaling& signaling)
{
    if (auto refused = notCallable())
        return *refused;
    CoppCommand command;
    command.commandId = guids::SetSignaling;
    const Bytes payload = encode(signaling);
    command.dataSize = static_cast<std::uint32_t>(payload.size());
    std::copy(payload.begin(), payload.end(), command.data.begin());
    command.sequence = m_commandSequence;
    Block4096 block = encode(command);
    signBlock(m_key, block);
    const auto r = sendCommand(block);
    CommandEvent e;
    e.command = CommandEvent::Command::SetSignaling;
    e.sequence = command.sequence;
    e.ok = r.ok();
    e.hresult = r.ok() ? 0 : r.error().hresult;
    emitEvent(std::move(e));
    if (!r) {
        callFailed(r.error(), m_opmInterface ? "Configure(OPM_SET_ACP_AND_CGMSA_SIGNALING)" : "ProtectionCommand(SetSignaling)");
        return r;
    }
    ++m_commandSequence;
    return {};
}

Result<Block4096> SessionEngine::statusCall(const Bytes16& random, const Guid& request, std::uint32_t sequence,
                                            ByteView parameters)
{
    if (m_opmSemantics) {
        // §7.5: the 4112-byte OPM_GET_INFO_PARAMETERS, OMAC over bytes 16..4111.
        OpmGetInfoParameters in;
        in.random = random;
        in.information = request;
        in.sequence = sequence;
        in.parametersSize = static_cast<std::uint32_t>(parameters.size());
        std::copy(parameters.begin(), parameters.end(), in.parameters.begin());
        Block4112 block = encode(in);
        signGetInfoParameters(m_key, block);
        return m_device.opm()->getInformation(block);
    }
    // §7.2 step 1 (and COPPCompatibleGetInformation: "the same ... no MAC").
    CoppStatusInput in;
    in.random = random;
    in.requestId = request;
    in.sequence = sequence;
    in.dataSize = static_cast<std::uint32_t>(parameters.size());
    std::copy(parameters.begin(), parameters.end(), in.data.begin());
    return m_opmInterface ? m_device.opm()->coppCompatibleGetInformation(encode(in)) : m_device.protectionStatus(encode(in));
}

Result<StatusReply> SessionEngine::query(StatusRequest request, std::uint32_t protectionType)
{
    std::array<std::uint8_t, 4> type{};
    putU32(type.data(), protectionType);
    const ByteView parameters = requestDataSize(request) == 4 ? ByteView(type) : ByteView();
    return runQuery(statusRequestGuid(request), request, parameters, replySize(request), statusRequestName(request),
                    protectionType);
}

Result<StatusReply> SessionEngine::queryInformation(const Guid& request, ByteView parameters, std::size_t expectedSize,
                                                    const char* name)
{
    if (parameters.size() > kCommandDataSize)
        return makeError(Error::Code::Usage, "the parameters are longer than 4056 bytes");
    return runQuery(request, statusRequestFromGuid(request), parameters, expectedSize, name, 0);
}

Result<StatusReply> SessionEngine::runQuery(const Guid& guid, std::optional<StatusRequest> request, ByteView parameters,
                                            std::size_t expectedSize, const char* name, std::uint32_t protectionType)
{
    if (auto refused = notCallable())
        return *refused;
    // Fresh random, current status sequence; the parameters (e.g. the u32 type) follow.
    Bytes16 random{};
    m_random.fill(random);
    const std::uint32_t sequence = m_statusSequence;
    ++m_statusCalls;
    StatusEvent e;
    e.requestName = QLatin1String(name);
    e.request = request;
    e.sequence = sequence;
    if (request && requestDataSize(*request) == 4)
        e.type = eventType(protectionType);
    auto output = statusCall(random, guid, sequence, parameters);
    if (!output) {
        e.ok = false;
        e.hresult = output.error().hresult;
        emitEvent(std::move(e));
        callFailed(output.error(), m_opmSemantics ? "GetInformation" : m_opmInterface ? "COPPCompatibleGetInformation" : "ProtectionStatus");
        return output.error(); // §7.2 step 2 / §7.5 step 5: the sequence number is re-used
    }
    // The driver accepted the request and advanced its counter: so do we (§2).
    ++m_statusSequence;

    StatusReply reply;
    if (request)
        reply.request = *request;
    reply.guid = guid;
    reply.raw = output.value();
    const CoppStatusOutput out = decodeStatusOutput(reply.raw);
    // §7.2 step 3-4 / §7.5 step 4: MAC over bytes 16..4095, then size, then the random echo, then flags.
    const bool macOk = verifyBlockMac(m_key, reply.raw);
    const bool sizeOk = out.dataSize == expectedSize;
    const bool randomOk = std::equal(random.begin(), random.end(), out.status.begin());
    const ByteView payload(out.status.data(), std::min<std::size_t>(out.status.size(), expectedSize));
    // OPM_GET_CODEC_INFO_INFORMATION is {rnRandomNumber, Merit}: no status flags (§3.3).
    const bool codecInfo = guid == guids::GetCodecInfo;
    reply.flags = codecInfo ? 0 : getU32(out.status.data() + 16);
    reply.value = getU32(out.status.data() + (codecInfo ? 16 : 20));
    if (request)
        reply.fields = decodeFields(*request, payload);
    if (codecInfo)
        reply.fields.merit = reply.value;
    reply.checksPassed = macOk && sizeOk && randomOk;
    reply.macOk = macOk;
    reply.sizeOk = sizeOk;
    reply.randomOk = randomOk;
    e.ok = true;
    e.flags = reply.flags;
    e.size = out.dataSize;
    e.checks = {macOk, sizeOk, randomOk};
    e.fields = reply.fields;
    emitEvent(std::move(e));

    const QString what = QLatin1String(name);
    if (!macOk)
        raise(AlertKind::MacMismatch,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: the reply's OMAC does not verify with the session key"), {what}));
    if (!sizeOk)
        raise(AlertKind::SizeMismatch,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: the reply's size field is %2, expected %3"),
                        {what, QString::number(out.dataSize), QString::number(expectedSize)}));
    if (!randomOk)
        raise(AlertKind::RandomMismatch,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: the reply does not echo the request's random number"), {what}));
    if (!reply.checksPassed)
        return reply; // nothing in an unauthenticated reply is believed
    if (reply.flags & status::LinkLost)
        raise(AlertKind::LinkLost, alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: status flags carry LinkLost"), {what}));
    if (reply.flags & status::RenegotiationRequired)
        raise(AlertKind::RenegotiationRequired,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: status flags carry RenegotiationRequired"), {what}));
    // §5.3: OPM_STATUS_TAMPERING_DETECTED and REVOKED_HDCP_DEVICE_ATTACHED are OPM's
    // (COPP_StatusFlagsReserved = 0xFFFFFFFC: a COPP device never sets them).
    if (m_opmSemantics && (reply.flags & status::RevokedHdcpDeviceAttached))
        raise(AlertKind::RevokedDevice,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: status flags carry REVOKED_HDCP_DEVICE_ATTACHED"), {what}));
    if (m_opmSemantics && (reply.flags & status::TamperingDetected))
        raise(AlertKind::Tampering,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1: status flags carry TAMPERING_DETECTED"), {what}));
    if (request == StatusRequest::ConnectorType && m_connector && *m_connector != reply.value) {
        raise(AlertKind::ConnectorChanged,
              alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "the connector changed from %1 to %2"),
                        {QLatin1String(connectorName(*m_connector)), QLatin1String(connectorName(reply.value))}));
        m_connector = reply.value; // one alert per change
    }
    if (request == StatusRequest::LocalLevel)
        checkLevel(protectionType, "local", reply.value);
    if (request == StatusRequest::GlobalLevel)
        checkLevel(protectionType, "global", reply.value);
    return reply;
}

// level_drop: "a polled level is below the level this session asked for". The
// global level may lag a command (HDCP takes time to engage): it counts once it
// has reached the level, or after the grace period.
void SessionEngine::checkLevel(std::uint32_t type, const char* which, std::uint32_t level)
{
    const auto it = m_requested.find(type);
    if (it == m_requested.end())
        return;
    Requested& r = it->second;
    const bool below = levelPrecedence(type, level) < levelPrecedence(type, r.level);
    const bool global = std::string(which) == "global";
    bool& alerted = global ? r.globalDropAlerted : r.localDropAlerted;
    if (!below) {
        if (global)
            r.reached = true;
        alerted = false; // re-armed for the next drop
        return;
    }
    if (global && !r.reached && now() - r.sinceMs < m_options.levelGraceMs)
        return;
    if (!alerted) {
        alerted = true;
        const QStringList args{QLatin1String(protectionTypeName(type)), QString::number(level), QString::number(r.level)};
        raise(AlertKind::LevelDrop,
              global ? alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1 global level is %2, below the %3 this session asked for"), args)
                     : alertText(QT_TRANSLATE_NOOP("copp::session::Alert", "%1 local level is %2, below the %3 this session asked for"), args));
    }
}

void SessionEngine::poll()
{
    if (!m_started || deviceGone() || m_codec) // a codec answers OPM_GET_CODEC_INFO only
        return;
    (void)query(StatusRequest::ConnectorType);
    for (const auto& entry : m_requested) { // queries update entries, never add or remove them
        const std::uint32_t type = entry.first;
        if (deviceGone())
            return;
        (void)query(StatusRequest::LocalLevel, type);
        if (deviceGone())
            return;
        (void)query(StatusRequest::GlobalLevel, type);
    }
}

void SessionEngine::finish(const QString& reason)
{
    if (m_finished)
        return;
    m_finished = true;
    emitEvent(EndEvent{reason.isEmpty() ? QStringLiteral("finished") : reason, m_started, static_cast<int>(m_alerts.size()),
                       m_statusCalls, m_commands});
}

} // namespace copp::session
