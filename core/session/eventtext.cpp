// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/eventtext.h>
#include <core/session/sessiontr.h>

#include <core/kernel/protocol/constants.h>
#include <core/util/printabletext.h>
#include <core/validation/trustroot.h>

#include <QCoreApplication>

namespace copp::session {

namespace {

// Values can come from the device (its name, its error texts).
QString printable(QString text)
{
    return util::printableText(std::move(text));
}

// "0xC0262514 (NAME)", as alerts and errors write it (these lines wrote lowercase
// hex without the name, so one run showed the same HRESULT two ways).
QString hresultText(quint32 hresult)
{
    return QString::fromStdString(protocol::hresultText(hresult));
}

QString number(std::optional<quint32> v)
{
    return v ? QString::number(*v) : QString();
}

QString typeName(quint32 type)
{
    return QLatin1String(protocol::protectionTypeName(type));
}

QString summary(const KeyExchangeEvent& k)
{
    return tr("key exchange: %1 sent a %2-byte chain, driver random %3")
        .arg(printable(k.device), QString::number(k.certificateBytes), QString::fromLatin1(k.driverRandom.toHex()));
}

QString summary(const ChainEvent& c)
{
    const QString root = printable(validation::TrustRoot::displayName(c.trustRoot)); // English unless the window translates
    return c.valid ? tr("chain: VALID (trust root: %1)").arg(root)
                   : tr("chain: REJECTED, first failure %1 (trust root: %2)").arg(printable(c.firstFailure), root);
}

QString summary(const SessionStartedEvent& s)
{
    QString text = tr("session started: status sequence %1, command sequence %2")
                       .arg(QString::number(s.statusSequence), QString::number(s.commandSequence));
    if (!s.sessionKey.isEmpty())
        text += tr(", session key %1").arg(QString::fromLatin1(s.sessionKey.toHex()));
    return text;
}

QString summary(const CommandEvent& c)
{
    const bool level = c.command == CommandEvent::Command::SetProtectionLevel;
    return tr("command %1 %2=%3 (sequence %4): %5")
        .arg(level ? QStringLiteral("set_protection_level") : QStringLiteral("set_signaling"),
             level ? typeName(c.type) : QString(), level ? QString::number(c.level) : QString(), number(c.sequence),
             c.ok ? tr("ok") : tr("FAILED, hresult %1").arg(hresultText(c.hresult)));
}

QString summary(const StatusEvent& s)
{
    if (!s.ok)
        return tr("status %1: FAILED, hresult %2").arg(printable(s.requestName), hresultText(s.hresult));
    QString value = !s.fields.connector.isEmpty() ? s.fields.connector
        : s.fields.merit                          ? tr("merit %1").arg(*s.fields.merit)
                                                  : number(s.fields.value);
    if (s.type)
        value = typeName(*s.type) + QStringLiteral(" = ") + value;
    return tr("status %1: %2, flags %3%4")
        .arg(printable(s.requestName), value, QString::number(s.flags), s.believed() ? QString() : tr(" (CHECKS FAILED)"));
}

QString summary(const AlertEvent& a)
{
    return tr("ALERT %1: %2").arg(QLatin1String(alertId(a.kind)), printable(a.displayDetail()));
}

QString summary(const ErrorEvent& e)
{
    return tr("error: %1").arg(printable(e.detail));
}

QString summary(const ReplayEvent& r)
{
    QString text = tr("replay: %1 of %2 recorded calls played").arg(r.callsPlayed).arg(r.callsRecorded);
    if (!r.divergence.isEmpty())
        text += tr("; DIVERGED: %1").arg(printable(r.divergence));
    text += r.eventsMatch ? tr("; events as recorded") : tr("; events DIFFER: %1").arg(printable(r.difference));
    return text;
}

QString summary(const EndEvent& e)
{
    return tr("end (%1): %2 alert(s), %3 status call(s), %4 command(s)")
        .arg(printable(e.reason))
        .arg(e.alerts)
        .arg(e.statusCalls)
        .arg(e.commands);
}

} // namespace

QString eventSummary(const SessionEvent& e)
{
    return std::visit([](const auto& data) { return summary(data); }, e.data);
}

QString describeEvent(const SessionEvent& e)
{
    return QStringLiteral("%1 ms").arg(e.tMs, 6) + QStringLiteral("  ") + eventSummary(e);
}

} // namespace copp::session
