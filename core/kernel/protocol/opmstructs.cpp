// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/opmstructs.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

namespace copp::protocol {

namespace {

// §3.3 offsets of OPM_GET_INFO_PARAMETERS (core/kernel/wire/layouts.h).
using GetInfo = wire::OpmGetInfoParameters;
constexpr std::size_t kRandomAt = offsetof(GetInfo, rnRandomNumber), kInformationAt = offsetof(GetInfo, guidInformation),
                      kSequenceAt = offsetof(GetInfo, ulSequenceNumber), kParametersSizeAt = offsetof(GetInfo, cbParametersSize),
                      kParametersAt = offsetof(GetInfo, abParameters);
static_assert(kParametersAt + kCommandDataSize == kGetInfoParametersSize);

// UINT64, little-endian like every integer in the structures (docs/protocol.md, "Conventions").
void putU64(std::uint8_t* at, std::uint64_t v)
{
    putU32(at, static_cast<std::uint32_t>(v));
    putU32(at + 4, static_cast<std::uint32_t>(v >> 32));
}

std::uint64_t getU64(const std::uint8_t* at)
{
    return static_cast<std::uint64_t>(getU32(at)) | static_cast<std::uint64_t>(getU32(at + 4)) << 32;
}

template <typename T>
std::optional<Error> tooShort(ByteView bytes, const char* name)
{
    if (bytes.size() >= T::kSize)
        return std::nullopt;
    return makeError(Error::Code::Malformed, std::string(name) + " needs " + std::to_string(T::kSize) + " bytes, got "
                                                 + std::to_string(bytes.size()));
}

} // namespace

Block4112 encode(const OpmGetInfoParameters& p)
{
    Block4112 b{};
    put16(b.data(), p.omac);
    put16(b.data() + kRandomAt, p.random);
    put16(b.data() + kInformationAt, p.information.bytes);
    putU32(b.data() + kSequenceAt, p.sequence);
    putU32(b.data() + kParametersSizeAt, p.parametersSize);
    std::memcpy(b.data() + kParametersAt, p.parameters.data(), p.parameters.size());
    return b;
}

OpmGetInfoParameters decodeGetInfoParameters(const Block4112& b)
{
    OpmGetInfoParameters p;
    p.omac = get16(b.data());
    p.random = get16(b.data() + kRandomAt);
    p.information.bytes = get16(b.data() + kInformationAt);
    p.sequence = getU32(b.data() + kSequenceAt);
    p.parametersSize = getU32(b.data() + kParametersSizeAt);
    std::memcpy(p.parameters.data(), b.data() + kParametersAt, p.parameters.size());
    return p;
}

crypto::Omac getInfoParametersMac(const crypto::AesKey& key, const Block4112& block)
{
    // §6.1: "offsets 16..4111 (4096 bytes)".
    return crypto::omac1(key, ByteView(block).subspan(crypto::kOmacSize));
}

void signGetInfoParameters(const crypto::AesKey& key, Block4112& block)
{
    const crypto::Omac mac = getInfoParametersMac(key, block);
    std::copy(mac.begin(), mac.end(), block.begin());
}

bool verifyGetInfoParametersMac(const crypto::AesKey& key, const Block4112& block)
{
    const ByteView all(block);
    return crypto::omac1Verify(key, all.subspan(crypto::kOmacSize), all.first(crypto::kOmacSize));
}

Bytes encode(const OpmConnectedHdcpDeviceInformation& v)
{
    Bytes b(OpmConnectedHdcpDeviceInformation::kSize); // Reserved, Reserved2, Reserved3 stay zero
    put16(b.data(), v.random);
    putU32(b.data() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ulStatusFlags), v.statusFlags);
    putU32(b.data() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ulHDCPFlags), v.hdcpFlags);
    std::copy(v.ksv.begin(), v.ksv.end(), b.begin() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ksvB));
    return b;
}

Bytes encode(const OpmOutputIdData& v)
{
    Bytes b(OpmOutputIdData::kSize);
    put16(b.data(), v.random);
    putU32(b.data() + offsetof(wire::OpmOutputIdData, ulStatusFlags), v.statusFlags);
    putU64(b.data() + offsetof(wire::OpmOutputIdData, OutputId), v.outputId); // pack(1): no padding before the UINT64
    return b;
}

Bytes encode(const OpmSetHdcpSrmParameters& v)
{
    Bytes b(OpmSetHdcpSrmParameters::kSize);
    putU32(b.data(), v.srmVersion);
    return b;
}

Bytes encode(const OpmGetCodecInfoParameters& v)
{
    const std::size_t verifierBytes = std::min<std::size_t>(v.verifierSize, v.verifier.size());
    Bytes b(OpmGetCodecInfoParameters::kMinSize + verifierBytes);
    putU32(b.data(), v.verifierSize);
    std::copy_n(v.verifier.begin(), verifierBytes, b.begin() + OpmGetCodecInfoParameters::kMinSize);
    return b;
}

Bytes encode(const OpmGetCodecInfoInformation& v)
{
    Bytes b(OpmGetCodecInfoInformation::kSize);
    put16(b.data(), v.random);
    putU32(b.data() + offsetof(wire::OpmGetCodecInfoInformation, Merit), v.merit);
    return b;
}

Result<OpmConnectedHdcpDeviceInformation> decodeOpmConnectedHdcpDeviceInformation(ByteView bytes)
{
    if (auto e = tooShort<OpmConnectedHdcpDeviceInformation>(bytes, "OPM_CONNECTED_HDCP_DEVICE_INFORMATION"))
        return *e;
    OpmConnectedHdcpDeviceInformation v;
    v.random = get16(bytes.data());
    v.statusFlags = getU32(bytes.data() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ulStatusFlags));
    v.hdcpFlags = getU32(bytes.data() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ulHDCPFlags));
    std::copy_n(bytes.begin() + offsetof(wire::OpmConnectedHdcpDeviceInformation, ksvB), v.ksv.size(), v.ksv.begin());
    return v;
}

Result<OpmOutputIdData> decodeOpmOutputIdData(ByteView bytes)
{
    if (auto e = tooShort<OpmOutputIdData>(bytes, "OPM_OUTPUT_ID_DATA"))
        return *e;
    OpmOutputIdData v;
    v.random = get16(bytes.data());
    v.statusFlags = getU32(bytes.data() + offsetof(wire::OpmOutputIdData, ulStatusFlags));
    v.outputId = getU64(bytes.data() + offsetof(wire::OpmOutputIdData, OutputId));
    return v;
}

Result<OpmSetHdcpSrmParameters> decodeOpmSetHdcpSrmParameters(ByteView bytes)
{
    if (auto e = tooShort<OpmSetHdcpSrmParameters>(bytes, "OPM_SET_HDCP_SRM_PARAMETERS"))
        return *e;
    return OpmSetHdcpSrmParameters{getU32(bytes.data())};
}

Result<OpmGetCodecInfoParameters> decodeOpmGetCodecInfoParameters(ByteView bytes)
{
    if (bytes.size() < OpmGetCodecInfoParameters::kMinSize || bytes.size() > OpmGetCodecInfoParameters::kSize)
        return makeError(Error::Code::Malformed, "OPM_GET_CODEC_INFO_PARAMETERS holds 4 to 4056 bytes, got "
                                                     + std::to_string(bytes.size()));
    OpmGetCodecInfoParameters v;
    v.verifierSize = getU32(bytes.data());
    const auto verifier = bytes.subspan(OpmGetCodecInfoParameters::kMinSize);
    std::copy(verifier.begin(), verifier.end(), v.verifier.begin());
    return v;
}

Result<OpmGetCodecInfoInformation> decodeOpmGetCodecInfoInformation(ByteView bytes)
{
    if (auto e = tooShort<OpmGetCodecInfoInformation>(bytes, "OPM_GET_CODEC_INFO_INFORMATION"))
        return *e;
    return OpmGetCodecInfoInformation{get16(bytes.data()), getU32(bytes.data() + offsetof(wire::OpmGetCodecInfoInformation, Merit))};
}

Bytes codecInfoParametersForClsid(const Guid& clsid)
{
    OpmGetCodecInfoParameters p;
    p.verifierSize = static_cast<std::uint32_t>(clsid.bytes.size());
    std::copy(clsid.bytes.begin(), clsid.bytes.end(), p.verifier.begin());
    return encode(p);
}

// ---------------------------------------------------------------- §4.3 table

namespace {

enum Semantics : unsigned { Opm = 1, Copp = 2, Both = Opm | Copp };

struct RequestInfo {
    OpmInfoRequest request;
    const Guid* guid;
    const char* name;
    std::size_t replySize;
    std::optional<std::size_t> parametersSize; // nullopt: variable
    unsigned semantics;
};

constexpr std::size_t kStandard = OpmStandardInformation::kSize;

// docs/protocol.md §4.3, row by row. The OPM-only rows are the Win7+ additions;
// OPM_GET_OUTPUT_HARDWARE_PROTECTION_SUPPORT is "[U]" in every column (§12 Q15)
// and is treated like them: OPM semantics, an OPM_STANDARD_INFORMATION reply.
const RequestInfo kRequests[] = {
    {OpmInfoRequest::ConnectorType, &guids::QueryConnectorType, "connector-type", kStandard, 0, Both},
    {OpmInfoRequest::SupportedProtectionTypes, &guids::QueryProtectionType, "protection-types", kStandard, 0, Both},
    {OpmInfoRequest::VirtualProtectionLevel, &guids::QueryLocalProtectionLevel, "virtual-level", kStandard, 4, Both},
    {OpmInfoRequest::ActualProtectionLevel, &guids::QueryGlobalProtectionLevel, "actual-level", kStandard, 4, Both},
    {OpmInfoRequest::AdapterBusType, &guids::QueryBusData, "bus-type", kStandard, 0, Both},
    {OpmInfoRequest::ActualOutputFormat, &guids::QueryDisplayData, "output-format", OpmActualOutputFormat::kSize, 0,
     Both},
    {OpmInfoRequest::CurrentHdcpSrmVersion, &guids::GetCurrentHdcpSrmVersion, "srm-version", kStandard, 0, Opm},
    {OpmInfoRequest::DviCharacteristics, &guids::GetDviCharacteristics, "dvi-characteristics", kStandard, 0, Opm},
    {OpmInfoRequest::OutputId, &guids::GetOutputId, "output-id", OpmOutputIdData::kSize, 0, Opm},
    // "COPP only per DDI; the DDI says the kernel never passes it to DxgkDdiOPMGetInformation"
    {OpmInfoRequest::AcpAndCgmsaSignaling, &guids::QuerySignaling, "acp-cgmsa-signaling",
     OpmAcpAndCgmsaSignaling::kSize, 0, Copp},
    {OpmInfoRequest::ConnectedHdcpDeviceInformation, &guids::QueryHdcpKeyData, "hdcp-device-info",
     OpmConnectedHdcpDeviceInformation::kSize, 0, Copp},
    {OpmInfoRequest::CodecInfo, &guids::GetCodecInfo, "codec-info", OpmGetCodecInfoInformation::kSize, std::nullopt,
     Opm},
    {OpmInfoRequest::OutputHardwareProtectionSupport, &guids::GetOutputHardwareProtectionSupport,
     "hardware-protection-support", kStandard, 0, Opm},
};

const RequestInfo& info(OpmInfoRequest request)
{
    return kRequests[static_cast<std::size_t>(request)];
}

} // namespace

const Guid& opmInfoRequestGuid(OpmInfoRequest request)
{
    return *info(request).guid;
}

std::optional<OpmInfoRequest> opmInfoRequestFromGuid(const Guid& guid)
{
    for (const auto& r : kRequests)
        if (*r.guid == guid)
            return r.request;
    return std::nullopt;
}

const char* opmInfoRequestName(OpmInfoRequest request)
{
    return info(request).name;
}

std::optional<OpmInfoRequest> opmInfoRequestFromName(std::string_view name)
{
    for (const auto& r : kRequests)
        if (name == r.name)
            return r.request;
    return std::nullopt;
}

std::size_t replySize(OpmInfoRequest request)
{
    return info(request).replySize;
}

std::optional<std::size_t> expectedParametersSize(OpmInfoRequest request)
{
    return info(request).parametersSize;
}

bool allowedInOpmSemantics(OpmInfoRequest request)
{
    return (info(request).semantics & Opm) != 0;
}

bool allowedInCoppSemantics(OpmInfoRequest request)
{
    return (info(request).semantics & Copp) != 0;
}

} // namespace copp::protocol
