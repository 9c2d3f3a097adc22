// SPDX-License-Identifier: BSD-3-Clause
// util::mapInOrder: results used in input order whatever order the threads
// finish in, a bounded number waiting at a time, an early stop that starts
// nothing more, and an exception from the work rethrown on the calling thread.
#include <core/util/inordermap.h>

#include <QTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

class TestInOrderMap : public QObject {
    Q_OBJECT

private slots:
    void resultsComeInInputOrder_data()
    {
        QTest::addColumn<int>("jobs");
        QTest::newRow("1 job") << 1;
        QTest::newRow("2 jobs") << 2;
        QTest::newRow("7 jobs") << 7;
    }

    void resultsComeInInputOrder()
    {
        QFETCH(int, jobs);
        const qsizetype count = 300;
        std::vector<qsizetype> used;
        const std::thread::id caller = std::this_thread::get_id();
        bool allOnCaller = true;
        copp::util::mapInOrder(
            count, jobs,
            [](qsizetype i) {
                // Later items often finish first: every third one takes longer.
                if (i % 3 == 0)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                return i * i;
            },
            [&](qsizetype i, qsizetype square) {
                allOnCaller = allOnCaller && std::this_thread::get_id() == caller;
                used.push_back(i);
                return square == i * i;
            });
        QCOMPARE(qsizetype(used.size()), count);
        for (qsizetype i = 0; i < count; ++i)
            QCOMPARE(used[std::size_t(i)], i);
        QVERIFY(allOnCaller);
    }

    // However slow the consumer, besides the item in its hands at most jobs * 8
    // items are taken ahead of it.
    void onlyAWindowIsAhead()
    {
        const int jobs = 3;
        std::atomic<qsizetype> started{0};
        qsizetype mostAhead = 0;
        copp::util::mapInOrder(
            200, jobs, [&](qsizetype i) { started.fetch_add(1); return i; },
            [&](qsizetype i, qsizetype) {
                std::this_thread::sleep_for(std::chrono::microseconds(100));
                mostAhead = std::max(mostAhead, started.load() - i);
                return true;
            });
        QVERIFY2(mostAhead <= jobs * 8 + 1, qPrintable(QString::number(mostAhead)));
        QVERIFY(mostAhead >= 1);
    }

    void stopStartsNothingMore()
    {
        std::atomic<qsizetype> started{0};
        qsizetype used = 0;
        copp::util::mapInOrder(
            10000, 4, [&](qsizetype i) { started.fetch_add(1); return i; },
            [&](qsizetype i, qsizetype) {
                ++used;
                return i < 9;
            });
        QCOMPARE(used, 10);
        QVERIFY2(started.load() <= 10 + 4 * 8, qPrintable(QString::number(started.load())));
    }

    void anExceptionReachesTheCaller()
    {
        qsizetype used = 0;
        bool thrown = false;
        try {
            copp::util::mapInOrder(
                1000, 3,
                [](qsizetype i) {
                    if (i == 50)
                        throw std::runtime_error("item 50");
                    return i;
                },
                [&](qsizetype, qsizetype) {
                    ++used;
                    return true;
                });
        } catch (const std::runtime_error& e) {
            thrown = QByteArray(e.what()) == "item 50";
        }
        QVERIFY(thrown);
        QVERIFY(used <= 50); // nothing after the failing item
    }

    void emptyBatchCallsNothing()
    {
        bool called = false;
        copp::util::mapInOrder(0, 4, [&](qsizetype i) { called = true; return i; }, [&](qsizetype, qsizetype) {
            called = true;
            return true;
        });
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestInOrderMap)
#include "tst_inordermap.moc"
