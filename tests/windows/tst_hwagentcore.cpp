// SPDX-License-Identifier: BSD-3-Clause
// The agent server (core/device/agent) and coppscope-agent.exe's own parts
// (app/agent), natively: the strict JSON reader (nlohmann/json), hex/base64, request decoding, the
// dispatcher against a fake HwDevice (every method of docs/cli.md#the-device-agent-protocol), the
// serving loop's line handling, and that its responses decode with the Qt
// client's own decoder. Also the agent's command line, --list JSON, chain
// capture with fake devices, the COPP graph's AVI clip, and the project's GUID
// table against docs/protocol.md §4.1.
#include <support/agentbuffers.h>
#include <support/testsupport.h>

#include <app/agent/agentoptions.h>
#include <app/agent/chaincapture.h>
#include <app/agent/monitorsjson.h>
#include <core/device/agent/agentprotocol.h>
#include <core/device/agent/agentserver.h>
#include <core/device/agent/bytecodec.h>
#include <core/device/agent/jsonline.h>
#include <core/device/windows/outputs.h>
#include <core/device/windows/tinyavi.h>
#include <core/kernel/wire/guids.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cctype>
#include <new>
#include <stdexcept>

using namespace copp::device::hw;
namespace wire = copp::wire;
namespace json = copp::device::hw::json;
namespace tests = copp::tests;

// (No raw string literals in this file: Qt 6.4's moc misreads some of them and
// silently generates nothing.)

namespace {

constexpr std::uint32_t kNotImpl = 0x80004001u;
constexpr std::uint32_t kInvalidArg = 0x80070057u;
constexpr std::uint32_t kNoCoppHw = 0x8004029Bu;

QByteArray qbytes(const std::string& s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

std::string hexOf(std::size_t bytes, char digit = '0')
{
    return std::string(2 * bytes, digit);
}

// Records what it was given; answers what it was told to.
class FakeDevice : public HwDevice {
public:
    Description description{"fake output", "copp", "copp", "output"};
    std::uint32_t hr = 0; // every call's answer
    bool throwBadAlloc = false;
    bool throwOther = false;
    std::vector<std::string> calls;
    Bytes lastInput;
    Bytes lastAdditional;

    Description describe() const override { return description; }

    CertificateReply keyExchange() override { return certificate("keyExchange"); }
    std::uint32_t sessionSequenceStart(const Signature256& s) override { return record("sessionSequenceStart", s); }
    std::uint32_t protectionCommand(const Block4096& c) override { return record("protectionCommand", c); }
    BlockReply protectionStatus(const Block4096& i) override { return block("protectionStatus", i); }
    CertificateReply startInitialization() override { return certificate("startInitialization"); }
    std::uint32_t finishInitialization(const Signature256& p) override { return record("finishInitialization", p); }
    BlockReply getInformation(const GetInfo4112& p) override { return block("getInformation", p); }
    BlockReply coppCompatibleGetInformation(const Block4096& p) override { return block("coppCompatibleGetInformation", p); }
    std::uint32_t configure(const Block4096& p, ByteView additional) override
    {
        lastAdditional.assign(additional.begin(), additional.end());
        return record("configure", p);
    }

private:
    void enter(const char* name)
    {
        calls.emplace_back(name);
        if (throwBadAlloc)
            throw std::bad_alloc();
        if (throwOther)
            throw std::runtime_error("boom");
    }
    template <std::size_t N>
    std::uint32_t record(const char* name, const std::array<std::uint8_t, N>& in)
    {
        enter(name);
        lastInput.assign(in.begin(), in.end());
        return hr;
    }
    CertificateReply certificate(const char* name)
    {
        enter(name);
        CertificateReply r;
        r.hresult = hr;
        for (std::size_t i = 0; i < r.random.size(); ++i)
            r.random[i] = static_cast<std::uint8_t>(0xA0 + i);
        const std::string xml = "<CertificateCollection>\"chain\"</CertificateCollection>";
        r.certificate.assign(xml.begin(), xml.end());
        return r;
    }
    template <std::size_t N>
    BlockReply block(const char* name, const std::array<std::uint8_t, N>& in)
    {
        enter(name);
        lastInput.assign(in.begin(), in.end());
        BlockReply r;
        r.hresult = hr;
        for (std::size_t i = 0; i < r.block.size(); ++i)
            r.block[i] = static_cast<std::uint8_t>(i * 7);
        return r;
    }
};

QJsonObject parsedLine(const std::string& line)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(qbytes(line), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qFatal("not a JSON object: %s", line.c_str());
    return doc.object();
}

// The answer to one request line, as JSON (Qt's reader: an independent parser).
QJsonObject answer(HwDevice& device, const std::string& line)
{
    const auto out = agent::answerLine(device, line);
    if (!out)
        qFatal("no answer to %s", line.c_str());
    if (out->empty() || out->back() != '\n' || std::count(out->begin(), out->end(), '\n') != 1)
        qFatal("not one line: %s", out->c_str());
    return parsedLine(*out);
}

std::uint32_t hresultOf(const QJsonObject& response)
{
    return static_cast<std::uint32_t>(response.value(QLatin1String("hresult")).toInteger(-1));
}

// The JSON objects of the lines a sink received.
std::vector<QJsonObject> linesOf(const tests::BytesSink& sink)
{
    std::vector<QJsonObject> list;
    for (const QByteArray& line : sink.bytes.split('\n'))
        if (!line.isEmpty())
            list.push_back(parsedLine(line.toStdString()));
    return list;
}

} // namespace

class TestHwAgentCore : public QObject {
    Q_OBJECT

private slots:
    // --- JSON -------------------------------------------------------------

    void jsonAcceptsTheGrammar_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("object") << QByteArray("{\"id\":1,\"method\":\"x\",\"params\":{}}");
        QTest::newRow("whitespace") << QByteArray(" \t\r\n{ \"a\" : [ 1 , 2.5e-3 , -0 , true , false , null ] } \n");
        QTest::newRow("escapes") << QByteArray("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u20ac\\ud83d\\ude00\"]");
        QTest::newRow("utf8") << QByteArray("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"]");
        QTest::newRow("nested") << QByteArray("{\"a\":{\"b\":{\"c\":[[],{}]}}}");
        QTest::newRow("scalar") << QByteArray("42");
        QTest::newRow("empty string") << QByteArray("\"\"");
    }
    void jsonAcceptsTheGrammar()
    {
        QFETCH(QByteArray, text);
        const json::ParseResult r = json::parse(text.toStdString());
        QVERIFY2(r.value.has_value(), r.error.c_str());
    }

    void jsonRejectsMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("blank") << QByteArray("   ");
        QTest::newRow("unterminated object") << QByteArray("{\"a\":1");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
        QTest::newRow("array trailing comma") << QByteArray("[1,]");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::newRow("bare key") << QByteArray("{a:1}");
        QTest::newRow("single quotes") << QByteArray("{'a':1}");
        QTest::newRow("leading zero") << QByteArray("[01]");
        QTest::newRow("dot without digits") << QByteArray("[1.]");
        QTest::newRow("exponent without digits") << QByteArray("[1e]");
        QTest::newRow("plus sign") << QByteArray("[+1]");
        QTest::newRow("lone minus") << QByteArray("[-]");
        QTest::newRow("hex number") << QByteArray("[0x10]");
        QTest::newRow("NaN") << QByteArray("[NaN]");
        QTest::newRow("bad literal") << QByteArray("[tru]");
        QTest::newRow("bad escape") << QByteArray("[\"\\x41\"]");
        QTest::newRow("short unicode escape") << QByteArray("[\"\\u41\"]");
        QTest::newRow("raw control character") << QByteArray("[\"a\x01\"]");
        QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]");
        QTest::newRow("lone high surrogate") << QByteArray("[\"\\ud800\"]");
        QTest::newRow("lone low surrogate") << QByteArray("[\"\\udc00\"]");
        QTest::newRow("high then non-low") << QByteArray("[\"\\ud800\\u0041\"]");
        QTest::newRow("invalid utf8") << QByteArray("[\"\xff\"]");
        QTest::newRow("overlong utf8") << QByteArray("[\"\xc0\xaf\"]");
        QTest::newRow("utf8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]");
        QTest::newRow("truncated utf8") << QByteArray("[\"\xe2\x82\"]");
        QTest::newRow("duplicate key") << QByteArray("{\"id\":1,\"id\":2}");
        QTest::newRow("two values") << QByteArray("{} {}");
        QTest::newRow("junk after") << QByteArray("{}x");
        QTest::newRow("nul byte") << QByteArray("{}\0", 3);
        QTest::newRow("nul byte then junk") << QByteArray("{}\0junk", 7);
        QTest::newRow("huge exponent") << QByteArray("1e999999999999"); // not a finite number
    }

    void jsonErrorsSayWhy_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("invalid utf8") << QByteArray("[\"a\xff\"]") << QStringLiteral("ill-formed UTF-8 byte");
        QTest::newRow("duplicate key") << QByteArray("{\"id\":1,\"id\":2}") << QStringLiteral("duplicate key \"id\"");
        QTest::newRow("lone surrogate") << QByteArray("[\"\\ud800\"]") << QStringLiteral("surrogate");
        QTest::newRow("nul byte") << QByteArray("{}\0", 3) << QStringLiteral("a NUL byte at offset 2");
    }
    void jsonErrorsSayWhy()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, error);
        const json::ParseResult r = json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!r.value);
        QVERIFY2(QString::fromStdString(r.error).contains(error), r.error.c_str());
        QVERIFY2(r.error.find("last read") == std::string::npos, r.error.c_str()); // no raw input quoted back
    }
    void jsonRejectsMalformedInput()
    {
        QFETCH(QByteArray, text);
        const json::ParseResult r = json::parse(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!r.value);
        QVERIFY(!r.error.empty());
    }

    void jsonNestingIsBounded()
    {
        const auto nested = [](int depth) { return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'); };
        QVERIFY(json::parse(nested(json::kMaxDepth)).value);
        const json::ParseResult deep = json::parse(nested(json::kMaxDepth + 1));
        QVERIFY(!deep.value);
        QCOMPARE(QString::fromStdString(deep.error), QStringLiteral("nesting too deep"));
        // Far deeper input fails the same way, without exhausting the stack.
        QVERIFY(!json::parse(nested(100000)).value);
    }

    void jsonIntegers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("integral");
        QTest::addColumn<qint64>("value");
        QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
        QTest::newRow("minus zero") << QByteArray("-0") << true << qint64(0);
        QTest::newRow("one point zero") << QByteArray("1.0") << true << qint64(1);
        QTest::newRow("exponent") << QByteArray("1e2") << true << qint64(100);
        QTest::newRow("fraction times exponent") << QByteArray("2.5E1") << true << qint64(25);
        QTest::newRow("negative exponent") << QByteArray("10e-1") << true << qint64(1);
        QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
        QTest::newRow("small") << QByteArray("123456789e-9") << false << qint64(0);
        QTest::newRow("u32 max") << QByteArray("4294967295") << true << qint64(4294967295);
        QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
        QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true << std::numeric_limits<qint64>::min();
        QTest::newRow("too big") << QByteArray("9223372036854775808") << false << qint64(0);
        QTest::newRow("zero huge exponent") << QByteArray("0e999999999999") << true << qint64(0);
        QTest::newRow("many zeros") << QByteArray("1000000000000000000.000000") << true << qint64(1000000000000000000);
    }
    void jsonIntegers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, integral);
        QFETCH(qint64, value);
        const json::ParseResult r = json::parse(text.toStdString());
        QVERIFY2(r.value, r.error.c_str());
        QVERIFY(r.value->is_number());
        const std::optional<std::int64_t> exact = json::exactInteger(*r.value);
        QCOMPARE(exact.has_value(), integral);
        if (integral)
            QCOMPARE(qint64(*exact), value);
    }

    void jsonStringsAgreeWithQt()
    {
        // Every escape form decodes to what Qt decodes.
        const QByteArray text = "[\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\\u0000j\\u00e9\\u20ac\\ud83d\\ude00\", \"\\u001f\"]";
        const json::ParseResult ours = json::parse(text.toStdString());
        QVERIFY(ours.value);
        const QJsonArray qt = QJsonDocument::fromJson(text).array();
        QCOMPARE(qt.size(), 2);
        for (qsizetype i = 0; i < 2; ++i)
            QCOMPARE(QString::fromStdString((*ours.value)[static_cast<std::size_t>(i)].get<std::string>()), qt.at(i).toString());
    }

    void dumpWritesValidJson()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 200; ++round) {
            QString s;
            for (int i = 0; i < 40; ++i) {
                char32_t cp = random.bounded(0x110000);
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    cp = 0x41;
                if (random.bounded(3) == 0)
                    cp = random.bounded(0x80); // plenty of ASCII controls and quotes
                s += QString::fromUcs4(&cp, 1);
            }
            const std::string utf8 = s.toStdString();
            const std::string quoted = json::dump(json::Value(utf8));
            const QJsonArray back = QJsonDocument::fromJson(qbytes("[" + quoted + "]")).array();
            QCOMPARE(back.size(), 1);
            QCOMPARE(back.at(0).toString(), s);
            const json::ParseResult ours = json::parse(quoted);
            QVERIFY(ours.value);
            QVERIFY(ours.value->get<std::string>() == utf8);
        }
        // Invalid UTF-8 becomes U+FFFD: the output stays valid JSON.
        const std::string replaced = json::dump(json::Value("a\xff" "b\xc3"));
        QVERIFY(json::parse(replaced).value);
        QCOMPARE(QJsonDocument::fromJson(qbytes("[" + replaced + "]")).array().at(0).toString(),
                 QStringLiteral("a\uFFFDb\uFFFD"));
    }

    // --- hex and base64 -------------------------------------------------------

    void hex()
    {
        const Bytes bytes{0x00, 0x0f, 0xa5, 0xff};
        QCOMPARE(QString::fromStdString(toHex(bytes)), QStringLiteral("000fa5ff"));
        QVERIFY(fromHex("000FA5ff") == bytes); // either case is read
        QVERIFY(fromHex("")->empty());
        QVERIFY(!fromHex("abc"));  // odd
        QVERIFY(!fromHex("0g"));   // not hex
        QVERIFY(!fromHex("0x00")); // no prefix
        QVERIFY(!fromHex("00 11"));
    }

    void base64()
    {
        // RFC 4648 §10.
        const std::pair<const char*, const char*> vectors[] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},
                                                               {"foo", "Zm9v"},  {"foob", "Zm9vYg=="},  {"fooba", "Zm9vYmE="},
                                                               {"foobar", "Zm9vYmFy"}};
        for (const auto& [plain, encoded] : vectors) {
            const std::string p(plain);
            const Bytes bytes(p.begin(), p.end());
            QCOMPARE(toBase64(bytes), std::string(encoded));
            QVERIFY(fromBase64(encoded) == bytes);
        }
        QVERIFY(fromBase64("Zg") == Bytes{'f'});  // padding may be omitted
        QVERIFY(fromBase64("Zm8") == (Bytes{'f', 'o'}));
        QVERIFY(!fromBase64("Zg="));   // half padding
        QVERIFY(!fromBase64("Zh=="));  // non-zero trailing bits
        QVERIFY(!fromBase64("Z"));     // a lone character
        QVERIFY(!fromBase64("Zm9v\n")); // whitespace
        QVERIFY(!fromBase64("Zg==Zg=="));
        QVERIFY(!fromBase64("Zm9v===="));
        QVERIFY(!fromBase64("Zm-v"));
        // Agrees with Qt on random data.
        QRandomGenerator random(11);
        for (int n = 0; n < 100; ++n) {
            Bytes data(static_cast<std::size_t>(n));
            for (auto& b : data)
                b = static_cast<std::uint8_t>(random.bounded(256));
            const QByteArray q(reinterpret_cast<const char*>(data.data()), n);
            QCOMPARE(qbytes(toBase64(data)), q.toBase64());
            QVERIFY(fromBase64(toBase64(data)) == data);
        }
    }

    // --- requests -------------------------------------------------------------

    void decodeRequest()
    {
        auto d = agent::decodeRequest("{\"id\": 7, \"method\": \"copp.protectionStatus\", \"params\": {\"input\": \"00\"}}" "\r\n");
        QVERIFY2(d.request, d.error.c_str());
        QCOMPARE(d.request->id, std::int64_t(7));
        QCOMPARE(QString::fromStdString(d.request->method), QStringLiteral("copp.protectionStatus"));
        QVERIFY(d.request->params.contains("input"));
        d = agent::decodeRequest("{\"id\": 1.0, \"method\": \"device.describe\"}");
        QVERIFY(d.request);
        QVERIFY(d.request->params.is_object()); // absent: {}
        QCOMPARE(d.request->id, std::int64_t(1));
        d = agent::decodeRequest("{\"method\": \"device.describe\", \"id\": 0, \"extra\": [1, {\"x\": null}]}");
        QVERIFY(d.request); // unknown keys ignored, any order
    }

    void badRequests_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("idRecovered");
        QTest::newRow("not json") << QByteArray("hello") << false;
        QTest::newRow("array") << QByteArray("[1]") << false;
        QTest::newRow("no id") << QByteArray("{\"method\":\"device.describe\"}") << false;
        QTest::newRow("negative id") << QByteArray("{\"id\":-1,\"method\":\"device.describe\"}") << false;
        QTest::newRow("fractional id") << QByteArray("{\"id\":1.5,\"method\":\"device.describe\"}") << false;
        QTest::newRow("string id") << QByteArray("{\"id\":\"1\",\"method\":\"device.describe\"}") << false;
        QTest::newRow("no method") << QByteArray("{\"id\":3}") << true;
        QTest::newRow("empty method") << QByteArray("{\"id\":3,\"method\":\"\"}") << true;
        QTest::newRow("method number") << QByteArray("{\"id\":3,\"method\":5}") << true;
        QTest::newRow("params array") << QByteArray("{\"id\":3,\"method\":\"device.describe\",\"params\":[]}") << true;
        QTest::newRow("params null") << QByteArray("{\"id\":3,\"method\":\"device.describe\",\"params\":null}") << true;
    }
    void badRequests()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, idRecovered);
        const auto d = agent::decodeRequest(line.toStdString());
        QVERIFY(!d.request);
        QVERIFY(!d.error.empty());
        FakeDevice device;
        const QJsonObject r = answer(device, line.toStdString());
        QCOMPARE(hresultOf(r), kInvalidArg);
        QCOMPARE(r.value(QLatin1String("id")).toInteger(), idRecovered ? 3 : 0);
        QVERIFY(r.value(QLatin1String("result")).toObject().isEmpty());
        QVERIFY(device.calls.empty());
    }

    // --- dispatch: every method of the table ------------------------------------

    void describe()
    {
        FakeDevice device;
        device.description = {"\\\\.\\DISPLAY1 (\"Dell\")", "opm", "copp", "output"};
        const QJsonObject r = answer(device, "{\"id\":1,\"method\":\"device.describe\"}");
        QCOMPARE(hresultOf(r), 0u);
        const QJsonObject result = r.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("name")).toString(), QStringLiteral("\\\\.\\DISPLAY1 (\"Dell\")"));
        QCOMPARE(result.value(QLatin1String("interface")).toString(), QStringLiteral("opm"));
        QCOMPARE(result.value(QLatin1String("semantics")).toString(), QStringLiteral("copp"));
        QCOMPARE(result.value(QLatin1String("role")).toString(), QStringLiteral("output"));
    }

    void certificateCalls_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("key");
        QTest::newRow("copp.keyExchange") << QStringLiteral("copp.keyExchange") << QStringLiteral("certificateChain");
        QTest::newRow("opm.startInitialization") << QStringLiteral("opm.startInitialization") << QStringLiteral("certificate");
    }
    void certificateCalls()
    {
        QFETCH(QString, method);
        QFETCH(QString, key);
        FakeDevice device;
        device.description.iface = method.startsWith(QLatin1String("opm.")) ? "opm" : "copp";
        const std::string line = "{\"id\":5,\"method\":\"" + method.toStdString() + "\"}";
        QJsonObject r = answer(device, line);
        QCOMPARE(hresultOf(r), 0u);
        QCOMPARE(r.value(QLatin1String("id")).toInteger(), 5);
        const QJsonObject result = r.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("random")).toString(), QStringLiteral("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"));
        QCOMPARE(QByteArray::fromBase64(result.value(key).toString().toLatin1()),
                 QByteArray("<CertificateCollection>\"chain\"</CertificateCollection>"));
        device.hr = kNoCoppHw;
        r = answer(device, line);
        QCOMPARE(hresultOf(r), kNoCoppHw);
        QVERIFY(r.value(QLatin1String("result")).toObject().isEmpty());
    }

    void parameterCalls_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("param");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("resultKey"); // empty: {}
        QTest::addColumn<QString>("call");
        QTest::newRow("sessionSequenceStart") << QStringLiteral("copp.sessionSequenceStart") << QStringLiteral("signature") << 256
                                              << QString() << QStringLiteral("sessionSequenceStart");
        QTest::newRow("protectionCommand") << QStringLiteral("copp.protectionCommand") << QStringLiteral("command") << 4096
                                           << QString() << QStringLiteral("protectionCommand");
        QTest::newRow("protectionStatus") << QStringLiteral("copp.protectionStatus") << QStringLiteral("input") << 4096
                                          << QStringLiteral("output") << QStringLiteral("protectionStatus");
        QTest::newRow("finishInitialization") << QStringLiteral("opm.finishInitialization") << QStringLiteral("parameters")
                                              << 256 << QString() << QStringLiteral("finishInitialization");
        QTest::newRow("getInformation") << QStringLiteral("opm.getInformation") << QStringLiteral("parameters") << 4112
                                        << QStringLiteral("information") << QStringLiteral("getInformation");
        QTest::newRow("coppCompatibleGetInformation") << QStringLiteral("opm.coppCompatibleGetInformation")
                                                      << QStringLiteral("parameters") << 4096 << QStringLiteral("information")
                                                      << QStringLiteral("coppCompatibleGetInformation");
        QTest::newRow("configure") << QStringLiteral("opm.configure") << QStringLiteral("parameters") << 4096 << QString()
                                   << QStringLiteral("configure");
    }
    void parameterCalls()
    {
        QFETCH(QString, method);
        QFETCH(QString, param);
        QFETCH(int, size);
        QFETCH(QString, resultKey);
        QFETCH(QString, call);
        const auto n = static_cast<std::size_t>(size);
        const auto request = [&](const std::string& value, const std::string& extra = {}) {
            return "{\"id\":9,\"method\":\"" + method.toStdString() + "\",\"params\":{\"" + param.toStdString() + "\":\"" + value
                + "\"" + extra + "}}";
        };
        // The bytes reach the device exactly (mixed-case hex is read).
        std::string value;
        Bytes expected(n);
        for (std::size_t i = 0; i < n; ++i) {
            expected[i] = static_cast<std::uint8_t>(i * 13 + 1);
            value += toHex(ByteView(&expected[i], 1));
        }
        value[0] = static_cast<char>(std::toupper(value[0]));
        FakeDevice device;
        device.description.iface = method.startsWith(QLatin1String("opm.")) ? "opm" : "copp";
        QJsonObject r = answer(device, request(value, ",\"unknown\":{\"ignored\":[true]}"));
        QCOMPARE(hresultOf(r), 0u);
        QCOMPARE(device.calls, std::vector<std::string>{call.toStdString()});
        QVERIFY(device.lastInput == expected);
        const QJsonObject result = r.value(QLatin1String("result")).toObject();
        if (resultKey.isEmpty()) {
            QVERIFY(result.isEmpty());
        } else {
            QCOMPARE(result.size(), 1);
            const QString hex = result.value(resultKey).toString();
            QCOMPARE(hex.size(), 2 * 4096);
            QCOMPARE(hex, hex.toLower()); // "lowercase hex strings"
            QCOMPARE(static_cast<std::uint8_t>(QByteArray::fromHex(hex.toLatin1()).at(3)), std::uint8_t(21));
        }
        // A device failure: its HRESULT, "result": {}.
        device.hr = 0xC026251Du;
        r = answer(device, request(value));
        QCOMPARE(hresultOf(r), 0xC026251Du);
        QVERIFY(r.value(QLatin1String("result")).toObject().isEmpty());
        // Bad params: E_INVALIDARG, the device is not called.
        device.calls.clear();
        for (const std::string& bad : {hexOf(n - 1), hexOf(n + 1), hexOf(n).replace(4, 1, "x"), std::string()}) {
            r = answer(device, request(bad));
            QCOMPARE(hresultOf(r), kInvalidArg);
            QCOMPARE(r.value(QLatin1String("id")).toInteger(), 9);
        }
        r = answer(device, "{\"id\":9,\"method\":\"" + method.toStdString() + "\",\"params\":{}}");
        QCOMPARE(hresultOf(r), kInvalidArg);
        r = answer(device, "{\"id\":9,\"method\":\"" + method.toStdString() + "\",\"params\":{\"" + param.toStdString()
                               + "\":256}}");
        QCOMPARE(hresultOf(r), kInvalidArg);
        QVERIFY(device.calls.empty());
    }

    void configureAdditional()
    {
        FakeDevice device;
        device.description.iface = "opm";
        const std::string base = "{\"id\":2,\"method\":\"opm.configure\",\"params\":{\"parameters\":\"" + hexOf(4096) + "\"";
        QCOMPARE(hresultOf(answer(device, base + ",\"additional\":\"0102ff\"}}")), 0u);
        QVERIFY(device.lastAdditional == (Bytes{1, 2, 0xff}));
        QCOMPARE(hresultOf(answer(device, base + "}}")), 0u); // absent: none
        QVERIFY(device.lastAdditional.empty());
        QCOMPARE(hresultOf(answer(device, base + ",\"additional\":\"\"}}")), 0u);
        QVERIFY(device.lastAdditional.empty());
        QCOMPARE(hresultOf(answer(device, base + ",\"additional\":\"abc\"}}")), kInvalidArg);
        QCOMPARE(hresultOf(answer(device, base + ",\"additional\":7}}")), kInvalidArg);
        QCOMPARE(device.calls.size(), std::size_t(3));
    }

    void unknownMethodIsNotImplemented()
    {
        FakeDevice device;
        for (const char* m : {"copp.bogus", "opm.", "device.reset", "COPP.KEYEXCHANGE"}) {
            const QJsonObject r = answer(device, "{\"id\":4,\"method\":\"" + std::string(m) + "\"}");
            QCOMPARE(hresultOf(r), kNotImpl);
            QCOMPARE(r.value(QLatin1String("id")).toInteger(), 4);
        }
        QVERIFY(device.calls.empty());
    }

    void otherInterfaceIsNotImplemented()
    {
        FakeDevice copp; // interface "copp"
        const std::string opmCall = "{\"id\":8,\"method\":\"opm.getInformation\",\"params\":{}}";
        QCOMPARE(hresultOf(answer(copp, opmCall)), kNotImpl); // not E_INVALIDARG: params are not looked at
        QCOMPARE(hresultOf(answer(copp, "{\"id\":8,\"method\":\"opm.startInitialization\"}")), kNotImpl);
        FakeDevice opm;
        opm.description.iface = "opm";
        QCOMPARE(hresultOf(answer(opm, "{\"id\":8,\"method\":\"copp.keyExchange\"}")), kNotImpl);
        QVERIFY(copp.calls.empty());
        QVERIFY(opm.calls.empty());
    }

    void defaultsAnswerNotImplemented()
    {
        // A device implementing only describe(): every call is E_NOTIMPL.
        class Bare : public HwDevice {
        public:
            Description describe() const override { return {}; }
        } bare;
        QCOMPARE(bare.keyExchange().hresult, kNotImpl);
        QCOMPARE(bare.sessionSequenceStart({}), kNotImpl);
        QCOMPARE(bare.protectionCommand({}), kNotImpl);
        QCOMPARE(bare.protectionStatus({}).hresult, kNotImpl);
        QCOMPARE(bare.startInitialization().hresult, kNotImpl);
        QCOMPARE(bare.finishInitialization({}), kNotImpl);
        QCOMPARE(bare.getInformation({}).hresult, kNotImpl);
        QCOMPARE(bare.coppCompatibleGetInformation({}).hresult, kNotImpl);
        QCOMPARE(bare.configure({}, {}), kNotImpl);
    }

    void exceptionsBecomeHresults()
    {
        FakeDevice device;
        device.throwBadAlloc = true;
        QCOMPARE(hresultOf(answer(device, "{\"id\":1,\"method\":\"copp.keyExchange\"}")), 0x8007000Eu);
        device.throwBadAlloc = false;
        device.throwOther = true;
        QCOMPARE(hresultOf(answer(device, "{\"id\":1,\"method\":\"copp.keyExchange\"}")), 0x80004005u);
    }

    void failedDeviceAnswersItsHresult()
    {
        FailedDevice failed({"monitor 3 [unavailable]", "copp", "copp", "output"}, kNoCoppHw);
        QCOMPARE(failed.describe().name, std::string("monitor 3 [unavailable]"));
        QCOMPARE(failed.keyExchange().hresult, kNoCoppHw);
        QCOMPARE(failed.sessionSequenceStart({}), kNoCoppHw);
        QCOMPARE(failed.protectionStatus({}).hresult, kNoCoppHw);
        QCOMPARE(failed.startInitialization().hresult, kNoCoppHw);
        QCOMPARE(failed.getInformation({}).hresult, kNoCoppHw);
        QCOMPARE(failed.configure({}, {}), kNoCoppHw);
        // Never S_OK for a failure.
        QCOMPARE(FailedDevice({}, 0).keyExchange().hresult, 0x80004005u);
        // describe still answers S_OK through the pipe.
        QCOMPARE(hresultOf(answer(failed, "{\"id\":1,\"method\":\"device.describe\"}")), 0u);
    }

    void opmAsCoppMapsTheCalls()
    {
        auto fake = std::make_unique<FakeDevice>();
        fake->description = {"out", "opm", "copp", "output"};
        FakeDevice* opm = fake.get();
        OpmAsCoppDevice device(std::move(fake));
        const Description d = device.describe();
        QCOMPARE(d.iface, std::string("copp"));
        QCOMPARE(d.semantics, std::string("copp"));
        QVERIFY(device.keyExchange().ok());
        QVERIFY(device.sessionSequenceStart({}) == 0);
        QVERIFY(device.protectionCommand({}) == 0);
        QVERIFY(device.protectionStatus({}).ok());
        QCOMPARE(opm->calls, (std::vector<std::string>{"startInitialization", "finishInitialization", "configure",
                                                       "coppCompatibleGetInformation"}));
        QVERIFY(opm->lastAdditional.empty());
        // The OPM calls themselves are not offered through the adapter.
        QCOMPARE(device.startInitialization().hresult, kNotImpl);
    }

    // The Qt client's decoder (core/device/agent) reads every response we write.
    void responsesDecodeWithTheQtClient()
    {
        FakeDevice device;
        for (const std::string& line :
             {std::string("{\"id\":1,\"method\":\"device.describe\"}"), std::string("{\"id\":2,\"method\":\"copp.keyExchange\"}"),
              "{\"id\":3,\"method\":\"copp.protectionStatus\",\"params\":{\"input\":\"" + hexOf(4096) + "\"}}",
              std::string("{\"id\":4,\"method\":\"nope\"}"), std::string("garbage")}) {
            const std::string out = *agent::answerLine(device, line);
            const auto decoded = copp::device::agent::decodeResponse(QByteArrayView(out.data(), static_cast<qsizetype>(out.size())));
            QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().detail.c_str());
        }
        const std::string out = *agent::answerLine(device, "{\"id\":2,\"method\":\"copp.keyExchange\"}");
        const auto decoded = copp::device::agent::decodeResponse(QByteArrayView(out.data(), static_cast<qsizetype>(out.size())));
        QVERIFY(decoded.ok());
        const auto chain = copp::device::agent::base64Field(decoded->result, QLatin1String("certificateChain"));
        QVERIFY(chain.ok());
        QCOMPARE(chain->size(), std::string("<CertificateCollection>\"chain\"</CertificateCollection>").size());
        // And our encodeRequest is a request the Qt side reads.
        const std::string request = agent::encodeRequest(12, "opm.configure", {{"parameters", "00"}, {"additional", ""}});
        const auto back = copp::device::agent::decodeRequest(QByteArrayView(request.data(), static_cast<qsizetype>(request.size())));
        QVERIFY(back.ok());
        QCOMPARE(back->id, 12);
        QCOMPARE(back->params.value(QLatin1String("parameters")).toString(), QStringLiteral("00"));
    }

    void hresultIsAlwaysUnsigned()
    {
        const std::string line = agent::encodeResponse({1, 0xFFFFFFFFu, {{"x", "y"}}});
        QCOMPARE(QString::fromStdString(line), QStringLiteral("{\"hresult\":4294967295,\"id\":1,\"result\":{}}\n"));
        QCOMPARE(QString::fromStdString(agent::encodeResponse({0, 0, {{"a", "b\"c"}}})),
                 QStringLiteral("{\"hresult\":0,\"id\":0,\"result\":{\"a\":\"b\\\"c\"}}\n"));
    }

    // --- the serving loop -------------------------------------------------------

    void serveLines_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("one byte at a time") << 1;
        QTest::newRow("small chunks") << 7;
        QTest::newRow("all at once") << 100000;
    }
    void serveLines()
    {
        QFETCH(int, chunk);
        FakeDevice device;
        const std::string input = "\n   \n\t\v\f\n"                                 // blank: no answer
                                  "{\"id\":1,\"method\":\"device.describe\"}" "\r\n" // CRLF
                                  "garbage\n"                                      // id 0, E_INVALIDARG
                                  "{\"id\":3,\"method\":\"copp.keyExchange\"}";      // last line without '\n'
        tests::BytesSource in(qbytes(input), static_cast<std::size_t>(chunk));
        tests::BytesSink out;
        QCOMPARE(agent::serve(device, in, out), 0); // EOF ends the device
        const auto lines = linesOf(out);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].value(QLatin1String("id")).toInteger(), 1);
        QCOMPARE(hresultOf(lines[1]), kInvalidArg);
        QCOMPARE(lines[1].value(QLatin1String("id")).toInteger(), 0);
        QCOMPARE(lines[2].value(QLatin1String("id")).toInteger(), 3);
        QCOMPARE(hresultOf(lines[2]), 0u);
    }

    void overLongLinesAreSkipped()
    {
        FakeDevice device;
        std::string input = "{\"id\":1,\"method\":\"" + std::string(agent::kMaxLineBytes + 10, 'x') + "\"}\n";
        input += "{\"id\":2,\"method\":\"device.describe\"}" "\n";
        input += std::string(agent::kMaxLineBytes + 1, ' '); // a final over-long line without '\n'
        tests::BytesSource in(qbytes(input), 100000);
        tests::BytesSink out;
        std::vector<std::string> logged;
        QCOMPARE(agent::serve(device, in, out, [&](std::string_view s) { logged.emplace_back(s); }), 0);
        const auto lines = linesOf(out);
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0].value(QLatin1String("id")).toInteger(), 0);
        QCOMPARE(hresultOf(lines[0]), kInvalidArg);
        QCOMPARE(lines[1].value(QLatin1String("id")).toInteger(), 2);
        QCOMPARE(hresultOf(lines[1]), 0u);
        QCOMPARE(hresultOf(lines[2]), kInvalidArg);
        QCOMPARE(logged.size(), std::size_t(2));

        // At the limit exactly: accepted.
        agent::LineReader::Status status;
        std::string line;
        tests::BytesSource exact(qbytes(std::string(16, 'a') + "\r\n" + std::string(17, 'b') + "\n"), 5);
        agent::LineReader reader(exact, 16);
        status = reader.next(line);
        QCOMPARE(status, agent::LineReader::Status::Line);
        QCOMPARE(line.size(), std::size_t(16));
        QCOMPARE(reader.next(line), agent::LineReader::Status::TooLong);
        QCOMPARE(reader.next(line), agent::LineReader::Status::End);
    }

    void failedWriteEndsTheLoop()
    {
        FakeDevice device;
        tests::BytesSource in("{\"id\":1,\"method\":\"device.describe\"}" "\n" "{\"id\":2,\"method\":\"device.describe\"}" "\n", 64);
        tests::BytesSink out;
        out.failAfter = 1;
        QCOMPARE(agent::serve(device, in, out), 1);
        QCOMPARE(linesOf(out).size(), std::size_t(1));
    }

    // --- the agent's command line -------------------------------------------------

    void options()
    {
        auto p = parseAgentOptions({});
        QVERIFY(p.error.empty());
        QCOMPARE(p.options.mode, AgentOptions::Mode::Serve);
        QCOMPARE(p.options.selection.api, Api::Vmr9);
        QCOMPARE(p.options.selection.iface, std::string("copp"));
        QCOMPARE(p.options.selection.semantics, std::string("copp"));

        p = parseAgentOptions({"--interface", "opm", "--output", "1.2"});
        QVERIFY2(p.error.empty(), p.error.c_str());
        QCOMPARE(p.options.selection.api, Api::Opm);
        QCOMPARE(p.options.selection.semantics, std::string("opm"));
        QCOMPARE(p.options.selection.monitor, 1u);
        QCOMPARE(p.options.selection.output, 2u);

        p = parseAgentOptions({"--semantics=opm"});
        QVERIFY(p.error.empty());
        QCOMPARE(p.options.selection.iface, std::string("opm"));
        QCOMPARE(p.options.selection.api, Api::Opm);

        p = parseAgentOptions({"--api", "opm"}); // COPP calls over OPM, COPP semantics
        QVERIFY(p.error.empty());
        QCOMPARE(p.options.selection.iface, std::string("copp"));

        p = parseAgentOptions({"--capture-chains", "out dir", "--quiet"});
        QVERIFY(p.error.empty());
        QCOMPARE(p.options.mode, AgentOptions::Mode::CaptureChains);
        QCOMPARE(p.options.captureDir, std::string("out dir"));
        QVERIFY(p.options.quiet);

        QCOMPARE(parseAgentOptions({"--list"}).options.mode, AgentOptions::Mode::List);
        QCOMPARE(parseAgentOptions({"--version"}).options.mode, AgentOptions::Mode::Version);
        QCOMPARE(parseAgentOptions({"-h"}).options.mode, AgentOptions::Mode::Help);
        QVERIFY(!agentUsage().empty());

        for (const std::vector<std::string>& bad :
             std::vector<std::vector<std::string>>{{"--output", "x"},
                                                   {"--output", "1."},
                                                   {"--output", "-1"},
                                                   {"--output"},
                                                   {"--api", "d3d"},
                                                   {"--interface", "dxva"},
                                                   {"--interface", "copp", "--semantics", "opm"},
                                                   {"--api", "evr", "--output", "0.1"},
                                                   {"--api", "vmr9", "--interface", "opm"},
                                                   {"--list", "--version"},
                                                   {"--capture-chains"},
                                                   {"--capture-chains="},
                                                   {"serve"}}) {
            const auto r = parseAgentOptions(bad);
            QVERIFY2(!r.error.empty(), bad.front().c_str());
        }
    }

    // --- --list -------------------------------------------------------------------

    void monitorsJson()
    {
        MonitorInfo m;
        m.index = 0;
        m.device = "\\\\.\\DISPLAY1";
        m.adapter = "Adapter \"X\"";
        m.primary = true;
        m.left = -1920;
        m.right = 0;
        m.bottom = 1080;
        m.targetsHresult = 0;
        m.targets.push_back({4, 5, "DELL U2415", "\\\\?\\DISPLAY#DEL"});
        m.targets.push_back({5, 0x80000000LL, "", ""});
        m.coppSemantics = {0, 1};
        m.opmSemantics = {0xC026251Eu, 0};
        const QJsonObject doc = parsedLine(copp::device::hw::monitorsJson({m}));
        const QJsonObject o = doc.value(QLatin1String("monitors")).toArray().at(0).toObject();
        QCOMPARE(o.value(QLatin1String("device")).toString(), QStringLiteral("\\\\.\\DISPLAY1"));
        QCOMPARE(o.value(QLatin1String("adapter")).toString(), QStringLiteral("Adapter \"X\""));
        QCOMPARE(o.value(QLatin1String("rect")).toArray().at(0).toInt(), -1920);
        const QJsonArray targets = o.value(QLatin1String("targets")).toArray();
        QCOMPARE(targets.at(0).toObject().value(QLatin1String("connector")).toString(), QStringLiteral("hdmi"));
        QCOMPARE(targets.at(1).toObject().value(QLatin1String("connector")).toString(), QStringLiteral("internal"));
        QCOMPARE(targets.at(1).toObject().value(QLatin1String("connectorType")).toInteger(), 0x80000000LL);
        const QJsonObject opm = o.value(QLatin1String("opm")).toObject();
        QCOMPARE(opm.value(QLatin1String("opm")).toObject().value(QLatin1String("hresult")).toInteger(), 0xC026251ELL);
        QCOMPARE(opm.value(QLatin1String("copp")).toObject().value(QLatin1String("outputs")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("label")).toString(),
                 QStringLiteral("\\\\.\\DISPLAY1 (DELL U2415, hdmi; internal)"));
        QCOMPARE(QString::fromLatin1(connectorName(-1)), QStringLiteral("other"));
        QCOMPARE(QString::fromLatin1(connectorName(10)), QStringLiteral("displayport-external"));
        QCOMPARE(QString::fromLatin1(connectorName(99)), QStringLiteral("unknown"));
    }

    // --- --capture-chains with fake devices -----------------------------------------

    void captureChains()
    {
        MonitorInfo a;
        a.index = 0;
        a.device = "\\\\.\\DISPLAY1";
        a.coppSemantics = {0, 1};
        a.opmSemantics = {0, 1};
        MonitorInfo b;
        b.index = 1;
        b.coppSemantics = {0xC0262501u, 0};
        b.opmSemantics = {0xC026251Eu, 0};
        const auto targets = captureTargets({a, b});
        QCOMPARE(targets.size(), std::size_t(4)); // a: vmr9, opm/copp, opm/opm; b: vmr9
        QCOMPARE(captureFileName(targets[0].selection), std::string("monitor0-vmr9-copp.xml"));
        QCOMPARE(captureFileName(targets[1].selection), std::string("monitor0-output0-opm-copp.xml"));
        QCOMPARE(captureFileName(targets[2].selection), std::string("monitor0-output0-opm-opm.p7b"));
        QCOMPARE(captureFileName(targets[3].selection), std::string("monitor1-vmr9-copp.xml"));

        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const auto dir = utf8Path(tmp.filePath(QStringLiteral("chains \u00e9")).toStdString());
        std::vector<std::string> opened;
        const auto outcomes = copp::device::hw::captureChains(
            targets,
            [&](const DeviceSelection& s) -> std::unique_ptr<HwDevice> {
                opened.push_back(captureFileName(s));
                if (s.monitor == 1)
                    return std::make_unique<FailedDevice>(Description{}, kNoCoppHw);
                auto fake = std::make_unique<FakeDevice>();
                fake->description.iface = s.iface;
                return fake;
            },
            dir);
        QCOMPARE(opened.size(), std::size_t(4));
        QCOMPARE(outcomes.size(), std::size_t(4));
        QCOMPARE(outcomes[3].hresult, kNoCoppHw);
        QVERIFY(outcomes[3].file.empty());
        QFile saved(QString::fromStdString(pathText(dir / "monitor0-output0-opm-opm.p7b")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("<CertificateCollection>\"chain\"</CertificateCollection>"));
        QFile index(QString::fromStdString(pathText(dir / "index.json")));
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QJsonArray entries = QJsonDocument::fromJson(index.readAll()).object().value(QLatin1String("outputs")).toArray();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("random")).toString(),
                 QStringLiteral("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"));
        QCOMPARE(entries.at(3).toObject().value(QLatin1String("hresult")).toInteger(), qint64(kNoCoppHw));
        QVERIFY(!entries.at(3).toObject().value(QLatin1String("detail")).toString().isEmpty());
    }

    // --- the COPP graph's clip ---------------------------------------------------------

    void tinyAviLayout()
    {
        const Bytes avi = makeTinyAvi(64, 48);
        const auto u32 = [&](std::size_t at) {
            return std::uint32_t(avi[at]) | std::uint32_t(avi[at + 1]) << 8 | std::uint32_t(avi[at + 2]) << 16
                | std::uint32_t(avi[at + 3]) << 24;
        };
        const auto fourcc = [&](std::size_t at) { return std::string(reinterpret_cast<const char*>(&avi[at]), 4); };
        QCOMPARE(fourcc(0), std::string("RIFF"));
        QCOMPARE(std::size_t(u32(4)), avi.size() - 8);
        QCOMPARE(fourcc(8), std::string("AVI "));
        QCOMPARE(fourcc(12), std::string("LIST"));
        QCOMPARE(fourcc(20), std::string("hdrl"));
        QCOMPARE(fourcc(24), std::string("avih"));
        QCOMPARE(u32(28), 56u);
        QCOMPARE(u32(32 + 16), 1u); // dwTotalFrames
        QCOMPARE(u32(32 + 32), 64u); // dwWidth
        QCOMPARE(u32(32 + 36), 48u); // dwHeight
        const std::size_t strl = 32 + 56;
        QCOMPARE(fourcc(strl), std::string("LIST"));
        QCOMPARE(fourcc(strl + 8), std::string("strl"));
        QCOMPARE(fourcc(strl + 12), std::string("strh"));
        QCOMPARE(u32(strl + 16), 56u);
        QCOMPARE(fourcc(strl + 20), std::string("vids"));
        const std::size_t strf = strl + 12 + 8 + 56;
        QCOMPARE(fourcc(strf), std::string("strf"));
        QCOMPARE(u32(strf + 4), 40u);
        QCOMPARE(u32(strf + 8), 40u);                         // biSize
        QCOMPARE(avi[strf + 8 + 14], std::uint8_t(32));       // biBitCount
        QCOMPARE(u32(strf + 8 + 20), 64u * 48u * 4u);         // biSizeImage
        QCOMPARE(std::size_t(u32(16)), strf + 48 - 20);       // hdrl size covers through strf
        const std::size_t movi = strf + 48;
        QCOMPARE(fourcc(movi), std::string("LIST"));
        QCOMPARE(fourcc(movi + 8), std::string("movi"));
        QCOMPARE(fourcc(movi + 12), std::string("00db"));
        QCOMPARE(u32(movi + 16), 64u * 48u * 4u);
        const std::size_t idx1 = movi + 8 + u32(movi + 4);
        QCOMPARE(fourcc(idx1), std::string("idx1"));
        QCOMPARE(u32(idx1 + 4), 16u);
        QCOMPARE(fourcc(idx1 + 8), std::string("00db"));
        QCOMPARE(u32(idx1 + 16), 4u); // offset from "movi" to the chunk
        QCOMPARE(fourcc(movi + 8 + u32(idx1 + 16)), std::string("00db"));
        QCOMPARE(idx1 + 24, avi.size());
    }

    // --- the project's GUIDs against docs/protocol.md §4.1 ----------------------------------------

    void guidTableMatchesTheSpec()
    {
        QCOMPARE(wire::guid::SetProtectionLevel,
                 (wire::Guid16{0x7c, 0x32, 0xb9, 0x9b, 0xb5, 0x4e, 0x27, 0x47, 0x9f, 0x00, 0xb4, 0x2b, 0x09, 0x19, 0xc0, 0xda}));
        const QString shared = copp::tests::sharedDir();
        QFile spec(shared + QStringLiteral("/spec/docs/protocol.md"));
        if (shared.isEmpty() || !spec.open(QIODevice::ReadOnly))
            QSKIP("spec/docs/protocol.md is not available (COPP_SHARED_DIR)");
        const QString text = QString::fromUtf8(spec.readAll());
        int checked = 0;
        for (const wire::NamedGuid& g : wire::kGuids) {
            const auto& b = g.bytes;
            const QString registry = QString::asprintf(
                "{%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x}", b[3], b[2], b[1], b[0], b[5], b[4],
                b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
            QStringList bytes;
            for (const std::uint8_t v : b)
                bytes << QString::asprintf("%02x", v);
            const QRegularExpression row(QLatin1String("\\|[^\\n]*`") + QRegularExpression::escape(registry)
                                         + QLatin1String("`\\s*\\|\\s*`([0-9a-f ]+)`"));
            const QRegularExpressionMatch match = row.match(text);
            if (g.name == "CLSID_EnhancedVideoRenderer") {
                QVERIFY(!match.hasMatch()); // not a protocol GUID; checked against the SDK value in cominterfaces.h
                continue;
            }
            QVERIFY2(match.hasMatch(), qPrintable(QString::fromLatin1(g.name.data(), qsizetype(g.name.size())) + u' ' + registry));
            QCOMPARE(match.captured(1), bytes.join(u' '));
            ++checked;
        }
        QCOMPARE(checked, int(std::size(wire::kGuids)) - 1);
    }
};

QTEST_GUILESS_MAIN(TestHwAgentCore)
#include "tst_hwagentcore.moc"
