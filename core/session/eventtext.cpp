#include "eventtext.h"

#include <core/kernel/protocol/constants.h>
#include <core/util/printabletext.h>

#include <QCoreApplication>
#include <QJsonDocument>

namespace copp::session {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("copp::session", text);
}

// Values can come from the device (its name, its error texts).
QString printable(QString text)
{
    return util::printableText(std::move(text));
}

// "0xC0262514 (NAME)", as alerts and errors write it (these lines wrote lowercase
// hex without the name, so one run showed the same HRESULT two ways).
QString hresultOf(const QJsonObject& e)
{
    return QString::fromStdString(protocol::hresultText(static_cast<std::uint32_t>(e.value(QStringLiteral("hresult")).toInteger())));
}

} // namespace

QString eventSummary(const QJsonObject& e)
{
    const QString name = e.value(QStringLiteral("event")).toString();
    auto str = [&](const char* key) { return printable(e.value(QLatin1String(key)).toVariant().toString()); };
    QString text;
    if (name == u"key_exchange")
        text = tr("key exchange: %1 sent a %2-byte chain, driver random %3")
                   .arg(str("device"), str("certificate_bytes"), str("driver_random"));
    else if (name == u"chain")
        text = e.value(QStringLiteral("valid")).toBool()
            ? tr("chain: VALID (trust root: %1)").arg(str("trust_root"))
            : tr("chain: REJECTED, first failure %1 (trust root: %2)").arg(str("first_failure"), str("trust_root"));
    else if (name == u"session_started") {
        text = tr("session started: status sequence %1, command sequence %2").arg(str("status_sequence"), str("command_sequence"));
        if (e.contains(QStringLiteral("session_key")))
            text += tr(", session key %1").arg(str("session_key"));
    } else if (name == u"command")
        text = tr("command %1 %2=%3 (sequence %4): %5")
                   .arg(str("command"), str("type"), str("level"), str("sequence"),
                        e.value(QStringLiteral("ok")).toBool() ? tr("ok") : tr("FAILED, hresult %1").arg(hresultOf(e)));
    else if (name == u"status") {
        if (!e.value(QStringLiteral("ok")).toBool())
            text = tr("status %1: FAILED, hresult %2").arg(str("request"), hresultOf(e));
        else {
            QString value = e.contains(QStringLiteral("connector")) ? str("connector")
                : e.contains(QStringLiteral("merit"))               ? tr("merit %1").arg(str("merit"))
                                                                    : str("value");
            if (e.contains(QStringLiteral("type")))
                value = str("type") + QStringLiteral(" = ") + value;
            const QJsonObject checks = e.value(QStringLiteral("checks")).toObject();
            const bool allOk = checks.value(QStringLiteral("mac")).toBool() && checks.value(QStringLiteral("size")).toBool()
                && checks.value(QStringLiteral("random")).toBool();
            text = tr("status %1: %2, flags %3%4").arg(str("request"), value, str("flags"), allOk ? QString() : tr(" (CHECKS FAILED)"));
        }
    } else if (name == u"alert")
        text = tr("ALERT %1: %2").arg(str("kind"), str("detail"));
    else if (name == u"error")
        text = tr("error: %1").arg(str("detail"));
    else if (name == u"replay") {
        text = tr("replay: %1 of %2 recorded calls played").arg(str("calls_played"), str("calls_recorded"));
        if (e.contains(QStringLiteral("divergence")))
            text += tr("; DIVERGED: %1").arg(str("divergence"));
        text += e.value(QStringLiteral("events_match")).toBool() ? tr("; events as recorded")
                                                                 : tr("; events DIFFER: %1").arg(str("difference"));
    } else if (name == u"end")
        text = tr("end (%1): %2 alert(s), %3 status call(s), %4 command(s)")
                   .arg(str("reason"), str("alerts"), str("status_calls"), str("commands"));
    else
        text = QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact)); // JSON escapes control characters
    return text;
}


QString describeEvent(const QJsonObject& e)
{
    return QStringLiteral("%1 ms").arg(e.value(QStringLiteral("t_ms")).toInteger(), 6) + QStringLiteral("  ") + eventSummary(e);
}

} // namespace copp::session
