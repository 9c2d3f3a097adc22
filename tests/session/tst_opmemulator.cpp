// SPDX-License-Identifier: BSD-3-Clause
// The OPM emulator (OpmEmulator) on its own, driven byte for byte as a client
// would: blocks built with the kernel (OpmGetInfoParameters and
// signGetInfoParameters, CoppCommand and signBlock, the §7.4 OAEP and §7.1
// PKCS#1 session starts). Covers the three roles of opmemulator.h: an OPM
// output in OPM semantics (docs/protocol.md §3.3, §4.3, §4.4, §6.1, §7.4-§7.6,
// §10.2), an OPM output in COPP semantics, and a codec answering exactly as
// the CodecMerit sample of docs/protocol.md §7.7 (§4.3 "Codec-merit sample checks", §7.7).
#include <session/opmfixture.h>

#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/opmstructs.h>
#include <core/kernel/protocol/sessionstart.h>
#include <core/validation/x509validator.h>

#include <QtTest>

#include <algorithm>
#include <memory>

using namespace copp;
using namespace copp::protocol;
using copp::tests::named;
using copp::tests::outcome;
using device::EmulatedOutput;
using device::OpmEmulator;
using device::OpmRole;
using device::OutputProfile;

Q_DECLARE_METATYPE(copp::protocol::Guid)
Q_DECLARE_METATYPE(copp::Bytes)

namespace {

constexpr std::uint32_t kFailed = 0xDEADDEADu; // what the value helpers return when a query failed
const Guid kClsid = *Guid::parse("{6b4b6f2c-0d3e-4b8a-9e51-1f2a3b4c5d6e}");
const Guid kOtherClsid = *Guid::parse("{11111111-2222-3333-4444-555555555555}");
const Guid kUnknownGuid = *Guid::parse("{01234567-89ab-cdef-0123-456789abcdef}");
constexpr std::uint32_t kMerit = 0x600000;

// The leaf key of the X.509 chain the emulator returns (the key §7.4 encrypts to).
const crypto::RsaPublicKey& opmLeafKey()
{
    static const crypto::RsaPublicKey key = [] {
        const auto report = tests::validateX509WithTestRoot(tests::opmMaterial()->opm->certificate);
        const auto leaf = validation::x509LeafKey(report);
        if (!leaf)
            qFatal("the emulator's X.509 chain has no leaf key: %s", qPrintable(tests::firstFailureText(report)));
        return *leaf;
    }();
    return key;
}

const crypto::RsaPublicKey& coppLeafKey()
{
    static const crypto::RsaPublicKey key = tests::testPki().keys().leaf.publicKey();
    return key;
}

QByteArray asQByteArray(const Bytes& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

std::uint64_t getU64(const std::uint8_t* at)
{
    return std::uint64_t(getU32(at)) | std::uint64_t(getU32(at + 4)) << 32;
}

// One client of one OpmEmulator: the application side of §7.4-§7.6 (or of
// §7.1 in COPP semantics). The sequence numbers are kept as a client keeps
// them: advanced when a call succeeds; tests set them by hand to probe.
struct Client {
    std::unique_ptr<OpmEmulator> device;
    OpmRole role;
    crypto::DeterministicRandom random;
    crypto::AesKey key{};
    std::uint32_t statusSeq = 0;
    std::uint32_t commandSeq = 0;

    Client(std::shared_ptr<EmulatedOutput> output, OpmRole r, std::vector<device::Fault> faults, std::uint64_t seed)
        : device(std::make_unique<OpmEmulator>(std::move(output), tests::opmMaterial(faults), r, faults)), role(r),
          random(seed)
    {
        random.fill(key);
    }

    bool opmSemantics() const { return role.opmSemantics || role.codec; }

    // §7.4 (OAEP SHA-512, natural order) or §7.1 (PKCS#1, reversed) for these secrets.
    Signature256 initParameters(const Bytes16& driverRandom, std::uint32_t statusStart, std::uint32_t commandStart)
    {
        const SessionSecrets secrets{driverRandom, key, statusStart, commandStart};
        auto built = opmSemantics() ? buildOpmInitializationParameters(opmLeafKey(), secrets, random)
                                    : buildCoppSignature(coppLeafKey(), secrets, random);
        if (!built)
            qFatal("cannot build the initialization parameters: %s", built.error().detail.c_str());
        return built.value();
    }

    // StartInitialization then FinishInitialization with these starting numbers.
    Result<void> open(std::uint32_t statusStart = 0x100, std::uint32_t commandStart = 0x200)
    {
        const auto started = device->startInitialization();
        if (!started)
            return started.error();
        auto finished = device->finishInitialization(initParameters(started->driverRandom, statusStart, commandStart));
        if (finished) {
            statusSeq = statusStart;
            commandSeq = commandStart;
        }
        return finished;
    }

    // ---- GetInformation (OPM semantics, codec) ----

    // §7.5 step 1: a fresh random, the GUID, the current status sequence, the parameters.
    OpmGetInfoParameters info(const Guid& guid, ByteView parameters = {})
    {
        OpmGetInfoParameters p;
        random.fill(p.random);
        p.information = guid;
        p.sequence = statusSeq;
        p.parametersSize = static_cast<std::uint32_t>(parameters.size());
        std::copy(parameters.begin(), parameters.end(), p.parameters.begin());
        return p;
    }
    OpmGetInfoParameters levelInfo(const Guid& guid, std::uint32_t type)
    {
        std::array<std::uint8_t, 4> t{};
        putU32(t.data(), type);
        return info(guid, t);
    }
    // §7.5 step 2: OMAC(K, bytes 16..4111).
    Block4112 sign(const OpmGetInfoParameters& p) const
    {
        Block4112 block = encode(p);
        signGetInfoParameters(key, block);
        return block;
    }
    // Sends a signed block; a display output's counter advances on success only.
    Result<Block4096> sendBlock(const Block4112& block)
    {
        auto reply = device->getInformation(block);
        if (reply)
            ++statusSeq;
        return reply;
    }
    Result<Block4096> send(const OpmGetInfoParameters& p) { return sendBlock(sign(p)); }
    Result<Block4096> get(const Guid& guid, ByteView parameters = {}) { return send(info(guid, parameters)); }

    // ---- COPPCompatibleGetInformation (COPP semantics) ----

    CoppStatusInput coppInfo(const Guid& guid, ByteView parameters = {})
    {
        CoppStatusInput in;
        random.fill(in.random);
        in.requestId = guid;
        in.sequence = statusSeq;
        in.dataSize = static_cast<std::uint32_t>(parameters.size());
        std::copy(parameters.begin(), parameters.end(), in.data.begin());
        return in;
    }
    Result<Block4096> sendCopp(const CoppStatusInput& in)
    {
        auto reply = device->coppCompatibleGetInformation(encode(in)); // unsigned: "is not signed"
        if (reply)
            ++statusSeq;
        return reply;
    }

    // Everything §6.1/§7.5 demand of an accepted reply; empty when it holds.
    std::string replyProblems(const Block4096& reply, const Bytes16& sent, std::size_t expectedSize) const
    {
        const crypto::Omac mac = crypto::omac1(key, ByteView(reply.data() + 16, kBlockSize - 16));
        if (!std::equal(mac.begin(), mac.end(), reply.begin()))
            return "the OMAC does not verify over bytes 16..4095";
        const std::uint32_t size = getU32(reply.data() + 16);
        if (size != expectedSize)
            return "cbRequestedInformationSize " + std::to_string(size) + ", expected " + std::to_string(expectedSize);
        if (!std::equal(sent.begin(), sent.end(), reply.begin() + 20))
            return "rnRandomNumber is not echoed";
        for (std::size_t i = 20 + expectedSize; i < kBlockSize; ++i)
            if (reply[i] != 0)
                return "byte " + std::to_string(i) + " after the reply structure is not zero";
        return {};
    }

    // ulInformation of a 32-byte reply that passed every check, else kFailed.
    std::uint32_t value(const Guid& guid, std::optional<std::uint32_t> type = std::nullopt)
    {
        std::array<std::uint8_t, 4> t{};
        if (type)
            putU32(t.data(), *type);
        const ByteView parameters = type ? ByteView(t) : ByteView();
        Bytes16 sent{};
        Result<Block4096> reply = makeError(Error::Code::Usage, "not sent");
        if (opmSemantics()) {
            const auto p = info(guid, parameters);
            sent = p.random;
            reply = send(p);
        } else {
            const auto in = coppInfo(guid, parameters);
            sent = in.random;
            reply = sendCopp(in);
        }
        if (!reply || !replyProblems(*reply, sent, StatusData::kSize).empty())
            return kFailed;
        return getU32(reply->data() + 40);
    }
    // ulStatusFlags of the next connector-type reply, else kFailed.
    std::uint32_t flags()
    {
        Bytes16 sent{};
        Result<Block4096> reply = makeError(Error::Code::Usage, "not sent");
        if (opmSemantics()) {
            const auto p = info(guids::QueryConnectorType);
            sent = p.random;
            reply = send(p);
        } else {
            const auto in = coppInfo(guids::QueryConnectorType);
            sent = in.random;
            reply = sendCopp(in);
        }
        if (!reply || !replyProblems(*reply, sent, StatusData::kSize).empty())
            return kFailed;
        return getU32(reply->data() + 36);
    }

    // ---- Configure ----

    CoppCommand command(const Guid& guid, ByteView payload) const
    {
        OpmConfigureParameters c;
        c.commandId = guid;
        c.sequence = commandSeq;
        c.dataSize = static_cast<std::uint32_t>(payload.size());
        std::copy(payload.begin(), payload.end(), c.data.begin());
        return c;
    }
    CoppCommand levelCommand(std::uint32_t type, std::uint32_t level) const
    {
        return command(guids::SetProtectionLevel, encode(SetProtectionLevel{type, level, 0, 0}));
    }
    CoppCommand srmCommand(std::uint32_t version) const
    {
        return command(guids::SetHdcpSrm, encode(OpmSetHdcpSrmParameters{version}));
    }
    // §7.6: OMAC(K, bytes 16..4095); the additional buffer is not covered (§6.1).
    Block4096 signCommand(const CoppCommand& c) const
    {
        Block4096 block = encode(c);
        signBlock(key, block);
        return block;
    }
    Result<void> configureBlock(const Block4096& block, ByteView additional = {})
    {
        auto r = device->configure(block, additional);
        if (r)
            ++commandSeq;
        return r;
    }
    Result<void> configure(const CoppCommand& c, ByteView additional = {}) { return configureBlock(signCommand(c), additional); }
    Result<void> setLevel(std::uint32_t type, std::uint32_t level) { return configure(levelCommand(type, level)); }
};

// One output on a clock the test moves, and the OPM objects opened on it.
struct Rig {
    std::int64_t nowMs = 1000;
    std::shared_ptr<EmulatedOutput> output;

    explicit Rig(OutputProfile profile = {})
        : output(std::make_shared<EmulatedOutput>(profile, [this] { return nowMs; }))
    {
    }
    Rig(const Rig&) = delete; // the clock captures `this`
    Rig& operator=(const Rig&) = delete;

    std::unique_ptr<Client> client(OpmRole role, const std::vector<std::string>& faults = {})
    {
        return std::make_unique<Client>(output, role, tests::parseFaults(faults), ++m_seed);
    }
    std::unique_ptr<Client> opm(const std::vector<std::string>& faults = {}) { return client(tests::outputRole(true), faults); }
    std::unique_ptr<Client> copp(const std::vector<std::string>& faults = {}) { return client(tests::outputRole(false), faults); }
    std::unique_ptr<Client> codec(const std::vector<std::string>& faults = {})
    {
        return client(tests::codecRole(kClsid, kMerit), faults);
    }

private:
    std::uint64_t m_seed = 0;
};

// OPM_GET_CODEC_INFO_PARAMETERS as raw abParameters: cbVerifier, then the verifier bytes.
Bytes codecParameters(std::uint32_t verifierSize, ByteView verifier)
{
    Bytes out(4);
    putU32(out.data(), verifierSize);
    out.insert(out.end(), verifier.begin(), verifier.end());
    return out;
}

} // namespace

class TestOpmEmulator : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Keys, chains and the leaf key once, outside the timed tests.
        QVERIFY(!tests::opmMaterial()->opm->certificate.isEmpty());
        QVERIFY(!opmLeafKey().modulus.empty());
    }

    // =========================================================================================== OPM semantics

    void opmHandshakeSucceeds()
    {
        Rig rig;
        auto c = rig.opm();
        const device::DeviceDescription d = c->device->describe();
        QCOMPARE(QString::fromStdString(d.interface), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(d.semantics), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(d.role), QStringLiteral("output"));
        // The COPP calls are not this device's.
        QCOMPARE(outcome(c->device->keyExchange()), named(hr::NotImpl));
        QVERIFY(c->device->opm() == c->device.get());

        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        // §8.2: the X.509 chain as PKCS#7, valid under the test root.
        const QByteArray certificate = asQByteArray(started->certificate);
        QCOMPARE(certificate, tests::opmMaterial()->opm->certificate);
        QCOMPARE(tests::firstFailureText(tests::validateX509WithTestRoot(certificate)), QStringLiteral("valid"));
        QVERIFY(started->driverRandom != Bytes16{});
        QVERIFY_OK(c->device->finishInitialization(c->initParameters(started->driverRandom, 7, 9)));
        c->statusSeq = 7;
        c->commandSeq = 9;
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
        QCOMPARE(c->statusSeq, 8u);
        QVERIFY_OK(c->setLevel(protection::OpmHdcp, 1));
        QCOMPARE(c->commandSeq, 10u);
    }

    void initParametersWithAnotherRandomAreInvalid()
    {
        Rig rig;
        auto c = rig.opm();
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        Bytes16 wrong = started->driverRandom;
        wrong[0] ^= 0x80;
        // §7.4: "R mismatch -> STATUS_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS" (user mode 0xC0262503).
        QCOMPARE(outcome(c->device->finishInitialization(c->initParameters(wrong, 0, 0))), named(0xC0262503u));
        QCOMPARE(outcome(c->get(guids::QueryConnectorType)), named(hr::Unexpected)); // not initialized
    }

    void garbageInitParametersAreInvalid_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("random bytes") << 0;
        QTest::newRow("zeros") << 1;
        QTest::newRow("a COPP PKCS#1 block") << 2;
        QTest::newRow("OAEP to another key") << 3;
    }

    void garbageInitParametersAreInvalid()
    {
        QFETCH(int, kind);
        Rig rig;
        auto c = rig.opm();
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        Signature256 parameters{};
        const SessionSecrets secrets{started->driverRandom, c->key, 0, 0};
        if (kind == 0)
            crypto::DeterministicRandom(0xC0FFEE).fill(parameters);
        if (kind == 2)
            parameters = buildCoppSignature(coppLeafKey(), secrets).value();
        if (kind == 3)
            parameters = buildOpmInitializationParameters(coppLeafKey(), secrets, c->random).value();
        QCOMPARE(outcome(c->device->finishInitialization(parameters)), named(hr::OpmInvalidEncryptedParameters));
        QCOMPARE(outcome(c->get(guids::QueryConnectorType)), named(hr::Unexpected));
    }

    void handshakeCallsOutOfOrderAreUnexpected()
    {
        Rig rig;
        // FinishInitialization before StartInitialization.
        auto early = rig.opm();
        QCOMPARE(outcome(early->device->finishInitialization(early->initParameters(Bytes16{}, 0, 0))), named(hr::Unexpected));

        auto c = rig.opm();
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        // "GetRandomNumber (once)": a second StartInitialization, before and after the key is set.
        QCOMPARE(outcome(c->device->startInitialization()), named(hr::Unexpected));
        QVERIFY_OK(c->device->finishInitialization(c->initParameters(started->driverRandom, 1, 2)));
        c->statusSeq = 1;
        c->commandSeq = 2;
        QCOMPARE(outcome(c->device->startInitialization()), named(hr::Unexpected));
        // "SetSigningKeyAndSequenceNumbers (once)": even a well-formed block with other numbers.
        QCOMPARE(outcome(c->device->finishInitialization(c->initParameters(started->driverRandom, 50, 60))),
                 named(hr::Unexpected));
        // ...changed nothing: the first key and numbers are in force.
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
        QVERIFY_OK(c->setLevel(protection::OpmHdcp, 1));
    }

    void callsBeforeInitializationAreUnexpected()
    {
        Rig rig;
        auto c = rig.opm();
        QCOMPARE(outcome(c->get(guids::QueryConnectorType)), named(hr::Unexpected));
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp, 1)), named(hr::Unexpected));
        QVERIFY_OK(c->device->startInitialization());
        QCOMPARE(outcome(c->get(guids::QueryConnectorType)), named(hr::Unexpected));
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp, 1)), named(hr::Unexpected));
    }

    void badRequestOmacIsAccessDenied_data()
    {
        QTest::addColumn<int>("offset"); // the byte changed after signing
        QTest::newRow("the omac itself") << 0;
        QTest::newRow("rnRandomNumber (16)") << 16;
        QTest::newRow("ulSequenceNumber (48)") << 48;
        QTest::newRow("last byte (4111): the MAC covers 16..4111") << 4111;
    }

    void badRequestOmacIsAccessDenied()
    {
        QFETCH(int, offset);
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        Block4112 block = c->sign(c->info(guids::QueryConnectorType));
        block[std::size_t(offset)] ^= 0x01;
        QCOMPARE(outcome(c->sendBlock(block)), named(hr::AccessDenied));
        // The counter did not move: the next correct request uses the same number.
        QCOMPARE(c->statusSeq, 0x100u);
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
    }

    void requestSignedWithAnotherKeyIsAccessDenied()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        const OpmGetInfoParameters p = c->info(guids::QueryConnectorType);
        Block4112 block = encode(p);
        crypto::AesKey other = c->key;
        other[5] ^= 0x10;
        signGetInfoParameters(other, block);
        QCOMPARE(outcome(c->sendBlock(block)), named(hr::AccessDenied));
        // MAC over only cbParametersSize bytes (a common mistake) is also refused.
        Block4112 shortMac = encode(p);
        const crypto::Omac tag = crypto::omac1(c->key, ByteView(shortMac.data() + 16, 40));
        std::copy(tag.begin(), tag.end(), shortMac.begin());
        QCOMPARE(outcome(c->sendBlock(shortMac)), named(hr::AccessDenied));
    }

    void wrongSequenceIsInvalidArgAndDoesNotAdvance_data()
    {
        QTest::addColumn<int>("delta");
        QTest::newRow("next") << 1;
        QTest::newRow("previous") << -1;
        QTest::newRow("far") << 1000;
    }

    void wrongSequenceIsInvalidArgAndDoesNotAdvance()
    {
        QFETCH(int, delta);
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi); // 0x100 used
        OpmGetInfoParameters p = c->info(guids::QueryConnectorType);
        p.sequence = c->statusSeq + std::uint32_t(delta);
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::InvalidArg));
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::InvalidArg)); // still wrong
        // "Display outputs advance only on success": the expected number still works, then the next.
        QCOMPARE(c->statusSeq, 0x101u);
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
        QCOMPARE(c->statusSeq, 0x103u);
    }

    void unknownAndCoppOnlyRequestsAreInvalidInformationRequests_data()
    {
        QTest::addColumn<Guid>("guid");
        QTest::newRow("unknown GUID") << kUnknownGuid;
        QTest::newRow("OPM_GET_ACP_AND_CGMSA_SIGNALING (COPP only)") << guids::QuerySignaling;
        QTest::newRow("OPM_GET_CONNECTED_HDCP_DEVICE_INFORMATION (COPP only)") << guids::QueryHdcpKeyData;
        QTest::newRow("OPM_GET_CODEC_INFO (codecs only)") << guids::GetCodecInfo;
        QTest::newRow("a command GUID") << guids::SetProtectionLevel;
    }

    void unknownAndCoppOnlyRequestsAreInvalidInformationRequests()
    {
        QFETCH(Guid, guid);
        Rig rig(OutputProfile::forConnector(connector::SVideo)); // ACP/CGMS-A: signaling would have an answer
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guid)), named(0xC026251Du));
        QCOMPARE(c->statusSeq, 0x100u); // not advanced
        QCOMPARE(c->value(guids::QueryConnectorType), connector::SVideo);
    }

    void levelQueriesTakeOpmHdcpTypeOnly()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        for (const Guid& guid : {guids::QueryLocalProtectionLevel, guids::QueryGlobalProtectionLevel}) {
            // §4.3: "COPP mode must use type 0x01 for HDCP, OPM mode 0x08".
            QCOMPARE(outcome(c->send(c->levelInfo(guid, protection::Hdcp))), named(hr::InvalidArg));
            QCOMPARE(c->value(guid, protection::OpmHdcp), 0u);
            // A level query carries exactly the 4-byte type; others carry nothing.
            QCOMPARE(outcome(c->get(guid)), named(hr::InvalidArg));
            QCOMPARE(outcome(c->send(c->levelInfo(guid, protection::OpmHdcp | protection::Acp))), named(hr::InvalidArg));
        }
        std::array<std::uint8_t, 4> four{};
        QCOMPARE(outcome(c->get(guids::QueryConnectorType, four)), named(hr::InvalidArg));
    }

    void supportedProtectionTypesUseOpmHdcpBit_data()
    {
        QTest::addColumn<std::uint32_t>("connectorType");
        QTest::addColumn<std::uint32_t>("types");
        QTest::newRow("HDMI") << connector::Hdmi << protection::OpmHdcp;
        QTest::newRow("DisplayPort") << connector::DisplayPortExternal << (protection::OpmHdcp | protection::Dpcp);
        QTest::newRow("S-Video") << connector::SVideo << (protection::Acp | protection::Cgmsa);
        QTest::newRow("VGA") << connector::Vga << protection::None;
    }

    void supportedProtectionTypesUseOpmHdcpBit()
    {
        QFETCH(std::uint32_t, connectorType);
        QFETCH(std::uint32_t, types);
        Rig rig(OutputProfile::forConnector(connectorType));
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        // §4.3: "OPM mode: HDCP=0x08, DPCP=0x10, ACP, CGMSA" — never COPP_COMPATIBLE_HDCP 0x01.
        QCOMPARE(c->value(guids::QueryProtectionType), types);
    }

    void replyIsMacedOverTheWholeBlockAndZeroFilled()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        const OpmGetInfoParameters p = c->info(guids::QueryConnectorType);
        const auto reply = c->send(p);
        QVERIFY_OK(reply);
        QCOMPARE(QString::fromStdString(c->replyProblems(*reply, p.random, 32)), QString());
        // The OMAC is over 16..4095: a change in the zero tail breaks it.
        Block4096 changed = *reply;
        changed[4095] ^= 0x01;
        QVERIFY(!verifyBlockMac(c->key, changed));
        QVERIFY(verifyBlockMac(c->key, *reply));
        const auto standard = decodeOpmStandardInformation(ByteView(reply->data() + 20, 32));
        QVERIFY(standard.ok());
        QCOMPARE(standard->flags, status::Normal);
        QCOMPARE(standard->data, connector::Hdmi);
        QCOMPARE(standard->extendedInfoValidMask, 0u); // ulReserved
        QCOMPARE(standard->extendedInfoData, 0u);      // ulReserved2
    }

    void replySizesPerRequest_data()
    {
        QTest::addColumn<Guid>("guid");
        QTest::addColumn<int>("size");
        QTest::newRow("connector type") << guids::QueryConnectorType << 32;
        QTest::newRow("protection types") << guids::QueryProtectionType << 32;
        QTest::newRow("bus type") << guids::QueryBusData << 32;
        QTest::newRow("actual output format") << guids::QueryDisplayData << 44;
        QTest::newRow("output id") << guids::GetOutputId << 28;
        QTest::newRow("hardware protection support") << guids::GetOutputHardwareProtectionSupport << 32;
    }

    void replySizesPerRequest()
    {
        QFETCH(Guid, guid);
        QFETCH(int, size);
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        const OpmGetInfoParameters p = c->info(guid);
        const auto reply = c->send(p);
        QVERIFY_OK(reply);
        QCOMPARE(QString::fromStdString(c->replyProblems(*reply, p.random, std::size_t(size))), QString());
    }

    void outputIdReplyIs28BytesWithTheIdAtOffset20()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        const OpmGetInfoParameters p = c->info(guids::GetOutputId);
        const auto reply = c->send(p);
        QVERIFY_OK(reply);
        // §3.3: "28 bytes with the SDK's pack(1) ... OutputId (u64)@20" (not mingw's 32 / 24).
        QCOMPARE(getU32(reply->data() + 16), 28u);
        QCOMPARE(QString::fromStdString(c->replyProblems(*reply, p.random, 28)), QString());
        const std::uint64_t id = getU64(reply->data() + 20 + 20);
        QVERIFY(id != 0);
        const auto decoded = decodeOpmOutputIdData(ByteView(reply->data() + 20, 28));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->outputId, id);
        QCOMPARE(decoded->statusFlags, status::Normal);
        // Stable for one output.
        QCOMPARE(getU64(c->get(guids::GetOutputId)->data() + 40), id);
    }

    void dviCharacteristicsOnlyForDvi()
    {
        Rig hdmi;
        auto c = hdmi.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guids::GetDviCharacteristics)), named(hr::OpmInvalidInformationRequest));
        Rig dvi(OutputProfile::forConnector(connector::Dvi));
        auto d = dvi.opm();
        QVERIFY_OK(d->open());
        QCOMPARE(d->value(guids::GetDviCharacteristics), 2u); // "2 = 1.1 or above"
    }

    void srmVersionNeverSetThenSet()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guids::GetCurrentHdcpSrmVersion)), named(hr::OpmHdcpSrmNeverSet));
        QCOMPARE(hr::OpmHdcpSrmNeverSet, 0xC0262516u);
        QCOMPARE(c->statusSeq, 0x100u);
        // OPM_SET_HDCP_SRM without the SRM in the additional buffer.
        QCOMPARE(outcome(c->configure(c->srmCommand(0x0102))), named(0xC0262512u));
        QCOMPARE(c->commandSeq, 0x200u); // a failed command does not advance
        QCOMPARE(outcome(c->get(guids::GetCurrentHdcpSrmVersion)), named(hr::OpmHdcpSrmNeverSet));
        // With it: the version (bits 0-15) is reported. The SRM is not covered by the MAC.
        const Bytes srm(300, 0x5a);
        QVERIFY_OK(c->configure(c->srmCommand(0x0102), srm));
        QCOMPARE(c->commandSeq, 0x201u);
        QCOMPARE(c->value(guids::GetCurrentHdcpSrmVersion), 0x0102u);
        // A too-short OPM_SET_HDCP_SRM_PARAMETERS (cbParametersSize 3) changes nothing.
        CoppCommand shortSrm = c->srmCommand(7);
        shortSrm.dataSize = 3;
        QCOMPARE(outcome(c->configure(shortSrm, srm)), named(hr::InvalidArg));
        QCOMPARE(c->value(guids::GetCurrentHdcpSrmVersion), 0x0102u);
    }

    void srmOnAnOutputWithoutHdcp()
    {
        Rig rig(OutputProfile::forConnector(connector::SVideo));
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guids::GetCurrentHdcpSrmVersion)), named(hr::OpmOutputDoesNotSupportHdcp));
        QCOMPARE(outcome(c->configure(c->srmCommand(1), Bytes(10, 1))), named(hr::OpmOutputDoesNotSupportHdcp));
    }

    void configureChecks()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        // Bad MAC: the tag, and a byte of the covered tail.
        Block4096 block = c->signCommand(c->levelCommand(protection::OpmHdcp, 1));
        block[1] ^= 0x01;
        QCOMPARE(outcome(c->configureBlock(block)), named(hr::AccessDenied));
        block = c->signCommand(c->levelCommand(protection::OpmHdcp, 1));
        block[4095] ^= 0x01;
        QCOMPARE(outcome(c->configureBlock(block)), named(hr::AccessDenied));
        // Wrong sequence.
        CoppCommand wrongSeq = c->levelCommand(protection::OpmHdcp, 1);
        wrongSeq.sequence += 1;
        QCOMPARE(outcome(c->configure(wrongSeq)), named(hr::InvalidArg));
        // Unknown configuration GUID.
        QCOMPARE(outcome(c->configure(c->command(kUnknownGuid, encode(SetProtectionLevel{protection::OpmHdcp, 1, 0, 0})))),
                 named(0xC0262521u));
        // A status GUID is not a configuration.
        QCOMPARE(outcome(c->configure(c->command(guids::QueryConnectorType, {}))), named(hr::OpmInvalidConfigurationRequest));
        // Level out of range; HDCP in COPP's spelling; several types at once.
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp, 2)), named(hr::InvalidArg));
        QCOMPARE(outcome(c->setLevel(protection::Hdcp, 1)), named(hr::InvalidArg));
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp | protection::Acp, 1)), named(hr::InvalidArg));
        // A payload shorter than OPM_SET_PROTECTION_LEVEL_PARAMETERS.
        CoppCommand shortOne = c->levelCommand(protection::OpmHdcp, 1);
        shortOne.dataSize = 15;
        QCOMPARE(outcome(c->configure(shortOne)), named(hr::InvalidArg));
        // An additional buffer is for OPM_SET_HDCP_SRM only.
        QCOMPARE(outcome(c->configure(c->levelCommand(protection::OpmHdcp, 1), Bytes(4, 1))), named(hr::InvalidArg));
        // None of these advanced the counter; a correct command still works.
        QCOMPARE(c->commandSeq, 0x200u);
        QVERIFY_OK(c->setLevel(protection::OpmHdcp, 1));
        QCOMPARE(c->value(guids::QueryLocalProtectionLevel, protection::OpmHdcp), 1u);
        QVERIFY_OK(c->configure(c->command(guids::SetProtectionLevelCssDvd, encode(SetProtectionLevel{protection::OpmHdcp, 0, 0, 0}))));
        QCOMPARE(c->value(guids::QueryLocalProtectionLevel, protection::OpmHdcp), 0u);
        QCOMPARE(c->commandSeq, 0x202u);
    }

    void hdcpLevelReachesTheConnector()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QVERIFY_OK(c->setLevel(protection::OpmHdcp, 1));
        QCOMPARE(c->value(guids::QueryLocalProtectionLevel, protection::OpmHdcp), 1u);
        rig.nowMs += 1000; // HDCP engages
        QCOMPARE(c->value(guids::QueryGlobalProtectionLevel, protection::OpmHdcp), 1u);
    }

    void missingProtectionTypeGivesOutputDoesNotSupport_data()
    {
        QTest::addColumn<std::uint32_t>("connectorType");
        QTest::addColumn<std::uint32_t>("type");
        QTest::addColumn<std::uint32_t>("level");
        QTest::addColumn<std::uint32_t>("code");
        QTest::newRow("ACP on HDMI") << connector::Hdmi << protection::Acp << 1u << hr::OpmOutputDoesNotSupportAcp;
        QTest::newRow("CGMS-A on HDMI") << connector::Hdmi << protection::Cgmsa << 1u << hr::OpmOutputDoesNotSupportCgmsa;
        QTest::newRow("HDCP on S-Video") << connector::SVideo << protection::OpmHdcp << 1u << hr::OpmOutputDoesNotSupportHdcp;
        QTest::newRow("HDCP on VGA") << connector::Vga << protection::OpmHdcp << 1u << hr::OpmOutputDoesNotSupportHdcp;
    }

    void missingProtectionTypeGivesOutputDoesNotSupport()
    {
        QFETCH(std::uint32_t, connectorType);
        QFETCH(std::uint32_t, type);
        QFETCH(std::uint32_t, level);
        QFETCH(std::uint32_t, code);
        Rig rig(OutputProfile::forConnector(connectorType));
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->setLevel(type, level)), named(code));
        QCOMPARE(outcome(c->send(c->levelInfo(guids::QueryLocalProtectionLevel, type))), named(code));
        QCOMPARE(outcome(c->send(c->levelInfo(guids::QueryGlobalProtectionLevel, type))), named(code));
        QCOMPARE(c->commandSeq, 0x200u);
        QCOMPARE(c->statusSeq, 0x100u);
    }

    void coppCompatibleGetInformationOnOpmSemanticsFails()
    {
        Rig rig;
        auto c = rig.opm();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::QueryConnectorType))), named(0xC026251Cu));
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi); // the status counter did not move
    }

    void tamperingAndRevokedDeviceFlagsOncePerSession_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<std::uint32_t>("flags");
        QTest::newRow("tampering") << QStringLiteral("tampering@2") << status::TamperingDetected;
        QTest::newRow("revoked-hdcp-device")
            << QStringLiteral("revoked-hdcp-device@2") << (status::RevokedHdcpDeviceAttached | status::LinkLost);
    }

    void tamperingAndRevokedDeviceFlagsOncePerSession()
    {
        QFETCH(QString, fault);
        QFETCH(std::uint32_t, flags);
        Rig rig;
        auto a = rig.opm({fault.toStdString()});
        auto b = rig.opm();
        QVERIFY_OK(a->open());
        QVERIFY_OK(b->open());
        QCOMPARE(a->flags(), status::Normal); // call 1
        QCOMPARE(a->flags(), flags);          // call 2: the event
        QCOMPARE(a->flags(), status::Normal); // once per session
        QCOMPARE(a->flags(), status::Normal);
        // The other object on the same output sees it once too, on its next reply.
        QCOMPARE(b->flags(), flags);
        QCOMPARE(b->flags(), status::Normal);
    }

    void statusEventSurvivesAFailedRequest_data()
    {
        QTest::addColumn<int>("failure");
        QTest::newRow("bad OMAC") << 0;
        QTest::newRow("wrong sequence") << 1;
        QTest::newRow("unknown request") << 2;
        QTest::newRow("SRM version never set") << 3;
        QTest::newRow("DVI characteristics on HDMI") << 4;
    }

    // §4.2/§5.3: a status event is reported on the session's next reply. Call 2 raises the
    // event and fails: the flag must come with the next reply that succeeds, not be lost.
    void statusEventSurvivesAFailedRequest()
    {
        QFETCH(int, failure);
        Rig rig;
        auto c = rig.opm({"tampering@2"});
        QVERIFY_OK(c->open());
        QCOMPARE(c->flags(), status::Normal); // call 1
        Result<Block4096> failed = makeError(Error::Code::Usage, "not sent");
        if (failure == 0) {
            Block4112 block = c->sign(c->info(guids::QueryConnectorType));
            block[0] ^= 0x01;
            failed = c->sendBlock(block);
        } else if (failure == 1) {
            OpmGetInfoParameters p = c->info(guids::QueryConnectorType);
            p.sequence += 1;
            failed = c->send(p);
        } else {
            failed = c->get(failure == 2 ? kUnknownGuid : failure == 3 ? guids::GetCurrentHdcpSrmVersion : guids::GetDviCharacteristics);
        }
        QVERIFY(!failed.ok()); // call 2
        QCOMPARE(c->flags(), status::TamperingDetected); // call 3
    }

    void eventsBeforeAnObjectExistsAreNotReported_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("link-lost (as COPP)") << QStringLiteral("link-lost@1");
        QTest::newRow("renegotiation (as COPP)") << QStringLiteral("renegotiation@1");
        QTest::newRow("tampering") << QStringLiteral("tampering@1");
        QTest::newRow("revoked-hdcp-device") << QStringLiteral("revoked-hdcp-device@1");
    }

    // EmulatedOutput::openSession: "events before the session are not its business"; the
    // emulator reports tampering and a revoked receiver "once per session" like link loss.
    void eventsBeforeAnObjectExistsAreNotReported()
    {
        QFETCH(QString, fault);
        Rig rig;
        auto first = rig.opm({fault.toStdString()});
        QVERIFY_OK(first->open());
        QVERIFY(first->flags() != status::Normal); // the event, on the object that saw it happen
        auto later = rig.opm();
        QVERIFY_OK(later->open());
        QCOMPARE(later->flags(), status::Normal);
    }

    void revokedHdcpDeviceTakesHdcpDown()
    {
        Rig rig;
        auto c = rig.opm({"revoked-hdcp-device@3"});
        QVERIFY_OK(c->open());
        QVERIFY_OK(c->setLevel(protection::OpmHdcp, 1));
        rig.nowMs += 1000;
        QCOMPARE(c->value(guids::QueryGlobalProtectionLevel, protection::OpmHdcp), 1u); // call 1
        QCOMPARE(c->flags(), status::Normal);                                              // call 2
        QCOMPARE(c->flags(), status::RevokedHdcpDeviceAttached | status::LinkLost);        // call 3
        QCOMPARE(c->value(guids::QueryGlobalProtectionLevel, protection::OpmHdcp), 0u);
    }

    // =========================================================================================== COPP semantics

    void coppSemanticsHandshakeUsesXmlChainAndPkcs1()
    {
        Rig rig;
        auto c = rig.copp();
        const device::DeviceDescription d = c->device->describe();
        QCOMPARE(QString::fromStdString(d.interface), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(d.semantics), QStringLiteral("copp"));
        QCOMPARE(QString::fromStdString(d.role), QStringLiteral("output"));
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        const QByteArray chain = asQByteArray(started->certificate);
        QCOMPARE(chain, tests::opmMaterial()->chain);
        QVERIFY(chain.trimmed().startsWith('<'));
        QCOMPARE(tests::firstFailureText(tests::validateWithTestRoot(chain)), QStringLiteral("valid"));
        // OAEP (the OPM recipe) is not what a COPP-semantics object decrypts.
        const SessionSecrets secrets{started->driverRandom, c->key, 3, 4};
        QCOMPARE(outcome(c->device->finishInitialization(buildOpmInitializationParameters(opmLeafKey(), secrets, c->random).value())),
                 named(hr::OpmInvalidEncryptedParameters));
        // Another random in a good §7.1 block.
        Bytes16 wrong = started->driverRandom;
        wrong[15] ^= 0x01;
        QCOMPARE(outcome(c->device->finishInitialization(c->initParameters(wrong, 3, 4))), named(hr::OpmInvalidEncryptedParameters));
        QVERIFY_OK(c->device->finishInitialization(c->initParameters(started->driverRandom, 3, 4)));
        c->statusSeq = 3;
        c->commandSeq = 4;
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
    }

    void coppCompatibleGetInformationWorks()
    {
        Rig rig;
        auto c = rig.copp();
        QVERIFY_OK(c->open());
        const CoppStatusInput in = c->coppInfo(guids::QueryConnectorType);
        const auto reply = c->sendCopp(in);
        QVERIFY_OK(reply);
        QCOMPARE(QString::fromStdString(c->replyProblems(*reply, in.random, 32)), QString());
        QCOMPARE(getU32(reply->data() + 40), connector::Hdmi);
        // §4.3 "COPP mode: COPP_COMPATIBLE_HDCP=0x01".
        QCOMPARE(c->value(guids::QueryProtectionType), protection::Hdcp);
        QCOMPARE(c->value(guids::QueryLocalProtectionLevel, protection::Hdcp), 0u);
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::QueryLocalProtectionLevel, [] {
            std::array<std::uint8_t, 4> t{};
            putU32(t.data(), protection::OpmHdcp);
            return t;
        }()))),
                 named(hr::InvalidArg));
        // The COPP-only requests are answered here.
        const CoppStatusInput keyData = c->coppInfo(guids::QueryHdcpKeyData);
        const auto keyReply = c->sendCopp(keyData);
        QVERIFY_OK(keyReply);
        QCOMPARE(QString::fromStdString(c->replyProblems(*keyReply, keyData.random, 72)), QString());
        const CoppStatusInput signaling = c->coppInfo(guids::QuerySignaling);
        const auto signalingReply = c->sendCopp(signaling);
        QVERIFY_OK(signalingReply);
        QCOMPARE(QString::fromStdString(c->replyProblems(*signalingReply, signaling.random, 88)), QString());
        // The OPM-only ones are not.
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::GetCurrentHdcpSrmVersion))), named(hr::OpmInvalidInformationRequest));
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::GetOutputId))), named(hr::OpmInvalidInformationRequest));
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(kUnknownGuid))), named(hr::OpmInvalidInformationRequest));
        // Wrong sequence: E_INVALIDARG, nothing advanced.
        CoppStatusInput wrong = c->coppInfo(guids::QueryConnectorType);
        wrong.sequence += 1;
        QCOMPARE(outcome(c->device->coppCompatibleGetInformation(encode(wrong))), named(hr::InvalidArg));
        QCOMPARE(c->value(guids::QueryConnectorType), connector::Hdmi);
    }

    void coppCompatibleBeforeInitializationIsUnexpected()
    {
        Rig rig;
        auto c = rig.copp();
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::QueryConnectorType))), named(hr::Unexpected));
    }

    void getInformationOnCoppSemanticsFails()
    {
        Rig rig;
        auto c = rig.copp();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guids::QueryConnectorType)), named(0xC026251Fu));
    }

    void coppSemanticsConfigure()
    {
        Rig rig;
        auto c = rig.copp();
        QVERIFY_OK(c->open());
        // OPM_SET_HDCP_SRM is OPM semantics only.
        QCOMPARE(outcome(c->configure(c->srmCommand(1), Bytes(20, 1))), named(0xC0262521u));
        QCOMPARE(outcome(c->configure(c->srmCommand(1))), named(0xC0262521u));
        // §4.4: "For COPP semantics the additional buffer must be NULL/0".
        QCOMPARE(outcome(c->configure(c->levelCommand(protection::Hdcp, 1), Bytes(4, 1))), named(hr::InvalidArg));
        // HDCP is 0x01 here; 0x08 is OPM's.
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp, 1)), named(hr::InvalidArg));
        QCOMPARE(c->commandSeq, 0x200u);
        QVERIFY_OK(c->setLevel(protection::Hdcp, 1));
        QCOMPARE(c->value(guids::QueryLocalProtectionLevel, protection::Hdcp), 1u);
        rig.nowMs += 1000;
        QCOMPARE(c->value(guids::QueryGlobalProtectionLevel, protection::Hdcp), 1u);
    }

    void coppSemanticsTamperingShowsAsLinkLost_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("tampering") << QStringLiteral("tampering@2");
        QTest::newRow("revoked-hdcp-device") << QStringLiteral("revoked-hdcp-device@2");
    }

    void coppSemanticsTamperingShowsAsLinkLost()
    {
        QFETCH(QString, fault);
        Rig rig;
        auto c = rig.copp({fault.toStdString()});
        QVERIFY_OK(c->open());
        QCOMPARE(c->flags(), status::Normal);
        // §5.3: "TAMPERING_DETECTED (not used in COPP mode; LINK_LOST instead)"; the OPM bits never appear.
        QCOMPARE(c->flags(), status::LinkLost);
        QCOMPARE(c->flags(), status::Normal);
    }

    // =========================================================================================== codec (docs/protocol.md §7.7)

    void codecAnswersMerit()
    {
        Rig rig;
        auto c = rig.codec();
        const device::DeviceDescription d = c->device->describe();
        QCOMPARE(QString::fromStdString(d.interface), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(d.semantics), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(d.role), QStringLiteral("codec"));
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        QCOMPARE(asQByteArray(started->certificate), tests::opmMaterial()->opm->certificate);
        QVERIFY_OK(c->device->finishInitialization(c->initParameters(started->driverRandom, 40, 50)));
        c->statusSeq = 40;

        const OpmGetInfoParameters p = c->info(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid));
        QCOMPARE(p.parametersSize, 20u);
        const auto reply = c->send(p);
        QVERIFY_OK(reply);
        // "whole OPM_REQUESTED_INFORMATION zeroed, rnRandomNumber copied, Merit set,
        // cbRequestedInformationSize = 20, then OMAC over bytes 16..4095".
        QCOMPARE(QString::fromStdString(c->replyProblems(*reply, p.random, 20)), QString());
        QCOMPARE(getU32(reply->data() + 16), 20u);
        QCOMPARE(getU32(reply->data() + 36), kMerit);
        const crypto::Omac mac = crypto::omac1(c->key, ByteView(reply->data() + 16, 4080));
        QVERIFY(std::equal(mac.begin(), mac.end(), reply->begin()));
        QVERIFY(std::all_of(reply->begin() + 40, reply->end(), [](std::uint8_t b) { return b == 0; }));
        // Again, with the next number.
        QCOMPARE(c->statusSeq, 41u);
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
    }

    void codecWrongMacIsAccessDeniedAndDoesNotAdvance()
    {
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        Block4112 block = c->sign(c->info(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
        block[200] ^= 0x01;
        QCOMPARE(outcome(c->device->getInformation(block)), named(hr::AccessDenied));
        // "OMAC first": the counter only moves once a request's OMAC verifies.
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
        // The wrong MAC wins over everything else wrong.
        OpmGetInfoParameters bad = c->info(kUnknownGuid);
        bad.sequence += 7;
        Block4112 badBlock = c->sign(bad);
        badBlock[0] ^= 0xff;
        QCOMPARE(outcome(c->device->getInformation(badBlock)), named(hr::AccessDenied));
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
    }

    void codecWrongSequenceIsAccessDeniedAndAdvances()
    {
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open()); // expected: 0x100
        OpmGetInfoParameters p = c->info(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid));
        p.sequence = 0x105;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::AccessDenied));
        // "if (ulSequenceNumber != m_StatusSequenceNumber++)": the counter is 0x101 now,
        // so the old expected number fails (and moves it to 0x102)...
        p = c->info(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid));
        p.sequence = 0x100;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::AccessDenied));
        // ...as does 0x101, which was expected before that failure (-> 0x103)...
        p.sequence = 0x101;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::AccessDenied));
        // ...and 0x103 succeeds.
        p.sequence = 0x103;
        QVERIFY_OK(c->device->getInformation(c->sign(p)));
        p.sequence = 0x104;
        QVERIFY_OK(c->device->getInformation(c->sign(p)));
    }

    void codecSequenceAfterOneFailureIsExpectedPlusOne()
    {
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open(0xFFFFFFFFu, 0)); // the counter wraps like a ULONG
        OpmGetInfoParameters p = c->info(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid));
        p.sequence = 5;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::AccessDenied));
        p.sequence = 0; // 0xFFFFFFFF + 1
        QVERIFY_OK(c->device->getInformation(c->sign(p)));
    }

    void codecWrongGuidIsNotImplAndAdvances_data()
    {
        QTest::addColumn<Guid>("guid");
        QTest::newRow("connector type") << guids::QueryConnectorType;
        QTest::newRow("output id") << guids::GetOutputId;
        QTest::newRow("unknown") << kUnknownGuid;
    }

    void codecWrongGuidIsNotImplAndAdvances()
    {
        QFETCH(Guid, guid);
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guid, codecInfoParametersForClsid(kClsid))), named(hr::NotImpl));
        QCOMPARE(c->statusSeq, 0x100u); // the client's view: the call failed...
        // ...but the codec's counter advanced: 0x100 is now wrong, 0x102 right (0x100 moved it once more).
        QCOMPARE(outcome(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid))), named(hr::AccessDenied));
        c->statusSeq = 0x102;
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
    }

    void codecWrongSequenceWinsOverWrongGuid()
    {
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        OpmGetInfoParameters p = c->info(kUnknownGuid);
        p.sequence = 0x999;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::AccessDenied));
        // GUID before sizes: a wrong GUID with impossible sizes is E_NOTIMPL.
        p = c->info(kUnknownGuid);
        p.sequence = 0x101;
        p.parametersSize = 9999;
        QCOMPARE(outcome(c->device->getInformation(c->sign(p))), named(hr::NotImpl));
    }

    void codecBadSizesAreInvalidArg_data()
    {
        QTest::addColumn<std::uint32_t>("parametersSize");
        QTest::addColumn<std::uint32_t>("verifierSize");
        QTest::newRow("cbParametersSize 0") << 0u << 0u;
        QTest::newRow("cbParametersSize 3") << 3u << 16u;
        QTest::newRow("cbParametersSize 4057") << 4057u << 4053u;
        QTest::newRow("cbParametersSize 0xFFFFFFFF") << 0xFFFFFFFFu << 0xFFFFFFFBu;
        QTest::newRow("cbVerifier 15 for cb 20") << 20u << 15u;
        QTest::newRow("cbVerifier 17 for cb 20") << 20u << 17u;
        QTest::newRow("cbVerifier 16 for cb 21") << 21u << 16u;
    }

    void codecBadSizesAreInvalidArg()
    {
        QFETCH(std::uint32_t, parametersSize);
        QFETCH(std::uint32_t, verifierSize);
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        OpmGetInfoParameters p = c->info(guids::GetCodecInfo, codecParameters(verifierSize, kClsid.bytes));
        p.parametersSize = parametersSize;
        QCOMPARE(outcome(c->send(p)), named(hr::InvalidArg));
        c->statusSeq = 0x101; // the codec advanced anyway
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
    }

    void codecWrongVerifierIsAccessDenied_data()
    {
        QTest::addColumn<Bytes>("parameters");
        Bytes extraByte(kClsid.bytes.begin(), kClsid.bytes.end());
        extraByte.push_back(0);
        Bytes clsidPrefix(kClsid.bytes.begin(), kClsid.bytes.end() - 1);
        // A symbolic link: NUL-terminated UTF-16 (§4.3); this codec answers to its CLSID only.
        std::u16string link = u"\\\\?\\SWD#CODEC#1";
        link.push_back(u'\0');
        Bytes linkBytes;
        for (char16_t ch : link) {
            linkBytes.push_back(std::uint8_t(ch & 0xff));
            linkBytes.push_back(std::uint8_t(ch >> 8));
        }
        QTest::newRow("another CLSID") << codecParameters(16, kOtherClsid.bytes);
        QTest::newRow("cbVerifier 0") << codecParameters(0, {});
        QTest::newRow("cbVerifier 17 (CLSID + 1 byte)") << codecParameters(17, extraByte);
        QTest::newRow("cbVerifier 15 (CLSID prefix)") << codecParameters(15, clsidPrefix);
        QTest::newRow("a symbolic link") << codecParameters(std::uint32_t(linkBytes.size()), linkBytes);
        QTest::newRow("the largest verifier") << codecParameters(4052, Bytes(4052, 0x11));
    }

    void codecWrongVerifierIsAccessDenied()
    {
        QFETCH(Bytes, parameters);
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->get(guids::GetCodecInfo, parameters)), named(hr::AccessDenied));
        c->statusSeq = 0x101;
        QVERIFY_OK(c->get(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)));
    }

    void codecWrongRandomAtFinishInitializationIsAccessDenied()
    {
        Rig rig;
        auto c = rig.codec();
        const auto started = c->device->startInitialization();
        QVERIFY_OK(started);
        Bytes16 wrong = started->driverRandom;
        wrong[7] ^= 0x04;
        // The sample: "memcmp(&m_RandomNumber, &Params->guidCOPPRandom, ...) -> E_ACCESSDENIED".
        QCOMPARE(outcome(c->device->finishInitialization(c->initParameters(wrong, 0, 0))), named(hr::AccessDenied));
    }

    void codecHasNoCoppCompatibleGetInformationOrConfigure()
    {
        Rig rig;
        auto c = rig.codec();
        QVERIFY_OK(c->open());
        QCOMPARE(outcome(c->sendCopp(c->coppInfo(guids::GetCodecInfo, codecInfoParametersForClsid(kClsid)))), named(hr::NotImpl));
        QCOMPARE(outcome(c->setLevel(protection::OpmHdcp, 1)), named(hr::NotImpl));
        QCOMPARE(outcome(c->configure(c->srmCommand(1), Bytes(8, 1))), named(hr::NotImpl));
    }
};

QTEST_GUILESS_MAIN(TestOpmEmulator)
#include "tst_opmemulator.moc"
