// SPDX-License-Identifier: BSD-3-Clause
// What every built-in emulator shares beyond the device calls: its fault plan
// (faults.h) and how a status call applies it, and its stalls: a deadline for
// them (what an in-process caller with that deadline would see) and a cancel()
// that ends a stall at once (Stop in the GUI; safe from any thread).
#pragma once

#include <core/device/emulator/emulatedoutput.h>
#include <core/device/emulator/faults.h>

#include <core/device/coppdevice.h>
#include <core/kernel/crypto/omac.h>
#include <core/kernel/protocol/coppstructs.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace copp::device {

class EmulatorDevice : public CoppDevice {
public:
    explicit EmulatorDevice(std::vector<Fault> faults) : m_faults(std::move(faults)) {}

    // 0 = a stall lasts its full length.
    void setCallDeadlineMs(std::int64_t ms) { m_deadlineMs = ms; }
    void cancel();
    // Runs on the stalling thread once a stall waits, with the stall's lock held:
    // a cancel() sent after it ends that wait (it must not call cancel() itself).
    void setStallStartedHook(std::function<void()> hook) { m_stallStarted = std::move(hook); }

protected:
    // A fault that applies to call number `call` (1-based): @N faults to exactly
    // call N, plain ones to every call. call 0 asks "is it configured at all".
    const Fault* fault(FaultKind kind, std::uint32_t call) const;
    // The fault's HRESULT (its VALUE), or `fallback`.
    static std::uint32_t faultHresult(const Fault& fault, std::uint32_t fallback);
    // State-changing faults of status call `call` (link loss, unplug, ...), once each.
    void applyStateFaults(std::uint32_t call, EmulatedOutput& output, std::uint32_t& statusSequence) const;
    // The stall and fail-status faults of a status call: the error to answer, if any.
    std::optional<Error> stallOrFail(std::uint32_t call);
    // Zero-filled reply MACed over bytes 16..4095 (§6.1), with the reply faults
    // (wrong-size, wrong-random, bad-reply-mac) of status call `call`.
    protocol::Block4096 sealReply(protocol::CoppStatusOutput out, const crypto::AesKey& key, std::uint32_t call) const;
    // Waits `ms` (or until the deadline or cancel()); false when cut short.
    bool stall(std::int64_t ms);

private:
    std::vector<Fault> m_faults;
    std::int64_t m_deadlineMs = 0;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_stallMutex;
    std::condition_variable m_stallWake;
    std::function<void()> m_stallStarted;
};

} // namespace copp::device
