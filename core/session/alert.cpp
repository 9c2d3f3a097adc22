// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/alert.h>

#include <QCoreApplication>

namespace copp::session {

namespace {
struct Id {
    AlertKind kind;
    const char* id;
};
constexpr Id kIds[] = {
    {AlertKind::ChainInvalid, "chain_invalid"},
    {AlertKind::DeviceError, "device_error"},
    {AlertKind::MacMismatch, "mac_mismatch"},
    {AlertKind::RandomMismatch, "random_mismatch"},
    {AlertKind::SizeMismatch, "size_mismatch"},
    {AlertKind::LevelDrop, "level_drop"},
    {AlertKind::LinkLost, "link_lost"},
    {AlertKind::RenegotiationRequired, "renegotiation_required"},
    {AlertKind::ConnectorChanged, "connector_changed"},
    {AlertKind::RevokedDevice, "revoked_device"},
    {AlertKind::Tampering, "tampering"},
    {AlertKind::Timeout, "timeout"},
};
} // namespace

const char* alertId(AlertKind kind)
{
    for (const auto& i : kIds)
        if (i.kind == kind)
            return i.id;
    return "?";
}

std::optional<AlertKind> alertFromId(const std::string& id)
{
    for (const auto& i : kIds)
        if (id == i.id)
            return i.kind;
    return std::nullopt;
}

QString alertKindText(const QString& kind)
{
    // The ids are the contract's (session/alert.h); a kind we do not know stays as sent.
    const auto known = alertFromId(kind.toStdString());
    if (!known)
        return kind;
    // The translation context is the alert list's, where this wording began.
    auto text = [](const char* source) { return QCoreApplication::translate("copp::models::AlertModel", source); };
    switch (*known) {
    case AlertKind::ChainInvalid:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Certificate chain invalid"));
    case AlertKind::DeviceError:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Device call failed"));
    case AlertKind::MacMismatch:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Reply MAC does not verify"));
    case AlertKind::RandomMismatch:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Reply does not echo the random number"));
    case AlertKind::SizeMismatch:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Reply has the wrong size"));
    case AlertKind::LevelDrop:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Protection level dropped"));
    case AlertKind::LinkLost:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Link lost"));
    case AlertKind::RenegotiationRequired:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Renegotiation required"));
    case AlertKind::ConnectorChanged:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Connector changed"));
    case AlertKind::RevokedDevice:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Revoked device"));
    case AlertKind::Tampering:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Tampering"));
    case AlertKind::Timeout:
        return text(QT_TRANSLATE_NOOP("copp::models::AlertModel", "Device not answering"));
    }
    return kind;
}

} // namespace copp::session
