// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <widgets/chartbackdrop.h>
#include <widgets/chartlevels.h>
#include <widgets/chartnavigationview.h>

#include <core/session/protectionstate.h>

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QLegend>
#include <QPainter>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

// The chart's parts, each in its own file: the lanes and axes
// (protectionchartlanes.cpp), the series drawn in them (protectionchartseries.cpp),
// what it says in words (protectioncharttooltips.cpp), view modes, zoom and
// the toolbar (protectionchartnavigation.cpp), the export (protectionchartexport.cpp).

namespace copp::ui {

using models::MarkerKind;
using models::ProtectionHistory;

namespace {

constexpr int kDataRedrawMs = 100;      // new data: at most ten redraws a second

} // namespace

ProtectionChart::ProtectionChart(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Protection levels chart"));
    setAccessibleDescription(tr("Requested, local and global protection levels per type over time, with alerts"));

    m_chart = new QChart;
    m_chart->setAnimationOptions(QChart::NoAnimation); // animations would redraw for hundreds of ms
    // On the right, one entry per row: a bottom row truncated the nine names
    // to "Re… Lo…" at the default window width (QLegend does not wrap).
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // line style and shape, not just colour
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    // A plain white rectangle: the theme's gradient (white to white) with round
    // corners is filled span by span in Qt's thread pool, a solid rectangle is
    // one memory fill (about 1 ms less a frame).
    m_chart->setBackgroundBrush(Qt::white);
    m_chart->setBackgroundRoundness(0);

    m_timeAxis = new QCategoryAxis;
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setTitleText(tr("Time since the session began"));
    m_levelAxis = new QCategoryAxis;
    m_levelAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_levelAxis->setTitleText(tr("Level"));
    m_levelAxis->setTitleVisible(false); // the labels name type and level; the plot gets the width
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_levelAxis, Qt::AlignLeft);
    m_backdrop = new ChartBackdrop(m_chart);

    createLegendKeys();
    createMarkSeries();
    for (int t = 0; t < chartlevels::kTypeCount; ++t)
        createSeries(t);

    m_view = new ChartNavigationView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    // Every redraw moves the chart's items: a BSP index would only go stale (and
    // a render right after a redraw would miss what moved). Few items: no index.
    m_view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setAccessibleName(tr("Protection levels over time"));

    createToolBar();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    // A frame around the chart shows keyboard focus (its keys work only then). It is
    // outside the view, so exported images never carry it.
    m_focusFrame = new QFrame(this);
    m_focusFrame->setObjectName(QStringLiteral("chartFocusFrame"));
    auto* framed = new QVBoxLayout(m_focusFrame);
    framed->setContentsMargins(2, 2, 2, 2);
    framed->addWidget(m_view);
    layout->addWidget(m_focusFrame, 1);
    m_view->installEventFilter(this);
    m_view->viewport()->installEventFilter(this); // tooltips of the backdrop
    showFocusFrame(false);
    setFocusProxy(m_view);

    m_redrawTimer = new QTimer(this);
    m_redrawTimer->setSingleShot(true);
    connect(m_redrawTimer, &QTimer::timeout, this, &ProtectionChart::redrawNow);
    connect(m_timeAxis, &QValueAxis::rangeChanged, this, &ProtectionChart::onAxisRangeChanged);
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (std::abs(int(area.width()) - m_drawnWidth) > 1)
            scheduleRedraw(true); // decimation follows the width
    });

    layoutLanes();
    setMode(ViewMode::Live);
    redrawNow();
}

ProtectionChart::~ProtectionChart() = default;

QString ProtectionChart::typeDisplayName(const QString& type)
{
    return session::ProtectionState::typeName(type); // one spelling for the window, the chart and the report
}

void ProtectionChart::setHistory(ProtectionHistory* history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    if (history)
        connect(history, &ProtectionHistory::changed, this, &ProtectionChart::onHistoryChanged);
    scheduleRedraw(true);
}

void ProtectionChart::onHistoryChanged()
{
    // Paused means frozen; a cleared history is still shown at once.
    if (m_mode != ViewMode::Fixed || (m_history && m_history->isEmpty()))
        scheduleRedraw(false);
}

void ProtectionChart::scheduleRedraw(bool soon)
{
    if (soon)
        m_redrawTimer->start(0); // interaction: next event-loop pass, merged with its siblings
    else if (!m_redrawTimer->isActive())
        m_redrawTimer->start(kDataRedrawMs);
}

void ProtectionChart::redrawNow()
{
    m_redrawTimer->stop();
    if (!m_history || m_history->isEmpty())
        m_refusedSeen.fill(false); // a new session
    updateRange();
    m_drawnWidth = std::max(100, int(m_chart->plotArea().width()));
    m_drawnPoints = 0;

    // Markers first: a refused command gives its type a lane.
    qsizetype alertsInView = 0;
    const QList<models::Marker> markers = m_history ? visibleMarkers(&alertsInView) : QList<models::Marker>{};
    for (const auto& m : markers)
        if (const int t = chartlevels::typeIndex(m.type); m.kind == MarkerKind::CommandRefused && t >= 0)
            m_refusedSeen[std::size_t(t)] = true;
    if (updateLaneSet())
        layoutLanes();

    m_settingAxes = true;
    m_timeAxis->setRange(double(m_fromMs) / 1000, double(m_toMs) / 1000);
    m_levelAxis->setRange(0, alertsTop() + 0.4);
    updateTimeAxis();
    m_settingAxes = false;
    m_backdrop->setRange(double(m_fromMs) / 1000, double(m_toMs) / 1000, m_levelAxis->min(), m_levelAxis->max());

    drawLevels();
    drawMarkers(markers);
    updateDescription(alertsInView);
    // Lay out the new labels and legend now (not at the next event-loop pass),
    // so an export or a grab right after is current.
    m_chart->layout()->activate();
    m_chart->legend()->layout()->activate();
}

void ProtectionChart::showFocusFrame(bool focused)
{
    const QString colour = focused ? palette().color(QPalette::Highlight).name() : QStringLiteral("transparent");
    m_focusFrame->setStyleSheet(QStringLiteral("QFrame#chartFocusFrame { border: 2px solid %1; }").arg(colour));
}

bool ProtectionChart::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut))
        showFocusFrame(event->type() == QEvent::FocusIn);
    if (watched == m_view->viewport() && event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QPointF position = m_chart->mapFromScene(m_view->mapToScene(help->pos()));
        if (m_chart->plotArea().contains(position)) {
            const QString text = backdropToolTip(m_chart->mapToValue(position));
            if (!text.isEmpty()) {
                QToolTip::showText(help->globalPos(), text, m_view);
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace copp::ui
