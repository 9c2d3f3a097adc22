// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/emulatordevice.h>

#include <core/kernel/protocol/constants.h>

#include <algorithm>
#include <chrono>

namespace copp::device {

using namespace protocol;

const Fault* EmulatorDevice::fault(FaultKind kind, std::uint32_t call) const
{
    for (const Fault& f : m_faults)
        if (f.kind == kind && (call == 0 || f.at == 0 || f.at == call))
            return &f;
    return nullptr;
}

std::uint32_t EmulatorDevice::faultHresult(const Fault& fault, std::uint32_t fallback)
{
    return fault.value.empty() ? fallback : hresultFromText(fault.value).value_or(fallback);
}

void EmulatorDevice::applyStateFaults(std::uint32_t call, EmulatedOutput& output, std::uint32_t& statusSequence) const
{
    // State-changing faults happen once: at status call N, or at the first one without @N.
    auto at = [&](FaultKind kind) {
        const Fault* f = fault(kind, call);
        return f && (f->at == call || (f->at == 0 && call == 1)) ? f : nullptr;
    };
    if (at(FaultKind::LinkLost))
        output.loseLink();
    if (at(FaultKind::Renegotiation))
        output.requireRenegotiation();
    if (at(FaultKind::HdcpDrop))
        output.dropHdcp();
    if (const Fault* f = at(FaultKind::ConnectorChange))
        output.changeConnector(f->value.empty() ? connector::Dvi : *connectorFromName(f->value));
    if (at(FaultKind::Unplug))
        output.unplug();
    if (at(FaultKind::SequenceDesync))
        ++statusSequence;
    if (at(FaultKind::Tampering))
        output.detectTampering();
    if (at(FaultKind::RevokedHdcpDevice))
        output.attachRevokedHdcpDevice();
}

std::optional<Error> EmulatorDevice::stallOrFail(std::uint32_t call)
{
    if (const Fault* f = fault(FaultKind::Stall, call)) {
        const std::int64_t ms = f->value.empty() ? 60000 : std::stoll(f->value);
        if (!stall(ms))
            return makeError(Error::Code::Timeout, "the emulator stalls (fault " + f->spelling + ")");
    }
    if (const Fault* f = fault(FaultKind::FailStatus, call))
        return deviceError(faultHresult(*f, hr::Fail), "fault " + f->spelling);
    return std::nullopt;
}

Block4096 EmulatorDevice::sealReply(CoppStatusOutput out, const crypto::AesKey& key, std::uint32_t call) const
{
    if (fault(FaultKind::WrongSize, call))
        out.dataSize += 4;
    if (fault(FaultKind::WrongRandom, call))
        out.status[0] ^= 0x5a;
    Block4096 reply = encode(out);
    signBlock(key, reply);
    if (fault(FaultKind::BadReplyMac, call))
        reply[3] ^= 0x01;
    return reply;
}

bool EmulatorDevice::stall(std::int64_t ms)
{
    const std::int64_t wait = m_deadlineMs > 0 ? std::min(ms, m_deadlineMs) : ms;
    std::unique_lock lock(m_stallMutex);
    if (m_stallStarted)
        m_stallStarted();
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
