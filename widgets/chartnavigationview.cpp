// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/chartnavigationview.h>

#include <widgets/protectionchart.h>

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace copp::ui {

ChartNavigationView::ChartNavigationView(QChart* chart, ProtectionChart* owner) : QChartView(chart, owner), m_owner(owner)
{
}

void ChartNavigationView::wheelEvent(QWheelEvent* e)
{
    const QPoint d = e->angleDelta();
    if (d.x() != 0 || (e->modifiers() & Qt::ShiftModifier)) {
        m_owner->scrollBy(-(d.x() != 0 ? d.x() : d.y()) / 120.0 * 0.1);
    } else if (d.y() != 0) {
        const QPointF value = chart()->mapToValue(chart()->mapFromScene(mapToScene(e->position().toPoint())));
        m_owner->zoomAround(std::pow(0.8, d.y() / 120.0), qRound64(value.x() * 1000));
    }
    e->accept();
}

void ChartNavigationView::mousePressEvent(QMouseEvent* e)
{
    if (e->button() == Qt::MiddleButton || (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier))) {
        m_panning = true;
        m_panX = e->position().x();
        e->accept();
        return;
    }
    QChartView::mousePressEvent(e);
}

void ChartNavigationView::mouseMoveEvent(QMouseEvent* e)
{
    if (m_panning) {
        const double width = chart()->plotArea().width();
        if (width > 0)
            m_owner->scrollBy(-(e->position().x() - m_panX) / width);
        m_panX = e->position().x();
        e->accept();
        return;
    }
    QChartView::mouseMoveEvent(e);
}

void ChartNavigationView::mouseReleaseEvent(QMouseEvent* e)
{
    if (m_panning) {
        m_panning = false;
        e->accept();
        return;
    }
    if (e->button() == Qt::RightButton) { // QChartView would zoom out both axes
        m_owner->zoom(2.0);
        e->accept();
        return;
    }
    QChartView::mouseReleaseEvent(e);
}

void ChartNavigationView::keyPressEvent(QKeyEvent* e)
{
    switch (e->key()) {
    case Qt::Key_Left: m_owner->scrollBy(-0.1); break;
    case Qt::Key_Right: m_owner->scrollBy(0.1); break;
    case Qt::Key_Equal: m_owner->zoom(0.5); break; // "+" without Shift
    default: QChartView::keyPressEvent(e); return;
    }
    e->accept();
}

} // namespace copp::ui
