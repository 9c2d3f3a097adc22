// SPDX-License-Identifier: BSD-3-Clause
// The OPM structures of docs/protocol.md §3.3 and the OPM information requests of
// §4.3, with explicit little-endian encode/decode. Where §3.3 says an OPM
// structure is identical to a COPP one, it is an alias of the coppstructs.h type
// (same bytes, same MAC rules); only the structures COPP lacks are new here.
#pragma once

#include <core/kernel/crypto/omac.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/result.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace copp::protocol {

// ---------------------------------------------------------------- transport blocks

// OPM_ENCRYPTED_INITIALIZATION_PARAMETERS — 256 bytes, "layout identical to
// AMCOPPSignature" (§3.3); in OPM semantics it carries an OAEP ciphertext (§7.4).
using OpmEncryptedInitializationParameters = Signature256;

// OPM_GET_INFO_PARAMETERS — 4112 bytes: "16 bytes larger than the COPP input
// because it adds a MAC". omac@0, rnRandomNumber@16, guidInformation@32,
// ulSequenceNumber@48, cbParametersSize@52, abParameters[4056]@56.
inline constexpr std::size_t kGetInfoParametersSize = sizeof(wire::OpmGetInfoParameters); // 4112
using Block4112 = std::array<std::uint8_t, kGetInfoParametersSize>;

struct OpmGetInfoParameters {
    Bytes16 omac{};
    Bytes16 random{};
    Guid information;
    std::uint32_t sequence = 0; // the status counter
    std::uint32_t parametersSize = 0;
    std::array<std::uint8_t, kCommandDataSize> parameters{}; // OPM_GET_INFORMATION_PARAMETERS_SIZE = 4056
};
Block4112 encode(const OpmGetInfoParameters& parameters);
OpmGetInfoParameters decodeGetInfoParameters(const Block4112& block);

// §6.1: "omac @0, offsets 16..4111 (4096 bytes)" — the whole fixed-size block
// after the MAC, never only cbParametersSize bytes.
crypto::Omac getInfoParametersMac(const crypto::AesKey& key, const Block4112& block);
void signGetInfoParameters(const crypto::AesKey& key, Block4112& block);
bool verifyGetInfoParametersMac(const crypto::AesKey& key, const Block4112& block); // constant time

// OPM_COPP_COMPATIBLE_GET_INFO_PARAMETERS — 4096 bytes, no MAC: "rnRandomNumber@0,
// guidInformation@16, ulSequenceNumber@32, cbParametersSize@36, abParameters[4056]@40
// (identical to AMCOPPStatusInput)". Fields: random, requestId, sequence, dataSize, data.
using OpmCoppCompatibleGetInfoParameters = CoppStatusInput;

// OPM_REQUESTED_INFORMATION — 4096 bytes: "omac@0 = OMAC(K, bytes 16..4095),
// cbRequestedInformationSize@16, abRequestedInformation[4076]@20 (identical to
// AMCOPPStatusOutput)". Fields: mac, dataSize, status. MAC: blockMac/signBlock/verifyBlockMac.
using OpmRequestedInformation = CoppStatusOutput;

// OPM_CONFIGURE_PARAMETERS — 4096 bytes: "omac@0 = OMAC(K, bytes 16..4095),
// guidSetting@16, ulSequenceNumber@32 (command counter), cbParametersSize@36,
// abParameters[4056]@40 (identical to AMCOPPCommand)". Fields: mac, commandId,
// sequence, dataSize, data. MAC: blockMac/signBlock/verifyBlockMac; §6.1: the
// additional parameters (the SRM) are not covered.
using OpmConfigureParameters = CoppCommand;

// ---------------------------------------------------------------- payloads

// OPM_STANDARD_INFORMATION — 32: rnRandomNumber@0, ulStatusFlags@16,
// ulInformation@20, ulReserved@24, ulReserved2@28 ("Same shape as
// DXVA_COPPStatusData"): random, flags, data (= ulInformation), then the two reserved.
using OpmStandardInformation = StatusData;
inline Result<OpmStandardInformation> decodeOpmStandardInformation(ByteView bytes)
{
    return decodeStatusData(bytes);
}

// OPM_ACTUAL_OUTPUT_FORMAT — 44: the DXVA_COPPStatusDisplayData layout;
// `format`@28 holds dsfSampleInterleaveFormat (a DXVA2_SampleFormat: 2 progressive,
// 3/4 interleaved even/odd first, ...), the SampleFormat byte of COPP's bit field.
using OpmActualOutputFormat = StatusDisplayData;
inline Result<OpmActualOutputFormat> decodeOpmActualOutputFormat(ByteView bytes)
{
    return decodeStatusDisplayData(bytes);
}

// OPM_ACP_AND_CGMSA_SIGNALING — 88: the DXVA_COPPStatusSignalingCmdData layout;
// ulReserved@28 is COPP's tvType, ulReserved2[4]@56 and ulReserved3[4]@72 are
// COPP's extendedInfoValidMask and extendedInfoData.
using OpmAcpAndCgmsaSignaling = StatusSignaling;
inline Result<OpmAcpAndCgmsaSignaling> decodeOpmAcpAndCgmsaSignaling(ByteView bytes)
{
    return decodeStatusSignaling(bytes);
}

// OPM_SET_PROTECTION_LEVEL_PARAMETERS — 16: ulProtectionType@0, ulProtectionLevel@4,
// Reserved@8, Reserved2@12 (set 0): DXVA_COPPSetProtectionLevelCmdData's layout.
using OpmSetProtectionLevelParameters = SetProtectionLevel;
inline Result<OpmSetProtectionLevelParameters> decodeOpmSetProtectionLevelParameters(ByteView bytes)
{
    return decodeSetProtectionLevel(bytes);
}

// OPM_SET_ACP_AND_CGMSA_SIGNALING_PARAMETERS — 64: ulNewTVProtectionStandard@0, the
// three mask/data pairs@4..24, ulReserved[4]@28, ulReserved2[4]@44, ulReserved3@60:
// DXVA_COPPSetSignalingCmdData's layout.
using OpmSetAcpAndCgmsaSignalingParameters = SetSignaling;
inline Result<OpmSetAcpAndCgmsaSignalingParameters> decodeOpmSetAcpAndCgmsaSignalingParameters(ByteView bytes)
{
    return decodeSetSignaling(bytes);
}

// OPM_CONNECTED_HDCP_DEVICE_INFORMATION — 72: rnRandomNumber@0, ulStatusFlags@16,
// ulHDCPFlags@20 (kHdcpRepeater), ksvB@24 (5 bytes, least significant byte first,
// §12 Q9), Reserved[11]@29, Reserved2[16]@40, Reserved3[16]@56. The reserved bytes
// are written as zero and not read back.
struct OpmConnectedHdcpDeviceInformation {
    Bytes16 random{};
    std::uint32_t statusFlags = 0;
    std::uint32_t hdcpFlags = 0;
    std::array<std::uint8_t, 5> ksv{}; // OPM_HDCP_KEY_SELECTION_VECTOR
    static constexpr std::size_t kSize = sizeof(wire::OpmConnectedHdcpDeviceInformation);
};

// OPM_OUTPUT_ID_DATA — 28 bytes with the SDK's pack(1): rnRandomNumber@0,
// ulStatusFlags@16, OutputId (u64)@20 (§12 Q13; mingw's 32 / offset 24 is wrong).
struct OpmOutputIdData {
    Bytes16 random{};
    std::uint32_t statusFlags = 0;
    std::uint64_t outputId = 0;
    static constexpr std::size_t kSize = sizeof(wire::OpmOutputIdData);
};

// OPM_SET_HDCP_SRM_PARAMETERS — 4: ulSRMVersion@0 (the SRM travels separately).
struct OpmSetHdcpSrmParameters {
    std::uint32_t srmVersion = 0;
    static constexpr std::size_t kSize = sizeof(wire::OpmSetHdcpSrmParameters);
};

// OPM_GET_CODEC_INFO_PARAMETERS — 4056: cbVerifier@0, Verifier[4052]@4. The
// verifier is the MFT's CLSID (16 bytes) or a NUL-terminated UTF-16 symbolic link.
struct OpmGetCodecInfoParameters {
    std::uint32_t verifierSize = 0; // cbVerifier
    std::array<std::uint8_t, sizeof(wire::OpmGetCodecInfoParameters::Verifier)> verifier{}; // 4052
    static constexpr std::size_t kSize = sizeof(wire::OpmGetCodecInfoParameters);
    static constexpr std::size_t kMinSize = offsetof(wire::OpmGetCodecInfoParameters, Verifier); // cbVerifier alone
};

// OPM_GET_CODEC_INFO_INFORMATION — 20: rnRandomNumber@0, Merit@16.
struct OpmGetCodecInfoInformation {
    Bytes16 random{};
    std::uint32_t merit = 0;
    static constexpr std::size_t kSize = sizeof(wire::OpmGetCodecInfoInformation);
};

Bytes encode(const OpmConnectedHdcpDeviceInformation& v);
Bytes encode(const OpmOutputIdData& v);
Bytes encode(const OpmSetHdcpSrmParameters& v);
// cbVerifier as given, then min(cbVerifier, 4052) verifier bytes: exactly the
// bytes cbParametersSize counts (4 + cbVerifier) for any sane cbVerifier.
Bytes encode(const OpmGetCodecInfoParameters& v);
Bytes encode(const OpmGetCodecInfoInformation& v);
// Decoders take the payload bytes and fail when fewer than the struct's size.
Result<OpmConnectedHdcpDeviceInformation> decodeOpmConnectedHdcpDeviceInformation(ByteView bytes);
Result<OpmOutputIdData> decodeOpmOutputIdData(ByteView bytes);
Result<OpmSetHdcpSrmParameters> decodeOpmSetHdcpSrmParameters(ByteView bytes);
// Variable length: 4..4056 bytes (the cbParametersSize bytes of abParameters);
// verifier bytes beyond the input stay zero. Whether cbVerifier == size - 4 is the
// receiver's check (§4.3 codec-merit order), not a decoding failure.
Result<OpmGetCodecInfoParameters> decodeOpmGetCodecInfoParameters(ByteView bytes);
Result<OpmGetCodecInfoInformation> decodeOpmGetCodecInfoInformation(ByteView bytes);

// §7.7: abParameters = {u32 cbVerifier = 16, CLSID bytes (GUID serialization)};
// 20 bytes, so cbParametersSize = 20.
Bytes codecInfoParametersForClsid(const Guid& clsid);

// ---------------------------------------------------------------- §4.3 requests

// The OPM information requests, in the order of docs/protocol.md §4.3. Four of them
// share their GUID with a COPP status request (§4.1).
enum class OpmInfoRequest {
    ConnectorType,
    SupportedProtectionTypes,
    VirtualProtectionLevel, // = COPP local level
    ActualProtectionLevel,  // = COPP global level
    AdapterBusType,
    ActualOutputFormat,
    CurrentHdcpSrmVersion,
    DviCharacteristics,
    OutputId,
    AcpAndCgmsaSignaling,
    ConnectedHdcpDeviceInformation,
    CodecInfo,
    OutputHardwareProtectionSupport,
};
inline constexpr OpmInfoRequest kAllOpmInfoRequests[] = {
    OpmInfoRequest::ConnectorType,        OpmInfoRequest::SupportedProtectionTypes,
    OpmInfoRequest::VirtualProtectionLevel, OpmInfoRequest::ActualProtectionLevel,
    OpmInfoRequest::AdapterBusType,       OpmInfoRequest::ActualOutputFormat,
    OpmInfoRequest::CurrentHdcpSrmVersion, OpmInfoRequest::DviCharacteristics,
    OpmInfoRequest::OutputId,             OpmInfoRequest::AcpAndCgmsaSignaling,
    OpmInfoRequest::ConnectedHdcpDeviceInformation, OpmInfoRequest::CodecInfo,
    OpmInfoRequest::OutputHardwareProtectionSupport};

const Guid& opmInfoRequestGuid(OpmInfoRequest request);
std::optional<OpmInfoRequest> opmInfoRequestFromGuid(const Guid& guid);
// "connector-type", "protection-types", "virtual-level", "actual-level", "bus-type",
// "output-format", "srm-version", "dvi-characteristics", "output-id",
// "acp-cgmsa-signaling", "hdcp-device-info", "codec-info",
// "hardware-protection-support" (CLI and transcripts; stable).
const char* opmInfoRequestName(OpmInfoRequest request);
std::optional<OpmInfoRequest> opmInfoRequestFromName(std::string_view name);

// cbRequestedInformationSize of the reply: 32 (OPM_STANDARD_INFORMATION), 44, 88,
// 72, 28 (OPM_OUTPUT_ID_DATA) or 20 (OPM_GET_CODEC_INFO_INFORMATION).
std::size_t replySize(OpmInfoRequest request);
// cbParametersSize a request carries: 4 (a protection type) for the two level
// queries, 0 for the others, nullopt for OPM_GET_CODEC_INFO (4 + cbVerifier).
std::optional<std::size_t> expectedParametersSize(OpmInfoRequest request);

// §4.3 "semantics allowed": GetInformation (OPM semantics) or
// COPPCompatibleGetInformation (COPP semantics).
bool allowedInOpmSemantics(OpmInfoRequest request);
bool allowedInCoppSemantics(OpmInfoRequest request);

} // namespace copp::protocol
