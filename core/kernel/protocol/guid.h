// SPDX-License-Identifier: BSD-3-Clause
// Windows GUIDs as they sit in the structures: Data1 u32 LE, Data2 u16 LE,
// Data3 u16 LE, Data4 as written (docs/protocol.md, "Conventions"; = uuid.bytes_le).
#pragma once

#include <core/kernel/protocol/wire.h>

#include <optional>
#include <string>
#include <string_view>

namespace copp::protocol {

struct Guid {
    Bytes16 bytes{}; // wire order

    // "{9bb9327c-4eb5-4727-9f00-b42b0919c0da}" (braces optional, any case).
    static std::optional<Guid> parse(std::string_view text);
    // Registry form, lowercase with braces.
    std::string toString() const;
    bool operator==(const Guid&) const = default;
};

// docs/protocol.md §4.1. The COPP and OPM GUIDs are the same values.
namespace guids {
extern const Guid SetProtectionLevel;        // DXVA_COPPSetProtectionLevel = OPM_SET_PROTECTION_LEVEL
extern const Guid SetSignaling;              // DXVA_COPPSetSignaling = OPM_SET_ACP_AND_CGMSA_SIGNALING
extern const Guid SetHdcpSrm;                // OPM_SET_HDCP_SRM
extern const Guid SetProtectionLevelCssDvd;  // OPM_SET_PROTECTION_LEVEL_ACCORDING_TO_CSS_DVD
extern const Guid QueryConnectorType;        // = OPM_GET_CONNECTOR_TYPE
extern const Guid QueryProtectionType;       // = OPM_GET_SUPPORTED_PROTECTION_TYPES
extern const Guid QueryLocalProtectionLevel; // = OPM_GET_VIRTUAL_PROTECTION_LEVEL
extern const Guid QueryGlobalProtectionLevel;// = OPM_GET_ACTUAL_PROTECTION_LEVEL
extern const Guid QueryDisplayData;          // = OPM_GET_ACTUAL_OUTPUT_FORMAT
extern const Guid QueryHdcpKeyData;          // = OPM_GET_CONNECTED_HDCP_DEVICE_INFORMATION
extern const Guid QueryBusData;              // = OPM_GET_ADAPTER_BUS_TYPE
extern const Guid QuerySignaling;            // = OPM_GET_ACP_AND_CGMSA_SIGNALING
extern const Guid GetCurrentHdcpSrmVersion;
extern const Guid GetOutputId;
extern const Guid GetDviCharacteristics;
extern const Guid GetCodecInfo;
extern const Guid GetOutputHardwareProtectionSupport;
} // namespace guids

// The eight COPP status requests, in the order of docs/protocol.md §4.2.
enum class StatusRequest { ConnectorType, ProtectionType, LocalLevel, GlobalLevel, DisplayData, HdcpKeyData, BusData, Signaling };
inline constexpr StatusRequest kAllStatusRequests[] = {
    StatusRequest::ConnectorType, StatusRequest::ProtectionType, StatusRequest::LocalLevel, StatusRequest::GlobalLevel,
    StatusRequest::DisplayData,   StatusRequest::HdcpKeyData,    StatusRequest::BusData,    StatusRequest::Signaling};
const Guid& statusRequestGuid(StatusRequest request);
std::optional<StatusRequest> statusRequestFromGuid(const Guid& guid);
// "connector-type", "protection-type", "local-level", ... (CLI and transcripts)
const char* statusRequestName(StatusRequest request);
std::optional<StatusRequest> statusRequestFromName(std::string_view name);

} // namespace copp::protocol
