// SPDX-License-Identifier: BSD-3-Clause
// The driver emulator on its own, driven byte for byte like a real client would:
// the COPP state machine and its HRESULTs (docs/protocol.md §1.4, §4.4), sequence
// numbers (§2), status replies (§4.2, §6.1, §7.2), commands (§7.3), several
// sessions on one output with reference counts and precedence (§5.2), link
// events reported once per session, faults, hot-plug.
#include <support/testsupport.h>

#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/sessionstart.h>

#include <QtTest>

#include <algorithm>
#include <bit>
#include <future>
#include <memory>
#include <thread>

using namespace copp;
using namespace copp::protocol;
using device::CoppEmulator;
using device::EmulatedOutput;
using device::OutputProfile;

namespace {

constexpr std::uint32_t kFailed = 0xDEADDEADu; // what the value helpers return when a query failed

// "S_OK", "E_INVALIDARG", "0x…" or the error code: readable when a QCOMPARE fails.
QString named(std::uint32_t hresult)
{
    if (const char* name = hresultName(hresult))
        return QString::fromLatin1(name);
    return QStringLiteral("0x%1").arg(hresult, 8, 16, QLatin1Char('0'));
}

template <typename T>
QString outcome(const Result<T>& r)
{
    if (r.ok())
        return named(hr::Ok);
    if (r.error().code == Error::Code::Timeout)
        return QStringLiteral("Timeout");
    if (r.error().code != Error::Code::Device)
        return QStringLiteral("non-device error %1").arg(int(r.error().code));
    return named(r.error().hresult);
}

template <typename T>
QByteArray why(const Result<T>& r)
{
    return r.ok() ? QByteArray() : QByteArray::fromStdString(r.error().detail);
}

#define QVERIFY_OK(call)                                                                                              \
    do {                                                                                                              \
        const auto result_ = (call);                                                                                  \
        QVERIFY2(result_.ok(), why(result_).constData());                                                             \
    } while (false)

const std::shared_ptr<const device::EmulatorMaterial>& material()
{
    static const auto m = std::make_shared<const device::EmulatorMaterial>(
        device::EmulatorMaterial::create(tests::testPki(), {}));
    return m;
}

const crypto::RsaPublicKey& leafPublicKey()
{
    static const crypto::RsaPublicKey key = tests::testPki().keys().leaf.publicKey();
    return key;
}

// The §7.1 session-start block for these secrets.
Signature256 signatureFor(const Bytes16& driverRandom, const crypto::AesKey& key, std::uint32_t statusStart,
                          std::uint32_t commandStart)
{
    return buildCoppSignature(leafPublicKey(), SessionSecrets{driverRandom, key, statusStart, commandStart}).value();
}

// The 4076 COPPStatus bytes of a reply (offset 20).
ByteView statusBytes(const Block4096& reply)
{
    return ByteView(reply.data() + 20, kStatusDataSize);
}

StatusData statusData(const Block4096& reply)
{
    return decodeStatusData(statusBytes(reply)).value();
}

// One client session on an emulated output: the application side of §7.1-§7.3.
// Tracks the sequence numbers as a client must: advanced only when a call succeeds.
struct Client {
    std::unique_ptr<CoppEmulator> device;
    crypto::DeterministicRandom random;
    crypto::AesKey key{};
    std::uint32_t statusSeq = 0;
    std::uint32_t commandSeq = 0;

    explicit Client(std::shared_ptr<EmulatedOutput> output, std::vector<device::Fault> faults = {},
                    std::uint64_t seed = 1)
        : device(std::make_unique<CoppEmulator>(std::move(output), material(), std::move(faults))), random(seed)
    {
        random.fill(key);
    }

    // §1.4/§7.1: KeyExchange, then SessionSequenceStart with these starting numbers.
    Result<void> open(std::uint32_t statusStart = 0x100, std::uint32_t commandStart = 0x200)
    {
        const auto exchanged = device->keyExchange();
        if (!exchanged)
            return exchanged.error();
        auto started = device->sessionSequenceStart(signatureFor(exchanged->driverRandom, key, statusStart, commandStart));
        if (started) {
            statusSeq = statusStart;
            commandSeq = commandStart;
        }
        return started;
    }

    // §7.2 step 1: a fresh rApp, the request's GUID, the current sequence, cbSizeData 0 or 4.
    CoppStatusInput statusInput(StatusRequest request, std::uint32_t type = 0)
    {
        CoppStatusInput in;
        random.fill(in.random);
        in.requestId = statusRequestGuid(request);
        in.sequence = statusSeq;
        in.dataSize = static_cast<std::uint32_t>(requestDataSize(request));
        if (in.dataSize == 4)
            putU32(in.data.data(), type);
        return in;
    }

    Result<Block4096> sendStatus(const CoppStatusInput& in)
    {
        auto reply = device->protectionStatus(encode(in));
        if (reply)
            ++statusSeq;
        return reply;
    }

    Result<Block4096> status(StatusRequest request, std::uint32_t type = 0)
    {
        return sendStatus(statusInput(request, type));
    }

    // Everything §6.1/§7.2 demand of an accepted reply; empty when it holds.
    std::string replyProblems(const Block4096& reply, const CoppStatusInput& in, std::size_t expectedSize) const
    {
        const crypto::Omac mac = crypto::omac1(key, ByteView(reply.data() + 16, kBlockSize - 16));
        if (!std::equal(mac.begin(), mac.end(), reply.begin()))
            return "the MAC does not verify over bytes 16..4095";
        const CoppStatusOutput out = decodeStatusOutput(reply);
        if (out.dataSize != expectedSize)
            return "cbSizeData " + std::to_string(out.dataSize) + ", expected " + std::to_string(expectedSize);
        if (expectedSize >= 16 && !std::equal(in.random.begin(), in.random.end(), out.status.begin()))
            return "rApp is not echoed";
        for (std::size_t i = 20 + expectedSize; i < kBlockSize; ++i)
            if (reply[i] != 0)
                return "byte " + std::to_string(i) + " after the reply struct is not zero";
        return {};
    }

    // dwData of a 32-byte reply that passed every check, else kFailed.
    std::uint32_t value(StatusRequest request, std::uint32_t type = 0)
    {
        const auto in = statusInput(request, type);
        const auto reply = sendStatus(in);
        if (!reply || !replyProblems(*reply, in, StatusData::kSize).empty())
            return kFailed;
        return statusData(*reply).data;
    }

    // dwFlags of the next (connector type) reply, else kFailed.
    std::uint32_t flags()
    {
        const auto in = statusInput(StatusRequest::ConnectorType);
        const auto reply = sendStatus(in);
        if (!reply || !replyProblems(*reply, in, StatusData::kSize).empty())
            return kFailed;
        return statusData(*reply).flags;
    }

    // §7.3 step 1: SetProtectionLevel at the current command sequence, unsigned.
    CoppCommand levelCommand(std::uint32_t type, std::uint32_t level) const
    {
        CoppCommand c;
        c.commandId = guids::SetProtectionLevel;
        c.sequence = commandSeq;
        const Bytes payload = encode(SetProtectionLevel{type, level, 0, 0});
        c.dataSize = static_cast<std::uint32_t>(payload.size());
        std::copy(payload.begin(), payload.end(), c.data.begin());
        return c;
    }

    // §7.3 step 2: macKDI = OMAC(K, bytes 16..4095).
    Block4096 sign(const CoppCommand& command) const
    {
        Block4096 block = encode(command);
        signBlock(key, block);
        return block;
    }

    Result<void> sendCommand(const Block4096& block)
    {
        auto r = device->protectionCommand(block);
        if (r)
            ++commandSeq;
        return r;
    }

    Result<void> command(std::uint32_t type, std::uint32_t level) { return sendCommand(sign(levelCommand(type, level))); }
};

// One output on a clock the test moves, and the sessions opened on it.
struct Rig {
    std::int64_t nowMs = 1000;
    std::shared_ptr<EmulatedOutput> output;

    explicit Rig(OutputProfile profile = {})
        : output(std::make_shared<EmulatedOutput>(profile, [this] { return nowMs; }))
    {
    }
    Rig(const Rig&) = delete; // the clock captures `this`
    Rig& operator=(const Rig&) = delete;

    std::unique_ptr<Client> client(std::vector<device::Fault> faults = {})
    {
        return std::make_unique<Client>(output, std::move(faults), ++m_seed);
    }

private:
    std::uint64_t m_seed = 0;
};

std::vector<device::Fault> faults(std::initializer_list<const char*> texts)
{
    std::vector<device::Fault> out;
    for (const char* text : texts)
        out.push_back(device::parseFault(text).value());
    return out;
}

OutputProfile sVideo()
{
    return OutputProfile::forConnector(connector::SVideo); // ACP + CGMS-A
}

} // namespace

class TestCoppEmulator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(!material()->chain.isEmpty()); // makes the keys and chain once, outside the timed tests
    }

    // ---- §1.4 state machine --------------------------------------------------------------------------------

    void statusAndCommandBeforeSessionStartAreUnexpected()
    {
        Rig rig;
        auto c = rig.client();
        // COPP_OPENED
        QCOMPARE(outcome(c->status(StatusRequest::ConnectorType)), named(hr::Unexpected));
        QCOMPARE(outcome(c->command(protection::Hdcp, 1)), named(hr::Unexpected));
        // COPP_KEY_EXCHANGED
        QVERIFY_OK(c->device->keyExchange());
        QCOMPARE(outcome(c->status(StatusRequest::ConnectorType)), named(hr::Unexpected));
        QCOMPARE(outcome(c->command(protection::Hdcp, 1)), named(hr::Unexpected));
    }

    void sequenceStartBeforeKeyExchangeIsUnexpected()
    {
        Rig rig;
        auto c = rig.client();
        Bytes16 someRandom{};
        someRandom.fill(0x42);
        QCOMPARE(outcome(c->device->sessionSequenceStart(signatureFor(someRandom, c->key, 0, 0))),
                 named(hr::Unexpected));
        // Still COPP_OPENED: the normal order works.
        QVERIFY_OK(c->open());
    }

    void secondKeyExchangeIsUnexpected()
    {
        Rig rig;
        auto c = rig.client();
        const auto first = c->device->keyExchange();
        QVERIFY_OK(first);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(first->certificateChain.data()),
                            qsizetype(first->certificateChain.size())),
                 material()->chain);
        QCOMPARE(outcome(c->device->keyExchange()), named(hr::Unexpected));
        // The failed call issued no new random: the first one still starts the session.
        QVERIFY_OK(c->device->sessionSequenceStart(signatureFor(first->driverRandom, c->key, 7, 9)));
        QCOMPARE(outcome(c->device->keyExchange()), named(hr::Unexpected)); // also once active
    }

    void secondSequenceStartIsUnexpected()
    {
        Rig rig;
        auto c = rig.client();
        const auto exchanged = c->device->keyExchange();
        QVERIFY_OK(exchanged);
        QVERIFY_OK(c->device->sessionSequenceStart(signatureFor(exchanged->driverRandom, c->key, 10, 20)));
        c->statusSeq = 10;
        c->commandSeq = 20;
        // Even a well-formed block with another key and other numbers is refused...
        crypto::AesKey otherKey{};
        otherKey.fill(0x77);
        QCOMPARE(outcome(c->device->sessionSequenceStart(signatureFor(exchanged->driverRandom, otherKey, 99, 99))),
                 named(hr::Unexpected));
        // ...and changed nothing: the first key and numbers are still in force.
        QVERIFY_OK(c->command(protection::Hdcp, 1));
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
    }

    void signatureWithAnotherRandomIsUnexpected()
    {
        Rig rig;
        auto c = rig.client();
        const auto exchanged = c->device->keyExchange();
        QVERIFY_OK(exchanged);
        Bytes16 wrong = exchanged->driverRandom;
        wrong[15] ^= 0x01;
        // §7.1: S[0..16) must equal the issued random (XP: E_UNEXPECTED).
        QCOMPARE(outcome(c->device->sessionSequenceStart(signatureFor(wrong, c->key, 0, 0))), named(hr::Unexpected));
        QCOMPARE(outcome(c->status(StatusRequest::ConnectorType)), named(hr::Unexpected)); // not active
        QVERIFY_OK(c->device->sessionSequenceStart(signatureFor(exchanged->driverRandom, c->key, 0, 0)));
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
    }

    void garbageSignatureIsUnexpectedAndChangesNothing()
    {
        Rig rig;
        auto c = rig.client();
        const auto exchanged = c->device->keyExchange();
        QVERIFY_OK(exchanged);
        Signature256 garbage{};
        crypto::DeterministicRandom(0xC0FFEE).fill(garbage);
        QCOMPARE(outcome(c->device->sessionSequenceStart(garbage)), named(hr::Unexpected));
        Signature256 zeros{};
        QCOMPARE(outcome(c->device->sessionSequenceStart(zeros)), named(hr::Unexpected));
        // Still COPP_KEY_EXCHANGED with the same random: a correct block starts the session.
        QVERIFY_OK(c->device->sessionSequenceStart(signatureFor(exchanged->driverRandom, c->key, 5, 6)));
        c->statusSeq = 5;
        c->commandSeq = 6;
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
        QVERIFY_OK(c->command(protection::Hdcp, 1));
    }

    void sessionStartBlockNeedsAtLeast40Bytes()
    {
        // §2/§7.1: the decrypted message must hold at least 40 bytes; S = the first 40
        // of reverse(M), anything beyond is ignored.
        Rig rig;
        auto c = rig.client();
        const auto exchanged = c->device->keyExchange();
        QVERIFY_OK(exchanged);
        const auto s = SessionSecrets{exchanged->driverRandom, c->key, 3, 4}.encode();
        const Bytes m(s.rbegin(), s.rend()); // M = reverse(S)
        auto signatureOf = [](const Bytes& message) {
            const Bytes cipher = crypto::encryptPkcs1v15(leafPublicKey(), message).value();
            Signature256 sig{};
            std::reverse_copy(cipher.begin(), cipher.end(), sig.begin());
            return sig;
        };
        QCOMPARE(outcome(c->device->sessionSequenceStart(signatureOf(Bytes(m.begin() + 1, m.end())))),
                 named(hr::Unexpected)); // 39 bytes
        Signature256 ones{};
        ones.fill(0xFF); // not below the modulus
        QCOMPARE(outcome(c->device->sessionSequenceStart(ones)), named(hr::Unexpected));
        // The doc's "reverse the whole zero-padded array" variant: zeros(205) | reverse(S).
        Bytes padded(205, 0);
        padded.insert(padded.end(), m.begin(), m.end());
        QVERIFY_OK(c->device->sessionSequenceStart(signatureOf(padded)));
        c->statusSeq = 3;
        c->commandSeq = 4;
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
        QVERIFY_OK(c->command(protection::Hdcp, 1));
    }

    void newSessionStartsAtLevelZero()
    {
        // §1.4/§5.2: a new session's local levels are 0.
        Rig rig(sVideo());
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Acp), 0u);
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Cgmsa), 0u);
        QCOMPARE(c->value(StatusRequest::GlobalLevel, protection::Acp), 0u);
    }

    // ---- §4.4 / §7.3 commands ------------------------------------------------------------------------------

    void commandWithWrongSequenceIsInvalidArgAndDoesNotAdvance()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(0, 1000));
        for (std::uint32_t wrong : {999u, 1001u, 0u}) {
            CoppCommand cmd = c->levelCommand(protection::Hdcp, 1);
            cmd.sequence = wrong;
            QCOMPARE(outcome(c->sendCommand(c->sign(cmd))), named(hr::InvalidArg));
        }
        QCOMPARE(c->commandSeq, 1000u);
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // 1000 is still expected
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
    }

    void successAdvancesTheCommandSequenceByOne()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(0, 1000));
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // 1000
        QCOMPARE(c->commandSeq, 1001u);
        for (std::uint32_t wrong : {1000u, 1002u}) {
            CoppCommand cmd = c->levelCommand(protection::Hdcp, 0);
            cmd.sequence = wrong;
            QCOMPARE(outcome(c->sendCommand(c->sign(cmd))), named(hr::InvalidArg));
        }
        QVERIFY_OK(c->command(protection::Hdcp, 0)); // 1001
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // 1002
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
    }

    void commandSequenceWrapsAround()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(0, 0xFFFFFFFFu));
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // 0xFFFFFFFF
        QCOMPARE(c->commandSeq, 0u);
        QVERIFY_OK(c->command(protection::Hdcp, 0)); // 0 (u32 wrap, §2)
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // 1
    }

    void unknownCommandIsInvalidArg_data()
    {
        QTest::addColumn<QString>("guid");
        QTest::newRow("made up") << "{01234567-89ab-cdef-0123-456789abcdef}";
        QTest::newRow("a status request") << QString::fromStdString(guids::QueryConnectorType.toString());
        QTest::newRow("OPM only (SetHdcpSrm)") << QString::fromStdString(guids::SetHdcpSrm.toString());
        QTest::newRow("OPM CSS DVD") << QString::fromStdString(guids::SetProtectionLevelCssDvd.toString());
    }

    void unknownCommandIsInvalidArg()
    {
        QFETCH(QString, guid);
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        CoppCommand cmd = c->levelCommand(protection::Hdcp, 1);
        cmd.commandId = Guid::parse(guid.toStdString()).value();
        QCOMPARE(outcome(c->sendCommand(c->sign(cmd))), named(hr::InvalidArg));
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // sequence unchanged
    }

    void commandDataSizeIsChecked_data()
    {
        QTest::addColumn<bool>("signaling");
        QTest::addColumn<quint32>("size");
        QTest::newRow("SetProtectionLevel 0") << false << 0u;
        QTest::newRow("SetProtectionLevel 15") << false << 15u;
        QTest::newRow("SetSignaling 16") << true << 16u;
        QTest::newRow("SetSignaling 63") << true << 63u;
        QTest::newRow("beyond CommandData") << false << quint32(kCommandDataSize + 1);
        QTest::newRow("huge") << false << 0xFFFFFFFFu;
    }

    void commandDataSizeIsChecked()
    {
        QFETCH(bool, signaling);
        QFETCH(quint32, size);
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        CoppCommand cmd = c->levelCommand(protection::Hdcp, 1);
        if (signaling)
            cmd.commandId = guids::SetSignaling;
        cmd.dataSize = size;
        // §4.4: cbSizeData < sizeof(payload) -> E_INVALIDARG (and more than CommandData holds).
        QCOMPARE(outcome(c->sendCommand(c->sign(cmd))), named(hr::InvalidArg));
        QVERIFY_OK(c->command(protection::Hdcp, 1));
    }

    void largerCommandDataSizeIsAccepted()
    {
        // Only "cbSizeData < sizeof(payload)" is an error (§4.4).
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        CoppCommand cmd = c->levelCommand(protection::Hdcp, 1);
        cmd.dataSize = 64;
        QVERIFY_OK(c->sendCommand(c->sign(cmd)));
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
    }

    void badCommandMacIsUnexpected_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("in the MAC") << 0;
        QTest::newRow("payload level") << 44;
        QTest::newRow("unused zero byte 4000") << 4000; // §6.1: all of 16..4095 is MACed
        QTest::newRow("last byte") << 4095;
    }

    void badCommandMacIsUnexpected()
    {
        QFETCH(int, offset);
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        Block4096 block = c->sign(c->levelCommand(protection::Hdcp, 1));
        block[std::size_t(offset)] ^= 0x01;
        QCOMPARE(outcome(c->sendCommand(block)), named(hr::Unexpected)); // the DDK sample's choice
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 0u);
        QVERIFY_OK(c->command(protection::Hdcp, 1)); // sequence unchanged
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
    }

    void commandChecksComeInTheSamplesOrder()
    {
        // §4.4: state, sequence, GUID, cbSizeData, MAC, then type/level. A block with
        // two faults reports the earlier one.
        Rig rig(sVideo());
        auto c = rig.client();
        QVERIFY_OK(c->open());
        auto badMac = [&](CoppCommand cmd) {
            Block4096 block = c->sign(cmd);
            block[4000] ^= 0x01;
            return block;
        };
        CoppCommand wrongSequence = c->levelCommand(protection::Acp, 1);
        wrongSequence.sequence += 1;
        QCOMPARE(outcome(c->sendCommand(badMac(wrongSequence))), named(hr::InvalidArg));
        CoppCommand unknown = c->levelCommand(protection::Acp, 1);
        unknown.commandId = guids::SetHdcpSrm;
        QCOMPARE(outcome(c->sendCommand(badMac(unknown))), named(hr::InvalidArg));
        CoppCommand shortData = c->levelCommand(protection::Acp, 1);
        shortData.dataSize = 8;
        QCOMPARE(outcome(c->sendCommand(badMac(shortData))), named(hr::InvalidArg));
        QCOMPARE(outcome(c->sendCommand(badMac(c->levelCommand(protection::Hdcp, 1)))), named(hr::Unexpected));
        QCOMPARE(outcome(c->sendCommand(badMac(c->levelCommand(protection::Acp, 9)))), named(hr::Unexpected));
        QVERIFY_OK(c->command(protection::Acp, 1));
    }

    void protectionTypeNotOnTheConnectorIsInvalidArg_data()
    {
        QTest::addColumn<bool>("analog");
        QTest::addColumn<quint32>("type");
        QTest::newRow("ACP on HDMI") << false << protection::Acp;
        QTest::newRow("CGMS-A on HDMI") << false << protection::Cgmsa;
        QTest::newRow("DPCP on HDMI") << false << protection::Dpcp;
        QTest::newRow("HDCP on S-Video") << true << protection::Hdcp;
        QTest::newRow("OPM HDCP 0x08") << false << protection::OpmHdcp;
        QTest::newRow("two types at once") << true << (protection::Acp | protection::Cgmsa);
        QTest::newRow("none") << false << protection::None;
    }

    void protectionTypeNotOnTheConnectorIsInvalidArg()
    {
        QFETCH(bool, analog);
        QFETCH(quint32, type);
        Rig rig(analog ? sVideo() : OutputProfile{});
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->command(type, 1)), named(hr::InvalidArg));
        QVERIFY_OK(c->command(analog ? protection::Acp : protection::Hdcp, 1)); // sequence unchanged
    }

    void levelOutOfRangeIsInvalidArg_data()
    {
        QTest::addColumn<bool>("analog");
        QTest::addColumn<quint32>("type");
        QTest::addColumn<quint32>("level");
        QTest::newRow("HDCP 2") << false << protection::Hdcp << 2u;
        QTest::newRow("ACP 4") << true << protection::Acp << 4u;
        QTest::newRow("CGMS-A 5") << true << protection::Cgmsa << 5u;
        QTest::newRow("CGMS-A 0x10") << true << protection::Cgmsa << 0x10u;
        QTest::newRow("CGMS-A 5|0x08") << true << protection::Cgmsa << (5u | cgmsa::RedistributionControlRequired);
        QTest::newRow("ACP -1") << true << protection::Acp << kNoProtectionLevelAvailable;
    }

    void levelOutOfRangeIsInvalidArg()
    {
        QFETCH(bool, analog);
        QFETCH(quint32, type);
        QFETCH(quint32, level);
        Rig rig(analog ? sVideo() : OutputProfile{});
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->command(type, level)), named(hr::InvalidArg));
        QCOMPARE(c->value(StatusRequest::LocalLevel, type), 0u);
        QVERIFY_OK(c->command(type, 1)); // sequence unchanged
    }

    void everyValidLevelIsAccepted()
    {
        Rig rig(sVideo());
        auto c = rig.client();
        QVERIFY_OK(c->open());
        for (std::uint32_t level : {1u, 2u, 3u, 0u}) {
            QVERIFY_OK(c->command(protection::Acp, level));
            QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Acp), level);
        }
        // CGMS-A: a base level 0..4, optionally with RedistributionControlRequired (COPP_CGMSA_LevelMax 0x0C).
        for (std::uint32_t level : {0u, 1u, 2u, 3u, 4u, 0x08u, 0x0Bu, 0x0Cu}) {
            QVERIFY_OK(c->command(protection::Cgmsa, level));
            QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Cgmsa), level);
        }
    }

    void setSignalingShowsInTheSignalingQuery()
    {
        Rig rig(sVideo());
        auto c = rig.client();
        QVERIFY_OK(c->open());
        SetSignaling s;
        s.activeTvProtectionStandard = 0x1; // IEC61880_525i
        s.aspectRatioChangeMask1 = 0x7;
        s.aspectRatioData1 = 0x3;
        CoppCommand cmd;
        cmd.commandId = guids::SetSignaling;
        cmd.sequence = c->commandSeq;
        const Bytes payload = encode(s);
        cmd.dataSize = static_cast<std::uint32_t>(payload.size());
        std::copy(payload.begin(), payload.end(), cmd.data.begin());
        QVERIFY_OK(c->sendCommand(c->sign(cmd)));

        const auto in = c->statusInput(StatusRequest::Signaling);
        const auto reply = c->sendStatus(in);
        QVERIFY_OK(reply);
        const std::string problems = c->replyProblems(*reply, in, StatusSignaling::kSize);
        QVERIFY2(problems.empty(), problems.c_str());
        const StatusSignaling d = decodeStatusSignaling(statusBytes(*reply)).value();
        QCOMPARE(d.availableTvProtectionStandards, 0x9u);
        QCOMPARE(d.activeTvProtectionStandard, 0x1u);
        QCOMPARE(d.aspectRatioValidMask1, 0x7u);
        QCOMPARE(d.aspectRatioData1, 0x3u);
    }

    // ---- §4.2 / §7.2 status requests -----------------------------------------------------------------------

    void statusWithWrongSequenceIsInvalidArgAndDoesNotAdvance()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(500, 0));
        for (std::uint32_t wrong : {499u, 501u, 0xFFFFFFFFu}) {
            CoppStatusInput in = c->statusInput(StatusRequest::ConnectorType);
            in.sequence = wrong;
            QCOMPARE(outcome(c->sendStatus(in)), named(hr::InvalidArg));
        }
        QCOMPARE(c->statusSeq, 500u);
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi); // 500
        CoppStatusInput again = c->statusInput(StatusRequest::ConnectorType);
        again.sequence = 500; // accepted once: advanced by exactly one
        QCOMPARE(outcome(c->sendStatus(again)), named(hr::InvalidArg));
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi); // 501
    }

    void statusSequenceWrapsAround()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(0xFFFFFFFFu, 0));
        QCOMPARE(c->value(StatusRequest::BusData), bus::PciExpress); // 0xFFFFFFFF
        QCOMPARE(c->statusSeq, 0u);
        QCOMPARE(c->value(StatusRequest::BusData), bus::PciExpress); // 0
    }

    void statusDataSizeIsChecked_data()
    {
        QTest::addColumn<int>("request");
        QTest::addColumn<quint32>("size");
        QTest::newRow("connector type with 4") << int(StatusRequest::ConnectorType) << 4u;
        QTest::newRow("bus data with 4") << int(StatusRequest::BusData) << 4u;
        QTest::newRow("local level with 0") << int(StatusRequest::LocalLevel) << 0u;
        QTest::newRow("global level with 0") << int(StatusRequest::GlobalLevel) << 0u;
        QTest::newRow("global level with 8") << int(StatusRequest::GlobalLevel) << 8u;
    }

    void statusDataSizeIsChecked()
    {
        QFETCH(int, request);
        QFETCH(quint32, size);
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        CoppStatusInput in = c->statusInput(StatusRequest(request), protection::Hdcp);
        in.dataSize = size;
        putU32(in.data.data(), protection::Hdcp);
        QCOMPARE(outcome(c->sendStatus(in)), named(hr::InvalidArg));
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi); // sequence unchanged
    }

    void levelQueryForAMissingTypeIsInvalidArg_data()
    {
        QTest::addColumn<int>("request");
        QTest::addColumn<quint32>("type");
        QTest::newRow("local ACP") << int(StatusRequest::LocalLevel) << protection::Acp;
        QTest::newRow("global CGMS-A") << int(StatusRequest::GlobalLevel) << protection::Cgmsa;
        QTest::newRow("global DPCP") << int(StatusRequest::GlobalLevel) << protection::Dpcp;
        QTest::newRow("local none") << int(StatusRequest::LocalLevel) << protection::None;
        QTest::newRow("local two bits") << int(StatusRequest::LocalLevel) << (protection::Hdcp | protection::Acp);
    }

    void levelQueryForAMissingTypeIsInvalidArg()
    {
        QFETCH(int, request);
        QFETCH(quint32, type);
        Rig rig; // HDMI: HDCP only
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->status(StatusRequest(request), type)), named(hr::InvalidArg));
        QCOMPARE(c->value(StatusRequest(request), protection::Hdcp), 0u); // sequence unchanged
    }

    void unknownStatusRequestSucceedsWithAnEmptyReply()
    {
        // §2: the DDK sample answers an unknown GUID with success, cbSizeData 0 and a
        // valid MAC, and increments the sequence.
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open(40, 0));
        CoppStatusInput in = c->statusInput(StatusRequest::ConnectorType);
        in.requestId = Guid::parse("{01234567-89ab-cdef-0123-456789abcdef}").value();
        const auto reply = c->sendStatus(in);
        QVERIFY_OK(reply);
        const std::string problems = c->replyProblems(*reply, in, 0); // MAC, cbSizeData 0, bytes 20.. zero
        QVERIFY2(problems.empty(), problems.c_str());
        // The sequence advanced: 40 is spent, 41 is next.
        CoppStatusInput old = c->statusInput(StatusRequest::ConnectorType);
        old.sequence = 40;
        QCOMPARE(outcome(c->sendStatus(old)), named(hr::InvalidArg));
        QCOMPARE(c->statusSeq, 41u);
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
    }

    void everyReplyIsMacedZeroFilledAndEchoesRApp_data()
    {
        QTest::addColumn<bool>("analog");
        QTest::addColumn<int>("request");
        QTest::addColumn<int>("size");
        for (bool analog : {false, true}) {
            for (StatusRequest request : kAllStatusRequests) {
                const int size = request == StatusRequest::DisplayData ? 44
                    : request == StatusRequest::HdcpKeyData            ? 72
                    : request == StatusRequest::Signaling              ? 88
                                                                       : 32; // §4.2
                QTest::addRow("%s %s", analog ? "S-Video" : "HDMI", statusRequestName(request))
                    << analog << int(request) << size;
            }
        }
    }

    void everyReplyIsMacedZeroFilledAndEchoesRApp()
    {
        QFETCH(bool, analog);
        QFETCH(int, request);
        QFETCH(int, size);
        Rig rig(analog ? sVideo() : OutputProfile{});
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QVERIFY_OK(c->command(analog ? protection::Acp : protection::Hdcp, 1)); // something non-zero to report
        const auto in = c->statusInput(StatusRequest(request), analog ? protection::Acp : protection::Hdcp);
        const auto reply = c->sendStatus(in);
        QVERIFY_OK(reply);
        QCOMPARE(replySize(StatusRequest(request)), std::size_t(size));
        const std::string problems = c->replyProblems(*reply, in, std::size_t(size));
        QVERIFY2(problems.empty(), problems.c_str());
        QVERIFY(verifyBlockMac(c->key, *reply));
        QCOMPARE(statusData(*reply).flags, status::Normal);
    }

    void replyValuesMatchTheProfile()
    {
        Rig rig;
        auto c = rig.client();
        QVERIFY_OK(c->open());
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
        QCOMPARE(c->value(StatusRequest::ProtectionType), protection::Hdcp);
        QCOMPARE(c->value(StatusRequest::BusData), bus::PciExpress);
        QCOMPARE(c->value(StatusRequest::LocalLevel, protection::Hdcp), 0u);
        QCOMPARE(c->value(StatusRequest::GlobalLevel, protection::Hdcp), 0u);

        const auto in = c->statusInput(StatusRequest::DisplayData);
        const auto reply = c->sendStatus(in);
        QVERIFY_OK(reply);
        const StatusDisplayData d = decodeStatusDisplayData(statusBytes(*reply)).value();
        QCOMPARE(d.random, in.random);
        QCOMPARE(d.displayWidth, 1920u);
        QCOMPARE(d.displayHeight, 1080u);
        QCOMPARE(d.freqNumerator, 60000u);
        QCOMPARE(d.freqDenominator, 1001u);
        QCOMPARE(d.d3dFormat, 22u); // D3DFMT_X8R8G8B8

        Rig tv(sVideo());
        auto t = tv.client();
        QVERIFY_OK(t->open());
        QCOMPARE(t->value(StatusRequest::ConnectorType), connector::SVideo);
        QCOMPARE(t->value(StatusRequest::ProtectionType), protection::Acp | protection::Cgmsa);
        const auto tvReply = t->status(StatusRequest::DisplayData);
        QVERIFY_OK(tvReply);
        const StatusDisplayData tvd = decodeStatusDisplayData(statusBytes(*tvReply)).value();
        QCOMPARE(tvd.displayWidth, 720u); // the signal on the connector (§4.2)
        QCOMPARE(tvd.displayHeight, 480u);
    }

    void hdcpKeyDataCarriesTheKsvLeastSignificantByteFirst()
    {
        for (bool repeater : {false, true}) {
            OutputProfile profile;
            profile.ksv = 0x8ec12d4a53;
            profile.repeater = repeater;
            Rig rig(profile);
            auto c = rig.client();
            QVERIFY_OK(c->open());
            const auto in = c->statusInput(StatusRequest::HdcpKeyData);
            const auto reply = c->sendStatus(in);
            QVERIFY_OK(reply);
            const std::string problems = c->replyProblems(*reply, in, StatusHdcpKeyData::kSize);
            QVERIFY2(problems.empty(), problems.c_str());
            const ByteView s = statusBytes(*reply);
            QCOMPARE(getU32(s.data() + 20), repeater ? kHdcpRepeater : 0u); // dwHDCPFlags
            // BKey@24: the 40-bit KSV, least significant byte first (§3.2, §12 Q9).
            const Bytes bkey(s.begin() + 24, s.begin() + 29);
            QCOMPARE(bkey, (Bytes{0x53, 0x4a, 0x2d, 0xc1, 0x8e}));
            QVERIFY(std::all_of(s.begin() + 29, s.begin() + StatusHdcpKeyData::kSize,
                                [](std::uint8_t b) { return b == 0; })); // rest of BKey, Reserved1/2
        }
    }

    void defaultKsvIsAValidHdcpKsv()
    {
        // A valid KSV has twenty 1 bits and twenty 0 bits: a client that checks the
        // KSV's form must accept the emulator's default receiver.
        const OutputProfile profile;
        QCOMPARE(profile.ksv >> 40, std::uint64_t(0));
        QCOMPARE(std::popcount(profile.ksv), 20);
    }

    // ---- §5.2 several sessions on one output ---------------------------------------------------------------

    void acpPrecedenceAcrossSessions()
    {
        Rig rig(sVideo());
        auto a = rig.client();
        auto b = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        QVERIFY_OK(a->command(protection::Acp, 3));
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 3u);
        QVERIFY_OK(b->command(protection::Acp, 2));
        // ACP 0 < 1 < 3 < 2: level 2 wins although 3 is numerically higher.
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 2u);
        QCOMPARE(b->value(StatusRequest::GlobalLevel, protection::Acp), 2u);
        QCOMPARE(rig.output->globalLevel(protection::Acp), 2u);
        QCOMPARE(a->value(StatusRequest::LocalLevel, protection::Acp), 3u);
        QCOMPARE(b->value(StatusRequest::LocalLevel, protection::Acp), 2u);
        // Closing B's session removes its count: A's 3 applies again.
        b.reset();
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 3u);
        QVERIFY_OK(a->command(protection::Acp, 0));
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 0u);
        QCOMPARE(rig.output->globalLevel(protection::Acp), 0u);
    }

    void referenceCountsKeepASharedLevel()
    {
        Rig rig(sVideo());
        auto a = rig.client();
        auto b = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        QVERIFY_OK(a->command(protection::Acp, 1));
        QVERIFY_OK(b->command(protection::Acp, 1));
        QVERIFY_OK(a->command(protection::Acp, 0));
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 1u); // B still holds a count at 1
        auto late = rig.client(); // a new session adds a count at 0 only
        QVERIFY_OK(late->open());
        QCOMPARE(late->value(StatusRequest::LocalLevel, protection::Acp), 0u);
        QCOMPARE(late->value(StatusRequest::GlobalLevel, protection::Acp), 1u);
        QVERIFY_OK(b->command(protection::Acp, 0));
        QCOMPARE(late->value(StatusRequest::GlobalLevel, protection::Acp), 0u);
        // ACP 1 vs 3: 3 wins.
        QVERIFY_OK(a->command(protection::Acp, 1));
        QVERIFY_OK(b->command(protection::Acp, 3));
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 3u);
        // A session closed without setting anything changes nothing.
        late.reset();
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 3u);
    }

    void cgmsaPrecedenceIgnoresTheRedistributionFlag()
    {
        Rig rig(sVideo());
        auto a = rig.client();
        auto b = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        QVERIFY_OK(a->command(protection::Cgmsa, cgmsa::CopyOneGeneration)); // 3
        QVERIFY_OK(b->command(protection::Cgmsa, cgmsa::CopyNoMore));        // 2
        // Off < CopyFreely < CopyOneGeneration < CopyNoMore < CopyNever.
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Cgmsa), cgmsa::CopyNoMore);
        // The flag does not lift CopyOneGeneration above CopyNoMore (0x0B > 2 numerically).
        const std::uint32_t oneGenRedist = cgmsa::CopyOneGeneration | cgmsa::RedistributionControlRequired;
        QVERIFY_OK(a->command(protection::Cgmsa, oneGenRedist));
        QCOMPARE(a->value(StatusRequest::LocalLevel, protection::Cgmsa), oneGenRedist);
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Cgmsa), cgmsa::CopyNoMore);
        // With B at CopyFreely|flag (9), A's level applies, flag and all.
        QVERIFY_OK(b->command(protection::Cgmsa, cgmsa::CopyFreely | cgmsa::RedistributionControlRequired));
        QCOMPARE(b->value(StatusRequest::GlobalLevel, protection::Cgmsa), oneGenRedist);
        QVERIFY_OK(b->command(protection::Cgmsa, cgmsa::CopyNever));
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Cgmsa), cgmsa::CopyNever);
        b.reset();
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Cgmsa), oneGenRedist);
        // ACP is independent of CGMS-A.
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Acp), 0u);
    }

    // ---- §4.2 link events, §7.3 HDCP engagement ------------------------------------------------------------

    void linkLostIsReportedOncePerSession()
    {
        Rig rig;
        auto a = rig.client();
        auto b = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        QCOMPARE(a->flags(), status::Normal);
        rig.output->loseLink();
        QCOMPARE(a->flags(), status::LinkLost);
        QCOMPARE(a->flags(), status::Normal);
        QCOMPARE(b->flags(), status::LinkLost);
        QCOMPARE(b->flags(), status::Normal);
        auto late = rig.client(); // opened after the event: not its business
        QVERIFY_OK(late->open());
        QCOMPARE(late->flags(), status::Normal);
    }

    void renegotiationIsReportedOncePerSession()
    {
        Rig rig;
        auto a = rig.client();
        auto b = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        rig.output->requireRenegotiation();
        auto late = rig.client();
        QVERIFY_OK(late->open());
        QCOMPARE(b->flags(), status::RenegotiationRequired);
        QCOMPARE(a->flags(), status::RenegotiationRequired);
        QCOMPARE(a->flags(), status::Normal);
        QCOMPARE(b->flags(), status::Normal);
        QCOMPARE(late->flags(), status::Normal);
        // Both events before the next query: both flags in one reply.
        rig.output->loseLink();
        rig.output->requireRenegotiation();
        QCOMPARE(late->flags(), status::LinkLost | status::RenegotiationRequired);
        QCOMPARE(late->flags(), status::Normal);
    }

    void aFailedQueryDoesNotConsumeTheFlag()
    {
        Rig rig;
        auto a = rig.client();
        QVERIFY_OK(a->open());
        rig.output->loseLink();
        CoppStatusInput wrong = a->statusInput(StatusRequest::ConnectorType);
        wrong.sequence += 1;
        QCOMPARE(outcome(a->sendStatus(wrong)), named(hr::InvalidArg));
        QCOMPARE(outcome(a->status(StatusRequest::LocalLevel, protection::Acp)), named(hr::InvalidArg));
        QCOMPARE(a->flags(), status::LinkLost); // the first reply the session actually gets
        QCOMPARE(a->flags(), status::Normal);
    }

    void hdcpEngagesAfterItsDelayAndComesBackOnlyWhenSetAgain()
    {
        Rig rig; // HDMI, hdcpEngageMs 150 on the test clock
        const std::int64_t engage = rig.output->profile().hdcpEngageMs;
        auto a = rig.client();
        QVERIFY_OK(a->open());
        QVERIFY_OK(a->command(protection::Hdcp, 1));
        QCOMPARE(a->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
        rig.nowMs += engage - 1;
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Hdcp), 0u); // still authenticating
        rig.nowMs += 1;
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Hdcp), 1u);

        rig.output->loseLink();
        QCOMPARE(a->flags(), status::LinkLost);
        rig.nowMs += 10 * engage;
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Hdcp), 0u); // off until set again
        QCOMPARE(a->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);  // what the session asked for

        QVERIFY_OK(a->command(protection::Hdcp, 1)); // re-authenticate
        rig.nowMs += engage - 1;
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Hdcp), 0u);
        QCOMPARE(rig.output->globalLevel(protection::Hdcp), 0u);
        rig.nowMs += 1;
        QCOMPARE(a->value(StatusRequest::GlobalLevel, protection::Hdcp), 1u);
        QCOMPARE(rig.output->globalLevel(protection::Hdcp), 1u);
        QCOMPARE(a->flags(), status::Normal);
    }

    // ---- faults --------------------------------------------------------------------------------------------

    void stallEndsAtTheCallDeadline()
    {
        Rig rig;
        auto c = rig.client(faults({"stall=200@1"}));
        c->device->setCallDeadlineMs(50);
        QVERIFY_OK(c->open());
        // A stall that ran its full 200 ms would answer; only the 50 ms deadline cutting it short times out.
        QCOMPARE(outcome(c->status(StatusRequest::ConnectorType)), QStringLiteral("Timeout"));
        // The timed-out call did not advance the sequence; call 2 does not stall.
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
    }

    void cancelEndsAStallFromAnotherThread()
    {
        Rig rig;
        // Ten minutes and no deadline: only cancel() ends it before the test's timeout.
        auto c = rig.client(faults({"stall=600000@1"}));
        QVERIFY_OK(c->open());
        CoppEmulator* device = c->device.get();
        std::promise<void> stallStarted;
        device->setStallStartedHook([&stallStarted] { stallStarted.set_value(); });
        std::thread stopper([device, started = stallStarted.get_future()] {
            started.wait(); // cancel() only once the call is waiting in its stall
            device->cancel();
        });
        const auto stalled = c->status(StatusRequest::ConnectorType);
        stopper.join();
        QCOMPARE(outcome(stalled), QStringLiteral("Timeout"));
        QCOMPARE(c->value(StatusRequest::ConnectorType), connector::Hdmi);
    }

    void parseFaultAcceptsDocumentedSpellings()
    {
        const auto stall = device::parseFault("stall=200@1");
        QVERIFY_OK(stall);
        QCOMPARE(int(stall->kind), int(device::FaultKind::Stall));
        QCOMPARE(stall->value, std::string("200"));
        QCOMPARE(stall->at, 1u);
        const auto failStatus = device::parseFault("fail-status=E_INVALIDARG@2");
        QVERIFY_OK(failStatus);
        QCOMPARE(int(failStatus->kind), int(device::FaultKind::FailStatus));
        QCOMPARE(failStatus->at, 2u);
        const auto connectorChange = device::parseFault("connector-change=dvi@5");
        QVERIFY_OK(connectorChange);
        QCOMPARE(connectorChange->value, std::string("dvi"));
        const auto plain = device::parseFault("bad-reply-mac");
        QVERIFY_OK(plain);
        QCOMPARE(plain->at, 0u); // every call
        QVERIFY_OK(device::parseFault("fail-command=0x80070057"));
        for (const auto& info : device::allFaults()) // every listed name parses
            QVERIFY2(device::parseFault(info.name).ok(), info.name);
    }

    void parseFaultRejectsBadSpellings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown name") << "explode";
        QTest::newRow("empty") << "";
        QTest::newRow("call 0") << "bad-reply-mac@0";
        QTest::newRow("call empty") << "bad-reply-mac@";
        QTest::newRow("call not a number") << "bad-reply-mac@x";
        QTest::newRow("call negative") << "bad-reply-mac@-1";
        QTest::newRow("not an HRESULT") << "fail-status=NOTANHRESULT";
        QTest::newRow("unknown connector") << "connector-change=scart";
        QTest::newRow("stall not a number") << "stall=abc";
        QTest::newRow("stall negative") << "stall=-5";
        QTest::newRow("stall trailing junk") << "stall=200ms@1";
        QTest::newRow("slow-hdcp not a number") << "slow-hdcp=soon";
        // A value where none is taken was dropped: link-lost=3 fired at every call, not the third.
        QTest::newRow("link-lost with a value") << "link-lost=3";
        QTest::newRow("bad-reply-mac with a value") << "bad-reply-mac=junk";
        // A success code cannot fail a call ("failed with 0x00000000 (S_OK)").
        QTest::newRow("fail-command S_OK") << "fail-command=0";
        QTest::newRow("fail-status S_FALSE") << "fail-status=1";
        QTest::newRow("fail-key-exchange S_OK by name") << "fail-key-exchange=S_OK";
    }

    void parseFaultRejectsBadSpellings()
    {
        QFETCH(QString, text);
        const auto fault = device::parseFault(text.toStdString());
        QVERIFY(!fault.ok());
        QCOMPARE(int(fault.error().code), int(Error::Code::Usage));
    }

    void stateFaultWithoutCallNumberIsNotSilentlyIgnored()
    {
        // "link-lost" (like renegotiation, hdcp-drop, connector-change, unplug,
        // sequence-desync) acts only "at status call N", but parseFault accepts it
        // without @N (at = 0): a state change without a call number happens at the
        // first status call, never silently not at all.
        const auto parsed = device::parseFault("link-lost");
        if (!parsed.ok())
            return; // rejected: fine
        Rig rig;
        auto c = rig.client({parsed.value()});
        QVERIFY_OK(c->open());
        bool seen = false;
        for (int i = 0; i < 5; ++i)
            seen = seen || c->flags() == status::LinkLost;
        QVERIFY(seen);
    }

    // ---- hot-plug (§10.1) ----------------------------------------------------------------------------------

    void unpluggedOutputFailsEveryCallUntilReplugged()
    {
        Rig rig;
        auto active = rig.client();
        QVERIFY_OK(active->open());
        auto fresh = rig.client();
        const QString noMonitor = named(hr::NoMonitorsCorrespond);
        QCOMPARE(noMonitor, QStringLiteral("ERROR_GRAPHICS_NO_MONITORS_CORRESPOND_TO_DISPLAY_DEVICE"));
        QCOMPARE(hr::NoMonitorsCorrespond, 0xC02625E5u);

        rig.output->unplug();
        QCOMPARE(outcome(active->status(StatusRequest::ConnectorType)), noMonitor);
        QCOMPARE(outcome(active->command(protection::Hdcp, 1)), noMonitor);
        QCOMPARE(outcome(fresh->device->keyExchange()), noMonitor);
        QCOMPARE(outcome(fresh->device->sessionSequenceStart(Signature256{})), noMonitor);
        QCOMPARE(outcome(fresh->open()), noMonitor);

        rig.output->replug();
        QCOMPARE(active->value(StatusRequest::ConnectorType), connector::Hdmi); // sequences were kept
        QVERIFY_OK(active->command(protection::Hdcp, 1));
        QCOMPARE(active->value(StatusRequest::LocalLevel, protection::Hdcp), 1u);
        QVERIFY_OK(fresh->open()); // the failed calls did not move its state machine
        QCOMPARE(fresh->value(StatusRequest::ConnectorType), connector::Hdmi);
    }
};

QTEST_GUILESS_MAIN(TestCoppEmulator)
#include "tst_coppemulator.moc"
