#include "protectionchart.h"

#include "chartbackdrop.h"
#include "chartlevels.h"

#include <core/session/protectionstate.h>

#include <QAction>
#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QFileInfo>
#include <QFrame>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPixmap>
#include <QPainter>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QStyle>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace copp::ui {

using models::MarkerKind;
using models::ProtectionHistory;
using models::SeriesKind;

namespace {

constexpr int kDataRedrawMs = 100;      // new data: at most ten redraws a second
constexpr qint64 kMinSpanMs = 100;      // deepest zoom
constexpr double kLaneGap = 0.4;        // between two lanes, in rows
constexpr double kMarkerStrip = 0.8;    // above a lane's top row: its title, refused commands and R marks
constexpr double kKindOffset = 0.2;     // requested above, local below the global line: agreeing lines stay apart
constexpr double kAlertRowStep = 0.3;   // between the marker rows of the alert lane
constexpr int kMarkerBucketPx = 8;      // one marker of a kind per 8 pixels (they are 11 wide)
constexpr int kRedistributionMarkPx = 40; // at most one R mark per 40 pixels
constexpr qsizetype kLaneThinningLimit = 5000; // markers in view up to which each lane is thinned apart
constexpr int kDefaultChromePx = 90;    // view height around the plot area until the first layout
using chartlevels::kNoLevel;
constexpr int kCgmsa = 2;               // index in knownTypes()

const std::array<QColor, 4> kTypeColor{QColor(0x1f, 0x77, 0xb4), QColor(0xd9, 0x5f, 0x02), QColor(0x1b, 0x9e, 0x77),
                                       QColor(0x75, 0x70, 0xb3)};
const QColor kRequestedColour(0x50, 0x50, 0x50); // neutral: the target, not a measurement
const QColor kKeyColour(0x44, 0x44, 0x44);       // the legend's line keys, for every type
constexpr std::array<QScatterSeries::MarkerShape, models::kMarkerKindCount> kMarkerShape{
    QScatterSeries::MarkerShapeTriangle, QScatterSeries::MarkerShapeRectangle, QScatterSeries::MarkerShapePentagon,
    QScatterSeries::MarkerShapeRotatedRectangle, QScatterSeries::MarkerShapeStar, QScatterSeries::MarkerShapeCircle,
    QScatterSeries::MarkerShapeCircle /* CommandRefused: a cross image instead */};
const std::array<QColor, models::kMarkerKindCount> kMarkerColor{
    QColor(0xd6, 0x27, 0x28), QColor(0x8c, 0x56, 0x4b), QColor(0x17, 0x9e, 0xaf),
    QColor(0xc7, 0x4f, 0xa8), QColor(0xb8, 0x9b, 0x00), QColor(0x55, 0x55, 0x55), QColor(0x8b, 0x00, 0x00)};

// Thin lines are cosmetic, so Qt's cosmetic stroker draws them, dots
// included: with a 1 px dotted pen that was not cosmetic, a flapping local
// level took 300 ms a frame to paint, cosmetic 6 ms (docs/chart.md). The
// global line is solid and drawn segment by segment, which stays cheap.
QPen linePen(const QColor& typeColour, SeriesKind kind)
{
    if (kind == SeriesKind::Global)
        return QPen(typeColour, 3.0, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    QPen pen(kind == SeriesKind::Requested ? kRequestedColour : typeColour, 1.0,
             kind == SeriesKind::Requested ? Qt::SolidLine : Qt::DotLine);
    pen.setCosmetic(true);
    return pen;
}

// The refused-command mark: a cross, a shape no alert uses.
QImage crossImage(int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double m = 2.5;
    for (const auto& [pen, width] : {std::pair{QColor(Qt::white), 5.0}, std::pair{kMarkerColor[6], 2.6}}) {
        p.setPen(QPen(pen, width, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(m, m), QPointF(size - m, size - m));
        p.drawLine(QPointF(m, size - m), QPointF(size - m, m));
    }
    return image;
}

// The redistribution-control mark: a boxed "R".
QImage letterImage(int size, const QString& letter)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(QColor(0xff, 0xf3, 0xb0));
    p.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 2, 2);
    QFont font = p.font();
    font.setPixelSize(size - 4);
    font.setBold(true);
    p.setFont(font);
    p.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, letter);
    return image;
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

// A magnifier with "+" or "-": the zoom buttons show only their icon, and the
// style's fallback (an arrow up or down) would not say "zoom" without an icon theme.
QIcon zoomIcon(bool in, const QWidget* widget)
{
    const QString name = in ? QStringLiteral("zoom-in") : QStringLiteral("zoom-out");
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 16.0, size / 16.0);
        const QColor ink = widget->palette().color(QPalette::ButtonText);
        p.setPen(QPen(ink, 1.6));
        p.setBrush(widget->palette().color(QPalette::Base));
        p.drawEllipse(QRectF(1.5, 1.5, 9.5, 9.5));
        p.setPen(QPen(ink, 2.6, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(10.2, 10.2), QPointF(14.2, 14.2)); // the handle
        p.setPen(QPen(ink, 1.5));
        p.drawLine(QPointF(3.8, 6.25), QPointF(8.7, 6.25));
        if (in)
            p.drawLine(QPointF(6.25, 3.8), QPointF(6.25, 8.7));
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
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
    m_levelAxis->setTitleVisible(false); // the labels name type and level; the plot gets the width
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_levelAxis, Qt::AlignLeft);
    m_backdrop = new ChartBackdrop(m_chart);
    auto addToChart = [this](QAbstractSeries* series) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_levelAxis);
    };

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
        key->setPen(linePen(kKeyColour, kind));
        addToChart(key);
    }
    // The shortfall is painted by the backdrop; this empty area series is its legend key.
    auto* shortfallKey = new QAreaSeries;
    shortfallKey->setUpperSeries(new QLineSeries(shortfallKey));
    shortfallKey->setName(tr("Shortfall: below request"));
    shortfallKey->setBrush(ChartBackdrop::shortfallColour());
    shortfallKey->setPen(QPen(ChartBackdrop::shortfallColour().darker(150), 1));
    addToChart(shortfallKey);
    for (QLegendMarker* marker : m_chart->legend()->markers(shortfallKey)) {
        // "From series" draws an area series' key white (Qt 6.4 passes it no brush): a plain box.
        marker->setShape(QLegend::MarkerShapeRectangle);
        marker->setPen(shortfallKey->pen());
    }

    for (std::size_t k = 0; k < m_markerSeries.size(); ++k) {
        const auto kind = static_cast<MarkerKind>(k);
        auto* s = new QScatterSeries;
        s->setName(markerName(kind));
        s->setMarkerShape(kMarkerShape[k]);
        s->setMarkerSize(11);
        s->setColor(kMarkerColor[k]);
        s->setBorderColor(Qt::black); // shapes stay visible on any colour
        if (kind == MarkerKind::CommandRefused) {
            s->setMarkerSize(13);
            s->setLightMarker(crossImage(13));
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
        addToChart(s);
    }
    m_redistributionMarks = new QScatterSeries;
    m_redistributionMarks->setName(tr("Redistribution control"));
    m_redistributionMarks->setMarkerSize(12);
    m_redistributionMarks->setLightMarker(letterImage(12, tr("R", "mark: redistribution control required")));
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
    addToChart(m_redistributionMarks);
    for (int t = 0; t < chartlevels::kTypeCount; ++t)
        createSeries(t);

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
    m_zoomInAction = makeAction(tr("Zoom in"), zoomIcon(true, this),
                                {QKeySequence(Qt::Key_Plus), QKeySequence::ZoomIn}, tr("Zoom in (+)"));
    m_zoomOutAction = makeAction(tr("Zoom out"), zoomIcon(false, this),
                                 {QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut}, tr("Zoom out (-)"));
    // Zoom buttons show their icon only (the tooltip and the accessible name
    // keep the text): with every label in German the toolbar overflowed the
    // chart's width on a 1366 px screen, and the modes need their words more.
    for (QAction* a : {m_zoomInAction, m_zoomOutAction})
        if (auto* button = qobject_cast<QToolButton*>(m_toolBar->widgetForAction(a)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
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
        s->setPen(linePen(kTypeColor[std::size_t(typeIndex)], kind));
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
        ChartBackdrop::Lane band{y, 0, name, kTypeColor[std::size_t(t)], {}};
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
    return m_alertLaneY + kAlertRowStep * double(m_markerSeries.size() - 1);
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
        m_timeAxis->append(formatTime(tick, step < 1000), double(tick) / 1000);
}

namespace {

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
        if (wantRow && (haveRow ? *haveRow < *wantRow : have == kNoLevel)) {
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
        marks[k].append(QPointF(double(m.tMs) / 1000, onLane ? markerStripY(t) : m_alertLaneY + kAlertRowStep * double(k)));
    }
    for (std::size_t k = 0; k < marks.size(); ++k) {
        m_drawnPoints += marks[k].size();
        m_markerSeries[k]->replace(marks[k]);
    }
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

void ProtectionChart::updateDescription(qsizetype alertsInView)
{
    QString description = tr("Showing %1 to %2; %n alert(s) in view", "", int(alertsInView))
                              .arg(formatTime(std::max<qint64>(m_fromMs, 0), false),
                                   formatTime(std::max<qint64>(m_toMs, 0), false));
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

std::optional<double> ProtectionChart::levelAxisValue(const QString& type, quint32 value) const
{
    const int t = chartlevels::typeIndex(type);
    if (t < 0 || !m_lanes[std::size_t(t)].shown || !m_lanes[std::size_t(t)].offered)
        return std::nullopt;
    return laneY(t, value, SeriesKind::Global);
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

QString ProtectionChart::markerToolTip(qint64 tMs, qint64 toleranceMs) const
{
    if (!m_history)
        return {};
    constexpr qsizetype kShown = 8;
    const auto found = m_history->markers(tMs - toleranceMs, tMs + toleranceMs, kShown + 1);
    QStringList lines;
    for (qsizetype i = 0; i < std::min(found.size(), kShown); ++i) {
        const auto& m = found[i];
        const QString what = m.type.isEmpty() ? markerName(m.kind)
                                              : tr("%1 (%2)", "marker and protection type").arg(markerName(m.kind), typeDisplayName(m.type));
        lines.append(tr("%1  %2: %3").arg(formatTimeMs(m.tMs), what, m.detail));
    }
    if (found.size() > kShown)
        lines.append(tr("… and more: zoom in to separate them"));
    return lines.join(QLatin1Char('\n'));
}

QString ProtectionChart::levelToolTip(const QString& type, SeriesKind kind, qint64 tMs) const
{
    if (!m_history)
        return {};
    const QString what = tr("%1 %2 level").arg(typeDisplayName(type), kindName(kind));
    const int t = chartlevels::typeIndex(type);
    if (t >= 0 && !m_history->isTypeAvailable(type))
        return tr("%1 at %2: %3 is not offered by this output").arg(what, formatTimeMs(tMs), typeDisplayName(type));
    const auto value = m_history->valueAt(type, kind, tMs);
    if (!value)
        return tr("%1 at %2: unknown").arg(what, formatTimeMs(tMs));
    const QString level = t >= 0 ? chartlevels::levelName(t, *value) : QString::number(*value);
    return tr("%1 at %2: %3").arg(what, formatTimeMs(tMs), level);
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
            .arg(formatTimeMs(tMs), chartlevels::levelName(s.typeIndex, *have), chartlevels::levelName(s.typeIndex, *want));
    }
    return {};
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
