// SPDX-License-Identifier: BSD-3-Clause
// util::Generation and util::LatestOnly (latestonly.h): only the newest run's
// result is delivered; superseded and cancelled runs, and runs still going when
// the LatestOnly is destroyed, deliver nothing. Workers wait at gates the test
// opens, so the order is the test's, not the machine's.
#include <core/util/latestonly.h>

#include <QCoreApplication>
#include <QSemaphore>
#include <QThreadPool>
#include <QtTest>

#include <memory>
#include <vector>

using copp::util::Generation;
using copp::util::LatestOnly;

namespace {

constexpr int kGateTimeoutMs = 60000; // only a broken test waits this long

// A run that returns `value` once its gate is opened.
auto gated(QSemaphore& gate, int value)
{
    return [&gate, value] {
        gate.tryAcquire(1, kGateTimeoutMs);
        return value;
    };
}

// Every run has finished and every finished() has been handled.
void settle()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::sendPostedEvents();
}

} // namespace

class TestLatestOnly : public QObject {
    Q_OBJECT
private slots:
    void generationGuardsOutdatedCallbacks()
    {
        Generation generation;
        int calls = 0;
        const auto first = generation.next();
        auto guarded = generation.guard(first, [&calls](int n) { calls += n; });
        guarded(1);
        QCOMPARE(calls, 1);
        QVERIFY(generation.isCurrent(first));
        const auto second = generation.next();
        guarded(10); // outdated
        QCOMPARE(calls, 1);
        QVERIFY(generation.isCurrent(second));
        generation.invalidate();
        QVERIFY(!generation.isCurrent(second));
    }

    void staleResultIsDroppedAndTheLatestDelivered_data()
    {
        QTest::addColumn<bool>("staleFinishesFirst");
        QTest::newRow("stale result first") << true;
        QTest::newRow("stale result last") << false;
    }

    void staleResultIsDroppedAndTheLatestDelivered()
    {
        QFETCH(bool, staleFinishesFirst);
        LatestOnly<int> latest;
        std::vector<int> delivered;
        QSemaphore staleGate, latestGate;
        latest.run(gated(staleGate, 1), [&delivered](int v) { delivered.push_back(v); });
        QVERIFY(latest.isRunning());
        latest.run(gated(latestGate, 2), [&delivered](int v) { delivered.push_back(v); });
        QVERIFY(latest.isRunning());
        if (staleFinishesFirst) {
            staleGate.release();
            latestGate.release();
        } else {
            latestGate.release();
            QTRY_COMPARE(delivered.size(), std::size_t(1));
            staleGate.release();
        }
        settle();
        QCOMPARE(delivered, std::vector<int>{2});
        QVERIFY(!latest.isRunning());
    }

    void cancelledRunDeliversNothing()
    {
        LatestOnly<int> latest;
        std::vector<int> delivered;
        QSemaphore gate;
        latest.run(gated(gate, 1), [&delivered](int v) { delivered.push_back(v); });
        latest.cancel();
        QVERIFY(!latest.isRunning());
        gate.release();
        settle();
        QVERIFY(delivered.empty());

        // It is usable again afterwards.
        latest.run([] { return 3; }, [&delivered](int v) { delivered.push_back(v); });
        settle();
        QCOMPARE(delivered, std::vector<int>{3});
    }

    void noResultAfterDestruction()
    {
        auto latest = std::make_unique<LatestOnly<int>>();
        std::vector<int> delivered;
        QSemaphore gate;
        latest->run(gated(gate, 1), [&delivered](int v) { delivered.push_back(v); });
        latest.reset(); // while the run is on its worker
        gate.release();
        settle();
        QVERIFY(delivered.empty());
    }

    void deliveredOnTheCallersThread()
    {
        LatestOnly<Qt::HANDLE> latest;
        Qt::HANDLE worker = nullptr;
        Qt::HANDLE deliveredOn = nullptr;
        latest.run([] { return QThread::currentThreadId(); },
                   [&](Qt::HANDLE from) {
                       worker = from;
                       deliveredOn = QThread::currentThreadId();
                   });
        settle();
        QVERIFY(worker != nullptr);
        QVERIFY(worker != QThread::currentThreadId());
        QCOMPARE(deliveredOn, QThread::currentThreadId());
    }
};

QTEST_GUILESS_MAIN(TestLatestOnly)
#include "tst_latestonly.moc"
