// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <widgets/chartbackdrop.h>
#include <widgets/chartlevels.h>
#include <widgets/chartstyle.h>
#include <widgets/charttime.h>

#include <QChartView>
#include <QLabel>

#include <algorithm>
#include <climits>

// What the chart says in words: the tooltips of its marks, lines, shortfall
// and hatched lanes, and the accessible description of what is in view
// (colour is never the only signal).

namespace copp::ui {

using models::ProtectionHistory;
using models::SeriesKind;

void ProtectionChart::updateDescription(qsizetype alertsInView)
{
    QString description = tr("Showing %1 to %2; %n alert(s) in view", "", int(alertsInView))
                              .arg(charttime::formatTime(std::max<qint64>(m_fromMs, 0), false),
                                   charttime::formatTime(std::max<qint64>(m_toMs, 0), false));
    for (int t = 0; t < chartlevels::kTypeCount; ++t)
        if (m_lanes[std::size_t(t)].shown && !m_lanes[std::size_t(t)].offered)
            description += QLatin1Char(' ')
                + tr("(%1 is not offered by this output)").arg(typeDisplayName(ProtectionHistory::knownTypes().at(t)));
    if (m_history)
        for (const QString& type : m_history->types())
            if (m_history->approximatedBeforeMs(type, SeriesKind::Global) >= 0
                || m_history->approximatedBeforeMs(type, SeriesKind::Local) >= 0) {
                description += QLatin1Char(' ') + tr("(older levels simplified to bound memory)");
                break;
            }
    if (m_history && m_history->droppedMarkerCount() > 0) {
        const int dropped = int(std::min<qint64>(m_history->droppedMarkerCount(), INT_MAX));
        description += QLatin1Char(' ') + tr("(%n older alert(s) dropped to bound memory)", "", dropped);
    }
    m_view->setAccessibleDescription(description);
    m_status->setToolTip(description);
}

QString ProtectionChart::markerToolTip(qint64 tMs, qint64 toleranceMs) const
{
    if (!m_history)
        return {};
    constexpr qsizetype kShown = 8;
    const auto found = m_history->markers(tMs - toleranceMs, tMs + toleranceMs, kShown + 1);
    QStringList lines;
    for (qsizetype i = 0; i < std::min(found.size(), kShown); ++i) {
        const auto& m = found[i];
        const QString what = m.type.isEmpty() ? chartstyle::markerName(m.kind)
                                              : tr("%1 (%2)", "marker and protection type").arg(chartstyle::markerName(m.kind), typeDisplayName(m.type));
        lines.append(tr("%1  %2: %3").arg(charttime::formatTimeMs(m.tMs), what, m.detail));
    }
    if (found.size() > kShown)
        lines.append(tr("… and more: zoom in to separate them"));
    return lines.join(QLatin1Char('\n'));
}

QString ProtectionChart::levelToolTip(const QString& type, SeriesKind kind, qint64 tMs) const
{
    if (!m_history)
        return {};
    const QString what = tr("%1 %2 level").arg(typeDisplayName(type), chartstyle::kindName(kind));
    const int t = chartlevels::typeIndex(type);
    if (t >= 0 && !m_history->isTypeAvailable(type))
        return tr("%1 at %2: %3 is not offered by this output").arg(what, charttime::formatTimeMs(tMs), typeDisplayName(type));
    const auto value = m_history->valueAt(type, kind, tMs);
    if (!value)
        return tr("%1 at %2: unknown").arg(what, charttime::formatTimeMs(tMs));
    const QString level = t >= 0 ? chartlevels::levelName(t, *value) : QString::number(*value);
    return tr("%1 at %2: %3").arg(what, charttime::formatTimeMs(tMs), level);
}

// Over a hatched lane: why it is empty; over a shortfall: what falls short.
QString ProtectionChart::backdropToolTip(const QPointF& value) const
{
    if (!m_history)
        return {};
    const QStringList& known = ProtectionHistory::knownTypes();
    for (int t = 0; t < chartlevels::kTypeCount; ++t) {
        const Lane& lane = m_lanes[std::size_t(t)];
        if (lane.shown && !lane.offered && value.y() >= lane.base - 0.5 && value.y() <= laneTop(t))
            return tr("%1 is not offered by this output: it has no levels to draw").arg(typeDisplayName(known.at(t)));
    }
    for (const auto& s : m_backdrop->shortfalls()) {
        if (!s.area.contains(value))
            continue;
        const QString& type = known.at(s.typeIndex);
        const qint64 tMs = qRound64(value.x() * 1000);
        const auto want = m_history->valueAt(type, SeriesKind::Requested, tMs);
        const auto have = m_history->valueAt(type, SeriesKind::Global, tMs);
        if (!want || !have)
            continue;
        return tr("Shortfall at %1: the actual level %2 protects less than the requested %3")
            .arg(charttime::formatTimeMs(tMs), chartlevels::levelName(s.typeIndex, *have), chartlevels::levelName(s.typeIndex, *want));
    }
    return {};
}

} // namespace copp::ui
