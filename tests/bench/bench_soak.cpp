// SPDX-License-Identifier: BSD-3-Clause
// Soak: a long session, polled every 100 ms, through the session engine, the
// models and the whole session panel (offscreen), on a simulated clock that runs
// as fast as the machine allows. Goals: process memory stays under 150 MB and
// the event loop's p99 wait stays under 50 ms. Prints the memory curve over
// simulated time (one row per simulated hour) and the latency figures.
//
// The device is the COPP emulator playing hdcp-link-loss; every 10 simulated
// minutes the tester's script turns HDCP off and on again, so the chart, the
// log, the alerts and the timeline keep taking changes all day.
//
// Each poll is one turn of the GUI thread's event loop, so the GUI handles one
// poll's events and repaints between polls, as it does at 10 Hz, only with no
// idle time in between. A probe thread posts a call to the GUI thread every
// 10 ms (real time); how long each waited is what a key press would wait.
//
//   cmake --build --preset release --target bench_soak
//   build/release/tests/bench/bench_soak            # 24 simulated hours
//   COPP_SOAK_HOURS=1 build/release/tests/bench/bench_soak
#include <tests/bench/eventloopprobe.h>

#include <core/device/emulator/coppemulator.h>
#include <core/device/emulator/emulatedoutput.h>
#include <core/device/emulator/emulatormaterial.h>
#include <core/device/emulator/scenario.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/sessioncontroller.h>
#include <core/session/sessionengine.h>
#include <tests/support/testsupport.h>
#include <widgets/sessionpanel.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

namespace {

using namespace copp;

constexpr std::int64_t kPollMs = 100;
constexpr std::int64_t kToggleEveryMs = 10 * 60 * 1000;
constexpr std::int64_t kHourMs = 60 * 60 * 1000;
constexpr double kMemoryGoalMb = 150;
constexpr double kLatencyGoalMs = 50;

// Resident set size of this process, from /proc/self/status (VmRSS), in MB.
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int hours = qEnvironmentVariableIntValue("COPP_SOAK_HOURS") > 0 ? qEnvironmentVariableIntValue("COPP_SOAK_HOURS") : 24;
    const std::int64_t endMs = hours * kHourMs;

    std::int64_t nowMs = 0; // the simulated clock every part reads
    const device::Clock deviceClock = [&nowMs] { return nowMs; };
    const device::Scenario scenario = device::Scenario::builtIn(QStringLiteral("hdcp-link-loss")).value();
    const auto output = std::make_shared<device::EmulatedOutput>(scenario.output, deviceClock);
    const auto material = std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(tests::testPki(), {}));
    device::CoppEmulator emulator(output, material, {}, std::make_shared<device::ScenarioPlayer>(scenario, deviceClock));

    ui::SessionPanel panel;
    panel.resize(1366, 768);
    panel.show();
    session::SessionController* controller = panel.controller();
    crypto::SystemRandom random;
    session::SessionOptions options;
    options.policy = tests::testPolicy();
    session::SessionEngine engine(emulator, options, random,
                                  [controller](const session::SessionEvent& event) { emit controller->eventReceived(event); },
                                  [&nowMs] { return nowMs; });
    if (!engine.start()) {
        std::fprintf(stderr, "bench_soak: the session did not start\n");
        return 2;
    }
    (void)engine.setProtectionLevel(protocol::protection::Hdcp, 1);

    QElapsedTimer wall;
    wall.start();
    bench::EventLoopProbe probe;
    probe.start();

    std::printf("simulated hour  RSS (MB)  wall (s)\n");
    std::printf("%14d  %8.1f  %8.1f\n", 0, residentMb(), 0.0);
    double peakMb = residentMb();
    bool hdcpOn = true;
    QTimer poller;
    poller.setInterval(0); // one poll per turn of the event loop
    QObject::connect(&poller, &QTimer::timeout, [&] {
        nowMs += kPollMs;
        if (nowMs % kToggleEveryMs == 0) {
            hdcpOn = !hdcpOn;
            (void)engine.setProtectionLevel(protocol::protection::Hdcp, hdcpOn ? 1 : 0);
        }
        engine.poll();
        if (nowMs % kHourMs == 0) {
            const double mb = residentMb();
            peakMb = std::max(peakMb, mb);
            std::printf("%14lld  %8.1f  %8.1f\n", static_cast<long long>(nowMs / kHourMs), mb, double(wall.elapsed()) / 1000.0);
            std::fflush(stdout);
        }
        if (nowMs >= endMs)
            QCoreApplication::quit();
    });
    poller.start();
    app.exec();
    probe.stop();
    engine.finish(QString());
    QCoreApplication::processEvents();

    const double p50 = probe.percentileMs(0.50);
    const double p99 = probe.percentileMs(0.99);
    const double worst = probe.percentileMs(1.0);
    std::printf("\n%d simulated hours, %lld polls, %.0f s of wall time, %zu probes\n", hours,
                static_cast<long long>(endMs / kPollMs), double(wall.elapsed()) / 1000.0, probe.count());
    std::printf("peak RSS %.1f MB (goal < %.0f MB): %s\n", peakMb, kMemoryGoalMb, peakMb < kMemoryGoalMb ? "met" : "NOT met");
    std::printf("event-loop wait p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 < %.0f ms): %s\n", p50, p99, worst,
                kLatencyGoalMs, p99 < kLatencyGoalMs ? "met" : "NOT met");
    return peakMb < kMemoryGoalMb && p99 < kLatencyGoalMs ? 0 : 1;
}
