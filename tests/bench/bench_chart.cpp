// SPDX-License-Identifier: BSD-3-Clause
// The protection chart's two goals (hours of history without slowing down):
//
//   BM_FillDay/0      24 h of 10 Hz polling of four types (local and global
//                     level each: 6.9 M level samples, 3.5 M per series kind)
//                     with occasional level changes, failed checks and alerts,
//                     through ProtectionHistory::addLevel and addMarker (the
//                     calls the engine's events become; counters: calls,
//                     ns_per_call).
//   BM_FillDay/1      the worst case: every sample a change in all eight polled
//                     series and an alert with a 512-character detail every
//                     second, so the per-series cap and the marker cap both act.
//                     Counters: history_MB (approximateMemoryBytes) and
//                     rss_delta_MB (/proc/self/statm before/after); goal < 100 MB.
//   BM_RenderLast60s  one frame of that day, live (last 60 s): decimate, update
//   BM_RenderShowAll  the series, render the chart into a 1280x720 QImage; the
//                     same with the whole day in view. Goal < 16 ms for every
//                     frame (max_frame_ms: the slowest of the run; update_ms
//                     and paint_ms: the mean split). /0 the ordinary day, /1
//                     the worst case.
//
// Release build: cmake --build build/release -j2 --target bench_chart
//                build/release/tests/bench/bench_chart
// COPP_BENCH_CHART_PNG_DIR=DIR also saves the frames as PNG files to look at.
#include <core/models/protectionhistory.h>
#include <widgets/protectionchart.h>

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QToolBar>

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>

namespace {

using namespace copp;
using models::ProtectionHistory;
using ui::ProtectionChart;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kPollMs = 100;

double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

// A synthetic day fed to `history` through the typed calls (addLevel,
// addMarker) the session engine's events become, so the bench does not depend
// on the JSON event format. Returns how many calls it made. The data is the
// same as when it went through addEvent: connector-type replies only moved
// time on (the level replies at the same t do that too), a reply that failed
// its MAC became a "status_rejected" marker.
qint64 syntheticDay(bool worstCase, ProtectionHistory& history)
{
    using models::MarkerKind;
    using models::SeriesKind;
    QRandomGenerator rng(2024);
    const QStringList& types = ProtectionHistory::knownTypes();
    const quint32 maxLevel[] = {1, 3, 4, 1};
    quint32 level[] = {1, 1, 1, 1};
    const QString badMacDetail = types[0] + QStringLiteral(" local-level: the reply failed the mac check, not believed");
    const QString macAlert = QStringLiteral("local-level: the reply's OMAC does not verify with the session key");
    const QString deviceError(512, QLatin1Char('x'));

    qint64 calls = 0;
    auto command = [&](qint64 t, int i) {
        history.addLevel(types[i], SeriesKind::Requested, t, level[i]);
        ++calls;
    };
    auto marker = [&](qint64 t, MarkerKind kind, const QString& id, const QString& detail) {
        // A fresh copy per marker, as parsing each event's JSON made one (a
        // shared literal would hold no heap and flatter history_MB).
        history.addMarker(t, kind, id, QString(detail.constData(), detail.size()));
        ++calls;
    };
    for (int i = 0; i < 4; ++i)
        command(0, i);
    for (qint64 t = 0; t < kDayMs; t += kPollMs) {
        // About once in 10 minutes a type changes level (a command, then the polls follow).
        if (rng.bounded(6000u) == 0) {
            const int i = int(rng.bounded(4u));
            level[i] = (level[i] + 1 + rng.bounded(maxLevel[i])) % (maxLevel[i] + 1);
            command(t, i);
        }
        if (rng.bounded(3000u) == 0) { // every 5 minutes or so a reply fails its MAC
            marker(t, MarkerKind::ReplyRejected, QStringLiteral("status_rejected"), badMacDetail);
            marker(t, MarkerKind::ReplyRejected, QStringLiteral("mac_mismatch"), macAlert);
        }
        if (worstCase) { // every sample flips every level; an alert every second
            for (int i = 0; i < 4; ++i)
                level[i] = (level[i] + 1) % (maxLevel[i] + 1);
            if (t % 1000 == 0)
                marker(t, MarkerKind::OtherAlert, QStringLiteral("device_error"), deviceError);
        }
        if (rng.bounded(36000u) == 0) { // about hourly the link drops for a moment
            marker(t, MarkerKind::LinkLost, QStringLiteral("link_lost"), QStringLiteral("local-level: status flags carry LinkLost"));
            marker(t, MarkerKind::LevelDrop, QStringLiteral("level_drop"),
                   QStringLiteral("hdcp global level is 0, below the 1 this session asked for"));
        }
        for (int i = 0; i < 4; ++i) {
            history.addLevel(types[i], SeriesKind::Local, t, level[i]);
            history.addLevel(types[i], SeriesKind::Global, t, level[i]);
        }
        calls += 8;
    }
    return calls;
}

// The filled days, shared by the render benchmarks (built on first use).
ProtectionHistory& day(bool worstCase)
{
    static std::array<ProtectionHistory*, 2> days{};
    auto& history = days[worstCase ? 1 : 0];
    if (!history) {
        history = new ProtectionHistory;
        syntheticDay(worstCase, *history);
    }
    return *history;
}

void BM_FillDay(benchmark::State& state)
{
    for (auto _ : state) {
        const double rssBefore = residentMegabytes();
        QElapsedTimer clock;
        clock.start();
        auto history = std::make_unique<ProtectionHistory>();
        const qint64 calls = syntheticDay(state.range(0) != 0, *history);
        const double ns = double(clock.nsecsElapsed());
        const double rssAfter = residentMegabytes();
        state.counters["calls"] = double(calls);
        state.counters["ns_per_call"] = ns / double(calls);
        state.counters["history_MB"] = double(history->approximateMemoryBytes()) / (1024.0 * 1024.0);
        state.counters["rss_delta_MB"] = rssAfter - rssBefore;
        qsizetype points = 0;
        for (const QString& type : history->types())
            for (auto kind : {models::SeriesKind::Requested, models::SeriesKind::Local, models::SeriesKind::Global})
                points += history->storedPointCount(type, kind);
        state.counters["stored_points"] = double(points);
        state.counters["markers"] = double(history->markerCount());
        benchmark::DoNotOptimize(history.get());
    }
}
BENCHMARK(BM_FillDay)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

void renderFrame(benchmark::State& state, bool showAll, const char* pngName)
{
    const bool worstCase = state.range(0) != 0;
    ProtectionHistory& history = day(worstCase);
    ProtectionChart chart;
    chart.setHistory(&history);
    chart.resize(1280, 720 + chart.toolBar()->sizeHint().height());
    chart.show();
    QCoreApplication::processEvents();
    if (showAll)
        chart.showAll();
    QImage frame(1280, 720, QImage::Format_ARGB32_Premultiplied);
    qint64 updateNs = 0, paintNs = 0, maxFrameNs = 0;
    QElapsedTimer clock;
    for (auto _ : state) {
        clock.start();
        chart.redrawNow(); // decimate and update every series
        const qint64 update = clock.nsecsElapsed();
        clock.start();
        frame.fill(Qt::white);
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        chart.chartView()->render(&painter);
        painter.end();
        const qint64 paint = clock.nsecsElapsed();
        updateNs += update;
        paintNs += paint;
        maxFrameNs = std::max(maxFrameNs, update + paint); // the goal is every frame, not the mean
    }
    // Where a frame's time goes: our update of the series, Qt Charts' painting.
    state.counters["update_ms"] = double(updateNs) / 1e6 / double(state.iterations());
    state.counters["paint_ms"] = double(paintNs) / 1e6 / double(state.iterations());
    state.counters["max_frame_ms"] = double(maxFrameNs) / 1e6;
    state.counters["view_w"] = chart.chartView()->width();
    state.counters["view_h"] = chart.chartView()->height();
    state.counters["drawn_points"] = double(chart.drawnPointCount());
    state.counters["visible_s"] = double(chart.visibleToMs() - chart.visibleFromMs()) / 1000;
    if (const QString dir = qEnvironmentVariable("COPP_BENCH_CHART_PNG_DIR"); !dir.isEmpty())
        frame.save(QDir(dir).filePath(QLatin1StringView(pngName) + (worstCase ? QStringLiteral("-worst.png") : QStringLiteral(".png"))));
}

void BM_RenderLast60s(benchmark::State& state) { renderFrame(state, false, "chart-live"); }
void BM_RenderShowAll(benchmark::State& state) { renderFrame(state, true, "chart-all"); }
BENCHMARK(BM_RenderLast60s)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RenderShowAll)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // a frame needs no display
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
