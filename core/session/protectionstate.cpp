#include "protectionstate.h"

#include <core/kernel/protocol/constants.h>

#include <QCoreApplication>

namespace copp::session {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("copp::session::ProtectionState", text);
}

bool checksPassed(const QJsonObject& e)
{
    const QJsonObject checks = e.value(QStringLiteral("checks")).toObject();
    return e.value(QStringLiteral("ok")).toBool() && checks.value(QStringLiteral("mac")).toBool()
        && checks.value(QStringLiteral("size")).toBool() && checks.value(QStringLiteral("random")).toBool();
}

} // namespace

void ProtectionState::judge(const QString& type, TypeState& s, qint64 nowMs)
{
    const auto code = protocol::protectionTypeFromName(type.toStdString());
    if (s.requested < 0 || s.global < 0 || !code) {
        s.verdict = Verdict::Unknown;
        return;
    }
    // §5.2 precedence, not numbers: ACP 2 outranks ACP 3.
    const bool reached = protocol::levelPrecedence(*code, static_cast<std::uint32_t>(s.global))
        >= protocol::levelPrecedence(*code, static_cast<std::uint32_t>(s.requested));
    if (reached)
        s.reachedSinceRequest = true;
    // HDCP takes time to engage: like the engine's level_drop, give a new
    // request kEngageGraceMs before calling it "not protected".
    const bool engaging = !s.reachedSinceRequest && nowMs - s.requestedAtMs < kEngageGraceMs;
    s.verdict = reached ? Verdict::Protected : engaging ? Verdict::Unknown : Verdict::NotProtected;
}

void ProtectionState::addEvent(const QJsonObject& e)
{
    const QString name = e.value(QStringLiteral("event")).toString();
    const qint64 now = e.value(QStringLiteral("t_ms")).toInteger();
    if (name == u"session_started") {
        m_running = true;
    } else if (name == u"end") {
        m_running = false;
        m_ended = true;
    } else if (name == u"command" && e.value(QStringLiteral("command")).toString() == u"set_protection_level"
               && e.value(QStringLiteral("ok")).toBool()) {
        const QString type = e.value(QStringLiteral("type")).toString();
        TypeState& s = m_types[type];
        s.requested = e.value(QStringLiteral("level")).toInt();
        s.requestedAtMs = now;
        s.reachedSinceRequest = false;
        judge(type, s, now);
    } else if (name == u"status" && checksPassed(e)) { // nothing in an unauthenticated reply is believed
        const QString request = e.value(QStringLiteral("request")).toString();
        if (request == u"connector-type") {
            m_connector = e.value(QStringLiteral("connector")).toString();
        } else if (request == u"local-level" || request == u"global-level") {
            const QString type = e.value(QStringLiteral("type")).toString();
            TypeState& s = m_types[type];
            (request == u"local-level" ? s.local : s.global) = e.value(QStringLiteral("value")).toInt();
            judge(type, s, now);
        }
    } else if (name == u"alert" && e.value(QStringLiteral("kind")).toString() == u"link_lost") {
        for (auto& [type, s] : m_types) { // the link is gone: nothing is known until the next global level
            s.global = -1;
            if (s.requested >= 0)
                s.verdict = Verdict::Unknown;
        }
    }
}

ProtectionState::Verdict ProtectionState::verdict() const
{
    bool any = false;
    bool allProtected = true;
    for (const auto& [type, s] : m_types) {
        if (s.requested < 0)
            continue;
        any = true;
        if (s.verdict == Verdict::NotProtected)
            return Verdict::NotProtected;
        allProtected = allProtected && s.verdict == Verdict::Protected;
    }
    return any && allProtected ? Verdict::Protected : Verdict::Unknown;
}

QString ProtectionState::typeText(const QString& type, int level)
{
    if (type == u"hdcp")
        return level > 0 ? tr("HDCP on") : tr("HDCP off");
    if (type == u"dpcp")
        return level > 0 ? tr("DPCP on") : tr("DPCP off");
    if (type == u"acp")
        return level > 0 ? tr("ACP level %1").arg(level) : tr("ACP off");
    if (type == u"cgmsa") { // §5.1: 0 off, 1 copy freely, 2 copy no more, 3 copy one generation, 4 copy never
        static const char* const kNames[] = {QT_TRANSLATE_NOOP("copp::session::ProtectionState", "CGMS-A off"),
                                             QT_TRANSLATE_NOOP("copp::session::ProtectionState", "CGMS-A copy freely"),
                                             QT_TRANSLATE_NOOP("copp::session::ProtectionState", "CGMS-A copy no more"),
                                             QT_TRANSLATE_NOOP("copp::session::ProtectionState", "CGMS-A copy one generation"),
                                             QT_TRANSLATE_NOOP("copp::session::ProtectionState", "CGMS-A copy never")};
        const int base = level & 7;
        return base <= 4 ? tr(kNames[base]) : tr("CGMS-A level %1").arg(level);
    }
    return QStringLiteral("%1 %2").arg(type.toUpper()).arg(level);
}

QString ProtectionState::sentence() const
{
    const QString output = m_connector.isEmpty() ? tr("Output") : tr("%1 output").arg(m_connector);
    QStringList parts;
    for (const auto& [type, s] : m_types)
        if (s.requested >= 0)
            parts << (s.global >= 0 ? typeText(type, s.global) : tr("%1 not read yet").arg(type.toUpper()));
    const QString detail = parts.join(QStringLiteral(", "));
    switch (verdict()) {
    case Verdict::Protected:
        return tr("%1: PROTECTED — %2").arg(output, detail);
    case Verdict::NotProtected:
        return tr("%1: NOT PROTECTED — %2").arg(output, detail);
    case Verdict::Unknown:
        break;
    }
    if (parts.isEmpty())
        return m_running ? tr("%1: no protection requested").arg(output) : tr("No session running");
    return tr("%1: protection not confirmed yet — %2").arg(output, detail);
}

} // namespace copp::session
