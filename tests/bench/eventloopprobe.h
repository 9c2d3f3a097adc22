// SPDX-License-Identifier: BSD-3-Clause
// How long the GUI thread makes a click wait: a probe thread posts a call to the
// thread that made the EventLoopProbe every 10 ms, stamped with the time it was
// posted, and the GUI thread records how long each one waited. Used by
// bench_eventloop and bench_soak.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace copp::bench {

class EventLoopProbe : public QObject {
public:
    EventLoopProbe() { m_clock.start(); }
    ~EventLoopProbe() override { stop(); }

    void start()
    {
        m_probing = true;
        m_thread.reset(QThread::create([this] {
            while (m_probing.load()) {
                const qint64 postedNs = m_clock.nsecsElapsed();
                QMetaObject::invokeMethod(this, [this, postedNs] { m_waitsNs.push_back(m_clock.nsecsElapsed() - postedNs); },
                                          Qt::QueuedConnection);
                QThread::msleep(10);
            }
        }));
        m_thread->start();
    }

    // Stops the thread; the calls it posted last are served by the next turn of the loop.
    void stop()
    {
        m_probing = false;
        if (m_thread)
            m_thread->wait();
        m_thread.reset();
    }

    std::size_t count() const { return m_waitsNs.size(); }

    // The p-th fraction (0.5, 0.99, 1.0) of the waits, in milliseconds.
    double percentileMs(double p) const
    {
        if (m_waitsNs.empty())
            return 0;
        std::vector<qint64> sorted = m_waitsNs;
        std::sort(sorted.begin(), sorted.end());
        const auto at = std::min(sorted.size() - 1, static_cast<std::size_t>(p * double(sorted.size() - 1) + 0.5));
        return double(sorted[at]) / 1e6;
    }

private:
    QElapsedTimer m_clock;
    std::atomic<bool> m_probing{false};
    std::unique_ptr<QThread> m_thread;
    std::vector<qint64> m_waitsNs;
};

} // namespace copp::bench
