// SPDX-License-Identifier: BSD-3-Clause
// The driver side of one COPP session, faithful to docs/protocol.md §1.4, §4, §5.2
// and §7: the state machine with its HRESULTs, sequence numbers that advance
// only on success, OMAC checks on commands, zero-filled MACed replies, and the
// named faults of faults.h. Several sessions may share one EmulatedOutput.
#pragma once

#include <core/device/emulator/emulatedoutput.h>
#include <core/device/emulator/emulatormaterial.h>
#include <core/device/emulator/faults.h>
#include <core/device/emulator/scenario.h>

#include <core/device/emulator/emulatordevice.h>
#include <core/kernel/crypto/random.h>

#include <memory>
#include <optional>

namespace copp::device {

class CoppEmulator final : public EmulatorDevice {
public:
    CoppEmulator(std::shared_ptr<EmulatedOutput> output, std::shared_ptr<const EmulatorMaterial> material,
                 std::vector<Fault> faults = {}, std::shared_ptr<ScenarioPlayer> scenario = {});
    ~CoppEmulator() override; // closes the session on the output

    DeviceDescription describe() override;
    Result<KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;

    EmulatedOutput& output() { return *m_output; }

private:
    enum class State { Opened, KeyExchanged, Active };
    std::optional<Error> unpluggedError() const;
    Result<void> applyCommand(const protocol::CoppCommand& command);

    std::shared_ptr<EmulatedOutput> m_output;
    std::shared_ptr<const EmulatorMaterial> m_material;
    std::shared_ptr<ScenarioPlayer> m_scenario;
    crypto::SystemRandom m_random;
    int m_session;
    State m_state = State::Opened;
    protocol::Bytes16 m_driverRandom{};
    crypto::AesKey m_key{};
    // §1.4: "sets both stored sequence numbers to 0xFFFFFFFF" until SequenceStart.
    std::uint32_t m_statusSequence = 0xFFFFFFFFu;
    std::uint32_t m_commandSequence = 0xFFFFFFFFu;
    std::uint32_t m_statusCalls = 0;
    std::uint32_t m_commands = 0;
};

} // namespace copp::device
