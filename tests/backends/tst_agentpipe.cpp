// SPDX-License-Identifier: BSD-3-Clause
// The device agent pipe (docs/cli.md#the-device-agent-protocol): line encoding and strict
// decoding, the agent server (the one coppscope-agent.exe runs) serving the
// emulator over in-memory buffers,
// AgentDevice against misbehaving shell peers (every failure bounded in time
// and memory), and a whole COPP session through a real child process.
#include <support/agentbuffers.h>
#include <support/testsupport.h>

#include <core/device/agent/agentclient.h>
#include <core/device/agent/agentprotocol.h>
#include <core/device/agent/coppdeviceserver.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/sessionstart.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;
using namespace copp::device;
using namespace copp::protocol;

namespace {

constexpr std::uint32_t kUnexpected = 2147549183u; // 0x8000FFFF E_UNEXPECTED
constexpr std::uint32_t kNotImpl = 2147500033u;    // 0x80004001 E_NOTIMPL
constexpr std::uint32_t kInvalidArg = 2147942487u; // 0x80070057 E_INVALIDARG
constexpr std::uint32_t kFail = 2147500037u;       // 0x80004005 E_FAIL

QString hexOf(std::size_t bytes, char digit = '0')
{
    return QString(static_cast<qsizetype>(2 * bytes), QLatin1Char(digit));
}

QJsonObject object(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

std::unique_ptr<CoppEmulator> makeEmulator(std::vector<Fault> faults = {})
{
    auto material = std::make_shared<const EmulatorMaterial>(EmulatorMaterial::create(tests::testPki(), faults));
    return std::make_unique<CoppEmulator>(std::make_shared<EmulatedOutput>(OutputProfile{}), material, faults);
}

// serveAgent over buffers: the raw output and each answered line as JSON.
struct Served {
    int exitCode = -1;
    QByteArray raw;
    QList<QJsonObject> lines;
};

Served serve(CoppDevice& device, const QByteArray& input)
{
    tests::BytesSource in(input);
    tests::BytesSink out;
    Served s;
    s.exitCode = serveAgent(device, in, out);
    s.raw = out.bytes;
    for (const QByteArray& line : s.raw.split('\n'))
        if (!line.isEmpty())
            s.lines.append(QJsonDocument::fromJson(line).object());
    return s;
}

std::unique_ptr<AgentDevice> startPeer(const QString& command, int timeoutMs = 2000)
{
    auto device = AgentDevice::start(command, timeoutMs, AgentDevice::Stderr::Discard);
    if (!device)
        qFatal("start %s: %s", qPrintable(command), device.error().detail.c_str());
    return std::move(device.value());
}

QString shellQuote(const QString& s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

class TestAgentPipe : public QObject {
    Q_OBJECT

    QTemporaryDir m_keys;

private slots:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        const auto saved = tests::testPki().keys().save(m_keys.path());
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().detail.c_str());
    }

    // --- Line encoding --------------------------------------------------

    void requestRoundTrip()
    {
        QJsonObject params;
        params.insert(QLatin1String("input"), hexOf(4096, 'a'));
        const QByteArray line = agent::encodeRequest({7, QStringLiteral("copp.protectionStatus"), params});
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const auto back = agent::decodeRequest(line);
        QVERIFY(back.ok());
        QCOMPARE(back->id, 7);
        QCOMPARE(back->method, QStringLiteral("copp.protectionStatus"));
        QCOMPARE(back->params, params);
        // "params" may be absent.
        const auto bare = agent::decodeRequest("{\"id\": 0, \"method\": \"device.describe\"}");
        QVERIFY(bare.ok());
        QVERIFY(bare->params.isEmpty());
    }

    void responseRoundTrip()
    {
        const QByteArray line = agent::encodeResponse({3, kUnexpected, {}});
        // "H is the call's HRESULT as an unsigned 32-bit integer".
        QVERIFY2(line.contains("\"hresult\":2147549183"), line.constData());
        QVERIFY(line.contains("\"result\":{}"));
        auto back = agent::decodeResponse(line);
        QVERIFY(back.ok());
        QCOMPARE(back->id, 3);
        QCOMPARE(back->hresult, kUnexpected);
        back = agent::decodeResponse(agent::encodeResponse({1, 0xFFFFFFFFu, {}}));
        QVERIFY(back.ok());
        QCOMPARE(back->hresult, 0xFFFFFFFFu);
        // "result is {} or absent on failure": absent, and even null, is fine then.
        QVERIFY(agent::decodeResponse("{\"id\":1,\"hresult\":2147500037}").ok());
        QVERIFY(agent::decodeResponse("{\"id\":1,\"hresult\":2147500037,\"result\":null}").ok());
        // Integral numbers written as such; CRLF endings.
        back = agent::decodeResponse("{\"id\":1.0,\"hresult\":0,\"result\":{\"x\":1}}\r\n");
        QVERIFY(back.ok());
        QCOMPARE(back->result.value(QLatin1String("x")).toInt(), 1);
    }

    void badResponsesAreRejected_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("garbage") << QStringLiteral("not JSON");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("not JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("not a JSON object");
        QTest::newRow("id missing") << QByteArray("{\"hresult\":0}") << QStringLiteral("\"id\"");
        QTest::newRow("id negative") << QByteArray("{\"id\":-1,\"hresult\":0}") << QStringLiteral("\"id\"");
        QTest::newRow("id string") << QByteArray("{\"id\":\"1\",\"hresult\":0}") << QStringLiteral("\"id\"");
        QTest::newRow("id fraction") << QByteArray("{\"id\":1.5,\"hresult\":0}") << QStringLiteral("\"id\"");
        QTest::newRow("id boolean") << QByteArray("{\"id\":true,\"hresult\":0}") << QStringLiteral("\"id\"");
        QTest::newRow("hresult missing") << QByteArray("{\"id\":1}") << QStringLiteral("\"hresult\"");
        QTest::newRow("hresult negative") << QByteArray("{\"id\":1,\"hresult\":-2147467259}")
                                          << QStringLiteral("\"hresult\"");
        QTest::newRow("hresult string") << QByteArray("{\"id\":1,\"hresult\":\"0\"}") << QStringLiteral("\"hresult\"");
        QTest::newRow("hresult 2^32") << QByteArray("{\"id\":1,\"hresult\":4294967296}") << QStringLiteral("\"hresult\"");
        QTest::newRow("hresult fraction") << QByteArray("{\"id\":1,\"hresult\":0.5}") << QStringLiteral("\"hresult\"");
        QTest::newRow("result array") << QByteArray("{\"id\":1,\"hresult\":0,\"result\":[]}")
                                      << QStringLiteral("\"result\"");
    }

    void badResponsesAreRejected()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, mentions);
        const auto r = agent::decodeResponse(line);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Malformed);
        QVERIFY2(QString::fromStdString(r.error().detail).contains(mentions), r.error().detail.c_str());
    }

    void badRequestsAreRejected_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("method missing") << QByteArray("{\"id\":1}");
        QTest::newRow("method number") << QByteArray("{\"id\":1,\"method\":5}");
        QTest::newRow("method empty") << QByteArray("{\"id\":1,\"method\":\"\"}");
        QTest::newRow("params string") << QByteArray("{\"id\":1,\"method\":\"m\",\"params\":\"x\"}");
        QTest::newRow("id negative") << QByteArray("{\"id\":-3,\"method\":\"m\"}");
    }

    void badRequestsAreRejected()
    {
        QFETCH(QByteArray, line);
        const auto r = agent::decodeRequest(line);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::Malformed);
        QVERIFY(!r.error().detail.empty());
    }

    void overLongLinesAreRefused()
    {
        const QByteArray huge(agent::kMaxLineBytes + 1, ' ');
        const auto r = agent::decodeResponse(huge);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::TooLarge);
        QCOMPARE(agent::decodeRequest(huge).error().code, Error::Code::TooLarge);
    }

    void hexFields()
    {
        QJsonObject o;
        o.insert(QLatin1String("ok"), QStringLiteral("00112233445566778899aabbccddeeff"));
        o.insert(QLatin1String("upper"), QStringLiteral("00112233445566778899AABBCCDDEEFF"));
        o.insert(QLatin1String("short"), hexOf(15));
        o.insert(QLatin1String("long"), hexOf(17));
        o.insert(QLatin1String("odd"), QStringLiteral("abc"));
        o.insert(QLatin1String("nothex"), QStringLiteral("0g112233445566778899aabbccddeeff"));
        o.insert(QLatin1String("prefixed"), QStringLiteral("0x112233445566778899aabbccddeeff"));
        o.insert(QLatin1String("spaced"), QStringLiteral("00112233445566778899aabbccdde ff"));
        o.insert(QLatin1String("number"), 5);

        const auto ok = agent::fixedHexField<16>(o, QLatin1String("ok"));
        QVERIFY(ok.ok());
        QCOMPARE((*ok)[10], 0xaa);
        QVERIFY(agent::fixedHexField<16>(o, QLatin1String("upper")).ok());
        QCOMPARE(agent::fixedHexField<16>(o, QLatin1String("upper")).value(), ok.value());
        for (const char* bad : {"short", "long", "nothex", "prefixed", "spaced", "number", "missing"}) {
            const auto r = agent::fixedHexField<16>(o, QLatin1String(bad));
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().code, Error::Code::Malformed);
            QVERIFY2(r.error().detail.find(bad == std::string("missing") ? "missing" : bad) != std::string::npos,
                     r.error().detail.c_str());
        }
        QVERIFY(!agent::hexField(o, QLatin1String("odd"), std::nullopt).ok());
        QCOMPARE(agent::hexField(o, QLatin1String("ok"), std::nullopt)->size(), 16u);
        // Encoding is lowercase.
        const Bytes bytes{0xAB, 0x01, 0xFF};
        QCOMPARE(agent::toHexString(bytes), QStringLiteral("ab01ff"));
    }

    void base64Fields()
    {
        const QJsonObject o = object(R"({"ok": "QUJDRA==", "bad": "not base64!", "spaced": "QUJD RA==",
                                         "padding": "QU=JDRA=", "number": 1})");
        const auto ok = agent::base64Field(o, QLatin1String("ok"));
        QVERIFY(ok.ok());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(ok->data()), static_cast<qsizetype>(ok->size())),
                 QByteArray("ABCD"));
        for (const char* bad : {"bad", "spaced", "padding", "number", "missing"})
            QVERIFY2(!agent::base64Field(o, QLatin1String(bad)).ok(), bad);
    }

    // --- serveAgent over buffers -----------------------------------------

    void serveDescribeAndKeyExchange()
    {
        auto emulator = makeEmulator();
        const Served s = serve(*emulator, "{\"id\":1,\"method\":\"device.describe\",\"params\":{}}\n"
                                          "{\"id\":2,\"method\":\"copp.keyExchange\"}\n");
        QCOMPARE(s.exitCode, 0); // "EOF on stdin ends the device"
        QCOMPARE(s.lines.size(), 2);
        const QJsonObject describe = s.lines[0];
        QCOMPARE(describe.value(QLatin1String("id")).toInteger(), 1);
        QCOMPARE(describe.value(QLatin1String("hresult")).toInteger(), 0);
        const QJsonObject d = describe.value(QLatin1String("result")).toObject();
        QVERIFY(d.value(QLatin1String("name")).toString().contains(QLatin1String("emulator")));
        QCOMPARE(d.value(QLatin1String("interface")).toString(), QStringLiteral("copp"));
        QCOMPARE(d.value(QLatin1String("semantics")).toString(), QStringLiteral("copp"));
        QCOMPARE(d.value(QLatin1String("role")).toString(), QStringLiteral("output"));

        const QJsonObject kx = s.lines[1];
        QCOMPARE(kx.value(QLatin1String("id")).toInteger(), 2);
        QCOMPARE(kx.value(QLatin1String("hresult")).toInteger(), 0);
        const QJsonObject r = kx.value(QLatin1String("result")).toObject();
        const QString random = r.value(QLatin1String("random")).toString();
        QCOMPARE(random.size(), 32);
        QCOMPARE(random, random.toLower());
        QVERIFY(agent::fixedHexField<16>(r, QLatin1String("random")).ok());
        const auto chain = agent::base64Field(r, QLatin1String("certificateChain"));
        QVERIFY(chain.ok());
        const QByteArray xml(reinterpret_cast<const char*>(chain->data()), static_cast<qsizetype>(chain->size()));
        QCOMPARE(tests::firstFailureText(tests::validateWithTestRoot(xml)), QStringLiteral("valid"));
    }

    void serveFailuresAnswerHresults()
    {
        auto emulator = makeEmulator();
        const QString sig = hexOf(256);
        const QByteArray input =
            // Wrong order: SessionSequenceStart before KeyExchange -> E_UNEXPECTED.
            "{\"id\":1,\"method\":\"copp.sessionSequenceStart\",\"params\":{\"signature\":\"" + sig.toLatin1() + "\"}}\n"
            "{\"id\":2,\"method\":\"copp.nonsense\",\"params\":{}}\n"
            "{\"id\":3,\"method\":\"opm.getInformation\",\"params\":{}}\n"
            "\n   \n" // blank lines: no answer
            "garbage\n"
            "{\"id\":4,\"method\":7}\n"
            "{\"id\":5,\"method\":\"copp.protectionStatus\",\"params\":{\"input\":\"abcd\"}}\n"
            "{\"id\":6,\"method\":\"copp.protectionCommand\"}\n"
            "{\"id\":\"7\",\"method\":\"device.describe\"}\n"
            + QByteArray(2 * 1024 * 1024, 'x') + "\n" // over-long: skipped, answered with id 0
            + "{\"id\":8,\"method\":\"device.describe\"}"; // the last line may lack its '\n'
        const Served s = serve(*emulator, input);
        QCOMPARE(s.exitCode, 0);
        QVERIFY(!s.raw.contains("\"hresult\":-"));
        const QList<std::pair<qint64, std::uint32_t>> expected{
            {1, kUnexpected}, {2, kNotImpl}, {3, kNotImpl}, {0, kInvalidArg}, {4, kInvalidArg},
            {5, kInvalidArg}, {6, kInvalidArg}, {0, kInvalidArg}, {0, kInvalidArg}, {8, 0}};
        QCOMPARE(s.lines.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(s.lines[i].value(QLatin1String("id")).toInteger(-1), expected[i].first);
            QCOMPARE(static_cast<std::uint32_t>(s.lines[i].value(QLatin1String("hresult")).toInteger(-1)),
                     expected[i].second);
            if (expected[i].second != 0)
                QCOMPARE(s.lines[i].value(QLatin1String("result")).toObject(), QJsonObject());
        }
        QVERIFY(s.raw.contains("\"hresult\":2147549183"));
    }

    void dispatchMapsErrorsWithoutHresultToEFail()
    {
        // A device that times out (the emulator's stall ended by its deadline).
        auto emulator = makeEmulator({parseFault("stall=5000@1").value()});
        emulator->setCallDeadlineMs(20);
        CoppDeviceAsHw served(*emulator);
        std::string why;
        const auto r = hw::agent::dispatch(served, {9, "copp.protectionStatus", {{"input", hexOf(4096).toStdString()}}}, &why);
        QCOMPARE(r.id, 9);
        QCOMPARE(r.hresult, kFail);
        QVERIFY(!why.empty());
    }

    // --- AgentDevice against misbehaving peers ---------------------------

    void silentPeerTimesOutThenFailsFast()
    {
        auto device = startPeer(QStringLiteral("cat >/dev/null"), 300);
        QElapsedTimer timer;
        timer.start();
        const auto first = device->keyExchange();
        const qint64 firstMs = timer.elapsed();
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, Error::Code::Timeout);
        QVERIFY2(firstMs >= 250, QByteArray::number(firstMs).constData()); // the deadline was waited for
        QVERIFY(device->stalled());
        QVERIFY(!device->lost()); // a stall has its own alert (timeout)

        // Not waited for again: the answer says so (no clock needed).
        const auto second = device->protectionStatus(Block4096{});
        QCOMPARE(second.error().code, Error::Code::Timeout);
        QVERIFY(QString::fromStdString(second.error().detail).contains(QLatin1String("not waited for again")));
        const auto described = device->describe(); // the contract's default
        QCOMPARE(described.name, std::string("agent: cat >/dev/null"));
        QCOMPARE(described.interface, std::string("copp"));
        QCOMPARE(described.semantics, std::string("copp"));
        QCOMPARE(described.role, std::string("output"));
    }

    void garbageIsMalformed()
    {
        auto device = startPeer(QStringLiteral("echo garbage; cat >/dev/null"));
        const auto r = device->keyExchange();
        QCOMPARE(r.error().code, Error::Code::Malformed);
        QVERIFY2(r.error().detail.find("not JSON") != std::string::npos, r.error().detail.c_str());
        QVERIFY(!device->stalled());
        QVERIFY(device->lost()); // out of step: every later call fails the same way
    }

    // An agent that answers request 1 twice: the extra line is a reply to an earlier
    // request and is passed over, so request 2 still gets its own reply (it used to
    // take the stale one, and every later call the one before it).
    void staleReplyIsPassedOver()
    {
        auto device = startPeer(QStringLiteral(
            R"(read a; echo '{"id":1,"hresult":0,"result":{}}'; echo '{"id":1,"hresult":0,"result":{}}'; )"
            R"(read b; echo '{"id":2,"hresult":2147500033}'; read c; echo '{"id":3,"hresult":0,"result":{}}'; cat >/dev/null)"));
        QVERIFY(device->protectionCommand(Block4096{}).ok());
        const auto second = device->protectionStatus(Block4096{});
        QCOMPARE(second.error().code, Error::Code::Device);
        QCOMPARE(second.error().hresult, 0x80004001u); // E_NOTIMPL: request 2's own reply
        QVERIFY(!device->lost()); // a failure HRESULT says nothing about the next call
        QVERIFY(device->protectionCommand(Block4096{}).ok());
    }

    // A line that is no reply, or a reply to a request not sent yet: which line answers
    // which request is lost. The call fails, and so does every later one, at once.
    void outOfStepAgentIsNotReadAgain_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("not JSON") << QStringLiteral("garbage");
        QTest::newRow("later id") << QStringLiteral(R"({"id":2,"hresult":0,"result":{}})");
    }

    void outOfStepAgentIsNotReadAgain()
    {
        QFETCH(QString, line);
        // After the bad line it would answer request 2 properly: it is not asked.
        auto device = startPeer(QStringLiteral(R"(read a; echo %1; read b; echo '{"id":2,"hresult":0,"result":{}}'; cat >/dev/null)")
                                    .arg(shellQuote(line)), 10000);
        const auto first = device->protectionCommand(Block4096{});
        QCOMPARE(first.error().code, Error::Code::Malformed);
        QVERIFY2(first.error().detail.find("out of step") != std::string::npos, first.error().detail.c_str());
        const auto second = device->protectionCommand(Block4096{}); // the peer would answer it: not asked
        QCOMPARE(second.error().code, Error::Code::Malformed);
        QVERIFY2(second.error().detail.find("out of step") != std::string::npos, second.error().detail.c_str());
        QVERIFY(!device->stalled());
        QVERIFY(device->lost());
    }

    void exitedPeer()
    {
        auto device = startPeer(QStringLiteral("exit 3"));
        QVERIFY(!device->lost()); // not known before a call finds out
        const auto r = device->keyExchange();
        QCOMPARE(r.error().code, Error::Code::Device);
        QCOMPARE(r.error().hresult, kFail);
        QVERIFY2(r.error().detail.find("the device agent exited (code 3)") != std::string::npos,
                 r.error().detail.c_str());
        QVERIFY(device->lost());
        const auto again = device->protectionCommand(Block4096{});
        QCOMPARE(again.error().code, Error::Code::Device);
        QVERIFY(again.error().detail.find("exited (code 3)") != std::string::npos);
        // "A device whose describe fails is taken as" copp/copp/output.
        const auto d = device->describe();
        QCOMPARE(d.name, std::string("agent: exit 3"));
        QCOMPARE(d.interface, std::string("copp"));

        auto missing = startPeer(QStringLiteral("/nonexistent/agent"));
        QVERIFY(missing->keyExchange().error().detail.find("(code 127)") != std::string::npos);
    }

    void crashedPeer()
    {
        auto device = startPeer(QStringLiteral("read line; kill -KILL $$"));
        const auto r = device->describeChecked();
        QCOMPARE(r.error().code, Error::Code::Device);
        QVERIFY2(r.error().detail.find("crashed") != std::string::npos, r.error().detail.c_str());
    }

    void closedPipes()
    {
        // Alive but deaf: it closes stdin before its one answer, so the next
        // request cannot be written.
        auto deaf = startPeer(
            QStringLiteral(R"(read line; exec 0<&-; echo '{"id":1,"hresult":0}'; sleep 5)"), 300);
        QVERIFY(deaf->describeChecked().ok());
        const auto r = deaf->keyExchange();
        QCOMPARE(r.error().code, Error::Code::Io);
        QVERIFY2(r.error().detail.find("stdin is closed") != std::string::npos, r.error().detail.c_str());
        // Alive but mute: no answer within the deadline.
        auto mute = startPeer(QStringLiteral("exec 1>&-; sleep 5"), 300);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(mute->keyExchange().error().code, Error::Code::Timeout);
        QVERIFY2(timer.elapsed() >= 250, QByteArray::number(timer.elapsed()).constData()); // the deadline was waited for
    }

    void overLongLineIsBounded()
    {
        // 2 MiB without a newline, then silence: refused after ~1 MiB, quickly.
        // TooLarge, not Timeout: refused before the 5 s deadline.
        auto device = startPeer(QStringLiteral("head -c 2097152 /dev/zero | tr '\\000' a; cat >/dev/null"), 5000);
        const auto r = device->keyExchange();
        QCOMPARE(r.error().code, Error::Code::TooLarge);
        QVERIFY2(r.error().detail.find("longer than 1048576") != std::string::npos, r.error().detail.c_str());
        QCOMPARE(device->keyExchange().error().code, Error::Code::TooLarge); // not read again
        device.reset(); // the writer is blocked on a full pipe: killed with its group, or this hangs
    }

    void badRepliesAreErrors_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("wrong id") << QStringLiteral(R"({"id":99,"hresult":0,"result":{}})")
                                  << int(Error::Code::Malformed) << QStringLiteral("id 99");
        QTest::newRow("negative hresult") << QStringLiteral(R"({"id":1,"hresult":-1})")
                                          << int(Error::Code::Malformed) << QStringLiteral("hresult");
        QTest::newRow("string hresult") << QStringLiteral(R"({"id":1,"hresult":"0"})")
                                        << int(Error::Code::Malformed) << QStringLiteral("hresult");
        QTest::newRow("missing output") << QStringLiteral(R"({"id":1,"hresult":0,"result":{}})")
                                        << int(Error::Code::Malformed) << QStringLiteral("missing \"output\"");
        QTest::newRow("short output") << QStringLiteral(R"({"id":1,"hresult":0,"result":{"output":"00"}})")
                                      << int(Error::Code::Malformed) << QStringLiteral("4096 bytes");
        // The HRESULT is the error's field (checked below); the detail names the source
        // only, for callers that print "failed with 0x80070057 (E_INVALIDARG): ..." first.
        QTest::newRow("failure") << QStringLiteral(R"({"id":1,"hresult":2147942487})") << int(Error::Code::Device)
                                 << QStringLiteral("answered by the device agent's copp.protectionStatus");
    }

    void badRepliesAreErrors()
    {
        QFETCH(QString, reply);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        auto device = startPeer(QStringLiteral("read line; echo %1; cat >/dev/null").arg(shellQuote(reply)));
        const auto r = device->protectionStatus(Block4096{});
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(QString::fromStdString(r.error().detail).contains(mentions), r.error().detail.c_str());
        if (r.error().code == Error::Code::Device)
            QCOMPARE(r.error().hresult, kInvalidArg);
    }

    void describeFromPeer()
    {
        auto device = startPeer(QStringLiteral(
            R"(read line; echo '{"id":1,"hresult":0,"result":{"name":"codec X","interface":"opm","role":"codec"}}'; cat >/dev/null)"));
        const auto d = device->describe();
        QCOMPARE(d.name, std::string("codec X"));
        QCOMPARE(d.interface, std::string("opm"));
        QCOMPARE(d.semantics, std::string("opm")); // follows the interface when absent
        QCOMPARE(d.role, std::string("codec"));

        auto odd = startPeer(QStringLiteral(
            R"(read line; echo '{"id":1,"hresult":0,"result":{"interface":"usb"}}'; cat >/dev/null)"));
        QCOMPARE(odd->describeChecked().error().code, Error::Code::Malformed);
    }

    // --- A whole session through a real child process ---------------------

    void sessionThroughRealProcess()
    {
        auto device = startPeer(shellQuote(QStringLiteral(COPP_AGENT_EMULATOR)) + u' ' + shellQuote(m_keys.path()), 5000);
        QVERIFY(QString::fromStdString(device->describe().name).contains(QLatin1String("emulator")));

        const auto kx = device->keyExchange();
        QVERIFY2(kx.ok(), kx.ok() ? "" : kx.error().detail.c_str());
        const QByteArray xml(reinterpret_cast<const char*>(kx->certificateChain.data()),
                             static_cast<qsizetype>(kx->certificateChain.size()));
        QCOMPARE(tests::firstFailureText(tests::validateWithTestRoot(xml)), QStringLiteral("valid"));

        SessionSecrets secrets;
        secrets.driverRandom = kx->driverRandom;
        for (std::size_t i = 0; i < secrets.key.size(); ++i)
            secrets.key[i] = static_cast<std::uint8_t>(0x40 + i);
        secrets.statusSequence = 1000;
        secrets.commandSequence = 2000;
        const auto signature = buildCoppSignature(tests::testPki().keys().leaf.publicKey(), secrets);
        QVERIFY(signature.ok());
        const auto started = device->sessionSequenceStart(*signature);
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().detail.c_str());

        // A second start is out of order: E_UNEXPECTED through the pipe.
        const auto again = device->sessionSequenceStart(*signature);
        QCOMPARE(again.error().code, Error::Code::Device);
        QCOMPARE(again.error().hresult, kUnexpected);

        // SetProtectionLevel(HDCP, 1), MACed with the session key.
        CoppCommand command;
        command.commandId = guids::SetProtectionLevel;
        command.sequence = secrets.commandSequence;
        const Bytes payload = encode(SetProtectionLevel{protection::Hdcp, 1, 0, 0});
        command.dataSize = static_cast<std::uint32_t>(payload.size());
        std::copy(payload.begin(), payload.end(), command.data.begin());
        Block4096 commandBlock = encode(command);
        signBlock(secrets.key, commandBlock);
        const auto commanded = device->protectionCommand(commandBlock);
        QVERIFY2(commanded.ok(), commanded.ok() ? "" : commanded.error().detail.c_str());

        // Connector type, then the local HDCP level.
        const auto query = [&](StatusRequest request, std::uint32_t sequence) {
            CoppStatusInput in;
            for (std::size_t i = 0; i < in.random.size(); ++i)
                in.random[i] = static_cast<std::uint8_t>(0xA0 + i + sequence);
            in.requestId = statusRequestGuid(request);
            in.sequence = sequence;
            in.dataSize = static_cast<std::uint32_t>(requestDataSize(request));
            if (in.dataSize == 4)
                putU32(in.data.data(), protection::Hdcp);
            return std::make_pair(in, device->protectionStatus(encode(in)));
        };
        for (const auto& [request, sequence, expected] :
             {std::tuple{StatusRequest::ConnectorType, 1000u, connector::Hdmi},
              std::tuple{StatusRequest::LocalLevel, 1001u, 1u}}) {
            const auto [in, reply] = query(request, sequence);
            QVERIFY2(reply.ok(), reply.ok() ? "" : reply.error().detail.c_str());
            QVERIFY(verifyBlockMac(secrets.key, *reply));
            const CoppStatusOutput out = decodeStatusOutput(*reply);
            QCOMPARE(out.dataSize, 32u);
            const auto data = decodeStatusData(ByteView(out.status.data(), out.dataSize));
            QVERIFY(data.ok());
            QVERIFY(data->random == in.random);
            QCOMPARE(data->data, expected);
        }
        // A wrong sequence number: E_INVALIDARG, and the pipe keeps working.
        QCOMPARE(query(StatusRequest::ConnectorType, 5).second.error().hresult, kInvalidArg);
        QVERIFY(query(StatusRequest::ConnectorType, 1002).second.ok());
        QVERIFY(device->call(QLatin1String("opm.getInformation")).error().hresult == kNotImpl);
    }

    void stallThroughRealProcess()
    {
        // The emulator really blocks (60 s); the client's deadline decides.
        auto device = startPeer(shellQuote(QStringLiteral(COPP_AGENT_EMULATOR)) + u' ' + shellQuote(m_keys.path())
                                    + QStringLiteral(" stall@1"),
                                300);
        QVERIFY(device->keyExchange().ok());
        // The emulator blocks for 60 s: a Timeout means the client's 300 ms deadline ended it.
        QCOMPARE(device->protectionStatus(Block4096{}).error().code, Error::Code::Timeout);
        const auto again = device->protectionStatus(Block4096{});
        QCOMPARE(again.error().code, Error::Code::Timeout);
        QVERIFY(QString::fromStdString(again.error().detail).contains(QLatin1String("not waited for again")));
        device.reset(); // stalled: killed without waiting
    }
};

QTEST_GUILESS_MAIN(TestAgentPipe)
#include "tst_agentpipe.moc"
