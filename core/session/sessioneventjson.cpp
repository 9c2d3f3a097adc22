// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessioneventjson.h>

#include <core/kernel/protocol/constants.h>

#include <QJsonValue>

#include <type_traits>

namespace copp::session {

namespace {

using protocol::StatusRequest;

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QString typeName(quint32 type)
{
    return QLatin1String(protocol::protectionTypeName(type));
}

// "hdcp" is 0x01 here whatever the semantics (sessionevent.h: COPP values).
quint32 typeFromName(const QString& name)
{
    const std::string n = name.toStdString();
    if (auto t = protocol::protectionTypeFromName(n))
        return *t;
    if (auto t = protocol::opmProtectionTypeFromName(n, true))
        return *t;
    return protocol::protection::Unknown;
}

void putFields(QJsonObject& e, const StatusFields& f)
{
    auto put = [&](const char* key, const std::optional<quint32>& v) {
        if (v)
            e.insert(QLatin1String(key), qint64(*v));
    };
    put("value", f.value);
    if (!f.connector.isEmpty())
        e.insert(QStringLiteral("connector"), f.connector);
    put("width", f.width);
    put("height", f.height);
    put("format", f.format);
    put("d3d_format", f.d3dFormat);
    put("freq_numerator", f.freqNumerator);
    put("freq_denominator", f.freqDenominator);
    if (f.repeater)
        e.insert(QStringLiteral("repeater"), *f.repeater);
    if (!f.ksv.isEmpty())
        e.insert(QStringLiteral("ksv"), f.ksv);
    put("available_tv_protection_standards", f.availableTvProtectionStandards);
    put("active_tv_protection_standard", f.activeTvProtectionStandard);
    put("aspect_ratio_valid_mask1", f.aspectRatioValidMask1);
    put("aspect_ratio_data1", f.aspectRatioData1);
    put("merit", f.merit);
}

QJsonObject body(const KeyExchangeEvent& k)
{
    QJsonObject e{{QStringLiteral("device"), k.device},
                  {QStringLiteral("driver_random"), hex(k.driverRandom)},
                  {QStringLiteral("certificate_bytes"), k.certificateBytes}};
    if (k.opm) {
        e.insert(QStringLiteral("interface"), QStringLiteral("opm"));
        e.insert(QStringLiteral("semantics"), k.opm->opmSemantics ? QStringLiteral("opm") : QStringLiteral("copp"));
        e.insert(QStringLiteral("role"), k.opm->role);
    }
    return e;
}

QJsonObject body(const ChainEvent& c)
{
    return {{QStringLiteral("valid"), c.valid},
            {QStringLiteral("trust_root"), c.trustRoot},
            {QStringLiteral("test_root"), c.testRoot},
            {QStringLiteral("format"), c.x509 ? QStringLiteral("x509") : QStringLiteral("copp-xml")},
            {QStringLiteral("report"), c.reportJson},
            {QStringLiteral("first_failure"), c.firstFailure.isEmpty() ? QJsonValue() : QJsonValue(c.firstFailure)}};
}

QJsonObject body(const SessionStartedEvent& s)
{
    QJsonObject e{{QStringLiteral("status_sequence"), qint64(s.statusSequence)},
                  {QStringLiteral("command_sequence"), qint64(s.commandSequence)},
                  {QStringLiteral("signature"), hex(s.signature)}};
    if (!s.sessionKey.isEmpty()) // ARCHITECTURE "Errors": only when secrets are revealed
        e.insert(QStringLiteral("session_key"), hex(s.sessionKey));
    return e;
}

QJsonObject body(const CommandEvent& c)
{
    QJsonObject e{{QStringLiteral("ok"), c.ok}, {QStringLiteral("hresult"), qint64(c.hresult)}};
    if (c.sequence)
        e.insert(QStringLiteral("sequence"), qint64(*c.sequence));
    if (c.command == CommandEvent::Command::SetSignaling) {
        e.insert(QStringLiteral("command"), QStringLiteral("set_signaling"));
        return e;
    }
    e.insert(QStringLiteral("command"), QStringLiteral("set_protection_level"));
    e.insert(QStringLiteral("type"), typeName(c.type));
    e.insert(QStringLiteral("level"), qint64(c.level));
    if (!c.mac.isEmpty())
        e.insert(QStringLiteral("mac"), hex(c.mac));
    return e;
}

QJsonObject body(const StatusEvent& s)
{
    QJsonObject e{{QStringLiteral("request"), s.requestName},
                  {QStringLiteral("sequence"), qint64(s.sequence)},
                  {QStringLiteral("ok"), s.ok},
                  {QStringLiteral("hresult"), qint64(s.hresult)}};
    if (s.type)
        e.insert(QStringLiteral("type"), typeName(*s.type));
    if (!s.ok)
        return e;
    e.insert(QStringLiteral("flags"), qint64(s.flags));
    e.insert(QStringLiteral("size"), qint64(s.size));
    e.insert(QStringLiteral("checks"), QJsonObject{{QStringLiteral("mac"), s.checks.mac},
                                                   {QStringLiteral("size"), s.checks.size},
                                                   {QStringLiteral("random"), s.checks.random}});
    putFields(e, s.fields);
    return e;
}

QJsonObject body(const AlertEvent& a)
{
    QJsonObject e{{QStringLiteral("kind"), QLatin1String(alertId(a.kind))}, {QStringLiteral("detail"), a.detail}};
    if (a.hresult)
        e.insert(QStringLiteral("hresult"), qint64(*a.hresult));
    return e;
}

QJsonObject body(const ErrorEvent& e)
{
    return {{QStringLiteral("detail"), e.detail}};
}

QJsonObject body(const ReplayEvent& r)
{
    QJsonObject e{{QStringLiteral("calls_played"), r.callsPlayed},
                  {QStringLiteral("calls_recorded"), r.callsRecorded},
                  {QStringLiteral("complete"), r.complete},
                  {QStringLiteral("events_match"), r.eventsMatch}};
    if (!r.divergence.isEmpty())
        e.insert(QStringLiteral("divergence"), r.divergence);
    if (!r.difference.isEmpty())
        e.insert(QStringLiteral("difference"), r.difference);
    return e;
}

QJsonObject body(const EndEvent& e)
{
    return {{QStringLiteral("reason"), e.reason},
            {QStringLiteral("started"), e.started},
            {QStringLiteral("alerts"), e.alerts},
            {QStringLiteral("status_calls"), e.statusCalls},
            {QStringLiteral("commands"), e.commands}};
}

// Reading: each accessor records the first key that is missing or mistyped.
class Reader {
public:
    explicit Reader(const QJsonObject& json) : m_json(json) {}
    bool has(const char* key) const { return m_json.contains(QLatin1String(key)); }
    QString string(const char* key, bool required = true) { return get(key, required, &QJsonValue::isString).toString(); }
    bool boolean(const char* key, bool required = true) { return get(key, required, &QJsonValue::isBool).toBool(); }
    qint64 integer(const char* key, bool required = true) { return get(key, required, &QJsonValue::isDouble).toInteger(); }
    quint32 u32(const char* key, bool required = true)
    {
        const qint64 v = integer(key, required);
        if (v < 0 || v > 0xFFFFFFFFll)
            fail(key);
        return static_cast<quint32>(v);
    }
    std::optional<quint32> optionalU32(const char* key) { return has(key) ? std::optional(u32(key)) : std::nullopt; }
    QByteArray bytes(const char* key, bool required = true)
    {
        const QString text = string(key, required);
        const QByteArray raw = text.toLatin1();
        if (text.size() % 2 != 0 || !std::all_of(raw.begin(), raw.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
            fail(key);
        return QByteArray::fromHex(raw);
    }
    QJsonObject object(const char* key) { return get(key, true, &QJsonValue::isObject).toObject(); }
    void fail(const char* key)
    {
        if (m_bad.isEmpty())
            m_bad = QLatin1String(key);
    }
    const QString& bad() const { return m_bad; }

private:
    QJsonValue get(const char* key, bool required, bool (QJsonValue::*isType)() const)
    {
        const QJsonValue v = m_json.value(QLatin1String(key));
        if ((v.isUndefined() && required) || (!v.isUndefined() && !(v.*isType)()))
            fail(key);
        return v;
    }
    const QJsonObject& m_json;
    QString m_bad;
};

StatusFields readFields(Reader& r)
{
    StatusFields f;
    f.value = r.optionalU32("value");
    f.connector = r.string("connector", false);
    f.width = r.optionalU32("width");
    f.height = r.optionalU32("height");
    f.format = r.optionalU32("format");
    f.d3dFormat = r.optionalU32("d3d_format");
    f.freqNumerator = r.optionalU32("freq_numerator");
    f.freqDenominator = r.optionalU32("freq_denominator");
    if (r.has("repeater"))
        f.repeater = r.boolean("repeater");
    f.ksv = r.string("ksv", false);
    f.availableTvProtectionStandards = r.optionalU32("available_tv_protection_standards");
    f.activeTvProtectionStandard = r.optionalU32("active_tv_protection_standard");
    f.aspectRatioValidMask1 = r.optionalU32("aspect_ratio_valid_mask1");
    f.aspectRatioData1 = r.optionalU32("aspect_ratio_data1");
    f.merit = r.optionalU32("merit");
    return f;
}

std::vector<ChainStep> readSteps(const QJsonObject& report)
{
    std::vector<ChainStep> steps;
    for (const QJsonValue& v : report.value(QStringLiteral("steps")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString status = s.value(QStringLiteral("status")).toString();
        steps.push_back({s.value(QStringLiteral("rule")).toString(), s.value(QStringLiteral("certificate")).toInt(-1),
                         status == u"pass"   ? ChainStep::Status::Pass
                             : status == u"fail" ? ChainStep::Status::Fail
                                                 : ChainStep::Status::Skipped});
    }
    return steps;
}

std::optional<EventData> readData(const QString& name, Reader& r, const QJsonObject& json)
{
    if (name == u"key_exchange") {
        KeyExchangeEvent k{r.string("device"), r.bytes("driver_random"), r.integer("certificate_bytes"), {}, {}};
        if (r.has("interface"))
            k.opm = KeyExchangeEvent::OpmRole{r.string("semantics") == u"opm", r.string("role")};
        return k;
    }
    if (name == u"chain") {
        ChainEvent c;
        c.valid = r.boolean("valid");
        c.trustRoot = r.string("trust_root");
        c.testRoot = r.boolean("test_root");
        c.x509 = r.string("format") == u"x509";
        c.reportJson = r.object("report");
        c.steps = readSteps(c.reportJson);
        if (!json.value(QStringLiteral("first_failure")).isNull())
            c.firstFailure = r.string("first_failure");
        return c;
    }
    if (name == u"session_started") {
        SessionStartedEvent s{r.u32("status_sequence"), r.u32("command_sequence"), r.bytes("signature"), {}};
        s.sessionKey = r.bytes("session_key", false);
        return s;
    }
    if (name == u"command") {
        CommandEvent c;
        const QString command = r.string("command");
        c.command = command == u"set_signaling" ? CommandEvent::Command::SetSignaling : CommandEvent::Command::SetProtectionLevel;
        if (command != u"set_signaling" && command != u"set_protection_level")
            r.fail("command");
        if (c.command == CommandEvent::Command::SetProtectionLevel) {
            c.type = typeFromName(r.string("type"));
            c.level = r.u32("level");
            c.mac = r.bytes("mac", false);
        }
        c.sequence = r.optionalU32("sequence");
        c.ok = r.boolean("ok");
        c.hresult = r.u32("hresult");
        return c;
    }
    if (name == u"status") {
        StatusEvent s;
        s.requestName = r.string("request");
        s.request = protocol::statusRequestFromName(s.requestName.toStdString());
        s.sequence = r.u32("sequence");
        if (r.has("type"))
            s.type = typeFromName(r.string("type"));
        s.ok = r.boolean("ok");
        s.hresult = r.u32("hresult");
        if (s.ok) {
            s.flags = r.u32("flags");
            s.size = r.u32("size");
            const QJsonObject checks = r.object("checks");
            Reader c(checks);
            s.checks = {c.boolean("mac"), c.boolean("size"), c.boolean("random")};
            if (!c.bad().isEmpty())
                r.fail("checks");
            s.fields = readFields(r);
        }
        return s;
    }
    if (name == u"alert") {
        const auto kind = alertFromId(r.string("kind").toStdString());
        if (!kind)
            r.fail("kind");
        return AlertEvent{kind.value_or(AlertKind::DeviceError), r.string("detail"), r.optionalU32("hresult"), std::nullopt};
    }
    if (name == u"error")
        return ErrorEvent{r.string("detail")};
    if (name == u"replay")
        return ReplayEvent{int(r.integer("calls_played")), int(r.integer("calls_recorded")), r.boolean("complete"),
                           r.boolean("events_match"), r.string("divergence", false), r.string("difference", false)};
    if (name == u"end")
        return EndEvent{r.string("reason"), r.boolean("started"), int(r.integer("alerts")), int(r.integer("status_calls")),
                        int(r.integer("commands"))};
    return std::nullopt;
}

} // namespace

QJsonObject toJson(const SessionEvent& event)
{
    QJsonObject e = std::visit([](const auto& data) { return body(data); }, event.data);
    e.insert(QStringLiteral("event"), event.name());
    e.insert(QStringLiteral("t_ms"), event.tMs);
    return e;
}

Result<SessionEvent> sessionEventFromJson(const QJsonObject& json)
{
    Reader r(json);
    const QString name = r.string("event");
    SessionEvent event;
    event.tMs = r.integer("t_ms");
    auto data = readData(name, r, json);
    if (!data)
        return makeError(Error::Code::Malformed, "unknown event \"" + name.left(64).toStdString() + "\"");
    if (!r.bad().isEmpty())
        return makeError(Error::Code::Malformed, "the " + name.toStdString() + " event's \"" + r.bad().toStdString()
                                                     + "\" is missing or of the wrong type");
    event.data = std::move(*data);
    return event;
}

} // namespace copp::session
