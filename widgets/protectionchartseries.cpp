// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <widgets/chartbackdrop.h>
#include <widgets/chartlevels.h>
#include <widgets/chartstyle.h>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <map>

// What the chart draws in its lanes: the three level lines per type, the
// shortfall under them, CGMS-A's R marks and the alert marks (docs/chart.md
// "Lines, shortfall and marks"), decimated to the plot's width.

namespace copp::ui {

using models::MarkerKind;
using models::ProtectionHistory;
using models::SeriesKind;

namespace {

constexpr int kMarkerBucketPx = 8;      // one marker of a kind per 8 pixels (they are 11 wide)
constexpr int kRedistributionMarkPx = 40; // at most one R mark per 40 pixels
constexpr qsizetype kLaneThinningLimit = 5000; // markers in view up to which each lane is thinned apart
constexpr int kCgmsa = 2;               // index in knownTypes()

// A time span where the actual (global) level protects less than the requested one.
struct ShortfallSpan {
    qint64 fromMs, toMs;
    quint32 requested, global;
};

// From two decimated step series (a value holds from its point to the next;
// a series ends at its last point): the spans where the global row is below
// the requested row. "No protection level available" protects nothing; an
// invalid value cannot be ranked, so it is no shortfall.
QList<ShortfallSpan> shortfallSpans(int typeIndex, const QList<models::StepPoint>& requested,
                                    const QList<models::StepPoint>& global)
{
    QList<ShortfallSpan> out;
    if (requested.isEmpty() || global.isEmpty())
        return out;
    const qint64 end = std::min(requested.last().tMs, global.last().tMs);
    qint64 now = std::max(requested.first().tMs, global.first().tMs);
    qsizetype r = 0, g = 0;
    while (now < end) {
        while (r + 1 < requested.size() && requested[r + 1].tMs <= now)
            ++r;
        while (g + 1 < global.size() && global[g + 1].tMs <= now)
            ++g;
        const qint64 next = std::min({r + 1 < requested.size() ? requested[r + 1].tMs : end,
                                      g + 1 < global.size() ? global[g + 1].tMs : end, end});
        const quint32 want = requested[r].value, have = global[g].value;
        const auto wantRow = chartlevels::row(typeIndex, want);
        const auto haveRow = chartlevels::row(typeIndex, have);
        if (wantRow && (haveRow ? *haveRow < *wantRow : have == chartlevels::kNoLevel)) {
            if (!out.isEmpty() && out.last().toMs == now && out.last().requested == want && out.last().global == have)
                out.last().toMs = next;
            else
                out.append({now, next, want, have});
        }
        now = next;
    }
    return out;
}

} // namespace

// The series are made once, in this order (the legend lists them so): the
// line-style keys, the shortfall key, a scatter series per mark kind, the R
// marks, then three lines per type (createSeries).
void ProtectionChart::addSeries(QAbstractSeries* series)
{
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(m_levelAxis);
}

void ProtectionChart::createLegendKeys()
{
    // The legend explains line styles once (the lanes name the types), then
    // the shortfall and the marks: a dozen per-type entries would not fit in a
    // row. Its markers draw each line style, so the names need not spell it out
    // (a narrow window cut "(dashed)" and the like to "(gestri…" in German).
    for (std::size_t k = 0; k < 3; ++k) {
        auto* key = new QLineSeries;
        const auto kind = static_cast<SeriesKind>(k);
        key->setName(kind == SeriesKind::Requested ? tr("Requested")
                     : kind == SeriesKind::Local   ? tr("Local / virtual")
                                                   : tr("Global / actual"));
        key->setPen(chartstyle::linePen(chartstyle::keyColour(), kind));
        addSeries(key);
    }
    // The shortfall is painted by the backdrop; this empty area series is its legend key.
    auto* shortfallKey = new QAreaSeries;
    shortfallKey->setUpperSeries(new QLineSeries(shortfallKey));
    shortfallKey->setName(tr("Shortfall: below request"));
    shortfallKey->setBrush(ChartBackdrop::shortfallColour());
    shortfallKey->setPen(QPen(ChartBackdrop::shortfallColour().darker(150), 1));
    addSeries(shortfallKey);
    for (QLegendMarker* marker : m_chart->legend()->markers(shortfallKey)) {
        // "From series" draws an area series' key white (Qt 6.4 passes it no brush): a plain box.
        marker->setShape(QLegend::MarkerShapeRectangle);
        marker->setPen(shortfallKey->pen());
    }
}

void ProtectionChart::createMarkSeries()
{
    for (std::size_t k = 0; k < m_markerSeries.size(); ++k) {
        const auto kind = static_cast<MarkerKind>(k);
        auto* s = new QScatterSeries;
        s->setName(chartstyle::markerName(kind));
        s->setMarkerShape(chartstyle::markerShape(kind));
        s->setMarkerSize(11);
        s->setColor(chartstyle::markerColour(kind));
        s->setBorderColor(Qt::black); // shapes stay visible on any colour
        if (kind == MarkerKind::CommandRefused) {
            s->setMarkerSize(13);
            s->setLightMarker(chartstyle::crossImage(13));
        }
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
            // Within two marker slots: the tooltip also lists the markers thinned out.
            const qint64 toleranceMs = (m_toMs - m_fromMs) * 2 * kMarkerBucketPx / std::max(1, m_drawnWidth) + 1;
            if (on)
                QToolTip::showText(QCursor::pos(), markerToolTip(qRound64(p.x() * 1000), toleranceMs), m_view);
            else
                QToolTip::hideText();
        });
        m_markerSeries[k] = s;
        addSeries(s);
    }
    m_redistributionMarks = new QScatterSeries;
    m_redistributionMarks->setName(tr("Redistribution control"));
    m_redistributionMarks->setMarkerSize(12);
    m_redistributionMarks->setLightMarker(chartstyle::letterImage(12, tr("R", "mark: redistribution control required")));
    connect(m_redistributionMarks, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        QStringList lines;
        for (auto kind : {SeriesKind::Requested, SeriesKind::Local, SeriesKind::Global})
            lines.append(levelToolTip(QStringLiteral("cgmsa"), kind, qRound64(p.x() * 1000)));
        QToolTip::showText(QCursor::pos(), lines.join(QLatin1Char('\n')), m_view);
    });
    addSeries(m_redistributionMarks);
}

// The three lines of a type, made once: adding series to a chart lays out its
// items and legend anew, which cost the first frame with data ~2 ms per type.
// A type without a lane keeps them empty.
void ProtectionChart::createSeries(int typeIndex)
{
    auto& lines = m_lines[std::size_t(typeIndex)].lines;
    const QString type = ProtectionHistory::knownTypes().at(typeIndex);
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto kind = static_cast<SeriesKind>(k);
        auto* s = new QLineSeries;
        const QString name = typeDisplayName(type);
        s->setName(kind == SeriesKind::Requested ? tr("%1 requested").arg(name)
                   : kind == SeriesKind::Local   ? tr("%1 local").arg(name)
                                                 : tr("%1 global").arg(name));
        s->setPen(chartstyle::linePen(chartstyle::typeColour(typeIndex), kind));
        connect(s, &QLineSeries::hovered, this, [this, type, kind](const QPointF& p, bool on) {
            if (on)
                QToolTip::showText(QCursor::pos(), levelToolTip(type, kind, qRound64(p.x() * 1000)), m_view);
            else
                QToolTip::hideText();
        });
        addSeries(s);
        for (QLegendMarker* marker : m_chart->legend()->markers(s))
            marker->setVisible(false); // the style key and the lane labels say it
        lines[k] = s;
    }
}

// The step line of a series: a corner where the value changes, unless the
// step is narrower than a pixel (where it could not be seen and would only
// cost stroking).
QList<QPointF> ProtectionChart::stepLine(int typeIndex, SeriesKind kind, const QList<models::StepPoint>& steps) const
{
    QList<QPointF> xy;
    xy.reserve(steps.size() * 2);
    const double subPixelS = double(m_toMs - m_fromMs) / 1000 / m_drawnWidth;
    for (const auto& p : steps) {
        const double x = double(p.tMs) / 1000;
        const double y = laneY(typeIndex, p.value, kind);
        if (!xy.isEmpty() && xy.last().y() != y && x - xy.last().x() >= subPixelS)
            xy.append(QPointF(x, xy.last().y()));
        if (xy.isEmpty() || xy.last() != QPointF(x, y))
            xy.append(QPointF(x, y));
    }
    return xy;
}

// The level lines, the shortfall under them and CGMS-A's R marks.
void ProtectionChart::drawLevels()
{
    const QStringList& known = ProtectionHistory::knownTypes();
    QList<ChartBackdrop::Shortfall> shortfalls;
    QList<QPointF> redistribution;
    const double pixelS = double(m_toMs - m_fromMs) / 1000 / m_drawnWidth;
    for (int t = 0; t < chartlevels::kTypeCount; ++t) {
        const auto& lines = m_lines[std::size_t(t)].lines;
        const Lane& lane = m_lanes[std::size_t(t)];
        if (!lane.shown || !lane.offered || !m_history) { // no lane, or a type not offered: no level line
            for (QLineSeries* line : lines)
                if (line->count() > 0)
                    line->clear();
            continue;
        }
        std::array<QList<models::StepPoint>, 3> steps;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const auto kind = static_cast<SeriesKind>(k);
            // A step per four pixels, so with its corner one point per two pixels:
            // Qt Charts strokes every point twice (paint and hover shape), and a
            // flapping level looks the same at this density (each bucket keeps
            // its first, lowest, highest and last value). Per three pixels the
            // worst-case frame took ~2 ms more.
            steps[k] = m_history->points(known.at(t), kind, m_fromMs, m_toMs, m_drawnWidth / 4);
            const QList<QPointF> xy = stepLine(t, kind, steps[k]);
            m_drawnPoints += xy.size();
            lines[k]->replace(xy);
        }
        const auto& requested = steps[std::size_t(SeriesKind::Requested)];
        const auto& global = steps[std::size_t(SeriesKind::Global)];
        for (const ShortfallSpan& span : shortfallSpans(t, requested, global)) {
            const double low = laneY(t, span.global, SeriesKind::Global);
            const double high = laneY(t, span.requested, SeriesKind::Requested);
            shortfalls.append({QRectF(QPointF(double(span.fromMs) / 1000, low), QPointF(double(span.toMs) / 1000, high)), t});
        }
        if (t != kCgmsa)
            continue;
        // Where the redistribution-control flag turns on (or is on at the left
        // edge), an R just above the line, starting there (so not cut in half
        // at the edge); one per few dozen pixels.
        const double halfMark = (m_redistributionMarks->markerSize() / 2 + 1) * pixelS;
        for (std::size_t k = 0; k < steps.size(); ++k) {
            double lastX = -1e300;
            bool wasOn = false;
            for (const auto& p : steps[k]) {
                const bool on = chartlevels::hasRedistributionFlag(t, p.value);
                const double x = double(p.tMs) / 1000;
                if (on && !wasOn && x - lastX >= kRedistributionMarkPx * pixelS) {
                    redistribution.append(QPointF(x + halfMark, laneY(t, p.value, static_cast<SeriesKind>(k)) + 0.3));
                    lastX = x;
                }
                wasOn = on;
            }
        }
    }
    m_backdrop->setShortfalls(std::move(shortfalls));
    m_drawnPoints += redistribution.size();
    m_redistributionMarks->replace(redistribution);
}

// The markers to draw: of each kind one per few pixels, and refused commands
// thinned per lane (two types refused at once both show) while the view holds
// few enough markers to sort them so.
QList<models::Marker> ProtectionChart::visibleMarkers(qsizetype* inView) const
{
    const qint64 bucketMs = std::max<qint64>(1, (m_toMs - m_fromMs) * kMarkerBucketPx / m_drawnWidth);
    QList<models::Marker> thinned = m_history->thinnedMarkers(m_fromMs, m_toMs, bucketMs, inView);
    if (*inView > kLaneThinningLimit)
        return thinned;
    QList<models::Marker> out;
    std::map<std::pair<int, int>, qint64> lastSlot; // (kind, lane) -> slot
    for (const auto& m : m_history->markers(m_fromMs, m_toMs)) {
        const std::pair key{int(m.kind), chartlevels::typeIndex(m.type)};
        const qint64 slot = (m.tMs - m_fromMs) / bucketMs;
        const auto it = lastSlot.find(key);
        if (it != lastSlot.end() && it->second == slot)
            continue;
        lastSlot[key] = slot;
        out.append(m);
    }
    return out;
}

void ProtectionChart::drawMarkers(const QList<models::Marker>& markers)
{
    std::array<QList<QPointF>, models::kMarkerKindCount> marks;
    for (const auto& m : markers) {
        const auto k = std::size_t(m.kind);
        const int t = chartlevels::typeIndex(m.type);
        const bool onLane = m.kind == MarkerKind::CommandRefused && t >= 0 && m_lanes[std::size_t(t)].shown;
        marks[k].append(QPointF(double(m.tMs) / 1000, onLane ? markerStripY(t) : alertRowY(int(k))));
    }
    for (std::size_t k = 0; k < marks.size(); ++k) {
        m_drawnPoints += marks[k].size();
        m_markerSeries[k]->replace(marks[k]);
    }
}

QList<QRectF> ProtectionChart::shortfallAreas(const QString& type) const
{
    QList<QRectF> out;
    const int t = chartlevels::typeIndex(type);
    for (const auto& s : m_backdrop->shortfalls())
        if (s.typeIndex == t)
            out.append(s.area);
    return out;
}

} // namespace copp::ui
