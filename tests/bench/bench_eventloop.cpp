// SPDX-License-Identifier: BSD-3-Clause
// Event-loop latency of the GUI while a session polls every 100 ms (the goal:
// "event-loop latency < 50 ms while polling every 100 ms").
//
// The whole session panel is shown (offscreen platform) with the chart, log,
// alerts and timeline taking every event, as in the app. A probe thread posts
// a queued call to the GUI thread every 10 ms, stamped with the time it was
// posted; the GUI thread records how long each one waited. That is how long a
// key press or a click would wait. Counters: p50/p99/max in ms, probes seen,
// session events received.
//
//   BM_PollingSession/0  the hdcp-link-loss scenario (protected, link lost at
//                        3 s, alerts, chart changes), polled every 100 ms
//   BM_PollingSession/1  the same with the emulator stalling 8 s in the 5th
//                        call: the GUI must not wait for it
//
// Release build: cmake --build build/release -j2 --target bench_eventloop
//                build/release/tests/bench/bench_eventloop
// COPP_BENCH_EVENTLOOP_SECONDS (default 20) sets how long each run lasts.
#include <tests/bench/eventloopprobe.h>

#include <core/session/sessioncontroller.h>
#include <tests/support/testsupport.h>
#include <widgets/sessionpanel.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <vector>

namespace {

using namespace copp;

void BM_PollingSession(benchmark::State& state)
{
    const bool stall = state.range(0) == 1;
    const int seconds = qEnvironmentVariableIntValue("COPP_BENCH_EVENTLOOP_SECONDS") > 0
        ? qEnvironmentVariableIntValue("COPP_BENCH_EVENTLOOP_SECONDS")
        : 20;
    for (auto _ : state) {
        ui::SessionPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QString error;
        const QStringList faults = stall ? QStringList{QStringLiteral("stall=8000@5")} : QStringList{};
        if (!panel.applyDeviceChoice(QStringLiteral("emulator"), QStringLiteral("hdcp-link-loss"), faults, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        panel.setInitialProtections({{protocol::protection::Hdcp, 1}});
        for (QSpinBox* box : panel.findChildren<QSpinBox*>())
            if (box->accessibleName().contains(QStringLiteral("Poll interval")))
                box->setValue(100);
        if (panel.config().pollMs != 100) {
            state.SkipWithError("could not set the poll interval");
            return;
        }
        int events = 0;
        QObject::connect(panel.controller(), &session::SessionController::eventReceived, &panel,
                         [&events](const copp::session::SessionEvent&) { ++events; });

        bench::EventLoopProbe probe;
        if (!panel.startSession()) {
            state.SkipWithError("the session did not start");
            return;
        }
        probe.start();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        probe.stop();
        panel.stopSession();
        QCoreApplication::processEvents(); // the last probes
        state.counters["p50_ms"] = probe.percentileMs(0.50);
        state.counters["p99_ms"] = probe.percentileMs(0.99);
        state.counters["max_ms"] = probe.percentileMs(1.0);
        state.counters["probes"] = double(probe.count());
        state.counters["events"] = events;
    }
}
BENCHMARK(BM_PollingSession)->Arg(0)->Arg(1)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The emulator's keys come from a throwaway cache so no run generates RSA keys on the clock.
    QTemporaryDir cache;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(cache.path()));
    const QString keys = cache.filePath(QStringLiteral("coppscope/emulator-test-keys"));
    QDir().mkpath(keys);
    if (!tests::testPki().keys().save(keys).ok())
        return 2;
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
