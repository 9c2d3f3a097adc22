// SPDX-License-Identifier: BSD-3-Clause
// The inspector's two performance goals:
//
//   BM_OpenChainModels        read the file, validate, populate the step model and
//                             the certificate tree model (goal < 20 ms)
//   BM_OpenChainWindow        the same through MainWindow::openChain, until the
//                             report is shown (worker thread, views, highlight)
//   BM_ProcessStartToWindow   start `coppscope` until its first window has been
//                             painted (COPPSCOPE_QUIT_WHEN_SHOWN; goal < 400 ms).
//                             Offscreen by default; run under xvfb-run with
//                             QT_QPA_PLATFORM=xcb for a real X server.
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <core/models/certificatetreemodel.h>
#include <core/models/validationstepmodel.h>
#include <core/util/filereader.h>
#include <core/validation/chainvalidator.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

namespace {

using namespace copp;

struct Files {
    QTemporaryDir dir;
    QString chain;
    QString root;
};

const Files& files()
{
    static Files* f = [] {
        auto* out = new Files;
        out->chain = out->dir.filePath(QStringLiteral("chain.xml"));
        out->root = out->dir.filePath(QStringLiteral("root.xml"));
        QFile chain(out->chain);
        QFile root(out->root);
        if (!chain.open(QIODevice::WriteOnly) || !root.open(QIODevice::WriteOnly))
            qFatal("cannot write the benchmark's files");
        chain.write(tests::testPki().chain().xml);
        root.write(tests::testPki().rootKeyXml());
        return out;
    }();
    return *f;
}

void BM_OpenChainModels(benchmark::State& state)
{
    const validation::ValidationPolicy policy = tests::testPolicy();
    models::ValidationStepModel steps;
    models::CertificateTreeModel tree;
    for (auto _ : state) {
        const auto bytes = util::readFileLimited(files().chain, 16 * 1024 * 1024);
        steps.setReport(validation::ChainValidator(policy).validate(bytes.value()));
        tree.setReport(steps.report());
        benchmark::DoNotOptimize(tree.rowCount());
    }
}
BENCHMARK(BM_OpenChainModels)->Unit(benchmark::kMillisecond);

void BM_OpenChainWindow(benchmark::State& state)
{
    ui::MainWindow window;
    window.setTrustRootFile(files().root);
    window.show();
    for (auto _ : state) {
        window.openChain(files().chain);
        while (window.isValidating())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
}
BENCHMARK(BM_OpenChainWindow)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ProcessStartToWindow(benchmark::State& state)
{
    for (auto _ : state) {
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COPPSCOPE_QUIT_WHEN_SHOWN"), QStringLiteral("1"));
        gui.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        gui.start(QStringLiteral(COPP_GUI_PATH), {files().chain});
        while (!gui.canReadLine() && gui.waitForReadyRead(10000)) {
        }
        const double seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        if (!gui.readLine().startsWith("shown")) {
            state.SkipWithError("coppscope did not report its first window");
            break;
        }
        state.SetIterationTime(seconds);
        gui.waitForFinished(10000);
    }
}
BENCHMARK(BM_ProcessStartToWindow)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(20);

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // settings stay out of the user's
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    (void)files(); // key generation happens here, not in a timed run
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
