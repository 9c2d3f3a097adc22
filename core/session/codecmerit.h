// SPDX-License-Identifier: BSD-3-Clause
// Codec merit as MFGetMFTMerit performs it (docs/protocol.md §1.3, §7.7;
// docs/cli.md#merit): the OPM handshake in OPM semantics, one
// GetInformation with OPM_GET_CODEC_INFO whose parameters are cbVerifier = 16
// and the CLSID (cbParametersSize = 20), the reply checks (OMAC, random echo,
// cbRequestedInformationSize = 20), and Merit compared with the expected value.
#pragma once

#include <core/session/sessionengine.h>

#include <core/kernel/protocol/guid.h>

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace copp::session {

struct MeritCheck {
    QString check;  // "handshake", "certificate", "get_information", "omac", "random", "size", "merit"
    bool ok = false;
    QString detail; // English (the contract's JSON); the GUI shows it as is
};

struct MeritResult {
    bool verified = false;             // every check passed and the merit equals the expected one
    std::optional<std::uint32_t> merit;
    std::uint32_t expected = 0;
    QList<MeritCheck> checks;
    validation::ValidationReport certificateReport;
};

// Runs on `device` (a codec: OPM interface). `sink` receives the session events
// (key_exchange, chain, session_started, status, alert, end) for logs.
MeritResult verifyCodecMerit(device::CoppDevice& device, const protocol::Guid& clsid, std::uint32_t expected,
                             const validation::ValidationPolicy& policy, crypto::RandomSource& random, EventSink sink,
                             Clock clock);

// {"verified": BOOL, "merit": N or null, "expected": N, "checks": [{"check", "ok", "detail"}]}
QJsonObject meritToJson(const MeritResult& result);

} // namespace copp::session
