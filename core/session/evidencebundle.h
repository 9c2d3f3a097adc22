// SPDX-License-Identifier: BSD-3-Clause
// The evidence bundle of docs/evidence.md: transcript.json (with the
// absolute start time), alerts.csv, summary.json and report.html, plus the
// window's chart images. Written by one piece of core code for both front
// ends; it never overwrites a file (docs/evidence.md).
#pragma once

#include <core/session/evidencesummary.h>
#include <core/session/transcript.h>

#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

#include <vector>

namespace copp::session {

struct EvidenceInput {
    const Transcript* transcript = nullptr; // its events, device, policy and start time
    EvidenceSettings settings;
    // The alerts with the window's acknowledgements; empty: taken from the events (none acknowledged).
    std::vector<EvidenceAlert> alerts;
    struct File {
        QString name;  // "chart.png", "chart.svg"
        QByteArray bytes;
    };
    std::vector<File> extraFiles;
};

struct EvidenceWritten {
    QString directory;
    QStringList files; // the names written, in order
    EvidenceSummary summary;
};

// Writes the bundle into `directory` (created when missing). Refuses, and
// writes nothing, when any of its files is already there.
Result<EvidenceWritten> writeEvidence(const QString& directory, const EvidenceInput& input);

// The pieces, for tests and for the window's preview.
std::vector<EvidenceAlert> alertsFromEvents(const std::vector<SessionEvent>& events);
QByteArray alertsCsv(const std::vector<EvidenceAlert>& alerts); // time_ms,kind,detail,acknowledged_ms (RFC 4180)
QJsonObject summaryJson(const EvidenceSummary& summary, const EvidenceInput& input, const QString& transcriptSha256);
// The headline: "protection lost 1×, 45.0 s unprotected" (translated where a translator is installed).
QString verdictHeadline(const EvidenceSummary& summary);

} // namespace copp::session
