// SPDX-License-Identifier: BSD-3-Clause
// The device backend contract (docs/architecture.md "Devices"; docs/protocol.md
// §1.4, §2, §3.1, §4.2, §6.1, §7.1-§7.3, §10): one suite of cases, each run
// against every backend that serves the driver emulator, byte for byte:
//   emulator    the in-process CoppEmulator;
//   agent-pipe  the emulator in a child process behind AgentDevice
//               (docs/cli.md#the-device-agent-protocol, the agent_emulator helper);
//   replay      the case recorded against a fresh emulator (RecordingDevice +
//               RecordingRandom), the transcript written to JSON and read back,
//               then the same case again against a ReplayDevice on it, drawing
//               its randomness from replay->random(); the replay must not
//               diverge and must play every recorded call.
// Requests are built here byte by byte (§3.1 offsets) and replies checked with
// the kernel's omac1 over bytes 16..4095 and the §4.2 sizes, so a case does not
// merely re-check what the code under test computed.
#include <support/testsupport.h>

#include <core/device/agent/agentclient.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/crypto/omac.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/sessionstart.h>
#include <core/session/replaydevice.h>
#include <core/session/transcript.h>
#include <core/validation/leafkey.h>

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>

using namespace copp;
using namespace copp::protocol;
using device::CoppDevice;

namespace {

// ---- Independent byte-level helpers (§3.1) -----------------------------------------------------------------

void le32(Block4096& block, std::size_t offset, std::uint32_t v)
{
    for (std::size_t i = 0; i < 4; ++i)
        block[offset + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t le32(const Block4096& block, std::size_t offset)
{
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i)
        v |= std::uint32_t(block[offset + i]) << (8 * i);
    return v;
}

// AMCOPPStatusInput: rApp@0, guidStatusRequestID@16, dwSequence@32, cbSizeData@36, StatusData@40. No MAC.
Block4096 statusInput(const Bytes16& rApp, StatusRequest request, std::uint32_t sequence, std::uint32_t dataSize,
                      std::uint32_t type = 0)
{
    Block4096 block{};
    std::copy(rApp.begin(), rApp.end(), block.begin());
    const Bytes16& guid = statusRequestGuid(request).bytes;
    std::copy(guid.begin(), guid.end(), block.begin() + 16);
    le32(block, 32, sequence);
    le32(block, 36, dataSize);
    le32(block, 40, type);
    return block;
}

// AMCOPPCommand: macKDI@0 = OMAC(K, bytes 16..4095), guidCommandID@16, dwSequence@32, cbSizeData@36, data@40.
Block4096 setProtectionLevelCommand(const crypto::AesKey& key, std::uint32_t sequence, std::uint32_t type,
                                    std::uint32_t level)
{
    Block4096 block{};
    const Bytes16& guid = guids::SetProtectionLevel.bytes;
    std::copy(guid.begin(), guid.end(), block.begin() + 16);
    le32(block, 32, sequence);
    le32(block, 36, 16); // DXVA_COPPSetProtectionLevelCmdData
    le32(block, 40, type);
    le32(block, 44, level);
    const crypto::Omac mac = crypto::omac1(key, ByteView(block.data() + 16, kBlockSize - 16));
    std::copy(mac.begin(), mac.end(), block.begin());
    return block;
}

// §4.2: the reply struct's size per request.
std::uint32_t expectedReplySize(StatusRequest request)
{
    switch (request) {
    case StatusRequest::DisplayData:
        return 44;
    case StatusRequest::HdcpKeyData:
        return 72;
    case StatusRequest::Signaling:
        return 88;
    default:
        return 32;
    }
}

bool isLevelQuery(StatusRequest request)
{
    return request == StatusRequest::LocalLevel || request == StatusRequest::GlobalLevel;
}

// Every §6.1/§7.2 check of an accepted reply; empty when all hold.
QByteArray replyProblems(const crypto::AesKey& key, const Block4096& reply, const Bytes16& rApp,
                         std::uint32_t expectedSize)
{
    const crypto::Omac mac = crypto::omac1(key, ByteView(reply.data() + 16, kBlockSize - 16));
    if (!std::equal(mac.begin(), mac.end(), reply.begin()))
        return "the reply's macKDI is not OMAC(K, bytes 16..4095)";
    if (le32(reply, 16) != expectedSize)
        return "cbSizeData " + QByteArray::number(le32(reply, 16)) + ", expected " + QByteArray::number(expectedSize);
    if (!std::equal(rApp.begin(), rApp.end(), reply.begin() + 20))
        return "rApp is not echoed at COPPStatus[0..16)";
    for (std::size_t i = 20 + expectedSize; i < kBlockSize; ++i)
        if (reply[i] != 0)
            return "byte " + QByteArray::number(qulonglong(i)) + " after the reply struct is not zero";
    return {};
}

// "S_OK", "E_UNEXPECTED", ... or how a call failed otherwise: readable when a QCOMPARE fails.
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
        return QStringLiteral("S_OK");
    if (r.error().code != Error::Code::Device)
        return QStringLiteral("non-device error %1: %2").arg(int(r.error().code)).arg(QString::fromStdString(r.error().detail));
    return named(r.error().hresult);
}

template <typename T>
QByteArray why(const Result<T>& r)
{
    return r.ok() ? QByteArray() : QByteArray::fromStdString(r.error().detail);
}

const QString kOk = QStringLiteral("S_OK");
const QString kUnexpected = named(hr::Unexpected);  // §10.1 0x8000FFFF
const QString kInvalidArg = named(hr::InvalidArg);  // §10.1 0x80070057

// Stops the calling case when a helper failed.
#define STEP(call)                                                                                                    \
    do {                                                                                                              \
        call;                                                                                                         \
        if (QTest::currentTestFailed())                                                                               \
            return;                                                                                                   \
    } while (false)

// ---- The application side, as the cases need it ------------------------------------------------------------

struct Session {
    device::KeyExchangeReply exchanged;
    crypto::RsaPublicKey leafKey;
    crypto::AesKey key{};
    std::uint32_t statusSeq = 0;
    std::uint32_t commandSeq = 0;
};

// KeyExchange: a 16-byte random and a chain that validates against the test root,
// whose leaf key is the test PKI's leaf.
void exchangeKeys(CoppDevice& device, Session& s)
{
    auto kx = device.keyExchange();
    QVERIFY2(kx.ok(), why(kx).constData());
    s.exchanged = std::move(kx.value());
    QVERIFY2(std::any_of(s.exchanged.driverRandom.begin(), s.exchanged.driverRandom.end(), [](auto b) { return b != 0; }),
             "the driver random is all zero");
    const QByteArray xml(reinterpret_cast<const char*>(s.exchanged.certificateChain.data()),
                         qsizetype(s.exchanged.certificateChain.size()));
    const validation::ValidationReport report = tests::validateWithTestRoot(xml);
    QCOMPARE(tests::firstFailureText(report), QStringLiteral("valid"));
    auto leaf = validation::leafPublicKey(report.document);
    QVERIFY2(leaf.ok(), why(leaf).constData());
    QVERIFY(leaf.value() == tests::testPki().keys().leaf.publicKey());
    s.leafKey = leaf.value();
}

// §2/§7.1: S = driver random | K | status seq | command seq, all drawn from `random`, padding too.
Signature256 signatureFor(const Session& s, const Bytes16& driverRandom, const crypto::AesKey& key,
                          std::uint32_t statusSeq, std::uint32_t commandSeq, crypto::RandomSource& random)
{
    return buildCoppSignature(s.leafKey, SessionSecrets{driverRandom, key, statusSeq, commandSeq}, random).value();
}

void drawSecrets(crypto::RandomSource& random, Session& s)
{
    random.fill(s.key);
    Block4096 starts{};
    random.fill(std::span(starts.data(), 8));
    s.statusSeq = le32(starts, 0);
    s.commandSeq = le32(starts, 4);
}

// KeyExchange, then a correct SessionSequenceStart.
void startSession(CoppDevice& device, crypto::RandomSource& random, Session& s)
{
    STEP(exchangeKeys(device, s));
    drawSecrets(random, s);
    const auto started =
        device.sessionSequenceStart(signatureFor(s, s.exchanged.driverRandom, s.key, s.statusSeq, s.commandSeq, random));
    QVERIFY2(started.ok(), why(started).constData());
}

Result<Block4096> sendStatus(CoppDevice& device, crypto::RandomSource& random, Bytes16& rApp, StatusRequest request,
                             std::uint32_t sequence, std::uint32_t type = protection::Hdcp)
{
    random.fill(rApp);
    const std::uint32_t size = isLevelQuery(request) ? 4 : 0; // §4.2
    return device.protectionStatus(statusInput(rApp, request, sequence, size, isLevelQuery(request) ? type : 0));
}

// One accepted, fully checked status call at the session's sequence; `value` gets dwData@20+20.
void checkedStatus(CoppDevice& device, crypto::RandomSource& random, Session& s, StatusRequest request,
                   Block4096& reply, std::uint32_t type = protection::Hdcp)
{
    Bytes16 rApp{};
    const auto r = sendStatus(device, random, rApp, request, s.statusSeq, type);
    QVERIFY2(r.ok(), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(statusRequestName(request)), outcome(r))));
    ++s.statusSeq; // §2: accepted -> the next request uses seq + 1
    reply = r.value();
    const QByteArray problem = replyProblems(s.key, reply, rApp, expectedReplySize(request));
    QVERIFY2(problem.isEmpty(), QByteArray(QByteArray(statusRequestName(request)) + ": " + problem).constData());
}

// dwData of a checked DXVA_COPPStatusData reply (COPPStatus@20: rApp 16, dwFlags 4, dwData 4).
std::uint32_t dwData(const Block4096& reply)
{
    return le32(reply, 20 + 20);
}
std::uint32_t dwFlags(const Block4096& reply)
{
    return le32(reply, 20 + 16);
}

// ---- The contract cases --------------------------------------------------------------------------------------

// device.describe (docs/cli.md#the-device-agent-protocol): a COPP output; describing changes no state.
void caseDescribe(CoppDevice& device, crypto::RandomSource& random)
{
    const device::DeviceDescription d = device.describe();
    QVERIFY(!d.name.empty());
    QVERIFY2(QString::fromStdString(d.name).contains(QLatin1String("emulator")), d.name.c_str());
    QCOMPARE(QString::fromStdString(d.interface), QStringLiteral("copp"));
    QCOMPARE(QString::fromStdString(d.semantics), QStringLiteral("copp"));
    QCOMPARE(QString::fromStdString(d.role), QStringLiteral("output"));
    Session s;
    STEP(startSession(device, random, s)); // still COPP_OPENED after describe
}

// KeyExchange once (§1.4): a second one is E_UNEXPECTED and issues no new random.
void caseKeyExchange(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(exchangeKeys(device, s));
    QCOMPARE(outcome(device.keyExchange()), kUnexpected);
    drawSecrets(random, s);
    // The first random still starts the session.
    QCOMPARE(outcome(device.sessionSequenceStart(
                 signatureFor(s, s.exchanged.driverRandom, s.key, s.statusSeq, s.commandSeq, random))),
             kOk);
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply));
    QCOMPARE(outcome(device.keyExchange()), kUnexpected); // also once active
}

// §1.4: Command/QueryStatus before COPP_SESSION_ACTIVE and SequenceStart before KeyExchange: E_UNEXPECTED.
void caseCallsBeforeSessionStart(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    s.leafKey = tests::testPki().keys().leaf.publicKey();
    drawSecrets(random, s);
    Bytes16 rApp{};
    // COPP_OPENED
    QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::ConnectorType, 0)), kUnexpected);
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, 0, protection::Hdcp, 1))), kUnexpected);
    Bytes16 madeUp{};
    random.fill(madeUp);
    QCOMPARE(outcome(device.sessionSequenceStart(signatureFor(s, madeUp, s.key, 0, 0, random))), kUnexpected);
    // COPP_KEY_EXCHANGED
    STEP(exchangeKeys(device, s));
    QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::ConnectorType, s.statusSeq)), kUnexpected);
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 1))),
             kUnexpected);
    // Nothing changed the state: the normal order works.
    QCOMPARE(outcome(device.sessionSequenceStart(
                 signatureFor(s, s.exchanged.driverRandom, s.key, s.statusSeq, s.commandSeq, random))),
             kOk);
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply));
    QCOMPARE(dwData(reply), connector::Hdmi);
}

// §7.1: a session-start block carrying another random is E_UNEXPECTED and leaves COPP_KEY_EXCHANGED.
void caseSessionStartWithWrongRandom(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(exchangeKeys(device, s));
    drawSecrets(random, s);
    Bytes16 wrong = s.exchanged.driverRandom;
    wrong[15] ^= 0x01;
    QCOMPARE(outcome(device.sessionSequenceStart(signatureFor(s, wrong, s.key, s.statusSeq, s.commandSeq, random))),
             kUnexpected);
    Bytes16 rApp{};
    QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::ConnectorType, s.statusSeq)), kUnexpected);
    QCOMPARE(outcome(device.sessionSequenceStart(
                 signatureFor(s, s.exchanged.driverRandom, s.key, s.statusSeq, s.commandSeq, random))),
             kOk);
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply));
}

// §1.4: a second SequenceStart is E_UNEXPECTED and changes nothing (the first key and numbers hold).
void caseSecondSessionStart(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(startSession(device, random, s));
    Session other = s;
    drawSecrets(random, other);
    QCOMPARE(outcome(device.sessionSequenceStart(signatureFor(other, s.exchanged.driverRandom, other.key,
                                                              other.statusSeq, other.commandSeq, random))),
             kUnexpected);
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply)); // verifies with the first key
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 1))),
             kOk);
}

// §4.2/§7.2: all eight requests answer with a MAC over bytes 16..4095, the echoed rApp,
// the §4.2 size, zeros after the struct, and the emulated HDMI output's values.
void caseAllStatusRequests(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(startSession(device, random, s));
    for (StatusRequest request : kAllStatusRequests) {
        Block4096 reply{};
        STEP(checkedStatus(device, random, s, request, reply));
        QCOMPARE(dwFlags(reply), status::Normal); // no link event on a fresh session
        switch (request) {
        case StatusRequest::ConnectorType:
            QCOMPARE(dwData(reply), connector::Hdmi);
            break;
        case StatusRequest::ProtectionType:
            QCOMPARE(dwData(reply), protection::Hdcp);
            break;
        case StatusRequest::LocalLevel:
        case StatusRequest::GlobalLevel:
            QCOMPARE(dwData(reply), 0u); // §1.4: a new session's levels are 0; nobody set HDCP
            break;
        case StatusRequest::BusData:
            QCOMPARE(dwData(reply), bus::PciExpress);
            break;
        case StatusRequest::DisplayData: // DXVA_COPPStatusDisplayData: width@20, height@24, freq@36/@40
            QCOMPARE(le32(reply, 20 + 20), 1920u);
            QCOMPARE(le32(reply, 20 + 24), 1080u);
            QCOMPARE(le32(reply, 20 + 36), 60000u);
            QCOMPARE(le32(reply, 20 + 40), 1001u);
            break;
        case StatusRequest::HdcpKeyData: { // dwHDCPFlags@20, BKey@24: the Bksv, least significant byte first
            QCOMPARE(le32(reply, 20 + 20), 0u); // not a repeater
            const std::uint8_t bksv[] = {0xcd, 0x1a, 0xf2, 0x1e, 0x51};
            QVERIFY(std::equal(std::begin(bksv), std::end(bksv), reply.begin() + 20 + 24));
            break;
        }
        case StatusRequest::Signaling:
            break;
        }
    }
}

// §2/§7.2: a wrong status sequence is E_INVALIDARG and does not advance the driver's counter.
void caseWrongStatusSequence(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(startSession(device, random, s));
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply));
    Bytes16 rApp{};
    for (std::uint32_t wrong : {s.statusSeq + 1, s.statusSeq - 1, s.statusSeq ^ 0x80000000u})
        QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::ConnectorType, wrong)), kInvalidArg);
    STEP(checkedStatus(device, random, s, StatusRequest::ConnectorType, reply)); // the same number still works
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));    // and then the next one
    QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::ConnectorType, s.statusSeq - 1)), kInvalidArg);
}

// §4.2: cbSizeData and the protection type of a request are checked (E_INVALIDARG), without advancing.
void caseStatusInputIsChecked(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(startSession(device, random, s));
    Bytes16 rApp{};
    random.fill(rApp);
    QCOMPARE(outcome(device.protectionStatus(statusInput(rApp, StatusRequest::ConnectorType, s.statusSeq, 4))),
             kInvalidArg); // "driver rejects ≠0 with E_INVALIDARG"
    QCOMPARE(outcome(device.protectionStatus(statusInput(rApp, StatusRequest::LocalLevel, s.statusSeq, 0))),
             kInvalidArg); // "exactly 4"
    QCOMPARE(outcome(sendStatus(device, random, rApp, StatusRequest::LocalLevel, s.statusSeq, protection::Acp)),
             kInvalidArg); // not on HDMI
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));
}

// §4.4/§7.3: SetProtectionLevel HDCP=1 with a correct MAC is accepted and shows in the local
// level; a bad MAC is E_UNEXPECTED, a wrong sequence E_INVALIDARG, neither advances.
void caseSetProtectionLevel(CoppDevice& device, crypto::RandomSource& random)
{
    Session s;
    STEP(startSession(device, random, s));
    Block4096 reply{};
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));
    QCOMPARE(dwData(reply), 0u);

    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 1))),
             kOk);
    ++s.commandSeq;
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));
    QCOMPARE(dwData(reply), 1u);

    for (std::size_t offset : {std::size_t(0), std::size_t(44), std::size_t(4095)}) {
        Block4096 bad = setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 0);
        bad[offset] ^= 0x01; // in the MAC, in the level (MACed), in the unused tail (MACed too, §6.1)
        QCOMPARE(outcome(device.protectionCommand(bad)), kUnexpected);
    }
    crypto::AesKey otherKey = s.key;
    otherKey[0] ^= 0xFF;
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(otherKey, s.commandSeq, protection::Hdcp, 0))),
             kUnexpected);
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq + 1, protection::Hdcp, 0))),
             kInvalidArg);
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));
    QCOMPARE(dwData(reply), 1u); // no rejected command changed the level
    // The command sequence did not advance: the current number is still expected.
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 0))),
             kOk);
    ++s.commandSeq;
    STEP(checkedStatus(device, random, s, StatusRequest::LocalLevel, reply));
    QCOMPARE(dwData(reply), 0u);
    // §4.4: a level out of range is E_INVALIDARG.
    QCOMPARE(outcome(device.protectionCommand(setProtectionLevelCommand(s.key, s.commandSeq, protection::Hdcp, 2))),
             kInvalidArg);
}

using ContractCase = void (*)(CoppDevice&, crypto::RandomSource&);

std::unique_ptr<device::CoppEmulator> freshEmulator()
{
    static const auto material =
        std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(tests::testPki(), {}));
    return std::make_unique<device::CoppEmulator>(std::make_shared<device::EmulatedOutput>(device::OutputProfile{}),
                                                  material);
}

QString shellQuote(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

class TestDeviceContract : public QObject {
    Q_OBJECT

    QTemporaryDir m_keys;
    int m_seed = 0;

    // Runs `contractCase` against the backend of the current row, on a fresh device.
    void run(ContractCase contractCase)
    {
        QFETCH_GLOBAL(QString, backend);
        crypto::DeterministicRandom random(0xC0FF00u + std::uint64_t(++m_seed));
        if (backend == u"emulator") {
            auto emulator = freshEmulator();
            contractCase(*emulator, random);
        } else if (backend == u"agent-pipe") {
            auto agent = device::AgentDevice::start(shellQuote(QStringLiteral(COPP_AGENT_EMULATOR)) + u' '
                                                        + shellQuote(m_keys.path()),
                                                    5000, device::AgentDevice::Stderr::Discard);
            QVERIFY2(agent.ok(), why(agent).constData());
            contractCase(*agent.value(), random);
        } else if (backend == u"replay") {
            session::Transcript recorded;
            recorded.setKeepApplicationRandom(true);
            {
                auto emulator = freshEmulator();
                std::int64_t clock = 0;
                session::RecordingDevice recording(*emulator, recorded, [&clock] { return clock += 1; });
                session::RecordingRandom recordingRandom(random, recorded);
                contractCase(recording, recordingRandom);
                if (QTest::currentTestFailed()) {
                    qWarning("the failure above happened while recording the case against the in-process emulator");
                    return;
                }
            }
            const QByteArray json = QJsonDocument(recorded.toJson()).toJson(QJsonDocument::Compact);
            auto parsed = session::Transcript::fromJson(json);
            QVERIFY2(parsed.ok(), why(parsed).constData());
            const int calls = int(parsed->calls().size());
            QVERIFY(calls > 0);
            auto replay = session::ReplayDevice::open(std::move(parsed.value()));
            QVERIFY2(replay.ok(), why(replay).constData());
            contractCase(*replay.value(), replay.value()->random());
            QVERIFY2(!replay.value()->divergence(), replay.value()->divergence().value_or("").c_str());
            QCOMPARE(replay.value()->recordedCalls(), calls);
            QCOMPARE(replay.value()->played(), calls);
            QVERIFY(replay.value()->finished());
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown backend ") + backend));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        const auto saved = tests::testPki().keys().save(m_keys.path());
        QVERIFY2(saved.ok(), why(saved).constData());
        QVERIFY(freshEmulator() != nullptr); // the chain is made once, outside the cases
    }

    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("emulator") << QStringLiteral("emulator");
        QTest::newRow("agent-pipe") << QStringLiteral("agent-pipe");
        QTest::newRow("replay") << QStringLiteral("replay");
    }

    void describe() { run(caseDescribe); }
    void keyExchangeOnce() { run(caseKeyExchange); }
    void callsBeforeSessionStartAreUnexpected() { run(caseCallsBeforeSessionStart); }
    void sessionStartWithWrongRandomIsUnexpected() { run(caseSessionStartWithWrongRandom); }
    void secondSessionStartIsUnexpected() { run(caseSecondSessionStart); }
    void allEightStatusRequests() { run(caseAllStatusRequests); }
    void wrongStatusSequenceIsInvalidArg() { run(caseWrongStatusSequence); }
    void statusInputIsChecked() { run(caseStatusInputIsChecked); }
    void setProtectionLevel() { run(caseSetProtectionLevel); }
};

QTEST_GUILESS_MAIN(TestDeviceContract)
#include "tst_devicecontract.moc"
