// SPDX-License-Identifier: BSD-3-Clause
// A batch run on several cores whose results are used in input order, as if it
// had run on one: work(i) runs on up to `jobs` threads, and use(i, result) is
// called on the calling thread for i = 0, 1, 2, ... in turn. Only a bounded
// window of results waits at a time, so a batch of any length holds a few dozen
// results, not all of them. When use() returns false nothing more is started and
// the call returns once what was running has finished. An exception from work()
// stops the batch the same way and is rethrown here. With jobs == 1 everything
// runs on the calling thread, one after the other.
//
// The threads are std::threads, joined before the call returns, rather than a
// QThreadPool's: a QThread is detached, and its wait() returns before the thread
// has run its thread-local destructors (OpenSSL frees its per-thread error state
// there), so at process exit a leak checker would find that state still held
// (docs/development.md#sanitizers).
#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

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
    // Enough ahead that no thread waits for the consumer, few enough to stay small.
    const qsizetype window = static_cast<qsizetype>(jobs) * 8;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::optional<Result>> waiting; // waiting[k] is index first + k, empty until done
    qsizetype first = 0;
    qsizetype next = 0; // the next index a thread takes
    bool stopping = false;
    std::exception_ptr failure;

    const auto runWorker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return stopping || next >= count || next < first + window; });
            if (stopping || next >= count)
                return;
            const qsizetype i = next++;
            waiting.emplace_back();
            lock.unlock();
            std::optional<Result> result;
            try {
                result.emplace(work(i));
            } catch (...) {
                lock.lock();
                failure = std::current_exception();
                stopping = true;
                changed.notify_all();
                return;
            }
            lock.lock();
            waiting[static_cast<std::size_t>(i - first)] = std::move(result);
            changed.notify_all();
        }
    };
    // Stops and joins the threads however the loop below is left (use() may throw).
    struct Threads {
        std::mutex& mutex;
        std::condition_variable& changed;
        bool& stopping;
        std::vector<std::thread> running;
        ~Threads()
        {
            {
                const std::lock_guard lock(mutex);
                stopping = true;
            }
            changed.notify_all();
            for (std::thread& thread : running)
                thread.join();
        }
    };
    {
        Threads threads{mutex, changed, stopping, {}};
        threads.running.reserve(static_cast<std::size_t>(jobs));
        for (int t = 0; t < jobs; ++t)
            threads.running.emplace_back(runWorker);

        for (qsizetype i = 0; i < count; ++i) {
            std::optional<Result> result;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return failure || (!waiting.empty() && waiting.front().has_value()); });
                if (failure)
                    break;
                result = std::move(waiting.front());
                waiting.pop_front();
                ++first;
            }
            changed.notify_all(); // the window moved on
            if (!use(i, std::move(*result)))
                break;
        }
    } // every thread joined
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace copp::util
