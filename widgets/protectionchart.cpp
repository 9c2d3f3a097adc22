#include "protectionchart.h"

#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QFileInfo>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QStyle>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>

namespace copp::ui {

using models::MarkerKind;
using models::ProtectionHistory;
using models::SeriesKind;

namespace {

constexpr int kDataRedrawMs = 100;      // new data: at most ten redraws a second
constexpr qint64 kMinSpanMs = 100;      // deepest zoom
constexpr double kRowGap = 1.5;         // between the lanes of two types
constexpr double kAlertRowStep = 0.25;  // between the marker rows of the alert lane
constexpr int kMarkerBucketPx = 8;      // one marker of a kind per 8 pixels (they are 11 wide)
constexpr quint32 kNoLevel = 0xFFFFFFFFu; // kNoProtectionLevelAvailable

// Highest base level per type (protocol.md §5.2); CGMS-A's redistribution
// flag (0x08) is shown in the tooltip, not on the axis.
constexpr std::array<quint32, 4> kMaxLevel{1, 3, 4, 1};
const std::array<QColor, 4> kTypeColor{QColor(0x1f, 0x77, 0xb4), QColor(0xd9, 0x5f, 0x02), QColor(0x1b, 0x9e, 0x77),
                                       QColor(0x75, 0x70, 0xb3)};
constexpr std::array<QScatterSeries::MarkerShape, models::kMarkerKindCount> kMarkerShape{
    QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapePentagon,
    QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapeStar, QScatterSeries::MarkerShapeCircle,
    QScatterSeries::MarkerShapeTriangle};
const std::array<QColor, models::kMarkerKindCount> kMarkerColor{
    QColor(0xd6, 0x27, 0x28), QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0x9e, 0xaf),
    QColor(0xc7, 0x4f, 0xa8), QColor(0xb8, 0x9b, 0x00), QColor(0x55, 0x55, 0x55), QColor(0x55, 0x55, 0x55)};

QPen linePen(const QColor& color, SeriesKind kind)
{
    QPen pen(color);
    pen.setStyle(kind == SeriesKind::Requested ? Qt::DashLine : kind == SeriesKind::Local ? Qt::DotLine : Qt::SolidLine);
    pen.setWidthF(kind == SeriesKind::Global ? 3.0 : 1.0);
    // Thin dashes and dots must be cosmetic to take Qt's fast cosmetic stroker:
    // a 1 px pen that is not cosmetic goes through the general dash stroker, and
    // a flapping local level's dotted line took 300 ms a frame to paint (6 ms
    // cosmetic, docs/chart.md).
    pen.setCosmetic(kind != SeriesKind::Global);
    return pen;
}

QString markerName(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::LinkLost: return ProtectionChart::tr("Link lost");
    case MarkerKind::RenegotiationRequired: return ProtectionChart::tr("Renegotiation required");
    case MarkerKind::ConnectorChanged: return ProtectionChart::tr("Connector changed");
    case MarkerKind::LevelDrop: return ProtectionChart::tr("Level drop");
    case MarkerKind::ReplyRejected: return ProtectionChart::tr("Reply not believed");
    case MarkerKind::CommandRefused: return ProtectionChart::tr("Command refused");
    case MarkerKind::OtherAlert: break;
    }
    return ProtectionChart::tr("Other alert");
}

QString kindName(SeriesKind kind)
{
    switch (kind) {
    case SeriesKind::Requested: return ProtectionChart::tr("requested");
    case SeriesKind::Local: return ProtectionChart::tr("local");
    case SeriesKind::Global: break;
    }
    return ProtectionChart::tr("global");
}

// "1:05", "1:02:03", with tenths when the ticks are closer than a second.
QString formatTime(qint64 ms, bool tenths)
{
    const qint64 s = ms / 1000;
    const QLatin1Char zero('0');
    QString text = s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, zero).arg(s % 60, 2, 10, zero)
                             : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
    if (tenths)
        text += QStringLiteral(".%1").arg(ms % 1000 / 100);
    return text;
}

QString formatTimeMs(qint64 ms)
{
    return formatTime(ms, false) + QStringLiteral(".%1").arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QIcon themeIcon(const char* name, QStyle::StandardPixmap fallback, const QWidget* widget)
{
    return QIcon::fromTheme(QLatin1StringView(name), widget->style()->standardIcon(fallback));
}

// The chart view with the mouse and keyboard of the header comment.
class ChartView final : public QChartView {
public:
    ChartView(QChart* chart, ProtectionChart* owner) : QChartView(chart, owner), m_owner(owner) {}

protected:
    void wheelEvent(QWheelEvent* e) override
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
    void mousePressEvent(QMouseEvent* e) override
    {
        if (e->button() == Qt::MiddleButton || (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ControlModifier))) {
            m_panning = true;
            m_panX = e->position().x();
            e->accept();
            return;
        }
        QChartView::mousePressEvent(e);
    }
    void mouseMoveEvent(QMouseEvent* e) override
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
    void mouseReleaseEvent(QMouseEvent* e) override
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
    void keyPressEvent(QKeyEvent* e) override
    {
        switch (e->key()) {
        case Qt::Key_Left: m_owner->scrollBy(-0.1); break;
        case Qt::Key_Right: m_owner->scrollBy(0.1); break;
        case Qt::Key_Equal: m_owner->zoom(0.5); break; // "+" without Shift
        default: QChartView::keyPressEvent(e); return;
        }
        e->accept();
    }

private:
    ProtectionChart* m_owner;
    bool m_panning = false;
    double m_panX = 0;
};

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
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_levelAxis, Qt::AlignLeft);

    // The legend explains line styles once (the lanes name the types), then
    // the marker shapes: a dozen per-type entries would not fit in a row. Its
    // markers draw each line style, so the names need not spell it out (a
    // narrow window cut "(dashed)" and the like to "(gestri…" in German).
    for (std::size_t k = 0; k < 3; ++k) {
        auto* key = new QLineSeries;
        const auto kind = static_cast<SeriesKind>(k);
        key->setName(kind == SeriesKind::Requested ? tr("Requested")
                     : kind == SeriesKind::Local   ? tr("Local / virtual")
                                                   : tr("Global / actual"));
        key->setPen(linePen(QColor(0x44, 0x44, 0x44), kind));
        m_chart->addSeries(key);
        key->attachAxis(m_timeAxis);
        key->attachAxis(m_levelAxis);
    }
    for (std::size_t k = 0; k < m_markerSeries.size(); ++k) {
        auto* s = new QScatterSeries;
        s->setName(markerName(static_cast<MarkerKind>(k)));
        s->setMarkerShape(kMarkerShape[k]);
        s->setMarkerSize(11);
        s->setColor(kMarkerColor[k]);
        s->setBorderColor(Qt::black); // shapes stay visible on any colour
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
            // Within two marker slots: the tooltip also lists the markers thinned out.
            const qint64 toleranceMs = (m_toMs - m_fromMs) * 2 * kMarkerBucketPx / std::max(1, m_drawnWidth) + 1;
            if (on)
                QToolTip::showText(QCursor::pos(), markerToolTip(qRound64(p.x() * 1000), toleranceMs), m_view);
            else
                QToolTip::hideText();
        });
        m_markerSeries[k] = s;
        m_chart->addSeries(s);
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_levelAxis);
    }

    m_view = new ChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRubberBand(QChartView::HorizontalRubberBand);
    // Every redraw moves the chart's items: a BSP index would only go stale (and
    // a render right after a redraw would miss what moved). Few items: no index.
    m_view->scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
    m_view->setFocusPolicy(Qt::StrongFocus);
    m_view->setAccessibleName(tr("Protection levels over time"));

    m_toolBar = new QToolBar(tr("Chart controls"), this);
    m_toolBar->setAccessibleName(tr("Chart controls"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    auto makeAction = [this](const QString& text, const QIcon& icon, const QList<QKeySequence>& keys, const QString& tip) {
        auto* a = new QAction(icon, text, this);
        a->setShortcuts(keys);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut); // several charts may coexist
        a->setToolTip(tip);
        addAction(a);
        m_toolBar->addAction(a);
        return a;
    };
    m_pauseAction = makeAction(tr("Pause"), themeIcon("media-playback-pause", QStyle::SP_MediaPause, this),
                               {QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_P)},
                               tr("Freeze the view while data keeps arriving (Space)"));
    m_pauseAction->setCheckable(true);
    m_followAction = makeAction(tr("Follow live"), themeIcon("go-last", QStyle::SP_MediaSkipForward, this),
                                {QKeySequence(Qt::Key_End)}, tr("Follow the newest data (End)"));
    m_showAllAction = makeAction(tr("Show all"), themeIcon("zoom-fit-best", QStyle::SP_FileDialogContentsView, this),
                                 {QKeySequence(Qt::Key_Home)}, tr("Show the whole session (Home)"));
    m_zoomInAction = makeAction(tr("Zoom in"), themeIcon("zoom-in", QStyle::SP_ArrowUp, this),
                                {QKeySequence(Qt::Key_Plus), QKeySequence::ZoomIn}, tr("Zoom in (+)"));
    m_zoomOutAction = makeAction(tr("Zoom out"), themeIcon("zoom-out", QStyle::SP_ArrowDown, this),
                                 {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}, tr("Zoom out (-)"));
    connect(m_pauseAction, &QAction::triggered, this, [this](bool on) { on ? pause() : followLive(); });
    connect(m_followAction, &QAction::triggered, this, &ProtectionChart::followLive);
    connect(m_showAllAction, &QAction::triggered, this, &ProtectionChart::showAll);
    connect(m_zoomInAction, &QAction::triggered, this, [this] { zoom(0.5); });
    connect(m_zoomOutAction, &QAction::triggered, this, [this] { zoom(2.0); });
    m_toolBar->addSeparator();
    m_status = new QLabel(m_toolBar);
    m_status->setAccessibleName(tr("Chart view state"));
    m_toolBar->addWidget(m_status);

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
    if (type == QLatin1StringView("cgmsa"))
        return tr("CGMS-A");
    return type.toUpper(); // HDCP, ACP, DPCP: acronyms, the same in every language
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

void ProtectionChart::setMode(ViewMode mode)
{
    const bool changed = mode != m_mode;
    m_mode = mode;
    m_pauseAction->setChecked(mode == ViewMode::Fixed);
    switch (mode) {
    case ViewMode::Live: m_status->setText(tr("Live: last %1 s").arg(m_liveWindowMs / 1000)); break;
    case ViewMode::All: m_status->setText(tr("Showing the whole session")); break;
    case ViewMode::Fixed: m_status->setText(tr("Paused")); break;
    }
    if (changed)
        emit viewModeChanged(mode);
}

void ProtectionChart::followLive()
{
    setMode(ViewMode::Live);
    scheduleRedraw(true);
}

void ProtectionChart::pause()
{
    setMode(ViewMode::Fixed);
}

void ProtectionChart::showAll()
{
    setMode(ViewMode::All);
    scheduleRedraw(true);
}

void ProtectionChart::setLiveWindowMs(qint64 ms)
{
    m_liveWindowMs = std::max<qint64>(ms, 1000);
    if (m_mode == ViewMode::Live) {
        setMode(ViewMode::Live); // the status text names the window
        scheduleRedraw(true);
    }
}

void ProtectionChart::setVisibleRange(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < kMinSpanMs)
        toMs = fromMs + kMinSpanMs;
    m_fromMs = fromMs;
    m_toMs = toMs;
    setMode(ViewMode::Fixed);
    scheduleRedraw(true);
}

void ProtectionChart::zoom(double factor)
{
    zoomAround(factor, m_fromMs + (m_toMs - m_fromMs) / 2);
}

void ProtectionChart::zoomAround(double factor, qint64 anchorMs)
{
    const qint64 span = m_toMs - m_fromMs;
    const qint64 whole = m_history && !m_history->isEmpty() ? m_history->lastMs() - m_history->firstMs() : 0;
    const qint64 maxSpan = std::max(2 * whole, 2 * m_liveWindowMs);
    const qint64 newSpan = std::clamp<qint64>(qRound64(double(span) * factor), kMinSpanMs, maxSpan);
    anchorMs = std::clamp(anchorMs, m_fromMs, m_toMs);
    const double scale = double(newSpan) / double(std::max<qint64>(span, 1));
    const qint64 from = anchorMs - qRound64(double(anchorMs - m_fromMs) * scale); // the anchor stays put
    setVisibleRange(from, from + newSpan);
}

void ProtectionChart::scrollBy(double fraction)
{
    const qint64 span = m_toMs - m_fromMs;
    qint64 from = m_fromMs + qRound64(double(span) * fraction);
    if (m_history && !m_history->isEmpty()) { // keep at least half a view of data in sight
        const qint64 first = m_history->firstMs();
        from = std::clamp(from, first - span / 2, std::max(first, m_history->lastMs() - span / 2));
    }
    setVisibleRange(from, from + span);
}

void ProtectionChart::onAxisRangeChanged(qreal minSeconds, qreal maxSeconds)
{
    if (m_settingAxes)
        return;
    // The rubber band zoomed the chart itself: take its range as ours.
    setVisibleRange(qRound64(minSeconds * 1000), qRound64(maxSeconds * 1000));
}

void ProtectionChart::updateRange()
{
    if (m_mode == ViewMode::Fixed)
        return;
    if (!m_history || m_history->isEmpty()) {
        m_fromMs = 0;
        m_toMs = m_liveWindowMs;
        return;
    }
    const qint64 first = m_history->firstMs();
    const qint64 last = m_history->lastMs();
    if (m_mode == ViewMode::Live) {
        m_fromMs = std::max(first, last - m_liveWindowMs); // a full window from the start on
        m_toMs = m_fromMs + m_liveWindowMs;
    } else {
        m_fromMs = first;
        m_toMs = std::max(last, first + 1000);
    }
}

void ProtectionChart::ensureTypes(const QStringList& types)
{
    bool changed = false;
    const QStringList& known = ProtectionHistory::knownTypes();
    for (int t = 0; t < int(known.size()); ++t) {
        auto& lines = m_lines[std::size_t(t)].lines;
        const bool wanted = types.contains(known.at(t));
        if (wanted == (lines[0] != nullptr))
            continue;
        changed = true;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            if (!wanted) {
                m_chart->removeSeries(lines[k]);
                delete lines[k];
                lines[k] = nullptr;
                continue;
            }
            const auto kind = static_cast<SeriesKind>(k);
            auto* s = new QLineSeries;
            const QString name = typeDisplayName(known.at(t));
            s->setName(kind == SeriesKind::Requested ? tr("%1 requested").arg(name)
                       : kind == SeriesKind::Local   ? tr("%1 local").arg(name)
                                                     : tr("%1 global").arg(name));
            s->setPen(linePen(kTypeColor[std::size_t(t)], kind));
            const QString type = known.at(t);
            connect(s, &QLineSeries::hovered, this, [this, type, kind](const QPointF& p, bool on) {
                if (on)
                    QToolTip::showText(QCursor::pos(), levelToolTip(type, kind, qRound64(p.x() * 1000)), m_view);
                else
                    QToolTip::hideText();
            });
            m_chart->addSeries(s);
            s->attachAxis(m_timeAxis);
            s->attachAxis(m_levelAxis);
            for (QLegendMarker* marker : m_chart->legend()->markers(s))
                marker->setVisible(false); // the style key and the lane labels say it
            lines[k] = s;
        }
    }
    if (changed)
        layoutLanes();
}

// Lanes bottom-up: the last type at the bottom, "Alerts" on top, one labelled
// grid line per level.
void ProtectionChart::layoutLanes()
{
    for (const QString& label : m_levelAxis->categoriesLabels())
        m_levelAxis->remove(label);
    const QStringList& known = ProtectionHistory::knownTypes();
    double y = 0;
    for (int t = int(known.size()) - 1; t >= 0; --t) {
        if (!m_lines[std::size_t(t)].lines[0])
            continue;
        m_laneBase[std::size_t(t)] = y;
        const QString name = typeDisplayName(known.at(t));
        for (quint32 level = 0; level <= kMaxLevel[std::size_t(t)]; ++level)
            m_levelAxis->append(tr("%1 %2", "protection type and level").arg(name).arg(level), y + level);
        y += kMaxLevel[std::size_t(t)] + kRowGap;
    }
    m_alertLaneY = y;
    const double top = y + kAlertRowStep * double(m_markerSeries.size() - 1);
    m_levelAxis->append(tr("Alerts"), (y + top) / 2);
    m_levelAxis->setStartValue(-0.6);
    m_settingAxes = true;
    m_levelAxis->setRange(-0.6, top + 0.5);
    m_settingAxes = false;
}

double ProtectionChart::laneY(int typeIndex, quint32 value, SeriesKind kind) const
{
    const quint32 max = kMaxLevel[std::size_t(typeIndex)];
    const quint32 base = typeIndex == 2 ? value & ~0x08u : value; // CGMS-A: without the redistribution flag
    double level = base > max ? max + 0.4 : double(base);          // out of range: above the lane's top
    if (value == kNoLevel)
        level = -0.4; // "no protection level available": below the lane's 0
    const double offset = kind == SeriesKind::Requested ? 0.12 : kind == SeriesKind::Local ? -0.12 : 0.0;
    return m_laneBase[std::size_t(typeIndex)] + level + offset;
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
        m_timeAxis->append(formatTime(tick, step < 1000), double(tick) / 1000);
}

void ProtectionChart::redrawNow()
{
    m_redrawTimer->stop();
    ensureTypes(m_history ? m_history->types() : QStringList{});
    updateRange();
    m_drawnWidth = std::max(100, int(m_chart->plotArea().width()));
    m_settingAxes = true;
    m_timeAxis->setRange(double(m_fromMs) / 1000, double(m_toMs) / 1000);
    m_levelAxis->setRange(-0.6, m_alertLaneY + kAlertRowStep * double(m_markerSeries.size() - 1) + 0.5);
    updateTimeAxis();
    m_settingAxes = false;

    m_drawnPoints = 0;
    const QStringList& known = ProtectionHistory::knownTypes();
    for (int t = 0; t < int(known.size()); ++t) {
        const auto& lines = m_lines[std::size_t(t)].lines;
        if (!lines[0])
            continue;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const auto kind = static_cast<SeriesKind>(k);
            // A step per three pixels, so with its corner under a point per pixel:
            // Qt Charts strokes every point twice (paint and hover shape), and a
            // flapping level looks much the same at this density.
            const auto steps = m_history ? m_history->points(known.at(t), kind, m_fromMs, m_toMs, m_drawnWidth / 3)
                                         : QList<models::StepPoint>{};
            QList<QPointF> xy;
            xy.reserve(steps.size() * 2);
            const double subPixelS = double(m_toMs - m_fromMs) / 1000 / m_drawnWidth;
            for (const auto& p : steps) {
                const double x = double(p.tMs) / 1000;
                const double y = laneY(t, p.value, kind);
                // The step's corner, unless the step is narrower than a pixel
                // (where it could not be seen and would only cost stroking).
                if (!xy.isEmpty() && xy.last().y() != y && x - xy.last().x() >= subPixelS)
                    xy.append(QPointF(x, xy.last().y()));
                if (xy.isEmpty() || xy.last() != QPointF(x, y))
                    xy.append(QPointF(x, y));
            }
            m_drawnPoints += xy.size();
            lines[k]->replace(xy);
        }
    }

    // Markers: one per kind per few pixels; the tooltip lists the ones hidden.
    std::array<QList<QPointF>, models::kMarkerKindCount> marks;
    qsizetype alertsInView = 0;
    if (m_history) {
        const qint64 bucketMs = (m_toMs - m_fromMs) * kMarkerBucketPx / m_drawnWidth;
        for (const auto& m : m_history->thinnedMarkers(m_fromMs, m_toMs, bucketMs, &alertsInView)) {
            const auto k = std::size_t(m.kind);
            marks[k].append(QPointF(double(m.tMs) / 1000, m_alertLaneY + kAlertRowStep * double(k)));
        }
    }
    for (std::size_t k = 0; k < marks.size(); ++k) {
        m_drawnPoints += marks[k].size();
        m_markerSeries[k]->replace(marks[k]);
    }

    QString description = tr("Showing %1 to %2; %n alert(s) in view", "", int(alertsInView))
                              .arg(formatTime(std::max<qint64>(m_fromMs, 0), false),
                                   formatTime(std::max<qint64>(m_toMs, 0), false));
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
    // Lay out the new labels and legend now (not at the next event-loop pass),
    // so an export or a grab right after is current.
    m_chart->layout()->activate();
    m_chart->legend()->layout()->activate();
}

QString ProtectionChart::markerToolTip(qint64 tMs, qint64 toleranceMs) const
{
    if (!m_history)
        return {};
    constexpr qsizetype kShown = 8;
    const auto found = m_history->markers(tMs - toleranceMs, tMs + toleranceMs, kShown + 1);
    QStringList lines;
    for (qsizetype i = 0; i < std::min(found.size(), kShown); ++i)
        lines.append(tr("%1  %2: %3").arg(formatTimeMs(found[i].tMs), markerName(found[i].kind), found[i].detail));
    if (found.size() > kShown)
        lines.append(tr("… and more: zoom in to separate them"));
    return lines.join(QLatin1Char('\n'));
}

QString ProtectionChart::levelToolTip(const QString& type, SeriesKind kind, qint64 tMs) const
{
    if (!m_history)
        return {};
    const auto value = m_history->valueAt(type, kind, tMs);
    const QString what = tr("%1 %2 level").arg(typeDisplayName(type), kindName(kind));
    if (!value)
        return tr("%1 at %2: unknown").arg(what, formatTimeMs(tMs));
    QString text = *value == kNoLevel ? tr("%1 at %2: no protection level available").arg(what, formatTimeMs(tMs))
                                      : tr("%1 at %2: %3").arg(what, formatTimeMs(tMs)).arg(*value);
    if (type == QLatin1StringView("cgmsa") && *value != kNoLevel && (*value & 0x08u))
        text = tr("%1 at %2: %3 with redistribution control required").arg(what, formatTimeMs(tMs)).arg(*value & ~0x08u);
    return text;
}

void ProtectionChart::prepareRender()
{
    // A chart never shown has no geometry yet (layouts and resize events wait
    // for show()): give it one at its current size, so hidden charts export too.
    if (!m_view->isVisible()) {
        layout()->activate();
        m_focusFrame->layout()->activate(); // the view sits in the focus frame
        QResizeEvent resize(m_view->size(), QSize());
        QCoreApplication::sendEvent(m_view, &resize);
    }
    redrawNow();
}

bool ProtectionChart::exportPng(const QString& path)
{
    prepareRender();
    QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        m_view->render(&painter);
    }
    return image.save(path, "PNG");
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
    return QWidget::eventFilter(watched, event);
}

bool ProtectionChart::exportWholeSession(const QString& pngPath, const QString& svgPath)
{
    const ViewMode mode = m_mode;
    const qint64 from = m_fromMs;
    const qint64 to = m_toMs;
    setMode(ViewMode::All);
    const bool ok = exportPng(pngPath) && exportSvg(svgPath);
    m_fromMs = from;
    m_toMs = to;
    setMode(mode);
    scheduleRedraw(true);
    return ok;
}

bool ProtectionChart::exportSvg(const QString& path)
{
    prepareRender();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(m_view->size());
    svg.setViewBox(QRect(QPoint(0, 0), m_view->size()));
    svg.setTitle(tr("Protection levels"));
    svg.setDescription(m_view->accessibleDescription());
    {
        QPainter painter;
        if (!painter.begin(&svg))
            return false;
        m_view->render(&painter);
    }
    return QFileInfo(path).size() > 0;
}

} // namespace copp::ui
