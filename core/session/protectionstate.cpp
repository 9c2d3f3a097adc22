// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/protectionstate.h>

#include <core/kernel/protocol/constants.h>

#include <QCoreApplication>

namespace copp::session {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("copp::session::ProtectionState", text);
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

void ProtectionState::addEvent(const SessionEvent& e)
{
    const qint64 now = e.tMs;
    if (e.is<SessionStartedEvent>()) {
        m_running = true;
    } else if (e.is<EndEvent>()) {
        m_running = false;
        m_ended = true;
    } else if (const auto* c = e.as<CommandEvent>(); c && c->ok && c->command == CommandEvent::Command::SetProtectionLevel) {
        const QString type = QLatin1String(protocol::protectionTypeName(c->type));
        TypeState& s = m_types[type];
        s.requested = static_cast<int>(c->level);
        s.requestedAtMs = now;
        s.reachedSinceRequest = false;
        judge(type, s, now);
    } else if (const auto* r = e.as<StatusEvent>(); r && r->believed()) { // nothing in an unauthenticated reply is believed
        if (r->request == protocol::StatusRequest::ConnectorType) {
            m_connector = r->fields.connector;
        } else if (r->request == protocol::StatusRequest::ProtectionType && r->fields.value) {
            m_availableTypes = *r->fields.value;
        } else if ((r->request == protocol::StatusRequest::LocalLevel || r->request == protocol::StatusRequest::GlobalLevel)
                   && r->type && r->fields.value) {
            const QString type = QLatin1String(protocol::protectionTypeName(*r->type));
            TypeState& s = m_types[type];
            (r->request == protocol::StatusRequest::LocalLevel ? s.local : s.global) = static_cast<int>(*r->fields.value);
            judge(type, s, now);
        }
    } else if (const auto* a = e.as<AlertEvent>(); a && a->kind == AlertKind::LinkLost) {
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

QString ProtectionState::typeName(const QString& type)
{
    if (type == u"cgmsa")
        return QStringLiteral("CGMS-A");
    return type.toUpper();
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
