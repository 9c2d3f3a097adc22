#include "transcript.h"

#include <QJsonDocument>

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

void Transcript::addCall(QJsonObject call)
{
    m_calls.append(call);
}

void Transcript::addEvent(const QJsonObject& event)
{
    m_events.append(event);
}

QJsonObject Transcript::toJson() const
{
    return {{QStringLiteral("format"), QStringLiteral("coppscope-transcript")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("device"), m_device},
            {QStringLiteral("calls"), m_calls},
            {QStringLiteral("events"), m_events}};
}

Result<Transcript> Transcript::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QStringLiteral("coppscope-transcript"))
        return makeError(Error::Code::Malformed, "not a CoppScope transcript (" + error.errorString().toStdString() + ")");
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return makeError(Error::Code::Malformed, "unsupported transcript version");
    Transcript t;
    t.m_device = root.value(QStringLiteral("device")).toObject();
    t.m_calls = root.value(QStringLiteral("calls")).toArray();
    t.m_events = root.value(QStringLiteral("events")).toArray();
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
    record("copp.protectionCommand", {{QStringLiteral("command"), hex(command)}}, r ? nullptr : &r.error(), {}, start);
    return r;
}

Result<protocol::Block4096> RecordingDevice::protectionStatus(const protocol::Block4096& input)
{
    const std::int64_t start = m_clock();
    auto r = m_inner.protectionStatus(input);
    QJsonObject result;
    if (r)
        result = {{QStringLiteral("output"), hex(r.value())}};
    record("copp.protectionStatus", {{QStringLiteral("input"), hex(input)}}, r ? nullptr : &r.error(), result, start);
    return r;
}

} // namespace copp::session
