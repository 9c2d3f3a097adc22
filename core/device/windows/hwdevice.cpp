// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/hwdevice.h>

#include <cstdio>

namespace copp::device::hw {

std::string hresultHex(std::uint32_t hr)
{
    char text[11];
    std::snprintf(text, sizeof text, "0x%08X", static_cast<unsigned>(hr));
    return text;
}

// Defaults: the calls of an interface the device does not serve.
CertificateReply HwDevice::keyExchange() { return {hresult::NotImpl, {}, {}}; }
std::uint32_t HwDevice::sessionSequenceStart(const Signature256&) { return hresult::NotImpl; }
std::uint32_t HwDevice::protectionCommand(const Block4096&) { return hresult::NotImpl; }
BlockReply HwDevice::protectionStatus(const Block4096&) { return {hresult::NotImpl, {}}; }
CertificateReply HwDevice::startInitialization() { return {hresult::NotImpl, {}, {}}; }
std::uint32_t HwDevice::finishInitialization(const Signature256&) { return hresult::NotImpl; }
BlockReply HwDevice::getInformation(const GetInfo4112&) { return {hresult::NotImpl, {}}; }
BlockReply HwDevice::coppCompatibleGetInformation(const Block4096&) { return {hresult::NotImpl, {}}; }
std::uint32_t HwDevice::configure(const Block4096&, ByteView) { return hresult::NotImpl; }

FailedDevice::FailedDevice(Description description, std::uint32_t hr)
    : m_description(std::move(description))
    , m_hresult(hr == hresult::Ok ? hresult::Fail : hr) // never S_OK for a failure
{
}

// Every call answers the opening's HRESULT, whichever interface: the client
// asked for this output and this is why it cannot have it.
CertificateReply FailedDevice::keyExchange() { return {m_hresult, {}, {}}; }
BlockReply FailedDevice::protectionStatus(const Block4096&) { return {m_hresult, {}}; }
CertificateReply FailedDevice::startInitialization() { return {m_hresult, {}, {}}; }
BlockReply FailedDevice::getInformation(const GetInfo4112&) { return {m_hresult, {}}; }
BlockReply FailedDevice::coppCompatibleGetInformation(const Block4096&) { return {m_hresult, {}}; }

OpmAsCoppDevice::OpmAsCoppDevice(std::unique_ptr<HwDevice> opmCoppSemantics)
    : m_opm(std::move(opmCoppSemantics))
{
}

Description OpmAsCoppDevice::describe() const
{
    Description d = m_opm->describe();
    d.iface = "copp";
    d.semantics = "copp";
    d.name += " (COPP calls over OPM)";
    return d;
}

const char* apiName(Api api)
{
    switch (api) {
    case Api::Vmr9: return "vmr9";
    case Api::Evr: return "evr";
    case Api::Opm: return "opm";
    }
    return "?";
}

std::string DeviceSelection::problem() const
{
    const bool knownInterface = iface == "copp" || iface == "opm";
    const bool knownSemantics = semantics == "copp" || semantics == "opm";
    if (!knownInterface)
        return "unknown interface \"" + iface + "\" (copp or opm)";
    if (!knownSemantics)
        return "unknown semantics \"" + semantics + "\" (copp or opm)";
    if (api != Api::Opm) {
        if (iface != "copp" || semantics != "copp")
            return std::string("DirectShow (") + apiName(api)
                + ") serves only the COPP interface in COPP semantics; use --api opm";
        if (output != 0)
            return std::string("DirectShow (") + apiName(api) + ") has one COPP device per monitor: output must be 0";
        return {};
    }
    if (iface == "copp" && semantics != "copp")
        return "the COPP interface over OPM needs COPP semantics";
    return {};
}

} // namespace copp::device::hw
