// SPDX-License-Identifier: BSD-3-Clause
// The protection levels of a session over time: a small toolbar above a
// QChartView drawing a models::ProtectionHistory.
//
// One lane per protection type, its levels ordered by precedence (what protects
// more is higher: ACP off, 1, 3, 2; CGMS-A off, copy freely, copy one
// generation, copy no more, copy never) and labelled by name, so a real
// downgrade (ACP 2 -> 3) draws as a fall. In each lane three step lines:
// Global / actual thick in the type's colour, Requested thin and neutral grey,
// Local / virtual thin and dotted in the type's colour, drawn a little apart so
// agreeing lines stay visible. Where the actual level protects less than the
// requested one, the area between them is shaded ("shortfall"). A type the
// output does not offer is a hatched lane saying so, never level 0; a refused
// set_protection_level is a cross on its type's lane; CGMS-A's redistribution
// control flag is an "R" mark where it turns on, and said in the tooltips.
// Alerts sit in an "Alerts" lane on top, a shape each (triangle: link lost,
// square: renegotiation required, pentagon: connector changed, diamond: level
// drop, star: reply not believed, circle: other alerts). The legend keys the
// line styles, the shortfall and every mark; hovering a line, a mark, a
// shortfall or a hatched lane says what it is. Colour is never the only
// signal: line width and style, shapes, lane labels, legend text, tooltips.
// Each row keeps at least kMinRowPixels, so lanes stay readable in a small
// window (the chart asks for that much height).
//
// View modes: Live follows the newest data with a window of liveWindowMs()
// (default 60 s); All covers the whole history as it grows; Fixed (paused)
// keeps the visible range and the picture while data keeps arriving. Scrolling
// and zooming switch to Fixed. Redraws are coalesced (at most one per 100 ms
// for new data) and drawn from decimated points (a step per four horizontal
// pixels at most, so one point per two pixels per line with the step
// corners), so a day of history costs what a minute does. docs/chart.md has
// the frame times.
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
#include <optional>

class QAction;
class QFrame;
class QLabel;
class QTimer;
class QToolBar;
class QAbstractSeries;
class QChart;
class QChartView;
class QCategoryAxis;
class QLineSeries;
class QScatterSeries;

namespace copp::ui {

class ChartBackdrop;

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

    // Where a level of a type is drawn on the level axis (its Global line), and
    // the time spans shaded as shortfall with their areas as drawn (x in
    // seconds, y on the level axis); nothing for a type without a lane.
    std::optional<double> levelAxisValue(const QString& type, quint32 value) const;
    QList<QRectF> shortfallAreas(const QString& type) const;

    static constexpr int kMinRowPixels = 16; // a level row is never squeezed below this

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
    struct Lane {
        bool shown = false;
        bool offered = true;
        double base = 0; // y of the lowest row
    };

    // protectionchart.cpp: construction, the history and the redraw cycle.
    void scheduleRedraw(bool soon);
    void onHistoryChanged();
    void showFocusFrame(bool focused);
    // protectionchartnavigation.cpp: view modes, the visible range, the toolbar.
    void createToolBar();
    void onAxisRangeChanged(qreal minSeconds, qreal maxSeconds);
    void setMode(ViewMode mode);
    void updateRange();
    // protectionchartlanes.cpp: lanes, rows and axes.
    bool updateLaneSet();
    void layoutLanes();
    void updateMinimumHeight();
    void updateTimeAxis();
    double laneY(int typeIndex, quint32 value, models::SeriesKind kind) const;
    double markerStripY(int typeIndex) const;
    double laneTop(int typeIndex) const;
    double alertRowY(int markerKind) const;
    double alertsTop() const;
    // protectionchartseries.cpp: the series, and what they draw.
    void addSeries(QAbstractSeries* series);
    void createLegendKeys();
    void createMarkSeries();
    void createSeries(int typeIndex);
    QList<QPointF> stepLine(int typeIndex, models::SeriesKind kind, const QList<models::StepPoint>& steps) const;
    void drawLevels();
    void drawMarkers(const QList<models::Marker>& markers);
    QList<models::Marker> visibleMarkers(qsizetype* inView) const;
    // protectioncharttooltips.cpp: what the chart says in words.
    void updateDescription(qsizetype alertsInView);
    QString backdropToolTip(const QPointF& value) const;
    // protectionchartexport.cpp
    void prepareRender();

    QPointer<models::ProtectionHistory> m_history;
    QToolBar* m_toolBar = nullptr;
    QLabel* m_status = nullptr;
    QChartView* m_view = nullptr;
    QFrame* m_focusFrame = nullptr; // around m_view: highlighted while it has focus
    QChart* m_chart = nullptr;
    ChartBackdrop* m_backdrop = nullptr; // lane bands, hatching, shortfall
    QCategoryAxis* m_timeAxis = nullptr;
    QCategoryAxis* m_levelAxis = nullptr;
    std::array<TypeLines, 4> m_lines{};       // by knownTypes() index; empty without a lane
    std::array<Lane, 4> m_lanes{};            // by knownTypes() index
    std::array<bool, 4> m_refusedSeen{};      // a refused command gives its type a lane
    std::array<QScatterSeries*, models::kMarkerKindCount> m_markerSeries{}; // by MarkerKind
    QScatterSeries* m_redistributionMarks = nullptr;
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
