// SPDX-License-Identifier: BSD-3-Clause
// A batch run on several cores whose results are used in input order, as if it
// had run on one: work(i) runs on up to `jobs` threads (Qt Concurrent), and
// use(i, result) is called on the calling thread for i = 0, 1, 2, ... in turn.
// Only a bounded window of results waits at a time, so a batch of any length
// holds a few dozen results, not all of them. When use() returns false nothing
// more is started and the call returns once what was running has finished.
// With jobs == 1 everything runs on the calling thread, one after the other.
#pragma once

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <deque>

namespace copp::util {

template <typename Work, typename Use>
void mapInOrder(qsizetype count, int jobs, Work work, Use use)
{
    if (jobs <= 1) {
        for (qsizetype i = 0; i < count; ++i) {
            if (!use(i, work(i)))
                return;
        }
        return;
    }
    using Result = decltype(work(qsizetype{}));
    QThreadPool pool;
    pool.setMaxThreadCount(jobs);
    // Enough ahead that no thread waits for the consumer, few enough to stay small.
    const qsizetype window = static_cast<qsizetype>(jobs) * 8;
    std::deque<QFuture<Result>> running;
    qsizetype next = 0;
    for (qsizetype i = 0; i < count; ++i) {
        for (; next < count && next < i + window; ++next)
            running.push_back(QtConcurrent::run(&pool, [&work, next] { return work(next); }));
        const bool goOn = use(i, running.front().takeResult());
        running.pop_front();
        if (!goOn)
            break;
    }
    pool.waitForDone(); // work() refers to the caller's state
}

} // namespace copp::util
