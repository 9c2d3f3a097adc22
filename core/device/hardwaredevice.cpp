// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/hardwaredevice.h>

#include <core/kernel/protocol/constants.h>

#ifdef _WIN32
#include <core/device/windows/hardware.h>
#endif

#include <algorithm>

namespace copp::device {

namespace {

// A failed call carries the HRESULT Windows returned, unchanged.
Error failure(const char* call, std::uint32_t hresult)
{
    return deviceError(hresult, std::string(call) + " failed with " + protocol::hresultText(hresult));
}

template <typename To, typename From>
To copyArray(const From& from)
{
    static_assert(sizeof(To) == sizeof(From));
    To to{};
    std::copy(from.begin(), from.end(), to.begin());
    return to;
}

} // namespace

HardwareDevice::HardwareDevice(std::unique_ptr<hw::HwDevice> device) : m_device(std::move(device)) {}

DeviceDescription HardwareDevice::describe()
{
    const hw::Description d = m_device->describe();
    return {d.name, d.iface, d.semantics, d.role};
}

Result<KeyExchangeReply> HardwareDevice::keyExchange()
{
    hw::CertificateReply r = m_device->keyExchange();
    if (!r.ok())
        return failure("KeyExchange", r.hresult);
    return KeyExchangeReply{copyArray<protocol::Bytes16>(r.random), std::move(r.certificate)};
}

Result<void> HardwareDevice::sessionSequenceStart(const protocol::Signature256& signature)
{
    if (const std::uint32_t hr = m_device->sessionSequenceStart(copyArray<hw::Signature256>(signature)); hr != 0)
        return failure("SessionSequenceStart", hr);
    return {};
}

Result<void> HardwareDevice::protectionCommand(const protocol::Block4096& command)
{
    if (const std::uint32_t hr = m_device->protectionCommand(copyArray<hw::Block4096>(command)); hr != 0)
        return failure("ProtectionCommand", hr);
    return {};
}

Result<protocol::Block4096> HardwareDevice::protectionStatus(const protocol::Block4096& input)
{
    const hw::BlockReply r = m_device->protectionStatus(copyArray<hw::Block4096>(input));
    if (!r.ok())
        return failure("ProtectionStatus", r.hresult);
    return copyArray<protocol::Block4096>(r.block);
}

Result<StartInitializationReply> HardwareDevice::startInitialization()
{
    hw::CertificateReply r = m_device->startInitialization();
    if (!r.ok())
        return failure("StartInitialization", r.hresult);
    return StartInitializationReply{copyArray<protocol::Bytes16>(r.random), std::move(r.certificate)};
}

Result<void> HardwareDevice::finishInitialization(const protocol::Signature256& parameters)
{
    if (const std::uint32_t hr = m_device->finishInitialization(copyArray<hw::Signature256>(parameters)); hr != 0)
        return failure("FinishInitialization", hr);
    return {};
}

Result<protocol::Block4096> HardwareDevice::getInformation(const protocol::Block4112& parameters)
{
    const hw::BlockReply r = m_device->getInformation(copyArray<hw::GetInfo4112>(parameters));
    if (!r.ok())
        return failure("GetInformation", r.hresult);
    return copyArray<protocol::Block4096>(r.block);
}

Result<protocol::Block4096> HardwareDevice::coppCompatibleGetInformation(const protocol::Block4096& parameters)
{
    const hw::BlockReply r = m_device->coppCompatibleGetInformation(copyArray<hw::Block4096>(parameters));
    if (!r.ok())
        return failure("COPPCompatibleGetInformation", r.hresult);
    return copyArray<protocol::Block4096>(r.block);
}

Result<void> HardwareDevice::configure(const protocol::Block4096& parameters, ByteView additional)
{
    if (const std::uint32_t hr = m_device->configure(copyArray<hw::Block4096>(parameters), additional); hr != 0)
        return failure("Configure", hr);
    return {};
}

Result<hw::DeviceSelection> parseHardwareSelection(const std::string& text)
{
    auto usage = [&](const std::string& why) {
        return makeError(Error::Code::Usage, "hardware:" + text + ": " + why);
    };
    hw::DeviceSelection s;
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
        parts.push_back(text.substr(start, comma - start));
    parts.push_back(text.substr(start));
    auto number = [](const std::string& digits, unsigned& out) {
        if (digits.empty() || digits.size() > 4 || !std::all_of(digits.begin(), digits.end(), ::isdigit))
            return false;
        out = static_cast<unsigned>(std::stoul(digits));
        return true;
    };
    const std::string& where = parts.front();
    const auto dot = where.find('.');
    if (!number(where.substr(0, dot), s.monitor) || (dot != std::string::npos && !number(where.substr(dot + 1), s.output)))
        return usage("expected MONITOR[.OUTPUT] first, e.g. hardware:0 or hardware:1.0");
    bool apiGiven = false;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        const std::string key = parts[i].substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : parts[i].substr(eq + 1);
        if (key == "api" && (value == "vmr9" || value == "evr" || value == "opm")) {
            s.api = value == "vmr9" ? hw::Api::Vmr9 : value == "evr" ? hw::Api::Evr : hw::Api::Opm;
            apiGiven = true;
        } else if (key == "interface" && (value == "copp" || value == "opm"))
            s.iface = value;
        else if (key == "semantics" && (value == "copp" || value == "opm"))
            s.semantics = value;
        else
            return usage("unknown option \"" + parts[i] + "\" (api=vmr9|evr|opm, interface=copp|opm, semantics=copp|opm)");
    }
    if (s.iface == "opm" && !apiGiven)
        s.api = hw::Api::Opm; // the OPM interface exists only through the OPM API
    if (const std::string problem = s.problem(); !problem.empty())
        return usage(problem);
    return s;
}

bool hardwareAvailable()
{
#ifdef _WIN32
    return true;
#else
    return false;
#endif
}

Result<std::unique_ptr<HardwareDevice>> openHardware(const hw::DeviceSelection& selection)
{
#ifdef _WIN32
    // On the calling thread (the session thread): COM lives there for the device's lifetime.
    return std::make_unique<HardwareDevice>(hw::openDevice(selection));
#else
    (void)selection;
    return makeError(Error::Code::Usage,
                     "Windows hardware is available only in the Windows build; from here, run coppscope-agent.exe on "
                     "the Windows PC and use --device exec:\"ssh HOST coppscope-agent.exe\"");
#endif
}

} // namespace copp::device
