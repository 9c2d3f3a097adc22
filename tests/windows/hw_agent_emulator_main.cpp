// Test helper: hw_agent_emulator KEYDIR
// The driver emulator (one HDMI output, the test PKI's keys from KEYDIR) served
// through coppscope-agent's platform-independent core (core/device/windows:
// its own JSON codec, dispatcher and serving loop) instead of the Qt server,
// on stdin/stdout. The Qt client (AgentDevice, coppscope-cli session
// --device exec:...) then drives a whole session through exactly the code the
// Windows agent runs: what the GUI and CLI see of a real agent.
#include <core/device/emulator/coppemulator.h>
#include <core/device/windows/agentcore.h>

#include <QCoreApplication>
#include <QStringList>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace copp;
namespace hw = copp::device::hw;

namespace {

std::uint32_t hresultOf(const Error& e)
{
    return e.code == Error::Code::Device && e.hresult != 0 ? e.hresult : hw::hresult::Fail;
}

// A CoppDevice (the emulator) as an HwDevice: COPP interface only.
class CoppAsHw final : public hw::HwDevice {
public:
    explicit CoppAsHw(device::CoppDevice& device)
        : m_device(device)
    {
    }
    hw::Description describe() const override
    {
        const device::DeviceDescription d = m_device.describe();
        return {"hw agent core: " + d.name, d.interface, d.semantics, d.role};
    }
    hw::CertificateReply keyExchange() override
    {
        auto r = m_device.keyExchange();
        if (!r)
            return {hresultOf(r.error()), {}, {}};
        return {hw::hresult::Ok, r->driverRandom, r->certificateChain};
    }
    std::uint32_t sessionSequenceStart(const hw::Signature256& s) override { return code(m_device.sessionSequenceStart(s)); }
    std::uint32_t protectionCommand(const hw::Block4096& c) override { return code(m_device.protectionCommand(c)); }
    hw::BlockReply protectionStatus(const hw::Block4096& i) override
    {
        auto r = m_device.protectionStatus(i);
        if (!r)
            return {hresultOf(r.error()), {}};
        return {hw::hresult::Ok, *r};
    }

private:
    static std::uint32_t code(const Result<void>& r) { return r ? hw::hresult::Ok : hresultOf(r.error()); }
    device::CoppDevice& m_device;
};

class FdSource final : public hw::agent::ByteSource {
public:
    std::size_t read(char* buf, std::size_t size) override
    {
        for (;;) {
            const ssize_t n = ::read(0, buf, size);
            if (n >= 0)
                return static_cast<std::size_t>(n);
            if (errno != EINTR)
                return 0;
        }
    }
};

class FdSink final : public hw::agent::ByteSink {
public:
    bool write(std::string_view bytes) override
    {
        while (!bytes.empty()) {
            const ssize_t n = ::write(1, bytes.data(), bytes.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: hw_agent_emulator KEYDIR\n");
        return 2;
    }
    auto keys = testpki::KeySet::load(args.at(1));
    if (!keys) {
        std::fprintf(stderr, "hw_agent_emulator: %s\n", keys.error().detail.c_str());
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    const testpki::TestPki pki(std::move(keys.value()));
    auto material = std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(pki, {}));
    device::CoppEmulator emulator(std::make_shared<device::EmulatedOutput>(device::OutputProfile{}), material, {});
    CoppAsHw served(emulator);
    FdSource in;
    FdSink out;
    return hw::agent::serve(served, in, out,
                            [](std::string_view line) { std::fprintf(stderr, "%.*s\n", int(line.size()), line.data()); });
}
