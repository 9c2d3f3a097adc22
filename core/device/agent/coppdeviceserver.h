// SPDX-License-Identifier: BSD-3-Clause
// A CoppDevice (the driver emulator, usually) served over the device agent
// protocol (docs/cli.md#the-device-agent-protocol) by the one agent server (agentserver.h): the
// same plain C++ code that coppscope-agent.exe runs for Windows hardware, so
// `coppscope-cli emulator --stdio` and the Windows agent answer alike.
// The device is seen through the HwDevice API the server dispatches to:
// - device.describe answers the device's description;
// - copp.* go to the device, opm.* to device.opm(); a device without one answers
//   opm.* with E_NOTIMPL (0x80004001), as the server does for any call of the
//   interface describe() does not name;
// - a failed call answers the device's HRESULT, or E_FAIL (0x80004005) for
//   errors that carry none (a Timeout from a stalled device): never 0;
// - a call the device blocks on (the emulator's stall fault) blocks the loop, as
//   a stalled driver would: the client's deadline decides.
#pragma once

#include <core/device/agent/agentserver.h>
#include <core/device/coppdevice.h>

#include <string>

namespace copp::device {

class CoppDeviceAsHw final : public hw::HwDevice {
public:
    explicit CoppDeviceAsHw(CoppDevice& device) : m_device(device) {}

    hw::Description describe() const override;
    hw::CertificateReply keyExchange() override;
    std::uint32_t sessionSequenceStart(const hw::Signature256& signature) override;
    std::uint32_t protectionCommand(const hw::Block4096& command) override;
    hw::BlockReply protectionStatus(const hw::Block4096& input) override;
    hw::CertificateReply startInitialization() override;
    std::uint32_t finishInitialization(const hw::Signature256& parameters) override;
    hw::BlockReply getInformation(const hw::GetInfo4112& parameters) override;
    hw::BlockReply coppCompatibleGetInformation(const hw::Block4096& parameters) override;
    std::uint32_t configure(const hw::Block4096& parameters, hw::ByteView additional) override;

    // Why the last failed call failed, in the device's words (then cleared).
    std::string takeFailureDetail();

private:
    std::uint32_t failed(const Error& error);
    std::uint32_t code(const Result<void>& result);
    hw::BlockReply block(const Result<protocol::Block4096>& result);

    CoppDevice& m_device;
    std::string m_failureDetail;
};

// The server's loop (hw::agent::serve) on `device`. `log` (optional) gets one
// line per failed call, with the device's reason.
int serveAgent(CoppDevice& device, hw::agent::ByteSource& in, hw::agent::ByteSink& out, const hw::LogFn& log = {});

// serveAgent on the process's stdin/stdout (fds 0 and 1, unbuffered), logging
// failed calls to stderr ("coppscope agent: ...") when asked. Ignores SIGPIPE,
// so that a client that went away ends the loop with 1 instead of killing the
// process. "EOF on stdin ends the device": returns 0.
int serveAgentOnStdio(CoppDevice& device, bool logToStderr = true);

} // namespace copp::device
