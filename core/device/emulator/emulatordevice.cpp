#include "emulatordevice.h"

#include <algorithm>
#include <chrono>

namespace copp::device {

bool EmulatorDevice::stall(std::int64_t ms)
{
    const std::int64_t wait = m_deadlineMs > 0 ? std::min(ms, m_deadlineMs) : ms;
    std::unique_lock lock(m_stallMutex);
    m_stallWake.wait_for(lock, std::chrono::milliseconds(wait), [this] { return m_cancelled.load(); });
    return !m_cancelled && wait == ms;
}

void EmulatorDevice::cancel()
{
    {
        std::lock_guard lock(m_stallMutex);
        m_cancelled = true;
    }
    m_stallWake.notify_all();
}

} // namespace copp::device
