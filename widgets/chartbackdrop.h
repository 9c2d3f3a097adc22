// SPDX-License-Identifier: BSD-3-Clause
// What the protection chart paints under its lines, in the plot area: a tinted
// band and a title per lane, a hatched band saying "not offered by this output"
// for a protection type the output does not offer, and the shortfall: where the
// actual (global) level protects less than the requested one, the area between
// the two lines.
//
// Plain rectangles painted in one pass. Qt Charts' area series would build
// two line items and a hover outline per type on every redraw, which the
// 16 ms frame budget cannot afford with a flapping level.
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QRectF>
#include <QString>

class QChart;

namespace copp::ui {

class ChartBackdrop final : public QGraphicsItem {
public:
    // Value coordinates: x in seconds, y in lane units (the level axis).
    struct Lane {
        double bottom = 0;
        double top = 0;
        QString title;        // "ACP"
        QColor colour;        // the type's
        QString notOffered;   // the text over a hatched lane; empty: offered
    };
    struct Shortfall {
        QRectF area; // from the global line up to the requested line
        int typeIndex = 0;
    };

    explicit ChartBackdrop(QChart* chart);

    void setLanes(const QList<Lane>& lanes);
    const QList<Lane>& lanes() const { return m_lanes; }
    void setShortfalls(QList<Shortfall> shortfalls);
    const QList<Shortfall>& shortfalls() const { return m_shortfalls; }
    // The visible value range, set with the axes.
    void setRange(double minX, double maxX, double minY, double maxY);

    static QColor shortfallColour();

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF toPosition(double x0, double x1, double y0, double y1) const;

    QChart* m_chart;
    QList<Lane> m_lanes;
    QList<Shortfall> m_shortfalls;
    double m_minX = 0, m_maxX = 1, m_minY = 0, m_maxY = 1;
};

} // namespace copp::ui
