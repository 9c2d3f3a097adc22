#include "alert.h"

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

} // namespace copp::session
