// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/chartbackdrop.h>

#include <QChart>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace copp::ui {

namespace {
// Above the plot background and the shades, under the grid and the series
// (Qt Charts: plot area 0, shades 1, grid 2, axes 3, series 4).
constexpr qreal kZValue = 1.5;
} // namespace

ChartBackdrop::ChartBackdrop(QChart* chart) : QGraphicsItem(chart), m_chart(chart)
{
    setZValue(kZValue);
    setAcceptedMouseButtons(Qt::NoButton); // the chart view's rubber band and panning get every click
}

namespace {
// `colour` at `opacity` over the white plot, as an opaque colour: Qt fills an
// opaque rectangle with a plain memory fill, while a translucent one is
// blended span by span, in the GUI thread pool once it is ~100 lines tall
// (hundreds of shortfall spans cost 10 ms of thread hand-offs a frame).
QColor overWhite(const QColor& colour, double opacity)
{
    auto mix = [opacity](int c) { return int(std::lround(255 * (1 - opacity) + c * opacity)); };
    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}
} // namespace

QColor ChartBackdrop::shortfallColour()
{
    return overWhite(QColor(0xd6, 0x27, 0x28), 0.3); // light red; the lines and grid are drawn over it
}

void ChartBackdrop::setLanes(const QList<Lane>& lanes)
{
    m_lanes = lanes;
    update();
}

void ChartBackdrop::setShortfalls(QList<Shortfall> shortfalls)
{
    m_shortfalls = std::move(shortfalls);
    update();
}

void ChartBackdrop::setRange(double minX, double maxX, double minY, double maxY)
{
    m_minX = minX;
    m_maxX = maxX > minX ? maxX : minX + 1;
    m_minY = minY;
    m_maxY = maxY > minY ? maxY : minY + 1;
    update();
}

QRectF ChartBackdrop::boundingRect() const
{
    return m_chart->plotArea();
}

// Linear, as the value axes map (cheaper than QChart::mapToPosition per corner).
QRectF ChartBackdrop::toPosition(double x0, double x1, double y0, double y1) const
{
    const QRectF plot = m_chart->plotArea();
    const double sx = plot.width() / (m_maxX - m_minX);
    const double sy = plot.height() / (m_maxY - m_minY);
    return QRectF(QPointF(plot.left() + (x0 - m_minX) * sx, plot.bottom() - (y1 - m_minY) * sy),
                  QPointF(plot.left() + (x1 - m_minX) * sx, plot.bottom() - (y0 - m_minY) * sy));
}

void ChartBackdrop::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty())
        return;
    painter->save();
    painter->setClipRect(plot);
    painter->setPen(Qt::NoPen);
    QFont titleFont = painter->font();
    titleFont.setBold(true);
    const QFontMetrics metrics(titleFont);

    for (const Lane& lane : m_lanes) {
        const QRectF band = toPosition(m_minX, m_maxX, lane.bottom, lane.top).intersected(plot);
        if (band.isEmpty())
            continue;
        if (lane.notOffered.isEmpty()) {
            painter->fillRect(band, overWhite(lane.colour, 0.07));
        } else { // hatched grey: nothing to read here, and it says why
            painter->fillRect(band, QColor(0xee, 0xee, 0xee));
            painter->fillRect(band, QBrush(QColor(0xb0, 0xb0, 0xb0), Qt::BDiagPattern));
        }
    }

    // Snapped to whole pixels: no antialiased edges to compute, and neighbouring
    // spans meet without a seam.
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QColor shortfall = shortfallColour();
    for (const Shortfall& s : m_shortfalls) {
        const QRectF r = toPosition(s.area.left(), s.area.right(), s.area.top(), s.area.bottom());
        painter->fillRect(r.toAlignedRect(), shortfall);
    }
    painter->setRenderHint(QPainter::Antialiasing, true);

    // Titles last, over everything of the backdrop, at the lane's top left.
    painter->setFont(titleFont);
    for (const Lane& lane : m_lanes) {
        const QRectF band = toPosition(m_minX, m_maxX, lane.bottom, lane.top);
        if (!lane.notOffered.isEmpty()) {
            painter->setPen(QColor(0x33, 0x33, 0x33));
            const QString text = metrics.elidedText(lane.notOffered, Qt::ElideRight, int(plot.width()) - 8);
            QRectF box = metrics.boundingRect(text);
            box.moveCenter(QPointF(plot.center().x(), band.center().y()));
            painter->fillRect(box.adjusted(-4, -1, 4, 1), QColor(255, 255, 255, 220)); // readable over the hatching
            painter->drawText(box, Qt::AlignCenter, text);
            continue;
        }
        painter->setPen(lane.colour.darker(140));
        painter->drawText(QPointF(plot.left() + 4, band.top() + metrics.ascent() + 1), lane.title);
    }
    painter->restore();
}

} // namespace copp::ui
