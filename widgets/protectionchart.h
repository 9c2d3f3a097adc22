// The protection levels of a session over time: a small toolbar above a
// QChartView drawing a models::ProtectionHistory.
//
// Each protection type has its own labelled lane ("HDCP 0", "HDCP 1", ...)
// with three step lines in the type's colour, named "HDCP requested", "HDCP
// local", "HDCP global": requested dashed, local dotted (thin), global solid
// (thick), drawn a little apart so agreeing lines stay visible. Alerts sit in
// an "Alerts" lane on top as scatter series with a shape each (triangle: link
// lost, square: renegotiation required, pentagon: connector changed, diamond:
// level drop, star: reply not believed, circle: other alerts). The legend keys
// the three line styles and names the six marker shapes; hovering a line or a
// marker shows its time, value or alert kind and detail. Colour is never the
// only signal: line style, shape, lane labels, legend text and tooltips.
//
// View modes: Live follows the newest data with a window of liveWindowMs()
// (default 60 s); All covers the whole history as it grows; Fixed (paused)
// keeps the visible range and the picture while data keeps arriving. Scrolling
// and zooming switch to Fixed. Redraws are coalesced (at most one per 100 ms
// for new data) and drawn from decimated points (a step per three horizontal
// pixels at most, so under one point per pixel per line with the step
// corners), so a day of history costs what a minute does.
//
// Keyboard (chart focused): Left/Right scroll, +/- zoom, Space or P pause,
// Home show all, End follow live. Mouse: wheel zooms around the pointer,
// horizontal wheel or Shift+wheel scrolls, a left drag zooms to the dragged
// span (rubber band), a middle or Ctrl+left drag pans, a right click zooms out.
#pragma once

#include <core/models/protectionhistory.h>

#include <QPointer>
#include <QWidget>

#include <array>

class QAction;
class QFrame;
class QLabel;
class QTimer;
class QToolBar;
class QChart;
class QChartView;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;

namespace copp::ui {

class ProtectionChart : public QWidget {
    Q_OBJECT
public:
    enum class ViewMode { Live, All, Fixed };
    Q_ENUM(ViewMode)

    explicit ProtectionChart(QWidget* parent = nullptr);
    ~ProtectionChart() override;

    // The chart does not own the history; it redraws when it changes.
    void setHistory(models::ProtectionHistory* history);
    models::ProtectionHistory* history() const { return m_history; }

    ViewMode viewMode() const { return m_mode; }
    // The visible time range in ms since the session began.
    qint64 visibleFromMs() const { return m_fromMs; }
    qint64 visibleToMs() const { return m_toMs; }
    void setVisibleRange(qint64 fromMs, qint64 toMs); // switches to Fixed
    qint64 liveWindowMs() const { return m_liveWindowMs; }
    void setLiveWindowMs(qint64 ms); // at least 1 s

    // Toolbar actions (also usable from a menu): checkable Pause, Follow live,
    // Show all, Zoom in, Zoom out.
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* followLiveAction() const { return m_followAction; }
    QAction* showAllAction() const { return m_showAllAction; }
    QAction* zoomInAction() const { return m_zoomInAction; }
    QAction* zoomOutAction() const { return m_zoomOutAction; }
    QToolBar* toolBar() const { return m_toolBar; }
    QChartView* chartView() const { return m_view; }
    QChart* chart() const { return m_chart; }

    // Render the chart only (no toolbar) at the chart view's size, shown or not;
    // false when the file cannot be written.
    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);
    // Both, with the whole session in view (evidence: the incident may be long
    // out of the live window); the view is then put back as it was.
    bool exportWholeSession(const QString& pngPath, const QString& svgPath);

    // Redraws now instead of at the next coalesced tick (tests, export, benches).
    void redrawNow();
    // Points handed to the line and scatter series by the last redraw.
    qsizetype drawnPointCount() const { return m_drawnPoints; }

    // Tooltip texts: the alerts within toleranceMs of tMs, and one line's value at tMs.
    QString markerToolTip(qint64 tMs, qint64 toleranceMs) const;
    QString levelToolTip(const QString& type, models::SeriesKind kind, qint64 tMs) const;

    static QString typeDisplayName(const QString& type); // "HDCP", "CGMS-A", ...

public slots:
    void followLive();
    void pause();
    void showAll();
    void zoom(double factor); // < 1 zooms in, around the middle
    void zoomAround(double factor, qint64 anchorMs);
    void scrollBy(double fraction); // of the visible span; positive = later

signals:
    void viewModeChanged(copp::ui::ProtectionChart::ViewMode mode);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct TypeLines {
        std::array<QLineSeries*, 3> lines{}; // by SeriesKind
    };

    void scheduleRedraw(bool soon);
    void prepareRender();
    void onHistoryChanged();
    void onAxisRangeChanged(qreal minSeconds, qreal maxSeconds);
    void setMode(ViewMode mode);
    void showFocusFrame(bool focused);
    void updateRange();
    void ensureTypes(const QStringList& types);
    void layoutLanes();
    void updateTimeAxis();
    double laneY(int typeIndex, quint32 value, models::SeriesKind kind) const;

    QPointer<models::ProtectionHistory> m_history;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_status = nullptr;
    QChartView* m_view = nullptr;
    QFrame* m_focusFrame = nullptr; // around m_view: highlighted while it has focus
    QChart* m_chart = nullptr;
    QCategoryAxis* m_timeAxis = nullptr;
    QCategoryAxis* m_levelAxis = nullptr;
    std::array<TypeLines, 4> m_lines{};       // by knownTypes() index; null until seen
    std::array<double, 4> m_laneBase{};       // y of level 0 per type
    std::array<QScatterSeries*, models::kMarkerKindCount> m_markerSeries{}; // by MarkerKind
    double m_alertLaneY = 0;
    QAction* m_pauseAction = nullptr;
    QAction* m_followAction = nullptr;
    QAction* m_showAllAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QTimer* m_redrawTimer = nullptr;
    ViewMode m_mode = ViewMode::Live;
    qint64 m_liveWindowMs = 60000;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 60000;
    qsizetype m_drawnPoints = 0;
    int m_drawnWidth = 0;
    bool m_settingAxes = false; // our own axis changes are not user zooms
};

} // namespace copp::ui
