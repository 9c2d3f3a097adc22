// What every built-in emulator offers beyond the device calls: a deadline for
// its stalls (what an in-process caller with that deadline would see) and a
// cancel() that ends a stall at once (Stop in the GUI; safe from any thread).
#pragma once

#include <core/device/coppdevice.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace copp::device {

class EmulatorDevice : public CoppDevice {
public:
    // 0 = a stall lasts its full length.
    void setCallDeadlineMs(std::int64_t ms) { m_deadlineMs = ms; }
    void cancel();

protected:
    // Waits `ms` (or until the deadline or cancel()); false when cut short.
    bool stall(std::int64_t ms);

private:
    std::int64_t m_deadlineMs = 0;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_stallMutex;
    std::condition_variable m_stallWake;
};

} // namespace copp::device
