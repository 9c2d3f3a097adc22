// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/transcript.h>

#include <core/session/sessioneventjson.h>

#include <core/session/transcriptblocks.h>

#include <core/util/byteview.h>

#include <QJsonDocument>

#include <algorithm>

namespace copp::session {

namespace {

QString hex(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

} // namespace

void Transcript::setDevice(const device::DeviceDescription& d)
{
    m_device = {{QStringLiteral("name"), QString::fromStdString(d.name)},
                {QStringLiteral("interface"), QString::fromStdString(d.interface)},
                {QStringLiteral("semantics"), QString::fromStdString(d.semantics)},
                {QStringLiteral("role"), QString::fromStdString(d.role)}};
}

namespace {
// Drops the oldest entry after the kept head once `array` is over `limit`.
void trim(QJsonArray& array, qsizetype limit, qsizetype head, qint64& omitted)
{
    if (limit <= 0 || array.size() <= limit)
        return;
    array.removeAt(std::min(head, limit - 1));
    ++omitted;
}
} // namespace

void Transcript::setLimits(qsizetype maxCalls, qsizetype maxEvents, qsizetype head)
{
    m_maxCalls = maxCalls;
    m_maxEvents = maxEvents;
    m_head = head;
}

void Transcript::addCall(QJsonObject call)
{
    m_calls.append(call);
    trim(m_calls, m_maxCalls, m_head, m_callsOmitted);
}

void Transcript::addEvent(const SessionEvent& event)
{
    m_events.append(session::toJson(event));
    trim(m_events, m_maxEvents, m_head, m_eventsOmitted);
}

Result<std::vector<SessionEvent>> Transcript::typedEvents() const
{
    std::vector<SessionEvent> events;
    events.reserve(static_cast<std::size_t>(m_events.size()));
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        auto event = sessionEventFromJson(m_events.at(i).toObject());
        if (!event)
            return makeError(Error::Code::Malformed, "event " + std::to_string(i + 1) + ": " + event.error().detail);
        events.push_back(std::move(event.value()));
    }
    return events;
}

void Transcript::setPolicy(const validation::ValidationPolicy& policy, bool testRoot)
{
    const auto& root = policy.trustRoot;
    m_policy = {{QStringLiteral("trust_root"), QJsonObject{{QStringLiteral("name"), root.name},
                                                           {QStringLiteral("microsoft"), root.isMicrosoft},
                                                           {QStringLiteral("modulus"), hex(root.key.modulus)},
                                                           {QStringLiteral("exponent"), hex(root.key.exponent)}}},
                {QStringLiteral("test_root"), testRoot},
                {QStringLiteral("revocation_list"), policy.revocationList ? QJsonValue(QString::fromLatin1(policy.revocationList->toBase64()))
                                                                          : QJsonValue()}};
    // OPM chains: the X.509 trust anchor, so a replay validates as the recording did.
    if (policy.x509.trustAnchorDer)
        m_policy.insert(QStringLiteral("trust_anchor"),
                        QJsonObject{{QStringLiteral("name"), policy.x509.trustAnchorName},
                                    {QStringLiteral("certificate"), QString::fromLatin1(policy.x509.trustAnchorDer->toBase64())}});
}

void Transcript::appendApplicationRandom(ByteView bytes)
{
    m_random.insert(m_random.end(), bytes.begin(), bytes.end());
}

QJsonObject Transcript::toJson() const
{
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("coppscope-transcript")},
                     {QStringLiteral("version"), 2}, // 2: blocks without trailing zeros (transcriptblocks.h)
                     {QStringLiteral("device"), m_device},
                     {QStringLiteral("calls"), m_calls},
                     {QStringLiteral("events"), m_events}};
    if (!m_policy.isEmpty())
        root.insert(QStringLiteral("policy"), m_policy);
    if (m_callsOmitted > 0)
        root.insert(QStringLiteral("calls_omitted"), m_callsOmitted);
    if (m_eventsOmitted > 0)
        root.insert(QStringLiteral("events_omitted"), m_eventsOmitted);
    if (m_keepRandom)
        root.insert(QStringLiteral("replay"), QJsonObject{{QStringLiteral("random"), hex(m_random)}});
    if (m_startedUtc.isValid())
        root.insert(QStringLiteral("started_utc"), m_startedUtc.toUTC().toString(Qt::ISODateWithMs));
    return root;
}

Result<validation::ValidationPolicy> Transcript::policy() const
{
    const QJsonObject root = m_policy.value(QStringLiteral("trust_root")).toObject();
    if (root.isEmpty())
        return makeError(Error::Code::Malformed, "the transcript records no trust root");
    validation::ValidationPolicy policy;
    if (!root.value(QStringLiteral("microsoft")).toBool()) {
        const auto modulus = QByteArray::fromHex(root.value(QStringLiteral("modulus")).toString().toLatin1());
        const auto exponent = QByteArray::fromHex(root.value(QStringLiteral("exponent")).toString().toLatin1());
        if (modulus.isEmpty() || exponent.isEmpty())
            return makeError(Error::Code::Malformed, "the transcript's trust root has no modulus or exponent");
        const crypto::RsaPublicKey key{Bytes(modulus.begin(), modulus.end()), Bytes(exponent.begin(), exponent.end())};
        auto parsed = validation::TrustRoot::fromKey(key, root.value(QStringLiteral("name")).toString());
        if (!parsed)
            return parsed.error();
        policy.trustRoot = parsed.value();
    }
    const QJsonValue crl = m_policy.value(QStringLiteral("revocation_list"));
    if (crl.isString()) {
        auto decoded = QByteArray::fromBase64Encoding(crl.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return makeError(Error::Code::Malformed, "the transcript's revocation list is not valid base64");
        policy.revocationList = *decoded;
    }
    const QJsonObject anchor = m_policy.value(QStringLiteral("trust_anchor")).toObject();
    if (!anchor.isEmpty()) {
        auto der = QByteArray::fromBase64Encoding(anchor.value(QStringLiteral("certificate")).toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
        if (!der)
            return makeError(Error::Code::Malformed, "the transcript's trust anchor is not valid base64");
        auto x509 = validation::X509Policy::withTrustAnchor(*der, anchor.value(QStringLiteral("name")).toString());
        if (!x509)
            return makeError(Error::Code::Malformed, "the transcript's trust anchor: " + x509.error().detail);
        policy.x509 = x509.value();
    }
    return policy;
}

bool Transcript::recordedTestRoot() const
{
    return m_policy.value(QStringLiteral("test_root")).toBool();
}

void RecordingRandom::fill(std::span<std::uint8_t> out)
{
    m_inner.fill(out);
    m_transcript.appendApplicationRandom(out);
}

Result<Transcript> Transcript::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QStringLiteral("coppscope-transcript"))
        return makeError(Error::Code::Malformed, "not a CoppScope transcript (" + error.errorString().toStdString() + ")");
    // Version 1 wrote every block in full; 2 leaves out their trailing zero bytes.
    if (const QJsonValue version = root.value(QStringLiteral("version"));
        !version.isDouble() || (version.toDouble() != 1 && version.toDouble() != 2))
        return makeError(Error::Code::Malformed, "unsupported transcript version");
    Transcript t;
    t.m_device = root.value(QStringLiteral("device")).toObject();
    t.m_calls = root.value(QStringLiteral("calls")).toArray();
    t.m_events = root.value(QStringLiteral("events")).toArray();
    t.m_policy = root.value(QStringLiteral("policy")).toObject();
    t.m_startedUtc = QDateTime::fromString(root.value(QStringLiteral("started_utc")).toString(), Qt::ISODateWithMs);
    const QJsonValue random = root.value(QStringLiteral("replay")).toObject().value(QStringLiteral("random"));
    if (random.isString()) {
        const QByteArray text = random.toString().toLatin1();
        const QByteArray bytes = QByteArray::fromHex(text);
        if (bytes.size() * 2 != text.size())
            return makeError(Error::Code::Malformed, "the transcript's replay.random is not lowercase hex");
        t.m_random.assign(bytes.begin(), bytes.end());
        t.m_keepRandom = true;
    }
    return t;
}

RecordingDevice::RecordingDevice(device::CoppDevice& inner, Transcript& transcript, Clock clock)
    : m_inner(inner), m_transcript(transcript), m_clock(std::move(clock)), m_origin(m_clock())
{
}

void RecordingDevice::record(const char* method, QJsonObject params, const Error* error, QJsonObject result,
                             std::int64_t startMs)
{
    QJsonObject call{{QStringLiteral("method"), QLatin1String(method)},
                     {QStringLiteral("params"), params},
                     {QStringLiteral("hresult"), qint64(error ? error->hresult : 0)},
                     {QStringLiteral("t_ms"), qint64(startMs - m_origin)},
                     {QStringLiteral("duration_ms"), qint64(m_clock() - startMs)}};
    if (error) {
        call.insert(QStringLiteral("error"), QString::fromStdString(error->detail));
        if (error->code == Error::Code::Timeout)
            call.insert(QStringLiteral("timeout"), true);
        if (m_inner.lost()) // a replay stops calling where this session did
            call.insert(QStringLiteral("lost"), true);
    } else {
        call.insert(QStringLiteral("result"), result);
    }
    m_transcript.addCall(call);
}

device::DeviceDescription RecordingDevice::describe()
{
    const auto d = m_inner.describe();
    m_transcript.setDevice(d);
    return d;
}

Result<device::KeyExchangeReply> RecordingDevice::keyExchange()
{
    const std::int64_t start = m_clock();
    auto r = m_inner.keyExchange();
    QJsonObject result;
    if (r) {
        const QByteArray chain(reinterpret_cast<const char*>(r->certificateChain.data()),
                               static_cast<qsizetype>(r->certificateChain.size()));
        result = {{QStringLiteral("random"), hex(r->driverRandom)},
                  {QStringLiteral("certificateChain"), QString::fromLatin1(chain.toBase64())}};
    }
    record("copp.keyExchange", {}, r ? nullptr : &r.error(), result, start);
    return r;
}

Result<void> RecordingDevice::sessionSequenceStart(const protocol::Signature256& signature)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.sessionSequenceStart(signature);
    record("copp.sessionSequenceStart", {{QStringLiteral("signature"), hex(signature)}}, r ? nullptr : &r.error(), {}, start);
    return r;
}

Result<void> RecordingDevice::protectionCommand(const protocol::Block4096& command)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.protectionCommand(command);
    record("copp.protectionCommand", {{QStringLiteral("command"), compactBlockHex(command)}}, r ? nullptr : &r.error(), {}, start);
    return r;
}

Result<protocol::Block4096> RecordingDevice::protectionStatus(const protocol::Block4096& input)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.protectionStatus(input);
    QJsonObject result;
    if (r)
        result = {{QStringLiteral("output"), compactBlockHex(r.value())}};
    record("copp.protectionStatus", {{QStringLiteral("input"), compactBlockHex(input)}}, r ? nullptr : &r.error(), result, start);
    return r;
}

// The opm.* calls, recorded under the agent protocol's names and encodings.
Result<device::StartInitializationReply> RecordingDevice::startInitialization()
{
    const std::int64_t start = m_clock();
    auto r = m_inner.opm()->startInitialization();
    QJsonObject result;
    if (r) {
        const QByteArray certificate(reinterpret_cast<const char*>(r->certificate.data()),
                                     static_cast<qsizetype>(r->certificate.size()));
        result = {{QStringLiteral("random"), hex(r->driverRandom)},
                  {QStringLiteral("certificate"), QString::fromLatin1(certificate.toBase64())}};
    }
    record("opm.startInitialization", {}, r ? nullptr : &r.error(), result, start);
    return r;
}

Result<void> RecordingDevice::finishInitialization(const protocol::Signature256& parameters)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.opm()->finishInitialization(parameters);
    record("opm.finishInitialization", {{QStringLiteral("parameters"), hex(parameters)}}, r ? nullptr : &r.error(), {}, start);
    return r;
}

Result<protocol::Block4096> RecordingDevice::getInformation(const protocol::Block4112& parameters)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.opm()->getInformation(parameters);
    QJsonObject result;
    if (r)
        result = {{QStringLiteral("information"), compactBlockHex(r.value())}};
    record("opm.getInformation", {{QStringLiteral("parameters"), compactBlockHex(parameters)}}, r ? nullptr : &r.error(), result, start);
    return r;
}

Result<protocol::Block4096> RecordingDevice::coppCompatibleGetInformation(const protocol::Block4096& parameters)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.opm()->coppCompatibleGetInformation(parameters);
    QJsonObject result;
    if (r)
        result = {{QStringLiteral("information"), compactBlockHex(r.value())}};
    record("opm.coppCompatibleGetInformation", {{QStringLiteral("parameters"), compactBlockHex(parameters)}}, r ? nullptr : &r.error(),
           result, start);
    return r;
}

Result<void> RecordingDevice::configure(const protocol::Block4096& parameters, ByteView additional)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.opm()->configure(parameters, additional);
    QJsonObject params{{QStringLiteral("parameters"), compactBlockHex(parameters)}};
    if (!additional.empty())
        params.insert(QStringLiteral("additional"), hex(additional));
    record("opm.configure", params, r ? nullptr : &r.error(), {}, start);
    return r;
}

} // namespace copp::session
