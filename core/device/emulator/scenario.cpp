// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/scenario.h>

#include <core/kernel/protocol/constants.h>
#include <core/util/filereader.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <tuple>

namespace copp::device {

namespace {

const QStringList kActions = {QStringLiteral("link-lost"),      QStringLiteral("renegotiation"),
                              QStringLiteral("hdcp-drop"),      QStringLiteral("connector-change"),
                              QStringLiteral("unplug"),         QStringLiteral("replug"),
                              QStringLiteral("external-level"), QStringLiteral("hdcp-engage-ms")};

Error invalid(const QString& what)
{
    return makeError(Error::Code::Malformed, "scenario: " + what.toStdString());
}

// A present key must hold the JSON type the format gives it: read with a
// default, "events": {} played nothing and "repeater": "yes" meant false.
std::optional<Error> wrongType(const QJsonObject& o, const char* key, QJsonValue::Type type, const char* expected)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.type() == type)
        return std::nullopt;
    return invalid(QStringLiteral("\"%1\" must be %2").arg(QLatin1String(key), QLatin1String(expected)));
}

// A whole number of milliseconds from 0 to a day (NaN fails too).
std::optional<qint64> milliseconds(double ms)
{
    if (!(ms >= 0 && ms <= 24.0 * 3600 * 1000) || ms != static_cast<double>(static_cast<qint64>(ms)))
        return std::nullopt;
    return static_cast<qint64>(ms);
}

// The same as a JSON number (a string is the wrong type).
std::optional<qint64> milliseconds(const QJsonValue& v)
{
    return v.isDouble() ? milliseconds(v.toDouble()) : std::nullopt;
}

} // namespace

Result<Scenario> Scenario::fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return invalid(QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject root = doc.object();
    for (const auto& [key, type, expected] : {std::tuple{"name", QJsonValue::String, "a string"},
                                              std::tuple{"description", QJsonValue::String, "a string"},
                                              std::tuple{"output", QJsonValue::Object, "an object"},
                                              std::tuple{"events", QJsonValue::Array, "an array"}}) {
        if (auto e = wrongType(root, key, type, expected))
            return *e;
    }
    Scenario s;
    s.name = root.value(QStringLiteral("name")).toString();
    s.description = root.value(QStringLiteral("description")).toString();
    if (s.name.isEmpty())
        return invalid(QStringLiteral("\"name\" is missing"));

    const QJsonObject output = root.value(QStringLiteral("output")).toObject();
    for (const auto& [key, type, expected] : {std::tuple{"connector", QJsonValue::String, "a string"},
                                              std::tuple{"protections", QJsonValue::Array, "an array of protection type names"},
                                              std::tuple{"repeater", QJsonValue::Bool, "true or false"}}) {
        if (auto e = wrongType(output, key, type, expected))
            return *e;
    }
    const QString connector = output.value(QStringLiteral("connector")).toString(QStringLiteral("hdmi"));
    const auto connectorType = protocol::connectorFromName(connector.toStdString());
    if (!connectorType)
        return invalid(QStringLiteral("unknown connector \"%1\"").arg(connector));
    s.output = OutputProfile::forConnector(*connectorType);
    if (output.contains(QStringLiteral("protections"))) {
        s.output.protectionTypes = 0;
        for (const QJsonValue& v : output.value(QStringLiteral("protections")).toArray()) {
            const auto type = protocol::protectionTypeFromName(v.toString().toStdString());
            if (!v.isString() || !type)
                return invalid(QStringLiteral("unknown protection type %1").arg(QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact))));
            s.output.protectionTypes |= *type;
        }
    }
    if (output.contains(QStringLiteral("hdcp_engage_ms"))) {
        const auto ms = milliseconds(output.value(QStringLiteral("hdcp_engage_ms")));
        if (!ms)
            return invalid(QStringLiteral("\"hdcp_engage_ms\" must be a whole number of milliseconds from 0 to 86400000"));
        s.output.hdcpEngageMs = *ms;
    }
    if (output.contains(QStringLiteral("repeater")))
        s.output.repeater = output.value(QStringLiteral("repeater")).toBool();

    const QJsonArray events = root.value(QStringLiteral("events")).toArray();
    if (events.size() > 10000)
        return invalid(QStringLiteral("more than 10000 events"));
    for (const QJsonValue& v : events) {
        if (!v.isObject())
            return invalid(QStringLiteral("every event must be an object"));
        const QJsonObject e = v.toObject();
        if (auto wrong = wrongType(e, "action", QJsonValue::String, "a string"))
            return *wrong;
        ScenarioEvent event;
        const auto at = milliseconds(e.value(QStringLiteral("at_ms")));
        if (!at)
            return invalid(QStringLiteral("an event needs \"at_ms\", a whole number of milliseconds from 0 to 86400000"));
        event.atMs = *at;
        event.action = e.value(QStringLiteral("action")).toString();
        const QJsonValue value = e.value(QStringLiteral("value"));
        if (!value.isUndefined() && !value.isString() && !value.isDouble())
            return invalid(QStringLiteral("an event's \"value\" must be a string or a number"));
        event.value = value.toVariant().toString();
        if (!kActions.contains(event.action))
            return invalid(QStringLiteral("unknown action \"%1\" (known: %2)").arg(event.action, kActions.join(QStringLiteral(", "))));
        if (event.action == QStringLiteral("connector-change") && !protocol::connectorFromName(event.value.toStdString()))
            return invalid(QStringLiteral("connector-change needs a connector, not \"%1\"").arg(event.value));
        if (event.action == QStringLiteral("external-level") && !protocol::parseTypeLevel(event.value.toStdString()))
            return invalid(QStringLiteral("external-level needs TYPE=LEVEL, not \"%1\"").arg(event.value));
        bool isNumber = false; // "2500" or 2500; "soon" used to become 0
        const double engageMs = event.value.toDouble(&isNumber);
        if (event.action == QStringLiteral("hdcp-engage-ms") && !(isNumber && milliseconds(engageMs)))
            return invalid(QStringLiteral("hdcp-engage-ms needs a whole number of milliseconds from 0 to 86400000, not \"%1\"").arg(event.value));
        s.events.push_back(event);
    }
    std::stable_sort(s.events.begin(), s.events.end(), [](const auto& a, const auto& b) { return a.atMs < b.atMs; });
    return s;
}

QStringList Scenario::builtInNames()
{
    QStringList names;
    for (const QString& file : QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names.append(QFileInfo(file).completeBaseName());
    return names;
}

Result<Scenario> Scenario::builtIn(const QString& name)
{
    QFile file(QStringLiteral(":/scenarios/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Usage, "no built-in scenario \"" + name.toStdString() + "\"; known: "
                                                 + builtInNames().join(QStringLiteral(", ")).toStdString());
    return fromJson(file.readAll());
}

Result<Scenario> Scenario::load(const QString& nameOrPath)
{
    if (builtInNames().contains(nameOrPath))
        return builtIn(nameOrPath);
    if (!QFileInfo::exists(nameOrPath))
        return builtIn(nameOrPath); // the message lists the built-in names
    auto bytes = util::readFileLimited(nameOrPath, 1024 * 1024);
    if (!bytes)
        return bytes.error();
    return fromJson(bytes.value());
}

ScenarioPlayer::ScenarioPlayer(Scenario scenario, Clock clock)
    : m_scenario(std::move(scenario)), m_clock(std::move(clock)), m_start(m_clock())
{
}

void ScenarioPlayer::advance(EmulatedOutput& output)
{
    const std::int64_t elapsed = m_clock() - m_start;
    while (m_next < m_scenario.events.size() && m_scenario.events[m_next].atMs <= elapsed) {
        const ScenarioEvent& e = m_scenario.events[m_next++];
        if (e.action == QStringLiteral("link-lost"))
            output.loseLink();
        else if (e.action == QStringLiteral("renegotiation"))
            output.requireRenegotiation();
        else if (e.action == QStringLiteral("hdcp-drop"))
            output.dropHdcp();
        else if (e.action == QStringLiteral("connector-change"))
            output.changeConnector(*protocol::connectorFromName(e.value.toStdString()));
        else if (e.action == QStringLiteral("unplug"))
            output.unplug();
        else if (e.action == QStringLiteral("replug"))
            output.replug();
        else if (e.action == QStringLiteral("external-level")) {
            const auto tl = protocol::parseTypeLevel(e.value.toStdString());
            output.setExternalLevel(tl->type, tl->level);
        } else if (e.action == QStringLiteral("hdcp-engage-ms"))
            output.setHdcpEngageMs(e.value.toLongLong());
    }
}

} // namespace copp::device
