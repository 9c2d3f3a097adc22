// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/win32/opmoutput.h>

#include <cstring>

namespace copp::device::hw::win {

namespace {

// The array OPMGetVideoOutputsFromHMONITOR returns: keeps one element (or
// none), releases the others, frees the array.
ComPtr<IOpmVideoOutput> keepOne(IOpmVideoOutput** outputs, ULONG count, ULONG keep)
{
    ComPtr<IOpmVideoOutput> kept;
    if (!outputs)
        return kept;
    for (ULONG i = 0; i < count; ++i) {
        if (!outputs[i])
            continue;
        if (i == keep)
            kept = ComPtr<IOpmVideoOutput>::adopt(outputs[i]);
        else
            outputs[i]->Release();
    }
    CoTaskMemFree(outputs);
    return kept;
}

const char* semanticsText(int vos)
{
    return vos == wire::kOpmVosOpmSemantics ? "OPM semantics" : "COPP semantics";
}

} // namespace

OpmProbe probeOpmOutputs(HMONITOR monitor, int vos)
{
    OpmProbe probe;
    std::uint32_t missing = hresult::NotImpl;
    const auto getOutputs = opmGetVideoOutputsFromHmonitor(&missing);
    if (!getOutputs) {
        probe.hresult = missing;
        return probe;
    }
    ULONG count = 0;
    IOpmVideoOutput** outputs = nullptr;
    const HRESULT hr = getOutputs(monitor, vos, &count, &outputs);
    probe.hresult = u32(hr);
    if (SUCCEEDED(hr))
        probe.outputs = count;
    keepOne(outputs, count, count); // keeps none
    return probe;
}

std::unique_ptr<HwDevice> OpmOutputDevice::open(HMONITOR monitor, const MonitorInfo& info,
                                                const DeviceSelection& selection, const LogFn& log)
{
    const int vos = selection.semantics == "opm" ? wire::kOpmVosOpmSemantics : wire::kOpmVosCoppSemantics;
    Description description;
    description.name = info.label() + " output " + std::to_string(selection.output) + ": OPM IOPMVideoOutput, "
        + semanticsText(vos);
    description.iface = "opm";
    description.semantics = selection.semantics;

    const auto failed = [&](std::uint32_t hr, const std::string& why) -> std::unique_ptr<HwDevice> {
        if (log)
            log(description.name + ": " + why + " (" + hresultHex(hr) + ")");
        Description d = description;
        d.name += " [unavailable: " + hresultHex(hr) + "]";
        return std::make_unique<FailedDevice>(std::move(d), hr);
    };

    std::unique_ptr<OpmOutputDevice> device(new OpmOutputDevice());
    if (!device->m_com.usable())
        return failed(device->m_com.hresult(), "CoInitializeEx failed");
    std::uint32_t missing = hresult::NotImpl;
    const auto getOutputs = opmGetVideoOutputsFromHmonitor(&missing);
    if (!getOutputs)
        return failed(missing, "dxva2.dll has no OPMGetVideoOutputsFromHMONITOR (OPM needs Windows Vista or later)");

    ULONG count = 0;
    IOpmVideoOutput** outputs = nullptr;
    const HRESULT hr = getOutputs(monitor, vos, &count, &outputs);
    if (FAILED(hr)) {
        keepOne(outputs, count, count);
        return failed(u32(hr), "OPMGetVideoOutputsFromHMONITOR failed");
    }
    device->m_output = keepOne(outputs, count, selection.output);
    if (!device->m_output)
        return failed(hresult::InvalidArg, "no video output " + std::to_string(selection.output) + " (the monitor has "
                                               + std::to_string(count) + ")");
    device->m_description = description;
    device->m_log = log;
    if (log)
        log(description.name + ": opened (" + std::to_string(count) + " video output(s) on this monitor)");
    return device;
}

OpmOutputDevice::~OpmOutputDevice()
{
    m_output.reset(); // before m_com uninitialises
}

CertificateReply OpmOutputDevice::startInitialization()
{
    wire::OpmRandomNumber random{};
    BYTE* certificate = nullptr;
    ULONG length = 0;
    const HRESULT hr = m_output->StartInitialization(&random, &certificate, &length);
    return takeCertificate(hr, random.abRandomNumber, certificate, length, "StartInitialization", m_log);
}

std::uint32_t OpmOutputDevice::finishInitialization(const Signature256& parameters)
{
    wire::OpmEncryptedInitializationParameters in;
    static_assert(sizeof in == sizeof parameters);
    std::memcpy(&in, parameters.data(), sizeof in);
    return u32(m_output->FinishInitialization(&in));
}

BlockReply OpmOutputDevice::getInformation(const GetInfo4112& parameters)
{
    wire::OpmGetInfoParameters in;
    static_assert(sizeof in == sizeof parameters);
    std::memcpy(&in, parameters.data(), sizeof in);
    wire::OpmRequestedInformation out{};
    BlockReply reply;
    static_assert(sizeof out == sizeof reply.block);
    reply.hresult = u32(m_output->GetInformation(&in, &out));
    if (reply.ok())
        std::memcpy(reply.block.data(), &out, sizeof out);
    return reply;
}

BlockReply OpmOutputDevice::coppCompatibleGetInformation(const Block4096& parameters)
{
    wire::OpmCoppCompatibleGetInfoParameters in;
    static_assert(sizeof in == sizeof parameters);
    std::memcpy(&in, parameters.data(), sizeof in);
    wire::OpmRequestedInformation out{};
    BlockReply reply;
    reply.hresult = u32(m_output->COPPCompatibleGetInformation(&in, &out));
    if (reply.ok())
        std::memcpy(reply.block.data(), &out, sizeof out);
    return reply;
}

std::uint32_t OpmOutputDevice::configure(const Block4096& parameters, ByteView additional)
{
    wire::OpmConfigureParameters in;
    static_assert(sizeof in == sizeof parameters);
    std::memcpy(&in, parameters.data(), sizeof in);
    // COPP semantics: "the additional buffer must be NULL/0" -- an empty one is.
    return u32(m_output->Configure(&in, static_cast<ULONG>(additional.size()),
                                   additional.empty() ? nullptr : additional.data()));
}

} // namespace copp::device::hw::win
