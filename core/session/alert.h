// SPDX-License-Identifier: BSD-3-Clause
// The alert kinds of docs/cli.md#session, with their contract ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <QString>

namespace copp::session {

enum class AlertKind {
    ChainInvalid,
    DeviceError,
    MacMismatch,
    RandomMismatch,
    SizeMismatch,
    LevelDrop,
    LinkLost,
    RenegotiationRequired,
    ConnectorChanged,
    RevokedDevice,
    Tampering,
    Timeout,
};

// "chain_invalid", "device_error", ... exactly as in the contract.
const char* alertId(AlertKind kind);
std::optional<AlertKind> alertFromId(const std::string& id);

// The kind in words ("link_lost" -> "Link lost"), translated; an unknown id stays as it is.
QString alertKindText(const QString& id);

struct Alert {
    AlertKind kind = AlertKind::DeviceError;
    std::string detail;
    std::int64_t atMs = 0;      // since the session began
    std::uint32_t hresult = 0;  // device_error
};

} // namespace copp::session
