// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/protectionchart.h>

#include <QAction>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>

// The chart's view modes (Live, All, Fixed), its visible range, zoom and scroll,
// and the toolbar whose actions drive them (ProtectionChart's header comment).

namespace copp::ui {

namespace {

constexpr qint64 kMinSpanMs = 100;      // deepest zoom

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

} // namespace

void ProtectionChart::createToolBar()
{
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

} // namespace copp::ui
