// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/protocol/coppstructs.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace copp::protocol {

namespace {

// Sequential little-endian writer/reader over a fixed buffer.
class Writer {
public:
    explicit Writer(std::uint8_t* at) : m_at(at) {}
    Writer& u32(std::uint32_t v)
    {
        putU32(m_at, v);
        m_at += 4;
        return *this;
    }
    Writer& b16(const Bytes16& v)
    {
        put16(m_at, v);
        m_at += 16;
        return *this;
    }
    Writer& u32s(const std::array<std::uint32_t, 4>& v)
    {
        for (auto x : v)
            u32(x);
        return *this;
    }

private:
    std::uint8_t* m_at;
};

class Reader {
public:
    explicit Reader(const std::uint8_t* at) : m_at(at) {}
    std::uint32_t u32()
    {
        const std::uint32_t v = getU32(m_at);
        m_at += 4;
        return v;
    }
    Bytes16 b16()
    {
        const Bytes16 v = get16(m_at);
        m_at += 16;
        return v;
    }
    std::array<std::uint32_t, 4> u32s() { return {u32(), u32(), u32(), u32()}; }

private:
    const std::uint8_t* m_at;
};

template <typename T>
Result<Reader> readerFor(ByteView bytes, const char* name)
{
    if (bytes.size() < T::kSize)
        return makeError(Error::Code::Malformed, std::string(name) + " needs " + std::to_string(T::kSize) + " bytes, got "
                                                     + std::to_string(bytes.size()));
    return Reader(bytes.data());
}

} // namespace

Block4096 encode(const CoppCommand& c)
{
    Block4096 b{};
    Writer(b.data()).b16(c.mac).b16(c.commandId.bytes).u32(c.sequence).u32(c.dataSize);
    std::memcpy(b.data() + offsetof(wire::CoppCommand, CommandData), c.data.data(), c.data.size());
    return b;
}

CoppCommand decodeCommand(const Block4096& b)
{
    CoppCommand c;
    Reader r(b.data());
    c.mac = r.b16();
    c.commandId.bytes = r.b16();
    c.sequence = r.u32();
    c.dataSize = r.u32();
    std::memcpy(c.data.data(), b.data() + offsetof(wire::CoppCommand, CommandData), c.data.size());
    return c;
}

Block4096 encode(const CoppStatusInput& in)
{
    Block4096 b{};
    Writer(b.data()).b16(in.random).b16(in.requestId.bytes).u32(in.sequence).u32(in.dataSize);
    std::memcpy(b.data() + offsetof(wire::CoppStatusInput, StatusData), in.data.data(), in.data.size());
    return b;
}

CoppStatusInput decodeStatusInput(const Block4096& b)
{
    CoppStatusInput in;
    Reader r(b.data());
    in.random = r.b16();
    in.requestId.bytes = r.b16();
    in.sequence = r.u32();
    in.dataSize = r.u32();
    std::memcpy(in.data.data(), b.data() + offsetof(wire::CoppStatusInput, StatusData), in.data.size());
    return in;
}

Block4096 encode(const CoppStatusOutput& out)
{
    Block4096 b{};
    Writer(b.data()).b16(out.mac).u32(out.dataSize);
    std::memcpy(b.data() + offsetof(wire::CoppStatusOutput, COPPStatus), out.status.data(), out.status.size());
    return b;
}

CoppStatusOutput decodeStatusOutput(const Block4096& b)
{
    CoppStatusOutput out;
    Reader r(b.data());
    out.mac = r.b16();
    out.dataSize = r.u32();
    std::memcpy(out.status.data(), b.data() + offsetof(wire::CoppStatusOutput, COPPStatus), out.status.size());
    return out;
}

crypto::Omac blockMac(const crypto::AesKey& key, const Block4096& block)
{
    return crypto::omac1(key, ByteView(block).subspan(16));
}

void signBlock(const crypto::AesKey& key, Block4096& block)
{
    const crypto::Omac mac = blockMac(key, block);
    std::copy(mac.begin(), mac.end(), block.begin());
}

bool verifyBlockMac(const crypto::AesKey& key, const Block4096& block)
{
    return crypto::omac1Verify(key, ByteView(block).subspan(16), ByteView(block).first(16));
}

Bytes encode(const SetProtectionLevel& v)
{
    Bytes b(SetProtectionLevel::kSize);
    Writer(b.data()).u32(v.type).u32(v.level).u32(v.extendedInfoChangeMask).u32(v.extendedInfoData);
    return b;
}

Bytes encode(const SetSignaling& v)
{
    Bytes b(SetSignaling::kSize);
    Writer(b.data())
        .u32(v.activeTvProtectionStandard)
        .u32(v.aspectRatioChangeMask1).u32(v.aspectRatioData1)
        .u32(v.aspectRatioChangeMask2).u32(v.aspectRatioData2)
        .u32(v.aspectRatioChangeMask3).u32(v.aspectRatioData3)
        .u32s(v.extendedInfoChangeMask).u32s(v.extendedInfoData)
        .u32(v.reserved);
    return b;
}

Bytes encode(const StatusData& v)
{
    Bytes b(StatusData::kSize);
    Writer(b.data()).b16(v.random).u32(v.flags).u32(v.data).u32(v.extendedInfoValidMask).u32(v.extendedInfoData);
    return b;
}

Bytes encode(const StatusDisplayData& v)
{
    Bytes b(StatusDisplayData::kSize);
    Writer(b.data())
        .b16(v.random).u32(v.flags).u32(v.displayWidth).u32(v.displayHeight)
        .u32(v.format).u32(v.d3dFormat).u32(v.freqNumerator).u32(v.freqDenominator);
    return b;
}

Bytes encode(const StatusHdcpKeyData& v)
{
    Bytes b(StatusHdcpKeyData::kSize); // Reserved1 and Reserved2 stay zero
    Writer(b.data()).b16(v.random).u32(v.flags).u32(v.hdcpFlags).b16(v.bKey);
    return b;
}

Bytes encode(const StatusSignaling& v)
{
    Bytes b(StatusSignaling::kSize);
    Writer(b.data())
        .b16(v.random).u32(v.flags)
        .u32(v.availableTvProtectionStandards).u32(v.activeTvProtectionStandard).u32(v.tvType)
        .u32(v.aspectRatioValidMask1).u32(v.aspectRatioData1)
        .u32(v.aspectRatioValidMask2).u32(v.aspectRatioData2)
        .u32(v.aspectRatioValidMask3).u32(v.aspectRatioData3)
        .u32s(v.extendedInfoValidMask).u32s(v.extendedInfoData);
    return b;
}

Result<SetProtectionLevel> decodeSetProtectionLevel(ByteView bytes)
{
    auto r = readerFor<SetProtectionLevel>(bytes, "DXVA_COPPSetProtectionLevelCmdData");
    if (!r)
        return r.error();
    SetProtectionLevel v;
    v.type = r->u32();
    v.level = r->u32();
    v.extendedInfoChangeMask = r->u32();
    v.extendedInfoData = r->u32();
    return v;
}

Result<SetSignaling> decodeSetSignaling(ByteView bytes)
{
    auto r = readerFor<SetSignaling>(bytes, "DXVA_COPPSetSignalingCmdData");
    if (!r)
        return r.error();
    SetSignaling v;
    v.activeTvProtectionStandard = r->u32();
    v.aspectRatioChangeMask1 = r->u32();
    v.aspectRatioData1 = r->u32();
    v.aspectRatioChangeMask2 = r->u32();
    v.aspectRatioData2 = r->u32();
    v.aspectRatioChangeMask3 = r->u32();
    v.aspectRatioData3 = r->u32();
    v.extendedInfoChangeMask = r->u32s();
    v.extendedInfoData = r->u32s();
    v.reserved = r->u32();
    return v;
}

Result<StatusData> decodeStatusData(ByteView bytes)
{
    auto r = readerFor<StatusData>(bytes, "DXVA_COPPStatusData");
    if (!r)
        return r.error();
    StatusData v;
    v.random = r->b16();
    v.flags = r->u32();
    v.data = r->u32();
    v.extendedInfoValidMask = r->u32();
    v.extendedInfoData = r->u32();
    return v;
}

Result<StatusDisplayData> decodeStatusDisplayData(ByteView bytes)
{
    auto r = readerFor<StatusDisplayData>(bytes, "DXVA_COPPStatusDisplayData");
    if (!r)
        return r.error();
    StatusDisplayData v;
    v.random = r->b16();
    v.flags = r->u32();
    v.displayWidth = r->u32();
    v.displayHeight = r->u32();
    v.format = r->u32();
    v.d3dFormat = r->u32();
    v.freqNumerator = r->u32();
    v.freqDenominator = r->u32();
    return v;
}

Result<StatusHdcpKeyData> decodeStatusHdcpKeyData(ByteView bytes)
{
    auto r = readerFor<StatusHdcpKeyData>(bytes, "DXVA_COPPStatusHDCPKeyData");
    if (!r)
        return r.error();
    StatusHdcpKeyData v;
    v.random = r->b16();
    v.flags = r->u32();
    v.hdcpFlags = r->u32();
    v.bKey = r->b16();
    return v;
}

Result<StatusSignaling> decodeStatusSignaling(ByteView bytes)
{
    auto r = readerFor<StatusSignaling>(bytes, "DXVA_COPPStatusSignalingCmdData");
    if (!r)
        return r.error();
    StatusSignaling v;
    v.random = r->b16();
    v.flags = r->u32();
    v.availableTvProtectionStandards = r->u32();
    v.activeTvProtectionStandard = r->u32();
    v.tvType = r->u32();
    v.aspectRatioValidMask1 = r->u32();
    v.aspectRatioData1 = r->u32();
    v.aspectRatioValidMask2 = r->u32();
    v.aspectRatioData2 = r->u32();
    v.aspectRatioValidMask3 = r->u32();
    v.aspectRatioData3 = r->u32();
    v.extendedInfoValidMask = r->u32s();
    v.extendedInfoData = r->u32s();
    return v;
}

std::size_t replySize(StatusRequest request)
{
    switch (request) {
    case StatusRequest::DisplayData:
        return StatusDisplayData::kSize;
    case StatusRequest::HdcpKeyData:
        return StatusHdcpKeyData::kSize;
    case StatusRequest::Signaling:
        return StatusSignaling::kSize;
    default:
        return StatusData::kSize;
    }
}

std::size_t requestDataSize(StatusRequest request)
{
    return request == StatusRequest::LocalLevel || request == StatusRequest::GlobalLevel ? 4 : 0;
}

} // namespace copp::protocol
