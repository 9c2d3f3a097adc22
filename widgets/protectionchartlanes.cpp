// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <widgets/chartbackdrop.h>
#include <widgets/chartlevels.h>
#include <widgets/chartstyle.h>
#include <widgets/charttime.h>

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>

#include <algorithm>
#include <cmath>

// The chart's lanes and axes: which types get a lane, where each lane, row and
// level sits on the level axis (docs/chart.md "Lanes"), the time axis's ticks,
// and the height the rows need.

namespace copp::ui {

using models::ProtectionHistory;
using models::SeriesKind;

namespace {

constexpr double kLaneGap = 0.4;        // between two lanes, in rows
constexpr double kMarkerStrip = 0.8;    // above a lane's top row: its title, refused commands and R marks
constexpr double kKindOffset = 0.2;     // requested above, local below the global line: agreeing lines stay apart
constexpr double kAlertRowStep = 0.3;   // between the marker rows of the alert lane
constexpr int kDefaultChromePx = 90;    // view height around the plot area until the first layout
using chartlevels::kNoLevel;

} // namespace

// Lanes: the types with levels, those whose refused commands were in view, and
// those the output does not offer (so that is said). True when that changed.
bool ProtectionChart::updateLaneSet()
{
    const QStringList types = m_history ? m_history->types() : QStringList{};
    const QStringList& known = ProtectionHistory::knownTypes();
    bool changed = false;
    for (int t = 0; t < chartlevels::kTypeCount; ++t) {
        Lane& lane = m_lanes[std::size_t(t)];
        const bool offered = !m_history || m_history->isTypeAvailable(known.at(t));
        const bool shown = types.contains(known.at(t)) || m_refusedSeen[std::size_t(t)] || !offered;
        changed = changed || shown != lane.shown || offered != lane.offered;
        lane.shown = shown;
        lane.offered = offered;
    }
    return changed;
}

// Lanes bottom-up: the last type at the bottom, "Alerts" on top. A lane has a
// labelled grid line per level row (lowest protection at the bottom), then a
// strip for its title and marks; a type not offered has one row, hatched.
void ProtectionChart::layoutLanes()
{
    for (const QString& label : m_levelAxis->categoriesLabels())
        m_levelAxis->remove(label);
    const QStringList& known = ProtectionHistory::knownTypes();
    QList<ChartBackdrop::Lane> bands;
    double y = 0;
    for (int t = chartlevels::kTypeCount - 1; t >= 0; --t) {
        Lane& lane = m_lanes[std::size_t(t)];
        if (!lane.shown)
            continue;
        const QString name = typeDisplayName(known.at(t));
        lane.base = y + 0.5; // the lowest row, half a row above the lane's bottom
        ChartBackdrop::Lane band{y, 0, name, chartstyle::typeColour(t), {}};
        if (lane.offered) {
            for (int row = 0; row < chartlevels::rowCount(t); ++row)
                m_levelAxis->append(chartlevels::rowLabel(t, row), lane.base + row);
        } else {
            m_levelAxis->append(tr("%1 not offered").arg(name), lane.base);
            band.notOffered = tr("%1 is not offered by this output").arg(name);
        }
        band.top = laneTop(t);
        bands.append(band);
        y = band.top + kLaneGap;
    }
    m_alertLaneY = y + 0.3;
    m_levelAxis->append(tr("Alerts"), (m_alertLaneY + alertsTop()) / 2);
    m_levelAxis->setStartValue(0);
    m_settingAxes = true;
    m_levelAxis->setRange(0, alertsTop() + 0.4);
    m_settingAxes = false;
    m_backdrop->setLanes(bands);
    updateMinimumHeight();
}

double ProtectionChart::alertsTop() const
{
    return alertRowY(int(m_markerSeries.size()) - 1);
}

// The alert lane has a row per marker kind, a little apart.
double ProtectionChart::alertRowY(int markerKind) const
{
    return m_alertLaneY + kAlertRowStep * double(markerKind);
}

double ProtectionChart::laneTop(int typeIndex) const
{
    const Lane& lane = m_lanes[std::size_t(typeIndex)];
    const int rows = lane.offered ? chartlevels::rowCount(typeIndex) : 1;
    return lane.base + rows - 0.5 + kMarkerStrip;
}

double ProtectionChart::markerStripY(int typeIndex) const
{
    return laneTop(typeIndex) - kMarkerStrip / 2;
}

// Rows never squeezed below kMinRowPixels, and room for every legend entry
// (QLegend drops what does not fit).
void ProtectionChart::updateMinimumHeight()
{
    const double rows = m_levelAxis->max() - m_levelAxis->min();
    const QRectF plot = m_chart->plotArea();
    const int chrome = plot.height() > 0 && m_view->height() > plot.height() ? m_view->height() - int(plot.height())
                                                                             : kDefaultChromePx;
    int legendEntries = 0;
    for (QLegendMarker* marker : m_chart->legend()->markers())
        legendEntries += marker->isVisible();
    const int legend = legendEntries * (fontMetrics().height() + 6) + 24;
    m_view->setMinimumHeight(std::max(int(std::ceil(rows * kMinRowPixels)) + chrome, legend));
}

double ProtectionChart::laneY(int typeIndex, quint32 value, SeriesKind kind) const
{
    const Lane& lane = m_lanes[std::size_t(typeIndex)];
    const auto row = chartlevels::row(typeIndex, value);
    double y = row ? double(*row) : double(chartlevels::rowCount(typeIndex) - 1) + 0.4; // invalid: above the top
    if (value == kNoLevel)
        y = -0.3; // "no protection level available": below off
    const double offset = kind == SeriesKind::Requested ? kKindOffset : kind == SeriesKind::Local ? -kKindOffset : 0.0;
    return lane.base + y + offset;
}

// Time ticks at a round step, about one per 110 pixels.
void ProtectionChart::updateTimeAxis()
{
    static constexpr qint64 kSteps[] = {100, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000,
                                        300000, 600000, 900000, 1800000, 3600000, 7200000, 10800000, 21600000,
                                        43200000, 86400000};
    const qint64 span = m_toMs - m_fromMs;
    const qint64 wanted = span / std::max(2, m_drawnWidth / 110);
    qint64 step = kSteps[std::size(kSteps) - 1];
    for (qint64 s : kSteps)
        if (s >= wanted) {
            step = s;
            break;
        }
    for (const QString& label : m_timeAxis->categoriesLabels())
        m_timeAxis->remove(label);
    // The first category starts a step early so a tick on the left edge keeps its label.
    m_timeAxis->setStartValue(double(m_fromMs - step) / 1000);
    for (qint64 tick = m_fromMs <= 0 ? 0 : (m_fromMs + step - 1) / step * step; tick <= m_toMs; tick += step)
        m_timeAxis->append(charttime::formatTime(tick, step < 1000), double(tick) / 1000);
}

std::optional<double> ProtectionChart::levelAxisValue(const QString& type, quint32 value) const
{
    const int t = chartlevels::typeIndex(type);
    if (t < 0 || !m_lanes[std::size_t(t)].shown || !m_lanes[std::size_t(t)].offered)
        return std::nullopt;
    return laneY(t, value, SeriesKind::Global);
}

} // namespace copp::ui
