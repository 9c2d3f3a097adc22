// SPDX-License-Identifier: BSD-3-Clause
// The driver side of one OPM protected output (IOPMVideoOutput), or of a
// hardware codec for codec merit (docs/protocol.md §7.7), faithful to docs/protocol.md §1.2-§1.4,
// §4.3-§4.4, §7.4-§7.7 and docs/cli.md#the-opm-emulator.
//
// Semantics:
//  - OPM: the certificate is the X.509 test chain (PKCS#7), the initialization
//    parameters are RSAES-OAEP SHA-512; GetInformation (signed, 4112 bytes) and
//    Configure; COPPCompatibleGetInformation fails with
//    ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_DOES_NOT_HAVE_COPP_SEMANTICS.
//  - COPP: the certificate is the XML chain, the parameters are the §7.1
//    PKCS#1 block; COPPCompatibleGetInformation (unsigned, 4096) and Configure
//    with the COPP GUIDs passed through; GetInformation fails with
//    ..._DOES_NOT_HAVE_OPM_SEMANTICS.
//
// Error codes (user-mode HRESULTs, docs/cli.md#the-opm-emulator):
//   a call before the handshake or a second handshake .... E_UNEXPECTED
//   bad or undecodable initialization parameters, wrong random
//                             ... ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS
//   a request's or command's OMAC does not verify ......... E_ACCESSDENIED
//   wrong sequence number .................................. E_INVALIDARG
//   an unknown or semantics-forbidden information request .. ERROR_GRAPHICS_OPM_INVALID_INFORMATION_REQUEST
//   an unknown command ...................................... ERROR_GRAPHICS_OPM_INVALID_CONFIGURATION_REQUEST
//   wrong parameter sizes, a level out of range ............. E_INVALIDARG
//   a protection type the output lacks ...................... ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_HDCP/ACP/CGMSA
//   the current SRM version before OPM_SET_HDCP_SRM .......... ERROR_GRAPHICS_OPM_HDCP_SRM_NEVER_SET
// A display output advances a sequence number only when the call succeeds.
//
// The codec answers exactly as the seed's sample: OMAC first, then the
// sequence number (advanced once the OMAC verifies, whatever follows), then
// the request GUID (E_NOTIMPL), then the parameter sizes (E_INVALIDARG), then
// the verifier (E_ACCESSDENIED); E_ACCESSDENIED for MAC, sequence and random
// failures; COPPCompatibleGetInformation and Configure answer E_NOTIMPL.
#pragma once

#include <core/device/emulator/emulatedoutput.h>
#include <core/device/emulator/emulatordevice.h>
#include <core/device/emulator/emulatormaterial.h>
#include <core/device/emulator/faults.h>
#include <core/device/emulator/scenario.h>

#include <core/device/opmdevice.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/protocol/guid.h>

#include <memory>
#include <optional>

namespace copp::device {

struct OpmRole {
    bool opmSemantics = true;
    bool codec = false;            // implies OPM semantics
    protocol::Guid clsid;          // the codec's CLSID (its verifier)
    std::uint32_t merit = 0;       // what OPM_GET_CODEC_INFO answers
};

class OpmEmulator final : public EmulatorDevice, public OpmDevice {
public:
    OpmEmulator(std::shared_ptr<EmulatedOutput> output, std::shared_ptr<const EmulatorMaterial> material, OpmRole role,
                std::vector<Fault> faults = {}, std::shared_ptr<ScenarioPlayer> scenario = {});
    ~OpmEmulator() override;

    DeviceDescription describe() override;
    // An OPM-interface device answers no copp.* call: E_NOTIMPL.
    Result<KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;
    OpmDevice* opm() override { return this; }

    Result<StartInitializationReply> startInitialization() override;
    Result<void> finishInitialization(const protocol::Signature256& parameters) override;
    Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) override;
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) override;
    Result<void> configure(const protocol::Block4096& parameters, ByteView additional) override;

    const OpmRole& role() const { return m_role; }

private:
    enum class State { Created, RandomIssued, Initialized };
    std::optional<Error> preamble(); // scenario time, unplugged monitor
    std::optional<Error> statusPrelude(std::uint32_t call);
    Result<protocol::Block4096> codecInformation(const protocol::Block4112& parameters);
    // The reply to one information request (both semantics), checks of §4.3.
    Result<protocol::Block4096> answer(std::uint32_t call, const protocol::Guid& request, const protocol::Bytes16& random,
                                       std::uint32_t parametersSize, const std::uint8_t* parameters);
    Result<void> applyConfigure(const protocol::CoppCommand& command, ByteView additional);
    std::optional<Error> checkType(std::uint32_t type) const; // a single supported protection type of these semantics
    std::uint32_t toOutputType(std::uint32_t type) const;     // OPM HDCP 0x08 -> the output's HDCP bit
    std::uint32_t toWireTypes(std::uint32_t types) const;     // the output's bits -> these semantics' bits

    std::shared_ptr<EmulatedOutput> m_output;
    std::shared_ptr<const EmulatorMaterial> m_material;
    OpmRole m_role;
    std::shared_ptr<ScenarioPlayer> m_scenario;
    crypto::SystemRandom m_random;
    int m_session;
    State m_state = State::Created;
    protocol::Bytes16 m_driverRandom{};
    crypto::AesKey m_key{}; // zero until FinishInitialization, as in the codec sample
    std::uint32_t m_statusSequence = 0;
    std::uint32_t m_commandSequence = 0;
    std::uint32_t m_statusCalls = 0;
    std::uint32_t m_commands = 0;
    std::optional<std::uint32_t> m_srmVersion;
};

} // namespace copp::device
