// SPDX-License-Identifier: BSD-3-Clause
// Work whose answer may be outdated before it arrives (the user opened another
// file, a session was stopped or replaced): only the newest is used.
//   Generation  - tickets for "the current one"; a callback guarded by an old
//                 ticket does nothing.
//   LatestOnly  - runs a function on a worker thread (Qt Concurrent) and hands
//                 the newest run's result to a callback on the owner's thread;
//                 superseded or cancelled runs, and any run still going when the
//                 LatestOnly is destroyed, deliver nothing.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>
#include <type_traits>
#include <utility>

namespace copp::util {

class Generation {
public:
    using Ticket = quint64;

    Ticket next() { return ++m_current; } // what came before is outdated
    void invalidate() { ++m_current; }    // nothing handed out so far is current
    Ticket current() const { return m_current; }
    bool isCurrent(Ticket ticket) const { return ticket == m_current; }

    // `f` wrapped to run only while `ticket` is current (for signal connections;
    // the Generation must outlive the connection's context).
    template <typename F>
    auto guard(Ticket ticket, F f) const
    {
        return [this, ticket, f = std::move(f)](auto&&... args) {
            if (isCurrent(ticket))
                f(std::forward<decltype(args)>(args)...);
        };
    }

private:
    Ticket m_current = 0;
};

template <typename T>
class LatestOnly {
public:
    LatestOnly() = default;
    LatestOnly(const LatestOnly&) = delete;
    LatestOnly& operator=(const LatestOnly&) = delete;

    // Runs `work()` on the global thread pool; `deliver(result)` follows on the
    // thread that called run(), unless another run() or cancel() came first.
    template <typename Work, typename Deliver>
    void run(Work work, Deliver deliver)
    {
        static_assert(std::is_same_v<std::invoke_result_t<Work>, T>, "work() must return T");
        const Generation::Ticket ticket = m_generation.next();
        m_running = true;
        // The watcher is a child of m_context: destroying this object destroys
        // it, and with it the connection that would deliver.
        auto* watcher = new QFutureWatcher<T>(m_context.get());
        QObject::connect(watcher, &QFutureWatcherBase::finished, m_context.get(),
                         [this, watcher, ticket, deliver = std::move(deliver)] {
                             watcher->deleteLater();
                             if (!m_generation.isCurrent(ticket))
                                 return; // superseded or cancelled
                             m_running = false;
                             deliver(watcher->result());
                         });
        watcher->setFuture(QtConcurrent::run(std::move(work)));
    }

    // The run under way delivers nothing (it finishes on its worker, unheard).
    void cancel()
    {
        m_generation.invalidate();
        m_running = false;
    }

    // A run whose result is still wanted has not delivered yet.
    bool isRunning() const { return m_running; }

private:
    Generation m_generation;
    bool m_running = false;
    std::unique_ptr<QObject> m_context = std::make_unique<QObject>();
};

} // namespace copp::util
