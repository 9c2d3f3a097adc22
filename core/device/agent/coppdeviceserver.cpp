// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/coppdeviceserver.h>

#include <core/device/opmdevice.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <utility>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#else
#include <csignal>
#include <unistd.h>
#endif

namespace copp::device {

namespace {

// Reads what has arrived on a file descriptor (a pipe answers as soon as any
// bytes are there), so every request is answered before the next one arrives.
class FdSource final : public hw::agent::ByteSource {
public:
    explicit FdSource(int fd) : m_fd(fd) {}
    std::size_t read(char* buf, std::size_t size) override
    {
        for (;;) {
#ifdef _WIN32
            const int n = ::_read(m_fd, buf, static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30)));
#else
            const ssize_t n = ::read(m_fd, buf, size);
#endif
            if (n >= 0)
                return static_cast<std::size_t>(n);
            if (errno != EINTR)
                return 0;
        }
    }

private:
    int m_fd;
};

class FdSink final : public hw::agent::ByteSink {
public:
    explicit FdSink(int fd) : m_fd(fd) {}
    bool write(std::string_view bytes) override
    {
        while (!bytes.empty()) {
#ifdef _WIN32
            const int n = ::_write(m_fd, bytes.data(), static_cast<unsigned>(std::min<std::size_t>(bytes.size(), 1u << 30)));
#else
            const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
#endif
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }

private:
    int m_fd;
};

} // namespace

hw::Description CoppDeviceAsHw::describe() const
{
    const DeviceDescription d = m_device.describe();
    return {d.name, d.interface, d.semantics, d.role};
}

std::string CoppDeviceAsHw::takeFailureDetail()
{
    return std::exchange(m_failureDetail, {});
}

std::uint32_t CoppDeviceAsHw::failed(const Error& error)
{
    m_failureDetail = error.detail;
    // The device's own HRESULT, else E_FAIL: never 0 for a failure.
    return error.code == Error::Code::Device && error.hresult != 0 ? error.hresult : hw::hresult::Fail;
}

std::uint32_t CoppDeviceAsHw::code(const Result<void>& result)
{
    return result ? hw::hresult::Ok : failed(result.error());
}

hw::BlockReply CoppDeviceAsHw::block(const Result<protocol::Block4096>& result)
{
    if (!result)
        return {failed(result.error()), {}};
    return {hw::hresult::Ok, *result};
}

hw::CertificateReply CoppDeviceAsHw::keyExchange()
{
    auto reply = m_device.keyExchange();
    if (!reply)
        return {failed(reply.error()), {}, {}};
    return {hw::hresult::Ok, reply->driverRandom, reply->certificateChain};
}

std::uint32_t CoppDeviceAsHw::sessionSequenceStart(const hw::Signature256& signature)
{
    return code(m_device.sessionSequenceStart(signature));
}

std::uint32_t CoppDeviceAsHw::protectionCommand(const hw::Block4096& command)
{
    return code(m_device.protectionCommand(command));
}

hw::BlockReply CoppDeviceAsHw::protectionStatus(const hw::Block4096& input)
{
    return block(m_device.protectionStatus(input));
}

hw::CertificateReply CoppDeviceAsHw::startInitialization()
{
    OpmDevice* opm = m_device.opm();
    if (!opm)
        return HwDevice::startInitialization(); // E_NOTIMPL
    auto reply = opm->startInitialization();
    if (!reply)
        return {failed(reply.error()), {}, {}};
    return {hw::hresult::Ok, reply->driverRandom, reply->certificate};
}

std::uint32_t CoppDeviceAsHw::finishInitialization(const hw::Signature256& parameters)
{
    OpmDevice* opm = m_device.opm();
    return opm ? code(opm->finishInitialization(parameters)) : HwDevice::finishInitialization(parameters);
}

hw::BlockReply CoppDeviceAsHw::getInformation(const hw::GetInfo4112& parameters)
{
    OpmDevice* opm = m_device.opm();
    return opm ? block(opm->getInformation(parameters)) : HwDevice::getInformation(parameters);
}

hw::BlockReply CoppDeviceAsHw::coppCompatibleGetInformation(const hw::Block4096& parameters)
{
    OpmDevice* opm = m_device.opm();
    return opm ? block(opm->coppCompatibleGetInformation(parameters)) : HwDevice::coppCompatibleGetInformation(parameters);
}

std::uint32_t CoppDeviceAsHw::configure(const hw::Block4096& parameters, hw::ByteView additional)
{
    OpmDevice* opm = m_device.opm();
    return opm ? code(opm->configure(parameters, ByteView(additional.data(), additional.size())))
               : HwDevice::configure(parameters, additional);
}

int serveAgent(CoppDevice& device, hw::agent::ByteSource& in, hw::agent::ByteSink& out, const hw::LogFn& log)
{
    CoppDeviceAsHw served(device);
    hw::LogFn withDetail;
    if (log)
        withDetail = [&](std::string_view failure) {
            const std::string detail = served.takeFailureDetail();
            log(detail.empty() ? std::string(failure) : std::string(failure) + " (" + detail + ")");
        };
    return hw::agent::serve(served, in, out, withDetail);
}

int serveAgentOnStdio(CoppDevice& device, bool logToStderr)
{
#ifdef _WIN32
    ::_setmode(0, _O_BINARY); // no CRLF translation of the JSON lines
    ::_setmode(1, _O_BINARY);
#else
    std::signal(SIGPIPE, SIG_IGN);
#endif
    FdSource in(0);
    FdSink out(1);
    hw::LogFn log;
    if (logToStderr)
        log = [](std::string_view line) { std::fprintf(stderr, "coppscope agent: %.*s\n", int(line.size()), line.data()); };
    return serveAgent(device, in, out, log);
}

} // namespace copp::device
