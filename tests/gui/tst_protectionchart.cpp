// SPDX-License-Identifier: BSD-3-Clause
// ProtectionChart, offscreen: lanes ordered by precedence and named, shortfall,
// refused commands, types not offered, series per type, live/pause/show all,
// keyboard, focus frame, toolbar width, export, tooltips and a large history
// (functional checks, no timings). The history is fed through addLevel and
// addMarker, the calls the engine's events become.
#include <core/models/protectionhistory.h>
#include <widgets/protectionchart.h>

#include <QAction>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QHelpEvent>
#include <QRegularExpression>
#include <QToolTip>
#include <QTranslator>
#include <QScopeGuard>
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

using models::MarkerKind;

const QString kHdcp = QStringLiteral("hdcp");
const QString kAcp = QStringLiteral("acp");
const QString kCgmsa = QStringLiteral("cgmsa");
const QString kDpcp = QStringLiteral("dpcp");

// A session polling hdcp (and acp when asked) every 500 ms over [fromMs, toMs]:
// the typed calls the engine's status replies become.
void poll(ProtectionHistory& h, qint64 fromMs, qint64 toMs, bool acp = false)
{
    for (qint64 t = fromMs; t <= toMs; t += 500) {
        h.addLevel(kHdcp, SeriesKind::Local, t, 1);
        h.addLevel(kHdcp, SeriesKind::Global, t, t > 3000 ? 1 : 0);
        if (acp)
            h.addLevel(kAcp, SeriesKind::Global, t, 2);
    }
}

// A successful set_protection_level.
void request(ProtectionHistory& h, qint64 t, const QString& type, quint32 level)
{
    h.addLevel(type, SeriesKind::Requested, t, level);
}

// The global level of `type` polled every 500 ms over [fromMs, toMs).
void global(ProtectionHistory& h, const QString& type, qint64 fromMs, qint64 toMs, quint32 value)
{
    for (qint64 t = fromMs; t < toMs; t += 500)
        h.addLevel(type, SeriesKind::Global, t, value);
}

void alert(ProtectionHistory& h, qint64 t, MarkerKind kind, const QString& id, const QString& detail)
{
    h.addMarker(t, kind, id, detail);
}

QCategoryAxis* levelAxis(const ProtectionChart& chart)
{
    return qobject_cast<QCategoryAxis*>(chart.chart()->axes(Qt::Vertical).constFirst());
}

// Where a lane label sits on the level axis (labels are drawn on their value).
double labelY(const ProtectionChart& chart, const QString& label)
{
    QCategoryAxis* axis = levelAxis(chart);
    if (!axis->categoriesLabels().contains(label))
        qWarning() << "no label" << label << "in" << axis->categoriesLabels();
    return axis->endValue(label);
}

// The y of a step line at time x (seconds): the last point at or before x.
double lineYAt(const QLineSeries* line, double x)
{
    double y = qQNaN();
    for (const QPointF& p : line->points())
        if (p.x() <= x)
            y = p.y();
    return y;
}

// A pixel of an exported chart at a chart value (x seconds, y on the level axis).
QColor pixelAt(const ProtectionChart& chart, const QImage& image, QPointF value)
{
    const QPointF inChart = chart.chart()->mapToPosition(value);
    const QPoint inView = chart.chartView()->mapFromScene(chart.chart()->mapToScene(inChart));
    return image.pixelColor(inView);
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

// The chart's toolbar texts as translations/coppscope_de.ts has them (this
// test has no .qm files): the longest language the app ships.
class GermanToolbarTexts : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* = nullptr, int = -1) const override
    {
        static const QHash<QString, QString> german{
            {QStringLiteral("Pause"), QStringLiteral("Pause")},
            {QStringLiteral("Follow live"), QStringLiteral("Live folgen")},
            {QStringLiteral("Show all"), QStringLiteral("Alles zeigen")},
            {QStringLiteral("Zoom in"), QStringLiteral("Vergrößern")},
            {QStringLiteral("Zoom out"), QStringLiteral("Verkleinern")},
            {QStringLiteral("Live: last %1 s"), QStringLiteral("Live: letzte %1 s")},
            {QStringLiteral("Showing the whole session"), QStringLiteral("Die ganze Sitzung wird gezeigt")},
            {QStringLiteral("Paused"), QStringLiteral("Angehalten")},
        };
        if (qstrcmp(context, "copp::ui::ProtectionChart") != 0)
            return {};
        return german.value(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

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
        request(s.history, 4, kHdcp, 1);
        request(s.history, 5, kAcp, 2);
        poll(s.history, 0, 10000, true);
        alert(s.history, 3032, MarkerKind::LinkLost, QStringLiteral("link_lost"), QStringLiteral("local-level: status flags carry LinkLost"));
        s.chart.redrawNow();

        const QStringList names = seriesNames(s.chart);
        for (const QString& type : {QStringLiteral("HDCP"), QStringLiteral("ACP")})
            for (const QString& kind : {QStringLiteral("requested"), QStringLiteral("local"), QStringLiteral("global")})
                QVERIFY2(names.contains(type + QLatin1Char(' ') + kind), qPrintable(names.join(QLatin1Char(','))));
        // Types without levels get no lane and draw nothing.
        for (const QString& kind : {QStringLiteral("requested"), QStringLiteral("local"), QStringLiteral("global")}) {
            QCOMPARE(seriesNamed<QLineSeries>(s.chart, QStringLiteral("CGMS-A ") + kind)->count(), 0);
            QCOMPARE(seriesNamed<QLineSeries>(s.chart, QStringLiteral("DPCP ") + kind)->count(), 0);
        }
        QVERIFY(!levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("CGMS-A off")));
        QVERIFY(!levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("DPCP off")));
        for (const QString& marker : {QStringLiteral("Link lost"), QStringLiteral("Renegotiation required"),
                                      QStringLiteral("Connector changed"), QStringLiteral("Level drop"),
                                      QStringLiteral("Reply not believed"), QStringLiteral("Other alert"),
                                      QStringLiteral("Command refused")})
            QVERIFY2(names.contains(marker), qPrintable(marker));

        // Requested and actual differ in colour, width and style, not dashes alone:
        // the actual (global) line thick in the type's colour, the request thin and
        // grey, the local level thin and dotted. Thin pens are cosmetic (fast).
        auto* requested = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP requested"));
        auto* local = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP local"));
        auto* global = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP global"));
        QCOMPARE(global->pen().style(), Qt::SolidLine);
        QCOMPARE(local->pen().style(), Qt::DotLine);
        QCOMPARE(requested->pen().style(), Qt::SolidLine);
        QVERIFY(global->pen().widthF() >= 3 * requested->pen().widthF());
        QVERIFY(global->pen().widthF() > local->pen().widthF());
        QVERIFY(requested->pen().isCosmetic() && local->pen().isCosmetic());
        QCOMPARE(global->pen().color(), local->pen().color());
        QVERIFY(requested->pen().color() != global->pen().color());
        QCOMPARE(requested->pen().color().hsvSaturation(), 0); // neutral grey
        QVERIFY(seriesNamed<QLineSeries>(s.chart, QStringLiteral("ACP global"))->pen().color() != global->pen().color());

        // Every mark has a shape of its own (shape or image), not just a colour.
        std::set<QString> shapes;
        for (auto* series : s.chart.chart()->series())
            if (auto* scatter = qobject_cast<QScatterSeries*>(series))
                shapes.insert(scatter->lightMarker().isNull() ? QString::number(scatter->markerShape())
                                                              : QStringLiteral("image %1").arg(scatter->lightMarker().cacheKey()));
        QCOMPARE(shapes.size(), std::size_t(8)); // six alerts, refused command, redistribution control
        QCOMPARE(seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Link lost"))->count(), 1);

        // The legend keys the line styles once, the shortfall and every mark;
        // per-type lines stay out of it (their lanes are labelled).
        QStringList legend;
        for (QLegendMarker* marker : s.chart.chart()->legend()->markers())
            if (marker->isVisible())
                legend.append(marker->label());
        QCOMPARE(legend, (QStringList{QStringLiteral("Requested"), QStringLiteral("Local / virtual"),
                                      QStringLiteral("Global / actual"), QStringLiteral("Shortfall: below request"),
                                      QStringLiteral("Link lost"), QStringLiteral("Renegotiation required"),
                                      QStringLiteral("Connector changed"), QStringLiteral("Level drop"),
                                      QStringLiteral("Reply not believed"), QStringLiteral("Other alert"),
                                      QStringLiteral("Command refused"), QStringLiteral("Redistribution control")}));

        // The step line: off until 3 s, then on (corner points included), to the last poll.
        QVERIFY(global->count() >= 3);
        QCOMPARE(global->at(0).x(), 0.0);
        QCOMPARE(global->at(global->count() - 1).x(), 10.0);
        QVERIFY(global->at(0).y() < global->at(global->count() - 1).y());
        QCOMPARE(global->at(0).y(), labelY(s.chart, QStringLiteral("HDCP off")));
        QCOMPARE(global->at(global->count() - 1).y(), labelY(s.chart, QStringLiteral("HDCP on")));
        // Agreeing lines are drawn apart: the request just above, the local level just below.
        QVERIFY(lineYAt(requested, 8) > lineYAt(global, 8));
        QVERIFY(lineYAt(local, 8) < lineYAt(global, 8));

        // Lanes are labelled by level name, the alert lane on top of them all.
        const QStringList lanes = levelAxis(s.chart)->categoriesLabels();
        for (const QString& label : {QStringLiteral("HDCP off"), QStringLiteral("HDCP on"), QStringLiteral("ACP off"),
                                     QStringLiteral("level 3"), QStringLiteral("Alerts")})
            QVERIFY2(lanes.contains(label), qPrintable(lanes.join(QLatin1Char(','))));
        QVERIFY(labelY(s.chart, QStringLiteral("Alerts")) > labelY(s.chart, QStringLiteral("HDCP on")));
        QVERIFY(labelY(s.chart, QStringLiteral("HDCP off")) > labelY(s.chart, QStringLiteral("level 2"))); // HDCP above ACP
        const double linkLostY = seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Link lost"))->at(0).y();
        QVERIFY(linkLostY > labelY(s.chart, QStringLiteral("HDCP on")));

        // A new session: clear() removes the old lanes and lines.
        s.history.clear();
        s.chart.redrawNow();
        QCOMPARE(global->count(), 0);
        QVERIFY(!levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("HDCP on")));
    }

    // Levels are ordered by what they protect, not by number, and named: ACP 2
    // protects more than 3, CGMS-A "copy no more" (2) more than "copy one
    // generation" (3). A real downgrade draws as a fall.
    void lanesOrderLevelsByPrecedenceWithNames()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kAcp, 2);
        global(s.history, kAcp, 0, 5000, 2);
        global(s.history, kAcp, 5000, 10001, 3); // ACP 2 -> 3: less protection
        request(s.history, 0, kCgmsa, 2 | 0x08);
        global(s.history, kCgmsa, 0, 4000, 2);
        global(s.history, kCgmsa, 4000, 10001, 3 | 0x08); // copy no more -> copy one generation, flag set
        s.chart.redrawNow();

        const QStringList labels = levelAxis(s.chart)->categoriesLabels();
        for (const QString& label : {QStringLiteral("ACP off"), QStringLiteral("level 1"), QStringLiteral("level 2"),
                                     QStringLiteral("level 3"), QStringLiteral("CGMS-A off"), QStringLiteral("copy freely"),
                                     QStringLiteral("copy one generation"), QStringLiteral("copy no more"),
                                     QStringLiteral("copy never")})
            QVERIFY2(labels.contains(label), qPrintable(labels.join(QLatin1Char(','))));
        for (const QString& label : labels) // names, not numbers
            QVERIFY2(!label.contains(QRegularExpression(QStringLiteral("^(ACP|CGMS-A) \\d"))), qPrintable(label));

        // Bottom to top by precedence.
        const QStringList acp{QStringLiteral("ACP off"), QStringLiteral("level 1"), QStringLiteral("level 3"), QStringLiteral("level 2")};
        const QStringList cgmsa{QStringLiteral("CGMS-A off"), QStringLiteral("copy freely"), QStringLiteral("copy one generation"),
                                QStringLiteral("copy no more"), QStringLiteral("copy never")};
        for (const QStringList& lane : {acp, cgmsa})
            for (qsizetype i = 0; i + 1 < lane.size(); ++i)
                QVERIFY2(labelY(s.chart, lane[i]) < labelY(s.chart, lane[i + 1]), qPrintable(lane[i] + QStringLiteral(" < ") + lane[i + 1]));
        QCOMPARE(*s.chart.levelAxisValue(kAcp, 2), labelY(s.chart, QStringLiteral("level 2")));
        QCOMPARE(*s.chart.levelAxisValue(kAcp, 3), labelY(s.chart, QStringLiteral("level 3")));
        QCOMPARE(*s.chart.levelAxisValue(kCgmsa, 3 | 0x08), labelY(s.chart, QStringLiteral("copy one generation"))); // the flag does not move a level
        // The lanes do not overlap: CGMS-A's top row is below ACP's bottom row.
        QVERIFY(labelY(s.chart, QStringLiteral("copy never")) < labelY(s.chart, QStringLiteral("ACP off")));

        // The downgrades fall.
        auto* acpGlobal = seriesNamed<QLineSeries>(s.chart, QStringLiteral("ACP global"));
        QVERIFY(lineYAt(acpGlobal, 6) < lineYAt(acpGlobal, 2));
        auto* cgmsaGlobal = seriesNamed<QLineSeries>(s.chart, QStringLiteral("CGMS-A global"));
        QVERIFY(lineYAt(cgmsaGlobal, 6) < lineYAt(cgmsaGlobal, 2));

        // Tooltips name the levels, and the redistribution flag.
        QVERIFY2(s.chart.levelToolTip(kAcp, SeriesKind::Global, 6000).endsWith(QStringLiteral(": ACP level 3")),
                 qPrintable(s.chart.levelToolTip(kAcp, SeriesKind::Global, 6000)));
        QVERIFY(s.chart.levelToolTip(kCgmsa, SeriesKind::Global, 1000).endsWith(QStringLiteral(": CGMS-A copy no more")));
        QVERIFY(s.chart.levelToolTip(kCgmsa, SeriesKind::Global, 6000)
                    .endsWith(QStringLiteral(": CGMS-A copy one generation, redistribution control required")));

        // The flag is marked where it turns on: the request from 0 s, the global level from 4 s.
        auto* marks = seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Redistribution control"));
        QVERIFY(marks);
        QList<double> markTimes;
        for (const QPointF& p : marks->points()) {
            markTimes.append(p.x());
            QVERIFY(p.y() > labelY(s.chart, QStringLiteral("CGMS-A off")) && p.y() < labelY(s.chart, QStringLiteral("ACP off")));
        }
        std::sort(markTimes.begin(), markTimes.end());
        QCOMPARE(markTimes.size(), 2); // each mark starts where the flag does (its centre a few pixels on)
        const double tenPixels = 10 * double(s.chart.visibleToMs() - s.chart.visibleFromMs()) / 1000 / s.chart.chart()->plotArea().width();
        QVERIFY2(markTimes[0] > 0.0 && markTimes[0] < tenPixels, qPrintable(QString::number(markTimes[0])));
        QVERIFY2(markTimes[1] > 4.0 && markTimes[1] < 4.0 + tenPixels, qPrintable(QString::number(markTimes[1])));
    }

    // A refused set_protection_level is drawn on its own type's lane, not with the alerts.
    void refusedCommandSitsOnItsLane()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kHdcp, 1);
        request(s.history, 0, kAcp, 1);
        poll(s.history, 0, 10000, true);
        s.history.addMarker(4000, MarkerKind::CommandRefused, QStringLiteral("command_refused"),
                            QStringLiteral("acp level 2: E_INVALIDARG"), kAcp);
        s.history.addMarker(4000, MarkerKind::CommandRefused, QStringLiteral("command_refused"),
                            QStringLiteral("hdcp level 1: refused"), kHdcp);
        // A type without levels yet gets a lane for its refused command.
        s.history.addMarker(5000, MarkerKind::CommandRefused, QStringLiteral("command_refused"),
                            QStringLiteral("dpcp level 1: refused"), kDpcp);
        alert(s.history, 4000, MarkerKind::LinkLost, QStringLiteral("link_lost"), QStringLiteral("lost"));
        s.chart.redrawNow();

        auto* refused = seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Command refused"));
        QVERIFY(refused);
        QCOMPARE(refused->count(), 3); // the two at 4 s are on different lanes, so both show
        QVERIFY(!refused->lightMarker().isNull()); // a cross: a shape of its own
        double acpY = qQNaN(), hdcpY = qQNaN(), dpcpY = qQNaN();
        for (const QPointF& p : refused->points()) {
            if (p.x() == 5.0)
                dpcpY = p.y();
            else if (p.y() > labelY(s.chart, QStringLiteral("HDCP off")))
                hdcpY = p.y();
            else
                acpY = p.y();
        }
        // Each in its lane: above the lane's top row, below the next lane's bottom row.
        QVERIFY(acpY > labelY(s.chart, QStringLiteral("level 2")) && acpY < labelY(s.chart, QStringLiteral("HDCP off")));
        QVERIFY(hdcpY > labelY(s.chart, QStringLiteral("HDCP on")) && hdcpY < labelY(s.chart, QStringLiteral("Alerts")));
        QVERIFY(levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("DPCP on")));
        QVERIFY(dpcpY > labelY(s.chart, QStringLiteral("DPCP on")) && dpcpY < labelY(s.chart, QStringLiteral("ACP off")));
        // The alert lane keeps the alerts, above every lane.
        QVERIFY(seriesNamed<QScatterSeries>(s.chart, QStringLiteral("Link lost"))->at(0).y() > hdcpY);

        const QString tip = s.chart.markerToolTip(4000, 10);
        QVERIFY2(tip.contains(QStringLiteral("Command refused (ACP): acp level 2: E_INVALIDARG")), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("Command refused (HDCP)")));
    }

    // A type the output does not offer is said so, never drawn as level 0.
    void unavailableTypeIsLabelledNotOffered()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kHdcp, 1);
        poll(s.history, 0, 10000);
        global(s.history, kCgmsa, 0, 10001, 0); // a driver answering 0 for a type it lacks
        s.chart.redrawNow();
        QVERIFY(seriesNamed<QLineSeries>(s.chart, QStringLiteral("CGMS-A global"))->count() > 0);

        // The output offers HDCP and ACP: the history says so with changed(),
        // and the chart follows without being asked.
        s.history.setAvailableTypes(0x01 | 0x02);
        QTRY_VERIFY(levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("CGMS-A not offered")));
        const QStringList labels = levelAxis(s.chart)->categoriesLabels();
        QVERIFY2(labels.contains(QStringLiteral("DPCP not offered")), qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(!labels.contains(QStringLiteral("CGMS-A off")));
        QVERIFY(!labels.contains(QStringLiteral("copy never")));
        QVERIFY(labels.contains(QStringLiteral("HDCP on")));
        for (const QString& kind : {QStringLiteral("requested"), QStringLiteral("local"), QStringLiteral("global")})
            QCOMPARE(seriesNamed<QLineSeries>(s.chart, QStringLiteral("CGMS-A ") + kind)->count(), 0);
        QVERIFY(!s.chart.levelAxisValue(kCgmsa, 0));
        QVERIFY(s.chart.shortfallAreas(kCgmsa).isEmpty());
        QVERIFY(s.chart.levelToolTip(kCgmsa, SeriesKind::Global, 5000).contains(QStringLiteral("not offered by this output")));
        QVERIFY(s.chart.chartView()->accessibleDescription().contains(QStringLiteral("CGMS-A is not offered by this output")));
        QVERIFY(seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP global"))->count() > 0);

        // Hovering the hatched lane says why it is empty.
        const QPointF value(5.0, labelY(s.chart, QStringLiteral("CGMS-A not offered")));
        const QPoint inView = s.chart.chartView()->mapFromScene(s.chart.chart()->mapToScene(s.chart.chart()->mapToPosition(value)));
        QHelpEvent help(QEvent::ToolTip, inView, s.chart.chartView()->viewport()->mapToGlobal(inView));
        QCoreApplication::sendEvent(s.chart.chartView()->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("CGMS-A is not offered by this output")), qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // The lane is hatched grey in the picture (no type colour, no line).
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("offered.png"));
        QVERIFY(s.chart.exportPng(png));
        const QImage image(png);
        int grey = 0, coloured = 0;
        for (double x = 1; x < 10; x += 0.25) {
            const QColor c = pixelAt(s.chart, image, QPointF(x, value.y() - 0.3));
            grey += c.hsvSaturation() < 20 && c.value() < 250;
            coloured += c.hsvSaturation() > 60;
        }
        QVERIFY2(grey > 3, qPrintable(QString::number(grey)));
        QCOMPARE(coloured, 0);

        // Offered after all (a new reply): the levels come back.
        s.history.setAvailableTypes(0x01 | 0x02 | 0x04 | 0x10);
        QTRY_VERIFY(levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("copy never")));
        QVERIFY(seriesNamed<QLineSeries>(s.chart, QStringLiteral("CGMS-A global"))->count() > 0);
        QVERIFY(!levelAxis(s.chart)->categoriesLabels().contains(QStringLiteral("DPCP not offered")));
    }

    // The area between the request and the actual level is shaded exactly where the
    // actual level protects less (by precedence, not by number).
    void shortfallShadedWhereActualIsBelowRequested()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kHdcp, 1);
        global(s.history, kHdcp, 0, 4000, 1);
        global(s.history, kHdcp, 4000, 7000, 0); // short of the request from 4 s to 7 s
        global(s.history, kHdcp, 7000, 10001, 1);
        request(s.history, 0, kAcp, 3);
        global(s.history, kAcp, 0, 6000, 2);      // 2 protects more than the requested 3: no shortfall
        global(s.history, kAcp, 6000, 10001, 1);  // 1 protects less: a shortfall to the end
        s.chart.showAll();
        s.chart.redrawNow();

        const QList<QRectF> hdcp = s.chart.shortfallAreas(kHdcp);
        QCOMPARE(hdcp.size(), 1);
        QCOMPARE(hdcp[0].left(), 4.0);
        QCOMPARE(hdcp[0].right(), 7.0);
        // From the actual line up to the requested line.
        auto* hdcpGlobal = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP global"));
        auto* hdcpRequested = seriesNamed<QLineSeries>(s.chart, QStringLiteral("HDCP requested"));
        QCOMPARE(hdcp[0].top(), lineYAt(hdcpGlobal, 5));
        QCOMPARE(hdcp[0].bottom(), lineYAt(hdcpRequested, 5));
        QCOMPARE(hdcp[0].top(), *s.chart.levelAxisValue(kHdcp, 0));

        const QList<QRectF> acp = s.chart.shortfallAreas(kAcp);
        QCOMPARE(acp.size(), 1);
        QCOMPARE(acp[0].left(), 6.0);
        QCOMPARE(acp[0].right(), 10.0);
        QCOMPARE(acp[0].top(), *s.chart.levelAxisValue(kAcp, 1));

        // In the picture: red-tinted inside the span, not outside it.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shortfall.png"));
        QVERIFY(s.chart.exportPng(png));
        const QImage image(png);
        const double middle = (hdcp[0].top() + hdcp[0].bottom()) / 2;
        auto reddish = [](const QColor& c) { return c.red() - c.green() > 25 && c.red() - c.blue() > 25; };
        QVERIFY2(reddish(pixelAt(s.chart, image, QPointF(5.5, middle))), qPrintable(pixelAt(s.chart, image, QPointF(5.5, middle)).name()));
        QVERIFY(!reddish(pixelAt(s.chart, image, QPointF(2.5, middle))));
        QVERIFY(!reddish(pixelAt(s.chart, image, QPointF(8.5, middle))));
        const double acpMiddle = (acp[0].top() + acp[0].bottom()) / 2;
        QVERIFY(reddish(pixelAt(s.chart, image, QPointF(8.7, acpMiddle)))); // off the grid lines (every 2 s)
        QVERIFY(!reddish(pixelAt(s.chart, image, QPointF(3.3, acpMiddle))));

        // Hovering it says what falls short.
        const QPoint inView = s.chart.chartView()->mapFromScene(
            s.chart.chart()->mapToScene(s.chart.chart()->mapToPosition(QPointF(5.5, middle))));
        QHelpEvent help(QEvent::ToolTip, inView, s.chart.chartView()->viewport()->mapToGlobal(inView));
        QCoreApplication::sendEvent(s.chart.chartView()->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("the actual level HDCP off protects less than the requested HDCP on")),
                 qPrintable(QToolTip::text()));
        QToolTip::hideText();

        // "No protection level available" protects nothing: a shortfall too.
        s.history.addLevel(kHdcp, SeriesKind::Global, 10500, 0xFFFFFFFFu);
        s.history.addLevel(kHdcp, SeriesKind::Global, 11000, 0xFFFFFFFFu);
        s.chart.redrawNow();
        QCOMPARE(s.chart.shortfallAreas(kHdcp).size(), 2);
        QCOMPARE(s.chart.shortfallAreas(kHdcp).last().left(), 10.5);
    }

    // Rows keep a readable height: the chart asks for it instead of squeezing
    // four lanes into a few pixels.
    void lanesKeepAReadableHeight()
    {
        Shown s;
        for (const QString& type : ProtectionHistory::knownTypes())
            global(s.history, type, 0, 5000, 1);
        s.chart.resize(900, 150); // far too small for four lanes
        s.chart.redrawNow();
        QVERIFY(s.chart.chartView()->minimumHeight() > 150);
        s.chart.resize(900, s.chart.minimumSizeHint().height());
        QTRY_VERIFY(s.chart.chartView()->height() >= s.chart.chartView()->minimumHeight());
        s.chart.redrawNow();
        const QCategoryAxis* axis = levelAxis(s.chart);
        const double pixelsPerRow = s.chart.chart()->plotArea().height() / (axis->max() - axis->min());
        QVERIFY2(pixelsPerRow >= ProtectionChart::kMinRowPixels - 1, qPrintable(QString::number(pixelsPerRow)));
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
        request(s.history, 0, kCgmsa, 0x08 | 2);
        alert(s.history, 3032, MarkerKind::ConnectorChanged, QStringLiteral("connector_changed"), QStringLiteral("the connector changed from HDMI to DVI"));
        alert(s.history, 3040, MarkerKind::LevelDrop, QStringLiteral("level_drop"), QStringLiteral("hdcp global level is 0"));
        poll(s.history, 0, 6000);
        s.chart.redrawNow();

        const QString markers = s.chart.markerToolTip(3035, 10);
        QVERIFY2(markers.contains(QStringLiteral("Connector changed")), qPrintable(markers));
        QVERIFY(markers.contains(QStringLiteral("HDMI to DVI")));
        QVERIFY(markers.contains(QStringLiteral("0:03.032")));
        QVERIFY(markers.contains(QStringLiteral("Level drop")));
        QVERIFY(s.chart.markerToolTip(5000, 10).isEmpty());
        const QString level = s.chart.levelToolTip(QStringLiteral("hdcp"), SeriesKind::Global, 4000);
        QVERIFY2(level.contains(QStringLiteral("HDCP global level")) && level.endsWith(QStringLiteral(": HDCP on")), qPrintable(level));
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
            QVERIFY(!button->icon().isNull());
            // The modes are words; zooming is its icon (tooltip and accessible name say it).
            const bool zoom = a == s.chart.zoomInAction() || a == s.chart.zoomOutAction();
            QCOMPARE(button->toolButtonStyle(), zoom ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
        }
    }

    // Evidence shows the whole session, whatever the view: the live window had long
    // left a link loss at 3 s behind. The view is put back afterwards.
    void wholeSessionExportShowsEverythingAndRestoresTheView()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kHdcp, 1);
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

        // Drawn at least 2 px wide on every side, in the highlight colour (WCAG 2.4.11).
        const QColor colour = s.chart.palette().color(QPalette::Highlight);
        auto frameWidthAt = [&](const QImage& image, QPoint from, QPoint step) {
            int width = 0;
            for (QPoint p = from; image.rect().contains(p) && image.pixelColor(p) == colour; p += step)
                ++width;
            return width;
        };
        auto sides = [&] {
            const QImage image = s.chart.grab().toImage();
            const QRect r = frame->geometry();
            return QList<int>{frameWidthAt(image, QPoint(r.left(), r.center().y()), QPoint(1, 0)),
                              frameWidthAt(image, QPoint(r.right(), r.center().y()), QPoint(-1, 0)),
                              frameWidthAt(image, QPoint(r.center().x(), r.top()), QPoint(0, 1)),
                              frameWidthAt(image, QPoint(r.center().x(), r.bottom()), QPoint(0, -1))};
        };
        for (int width : sides())
            QVERIFY2(width >= 2, qPrintable(QString::number(width)));
        s.chart.chartView()->clearFocus();
        QTRY_VERIFY(frame->styleSheet().contains(QStringLiteral("transparent")));
        for (int width : sides())
            QCOMPARE(width, 0);
    }

    // In German, at the width the session panel leaves the chart on a 1366 x 768
    // screen (578 px, measured with the main window at 90 % of the screen), every
    // toolbar action shows in every mode: none is pushed into the overflow menu.
    void toolbarFitsAt1366InGerman()
    {
        GermanToolbarTexts german;
        QCoreApplication::installTranslator(&german);
        const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&german); });
        ProtectionChart chart;
        QCOMPARE(chart.followLiveAction()->text(), QStringLiteral("Live folgen"));
        chart.resize(560, 500);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QToolBar* bar = chart.toolBar();
        const QList<QAction*> actions{chart.pauseAction(), chart.followLiveAction(), chart.showAllAction(),
                                      chart.zoomInAction(), chart.zoomOutAction()};
        auto allShown = [&] {
            for (QAction* a : actions) {
                QWidget* button = bar->widgetForAction(a);
                if (!button || !button->isVisible() || !bar->rect().contains(button->geometry()))
                    return false;
            }
            return bar->sizeHint().width() <= bar->width(); // the mode label fits too
        };
        chart.followLive();
        QTRY_VERIFY(allShown());
        chart.showAll();
        QTRY_COMPARE(chart.viewMode(), ProtectionChart::ViewMode::All);
        QTRY_VERIFY(allShown());
        chart.pause();
        QTRY_VERIFY(allShown());
        // Zooming has an icon of its own, not the style's arrows.
        QVERIFY(chart.zoomInAction()->icon().cacheKey() != chart.zoomOutAction()->icon().cacheKey());
        QVERIFY(!chart.zoomInAction()->icon().pixmap(16).isNull());
    }

    void exportsPngAndSvg()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.chart));
        request(s.history, 0, kHdcp, 1);
        poll(s.history, 0, 30000);
        alert(s.history, 3032, MarkerKind::LinkLost, QStringLiteral("link_lost"), QStringLiteral("gone"));
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
