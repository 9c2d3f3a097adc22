// ProtectionChart, offscreen: series per type, live/pause/show all, keyboard,
// export, tooltips and a large history (functional checks, no timings).
#include <support/testsupport.h>
#include <core/models/protectionhistory.h>
#include <widgets/protectionchart.h>

#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QWheelEvent>
#include <QFrame>
#include <QValueAxis>
#include <QtTest>

#include <set>

using namespace copp;
using models::ProtectionHistory;
using models::SeriesKind;
using ui::ProtectionChart;

namespace {

QJsonObject levelEvent(qint64 t, const QString& request, const QString& type, qint64 value)
{
    return {{QStringLiteral("event"), QStringLiteral("status")},
            {QStringLiteral("request"), request},
            {QStringLiteral("type"), type},
            {QStringLiteral("value"), value},
            {QStringLiteral("ok"), true},
            {QStringLiteral("checks"), QJsonObject{{QStringLiteral("mac"), true}, {QStringLiteral("random"), true},
                                                   {QStringLiteral("size"), true}}},
            {QStringLiteral("t_ms"), t}};
}

// A session polling hdcp (and acp when asked) every 500 ms over [fromMs, toMs].
void poll(ProtectionHistory& h, qint64 fromMs, qint64 toMs, bool acp = false)
{
    for (qint64 t = fromMs; t <= toMs; t += 500) {
        h.addEvent(copp::tests::event(levelEvent(t, QStringLiteral("local-level"), QStringLiteral("hdcp"), 1)));
        h.addEvent(copp::tests::event(levelEvent(t, QStringLiteral("global-level"), QStringLiteral("hdcp"), t > 3000 ? 1 : 0)));
        if (acp)
            h.addEvent(copp::tests::event(levelEvent(t, QStringLiteral("global-level"), QStringLiteral("acp"), 2)));
    }
}

QJsonObject commandEvent(qint64 t, const QString& type, qint64 level)
{
    return {{QStringLiteral("event"), QStringLiteral("command")}, {QStringLiteral("command"), QStringLiteral("set_protection_level")},
            {QStringLiteral("type"), type}, {QStringLiteral("level"), level}, {QStringLiteral("ok"), true},
            {QStringLiteral("t_ms"), t}};
}

QJsonObject alertEvent(qint64 t, const QString& kind, const QString& detail)
{
    return {{QStringLiteral("event"), QStringLiteral("alert")}, {QStringLiteral("kind"), kind},
            {QStringLiteral("detail"), detail}, {QStringLiteral("t_ms"), t}};
}

QStringList seriesNames(const ProtectionChart& chart)
{
    QStringList names;
    for (auto* s : chart.chart()->series())
        names.append(s->name());
    return names;
}

template <typename T>
T* seriesNamed(const ProtectionChart& chart, const QString& name)
{
    for (auto* s : chart.chart()->series())
        if (s->name() == name)
            return qobject_cast<T*>(s);
    return nullptr;
}

struct Shown {
    ProtectionHistory history;
    ProtectionChart chart;
    Shown()
    {
        chart.setHistory(&history);
        chart.resize(1000, 600);
        chart.show();
    }
};

} // namespace

class TestProtectionChart : public QObject {
    Q_OBJECT
private slots:
    void seriesPerTypeWithStylesAndLegend()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        s.history.addEvent(copp::tests::event(commandEvent(4, QStringLiteral("hdcp"), 1)));
        s.history.addEvent(copp::tests::event(commandEvent(5, QStringLiteral("acp"), 2)));
        poll(s.history, 0, 10000, true);
        s.history.addEvent(copp::tests::event(alertEvent(3032, QStringLiteral("link_lost"), QStringLiteral("local-level: status flags carry LinkLost"))));
        s.chart.redrawNow();

        const QStringList names = seriesNames(s.chart);
        for (const QString& type : {QStringLiteral("HDCP"), QStringLiteral("ACP")})
            for (const QString& kind : {QStringLiteral("requested"), QStringLiteral("local"), QStringLiteral("global")})
                QVERIFY2(names.contains(type + QLatin1Char(' ') + kind), qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(!names.join(QLatin1Char(',')).contains(QStringLiteral("CGMS-A")));
        QVERIFY(!names.join(QLatin1Char(',')).contains(QStringLiteral("DPCP")));
        for (const QString& marker : {QStringLiteral("Link lost"), QStringLiteral("Renegotiation required"),
                                      QStringLiteral("Connector changed"), QStringLiteral("Level drop"),
                                      QStringLiteral("Reply not believed"), QStringLiteral("Other alert"), QStringLiteral("Command refused")})
            QVERIFY2(names.contains(marker), qPrintable(marker));

        // Line style tells the kinds apart, shape the markers: not colour alone.
        QCOMPARE(seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP requested"))->pen().style(), Qt::DashLine);
        QCOMPARE(seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP local"))->pen().style(), Qt::DotLine);
        auto* global = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP global"));
        QCOMPARE(global->pen().style(), Qt::SolidLine);
        QVERIFY(global->pen().widthF() > seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP local"))->pen().widthF());
        std::set<int> shapes;
        for (auto* series : s.chart.chart()->series())
            if (auto* scatter = qobject_cast<QScatterSeries*>(series))
                shapes.insert(scatter->markerShape());
        QCOMPARE(shapes.size(), std::size_t(6));
        QCOMPARE(seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Link lost"))->count(), 1);

        // The legend keys the line styles once and names every marker shape;
        // per-type lines stay out of it (their lanes are labelled).
        QStringList legend;
        for (QLegendMarker* marker : s.chart.chart()->legend()->markers())
            if (marker->isVisible())
                legend.append(marker->label());
        QCOMPARE(legend, (QStringList{QStringLiteral("Requested"), QStringLiteral("Local / virtual"),
                                      QStringLiteral("Global / actual"), QStringLiteral("Link lost"),
                                      QStringLiteral("Renegotiation required"), QStringLiteral("Connector changed"),
                                      QStringLiteral("Level drop"), QStringLiteral("Reply not believed"),
                                      QStringLiteral("Other alert"), QStringLiteral("Command refused")}));

        // The step line: 0 until 3 s, then 1 (corner points included), to the last poll.
        QVERIFY(global->count() >= 3);
        QCOMPARE(global->at(0).x(), 0.0);
        QCOMPARE(global->at(global->count() - 1).x(), 10.0);
        QVERIFY(global->at(0).y() < global->at(global->count() - 1).y());

        // Lanes are labelled per type and level, plus the alert lane.
        auto* levels = qobject_cast<QCategoryAxis*>(s.chart.chart()->axes(Qt::Vertical).first());
        QVERIFY(levels);
        const QStringList lanes = levels->categoriesLabels();
        QVERIFY(lanes.contains(QStringLiteral("HDCP 1")));
        QVERIFY(lanes.contains(QStringLiteral("ACP 3")));
        QVERIFY(lanes.contains(QStringLiteral("Alerts")));

        // A new session: clear() removes the old types.
        s.history.clear();
        s.chart.redrawNow();
        QVERIFY(!seriesNames(s.chart).contains(QStringLiteral("HDCP global")));
    }

    void followsLiveAndPauseFreezes()
    {
        Shown s;
        QSignalSpy modes(&s.chart, &ProtectionChart::viewModeChanged);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Live);
        QCOMPARE(s.chart.liveWindowMs(), 60000);
        poll(s.history, 0, 120000);
        // Coalesced: the redraw comes from the event loop.
        QTRY_COMPARE(s.chart.visibleToMs(), 120000);
        QCOMPARE(s.chart.visibleFromMs(), 60000);
        poll(s.history, 120500, 200000);
        QTRY_COMPARE(s.chart.visibleToMs(), 200000);
        QCOMPARE(s.chart.visibleFromMs(), 140000);

        // A short session still shows a full window from its start.
        ProtectionHistory young;
        poll(young, 0, 5000);
        ProtectionChart fresh;
        fresh.setHistory(&young);
        fresh.redrawNow();
        QCOMPARE(fresh.visibleFromMs(), 0);
        QCOMPARE(fresh.visibleToMs(), 60000);

        s.chart.pauseAction()->trigger();
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Fixed);
        QVERIFY(s.chart.pauseAction()->isChecked());
        QCOMPARE(modes.count(), 1);
        poll(s.history, 200500, 300000);
        s.chart.redrawNow();
        QCOMPARE(s.chart.visibleToMs(), 200000); // data arrived, the view stayed
        QCOMPARE(s.chart.visibleFromMs(), 140000);
        QCOMPARE(s.history.lastMs(), 300000);

        s.chart.followLiveAction()->trigger();
        QVERIFY(!s.chart.pauseAction()->isChecked());
        QTRY_COMPARE(s.chart.visibleToMs(), 300000);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Live);

        s.chart.setLiveWindowMs(10000);
        QTRY_COMPARE(s.chart.visibleFromMs(), 290000);
    }

    void showAllCoversTheWholeRange()
    {
        Shown s;
        poll(s.history, 2000, 500000);
        s.chart.showAllAction()->trigger();
        s.chart.redrawNow();
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::All);
        QCOMPARE(s.chart.visibleFromMs(), 2000);
        QCOMPARE(s.chart.visibleToMs(), 500000);
        auto* time = qobject_cast<QValueAxis*>(s.chart.chart()->axes(Qt::Horizontal).first());
        QCOMPARE(time->min(), 2.0);
        QCOMPARE(time->max(), 500.0);
        // It keeps covering everything as data grows.
        poll(s.history, 500500, 600000);
        QTRY_COMPARE(s.chart.visibleToMs(), 600000);
        QCOMPARE(s.chart.visibleFromMs(), 2000);
    }

    void keyboardWheelAndRubberBand()
    {
        Shown s;
        s.chart.activateWindow(); // shortcuts need an active window
        QVERIFY(QTest::qWaitForWindowActive(&s.chart));
        poll(s.history, 0, 600000);
        s.chart.redrawNow();
        QCOMPARE(s.chart.visibleFromMs(), 540000);
        QWidget* view = s.chart.chartView();
        view->setFocus();

        QTest::keyClick(view, Qt::Key_Left); // 10 % of 60 s earlier, and paused
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Fixed);
        QCOMPARE(s.chart.visibleFromMs(), 534000);
        QCOMPARE(s.chart.visibleToMs(), 594000);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(s.chart.visibleFromMs(), 540000);

        QTest::keyClick(view, Qt::Key_Plus); // the Zoom in shortcut
        QCOMPARE(s.chart.visibleToMs() - s.chart.visibleFromMs(), 30000);
        QTest::keyClick(view, Qt::Key_Minus);
        QCOMPARE(s.chart.visibleToMs() - s.chart.visibleFromMs(), 60000);

        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::All);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Live);
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Fixed);
        s.chart.followLive();
        s.chart.redrawNow();

        // A vertical wheel zooms in around the pointer; a horizontal one scrolls.
        // (Mouse events reach a scroll area through its viewport.)
        QWidget* viewport = s.chart.chartView()->viewport();
        const QPointF centre = viewport->rect().center();
        QWheelEvent zoomIn(centre, viewport->mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                           Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewport, &zoomIn);
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Fixed);
        QCOMPARE(s.chart.visibleToMs() - s.chart.visibleFromMs(), 48000);
        const qint64 before = s.chart.visibleFromMs();
        QWheelEvent scroll(centre, viewport->mapToGlobal(centre), {}, QPoint(-120, 0), Qt::NoButton, Qt::NoModifier,
                           Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewport, &scroll);
        QCOMPARE(s.chart.visibleFromMs(), before + 4800);

        // The rubber band zooms the QChart itself: the chart takes that range.
        s.chart.followLive();
        s.chart.redrawNow();
        const QRectF plot = s.chart.chart()->plotArea();
        s.chart.chart()->zoomIn(QRectF(plot.left(), plot.top(), plot.width() / 2, plot.height()));
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Fixed);
        QCOMPARE(s.chart.visibleFromMs(), 540000);
        QVERIFY(qAbs(s.chart.visibleToMs() - 570000) <= 1);
    }

    void tooltipsAndAccessibility()
    {
        Shown s;
        s.history.addEvent(copp::tests::event(commandEvent(0, QStringLiteral("cgmsa"), 0x08 | 2)));
        s.history.addEvent(copp::tests::event(alertEvent(3032, QStringLiteral("connector_changed"), QStringLiteral("the connector changed from HDMI to DVI"))));
        s.history.addEvent(copp::tests::event(alertEvent(3040, QStringLiteral("level_drop"), QStringLiteral("hdcp global level is 0"))));
        poll(s.history, 0, 6000);
        s.chart.redrawNow();

        const QString markers = s.chart.markerToolTip(3035, 10);
        QVERIFY2(markers.contains(QStringLiteral("Connector changed")), qPrintable(markers));
        QVERIFY(markers.contains(QStringLiteral("HDMI to DVI")));
        QVERIFY(markers.contains(QStringLiteral("0:03.032")));
        QVERIFY(markers.contains(QStringLiteral("Level drop")));
        QVERIFY(s.chart.markerToolTip(5000, 10).isEmpty());
        const QString level = s.chart.levelToolTip(QStringLiteral("hdcp"), SeriesKind::Global, 4000);
        QVERIFY2(level.contains(QStringLiteral("HDCP global level")) && level.endsWith(QStringLiteral(": 1")), qPrintable(level));
        QVERIFY(s.chart.levelToolTip(QStringLiteral("cgmsa"), SeriesKind::Requested, 100).contains(QStringLiteral("redistribution")));

        QVERIFY(!s.chart.accessibleName().isEmpty());
        QVERIFY(!s.chart.chartView()->accessibleName().isEmpty());
        QVERIFY(s.chart.chartView()->accessibleDescription().contains(QStringLiteral("2 alert")));
        QVERIFY(!s.chart.toolBar()->accessibleName().isEmpty());
        for (QAction* a : {s.chart.pauseAction(), s.chart.followLiveAction(), s.chart.showAllAction(),
                           s.chart.zoomInAction(), s.chart.zoomOutAction()}) {
            QVERIFY(!a->text().isEmpty());
            QVERIFY(!a->shortcut().isEmpty());
            QVERIFY(!a->toolTip().isEmpty());
            auto* button = qobject_cast<QToolButton*>(s.chart.toolBar()->widgetForAction(a));
            QVERIFY(button);
            QCOMPARE(button->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        }
    }

    // Evidence shows the whole session, whatever the view: the live window had long
    // left a link loss at 3 s behind. The view is put back afterwards.
    void wholeSessionExportShowsEverythingAndRestoresTheView()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        s.history.addEvent(copp::tests::event(commandEvent(0, QStringLiteral("hdcp"), 1)));
        poll(s.history, 0, 300000); // five minutes: the live window is the last 60 s
        s.chart.redrawNow();
        const qint64 liveFrom = s.chart.visibleFromMs();
        QVERIFY(liveFrom > 200000);
        qint64 exportedFrom = -1;
        auto* timeAxis = qobject_cast<QValueAxis*>(s.chart.chart()->axes(Qt::Horizontal).constFirst()); // QCategoryAxis is one
        QVERIFY(timeAxis);
        QObject::connect(timeAxis, &QValueAxis::rangeChanged, &s.chart,
                         [&] { exportedFrom = std::min<qint64>(exportedFrom < 0 ? s.chart.visibleFromMs() : exportedFrom,
                                                               s.chart.visibleFromMs()); });
        QTemporaryDir dir;
        QVERIFY(s.chart.exportWholeSession(dir.filePath(QStringLiteral("a.png")), dir.filePath(QStringLiteral("a.svg"))));
        QCOMPARE(exportedFrom, 0); // rendered from the start
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("a.svg"))).size() > 1000);
        s.chart.redrawNow();
        QCOMPARE(s.chart.viewMode(), ProtectionChart::ViewMode::Live);
        QCOMPARE(s.chart.visibleFromMs(), liveFrom);
    }

    // Its keys work only with focus, so focus shows: a frame around the chart (outside
    // the view, so exports never carry it).
    void focusShowsAsAFrame()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        auto* frame = s.chart.findChild<QFrame*>(QStringLiteral("chartFocusFrame"));
        QVERIFY(frame);
        QVERIFY(frame->isAncestorOf(s.chart.chartView()));
        s.chart.chartView()->clearFocus();
        QTRY_VERIFY2(frame->styleSheet().contains(QStringLiteral("transparent")), qPrintable(frame->styleSheet()));
        s.chart.activateWindow();
        s.chart.chartView()->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(s.chart.chartView()->hasFocus());
        const QString highlight = s.chart.palette().color(QPalette::Highlight).name();
        QVERIFY2(frame->styleSheet().contains(highlight), qPrintable(frame->styleSheet()));
        s.chart.chartView()->clearFocus();
        QTRY_VERIFY(frame->styleSheet().contains(QStringLiteral("transparent")));
    }

    void exportsPngAndSvg()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        s.history.addEvent(copp::tests::event(commandEvent(0, QStringLiteral("hdcp"), 1)));
        poll(s.history, 0, 30000);
        s.history.addEvent(copp::tests::event(alertEvent(3032, QStringLiteral("link_lost"), QStringLiteral("gone"))));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(s.chart.exportPng(png));
        QVERIFY(s.chart.exportSvg(svg));
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), s.chart.chartView()->size()); // the chart only, no toolbar
        QVERIFY(image.size().height() < s.chart.height());
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.size() > 1000);
        // Not blank: the lines' colour is there.
        int blue = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                blue += QColor(image.pixel(x, y)) == QColor(0x1f, 0x77, 0xb4);
        QVERIFY2(blue > 100, qPrintable(QString::number(blue)));
        QVERIFY(!s.chart.exportPng(dir.filePath(QStringLiteral("missing/chart.png"))));
        QVERIFY(!s.chart.exportSvg(dir.filePath(QStringLiteral("missing/chart.svg"))));
    }

    void exportsAHiddenChart()
    {
        ProtectionHistory history;
        poll(history, 0, 30000);
        ProtectionChart chart;
        chart.setHistory(&history);
        chart.resize(900, 500);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("hidden.png"));
        QVERIFY(chart.exportPng(png));
        const QImage image(png);
        QCOMPARE(image.size(), chart.chartView()->size());
        QVERIFY2(image.width() >= 900 - 8, qPrintable(QString::number(image.width()))); // the focus frame takes 4 px a side
        QVERIFY(image.height() > 400);
    }

    void largeHistoryStaysDecimatedAndResponsive()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        // A day at 10 Hz where every tenth sample changes, in every series, plus alerts.
        for (qint64 t = 0; t <= 24 * 3600 * 1000; t += 100) {
            const bool change = (t / 100) % 10 == 0;
            for (const QString& type : ProtectionHistory::knownTypes()) {
                s.history.addLevel(type, SeriesKind::Local, t, quint32(t / 1000 % 2)); // confirmed at 10 Hz
                if (change)
                    s.history.addLevel(type, SeriesKind::Global, t, quint32(t / 1000 % 2));
            }
            if (t % 60000 == 0)
                s.history.addMarker(t, models::MarkerKind::LinkLost, QStringLiteral("link_lost"), QStringLiteral("lost"));
        }
        s.chart.showAll();
        s.chart.redrawNow();
        QCOMPARE(s.chart.visibleToMs(), 24 * 3600 * 1000);
        const int width = int(s.chart.chart()->plotArea().width());
        QVERIFY(width > 100);
        for (auto* series : s.chart.chart()->series())
            if (auto* line = qobject_cast<QLineSeries*>(series); line && !qobject_cast<QScatterSeries*>(series))
                QVERIFY2(line->count() <= width, qPrintable(line->name() + QString::number(line->count())));
        QVERIFY(s.chart.drawnPointCount() <= 12 * width + 6 * (width / 8 + 2));
        QVERIFY(s.chart.drawnPointCount() > 0);
        // The merged past is said, not hidden.
        QVERIFY(s.chart.chartView()->accessibleDescription().contains(QStringLiteral("simplified")));

        // Live again: a new event is drawn through the event loop.
        s.chart.followLive();
        s.history.addLevel(QStringLiteral("hdcp"), SeriesKind::Global, 24 * 3600 * 1000 + 500, 0);
        QTRY_COMPARE(s.chart.visibleToMs(), 24 * 3600 * 1000 + 500);
        QVERIFY(s.chart.exportPng(QDir::temp().filePath(QStringLiteral("tst_protectionchart_large.png"))));
        QFile::remove(QDir::temp().filePath(QStringLiteral("tst_protectionchart_large.png")));
    }
};

QTEST_MAIN(TestProtectionChart)
#include "tst_protectionchart.moc"
