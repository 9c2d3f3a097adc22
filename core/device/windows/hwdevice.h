// SPDX-License-Identifier: BSD-3-Clause
// The hardware device API of the Windows backend, and the interface
// the device agent core dispatches to. Plain C++20: no Qt, no Windows headers,
// no Crypto++ -- this layer only moves the protocol's bytes. It compiles on
// Linux too, so that the agent core is unit-tested natively against a fake.
//
// One HwDevice is one opened output, seen through one interface:
// - interface "copp": the four calls of DirectShow's IAMCertifiedOutputProtection
//   (keyExchange, sessionSequenceStart, protectionCommand, protectionStatus);
// - interface "opm": the five calls of IOPMVideoOutput (startInitialization,
//   finishInitialization, getInformation, coppCompatibleGetInformation, configure).
// Every call returns the HRESULT the real API returned, as an unsigned 32-bit
// value (0 = S_OK), plus the bytes it produced. Calls of the other interface
// answer E_NOTIMPL (0x80004001), as "an unknown method" does (docs/cli.md#the-device-agent-protocol).
// A device is created, used and destroyed on one thread (COM requires this on
// Windows: the Win32 devices initialise COM on the thread that opens them).
#pragma once

#include <core/kernel/wire/hresults.h>
#include <core/kernel/wire/layouts.h>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace copp::device::hw {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// HRESULTs this layer produces itself (everything else comes from Windows).
namespace hresult = wire::hr;

// "0x80070057" (always 8 hex digits), for logs.
std::string hresultHex(std::uint32_t hr);

// Sizes from the one layout table (core/kernel/wire/layouts.h).
inline constexpr std::size_t kRandomSize = sizeof(wire::OpmRandomNumber); // 16, guidRandom / OPM_RANDOM_NUMBER
// 256: AMCOPPSignature / OPM_ENCRYPTED_INITIALIZATION_PARAMETERS
inline constexpr std::size_t kSignatureSize = sizeof(wire::CoppSignature);
// 4096: AMCOPPCommand, AMCOPPStatusInput/Output, the OPM 4096-byte blocks
inline constexpr std::size_t kBlockSize = sizeof(wire::CoppCommand);
inline constexpr std::size_t kGetInfoSize = sizeof(wire::OpmGetInfoParameters); // 4112, OPM_GET_INFO_PARAMETERS
// Real chains are a few KiB (docs/protocol.md §11: 6 441 and 3 659 bytes). A larger
// one is refused, so that a response line stays far below the agent pipe's
// 1 MiB line limit after base64.
inline constexpr std::size_t kMaxCertificateBytes = 256 * 1024;

using Random16 = std::array<std::uint8_t, kRandomSize>;
using Signature256 = std::array<std::uint8_t, kSignatureSize>;
using Block4096 = std::array<std::uint8_t, kBlockSize>;
using GetInfo4112 = std::array<std::uint8_t, kGetInfoSize>;

// device.describe (docs/cli.md#the-device-agent-protocol).
struct Description {
    std::string name;
    // "copp" | "opm" (the contract's "interface"; not named so because the
    // Windows headers #define interface)
    std::string iface = "copp";
    std::string semantics = "copp"; // "copp" | "opm"
    std::string role = "output";    // "output" | "codec"
};

// KeyExchange / StartInitialization: the driver's random and its certificate
// (COPP semantics: the XML chain; OPM semantics: the X.509 chain), as returned.
struct CertificateReply {
    std::uint32_t hresult = hresult::Ok;
    Random16 random{};
    Bytes certificate;
    bool ok() const { return hresult == hresult::Ok; }
};

// ProtectionStatus / GetInformation / COPPCompatibleGetInformation: 4096 bytes.
struct BlockReply {
    std::uint32_t hresult = hresult::Ok;
    Block4096 block{};
    bool ok() const { return hresult == hresult::Ok; }
};

// Where a device writes what it did (graph building steps, fallbacks); the
// agent sends it to stderr. May be empty.
using LogFn = std::function<void(std::string_view)>;

class HwDevice {
public:
    virtual ~HwDevice() = default;

    virtual Description describe() const = 0;

    // IAMCertifiedOutputProtection (interface "copp").
    virtual CertificateReply keyExchange();
    virtual std::uint32_t sessionSequenceStart(const Signature256& signature);
    virtual std::uint32_t protectionCommand(const Block4096& command);          // AMCOPPCommand
    virtual BlockReply protectionStatus(const Block4096& input);                // AMCOPPStatusInput -> Output

    // IOPMVideoOutput (interface "opm").
    virtual CertificateReply startInitialization();
    virtual std::uint32_t finishInitialization(const Signature256& parameters); // OPM_ENCRYPTED_INITIALIZATION_PARAMETERS
    virtual BlockReply getInformation(const GetInfo4112& parameters);           // OPM_GET_INFO_PARAMETERS
    virtual BlockReply coppCompatibleGetInformation(const Block4096& parameters);
    virtual std::uint32_t configure(const Block4096& parameters, ByteView additional);
};

// A device that could not be opened: describe() still answers (its name says
// why), every call answers the HRESULT the opening failed with (through the
// agent, calls of the other interface still answer E_NOTIMPL first). This is
// how the agent "never crashes on hardware absence": the client sees a clean
// HRESULT.
class FailedDevice final : public HwDevice {
public:
    FailedDevice(Description description, std::uint32_t hresult);

    Description describe() const override { return m_description; }
    std::uint32_t openHresult() const { return m_hresult; }

    CertificateReply keyExchange() override;
    std::uint32_t sessionSequenceStart(const Signature256&) override { return m_hresult; }
    std::uint32_t protectionCommand(const Block4096&) override { return m_hresult; }
    BlockReply protectionStatus(const Block4096&) override;
    CertificateReply startInitialization() override;
    std::uint32_t finishInitialization(const Signature256&) override { return m_hresult; }
    BlockReply getInformation(const GetInfo4112&) override;
    BlockReply coppCompatibleGetInformation(const Block4096&) override;
    std::uint32_t configure(const Block4096&, ByteView) override { return m_hresult; }

private:
    Description m_description;
    std::uint32_t m_hresult;
};

// An OPM video output in COPP semantics, offered through the COPP interface:
// keyExchange = StartInitialization, sessionSequenceStart = FinishInitialization,
// protectionCommand = Configure (no additional bytes), protectionStatus =
// COPPCompatibleGetInformation. The structures are layout-identical (docs/protocol.md
// §1.2), so the bytes pass unchanged; this lets a COPP client (the session
// engine speaks copp.*) drive a Vista+ output directly through OPM.
class OpmAsCoppDevice final : public HwDevice {
public:
    explicit OpmAsCoppDevice(std::unique_ptr<HwDevice> opmCoppSemantics);

    Description describe() const override;
    CertificateReply keyExchange() override { return m_opm->startInitialization(); }
    std::uint32_t sessionSequenceStart(const Signature256& s) override { return m_opm->finishInitialization(s); }
    std::uint32_t protectionCommand(const Block4096& c) override { return m_opm->configure(c, {}); }
    BlockReply protectionStatus(const Block4096& i) override { return m_opm->coppCompatibleGetInformation(i); }

private:
    std::unique_ptr<HwDevice> m_opm;
};

// Which output, through which Windows API, with which interface and semantics.
enum class Api {
    Vmr9, // DirectShow graph, Video Mixing Renderer 9, IAMCertifiedOutputProtection
    Evr,  // DirectShow graph, Enhanced Video Renderer, IAMCertifiedOutputProtection
    Opm,  // OPMGetVideoOutputsFromHMONITOR, IOPMVideoOutput
};
const char* apiName(Api api); // "vmr9" | "evr" | "opm"

struct DeviceSelection {
    unsigned monitor = 0;           // index in enumeration order (--list)
    unsigned output = 0;            // OPM video output of that monitor (always 0 for DirectShow)
    Api api = Api::Vmr9;
    std::string iface = "copp";     // the calls the device answers: "copp" | "opm"
    std::string semantics = "copp"; // OPM_VOS_COPP_SEMANTICS / OPM_VOS_OPM_SEMANTICS

    // "" when the combination is valid, else why not: DirectShow serves only the
    // COPP interface in COPP semantics; the OPM interface needs the OPM API; the
    // COPP interface over OPM needs COPP semantics.
    std::string problem() const;
};

} // namespace copp::device::hw
