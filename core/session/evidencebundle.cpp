// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/evidencebundle.h>
#include <core/session/sessiontr.h>

#include <core/session/protectionstate.h>

#include <core/kernel/crypto/sha.h>
#include <core/validation/trustroot.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace copp::session {

namespace {

QByteArray csvField(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r'))
        utf8 = '"' + utf8.replace('"', "\"\"") + '"';
    return utf8;
}

QString seconds(qint64 ms)
{
    return tr("%L1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString typeName(quint32 type)
{
    return QLatin1String(protocol::protectionTypeName(type));
}

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

QString stateText(ProtectionInterval::State state)
{
    switch (state) {
    case ProtectionInterval::State::Pending: return tr("pending");
    case ProtectionInterval::State::Protected: return tr("✔ protected");
    case ProtectionInterval::State::Unprotected: return tr("✖ unprotected");
    case ProtectionInterval::State::Unknown: break;
    }
    return tr("? unknown");
}

QString reportHtml(const EvidenceSummary& s, const EvidenceInput& in, const std::vector<EvidenceAlert>& alerts,
                   const QString& sha256, bool hasChart)
{
    const Transcript& t = *in.transcript;
    QString out = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n"
                                 "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                                 "td,th{border:1px solid #999;padding:2px 6px;text-align:left}"
                                 "table{border-collapse:collapse}.bad{color:#b00020}.good{color:#1b7f3b}</style>"
                                 "</head><body>\n")
                      .arg(html(tr("CoppScope session evidence")));
    const bool good = s.verdict == EvidenceSummary::Verdict::Protected;
    out += QStringLiteral("<h1 class=\"%1\">%2</h1>\n").arg(good ? QStringLiteral("good") : QStringLiteral("bad"), html(verdictHeadline(s)));
    const QString started = t.startedUtc().isValid() ? t.startedUtc().toUTC().toString(Qt::ISODateWithMs) : tr("unknown");
    const QJsonObject device = t.device();
    out += QStringLiteral("<table>\n");
    const auto row = [&](const QString& key, const QString& value) {
        out += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(html(key), html(value));
    };
    row(tr("Started (UTC)"), started);
    row(tr("Duration"), seconds(s.endedMs));
    row(tr("Device"), device.value(QStringLiteral("name")).toString());
    row(tr("Interface"), device.value(QStringLiteral("interface")).toString() + QStringLiteral(" / ")
                             + device.value(QStringLiteral("semantics")).toString());
    row(tr("Connector"), s.connector.isEmpty() ? tr("not read") : s.connector);
    QStringList protect;
    for (const protocol::TypeLevel& p : in.settings.protect)
        protect << QStringLiteral("%1=%2").arg(typeName(p.type)).arg(p.level);
    row(tr("Requested at the start"), protect.isEmpty() ? tr("nothing") : protect.join(QStringLiteral(", ")));
    row(tr("Scenario"), in.settings.scenario.isEmpty() ? tr("none") : in.settings.scenario);
    row(tr("Faults"), in.settings.faults.isEmpty() ? tr("none") : in.settings.faults.join(QStringLiteral(", ")));
    row(tr("Poll interval"), tr("%1 ms").arg(in.settings.pollMs));
    row(tr("Trust root"), validation::TrustRoot::displayName(in.settings.trust));
    row(tr("Certificate chain"), !s.chainSeen ? tr("not received")
                                 : s.chainValid ? tr("✔ valid")
                                                : tr("✖ rejected: %1").arg(s.firstFailure));
    row(tr("SHA-256 of transcript.json"), sha256);
    out += QStringLiteral("</table>\n");

    for (const TypeProtection& type : s.types) {
        out += QStringLiteral("<h2>%1</h2>\n<p>%2</p>\n")
                   .arg(html(ProtectionState::typeName(typeName(type.type))),
                        html(tr("Requested: %1; unprotected for %2.")
                                 .arg(ProtectionState::typeText(typeName(type.type), int(type.requested)), seconds(type.unprotectedMs))));
        out += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                   .arg(html(tr("From")), html(tr("To")), html(tr("State")), html(tr("Actual level")));
        for (const ProtectionInterval& i : type.intervals)
            out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                       .arg(html(seconds(i.fromMs)), html(seconds(i.toMs)), html(stateText(i.state)),
                            html(i.level ? ProtectionState::typeText(typeName(type.type), int(*i.level)) : tr("not read")));
        out += QStringLiteral("</table>\n");
    }
    if (hasChart)
        out += QStringLiteral("<h2>%1</h2>\n<p><img src=\"chart.png\" alt=\"%2\" style=\"max-width:100%\"></p>\n")
                   .arg(html(tr("Chart")), html(tr("Protection levels over the whole session")));

    out += QStringLiteral("<h2>%1</h2>\n").arg(html(tr("Alerts (%1)").arg(alerts.size())));
    out += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
               .arg(html(tr("Time")), html(tr("Alert")), html(tr("Detail")), html(tr("Acknowledged")));
    for (const EvidenceAlert& a : alerts)
        out += QStringLiteral("<tr><td>%1</td><td>⚠ %2</td><td>%3</td><td>%4</td></tr>\n")
                   .arg(html(seconds(a.tMs)), html(alertKindText(a.kind)), html(a.detail),
                        html(a.acknowledgedMs ? tr("at %1").arg(seconds(*a.acknowledgedMs)) : tr("no")));
    out += QStringLiteral("</table>\n<p>%1</p>\n</body></html>\n")
               .arg(html(tr("Every call and event is in transcript.json; summary.json has these figures for programs.")));
    return out;
}

Result<void> writeNew(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return makeError(Error::Code::Io, "cannot write " + QDir::toNativeSeparators(path).toStdString() + ": "
                                          + file.errorString().toStdString());
}

} // namespace

std::vector<EvidenceAlert> alertsFromEvents(const std::vector<SessionEvent>& events)
{
    std::vector<EvidenceAlert> out;
    for (const SessionEvent& e : events)
        if (const auto* a = e.as<AlertEvent>())
            out.push_back({e.tMs, QLatin1String(alertId(a->kind)), a->detail, std::nullopt});
    return out;
}

QByteArray alertsCsv(const std::vector<EvidenceAlert>& alerts)
{
    QByteArray csv = "time_ms,kind,detail,acknowledged_ms\r\n";
    for (const EvidenceAlert& a : alerts)
        csv += QByteArray::number(a.tMs) + ',' + csvField(a.kind) + ',' + csvField(a.detail) + ','
            + (a.acknowledgedMs ? QByteArray::number(*a.acknowledgedMs) : QByteArray()) + "\r\n";
    return csv;
}

QString verdictHeadline(const EvidenceSummary& s)
{
    switch (s.verdict) {
    case EvidenceSummary::Verdict::Protected:
        return tr("✔ PROTECTED for the whole session");
    case EvidenceSummary::Verdict::ProtectionLost:
        return tr("✖ protection lost %n×, %1 unprotected", nullptr, int(std::max<qint64>(1, s.timesLost())))
            .arg(seconds(s.totalUnprotectedMs()));
    case EvidenceSummary::Verdict::NotProtected:
        return tr("✖ NOT PROTECTED: a requested protection never took effect");
    case EvidenceSummary::Verdict::NotRequested:
        return tr("? no protection was requested");
    case EvidenceSummary::Verdict::NoSession:
        break;
    }
    return tr("✖ the session did not start");
}

QJsonObject summaryJson(const EvidenceSummary& s, const EvidenceInput& in, const QString& transcriptSha256)
{
    const Transcript& t = *in.transcript;
    QJsonObject protect;
    for (const protocol::TypeLevel& p : in.settings.protect)
        protect.insert(typeName(p.type), qint64(p.level));
    QJsonArray faults;
    for (const QString& f : in.settings.faults)
        faults.append(f);
    QJsonArray types;
    for (const TypeProtection& type : s.types) {
        QJsonArray intervals;
        for (const ProtectionInterval& i : type.intervals)
            intervals.append(QJsonObject{{QStringLiteral("from_ms"), i.fromMs},
                                         {QStringLiteral("to_ms"), i.toMs},
                                         {QStringLiteral("state"), stateId(i.state)},
                                         {QStringLiteral("level"), i.level ? QJsonValue(qint64(*i.level)) : QJsonValue()}});
        types.append(QJsonObject{{QStringLiteral("type"), typeName(type.type)},
                                 {QStringLiteral("requested"), qint64(type.requested)},
                                 {QStringLiteral("intervals"), intervals},
                                 {QStringLiteral("unprotected_ms"), type.unprotectedMs}});
    }
    QJsonArray alertArray;
    for (const EvidenceAlert& a : in.alerts)
        alertArray.append(QJsonObject{{QStringLiteral("t_ms"), a.tMs},
                                      {QStringLiteral("kind"), a.kind},
                                      {QStringLiteral("detail"), a.detail},
                                      {QStringLiteral("acknowledged_ms"), a.acknowledgedMs ? QJsonValue(*a.acknowledgedMs) : QJsonValue()}});
    return {{QStringLiteral("format"), QStringLiteral("coppscope-evidence")},
            {QStringLiteral("version"), 1},
            {QStringLiteral("started_utc"), t.startedUtc().isValid() ? QJsonValue(t.startedUtc().toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("ended_ms"), s.endedMs},
            {QStringLiteral("device"), t.device()},
            {QStringLiteral("connector"), s.connector.isEmpty() ? QJsonValue() : QJsonValue(s.connector)},
            {QStringLiteral("settings"), QJsonObject{{QStringLiteral("poll_ms"), in.settings.pollMs},
                                                     {QStringLiteral("protect"), protect},
                                                     {QStringLiteral("scenario"), in.settings.scenario.isEmpty() ? QJsonValue() : QJsonValue(in.settings.scenario)},
                                                     {QStringLiteral("faults"), faults},
                                                     {QStringLiteral("trust"), in.settings.trust}}},
            {QStringLiteral("chain"), QJsonObject{{QStringLiteral("valid"), s.chainValid},
                                                  {QStringLiteral("first_failure"), s.firstFailure.isEmpty() ? QJsonValue() : QJsonValue(s.firstFailure)}}},
            {QStringLiteral("verdict"), verdictId(s.verdict)},
            {QStringLiteral("types"), types},
            {QStringLiteral("alerts"), alertArray},
            {QStringLiteral("transcript"), QJsonObject{{QStringLiteral("file"), QStringLiteral("transcript.json")},
                                                       {QStringLiteral("sha256"), transcriptSha256}}}};
}

Result<EvidenceWritten> writeEvidence(const QString& directory, const EvidenceInput& input)
{
    if (!input.transcript)
        return makeError(Error::Code::Usage, "no session to write evidence of");
    const auto events = input.transcript->typedEvents();
    if (!events)
        return events.error();
    qint64 endedMs = 0;
    for (const SessionEvent& e : events.value())
        endedMs = std::max(endedMs, e.tMs);
    const EvidenceSummary summary = EvidenceSummary::fromEvents(events.value(), endedMs);
    EvidenceInput in = input;
    if (in.alerts.empty())
        in.alerts = alertsFromEvents(events.value());
    for (const SessionEvent& e : events.value()) // the root the chain was really checked against
        if (const auto* chain = e.as<ChainEvent>())
            in.settings.trust = chain->trustRoot;

    const QByteArray transcript = QJsonDocument(in.transcript->toJson()).toJson(QJsonDocument::Indented);
    const auto digest = crypto::sha256(ByteView(reinterpret_cast<const std::uint8_t*>(transcript.constData()),
                                                static_cast<std::size_t>(transcript.size())));
    const QString sha = QString::fromStdString(toHex(digest));
    bool hasChart = false;
    for (const EvidenceInput::File& f : in.extraFiles)
        hasChart = hasChart || f.name == u"chart.png";

    std::vector<EvidenceInput::File> files{
        {QStringLiteral("transcript.json"), transcript},
        {QStringLiteral("alerts.csv"), alertsCsv(in.alerts)},
        {QStringLiteral("summary.json"), QJsonDocument(summaryJson(summary, in, sha)).toJson(QJsonDocument::Indented)},
        {QStringLiteral("report.html"), reportHtml(summary, in, in.alerts, sha, hasChart).toUtf8()}};
    files.insert(files.end(), in.extraFiles.begin(), in.extraFiles.end());

    // §3.1: never overwrite; say so and write nothing.
    QDir dir(directory);
    for (const EvidenceInput::File& f : files)
        if (QFileInfo::exists(dir.filePath(f.name)))
            return makeError(Error::Code::Usage, QDir::toNativeSeparators(dir.filePath(f.name)).toStdString()
                                                     + " is already there: evidence is never overwritten (choose another folder)");
    if (!dir.exists() && !QDir().mkpath(directory))
        return makeError(Error::Code::Io, "cannot create the folder " + QDir::toNativeSeparators(directory).toStdString());
    EvidenceWritten written{QFileInfo(directory).absoluteFilePath(), {}, summary};
    for (const EvidenceInput::File& f : files) {
        if (auto r = writeNew(dir.filePath(f.name), f.bytes); !r)
            return r.error();
        written.files << f.name;
    }
    return written;
}

} // namespace copp::session
