// SPDX-License-Identifier: BSD-3-Clause
// Layout, known-answer and round-trip tests for the OPM part of the protocol
// kernel (docs/protocol.md §3.3, §4.3, §5, §6.1-§6.2, §7.4-§7.7, §10.2).
//
// The §6.2 derived MAC vectors and every expected byte are written out here; the
// OAEP known-answer vectors live in tst_oaepvectors. The OPM session start is
// checked both by a round trip and by undoing the encryption with raw RSA and a
// hand-written MGF1, so a client and a driver that were wrong the same way (a
// reversed S, another hash) could not pass together.

#include <core/kernel/bytes.h>
#include <core/kernel/crypto/omac.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/opmstructs.h>
#include <core/kernel/protocol/wire.h>
#include <support/testsupport.h>

#include <cryptopp/integer.h>
#include <cryptopp/osrng.h>
#include <cryptopp/queue.h>
#include <cryptopp/rsa.h>
#include <cryptopp/sha.h>

#include <QtTest>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>

using copp::Bytes;
using copp::ByteView;
using copp::crypto::AesKey;
using copp::crypto::RsaPrivateKey;
namespace proto = copp::protocol;
using proto::Block4096;
using proto::Block4112;
using proto::Bytes16;
using proto::Guid;
using proto::OpmInfoRequest;
using proto::SessionSecrets;

namespace {

// ---------------------------------------------------------------- bytes and hex

using copp::tests::hexOf;
using copp::tests::parseHex;

// For literals in this file (spaces allowed, as the spec prints bytes).
Bytes hex(const char* text)
{
    QString compact = QString::fromLatin1(text);
    compact.remove(u' ');
    const auto bytes = parseHex(compact);
    if (!bytes)
        qFatal("bad hex literal in the test: %s", text);
    return *bytes;
}

template <std::size_t N>
std::array<std::uint8_t, N> fixed(const Bytes& bytes)
{
    if (bytes.size() != N)
        qFatal("expected %zu bytes, got %zu", N, bytes.size());
    std::array<std::uint8_t, N> out{};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// 0xa0 0xa1 ... : easy to spot in a failing comparison.
Bytes16 counting(std::uint8_t first)
{
    Bytes16 out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(first + i);
    return out;
}

QByteArray at(ByteView bytes, std::size_t offset, std::size_t length)
{
    return hexOf(bytes.subspan(offset, length));
}

bool allZero(ByteView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t x) { return x == 0; });
}

template <typename T>
QByteArray errorText(const copp::Result<T>& result)
{
    return result ? QByteArray("(ok)") : QByteArray::fromStdString(result.error().detail);
}

// Every u32 field is set to marker(its offset), so "the u32 at offset o holds
// marker(o)" checks a whole layout at once.
constexpr std::uint32_t marker(std::size_t offset)
{
    return 0xC0DE0000u | static_cast<std::uint32_t>(offset);
}

std::array<std::uint32_t, 4> markers(std::size_t offset)
{
    return {marker(offset), marker(offset + 4), marker(offset + 8), marker(offset + 12)};
}

bool u32MarkersFrom(const Bytes& bytes, std::size_t from, std::size_t to, QByteArray& why)
{
    for (std::size_t offset = from; offset < to; offset += 4) {
        const std::uint32_t actual = proto::getU32(bytes.data() + offset);
        if (actual != marker(offset)) {
            why = QString::asprintf("u32 at offset %zu is 0x%08x, expected 0x%08x", offset, actual, marker(offset))
                      .toLatin1();
            return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------- §6.2 fixtures

// "Key K = 000102030405060708090a0b0c0d0e0f, random R = 101112131415161718191a1b1c1d1e1f,
// all unused bytes zero".
const AesKey kSessionKey = fixed<16>(hex("000102030405060708090a0b0c0d0e0f"));
const Bytes16 kRandomR = fixed<16>(hex("101112131415161718191a1b1c1d1e1f"));

// Vector 1: OPM_GET_INFO_PARAMETERS{rn=R, guid=OPM_GET_CONNECTOR_TYPE, seq=0x01020304, cb=0}.
Block4112 vector1GetInfoParameters()
{
    proto::OpmGetInfoParameters p;
    p.random = kRandomR;
    p.information = proto::opmInfoRequestGuid(OpmInfoRequest::ConnectorType);
    p.sequence = 0x01020304;
    p.parametersSize = 0;
    Block4112 block = proto::encode(p);
    proto::signGetInfoParameters(kSessionKey, block);
    return block;
}

// Vector 2: OPM_REQUESTED_INFORMATION{cb=32, OPM_STANDARD_INFORMATION{rn=R, status=0, info=5 (HDMI), 0, 0}}.
Block4096 vector2RequestedInformation()
{
    proto::OpmRequestedInformation info;
    const Bytes payload =
        proto::encode(proto::OpmStandardInformation{kRandomR, proto::status::Normal, proto::connector::Hdmi, 0, 0});
    info.dataSize = static_cast<std::uint32_t>(payload.size());
    std::copy(payload.begin(), payload.end(), info.status.begin());
    Block4096 block = proto::encode(info);
    proto::signBlock(kSessionKey, block);
    return block;
}

// Vector 3: OPM_CONFIGURE_PARAMETERS{OPM_SET_PROTECTION_LEVEL, seq=0xA0B0C0D0, cb=16,
// {type=0x08 HDCP, level=1, 0, 0}}.
Block4096 vector3Configure()
{
    proto::OpmConfigureParameters configure;
    configure.commandId = proto::guids::SetProtectionLevel;
    configure.sequence = 0xA0B0C0D0;
    const Bytes payload =
        proto::encode(proto::OpmSetProtectionLevelParameters{proto::protection::OpmHdcp, 1, 0, 0});
    configure.dataSize = static_cast<std::uint32_t>(payload.size());
    std::copy(payload.begin(), payload.end(), configure.data.begin());
    Block4096 block = proto::encode(configure);
    proto::signBlock(kSessionKey, block);
    return block;
}

// ---------------------------------------------------------------- §7.4 helpers

SessionSecrets sampleSecrets()
{
    SessionSecrets s;
    s.driverRandom = counting(0x10);
    s.key = counting(0x20);
    s.statusSequence = 0x01020304;
    s.commandSequence = 0xA0B0C0D0;
    return s;
}

Bytes encoded(const SessionSecrets& s)
{
    const auto bytes = s.encode();
    return Bytes(bytes.begin(), bytes.end());
}

// Raw RSA with Crypto++ (no padding check): EM = c^d mod n as k big-endian bytes.
Bytes rawRsaDecrypt(const RsaPrivateKey& key, ByteView ciphertextBigEndian)
{
    const Bytes der = key.toPkcs8();
    CryptoPP::ByteQueue queue;
    queue.Put(der.data(), der.size());
    queue.MessageEnd();
    CryptoPP::RSA::PrivateKey raw;
    raw.Load(queue);
    CryptoPP::AutoSeededRandomPool rng;
    const CryptoPP::Integer c(ciphertextBigEndian.data(), ciphertextBigEndian.size());
    const CryptoPP::Integer m = raw.CalculateInverse(rng, c);
    Bytes out(raw.GetModulus().ByteCount());
    m.Encode(out.data(), out.size());
    return out;
}

Bytes sha512(ByteView data)
{
    Bytes digest(CryptoPP::SHA512::DIGESTSIZE);
    CryptoPP::SHA512().CalculateDigest(digest.data(), data.data(), data.size());
    return digest;
}

// RFC 8017 B.2.1 MGF1 with SHA-512, written out: T = Hash(seed || C) for C = 0, 1, ...
Bytes mgf1Sha512(ByteView seed, std::size_t length)
{
    Bytes mask;
    for (std::uint32_t counter = 0; mask.size() < length; ++counter) {
        Bytes input(seed.begin(), seed.end());
        for (int shift = 24; shift >= 0; shift -= 8)
            input.push_back(static_cast<std::uint8_t>(counter >> shift));
        const Bytes block = sha512(input);
        mask.insert(mask.end(), block.begin(), block.end());
    }
    mask.resize(length);
    return mask;
}

// RFC 8017 §7.1.2 step 3 by hand: EM = Y || maskedSeed || maskedDB, DB = lHash' || PS || 01 || M.
struct OaepBlock {
    std::uint8_t y = 0xff;
    Bytes lHash;
    std::optional<std::uint8_t> separator; // the first nonzero byte after lHash (PS is all zero before it)
    Bytes message;
};

OaepBlock openOaepByHand(ByteView em)
{
    constexpr std::size_t hLen = 64;
    OaepBlock out;
    out.y = em[0];
    Bytes seed(em.begin() + 1, em.begin() + 1 + hLen);
    Bytes db(em.begin() + 1 + hLen, em.end());
    const Bytes seedMask = mgf1Sha512(db, hLen);
    for (std::size_t i = 0; i < hLen; ++i)
        seed[i] ^= seedMask[i];
    const Bytes dbMask = mgf1Sha512(seed, db.size());
    for (std::size_t i = 0; i < db.size(); ++i)
        db[i] ^= dbMask[i];
    out.lHash.assign(db.begin(), db.begin() + hLen);
    const auto one = std::find_if(db.begin() + hLen, db.end(), [](std::uint8_t b) { return b != 0; });
    if (one != db.end()) {
        out.separator = *one;
        out.message.assign(one + 1, db.end());
    }
    return out;
}

proto::Signature256 toSignature(const Bytes& bytes)
{
    return fixed<proto::kSignatureSize>(bytes);
}

} // namespace

class TestOpmProtocol : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // §3.3 layouts
    void getInfoParametersLayout();
    void getInfoParametersRoundTrip();
    void aliasedBlocksLayout();
    void standardInformationLayout();
    void actualOutputFormatLayout();
    void acpAndCgmsaSignalingLayout();
    void connectedHdcpDeviceInformationLayout();
    void outputIdDataLayout();
    void commandPayloadLayouts();
    void codecInfoLayouts();
    void payloadDecodersCheckSize();

    // §6.1 / §6.2
    void vector1GetInfoParametersMac();
    void vector2And3Macs();
    void signGetInfoParametersTouchesOnlyTheMac();
    void tamperedGetInfoParametersFail();

    // §7.7
    void codecInfoParametersForClsid();

    // §4.3
    void infoRequestGuids();
    void infoRequestNames();
    void infoRequestSizes();
    void infoRequestSemantics();

    // §5 / §10.2
    void opmProtectionTypeNames();
    void opmLevels();
    void opmConnectorsAndBus();
    void hresultNames_data();
    void hresultNames();

    // §7.4
    void initParametersRoundTrip();
    void initParametersByteLayout();
    void initParametersDeterministic();
    void initParametersTampered_data();
    void initParametersTampered();
    void initParametersShortPlaintext();
    void initParametersLongPlaintext();
    void initParametersNeed2048BitKey();

private:
    std::optional<RsaPrivateKey> m_leafKey; // 2048 bits, made once in initTestCase
};

void TestOpmProtocol::initTestCase()
{
    auto key = RsaPrivateKey::generate(2048);
    QVERIFY2(key, errorText(key).constData());
    m_leafKey = std::move(key.value());
}

// ---------------------------------------------------------------- §3.3 layouts

void TestOpmProtocol::getInfoParametersLayout()
{
    // OPM_GET_INFO_PARAMETERS — 4112: omac@0, rnRandomNumber@16, guidInformation@32,
    // ulSequenceNumber@48, cbParametersSize@52, abParameters[4056]@56.
    QCOMPARE(proto::kGetInfoParametersSize, std::size_t(4112));
    QCOMPARE(sizeof(Block4112), std::size_t(4112));
    proto::OpmGetInfoParameters p;
    p.omac = counting(0xa0);
    p.random = counting(0x10);
    p.information = proto::guids::QueryGlobalProtectionLevel;
    p.sequence = 0x11223344;
    p.parametersSize = 0x55667788;
    QCOMPARE(p.parameters.size(), std::size_t(4056));
    p.parameters.front() = 0x99;
    p.parameters.back() = 0xee;
    const Block4112 b = proto::encode(p);

    QCOMPARE(at(b, 0, 16), hexOf(counting(0xa0)));
    QCOMPARE(at(b, 16, 16), hexOf(counting(0x10)));
    QCOMPARE(at(b, 32, 16), hexOf(hex("0a 21 57 19 66 77 2a 45 b9 9a d2 7a ed 54 f0 3a")));
    QCOMPARE(at(b, 48, 4), QByteArray("44332211")); // little-endian
    QCOMPARE(at(b, 52, 4), QByteArray("88776655"));
    QCOMPARE(b[56], std::uint8_t(0x99));
    QCOMPARE(b[4111], std::uint8_t(0xee));
    QVERIFY(allZero(ByteView(b).subspan(57, 4111 - 57)));
}

void TestOpmProtocol::getInfoParametersRoundTrip()
{
    proto::OpmGetInfoParameters p;
    p.omac = counting(0x01);
    p.random = counting(0x41);
    p.information = proto::guids::GetCodecInfo;
    p.sequence = 0xFFFFFFFF;
    p.parametersSize = 20;
    for (std::size_t i = 0; i < p.parameters.size(); ++i)
        p.parameters[i] = static_cast<std::uint8_t>(i * 7);
    const proto::OpmGetInfoParameters back = proto::decodeGetInfoParameters(proto::encode(p));
    QVERIFY(back.omac == p.omac);
    QVERIFY(back.random == p.random);
    QVERIFY(back.information == p.information);
    QCOMPARE(back.sequence, p.sequence);
    QCOMPARE(back.parametersSize, p.parametersSize);
    QVERIFY(back.parameters == p.parameters);
}

void TestOpmProtocol::aliasedBlocksLayout()
{
    // §3.3: the 4096-byte OPM blocks are the COPP ones field for field.
    QVERIFY((std::is_same_v<proto::OpmCoppCompatibleGetInfoParameters, proto::CoppStatusInput>));
    QVERIFY((std::is_same_v<proto::OpmRequestedInformation, proto::CoppStatusOutput>));
    QVERIFY((std::is_same_v<proto::OpmConfigureParameters, proto::CoppCommand>));
    QVERIFY((std::is_same_v<proto::OpmEncryptedInitializationParameters, proto::Signature256>));
    QCOMPARE(sizeof(proto::OpmEncryptedInitializationParameters), std::size_t(256));

    // OPM_COPP_COMPATIBLE_GET_INFO_PARAMETERS: rnRandomNumber@0, guidInformation@16,
    // ulSequenceNumber@32, cbParametersSize@36, abParameters[4056]@40.
    proto::OpmCoppCompatibleGetInfoParameters in;
    in.random = counting(0x10);
    in.requestId = proto::opmInfoRequestGuid(OpmInfoRequest::VirtualProtectionLevel);
    in.sequence = 0x01020304;
    in.dataSize = 4;
    proto::putU32(in.data.data(), proto::protection::CoppCompatibleHdcp);
    const Block4096 input = proto::encode(in);
    QCOMPARE(at(input, 0, 16), hexOf(counting(0x10)));
    QCOMPARE(at(input, 16, 16), hexOf(hex("57 58 07 b2 da 3e 5d 4d 88 db 74 8f 8c 1a 05 49")));
    QCOMPARE(at(input, 32, 4), QByteArray("04030201"));
    QCOMPARE(at(input, 36, 4), QByteArray("04000000"));
    QCOMPARE(at(input, 40, 4), QByteArray("01000000"));

    // OPM_REQUESTED_INFORMATION: omac@0, cbRequestedInformationSize@16, abRequestedInformation[4076]@20.
    proto::OpmRequestedInformation out;
    out.mac = counting(0xc0);
    out.dataSize = 28;
    out.status.front() = 0x31;
    out.status.back() = 0x32;
    QCOMPARE(out.status.size(), std::size_t(4076));
    const Block4096 reply = proto::encode(out);
    QCOMPARE(at(reply, 0, 16), hexOf(counting(0xc0)));
    QCOMPARE(at(reply, 16, 4), QByteArray("1c000000"));
    QCOMPARE(reply[20], std::uint8_t(0x31));
    QCOMPARE(reply[4095], std::uint8_t(0x32));

    // OPM_CONFIGURE_PARAMETERS: omac@0, guidSetting@16, ulSequenceNumber@32,
    // cbParametersSize@36, abParameters[4056]@40.
    proto::OpmConfigureParameters c;
    c.mac = counting(0xd0);
    c.commandId = proto::guids::SetHdcpSrm;
    c.sequence = 0xA1B2C3D4;
    c.dataSize = 4;
    c.data.back() = 0x77;
    const Block4096 configure = proto::encode(c);
    QCOMPARE(at(configure, 0, 16), hexOf(counting(0xd0)));
    QCOMPARE(at(configure, 16, 16), hexOf(hex("d1 f5 5e 8b 0d c3 ff 44 84 a5 ea 71 dc e7 8f 13")));
    QCOMPARE(at(configure, 32, 4), QByteArray("d4c3b2a1"));
    QCOMPARE(at(configure, 36, 4), QByteArray("04000000"));
    QCOMPARE(configure[4095], std::uint8_t(0x77));
}

void TestOpmProtocol::standardInformationLayout()
{
    // OPM_STANDARD_INFORMATION — 32: rnRandomNumber@0, ulStatusFlags@16,
    // ulInformation@20, ulReserved@24, ulReserved2@28.
    const Bytes b =
        proto::encode(proto::OpmStandardInformation{counting(0xa0), marker(16), marker(20), marker(24), marker(28)});
    QCOMPARE(b.size(), std::size_t(32));
    QCOMPARE(proto::OpmStandardInformation::kSize, std::size_t(32));
    QCOMPARE(at(b, 0, 16), hexOf(counting(0xa0)));
    QByteArray why;
    QVERIFY2(u32MarkersFrom(b, 16, 32, why), why.constData());
    const auto back = proto::decodeOpmStandardInformation(b);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(back->data, marker(20)); // ulInformation
    QVERIFY(proto::encode(*back) == b);
}

void TestOpmProtocol::actualOutputFormatLayout()
{
    // OPM_ACTUAL_OUTPUT_FORMAT — 44: rnRandomNumber@0, ulStatusFlags@16, ulDisplayWidth@20,
    // ulDisplayHeight@24, dsfSampleInterleaveFormat@28, d3dFormat@32,
    // ulFrequencyNumerator@36, ulFrequencyDenominator@40.
    proto::OpmActualOutputFormat v{counting(0xa0), marker(16), marker(20), marker(24),
                                   marker(28),     marker(32), marker(36), marker(40)};
    const Bytes b = proto::encode(v);
    QCOMPARE(b.size(), std::size_t(44));
    QCOMPARE(at(b, 0, 16), hexOf(counting(0xa0)));
    QByteArray why;
    QVERIFY2(u32MarkersFrom(b, 16, 44, why), why.constData());
    const auto back = proto::decodeOpmActualOutputFormat(b);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(back->format, marker(28)); // dsfSampleInterleaveFormat
    QCOMPARE(back->freqDenominator, marker(40));
}

void TestOpmProtocol::acpAndCgmsaSignalingLayout()
{
    // OPM_ACP_AND_CGMSA_SIGNALING — 88: ... ulReserved@28, ..., ulReserved2[4]@56, ulReserved3[4]@72.
    proto::OpmAcpAndCgmsaSignaling v;
    v.random = counting(0xa0);
    v.flags = marker(16);
    v.availableTvProtectionStandards = marker(20);
    v.activeTvProtectionStandard = marker(24);
    v.tvType = marker(28);
    v.aspectRatioValidMask1 = marker(32);
    v.aspectRatioData1 = marker(36);
    v.aspectRatioValidMask2 = marker(40);
    v.aspectRatioData2 = marker(44);
    v.aspectRatioValidMask3 = marker(48);
    v.aspectRatioData3 = marker(52);
    v.extendedInfoValidMask = markers(56);
    v.extendedInfoData = markers(72);
    const Bytes b = proto::encode(v);
    QCOMPARE(b.size(), std::size_t(88));
    QByteArray why;
    QVERIFY2(u32MarkersFrom(b, 16, 88, why), why.constData());
    const auto back = proto::decodeOpmAcpAndCgmsaSignaling(b);
    QVERIFY2(back, errorText(back).constData());
    QVERIFY(proto::encode(*back) == b);
}

void TestOpmProtocol::connectedHdcpDeviceInformationLayout()
{
    // OPM_CONNECTED_HDCP_DEVICE_INFORMATION — 72: rnRandomNumber@0, ulStatusFlags@16,
    // ulHDCPFlags@20, ksvB@24 (5), Reserved[11]@29, Reserved2[16]@40, Reserved3[16]@56.
    proto::OpmConnectedHdcpDeviceInformation v;
    v.random = counting(0xa0);
    v.statusFlags = marker(16);
    v.hdcpFlags = proto::kHdcpRepeater;
    v.ksv = {0x51, 0x52, 0x53, 0x54, 0x55};
    const Bytes b = proto::encode(v);
    QCOMPARE(b.size(), std::size_t(72));
    QCOMPARE(at(b, 0, 16), hexOf(counting(0xa0)));
    QCOMPARE(proto::getU32(b.data() + 16), marker(16));
    QCOMPARE(at(b, 20, 4), QByteArray("01000000"));
    QCOMPARE(at(b, 24, 5), QByteArray("5152535455"));
    QVERIFY2(allZero(ByteView(b).subspan(29)), "Reserved, Reserved2 and Reserved3 must be zero");

    const auto back = proto::decodeOpmConnectedHdcpDeviceInformation(b);
    QVERIFY2(back, errorText(back).constData());
    QVERIFY(back->random == v.random);
    QCOMPARE(back->statusFlags, v.statusFlags);
    QCOMPARE(back->hdcpFlags, v.hdcpFlags);
    QVERIFY(back->ksv == v.ksv);
}

void TestOpmProtocol::outputIdDataLayout()
{
    // OPM_OUTPUT_ID_DATA — "28 bytes with the SDK's pack(1): rnRandomNumber@0,
    // ulStatusFlags@16, OutputId (u64)@20" (§12 Q13: not mingw's 32 / 24).
    QCOMPARE(proto::OpmOutputIdData::kSize, std::size_t(28));
    const proto::OpmOutputIdData v{counting(0xa0), marker(16), 0x0102030405060708ull};
    const Bytes b = proto::encode(v);
    QCOMPARE(b.size(), std::size_t(28));
    QCOMPARE(at(b, 0, 16), hexOf(counting(0xa0)));
    QCOMPARE(proto::getU32(b.data() + 16), marker(16));
    QCOMPARE(at(b, 20, 8), QByteArray("0807060504030201")); // UINT64 little-endian at 20
    const auto back = proto::decodeOpmOutputIdData(b);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(back->outputId, 0x0102030405060708ull);
    QCOMPARE(back->statusFlags, marker(16));
    QVERIFY(back->random == v.random);
    // The high half comes from bytes 24..27.
    const proto::OpmOutputIdData high{{}, 0, 0xFFEEDDCC00000000ull};
    QCOMPARE(at(proto::encode(high), 20, 8), QByteArray("00000000ccddeeff"));
}

void TestOpmProtocol::commandPayloadLayouts()
{
    QByteArray why;
    // OPM_SET_PROTECTION_LEVEL_PARAMETERS — 16: ulProtectionType@0, ulProtectionLevel@4,
    // Reserved@8, Reserved2@12.
    const Bytes level =
        proto::encode(proto::OpmSetProtectionLevelParameters{marker(0), marker(4), marker(8), marker(12)});
    QCOMPARE(level.size(), std::size_t(16));
    QVERIFY2(u32MarkersFrom(level, 0, 16, why), why.constData());
    const auto levelBack = proto::decodeOpmSetProtectionLevelParameters(level);
    QVERIFY(levelBack && levelBack->type == marker(0) && levelBack->level == marker(4));

    // OPM_SET_ACP_AND_CGMSA_SIGNALING_PARAMETERS — 64: ulNewTVProtectionStandard@0, ...,
    // ulReserved[4]@28, ulReserved2[4]@44, ulReserved3@60.
    proto::OpmSetAcpAndCgmsaSignalingParameters s;
    s.activeTvProtectionStandard = marker(0);
    s.aspectRatioChangeMask1 = marker(4);
    s.aspectRatioData1 = marker(8);
    s.aspectRatioChangeMask2 = marker(12);
    s.aspectRatioData2 = marker(16);
    s.aspectRatioChangeMask3 = marker(20);
    s.aspectRatioData3 = marker(24);
    s.extendedInfoChangeMask = markers(28);
    s.extendedInfoData = markers(44);
    s.reserved = marker(60);
    const Bytes signaling = proto::encode(s);
    QCOMPARE(signaling.size(), std::size_t(64));
    QVERIFY2(u32MarkersFrom(signaling, 0, 64, why), why.constData());
    const auto signalingBack = proto::decodeOpmSetAcpAndCgmsaSignalingParameters(signaling);
    QVERIFY(signalingBack && proto::encode(*signalingBack) == signaling);

    // OPM_SET_HDCP_SRM_PARAMETERS — 4: ulSRMVersion@0.
    const Bytes srm = proto::encode(proto::OpmSetHdcpSrmParameters{0x00010002});
    QCOMPARE(hexOf(srm), QByteArray("02000100"));
    const auto srmBack = proto::decodeOpmSetHdcpSrmParameters(srm);
    QVERIFY(srmBack);
    QCOMPARE(srmBack->srmVersion, 0x00010002u);
}

void TestOpmProtocol::codecInfoLayouts()
{
    // OPM_GET_CODEC_INFO_PARAMETERS — 4056: cbVerifier@0, Verifier[4052]@4.
    QCOMPARE(proto::OpmGetCodecInfoParameters::kSize, std::size_t(4056));
    proto::OpmGetCodecInfoParameters p;
    QCOMPARE(p.verifier.size(), std::size_t(4052));
    p.verifierSize = 6; // a UTF-16 "ab" + NUL
    p.verifier[0] = 'a';
    p.verifier[2] = 'b';
    const Bytes b = proto::encode(p);
    QCOMPARE(hexOf(b), QByteArray("06000000" "610062000000"));
    const auto back = proto::decodeOpmGetCodecInfoParameters(b);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(back->verifierSize, 6u);
    QVERIFY(back->verifier == p.verifier);

    // The whole 4056-byte abParameters decodes too, and the encoder never writes
    // past Verifier[4052] whatever cbVerifier claims.
    Bytes whole(4056, 0);
    proto::putU32(whole.data(), 4052);
    whole.back() = 0x5a;
    const auto fromWhole = proto::decodeOpmGetCodecInfoParameters(whole);
    QVERIFY2(fromWhole, errorText(fromWhole).constData());
    QCOMPARE(fromWhole->verifier.back(), std::uint8_t(0x5a));
    proto::OpmGetCodecInfoParameters bogus;
    bogus.verifierSize = 0xFFFFFFFF;
    const Bytes bogusBytes = proto::encode(bogus);
    QCOMPARE(bogusBytes.size(), std::size_t(4056));
    QCOMPARE(at(bogusBytes, 0, 4), QByteArray("ffffffff"));

    // OPM_GET_CODEC_INFO_INFORMATION — 20: rnRandomNumber@0, Merit@16.
    const Bytes info = proto::encode(proto::OpmGetCodecInfoInformation{counting(0xa0), 0x00600000});
    QCOMPARE(info.size(), std::size_t(20));
    QCOMPARE(at(info, 0, 16), hexOf(counting(0xa0)));
    QCOMPARE(at(info, 16, 4), QByteArray("00006000"));
    const auto infoBack = proto::decodeOpmGetCodecInfoInformation(info);
    QVERIFY(infoBack);
    QCOMPARE(infoBack->merit, 0x00600000u);
    QVERIFY(infoBack->random == counting(0xa0));
}

void TestOpmProtocol::payloadDecodersCheckSize()
{
    // "fail when shorter than the struct".
    struct Decoder {
        const char* name;
        std::size_t size;
        std::function<bool(ByteView)> decodes;
    };
    auto wrap = [](auto fn) { return [fn](ByteView bytes) { return fn(bytes).ok(); }; };
    const Decoder decoders[] = {
        {"OPM_STANDARD_INFORMATION", 32, wrap(proto::decodeOpmStandardInformation)},
        {"OPM_ACTUAL_OUTPUT_FORMAT", 44, wrap(proto::decodeOpmActualOutputFormat)},
        {"OPM_ACP_AND_CGMSA_SIGNALING", 88, wrap(proto::decodeOpmAcpAndCgmsaSignaling)},
        {"OPM_CONNECTED_HDCP_DEVICE_INFORMATION", 72, wrap(proto::decodeOpmConnectedHdcpDeviceInformation)},
        {"OPM_OUTPUT_ID_DATA", 28, wrap(proto::decodeOpmOutputIdData)},
        {"OPM_SET_PROTECTION_LEVEL_PARAMETERS", 16, wrap(proto::decodeOpmSetProtectionLevelParameters)},
        {"OPM_SET_ACP_AND_CGMSA_SIGNALING_PARAMETERS", 64, wrap(proto::decodeOpmSetAcpAndCgmsaSignalingParameters)},
        {"OPM_SET_HDCP_SRM_PARAMETERS", 4, wrap(proto::decodeOpmSetHdcpSrmParameters)},
        {"OPM_GET_CODEC_INFO_PARAMETERS (cbVerifier)", 4, wrap(proto::decodeOpmGetCodecInfoParameters)},
        {"OPM_GET_CODEC_INFO_INFORMATION", 20, wrap(proto::decodeOpmGetCodecInfoInformation)},
    };
    const Bytes big(4096, 0);
    for (const Decoder& d : decoders) {
        for (std::size_t length : {std::size_t(0), d.size - 1})
            QVERIFY2(!d.decodes(ByteView(big).first(length)),
                     (QByteArray(d.name) + " decoded " + QByteArray::number(qulonglong(length)) + " bytes").constData());
        QVERIFY2(d.decodes(ByteView(big).first(d.size)), d.name);
    }
    // abParameters holds 4056 bytes; more cannot be codec-info parameters.
    QVERIFY(!proto::decodeOpmGetCodecInfoParameters(Bytes(4057, 0)));
}

// ---------------------------------------------------------------- §6.1 / §6.2

void TestOpmProtocol::vector1GetInfoParametersMac()
{
    const Block4112 block = vector1GetInfoParameters();
    // "omac = OMAC(K, bytes 16..4111)": 4096 bytes.
    const ByteView covered = ByteView(block).subspan(16);
    QCOMPARE(covered.size(), std::size_t(4096));
    // "MAC input starts 10 11 … 1f d5 bf d0 81 fe 6a c2 48 99 c0 95 a0 8f 97 c5 da 04 03 02 01 00 00 00 00 …"
    QCOMPARE(hexOf(covered.first(40)), hexOf(hex("10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f"
                                                 "d5 bf d0 81 fe 6a c2 48 99 c0 95 a0 8f 97 c5 da"
                                                 "04 03 02 01 00 00 00 00")));
    QVERIFY2(allZero(covered.subspan(40)), "unused bytes must be zero");
    QCOMPARE(at(block, 0, 16), QByteArray("1462b65bd687d0a521365341f8eb8861"));
    QCOMPARE(hexOf(proto::getInfoParametersMac(kSessionKey, block)), QByteArray("1462b65bd687d0a521365341f8eb8861"));
    QVERIFY(proto::verifyGetInfoParametersMac(kSessionKey, block));
    // And the kernel's MAC is plain OMAC-1 over exactly those bytes.
    QCOMPARE(hexOf(copp::crypto::omac1(kSessionKey, covered)), QByteArray("1462b65bd687d0a521365341f8eb8861"));

    AesKey otherKey = kSessionKey;
    otherKey[15] ^= 0x01;
    QVERIFY(!proto::verifyGetInfoParametersMac(otherKey, block));
}

void TestOpmProtocol::vector2And3Macs()
{
    // §3.3: OPM_REQUESTED_INFORMATION and OPM_CONFIGURE_PARAMETERS are MACed over
    // bytes 16..4095 exactly like the COPP blocks.
    const Block4096 reply = vector2RequestedInformation();
    QCOMPARE(at(reply, 0, 16), QByteArray("bb1a53a233cadd23223e43af372033b7"));
    QCOMPARE(at(reply, 16, 4), QByteArray("20000000")); // cb = 32
    QCOMPARE(at(reply, 20, 16), hexOf(kRandomR));
    QCOMPARE(at(reply, 40, 4), QByteArray("05000000")); // ulInformation = HDMI
    QVERIFY(proto::verifyBlockMac(kSessionKey, reply));

    const Block4096 configure = vector3Configure();
    QCOMPARE(at(configure, 0, 16), QByteArray("b949e4e3bf9847194f3c9857d0cd50d3"));
    QCOMPARE(at(configure, 32, 4), QByteArray("d0c0b0a0"));
    QCOMPARE(at(configure, 36, 4), QByteArray("10000000"));
    QCOMPARE(at(configure, 40, 8), QByteArray("0800000001000000")); // type 0x08, level 1
    QVERIFY(proto::verifyBlockMac(kSessionKey, configure));
}

void TestOpmProtocol::signGetInfoParametersTouchesOnlyTheMac()
{
    proto::OpmGetInfoParameters p = proto::decodeGetInfoParameters(vector1GetInfoParameters());
    p.omac = counting(0xe0); // whatever the field held before signing is irrelevant
    Block4112 block = proto::encode(p);
    const Block4112 before = block;
    QVERIFY(!proto::verifyGetInfoParametersMac(kSessionKey, block));
    proto::signGetInfoParameters(kSessionKey, block);
    QCOMPARE(at(block, 0, 16), QByteArray("1462b65bd687d0a521365341f8eb8861"));
    QVERIFY2(std::equal(block.begin() + 16, block.end(), before.begin() + 16), "signing touched bytes 16..4111");
}

void TestOpmProtocol::tamperedGetInfoParametersFail()
{
    // §6.1: bytes "16..4111", never only cbParametersSize bytes; so every single
    // byte of the block, the MAC included, is protected.
    const Block4112 good = vector1GetInfoParameters();
    QVERIFY(proto::verifyGetInfoParametersMac(kSessionKey, good));
    int checked = 0;
    for (std::size_t position = 0; position < good.size(); ++position) {
        Block4112 tampered = good;
        tampered[position] ^= 0x01;
        if (proto::verifyGetInfoParametersMac(kSessionKey, tampered))
            QFAIL(qPrintable(QStringLiteral("a flip at byte %1 still verifies").arg(position)));
        ++checked;
    }
    QCOMPARE(checked, 4112);
}

// ---------------------------------------------------------------- §7.7

void TestOpmProtocol::codecInfoParametersForClsid()
{
    // "abParameters = {u32 cbVerifier = 16, CLSID bytes (GUID serialization)} and
    // cbParametersSize = 20".
    const auto clsid = Guid::parse("{0a15159d-41c7-4456-93e1-284cd61d4e8d}");
    QVERIFY(clsid);
    const Bytes parameters = proto::codecInfoParametersForClsid(*clsid);
    QCOMPARE(parameters.size(), std::size_t(20));
    QCOMPARE(hexOf(parameters), hexOf(hex("10 00 00 00 9d 15 15 0a c7 41 56 44 93 e1 28 4c d6 1d 4e 8d")));

    const auto decoded = proto::decodeOpmGetCodecInfoParameters(parameters);
    QVERIFY2(decoded, errorText(decoded).constData());
    QCOMPARE(decoded->verifierSize, 16u);
    QCOMPARE(hexOf(ByteView(decoded->verifier).first(16)), hexOf(clsid->bytes));
    QVERIFY(allZero(ByteView(decoded->verifier).subspan(16)));
    // The codec sample's size rule: cbParametersSize − 4 == cbVerifier.
    QCOMPARE(parameters.size() - 4, std::size_t(decoded->verifierSize));

    // Inside a whole OPM_GET_INFO_PARAMETERS.
    proto::OpmGetInfoParameters p;
    p.information = proto::opmInfoRequestGuid(OpmInfoRequest::CodecInfo);
    p.parametersSize = static_cast<std::uint32_t>(parameters.size());
    std::copy(parameters.begin(), parameters.end(), p.parameters.begin());
    const Block4112 block = proto::encode(p);
    QCOMPARE(at(block, 32, 16), hexOf(hex("91 44 37 4f 5f 8f 45 44 9d ba 95 58 8f 6b 58 b4")));
    QCOMPARE(at(block, 52, 4), QByteArray("14000000"));
    QCOMPARE(at(block, 56, 20), hexOf(parameters));
}

// ---------------------------------------------------------------- §4.3

void TestOpmProtocol::infoRequestGuids()
{
    // §4.1 wire bytes of each §4.3 request.
    const std::pair<OpmInfoRequest, const char*> expected[] = {
        {OpmInfoRequest::ConnectorType, "d5 bf d0 81 fe 6a c2 48 99 c0 95 a0 8f 97 c5 da"},
        {OpmInfoRequest::SupportedProtectionTypes, "01 a8 f2 38 6c 9a bb 48 91 07 b6 69 6e 6f 17 97"},
        {OpmInfoRequest::VirtualProtectionLevel, "57 58 07 b2 da 3e 5d 4d 88 db 74 8f 8c 1a 05 49"},
        {OpmInfoRequest::ActualProtectionLevel, "0a 21 57 19 66 77 2a 45 b9 9a d2 7a ed 54 f0 3a"},
        {OpmInfoRequest::AdapterBusType, "73 d6 f4 c6 74 61 84 41 8e 35 f6 db 52 00 bc ba"},
        {OpmInfoRequest::ActualOutputFormat, "a3 1b bf d7 13 ad 8e 4f af 98 0d cb 3c a2 04 cc"},
        {OpmInfoRequest::CurrentHdcpSrmVersion, "ff ce c5 99 1d 5f 79 48 81 c1 c5 24 43 c9 48 2b"},
        {OpmInfoRequest::DviCharacteristics, "bb b3 70 a4 d7 5d 72 41 83 9c 3d 37 76 e0 eb f5"},
        {OpmInfoRequest::OutputId, "f3 6d cb 72 4f 24 ce 40 b0 9e 20 50 6a f6 30 2f"},
        {OpmInfoRequest::AcpAndCgmsaSignaling, "91 a5 29 66 79 3b f3 4c 92 4a 11 e8 e7 81 16 71"},
        {OpmInfoRequest::ConnectedHdcpDeviceInformation, "74 9d b5 0d 92 a9 2e 49 a0 bd c2 3f da 56 4e 00"},
        {OpmInfoRequest::CodecInfo, "91 44 37 4f 5f 8f 45 44 9d ba 95 58 8f 6b 58 b4"},
        {OpmInfoRequest::OutputHardwareProtectionSupport, "89 95 12 3b f8 2a f0 4e 96 a2 70 4a 84 5a 21 8e"},
    };
    QCOMPARE(std::size(proto::kAllOpmInfoRequests), std::size(expected));
    std::set<Bytes16> seen;
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const auto [request, wire] = expected[i];
        QVERIFY(proto::kAllOpmInfoRequests[i] == request);
        const Guid& guid = proto::opmInfoRequestGuid(request);
        QCOMPARE(hexOf(guid.bytes), hexOf(hex(wire)));
        QCOMPARE(proto::opmInfoRequestFromGuid(guid), std::optional(request));
        QVERIFY2(seen.insert(guid.bytes).second, proto::opmInfoRequestName(request));
    }
    // Commands and random GUIDs are not information requests.
    QVERIFY(!proto::opmInfoRequestFromGuid(proto::guids::SetProtectionLevel));
    QVERIFY(!proto::opmInfoRequestFromGuid(proto::guids::SetHdcpSrm));
    QVERIFY(!proto::opmInfoRequestFromGuid(Guid{}));

    // The COPP status requests are the same GUIDs (§4.1 "literally the same values").
    for (proto::StatusRequest copp : proto::kAllStatusRequests)
        QVERIFY2(proto::opmInfoRequestFromGuid(proto::statusRequestGuid(copp)), proto::statusRequestName(copp));
}

void TestOpmProtocol::infoRequestNames()
{
    QCOMPARE(QByteArray(proto::opmInfoRequestName(OpmInfoRequest::ConnectorType)), QByteArray("connector-type"));
    QCOMPARE(QByteArray(proto::opmInfoRequestName(OpmInfoRequest::VirtualProtectionLevel)), QByteArray("virtual-level"));
    QCOMPARE(QByteArray(proto::opmInfoRequestName(OpmInfoRequest::ActualProtectionLevel)), QByteArray("actual-level"));
    QCOMPARE(QByteArray(proto::opmInfoRequestName(OpmInfoRequest::CodecInfo)), QByteArray("codec-info"));
    std::set<std::string> names;
    for (OpmInfoRequest request : proto::kAllOpmInfoRequests) {
        const std::string name = proto::opmInfoRequestName(request);
        QVERIFY2(names.insert(name).second, name.c_str());
        QVERIFY2(std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }),
                 name.c_str());
        QCOMPARE(proto::opmInfoRequestFromName(name), std::optional(request));
    }
    QVERIFY(!proto::opmInfoRequestFromName("local-level")); // COPP's word, not OPM's
    QVERIFY(!proto::opmInfoRequestFromName("Connector-Type"));
    QVERIFY(!proto::opmInfoRequestFromName(""));
}

void TestOpmProtocol::infoRequestSizes()
{
    // §4.3 reply structs: OPM_STANDARD_INFORMATION 32, OPM_ACTUAL_OUTPUT_FORMAT 44,
    // OPM_ACP_AND_CGMSA_SIGNALING 88, OPM_CONNECTED_HDCP_DEVICE_INFORMATION 72,
    // OPM_OUTPUT_ID_DATA 28, OPM_GET_CODEC_INFO_INFORMATION 20.
    const std::tuple<OpmInfoRequest, std::size_t, std::optional<std::size_t>> expected[] = {
        {OpmInfoRequest::ConnectorType, 32, 0},
        {OpmInfoRequest::SupportedProtectionTypes, 32, 0},
        {OpmInfoRequest::VirtualProtectionLevel, 32, 4}, // "u32 protection type"
        {OpmInfoRequest::ActualProtectionLevel, 32, 4},
        {OpmInfoRequest::AdapterBusType, 32, 0},
        {OpmInfoRequest::ActualOutputFormat, 44, 0},
        {OpmInfoRequest::CurrentHdcpSrmVersion, 32, 0},
        {OpmInfoRequest::DviCharacteristics, 32, 0},
        {OpmInfoRequest::OutputId, 28, 0},
        {OpmInfoRequest::AcpAndCgmsaSignaling, 88, 0},
        {OpmInfoRequest::ConnectedHdcpDeviceInformation, 72, 0},
        {OpmInfoRequest::CodecInfo, 20, std::nullopt}, // 4 + cbVerifier
        {OpmInfoRequest::OutputHardwareProtectionSupport, 32, 0},
    };
    QCOMPARE(std::size(expected), std::size(proto::kAllOpmInfoRequests));
    for (const auto& [request, reply, parameters] : expected) {
        QCOMPARE(proto::replySize(request), reply);
        QCOMPARE(proto::expectedParametersSize(request), parameters);
    }
    // Where a COPP request has the same GUID, both tables agree.
    for (proto::StatusRequest copp : proto::kAllStatusRequests) {
        const auto opm = proto::opmInfoRequestFromGuid(proto::statusRequestGuid(copp));
        QVERIFY(opm);
        QCOMPARE(proto::replySize(*opm), proto::replySize(copp));
        QCOMPARE(proto::expectedParametersSize(*opm), std::optional(proto::requestDataSize(copp)));
    }
}

void TestOpmProtocol::infoRequestSemantics()
{
    // §4.3 "semantics allowed".
    const std::tuple<OpmInfoRequest, bool, bool> expected[] = {
        {OpmInfoRequest::ConnectorType, true, true},
        {OpmInfoRequest::SupportedProtectionTypes, true, true},
        {OpmInfoRequest::VirtualProtectionLevel, true, true},
        {OpmInfoRequest::ActualProtectionLevel, true, true},
        {OpmInfoRequest::AdapterBusType, true, true},
        {OpmInfoRequest::ActualOutputFormat, true, true},
        {OpmInfoRequest::CurrentHdcpSrmVersion, true, false},   // "OPM only"
        {OpmInfoRequest::DviCharacteristics, true, false},      // "OPM"
        {OpmInfoRequest::OutputId, true, false},                // "OPM"
        {OpmInfoRequest::AcpAndCgmsaSignaling, false, true},    // "COPP only per DDI"
        {OpmInfoRequest::ConnectedHdcpDeviceInformation, false, true}, // "COPP only"
        {OpmInfoRequest::CodecInfo, true, false},               // "GetInformation (OPM)"
        {OpmInfoRequest::OutputHardwareProtectionSupport, true, false}, // [U], treated as OPM
    };
    QCOMPARE(std::size(expected), std::size(proto::kAllOpmInfoRequests));
    for (const auto& [request, opm, copp] : expected) {
        QVERIFY2(proto::allowedInOpmSemantics(request) == opm, proto::opmInfoRequestName(request));
        QVERIFY2(proto::allowedInCoppSemantics(request) == copp, proto::opmInfoRequestName(request));
    }
    // Everything a COPP client can ask is allowed through COPPCompatibleGetInformation.
    for (proto::StatusRequest copp : proto::kAllStatusRequests)
        QVERIFY(proto::allowedInCoppSemantics(*proto::opmInfoRequestFromGuid(proto::statusRequestGuid(copp))));
}

// ---------------------------------------------------------------- §5 / §10.2

void TestOpmProtocol::opmProtectionTypeNames()
{
    using namespace proto::protection;
    // docs/cli.md#opm-sessions: "hdcp=1 means OPM_PROTECTION_TYPE_HDCP (0x08) in OPM semantics
    // and COPP_COMPATIBLE_HDCP (0x01) in COPP semantics".
    QCOMPARE(proto::opmProtectionTypeFromName("hdcp", true), std::optional(0x08u));
    QCOMPARE(proto::opmProtectionTypeFromName("HDCP", true), std::optional(0x08u));
    QCOMPARE(proto::opmProtectionTypeFromName("hdcp", false), std::optional(0x01u));
    for (bool opm : {true, false}) {
        QCOMPARE(proto::opmProtectionTypeFromName("acp", opm), std::optional(Acp));
        QCOMPARE(proto::opmProtectionTypeFromName("cgmsa", opm), std::optional(Cgmsa));
        QCOMPARE(proto::opmProtectionTypeFromName("dpcp", opm), std::optional(Dpcp));
        QVERIFY(!proto::opmProtectionTypeFromName("bogus", opm));
        QVERIFY(!proto::opmProtectionTypeFromName("", opm));
    }
    QCOMPARE(proto::opmProtectionTypeFromName("hdcp-type-enforcement", true), std::optional(0x20u));
    QVERIFY(!proto::opmProtectionTypeFromName("hdcp-type-enforcement", false));
    // Nothing changes for COPP.
    QCOMPARE(proto::protectionTypeFromName("hdcp"), std::optional(0x01u));
    QVERIFY(!proto::protectionTypeFromName("hdcp-type-enforcement"));
    QCOMPARE(QByteArray(proto::protectionTypeName(Hdcp)), QByteArray("hdcp"));
    QCOMPARE(QByteArray(proto::protectionTypeName(OpmHdcp)), QByteArray("hdcp"));
    QCOMPARE(QByteArray(proto::protectionTypeName(TypeEnforcementHdcp)), QByteArray("hdcp-type-enforcement"));
    QCOMPARE(QByteArray(proto::protectionTypeName(0x40)), QByteArray("unknown"));
    QCOMPARE(OpmHdcp, 0x08u);
    QCOMPARE(TypeEnforcementHdcp, 0x20u);
    QCOMPARE(CoppCompatibleHdcp, 0x01u);
}

void TestOpmProtocol::opmLevels()
{
    using namespace proto::protection;
    // §5.2 "OPM_HDCP_OFF=0, OPM_HDCP_ON=1".
    QCOMPARE(proto::maxLevel(OpmHdcp), std::optional(1u));
    QVERIFY(proto::isValidLevel(OpmHdcp, 0));
    QVERIFY(proto::isValidLevel(OpmHdcp, 1));
    QVERIFY(!proto::isValidLevel(OpmHdcp, 2));
    QVERIFY(proto::levelPrecedence(OpmHdcp, 0) < proto::levelPrecedence(OpmHdcp, 1));
    // "OPM_TYPE_ENFORCEMENT_HDCP_OFF=0, ..._ON_WITH_NO_TYPE_RESTRICTION=1, ..._ON_WITH_TYPE1_RESTRICTION=2".
    QCOMPARE(proto::maxLevel(TypeEnforcementHdcp), std::optional(2u));
    for (std::uint32_t level : {0u, 1u, 2u})
        QVERIFY(proto::isValidLevel(TypeEnforcementHdcp, level));
    QVERIFY(!proto::isValidLevel(TypeEnforcementHdcp, 3));
    QVERIFY(!proto::isValidLevel(TypeEnforcementHdcp, proto::kNoProtectionLevelAvailable));
    using namespace proto::typeEnforcement;
    QVERIFY(proto::levelPrecedence(TypeEnforcementHdcp, Off)
            < proto::levelPrecedence(TypeEnforcementHdcp, OnWithNoTypeRestriction));
    QVERIFY(proto::levelPrecedence(TypeEnforcementHdcp, OnWithNoTypeRestriction)
            < proto::levelPrecedence(TypeEnforcementHdcp, OnWithType1Restriction));
    // Still not a protection type.
    QVERIFY(!proto::maxLevel(0x40));
}

void TestOpmProtocol::opmConnectorsAndBus()
{
    using namespace proto::connector;
    QCOMPARE(Miracast, 15u);
    QCOMPARE(TransportAgnosticDigitalModeA, 16u);
    QCOMPARE(TransportAgnosticDigitalModeB, 17u);
    QCOMPARE(QByteArray(proto::opmConnectorName(Miracast)), QByteArray("Miracast"));
    QCOMPARE(QByteArray(proto::opmConnectorName(Hdmi)), QByteArray("HDMI"));
    QCOMPARE(QByteArray(proto::opmConnectorName(Hdmi | InternalFlag)), QByteArray("HDMI"));
    QCOMPARE(QByteArray(proto::opmConnectorName(Unknown)), QByteArray("unknown"));
    QCOMPARE(QByteArray(proto::opmConnectorName(Tmds)), QByteArray("unknown")); // "(not defined)" in OPM
    QCOMPARE(proto::opmConnectorFromName("miracast"), std::optional(Miracast));
    QCOMPARE(proto::opmConnectorFromName("hdmi"), std::optional(Hdmi));
    QVERIFY(!proto::opmConnectorFromName("tmds"));
    // COPP's table is unchanged.
    QCOMPARE(QByteArray(proto::connectorName(Tmds)), QByteArray("TMDS"));
    QCOMPARE(QByteArray(proto::connectorName(Miracast)), QByteArray("unknown"));

    using namespace proto::bus;
    // §5.5 and §12 Q12: type in the low 16 bits, modifier under 0x7FFF0000.
    const std::uint32_t value = PciExpress | TracksOnMotherBoardToSocket | NonStandard;
    QCOMPARE(value & TypeMask, PciExpress);
    QCOMPARE(value & ModifierMask, 0x30000u);
    QCOMPARE(InsideOfChipset, 0x10000u);
    QCOMPARE(DaughterBoardConnectorInsideOfNuae, 0x50000u);
    QCOMPARE(NonStandard, IntegratedFlag);
}

void TestOpmProtocol::hresultNames_data()
{
    QTest::addColumn<uint>("constant"); // the hr:: constant
    QTest::addColumn<uint>("value");    // as §10.2 prints it
    QTest::addColumn<QByteArray>("name");
    using namespace proto::hr;
    // §10.2, the user-mode column.
    const std::tuple<std::uint32_t, std::uint32_t, const char*> rows[] = {
        {OpmNotSupported, 0xC0262500, "ERROR_GRAPHICS_OPM_NOT_SUPPORTED"},
        {CoppNotSupported, 0xC0262501, "ERROR_GRAPHICS_COPP_NOT_SUPPORTED"},
        {UabNotSupported, 0xC0262502, "ERROR_GRAPHICS_UAB_NOT_SUPPORTED"},
        {OpmInvalidEncryptedParameters, 0xC0262503, "ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS"},
        {OpmNoVideoOutputsExist, 0xC0262505, "ERROR_GRAPHICS_OPM_NO_VIDEO_OUTPUTS_EXIST"},
        {OpmInternalError, 0xC026250B, "ERROR_GRAPHICS_OPM_INTERNAL_ERROR"},
        {OpmInvalidHandle, 0xC026250C, "ERROR_GRAPHICS_OPM_INVALID_HANDLE"},
        {PvpInvalidCertificateLength, 0xC026250E, "ERROR_GRAPHICS_PVP_INVALID_CERTIFICATE_LENGTH"},
        {OpmSpanningModeEnabled, 0xC026250F, "ERROR_GRAPHICS_OPM_SPANNING_MODE_ENABLED"},
        {OpmTheaterModeEnabled, 0xC0262510, "ERROR_GRAPHICS_OPM_THEATER_MODE_ENABLED"},
        {PvpHfsFailed, 0xC0262511, "ERROR_GRAPHICS_PVP_HFS_FAILED"},
        {OpmInvalidSrm, 0xC0262512, "ERROR_GRAPHICS_OPM_INVALID_SRM"},
        {OpmOutputDoesNotSupportHdcp, 0xC0262513, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_HDCP"},
        {OpmOutputDoesNotSupportAcp, 0xC0262514, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_ACP"},
        {OpmOutputDoesNotSupportCgmsa, 0xC0262515, "ERROR_GRAPHICS_OPM_OUTPUT_DOES_NOT_SUPPORT_CGMSA"},
        {OpmHdcpSrmNeverSet, 0xC0262516, "ERROR_GRAPHICS_OPM_HDCP_SRM_NEVER_SET"},
        {OpmResolutionTooHigh, 0xC0262517, "ERROR_GRAPHICS_OPM_RESOLUTION_TOO_HIGH"},
        {OpmAllHdcpHardwareAlreadyInUse, 0xC0262518, "ERROR_GRAPHICS_OPM_ALL_HDCP_HARDWARE_ALREADY_IN_USE"},
        {OpmOutputNoLongerExists, 0xC026251A, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_NO_LONGER_EXISTS"},
        {OpmSessionTypeChangeInProgress, 0xC026251B, "ERROR_GRAPHICS_OPM_SESSION_TYPE_CHANGE_IN_PROGRESS"},
        {OpmOutputLacksCoppSemantics, 0xC026251C, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_DOES_NOT_HAVE_COPP_SEMANTICS"},
        {OpmInvalidInformationRequest, 0xC026251D, "ERROR_GRAPHICS_OPM_INVALID_INFORMATION_REQUEST"},
        {OpmDriverInternalError, 0xC026251E, "ERROR_GRAPHICS_OPM_DRIVER_INTERNAL_ERROR"},
        {OpmOutputLacksOpmSemantics, 0xC026251F, "ERROR_GRAPHICS_OPM_VIDEO_OUTPUT_DOES_NOT_HAVE_OPM_SEMANTICS"},
        {OpmSignalingNotSupported, 0xC0262520, "ERROR_GRAPHICS_OPM_SIGNALING_NOT_SUPPORTED"},
        {OpmInvalidConfigurationRequest, 0xC0262521, "ERROR_GRAPHICS_OPM_INVALID_CONFIGURATION_REQUEST"},
        {GraphicsInvalidPointer, 0xC02625E4, "ERROR_GRAPHICS_INVALID_POINTER"},
        {NoMonitorsCorrespond, 0xC02625E5, "ERROR_GRAPHICS_NO_MONITORS_CORRESPOND_TO_DISPLAY_DEVICE"},
        {GraphicsParameterArrayTooSmall, 0xC02625E6, "ERROR_GRAPHICS_PARAMETER_ARRAY_TOO_SMALL"},
        {GraphicsInternalError, 0xC02625E7, "ERROR_GRAPHICS_INTERNAL_ERROR"},
    };
    for (const auto& [constant, value, name] : rows)
        QTest::newRow(name) << uint(constant) << uint(value) << QByteArray(name);
}

void TestOpmProtocol::hresultNames()
{
    QFETCH(uint, constant);
    QFETCH(uint, value);
    QFETCH(QByteArray, name);
    QCOMPARE(QByteArray::number(constant, 16), QByteArray::number(value, 16));
    QCOMPARE(QByteArray(proto::hresultName(value)), name);
    QCOMPARE(proto::hresultFromText(name.constData()), std::optional(std::uint32_t(value)));
    QCOMPARE(proto::hresultFromText(name.toLower().constData()), std::optional(std::uint32_t(value)));
    QCOMPARE(QByteArray::fromStdString(proto::hresultText(value)),
             "0x" + QByteArray::number(value, 16).toUpper() + " (" + name + ")");
    // "user-mode HRESULTs ... never NTSTATUS values (0xC01E05xx)".
    QVERIFY((value & 0xFFFF0000u) == 0xC0260000u);
    QVERIFY(!proto::hresultName((value & 0x0000FFFFu) | 0xC01E0000u));
}

// ---------------------------------------------------------------- §7.4

void TestOpmProtocol::initParametersRoundTrip()
{
    const SessionSecrets s = sampleSecrets();
    copp::crypto::SystemRandom random;
    const auto parameters = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), s, random);
    QVERIFY2(parameters, errorText(parameters).constData());
    const auto opened = proto::openOpmInitializationParameters(*m_leafKey, *parameters);
    QVERIFY2(opened, errorText(opened).constData());
    QCOMPARE(hexOf(encoded(*opened)), hexOf(encoded(s)));
    QVERIFY(opened->driverRandom == s.driverRandom);
    QVERIFY(opened->key == s.key);
    QCOMPARE(opened->statusSequence, s.statusSequence);
    QCOMPARE(opened->commandSequence, s.commandSequence);

    // Not the COPP recipe: neither the PKCS#1 decoder nor the COPP opener takes it.
    QVERIFY(!m_leafKey->decryptPkcs1v15(ByteView(*parameters)));
    QVERIFY(!proto::openCoppSignature(*m_leafKey, *parameters));
}

void TestOpmProtocol::initParametersByteLayout()
{
    // §7.4 step 4 undone by hand: c is big-endian ("copied verbatim"), EM = c^d mod n,
    // and EM decodes with MGF1-SHA-512 and lHash = SHA-512("") to M = S in natural order.
    const SessionSecrets s = sampleSecrets();
    copp::crypto::DeterministicRandom random(74);
    const auto parameters = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), s, random);
    QVERIFY2(parameters, errorText(parameters).constData());
    const Bytes em = rawRsaDecrypt(*m_leafKey, *parameters);
    QCOMPARE(em.size(), std::size_t(256));
    const OaepBlock block = openOaepByHand(em);
    QCOMPARE(block.y, std::uint8_t(0x00));
    QCOMPARE(hexOf(block.lHash), hexOf(sha512(Bytes{}))); // the empty label
    QVERIFY(block.separator.has_value());
    QCOMPARE(*block.separator, std::uint8_t(0x01));
    QCOMPARE(hexOf(block.message), hexOf(encoded(s))); // natural order, no reversal
    QCOMPARE(block.message.front(), std::uint8_t(0x10)); // S[0] = first byte of R_drv

    // Read as little-endian (the COPP convention) it is not an OAEP ciphertext.
    const Bytes reversedCt(parameters->rbegin(), parameters->rend());
    QVERIFY(!m_leafKey->decryptOaepSha512(reversedCt));
}

void TestOpmProtocol::initParametersDeterministic()
{
    const SessionSecrets s = sampleSecrets();
    copp::crypto::DeterministicRandom first(99), second(99);
    const auto a = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), s, first);
    const auto b = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), s, second);
    QVERIFY2(a && b, (errorText(a) + errorText(b)).constData());
    QCOMPARE(hexOf(*a), hexOf(*b));
    const auto c = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), s, first);
    QVERIFY2(c, errorText(c).constData());
    QVERIFY2(*c != *a, "the next seed from the same source gave the same ciphertext");
}

void TestOpmProtocol::initParametersTampered_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("mask");
    // Position 0 is the most significant byte of c (big-endian), 255 the least.
    for (int position : {0, 1, 2, 64, 65, 128, 200, 254, 255})
        QTest::addRow("byte %d ^ 0x01", position) << position << 0x01;
    QTest::newRow("byte 0 ^ 0x80") << 0 << 0x80;
    QTest::newRow("byte 100 ^ 0xff") << 100 << 0xff;
}

void TestOpmProtocol::initParametersTampered()
{
    QFETCH(int, position);
    QFETCH(int, mask);
    copp::crypto::SystemRandom random;
    const auto parameters = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), sampleSecrets(), random);
    QVERIFY2(parameters, errorText(parameters).constData());
    proto::Signature256 tampered = *parameters;
    tampered[static_cast<std::size_t>(position)] ^= static_cast<std::uint8_t>(mask);
    // OAEP is non-malleable: any change fails decoding (and never throws).
    const auto opened = proto::openOpmInitializationParameters(*m_leafKey, tampered);
    QVERIFY2(!opened, "a tampered OPM_ENCRYPTED_INITIALIZATION_PARAMETERS opened");
    // §7.4 "failure of OAEP decoding ... → STATUS_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS".
    QCOMPARE(opened.error().hresult, proto::hr::OpmInvalidEncryptedParameters);
    QCOMPARE(opened.error().code, copp::Error::Code::Crypto);
}

void TestOpmProtocol::initParametersShortPlaintext()
{
    // §2/§7.4: "< 40 bytes" → INVALID_ENCRYPTED_PARAMETERS, even with valid OAEP.
    const Bytes s = encoded(sampleSecrets());
    copp::crypto::DeterministicRandom random(39);
    for (std::size_t length : {std::size_t(0), std::size_t(39)}) {
        const auto c = copp::crypto::encryptOaepSha512(m_leafKey->publicKey(), ByteView(s).first(length), random);
        QVERIFY2(c, errorText(c).constData());
        QCOMPARE(c->size(), std::size_t(256));
        const auto opened = proto::openOpmInitializationParameters(*m_leafKey, toSignature(*c));
        QVERIFY2(!opened, QByteArray::number(qulonglong(length)).constData());
        QCOMPARE(opened.error().hresult, proto::hr::OpmInvalidEncryptedParameters);
        QCOMPARE(opened.error().code, copp::Error::Code::Malformed);
    }
}

void TestOpmProtocol::initParametersLongPlaintext()
{
    // §2: "only the first 40 are meaningful, anything beyond must be ignored"; the
    // random at offset 0 is returned as sent: comparing it is the caller's job.
    Bytes m = encoded(sampleSecrets());
    m.resize(126, 0xee); // the OAEP capacity for k = 256
    copp::crypto::DeterministicRandom random(126);
    const auto c = copp::crypto::encryptOaepSha512(m_leafKey->publicKey(), m, random);
    QVERIFY2(c, errorText(c).constData());
    const auto opened = proto::openOpmInitializationParameters(*m_leafKey, toSignature(*c));
    QVERIFY2(opened, errorText(opened).constData());
    QCOMPARE(hexOf(encoded(*opened)), hexOf(encoded(sampleSecrets())));
}

void TestOpmProtocol::initParametersNeed2048BitKey()
{
    // OPM_ENCRYPTED_INITIALIZATION_PARAMETERS is 256 bytes: a 3072-bit leaf cannot fit.
    const auto big = RsaPrivateKey::generate(3072);
    QVERIFY2(big, errorText(big).constData());
    copp::crypto::SystemRandom random;
    const auto parameters = proto::buildOpmInitializationParameters(big->publicKey(), sampleSecrets(), random);
    QVERIFY(!parameters);
    QCOMPARE(parameters.error().code, copp::Error::Code::Crypto);

    // And another key cannot open a 2048-bit key's parameters.
    const auto good = proto::buildOpmInitializationParameters(m_leafKey->publicKey(), sampleSecrets(), random);
    QVERIFY2(good, errorText(good).constData());
    QVERIFY(!proto::openOpmInitializationParameters(*big, *good));
}

QTEST_GUILESS_MAIN(TestOpmProtocol)
#include "tst_opmprotocol.moc"
