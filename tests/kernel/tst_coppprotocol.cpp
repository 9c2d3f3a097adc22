// SPDX-License-Identifier: BSD-3-Clause
// Known-answer and layout tests for the COPP protocol kernel (docs/protocol.md §2-§7):
// OMAC-1, the AMCOPP* blocks and their payloads, GUIDs, constants and the
// session-start signature.
//
// Vectors: RFC 4493 and the derived §6.2 vectors are written out here; the
// Wycheproof AES-CMAC and RSAES-PKCS1-v1_5 files are read in place from
// ../shared/vectors and the tests that need them skip (QSKIP) when absent.
// Every vector loop counts its rows and asserts the count, so no check can pass
// by finding no rows.

#include <core/kernel/bytes.h>
#include <core/kernel/crypto/omac.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/sessionstart.h>
#include <core/kernel/protocol/wire.h>
#include <support/testsupport.h>

#include <core/util/byteview.h>

#include <cryptopp/osrng.h>
#include <cryptopp/queue.h>
#include <cryptopp/rsa.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

using copp::Bytes;
using copp::ByteView;
using copp::crypto::AesKey;
using copp::crypto::RsaPrivateKey;
namespace proto = copp::protocol;
using proto::Block4096;
using proto::Bytes16;
using proto::Guid;
using proto::SessionSecrets;

namespace {

// ---------------------------------------------------------------- bytes and hex

using copp::tests::hexOf;
using copp::tests::parseHex;
constexpr auto view = copp::util::byteView;

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

Bytes reversed(ByteView bytes)
{
    return Bytes(bytes.rbegin(), bytes.rend());
}

Bytes slice(ByteView bytes, std::size_t offset, std::size_t length)
{
    const auto part = bytes.subspan(offset, length);
    return Bytes(part.begin(), part.end());
}

// 0xa0 0xa1 ... : easy to spot in a failing comparison.
Bytes16 counting(std::uint8_t first)
{
    Bytes16 out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(first + i);
    return out;
}

template <typename T>
QByteArray errorText(const copp::Result<T>& result)
{
    return result ? QByteArray("(ok)") : QByteArray::fromStdString(result.error().detail);
}

// ---------------------------------------------------------------- vector files

struct VectorFile {
    QString path;
    bool exists() const { return QFileInfo(path).isFile(); }
    QByteArray skipMessage() const
    {
        return "vector file not found: " + path.toLocal8Bit() + " (COPP_SHARED_DIR names the shared folder)";
    }
};

VectorFile vectorFile(const char* relativePath)
{
    QString shared = copp::tests::sharedDir();
    if (shared.isEmpty())
        shared = qEnvironmentVariable("COPP_SHARED_DIR", QStringLiteral("<COPP_SHARED_DIR unset>"));
    return {shared + QLatin1String("/vectors/") + QLatin1String(relativePath)};
}

// The root object, or an error text.
std::optional<QJsonObject> readJson(const QString& path, QByteArray& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot open " + path.toLocal8Bit();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        error = path.toLocal8Bit() + ": " + parseError.errorString().toLocal8Bit();
        return std::nullopt;
    }
    return doc.object();
}

QByteArray rowName(const QJsonObject& test)
{
    return "tcId " + QByteArray::number(test.value(u"tcId").toInt()) + " (" + test.value(u"result").toString().toLatin1()
        + ", " + test.value(u"comment").toString().toLatin1() + ")";
}

// ---------------------------------------------------------------- §6.2 fixtures

// "Key K = 000102030405060708090a0b0c0d0e0f, random R = 101112131415161718191a1b1c1d1e1f"
const AesKey kSessionKey = fixed<16>(hex("000102030405060708090a0b0c0d0e0f"));
const Bytes16 kRandomR = fixed<16>(hex("101112131415161718191a1b1c1d1e1f"));

void putPayload(std::uint8_t* at, const Bytes& payload)
{
    std::copy(payload.begin(), payload.end(), at);
}

// §6.2 vector 4: AMCOPPCommand{DXVA_COPPSetProtectionLevel, seq=0x11223344, cb=16,
// {ProtType=1 HDCP, ProtLevel=1, 0, 0}}.
Block4096 vector4Command()
{
    proto::CoppCommand command;
    command.commandId = proto::guids::SetProtectionLevel;
    command.sequence = 0x11223344;
    command.dataSize = proto::SetProtectionLevel::kSize;
    putPayload(command.data.data(), proto::encode(proto::SetProtectionLevel{proto::protection::Hdcp, 1, 0, 0}));
    Block4096 block = proto::encode(command);
    proto::signBlock(kSessionKey, block);
    return block;
}

// §6.2 vector 5: AMCOPPStatusOutput{cb=32, DXVA_COPPStatusData{rApp=R, flags=0, dwData=1, 0, 0}}.
Block4096 vector5StatusOutput()
{
    proto::CoppStatusOutput output;
    output.dataSize = proto::StatusData::kSize;
    putPayload(output.status.data(), proto::encode(proto::StatusData{kRandomR, proto::status::Normal, 1, 0, 0}));
    Block4096 block = proto::encode(output);
    proto::signBlock(kSessionKey, block);
    return block;
}

// §6.2 vector 2: OPM_REQUESTED_INFORMATION "identical to AMCOPPStatusOutput" (§3.3)
// {cb=32, OPM_STANDARD_INFORMATION{rn=R, status=0, info=5 (HDMI), 0, 0}}.
Block4096 vector2RequestedInformation()
{
    proto::CoppStatusOutput output;
    output.dataSize = proto::StatusData::kSize;
    putPayload(output.status.data(),
               proto::encode(proto::StatusData{kRandomR, proto::status::Normal, proto::connector::Hdmi, 0, 0}));
    Block4096 block = proto::encode(output);
    proto::signBlock(kSessionKey, block);
    return block;
}

// §6.2 vector 3: OPM_CONFIGURE_PARAMETERS "identical to AMCOPPCommand" (§3.3)
// {OPM_SET_PROTECTION_LEVEL, seq=0xA0B0C0D0, cb=16, {type=0x08 HDCP, level=1, 0, 0}}.
Block4096 vector3Configure()
{
    proto::CoppCommand command;
    command.commandId = proto::guids::SetProtectionLevel;
    command.sequence = 0xA0B0C0D0;
    command.dataSize = proto::SetProtectionLevel::kSize;
    putPayload(command.data.data(), proto::encode(proto::SetProtectionLevel{proto::protection::OpmHdcp, 1, 0, 0}));
    Block4096 block = proto::encode(command);
    proto::signBlock(kSessionKey, block);
    return block;
}

Block4096 withByteFlipped(Block4096 block, int position)
{
    block[static_cast<std::size_t>(position)] ^= 0x01;
    return block;
}

// ---------------------------------------------------------------- §4.1 GUID table

struct GuidRow {
    const char* name;
    const char* text;
    const char* wire; // "16 bytes in structures", as the table prints them
    const Guid* known; // the guids:: constant, or nullptr when the kernel has none
};

const GuidRow kGuidTable[] = {
    {"DXVA_COPPDevice", "{d2457add-8999-45ed-8a8a-d1aa047ba4d5}", "dd 7a 45 d2 99 89 ed 45 8a 8a d1 aa 04 7b a4 d5", nullptr},
    {"IID_IAMCertifiedOutputProtection", "{6feded3e-0ff1-4901-a2f1-43f7012c8515}",
     "3e ed ed 6f f1 0f 01 49 a2 f1 43 f7 01 2c 85 15", nullptr},
    {"IID_IOPMVideoOutput", "{0a15159d-41c7-4456-93e1-284cd61d4e8d}", "9d 15 15 0a c7 41 56 44 93 e1 28 4c d6 1d 4e 8d",
     nullptr},
    {"SetProtectionLevel", "{9bb9327c-4eb5-4727-9f00-b42b0919c0da}", "7c 32 b9 9b b5 4e 27 47 9f 00 b4 2b 09 19 c0 da",
     &proto::guids::SetProtectionLevel},
    {"SetSignaling", "{09a631a5-d684-4c60-8e4d-d3bb0f0be3ee}", "a5 31 a6 09 84 d6 60 4c 8e 4d d3 bb 0f 0b e3 ee",
     &proto::guids::SetSignaling},
    {"SetHdcpSrm", "{8b5ef5d1-c30d-44ff-84a5-ea71dce78f13}", "d1 f5 5e 8b 0d c3 ff 44 84 a5 ea 71 dc e7 8f 13",
     &proto::guids::SetHdcpSrm},
    {"SetProtectionLevelCssDvd", "{39ce333e-4cc0-44ae-bfcc-da50b5f82e72}",
     "3e 33 ce 39 c0 4c ae 44 bf cc da 50 b5 f8 2e 72", &proto::guids::SetProtectionLevelCssDvd},
    {"QueryConnectorType", "{81d0bfd5-6afe-48c2-99c0-95a08f97c5da}", "d5 bf d0 81 fe 6a c2 48 99 c0 95 a0 8f 97 c5 da",
     &proto::guids::QueryConnectorType},
    {"QueryProtectionType", "{38f2a801-9a6c-48bb-9107-b6696e6f1797}", "01 a8 f2 38 6c 9a bb 48 91 07 b6 69 6e 6f 17 97",
     &proto::guids::QueryProtectionType},
    {"QueryLocalProtectionLevel", "{b2075857-3eda-4d5d-88db-748f8c1a0549}",
     "57 58 07 b2 da 3e 5d 4d 88 db 74 8f 8c 1a 05 49", &proto::guids::QueryLocalProtectionLevel},
    {"QueryGlobalProtectionLevel", "{1957210a-7766-452a-b99a-d27aed54f03a}",
     "0a 21 57 19 66 77 2a 45 b9 9a d2 7a ed 54 f0 3a", &proto::guids::QueryGlobalProtectionLevel},
    {"QueryDisplayData", "{d7bf1ba3-ad13-4f8e-af98-0dcb3ca204cc}", "a3 1b bf d7 13 ad 8e 4f af 98 0d cb 3c a2 04 cc",
     &proto::guids::QueryDisplayData},
    {"QueryHdcpKeyData", "{0db59d74-a992-492e-a0bd-c23fda564e00}", "74 9d b5 0d 92 a9 2e 49 a0 bd c2 3f da 56 4e 00",
     &proto::guids::QueryHdcpKeyData},
    {"QueryBusData", "{c6f4d673-6174-4184-8e35-f6db5200bcba}", "73 d6 f4 c6 74 61 84 41 8e 35 f6 db 52 00 bc ba",
     &proto::guids::QueryBusData},
    {"QuerySignaling", "{6629a591-3b79-4cf3-924a-11e8e7811671}", "91 a5 29 66 79 3b f3 4c 92 4a 11 e8 e7 81 16 71",
     &proto::guids::QuerySignaling},
    {"GetCurrentHdcpSrmVersion", "{99c5ceff-5f1d-4879-81c1-c52443c9482b}",
     "ff ce c5 99 1d 5f 79 48 81 c1 c5 24 43 c9 48 2b", &proto::guids::GetCurrentHdcpSrmVersion},
    {"GetOutputId", "{72cb6df3-244f-40ce-b09e-20506af6302f}", "f3 6d cb 72 4f 24 ce 40 b0 9e 20 50 6a f6 30 2f",
     &proto::guids::GetOutputId},
    {"GetDviCharacteristics", "{a470b3bb-5dd7-4172-839c-3d3776e0ebf5}", "bb b3 70 a4 d7 5d 72 41 83 9c 3d 37 76 e0 eb f5",
     &proto::guids::GetDviCharacteristics},
    {"GetCodecInfo", "{4f374491-8f5f-4445-9dba-95588f6b58b4}", "91 44 37 4f 5f 8f 45 44 9d ba 95 58 8f 6b 58 b4",
     &proto::guids::GetCodecInfo},
    {"GetOutputHardwareProtectionSupport", "{3b129589-2af8-4ef0-96a2-704a845a218e}",
     "89 95 12 3b f8 2a f0 4e 96 a2 70 4a 84 5a 21 8e", &proto::guids::GetOutputHardwareProtectionSupport},
};

// ---------------------------------------------------------------- §3.2 payload layouts

// Every u32 field is set to marker(its offset), so "the u32 at offset o holds
// marker(o)" checks the whole layout at once.
constexpr std::uint32_t marker(std::size_t offset)
{
    return 0xC0DE0000u | static_cast<std::uint32_t>(offset);
}

std::array<std::uint32_t, 4> markers(std::size_t offset)
{
    return {marker(offset), marker(offset + 4), marker(offset + 8), marker(offset + 12)};
}

// The u32 fields from `from` up to the end of `bytes` hold their markers.
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

proto::SetSignaling markedSetSignaling()
{
    proto::SetSignaling v;
    v.activeTvProtectionStandard = marker(0);
    v.aspectRatioChangeMask1 = marker(4);
    v.aspectRatioData1 = marker(8);
    v.aspectRatioChangeMask2 = marker(12);
    v.aspectRatioData2 = marker(16);
    v.aspectRatioChangeMask3 = marker(20);
    v.aspectRatioData3 = marker(24);
    v.extendedInfoChangeMask = markers(28);
    v.extendedInfoData = markers(44);
    v.reserved = marker(60);
    return v;
}

proto::StatusData markedStatusData()
{
    return {counting(0xa0), marker(16), marker(20), marker(24), marker(28)};
}

proto::StatusDisplayData markedDisplayData()
{
    return {counting(0xa0), marker(16), marker(20), marker(24), marker(28), marker(32), marker(36), marker(40)};
}

proto::StatusHdcpKeyData markedHdcpKeyData()
{
    return {counting(0xa0), marker(16), marker(20), counting(0xb0)};
}

proto::StatusSignaling markedSignaling()
{
    proto::StatusSignaling v;
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
    return v;
}

// ---------------------------------------------------------------- §7.1 helpers

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
    CryptoPP::RSA::PrivateKey raw; // an InvertibleRSAFunction
    raw.Load(queue);
    CryptoPP::AutoSeededRandomPool rng;
    const CryptoPP::Integer c(ciphertextBigEndian.data(), ciphertextBigEndian.size());
    const CryptoPP::Integer m = raw.CalculateInverse(rng, c);
    Bytes out(raw.GetModulus().ByteCount());
    m.Encode(out.data(), out.size());
    return out;
}

// AMCOPPSignature bytes for an arbitrary PKCS#1 message M: reverse(RSAES-PKCS1-v1_5(M)).
std::optional<proto::Signature256> signatureForMessage(const copp::crypto::RsaPublicKey& key, ByteView m)
{
    auto c = copp::crypto::encryptPkcs1v15(key, m);
    if (!c || c->size() != proto::kSignatureSize)
        return std::nullopt;
    return fixed<proto::kSignatureSize>(reversed(*c));
}

} // namespace

class TestCoppProtocol : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // §6 OMAC-1
    void omacRfc4493_data();
    void omacRfc4493();
    void omacWycheproof();
    void omacRejectsOtherKeySizes_data();
    void omacRejectsOtherKeySizes();

    // §6.1 / §6.2 MACed blocks
    void derivedMacVectors_data();
    void derivedMacVectors();
    void opmGetInfoMacVector();
    void macCoversBytes16To4095Only();
    void tamperedBlockFailsVerification_data();
    void tamperedBlockFailsVerification();

    // §4.1 GUIDs
    void guidTable_data();
    void guidTable();
    void guidConstantsAreDistinct();
    void guidRoundTrip();
    void guidParseAcceptsCaseAndNoBraces();
    void guidParseRejects_data();
    void guidParseRejects();
    void statusRequestMapping();

    // §3 layouts
    void commandLayout();
    void statusInputLayout();
    void statusOutputLayout();
    void setProtectionLevelLayout();
    void payloadLayouts();
    void payloadRoundTrips();
    void payloadDecodersCheckSize();
    void replySizes_data();
    void replySizes();

    // §5 constants
    void acpPrecedence();
    void cgmsaPrecedence();
    void onOffPrecedence();
    void validLevels_data();
    void validLevels();
    void hresultFromText_data();
    void hresultFromText();
    void hresultNamesRoundTrip();

    // §2 / §7.1 session start
    void sessionSecretsLayout();
    void sessionSecretsDecode();
    void coppSignatureRoundTrip();
    void coppSignatureByteOrder();
    void coppSignatureRandomPadding();
    void coppSignatureNeeds2048BitKey();
    void coppSignatureTampered_data();
    void coppSignatureTampered();
    void coppSignatureLongMessage();
    void coppSignatureShortMessage();

    // RSAES-PKCS1-v1_5 decryption (the driver side of §7.1)
    void wycheproofPkcs1Decrypt();

private:
    std::optional<RsaPrivateKey> m_leafKey; // 2048 bits, made once in initTestCase
};

void TestCoppProtocol::initTestCase()
{
    auto key = RsaPrivateKey::generate(2048);
    QVERIFY2(key, errorText(key).constData());
    QCOMPARE(key->modulusBits(), std::size_t(2048));
    m_leafKey = std::move(key.value());
}

// ---------------------------------------------------------------- §6 OMAC-1

void TestCoppProtocol::omacRfc4493_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QByteArray>("tagHex");
    // §6: "M = RFC 4493 message prefix of length 0 → bb1d…; 16 → 070a…; 40 → dfa6…; 64 → 51f0…"
    QTest::newRow("0 bytes (padded partial block)") << 0 << QByteArray("bb1d6929e95937287fa37d129b756746");
    QTest::newRow("16 bytes (one complete block)") << 16 << QByteArray("070a16b46b4d4144f79bdd9dd04a287c");
    QTest::newRow("40 bytes (partial last block)") << 40 << QByteArray("dfa66747de9ae63030ca32611497c827");
    QTest::newRow("64 bytes (complete last block)") << 64 << QByteArray("51f0bebf7e3b9d92fc49741779363cfe");
}

void TestCoppProtocol::omacRfc4493()
{
    QFETCH(int, length);
    QFETCH(QByteArray, tagHex);
    const AesKey key = fixed<16>(hex("2b7e151628aed2a6abf7158809cf4f3c"));
    const Bytes message = slice(hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"),
                                0, static_cast<std::size_t>(length));

    QCOMPARE(hexOf(copp::crypto::omac1(key, message)), tagHex);

    const auto viaView = copp::crypto::omac1(ByteView(key), message);
    QVERIFY2(viaView, errorText(viaView).constData());
    QCOMPARE(hexOf(*viaView), tagHex);

    const Bytes tag = *parseHex(QString::fromLatin1(tagHex));
    QVERIFY(copp::crypto::omac1Verify(key, message, tag));
    Bytes wrong = tag;
    wrong.back() ^= 0x80;
    QVERIFY(!copp::crypto::omac1Verify(key, message, wrong));
    QVERIFY2(!copp::crypto::omac1Verify(key, message, slice(tag, 0, 15)), "a truncated tag must not verify");
}

void TestCoppProtocol::omacWycheproof()
{
    const VectorFile file = vectorFile("wycheproof/aes_cmac_test.json");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    QByteArray error;
    const auto root = readJson(file.path, error);
    QVERIFY2(root, error.constData());

    int groups = 0, valid = 0, invalid = 0;
    for (const QJsonValue groupValue : root->value(u"testGroups").toArray()) {
        const QJsonObject group = groupValue.toObject();
        // OMAC-1 is AES-128-CMAC (§6: "K = the 128-bit session key").
        if (group.value(u"keySize").toInt() != 128 || group.value(u"tagSize").toInt() != 128)
            continue;
        ++groups;
        for (const QJsonValue testValue : group.value(u"tests").toArray()) {
            const QJsonObject test = testValue.toObject();
            const QByteArray row = rowName(test);
            const auto key = parseHex(test.value(u"key").toString());
            const auto msg = parseHex(test.value(u"msg").toString());
            const auto tag = parseHex(test.value(u"tag").toString());
            QVERIFY2(key && msg && tag && key->size() == 16, ("bad hex in " + row).constData());
            const AesKey aesKey = fixed<16>(*key);
            const QByteArray computed = hexOf(copp::crypto::omac1(aesKey, *msg));
            const QByteArray expected = hexOf(*tag);
            const QString result = test.value(u"result").toString();
            if (result == u"valid") {
                QVERIFY2(computed == expected, (row + ": got " + computed + ", want " + expected).constData());
                QVERIFY2(copp::crypto::omac1Verify(aesKey, *msg, *tag), row.constData());
                ++valid;
            } else if (result == u"invalid") {
                QVERIFY2(computed != expected, (row + ": a modified tag was reproduced").constData());
                QVERIFY2(!copp::crypto::omac1Verify(aesKey, *msg, *tag), row.constData());
                ++invalid;
            } else {
                QFAIL(("unexpected result kind in " + row).constData());
            }
        }
    }
    qInfo("AES-CMAC (128-bit key): %d groups, %d valid and %d invalid rows checked", groups, valid, invalid);
    QVERIFY(groups > 0);
    QVERIFY(valid > 0);
    QVERIFY(invalid > 0);
    QCOMPARE(valid + invalid, 102); // INDEX.md: "311 (102 for AES-128)"
}

void TestCoppProtocol::omacRejectsOtherKeySizes_data()
{
    QTest::addColumn<int>("keyLength");
    for (int length : {0, 1, 8, 15, 17, 20, 24, 32, 40})
        QTest::addRow("%d-byte key", length) << length;
}

void TestCoppProtocol::omacRejectsOtherKeySizes()
{
    QFETCH(int, keyLength);
    // omac.h: "a Usage error unless 16 bytes" (AES-192/256 CMAC keys included).
    const Bytes key(static_cast<std::size_t>(keyLength), 0x2b);
    const auto mac = copp::crypto::omac1(ByteView(key), hex("00112233"));
    QVERIFY(!mac);
    QCOMPARE(mac.error().code, copp::Error::Code::Usage);
}

// ---------------------------------------------------------------- §6.1 / §6.2

void TestCoppProtocol::derivedMacVectors_data()
{
    QTest::addColumn<QByteArray>("block"); // 4096 bytes, built with encode() + signBlock()
    QTest::addColumn<QByteArray>("macHex");
    auto row = [](const char* name, const Block4096& b, const char* mac) {
        QTest::newRow(name) << QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()))
                            << QByteArray(mac);
    };
    row("4: AMCOPPCommand SetProtectionLevel", vector4Command(), "97ef88dc9f00a18fa0ae98f5a0c2016a");
    row("5: AMCOPPStatusOutput StatusData", vector5StatusOutput(), "c3943115857c54df1bb7f55f7b0894d7");
    // OPM blocks with the same layout as the COPP ones (§3.3 "identical to ...").
    row("2: OPM_REQUESTED_INFORMATION", vector2RequestedInformation(), "bb1a53a233cadd23223e43af372033b7");
    row("3: OPM_CONFIGURE_PARAMETERS", vector3Configure(), "b949e4e3bf9847194f3c9857d0cd50d3");
}

void TestCoppProtocol::derivedMacVectors()
{
    QFETCH(QByteArray, block);
    QFETCH(QByteArray, macHex);
    QCOMPARE(block.size(), qsizetype(proto::kBlockSize));
    Block4096 b{};
    std::copy(block.begin(), block.end(), b.begin());
    QCOMPARE(hexOf(ByteView(b).first(16)), macHex);
    QCOMPARE(hexOf(proto::blockMac(kSessionKey, b)), macHex);
    QVERIFY(proto::verifyBlockMac(kSessionKey, b));
    // A different key must not verify.
    AesKey otherKey = kSessionKey;
    otherKey[0] ^= 0x01;
    QVERIFY(!proto::verifyBlockMac(otherKey, b));
}

void TestCoppProtocol::opmGetInfoMacVector()
{
    // §6.2 vector 1: OPM_GET_INFO_PARAMETERS (4112 bytes) {rn=R, guid=OPM_GET_CONNECTOR_TYPE,
    // seq=0x01020304, cb=0}; the omac covers "offsets 16..4111 (4096 bytes)". No kernel
    // struct for it yet, so the bytes are laid out by hand and MACed with omac1.
    Bytes params(4112, 0);
    proto::put16(params.data() + 16, kRandomR);
    proto::put16(params.data() + 32, proto::guids::QueryConnectorType.bytes);
    proto::putU32(params.data() + 48, 0x01020304);
    proto::putU32(params.data() + 52, 0);
    const ByteView covered = ByteView(params).subspan(16);
    QCOMPARE(covered.size(), std::size_t(4096));
    // "MAC input starts 10 11 … 1f d5 bf d0 81 fe 6a c2 48 99 c0 95 a0 8f 97 c5 da 04 03 02 01 00 00 00 00"
    QCOMPARE(hexOf(covered.first(40)), hexOf(hex("101112131415161718191a1b1c1d1e1f d5bfd081fe6ac24899c095a08f97c5da"
                                                 "04030201 00000000")));
    QCOMPARE(hexOf(copp::crypto::omac1(kSessionKey, covered)), QByteArray("1462b65bd687d0a521365341f8eb8861"));
}

void TestCoppProtocol::macCoversBytes16To4095Only()
{
    // §6.1: the MAC "sits in bytes 0..15" and covers 16..4095, so whatever the mac
    // field held before signing does not change the result.
    proto::CoppCommand command = proto::decodeCommand(vector4Command());
    command.mac = counting(0xe0);
    Block4096 block = proto::encode(command);
    const Block4096 before = block;
    proto::signBlock(kSessionKey, block);
    QCOMPARE(hexOf(ByteView(block).first(16)), QByteArray("97ef88dc9f00a18fa0ae98f5a0c2016a"));
    QVERIFY2(std::equal(block.begin() + 16, block.end(), before.begin() + 16), "signBlock touched bytes 16..4095");
    QCOMPARE(hexOf(ByteView(block).first(16)), hexOf(proto::blockMac(kSessionKey, before)));
}

void TestCoppProtocol::tamperedBlockFailsVerification_data()
{
    QTest::addColumn<int>("which"); // 4 = command vector, 5 = status output vector
    QTest::addColumn<int>("position");
    // Bytes 16..4095 (all MACed, "never only cbSize bytes") and the MAC itself.
    for (int which : {4, 5})
        for (int position : {0, 7, 15, 16, 17, 31, 32, 35, 36, 39, 40, 55, 56, 1000, 4094, 4095})
            QTest::addRow("vector %d, byte %d", which, position) << which << position;
}

void TestCoppProtocol::tamperedBlockFailsVerification()
{
    QFETCH(int, which);
    QFETCH(int, position);
    const Block4096 good = which == 4 ? vector4Command() : vector5StatusOutput();
    QVERIFY(proto::verifyBlockMac(kSessionKey, good));
    QVERIFY(!proto::verifyBlockMac(kSessionKey, withByteFlipped(good, position)));
}

// ---------------------------------------------------------------- §4.1 GUIDs

void TestCoppProtocol::guidTable_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kGuidTable)); ++i)
        QTest::newRow(kGuidTable[i].name) << i;
}

void TestCoppProtocol::guidTable()
{
    QFETCH(int, index);
    const GuidRow& row = kGuidTable[index];
    const QByteArray wire = hexOf(hex(row.wire));

    // "bytes = on-the-wire serialization": Data1/2/3 little-endian, Data4 as written.
    const auto parsed = Guid::parse(row.text);
    QVERIFY(parsed);
    QCOMPARE(hexOf(parsed->bytes), wire);
    QCOMPARE(QString::fromStdString(parsed->toString()), QString::fromLatin1(row.text));

    if (row.known) {
        QCOMPARE(hexOf(row.known->bytes), wire);
        QVERIFY(*row.known == *parsed);
        QCOMPARE(QString::fromStdString(row.known->toString()), QString::fromLatin1(row.text));
    }
}

void TestCoppProtocol::guidConstantsAreDistinct()
{
    std::set<Bytes16> seen;
    int known = 0;
    for (const GuidRow& row : kGuidTable) {
        if (!row.known)
            continue;
        ++known;
        QVERIFY2(seen.insert(row.known->bytes).second, row.name);
    }
    QCOMPARE(known, 17); // every constant guid.h declares appears in the table above
}

void TestCoppProtocol::guidRoundTrip()
{
    copp::crypto::DeterministicRandom random(4493);
    for (int i = 0; i < 200; ++i) {
        Guid g;
        random.fill(g.bytes);
        const std::string text = g.toString();
        QCOMPARE(text.size(), std::size_t(38)); // "{8-4-4-4-12}"
        const auto back = Guid::parse(text);
        QVERIFY2(back && *back == g, text.c_str());
        // Without braces, and in upper case, it is the same GUID.
        std::string bare = text.substr(1, 36);
        std::transform(bare.begin(), bare.end(), bare.begin(), [](char c) { return char(std::toupper(c)); });
        const auto fromBare = Guid::parse(bare);
        QVERIFY2(fromBare && *fromBare == g, bare.c_str());
    }
}

void TestCoppProtocol::guidParseAcceptsCaseAndNoBraces()
{
    // guid.h: "braces optional, any case"; toString is "lowercase with braces".
    const auto upper = Guid::parse("9BB9327C-4EB5-4727-9F00-B42B0919C0DA");
    QVERIFY(upper);
    QVERIFY(*upper == proto::guids::SetProtectionLevel);
    const auto braced = Guid::parse("{9Bb9327c-4eB5-4727-9f00-B42b0919c0dA}");
    QVERIFY(braced);
    QCOMPARE(braced->toString(), std::string("{9bb9327c-4eb5-4727-9f00-b42b0919c0da}"));
}

void TestCoppProtocol::guidParseRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("only braces") << QByteArray("{}");
    QTest::newRow("one digit short") << QByteArray("9bb9327c-4eb5-4727-9f00-b42b0919c0d");
    QTest::newRow("one digit long") << QByteArray("9bb9327c-4eb5-4727-9f00-b42b0919c0da0");
    QTest::newRow("short first group") << QByteArray("9bb9327-c4eb5-4727-9f00-b42b0919c0da");
    QTest::newRow("bad hex digit") << QByteArray("9bb9327g-4eb5-4727-9f00-b42b0919c0da");
    QTest::newRow("bad hex in last group") << QByteArray("9bb9327c-4eb5-4727-9f00-b42b0919c0dz");
    QTest::newRow("missing dashes") << QByteArray("9bb9327c4eb547279f00b42b0919c0da");
    QTest::newRow("one dash missing") << QByteArray("9bb9327c-4eb54727-9f00-b42b0919c0da");
    QTest::newRow("underscores for dashes") << QByteArray("9bb9327c_4eb5_4727_9f00_b42b0919c0da");
    QTest::newRow("dash in last group") << QByteArray("9bb9327c-4eb5-4727-9f00b42b-0919c0da");
    QTest::newRow("opening brace only") << QByteArray("{9bb9327c-4eb5-4727-9f00-b42b0919c0da");
    QTest::newRow("closing brace only") << QByteArray("9bb9327c-4eb5-4727-9f00-b42b0919c0da}");
    QTest::newRow("double braces") << QByteArray("{{9bb9327c-4eb5-4727-9f00-b42b0919c0da}}");
    QTest::newRow("text after brace") << QByteArray("{9bb9327c-4eb5-4727-9f00-b42b0919c0da}x");
    QTest::newRow("leading space") << QByteArray(" 9bb9327c-4eb5-4727-9f00-b42b0919c0da");
    QTest::newRow("trailing space") << QByteArray("9bb9327c-4eb5-4727-9f00-b42b0919c0da ");
    QTest::newRow("sign in a group") << QByteArray("+bb9327c-4eb5-4727-9f00-b42b0919c0da");
}

void TestCoppProtocol::guidParseRejects()
{
    QFETCH(QByteArray, text);
    const auto g = Guid::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QVERIFY2(!g, g ? g->toString().c_str() : "");
}

void TestCoppProtocol::statusRequestMapping()
{
    // §4.2: the eight COPP status requests and their GUIDs (= the DXVA_COPPQuery* rows of §4.1).
    const std::pair<proto::StatusRequest, const Guid*> expected[] = {
        {proto::StatusRequest::ConnectorType, &proto::guids::QueryConnectorType},
        {proto::StatusRequest::ProtectionType, &proto::guids::QueryProtectionType},
        {proto::StatusRequest::LocalLevel, &proto::guids::QueryLocalProtectionLevel},
        {proto::StatusRequest::GlobalLevel, &proto::guids::QueryGlobalProtectionLevel},
        {proto::StatusRequest::DisplayData, &proto::guids::QueryDisplayData},
        {proto::StatusRequest::HdcpKeyData, &proto::guids::QueryHdcpKeyData},
        {proto::StatusRequest::BusData, &proto::guids::QueryBusData},
        {proto::StatusRequest::Signaling, &proto::guids::QuerySignaling},
    };
    QCOMPARE(std::size(proto::kAllStatusRequests), std::size(expected));
    for (const auto& [request, guid] : expected) {
        QVERIFY(proto::statusRequestGuid(request) == *guid);
        QCOMPARE(proto::statusRequestFromGuid(*guid), std::optional(request));
        const char* name = proto::statusRequestName(request);
        QCOMPARE(proto::statusRequestFromName(name), std::optional(request));
    }
    // Commands are not status requests.
    QVERIFY(!proto::statusRequestFromGuid(proto::guids::SetProtectionLevel));
    QVERIFY(!proto::statusRequestFromGuid(proto::guids::GetOutputId));
    QVERIFY(!proto::statusRequestFromName("no-such-request"));
}

// ---------------------------------------------------------------- §3 layouts

void TestCoppProtocol::commandLayout()
{
    // §3.1 AMCOPPCommand: macKDI@0, guidCommandID@16, dwSequence@32, cbSizeData@36, CommandData@40.
    proto::CoppCommand c;
    c.mac = counting(0xa0);
    c.commandId = proto::guids::SetSignaling;
    c.sequence = 0x11223344;
    c.dataSize = 0x55667788;
    c.data.front() = 0x99;
    c.data[1] = 0x9a;
    c.data.back() = 0xee;
    const Block4096 b = proto::encode(c);

    QCOMPARE(hexOf(ByteView(b).first(16)), hexOf(c.mac));
    QCOMPARE(hexOf(ByteView(b).subspan(16, 16)), hexOf(hex("a5 31 a6 09 84 d6 60 4c 8e 4d d3 bb 0f 0b e3 ee")));
    QCOMPARE(hexOf(ByteView(b).subspan(32, 4)), QByteArray("44332211")); // little-endian
    QCOMPARE(hexOf(ByteView(b).subspan(36, 4)), QByteArray("88776655"));
    QCOMPARE(b[40], std::uint8_t(0x99));
    QCOMPARE(b[41], std::uint8_t(0x9a));
    QCOMPARE(b[4095], std::uint8_t(0xee));
    QVERIFY(std::all_of(b.begin() + 42, b.end() - 1, [](std::uint8_t x) { return x == 0; }));

    const proto::CoppCommand back = proto::decodeCommand(b);
    QVERIFY(back.mac == c.mac);
    QVERIFY(back.commandId == c.commandId);
    QCOMPARE(back.sequence, c.sequence);
    QCOMPARE(back.dataSize, c.dataSize);
    QVERIFY(back.data == c.data);
}

void TestCoppProtocol::statusInputLayout()
{
    // §3.1 AMCOPPStatusInput (no MAC): rApp@0, guidStatusRequestID@16, dwSequence@32,
    // cbSizeData@36, StatusData@40.
    proto::CoppStatusInput in;
    in.random = counting(0x10);
    in.requestId = proto::guids::QueryLocalProtectionLevel;
    in.sequence = 0xA1B2C3D4;
    in.dataSize = 4;
    proto::putU32(in.data.data(), proto::protection::Hdcp);
    in.data.back() = 0x7f;
    const Block4096 b = proto::encode(in);

    QCOMPARE(hexOf(ByteView(b).first(16)), QByteArray("101112131415161718191a1b1c1d1e1f"));
    QCOMPARE(hexOf(ByteView(b).subspan(16, 16)), hexOf(hex("57 58 07 b2 da 3e 5d 4d 88 db 74 8f 8c 1a 05 49")));
    QCOMPARE(hexOf(ByteView(b).subspan(32, 4)), QByteArray("d4c3b2a1"));
    QCOMPARE(hexOf(ByteView(b).subspan(36, 4)), QByteArray("04000000"));
    QCOMPARE(hexOf(ByteView(b).subspan(40, 4)), QByteArray("01000000"));
    QCOMPARE(b[4095], std::uint8_t(0x7f));

    const proto::CoppStatusInput back = proto::decodeStatusInput(b);
    QVERIFY(back.random == in.random);
    QVERIFY(back.requestId == in.requestId);
    QCOMPARE(back.sequence, in.sequence);
    QCOMPARE(back.dataSize, in.dataSize);
    QVERIFY(back.data == in.data);
}

void TestCoppProtocol::statusOutputLayout()
{
    // §3.1 AMCOPPStatusOutput: macKDI@0, cbSizeData@16, COPPStatus[4076]@20.
    proto::CoppStatusOutput out;
    out.mac = counting(0xc0);
    out.dataSize = 0x00000058; // 88
    out.status.front() = 0x31;
    out.status.back() = 0x32;
    const Block4096 b = proto::encode(out);

    QCOMPARE(hexOf(ByteView(b).first(16)), hexOf(out.mac));
    QCOMPARE(hexOf(ByteView(b).subspan(16, 4)), QByteArray("58000000"));
    QCOMPARE(b[20], std::uint8_t(0x31));
    QCOMPARE(b[4095], std::uint8_t(0x32));
    QVERIFY(std::all_of(b.begin() + 21, b.end() - 1, [](std::uint8_t x) { return x == 0; }));

    const proto::CoppStatusOutput back = proto::decodeStatusOutput(b);
    QVERIFY(back.mac == out.mac);
    QCOMPARE(back.dataSize, out.dataSize);
    QVERIFY(back.status == out.status);
}

void TestCoppProtocol::setProtectionLevelLayout()
{
    // §3.2 DXVA_COPPSetProtectionLevelCmdData: ProtType@0, ProtLevel@4,
    // ExtendedInfoChangeMask@8, ExtendedInfoData@12.
    const Bytes b = proto::encode(proto::SetProtectionLevel{marker(0), marker(4), marker(8), marker(12)});
    QCOMPARE(b.size(), std::size_t(16));
    QByteArray why;
    QVERIFY2(u32MarkersFrom(b, 0, 16, why), why.constData());
}

void TestCoppProtocol::payloadLayouts()
{
    QByteArray why;

    // §3.2 DXVA_COPPSetSignalingCmdData — 64 bytes, every field a u32 in declaration order.
    const Bytes signaling = proto::encode(markedSetSignaling());
    QCOMPARE(signaling.size(), std::size_t(64));
    QVERIFY2(u32MarkersFrom(signaling, 0, 64, why), ("SetSignaling: " + why).constData());

    // DXVA_COPPStatusData — 32: rApp@0, dwFlags@16, dwData@20, ExtendedInfoValidMask@24, ExtendedInfoData@28.
    const Bytes status = proto::encode(markedStatusData());
    QCOMPARE(status.size(), std::size_t(32));
    QCOMPARE(hexOf(ByteView(status).first(16)), hexOf(counting(0xa0)));
    QVERIFY2(u32MarkersFrom(status, 16, 32, why), ("StatusData: " + why).constData());

    // DXVA_COPPStatusDisplayData — 44: ... DisplayWidth@20 ... FreqDenominator@40.
    const Bytes display = proto::encode(markedDisplayData());
    QCOMPARE(display.size(), std::size_t(44));
    QCOMPARE(hexOf(ByteView(display).first(16)), hexOf(counting(0xa0)));
    QVERIFY2(u32MarkersFrom(display, 16, 44, why), ("StatusDisplayData: " + why).constData());

    // DXVA_COPPStatusHDCPKeyData — 72: dwHDCPFlags@20, BKey@24 (16), Reserved1@40 and Reserved2@56 zero.
    const Bytes hdcp = proto::encode(markedHdcpKeyData());
    QCOMPARE(hdcp.size(), std::size_t(72));
    QCOMPARE(hexOf(ByteView(hdcp).first(16)), hexOf(counting(0xa0)));
    QVERIFY2(u32MarkersFrom(hdcp, 16, 24, why), ("StatusHdcpKeyData: " + why).constData());
    QCOMPARE(hexOf(ByteView(hdcp).subspan(24, 16)), hexOf(counting(0xb0)));
    QVERIFY2(std::all_of(hdcp.begin() + 40, hdcp.end(), [](std::uint8_t x) { return x == 0; }), "Reserved1/2 not zero");

    // DXVA_COPPStatusSignalingCmdData — 88: ... ExtendedInfoValidMask[4]@56, ExtendedInfoData[4]@72.
    const Bytes statusSignaling = proto::encode(markedSignaling());
    QCOMPARE(statusSignaling.size(), std::size_t(88));
    QCOMPARE(hexOf(ByteView(statusSignaling).first(16)), hexOf(counting(0xa0)));
    QVERIFY2(u32MarkersFrom(statusSignaling, 16, 88, why), ("StatusSignaling: " + why).constData());

    // The structs' own size constants agree with §3.2.
    QCOMPARE(proto::SetProtectionLevel::kSize, std::size_t(16));
    QCOMPARE(proto::SetSignaling::kSize, std::size_t(64));
    QCOMPARE(proto::StatusData::kSize, std::size_t(32));
    QCOMPARE(proto::StatusDisplayData::kSize, std::size_t(44));
    QCOMPARE(proto::StatusHdcpKeyData::kSize, std::size_t(72));
    QCOMPARE(proto::StatusSignaling::kSize, std::size_t(88));
    QCOMPARE(proto::kCommandDataSize, std::size_t(4056));
    QCOMPARE(proto::kStatusDataSize, std::size_t(4076));
    QCOMPARE(proto::kSignatureSize, std::size_t(256));
}

void TestCoppProtocol::payloadRoundTrips()
{
    // decode(encode(v)) re-encodes to the same bytes; with the layouts checked above
    // this proves every field is read back from where it was written.
    auto check = [](const char* name, const Bytes& bytes, auto decode) {
        auto decoded = decode(ByteView(bytes));
        if (!decoded)
            return QByteArray(name) + ": " + errorText(decoded);
        if (proto::encode(*decoded) != bytes)
            return QByteArray(name) + ": round trip changed the bytes";
        return QByteArray();
    };
    QByteArray failure;
    failure += check("SetProtectionLevel",
                     proto::encode(proto::SetProtectionLevel{marker(0), marker(4), marker(8), marker(12)}),
                     proto::decodeSetProtectionLevel);
    failure += check("SetSignaling", proto::encode(markedSetSignaling()), proto::decodeSetSignaling);
    failure += check("StatusData", proto::encode(markedStatusData()), proto::decodeStatusData);
    failure += check("StatusDisplayData", proto::encode(markedDisplayData()), proto::decodeStatusDisplayData);
    failure += check("StatusHdcpKeyData", proto::encode(markedHdcpKeyData()), proto::decodeStatusHdcpKeyData);
    failure += check("StatusSignaling", proto::encode(markedSignaling()), proto::decodeStatusSignaling);
    QVERIFY2(failure.isEmpty(), failure.constData());

    // A few fields by name, so a symmetric encode/decode swap cannot hide.
    const auto display = proto::decodeStatusDisplayData(proto::encode(markedDisplayData()));
    QVERIFY(display);
    QCOMPARE(display->displayWidth, marker(20));
    QCOMPARE(display->freqDenominator, marker(40));
    const auto hdcp = proto::decodeStatusHdcpKeyData(proto::encode(markedHdcpKeyData()));
    QVERIFY(hdcp);
    QCOMPARE(hdcp->hdcpFlags, marker(20));
    QVERIFY(hdcp->bKey == counting(0xb0));
    const auto signaling = proto::decodeStatusSignaling(proto::encode(markedSignaling()));
    QVERIFY(signaling);
    QCOMPARE(signaling->extendedInfoData[3], marker(84));
    QVERIFY(signaling->random == counting(0xa0));
}

void TestCoppProtocol::payloadDecodersCheckSize()
{
    // coppstructs.h: "Decoders take the payload bytes and fail when fewer than the struct's size."
    struct Decoder {
        const char* name;
        std::size_t size;
        std::function<std::optional<copp::Error>(ByteView)> decode;
    };
    auto wrap = [](auto fn) {
        return [fn](ByteView bytes) -> std::optional<copp::Error> {
            auto r = fn(bytes);
            return r ? std::nullopt : std::optional(r.error());
        };
    };
    const Decoder decoders[] = {
        {"SetProtectionLevel", 16, wrap(proto::decodeSetProtectionLevel)},
        {"SetSignaling", 64, wrap(proto::decodeSetSignaling)},
        {"StatusData", 32, wrap(proto::decodeStatusData)},
        {"StatusDisplayData", 44, wrap(proto::decodeStatusDisplayData)},
        {"StatusHdcpKeyData", 72, wrap(proto::decodeStatusHdcpKeyData)},
        {"StatusSignaling", 88, wrap(proto::decodeStatusSignaling)},
    };
    for (const Decoder& d : decoders) {
        for (std::size_t length : {std::size_t(0), std::size_t(1), d.size - 1}) {
            const Bytes input(length, 0x5a);
            const auto error = d.decode(input);
            const QByteArray what = QByteArray(d.name) + " with " + QByteArray::number(qulonglong(length)) + " bytes";
            QVERIFY2(error, (what + " was accepted").constData());
            QVERIFY2(error->code == copp::Error::Code::Malformed, what.constData());
            QVERIFY2(!error->detail.empty(), what.constData());
        }
        // Exactly the size, and a whole CommandData/COPPStatus area, are fine.
        for (std::size_t length : {d.size, proto::kStatusDataSize}) {
            const Bytes input(length, 0x5a);
            const auto error = d.decode(input);
            QVERIFY2(!error, (QByteArray(d.name) + ": " + QByteArray::fromStdString(error ? error->detail : "")).constData());
        }
    }
}

void TestCoppProtocol::replySizes_data()
{
    QTest::addColumn<int>("request");
    QTest::addColumn<int>("replyBytes");   // §4.2 "reply struct in COPPStatus (cbSizeData)"
    QTest::addColumn<int>("requestBytes"); // §4.2 "StatusData in (cbSizeData)"
    using R = proto::StatusRequest;
    QTest::newRow("ConnectorType") << int(R::ConnectorType) << 32 << 0;
    QTest::newRow("ProtectionType") << int(R::ProtectionType) << 32 << 0;
    QTest::newRow("LocalProtectionLevel") << int(R::LocalLevel) << 32 << 4;
    QTest::newRow("GlobalProtectionLevel") << int(R::GlobalLevel) << 32 << 4;
    QTest::newRow("DisplayData") << int(R::DisplayData) << 44 << 0;
    QTest::newRow("HDCPKeyData") << int(R::HdcpKeyData) << 72 << 0;
    QTest::newRow("BusData") << int(R::BusData) << 32 << 0;
    QTest::newRow("Signaling") << int(R::Signaling) << 88 << 0;
}

void TestCoppProtocol::replySizes()
{
    QFETCH(int, request);
    QFETCH(int, replyBytes);
    QFETCH(int, requestBytes);
    const auto r = static_cast<proto::StatusRequest>(request);
    QCOMPARE(proto::replySize(r), std::size_t(replyBytes));
    QCOMPARE(proto::requestDataSize(r), std::size_t(requestBytes));
}

// ---------------------------------------------------------------- §5 constants

void TestCoppProtocol::acpPrecedence()
{
    // §5.2 "Precedence (low→high): ACP 0 < 1 < 3 < 2".
    using proto::levelPrecedence;
    const auto acp = proto::protection::Acp;
    QVERIFY(levelPrecedence(acp, 0) < levelPrecedence(acp, 1));
    QVERIFY(levelPrecedence(acp, 1) < levelPrecedence(acp, 3));
    QVERIFY(levelPrecedence(acp, 3) < levelPrecedence(acp, 2));
}

void TestCoppProtocol::cgmsaPrecedence()
{
    // §5.2 "CGMS-A OFF < COPY_FREELY < COPY_ONE_GENERATION < COPY_NO_MORE < COPY_NEVER
    // (redistribution flag ignored for ordering)".
    using namespace proto::cgmsa;
    const auto type = proto::protection::Cgmsa;
    const std::uint32_t order[] = {Off, CopyFreely, CopyOneGeneration, CopyNoMore, CopyNever};
    for (std::size_t i = 0; i + 1 < std::size(order); ++i)
        QVERIFY2(proto::levelPrecedence(type, order[i]) < proto::levelPrecedence(type, order[i + 1]),
                 QByteArray::number(order[i]) + " < " + QByteArray::number(order[i + 1]));
    for (std::uint32_t level : order) {
        const std::uint32_t flagged = level | RedistributionControlRequired;
        QCOMPARE(proto::levelPrecedence(type, flagged), proto::levelPrecedence(type, level));
    }
    // The flag does not lift a level over the next one.
    QVERIFY(proto::levelPrecedence(type, CopyNoMore | RedistributionControlRequired)
            < proto::levelPrecedence(type, CopyNever));
}

void TestCoppProtocol::onOffPrecedence()
{
    // "HDCP OFF < ON; DPCP OFF < ON".
    for (std::uint32_t type : {proto::protection::Hdcp, proto::protection::Dpcp, proto::protection::OpmHdcp})
        QVERIFY2(proto::levelPrecedence(type, 0) < proto::levelPrecedence(type, 1), QByteArray::number(type));
}

void TestCoppProtocol::validLevels_data()
{
    QTest::addColumn<uint>("type");
    QTest::addColumn<uint>("level");
    QTest::addColumn<bool>("valid");
    using namespace proto::protection;
    const uint none = proto::kNoProtectionLevelAvailable;
    // §5.2 HDCP/DPCP: Level0/LevelMin = 0, Level1/LevelMax = 1.
    QTest::newRow("HDCP 0") << uint(Hdcp) << 0u << true;
    QTest::newRow("HDCP 1") << uint(Hdcp) << 1u << true;
    QTest::newRow("HDCP 2") << uint(Hdcp) << 2u << false;
    QTest::newRow("OPM HDCP 1") << uint(OpmHdcp) << 1u << true;
    QTest::newRow("OPM HDCP 2") << uint(OpmHdcp) << 2u << false;
    QTest::newRow("DPCP 1") << uint(Dpcp) << 1u << true;
    QTest::newRow("DPCP 2") << uint(Dpcp) << 2u << false;
    // ACP Level0..3.
    QTest::newRow("ACP 0") << uint(Acp) << 0u << true;
    QTest::newRow("ACP 3") << uint(Acp) << 3u << true;
    QTest::newRow("ACP 4") << uint(Acp) << 4u << false;
    // CGMS-A 0..4, optionally | RedistributionControlRequired (0x08); LevelMax = 0x0C.
    QTest::newRow("CGMS-A Off") << uint(Cgmsa) << 0u << true;
    QTest::newRow("CGMS-A CopyNever") << uint(Cgmsa) << 4u << true;
    QTest::newRow("CGMS-A 5") << uint(Cgmsa) << 5u << false;
    QTest::newRow("CGMS-A 7") << uint(Cgmsa) << 7u << false;
    QTest::newRow("CGMS-A Off|redist") << uint(Cgmsa) << 0x08u << true;
    QTest::newRow("CGMS-A CopyOneGeneration|redist") << uint(Cgmsa) << 0x0Bu << true;
    QTest::newRow("CGMS-A CopyNever|redist (LevelMax)") << uint(Cgmsa) << 0x0Cu << true;
    QTest::newRow("CGMS-A 0x0D") << uint(Cgmsa) << 0x0Du << false;
    QTest::newRow("CGMS-A 0x10") << uint(Cgmsa) << 0x10u << false;
    // COPP_NoProtectionLevelAvailable is a reply value, never a level to set.
    QTest::newRow("HDCP -1") << uint(Hdcp) << none << false;
    QTest::newRow("ACP -1") << uint(Acp) << none << false;
    QTest::newRow("CGMS-A -1") << uint(Cgmsa) << none << false;
    // Not a protection type.
    QTest::newRow("type 0x40") << 0x40u << 0u << false;
    QTest::newRow("HDCP|ACP") << uint(Hdcp | Acp) << 0u << false;
}

void TestCoppProtocol::validLevels()
{
    QFETCH(uint, type);
    QFETCH(uint, level);
    QFETCH(bool, valid);
    QCOMPARE(proto::isValidLevel(type, level), valid);
}

void TestCoppProtocol::hresultFromText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("parses");
    QTest::addColumn<uint>("value");
    // Names (case-insensitive) from §10.
    QTest::newRow("S_OK") << QByteArray("S_OK") << true << 0u;
    QTest::newRow("E_UNEXPECTED") << QByteArray("E_UNEXPECTED") << true << 0x8000FFFFu;
    QTest::newRow("e_invalidarg (lower case)") << QByteArray("e_invalidarg") << true << 0x80070057u;
    QTest::newRow("DDERR_TOOBIGSIZE") << QByteArray("DDERR_TOOBIGSIZE") << true << 0x887601E0u;
    QTest::newRow("VFW_E_NO_COPP_HW") << QByteArray("VFW_E_NO_COPP_HW") << true << 0x8004029Bu;
    QTest::newRow("OPM invalid encrypted parameters")
        << QByteArray("ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS") << true << 0xC0262503u;
    // Hexadecimal and decimal.
    QTest::newRow("0x80070057") << QByteArray("0x80070057") << true << 0x80070057u;
    QTest::newRow("0X8000ffff") << QByteArray("0X8000ffff") << true << 0x8000FFFFu;
    QTest::newRow("0x0") << QByteArray("0x0") << true << 0u;
    QTest::newRow("decimal 0") << QByteArray("0") << true << 0u;
    QTest::newRow("decimal E_INVALIDARG") << QByteArray("2147942487") << true << 0x80070057u;
    QTest::newRow("decimal max") << QByteArray("4294967295") << true << 0xFFFFFFFFu;
    QTest::newRow("0xffffffff") << QByteArray("0xffffffff") << true << 0xFFFFFFFFu;
    // Garbage.
    QTest::newRow("empty") << QByteArray("") << false << 0u;
    QTest::newRow("0x alone") << QByteArray("0x") << false << 0u;
    QTest::newRow("unknown name") << QByteArray("E_BOGUS") << false << 0u;
    QTest::newRow("name with trailing space") << QByteArray("E_UNEXPECTED ") << false << 0u;
    QTest::newRow("words") << QByteArray("xyz") << false << 0u;
    QTest::newRow("bad hex digit") << QByteArray("0x8007005G") << false << 0u;
    QTest::newRow("decimal with junk") << QByteArray("12abc") << false << 0u;
    QTest::newRow("hex without 0x") << QByteArray("8000FFFF") << false << 0u;
    QTest::newRow("negative") << QByteArray("-1") << false << 0u;
    QTest::newRow("plus sign") << QByteArray("+5") << false << 0u;
    QTest::newRow("leading space") << QByteArray(" 5") << false << 0u;
    QTest::newRow("decimal overflow") << QByteArray("4294967296") << false << 0u;
    QTest::newRow("hex overflow") << QByteArray("0x100000000") << false << 0u;
    QTest::newRow("double prefix") << QByteArray("0x0x5") << false << 0u;
}

void TestCoppProtocol::hresultFromText()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, parses);
    QFETCH(uint, value);
    const auto hr = proto::hresultFromText(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QCOMPARE(hr.has_value(), parses);
    if (parses)
        QCOMPARE(*hr, std::uint32_t(value));
}

void TestCoppProtocol::hresultNamesRoundTrip()
{
    using namespace proto::hr;
    const std::uint32_t all[] = {Ok,       Unexpected, InvalidArg,           Pointer,
                                 Fail,     NotImpl,    AccessDenied,         TooBigSize,
                                 NoCoppHw, NoMonitorsCorrespond, OpmInvalidEncryptedParameters, OpmOutputNoLongerExists};
    for (std::uint32_t value : all) {
        const char* name = proto::hresultName(value);
        QVERIFY2(name, QByteArray::number(value, 16).constData());
        QCOMPARE(proto::hresultFromText(name), std::optional(value));
    }
    QVERIFY(!proto::hresultName(0x12345678));
}

// ---------------------------------------------------------------- §2 / §7.1

void TestCoppProtocol::sessionSecretsLayout()
{
    // §2: random@0 (16) | K@16 (16) | status seq u32 LE @32 | command seq u32 LE @36.
    const SessionSecrets s = sampleSecrets();
    const Bytes b = encoded(s);
    QCOMPARE(b.size(), std::size_t(40));
    QCOMPARE(hexOf(b), hexOf(hex("101112131415161718191a1b1c1d1e1f"
                                 "202122232425262728292a2b2c2d2e2f"
                                 "04030201"
                                 "d0c0b0a0")));
}

void TestCoppProtocol::sessionSecretsDecode()
{
    const SessionSecrets s = sampleSecrets();
    Bytes b = encoded(s);

    auto exact = SessionSecrets::decode(b);
    QVERIFY2(exact, errorText(exact).constData());
    QCOMPARE(hexOf(encoded(*exact)), hexOf(b));
    QVERIFY(exact->driverRandom == s.driverRandom);
    QVERIFY(exact->key == s.key);
    QCOMPARE(exact->statusSequence, 0x01020304u);
    QCOMPARE(exact->commandSequence, 0xA0B0C0D0u);

    // "only the first 40 are meaningful, anything beyond must be ignored"
    Bytes longer = b;
    longer.resize(256, 0xee);
    auto fromLonger = SessionSecrets::decode(longer);
    QVERIFY2(fromLonger, errorText(fromLonger).constData());
    QCOMPARE(hexOf(encoded(*fromLonger)), hexOf(b));
    longer.resize(41);
    QVERIFY(SessionSecrets::decode(longer));

    // "Driver-side decryption must yield at least 40 bytes"
    for (std::size_t length : {std::size_t(0), std::size_t(16), std::size_t(39)}) {
        const auto shortResult = SessionSecrets::decode(ByteView(b).first(length));
        QVERIFY2(!shortResult, QByteArray::number(qulonglong(length)).constData());
        QCOMPARE(shortResult.error().code, copp::Error::Code::Malformed);
    }
}

void TestCoppProtocol::coppSignatureRoundTrip()
{
    const SessionSecrets s = sampleSecrets();
    const auto signature = proto::buildCoppSignature(m_leafKey->publicKey(), s);
    QVERIFY2(signature, errorText(signature).constData());
    const auto opened = proto::openCoppSignature(*m_leafKey, *signature);
    QVERIFY2(opened, errorText(opened).constData());
    QCOMPARE(hexOf(encoded(*opened)), hexOf(encoded(s)));

    // Extreme sequence numbers survive too (u32, little-endian).
    SessionSecrets edge = s;
    edge.statusSequence = 0xFFFFFFFF;
    edge.commandSequence = 0;
    const auto edgeSignature = proto::buildCoppSignature(m_leafKey->publicKey(), edge);
    QVERIFY2(edgeSignature, errorText(edgeSignature).constData());
    const auto edgeOpened = proto::openCoppSignature(*m_leafKey, *edgeSignature);
    QVERIFY2(edgeOpened, errorText(edgeOpened).constData());
    QCOMPARE(edgeOpened->statusSequence, 0xFFFFFFFFu);
    QCOMPARE(edgeOpened->commandSequence, 0u);
}

void TestCoppProtocol::coppSignatureByteOrder()
{
    // §7.1: M = reverse(S); C_be = RSAES-PKCS1-v1_5(n, e, M); AMCOPPSignature = reverse(C_be).
    // Undo it with raw RSA (no kernel padding code): EM = reverse(sig)^d mod n must be
    // 00 02 PS(213 nonzero bytes) 00 reverse(S).
    const SessionSecrets s = sampleSecrets();
    const Bytes plain = encoded(s);
    const auto signature = proto::buildCoppSignature(m_leafKey->publicKey(), s);
    QVERIFY2(signature, errorText(signature).constData());

    const Bytes em = rawRsaDecrypt(*m_leafKey, reversed(*signature));
    QCOMPARE(em.size(), std::size_t(256));
    QCOMPARE(em[0], std::uint8_t(0x00));
    QCOMPARE(em[1], std::uint8_t(0x02));
    const std::size_t separator = 256 - 40 - 1;
    QVERIFY2(std::all_of(em.begin() + 2, em.begin() + separator, [](std::uint8_t x) { return x != 0; }),
             "PS must be nonzero up to the separator");
    QCOMPARE(em[separator], std::uint8_t(0x00));
    QCOMPARE(hexOf(ByteView(em).subspan(separator + 1)), hexOf(reversed(plain)));
    // M[0] = S[39] = high byte of the command sequence number.
    QCOMPARE(em[separator + 1], std::uint8_t(0xA0));

    // The "little-endian driver view": bytes 0..39 are S in natural order, then 00, ..., 02 00.
    const Bytes littleEndian = reversed(em);
    QCOMPARE(hexOf(ByteView(littleEndian).first(40)), hexOf(plain));
    QCOMPARE(littleEndian[40], std::uint8_t(0x00));
    QCOMPARE(littleEndian[254], std::uint8_t(0x02));
    QCOMPARE(littleEndian[255], std::uint8_t(0x00));

    // The same through the kernel's PKCS#1 decoder.
    const auto m = m_leafKey->decryptPkcs1v15(reversed(*signature));
    QVERIFY2(m, errorText(m).constData());
    QCOMPARE(hexOf(*m), hexOf(reversed(plain)));

    // Not reversing the signature does not give S back.
    const auto unreversed = m_leafKey->decryptPkcs1v15(ByteView(*signature));
    QVERIFY(!unreversed || hexOf(*unreversed) != hexOf(reversed(plain)));
}

void TestCoppProtocol::coppSignatureRandomPadding()
{
    // §7.1 step 3: "standard PKCS#1 v1.5, 256-byte output, random PS".
    const SessionSecrets s = sampleSecrets();
    const auto first = proto::buildCoppSignature(m_leafKey->publicKey(), s);
    const auto second = proto::buildCoppSignature(m_leafKey->publicKey(), s);
    QVERIFY2(first && second, (errorText(first) + errorText(second)).constData());
    QVERIFY2(*first != *second, "two session starts with the same S produced the same signature");
    for (const auto* sig : {&*first, &*second}) {
        const auto opened = proto::openCoppSignature(*m_leafKey, *sig);
        QVERIFY2(opened, errorText(opened).constData());
        QCOMPARE(hexOf(encoded(*opened)), hexOf(encoded(s)));
    }
}

void TestCoppProtocol::coppSignatureNeeds2048BitKey()
{
    // §3.1: AMCOPPSignature is 256 bytes, so the leaf key must be 2048 bits.
    const auto small = RsaPrivateKey::generate(1024);
    QVERIFY2(small, errorText(small).constData());
    const auto signature = proto::buildCoppSignature(small->publicKey(), sampleSecrets());
    QVERIFY(!signature);
    QCOMPARE(signature.error().code, copp::Error::Code::Crypto);

    // And a 1024-bit private key cannot open a 256-byte signature.
    const auto good = proto::buildCoppSignature(m_leafKey->publicKey(), sampleSecrets());
    QVERIFY2(good, errorText(good).constData());
    QVERIFY(!proto::openCoppSignature(*small, *good));
}

void TestCoppProtocol::coppSignatureTampered_data()
{
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("mask");
    // Position 0 is the least significant byte of c, 255 the most significant.
    for (int position : {0, 1, 40, 128, 215, 254, 255})
        QTest::addRow("byte %d ^ 0x01", position) << position << 0x01;
    QTest::newRow("byte 255 ^ 0xff") << 255 << 0xff;
    QTest::newRow("byte 100 ^ 0x80") << 100 << 0x80;
}

void TestCoppProtocol::coppSignatureTampered()
{
    QFETCH(int, position);
    QFETCH(int, mask);
    const SessionSecrets s = sampleSecrets();
    const auto signature = proto::buildCoppSignature(m_leafKey->publicKey(), s);
    QVERIFY2(signature, errorText(signature).constData());
    proto::Signature256 tampered = *signature;
    tampered[static_cast<std::size_t>(position)] ^= static_cast<std::uint8_t>(mask);
    // Fails, or at least never yields the original secrets (and never throws).
    const auto opened = proto::openCoppSignature(*m_leafKey, tampered);
    QVERIFY2(!opened || hexOf(encoded(*opened)) != hexOf(encoded(s)), "a tampered signature opened to S");
}

void TestCoppProtocol::coppSignatureLongMessage()
{
    // §12 Q1 / §7.1 robustness: an app that reversed a zero-padded 245-byte array sends
    // M = zeros(205) | reverse(S); "|M| ≥ 40, S = first 40 bytes of reverse(M)".
    const SessionSecrets s = sampleSecrets();
    Bytes m(205, 0x00);
    const Bytes r = reversed(encoded(s));
    m.insert(m.end(), r.begin(), r.end());
    QCOMPARE(m.size(), std::size_t(245)); // the longest PKCS#1 v1.5 message for k = 256
    const auto signature = signatureForMessage(m_leafKey->publicKey(), m);
    QVERIFY(signature);
    const auto opened = proto::openCoppSignature(*m_leafKey, *signature);
    QVERIFY2(opened, errorText(opened).constData());
    QCOMPARE(hexOf(encoded(*opened)), hexOf(encoded(s)));

    // 41 bytes (one extra leading byte of M = one extra trailing byte of reverse(M)) too.
    Bytes m41 = r;
    m41.insert(m41.begin(), 0x77);
    const auto signature41 = signatureForMessage(m_leafKey->publicKey(), m41);
    QVERIFY(signature41);
    const auto opened41 = proto::openCoppSignature(*m_leafKey, *signature41);
    QVERIFY2(opened41, errorText(opened41).constData());
    QCOMPARE(hexOf(encoded(*opened41)), hexOf(encoded(s)));
}

void TestCoppProtocol::coppSignatureShortMessage()
{
    // §2: "Driver-side decryption must yield at least 40 bytes".
    const Bytes r = reversed(encoded(sampleSecrets()));
    for (std::size_t length : {std::size_t(0), std::size_t(39)}) {
        const auto signature = signatureForMessage(m_leafKey->publicKey(), ByteView(r).last(length));
        QVERIFY(signature);
        const auto opened = proto::openCoppSignature(*m_leafKey, *signature);
        QVERIFY2(!opened, QByteArray::number(qulonglong(length)).constData());
    }
}

// ---------------------------------------------------------------- Wycheproof RSAES-PKCS1-v1_5

void TestCoppProtocol::wycheproofPkcs1Decrypt()
{
    // The driver side of §7.1 is RSAES-PKCS1-v1_5 decryption; each Wycheproof group
    // carries its private key as "privateKeyPkcs8" (DER, hex).
    const VectorFile file = vectorFile("wycheproof/rsa_pkcs1_2048_test.json");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    QByteArray error;
    const auto root = readJson(file.path, error);
    QVERIFY2(root, error.constData());

    int groups = 0, valid = 0, invalid = 0;
    for (const QJsonValue groupValue : root->value(u"testGroups").toArray()) {
        const QJsonObject group = groupValue.toObject();
        const auto der = parseHex(group.value(u"privateKeyPkcs8").toString());
        QVERIFY2(der && !der->empty(), "a group without privateKeyPkcs8");
        const auto key = RsaPrivateKey::fromPkcs8(*der);
        QVERIFY2(key, errorText(key).constData());
        QCOMPARE(key->modulusBits(), std::size_t(group.value(u"keySize").toInt()));
        ++groups;
        for (const QJsonValue testValue : group.value(u"tests").toArray()) {
            const QJsonObject test = testValue.toObject();
            const QByteArray row = rowName(test);
            const auto ct = parseHex(test.value(u"ct").toString());
            const auto msg = parseHex(test.value(u"msg").toString());
            QVERIFY2(ct && msg, ("bad hex in " + row).constData());
            const auto decrypted = key->decryptPkcs1v15(*ct);
            const QString result = test.value(u"result").toString();
            if (result == u"valid") {
                QVERIFY2(decrypted, (row + ": " + errorText(decrypted)).constData());
                QVERIFY2(hexOf(*decrypted) == hexOf(*msg), (row + ": got " + hexOf(*decrypted)).constData());
                ++valid;
            } else if (result == u"invalid") {
                // (QVERIFY2 builds its message even when the check passes.)
                const QByteArray accepted = decrypted ? hexOf(*decrypted) : QByteArray();
                QVERIFY2(!decrypted, (row + ": accepted, message '" + accepted + "'").constData());
                ++invalid;
            } else {
                QFAIL(("unexpected result kind in " + row).constData());
            }
        }
    }
    qInfo("RSAES-PKCS1-v1_5 2048: %d groups, %d valid and %d invalid rows checked", groups, valid, invalid);
    QVERIFY(groups > 0);
    QCOMPARE(valid + invalid, root->value(u"numberOfTests").toInt());
    QCOMPARE(valid, 42); // INDEX.md: "67 (42 / 25)"
    QCOMPARE(invalid, 25);
}

QTEST_GUILESS_MAIN(TestCoppProtocol)
#include "tst_coppprotocol.moc"
