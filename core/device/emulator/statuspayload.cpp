// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/emulator/statuspayload.h>

#include <core/kernel/protocol/constants.h>

namespace copp::device {

using namespace protocol;

Bytes statusPayload(EmulatedOutput& output, int session, StatusRequest request, const Bytes16& random, std::uint32_t flags,
                    std::uint32_t protectionType)
{
    const OutputProfile p = output.profile();
    switch (request) {
    case StatusRequest::ConnectorType:
        return encode(StatusData{random, flags, p.connector, 0, 0});
    case StatusRequest::ProtectionType:
        return encode(StatusData{random, flags, p.protectionTypes, 0, 0});
    case StatusRequest::LocalLevel:
        return encode(StatusData{random, flags, output.localLevel(session, protectionType), 0, 0});
    case StatusRequest::GlobalLevel:
        return encode(StatusData{random, flags, output.globalLevel(protectionType), 0, 0});
    case StatusRequest::BusData:
        return encode(StatusData{random, flags, p.busType, 0, 0});
    case StatusRequest::DisplayData:
        return encode(StatusDisplayData{random, flags, p.width, p.height, 0, 22 /* D3DFMT_X8R8G8B8 */,
                                        p.freqNumerator, p.freqDenominator});
    case StatusRequest::HdcpKeyData: {
        StatusHdcpKeyData d{random, flags, p.repeater ? kHdcpRepeater : 0u, {}};
        if (p.protectionTypes & protection::Hdcp)
            for (int i = 0; i < 5; ++i) // §12 Q9: least significant byte first
                d.bKey[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(p.ksv >> (8 * i));
        return encode(d);
    }
    case StatusRequest::Signaling: {
        const SetSignaling s = output.signaling();
        StatusSignaling d;
        d.random = random;
        d.flags = flags;
        d.availableTvProtectionStandards = p.availableTvStandards;
        d.activeTvProtectionStandard = s.activeTvProtectionStandard;
        d.aspectRatioValidMask1 = s.aspectRatioChangeMask1;
        d.aspectRatioData1 = s.aspectRatioData1;
        d.aspectRatioValidMask2 = s.aspectRatioChangeMask2;
        d.aspectRatioData2 = s.aspectRatioData2;
        d.aspectRatioValidMask3 = s.aspectRatioChangeMask3;
        d.aspectRatioData3 = s.aspectRatioData3;
        return encode(d);
    }
    }
    return {};
}

} // namespace copp::device
