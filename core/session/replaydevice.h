// SPDX-License-Identifier: BSD-3-Clause
// The replay device: plays a transcript back as a COPP device. Each call is
// answered with the recorded reply (result, HRESULT or timeout), in order, and
// only when the application asks exactly what it asked when recording: same
// method, same bytes. That holds because the application draws its randomness
// from random(), which yields the recorded bytes (the transcript's
// "replay.random"), so session key, PKCS#1 padding and status randoms repeat.
//
// A request that differs, or one more call than was recorded, is a divergence:
// the call fails with Error::Code::Malformed naming the call and the first
// differing byte, and every later call fails the same way. Time is the
// recording's: now() is the end of the last call played.
#pragma once

#include <core/session/transcript.h>

#include <core/device/coppdevice.h>
#include <core/device/opmdevice.h>
#include <core/kernel/crypto/random.h>

#include <QJsonObject>

#include <memory>
#include <optional>

namespace copp::session {

class ReplayDevice final : public device::CoppDevice, public device::OpmDevice {
public:
    // Fails when the transcript holds no application randomness (it was
    // recorded without revealing secrets) or has no calls.
    static Result<std::unique_ptr<ReplayDevice>> open(Transcript transcript);

    device::DeviceDescription describe() override;
    Result<device::KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;
    device::OpmDevice* opm() override { return this; }
    // As the recorded device was after the call just played ("lost": true).
    bool lost() const override { return m_lost; }
    Result<device::StartInitializationReply> startInitialization() override;
    Result<void> finishInitialization(const protocol::Signature256& parameters) override;
    Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) override;
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) override;
    Result<void> configure(const protocol::Block4096& parameters, ByteView additional) override;

    crypto::RandomSource& random() { return m_random; }
    std::int64_t now() const { return m_now; }
    const Transcript& transcript() const { return m_transcript; }

    // The recorded call that comes next, if any.
    std::optional<QJsonObject> nextCall() const;
    int played() const { return m_next; }
    int recordedCalls() const { return static_cast<int>(m_transcript.calls().size()); }
    bool finished() const { return m_next >= recordedCalls(); }
    const std::optional<std::string>& divergence() const { return m_divergence; }

private:
    class RecordedRandom final : public crypto::RandomSource {
    public:
        explicit RecordedRandom(const Bytes& bytes) : m_bytes(bytes) {}
        void fill(std::span<std::uint8_t> out) override;
        bool exhausted() const { return m_exhausted; }

    private:
        const Bytes& m_bytes;
        std::size_t m_position = 0;
        bool m_exhausted = false;
    };

    explicit ReplayDevice(Transcript transcript);
    // Checks the next recorded call against this one; on success returns it and advances.
    Result<QJsonObject> play(const char* method, const QJsonObject& params);
    Error diverge(std::string detail);

    Transcript m_transcript;
    RecordedRandom m_random;
    int m_next = 0;
    bool m_lost = false;
    std::int64_t m_now = 0;
    std::optional<std::string> m_divergence;
};

} // namespace copp::session
