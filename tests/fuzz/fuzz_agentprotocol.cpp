// SPDX-License-Identifier: BSD-3-Clause
// libFuzzer target for the device agent protocol (docs/cli.md#the-device-agent-protocol), both sides:
// - every '\n'-separated line through decodeRequest (server side), decodeResponse
//   (client side) and recoverRequestId, with the field readers the two sides use
//   (hexField, fixedHexField, base64Field) on what decodes;
// - the whole input as the server's stdin: the agent server (core/device/agent,
//   the one coppscope-agent.exe runs) on a byte buffer, answered by an
//   in-process COPP emulator and again by an OPM emulator (OPM semantics), with
//   every line it writes checked against the Qt client's decodeResponse and
//   against the answer the contract requires for the line it read.
// Invariants (abort() when broken): what decodes re-encodes to something that
// decodes to the same values; the server answers every non-blank line exactly
// once, in order, with a line that decodes.
//
// The test PKI is made once per process; each input gets a fresh emulator
// session on it (cheap), so inputs do not depend on each other. A session can
// never start here (the driver random is fresh per KeyExchange), so only the
// first SessionSequenceStart of an input reaches the emulator's RSA decryption.
//
// One source, two builds (see CMakeLists.txt):
//   fuzz_agentprotocol         clang, -fsanitize=fuzzer,address,undefined
//   fuzz_agentprotocol_replay  any compiler; ctest runs corpus/agentprotocol
//   build/fuzz/tests/fuzz/fuzz_agentprotocol -max_total_time=120 -rss_limit_mb=2048 /tmp/corpus
// The corpus holds one line over kMaxLineBytes (1 MiB), so libFuzzer mutates inputs
// up to that size; -max_len=65536 runs several times faster (that seed is then cut).
// Set COPP_TEST_KEYS=DIR to load the test PKI instead of generating it.
// It must never crash, hang or leak, whatever the input.
#include <support/agentbuffers.h>
#include <support/testsupport.h>

#include <core/device/agent/agentprotocol.h>
#include <core/device/agent/coppdeviceserver.h>
#include <core/device/emulator/coppemulator.h>
#include <core/device/emulator/opmemulator.h>
#include <core/kernel/protocol/constants.h>

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace {

using namespace copp;
using namespace copp::device;
namespace hr = copp::protocol::hr;

void require(bool condition)
{
    if (!condition)
        std::abort();
}

// The emulator, with SessionSequenceStart (an RSA decryption) once per input.
class CappedDevice final : public CoppDevice {
public:
    explicit CappedDevice(std::shared_ptr<const EmulatorMaterial> material)
        : m_emulator(std::make_shared<EmulatedOutput>(OutputProfile{}), std::move(material))
    {
    }
    DeviceDescription describe() override { return m_emulator.describe(); }
    Result<KeyExchangeReply> keyExchange() override { return m_emulator.keyExchange(); }
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override
    {
        if (++m_starts > 1)
            return deviceError(hr::Unexpected, "fuzz: too many SessionSequenceStart calls");
        return m_emulator.sessionSequenceStart(signature);
    }
    Result<void> protectionCommand(const protocol::Block4096& command) override
    {
        return m_emulator.protectionCommand(command);
    }
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override
    {
        return m_emulator.protectionStatus(input);
    }

private:
    CoppEmulator m_emulator;
    int m_starts = 0;
};

const std::shared_ptr<const EmulatorMaterial>& material()
{
    static const auto m = std::make_shared<const EmulatorMaterial>(EmulatorMaterial::create(tests::testPki(), {}));
    return m;
}

// The same for an OPM protected output (OPM semantics): the X.509 test chain too.
const std::shared_ptr<const EmulatorMaterial>& opmMaterial()
{
    static const auto m = [] {
        EmulatorMaterial built = EmulatorMaterial::create(tests::testPki(), {});
        built.opm = EmulatorMaterial::createOpm(tests::x509TestPki(), {}).value();
        return std::make_shared<const EmulatorMaterial>(std::move(built));
    }();
    return m;
}

// The OPM emulator, with FinishInitialization (an RSA decryption) once per input.
class CappedOpmDevice final : public CoppDevice, public OpmDevice {
public:
    CappedOpmDevice() : m_emulator(std::make_shared<EmulatedOutput>(OutputProfile{}), opmMaterial(), OpmRole{}) {}
    DeviceDescription describe() override { return m_emulator.describe(); }
    Result<KeyExchangeReply> keyExchange() override { return m_emulator.keyExchange(); }
    Result<void> sessionSequenceStart(const protocol::Signature256& s) override { return m_emulator.sessionSequenceStart(s); }
    Result<void> protectionCommand(const protocol::Block4096& c) override { return m_emulator.protectionCommand(c); }
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& i) override { return m_emulator.protectionStatus(i); }
    OpmDevice* opm() override { return this; }
    Result<StartInitializationReply> startInitialization() override { return m_emulator.startInitialization(); }
    Result<void> finishInitialization(const protocol::Signature256& parameters) override
    {
        if (++m_finishes > 1)
            return deviceError(hr::Unexpected, "fuzz: too many FinishInitialization calls");
        return m_emulator.finishInitialization(parameters);
    }
    Result<protocol::Block4096> getInformation(const protocol::Block4112& p) override { return m_emulator.getInformation(p); }
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& p) override
    {
        return m_emulator.coppCompatibleGetInformation(p);
    }
    Result<void> configure(const protocol::Block4096& p, ByteView additional) override { return m_emulator.configure(p, additional); }

private:
    OpmEmulator m_emulator;
    int m_finishes = 0;
};

// The readers both sides apply to params / result, on every string field.
void readFields(const QJsonObject& object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            continue;
        const QByteArray key = it.key().toLatin1(); // outlives `field`
        const QLatin1String field(key.constData(), key.size());
        if (auto bytes = agent::hexField(object, field, std::nullopt)) {
            // Hex decodes exactly: lowercase re-encoding is the input, lowercased.
            require(agent::toHexString(*bytes) == object.value(field).toString().toLower());
            require(agent::hexField(object, field, bytes->size()).ok());
        }
        if (auto bytes = agent::base64Field(object, field)) {
            QJsonObject again{{QStringLiteral("v"), agent::toBase64String(*bytes)}};
            auto twice = agent::base64Field(again, QLatin1String("v"));
            require(twice && *twice == *bytes);
        }
    }
    // The fixed-size fields of the table.
    (void)agent::fixedHexField<16>(object, QLatin1String("random"));
    (void)agent::fixedHexField<protocol::kSignatureSize>(object, QLatin1String("signature"));
    (void)agent::fixedHexField<protocol::kBlockSize>(object, QLatin1String("command"));
    (void)agent::fixedHexField<protocol::kBlockSize>(object, QLatin1String("input"));
    (void)agent::fixedHexField<protocol::kBlockSize>(object, QLatin1String("output"));
    (void)agent::base64Field(object, QLatin1String("certificateChain"));
}

// What the server must answer to a line, as far as it does not depend on the device.
struct Expected {
    bool answered = false; // false: a blank line, no answer
    qint64 id = 0;
    std::optional<std::uint32_t> hresult; // nullopt: up to the device
    QString method;
};

// One line (without its '\n') through every reader, and the answer it must get
// from a COPP device, or (opmDevice) from an OPM device, which has opm.* too.
Expected checkLine(QByteArrayView line, bool opmDevice)
{
    const auto request = agent::decodeRequest(line);
    const auto recovered = agent::recoverRequestId(line);
    if (request) {
        require(request->id >= 0 && !request->method.isEmpty());
        require(recovered && *recovered == request->id);
        const auto again = agent::decodeRequest(agent::encodeRequest(*request));
        require(again && again->id == request->id && again->method == request->method
                && again->params == request->params);
        readFields(request->params);
    }
    if (const auto response = agent::decodeResponse(line)) {
        require(response->id >= 0);
        require(recovered && *recovered == response->id);
        require(response->succeeded() || response->result.isEmpty());
        const auto again = agent::decodeResponse(agent::encodeResponse(*response));
        require(again && again->id == response->id && again->hresult == response->hresult
                && again->result == response->result);
        readFields(response->result);
    }

    // What the server must answer (agentserver.h): its own reading of the line.
    Expected e;
    const QByteArrayView content = line.endsWith('\r') ? line.chopped(1) : line; // "\r\n" is accepted
    if (content.size() > agent::kMaxLineBytes) {
        e.answered = true; // skipped, answered like a non-JSON line
        e.hresult = hr::InvalidArg;
        return e;
    }
    const std::string_view text(line.data(), static_cast<std::size_t>(line.size()));
    if (text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos)
        return e; // blank
    e.answered = true;
    const hw::agent::DecodedRequest served = hw::agent::decodeRequest(text);
    if (!served.request) {
        e.id = served.id.value_or(0);
        e.hresult = hr::InvalidArg;
        return e;
    }
    e.id = served.request->id;
    e.method = QString::fromStdString(served.request->method);
    const QString& m = e.method;
    const bool coppMethod = m == agent::method::KeyExchange || m == agent::method::SessionSequenceStart
        || m == agent::method::ProtectionCommand || m == agent::method::ProtectionStatus;
    const bool opmMethod = m == agent::method::OpmStartInitialization || m == agent::method::OpmFinishInitialization
        || m == agent::method::OpmGetInformation || m == agent::method::OpmCoppCompatibleGetInformation
        || m == agent::method::OpmConfigure;
    if (m == agent::method::Describe)
        e.hresult = hr::Ok;
    else if (!(opmDevice ? opmMethod : coppMethod))
        e.hresult = hr::NotImpl; // unknown methods, and calls of the interface the device does not have
    return e;
}

// A success must carry what the table promises.
void checkResult(const QString& method, const QJsonObject& result)
{
    if (method == agent::method::Describe) {
        for (const char* key : {"name", "interface", "semantics", "role"})
            require(result.value(QLatin1String(key)).isString());
    } else if (method == agent::method::KeyExchange) {
        require(agent::fixedHexField<16>(result, QLatin1String("random")).ok());
        const auto chain = agent::base64Field(result, QLatin1String("certificateChain"));
        require(chain && QByteArray(reinterpret_cast<const char*>(chain->data()), static_cast<qsizetype>(chain->size()))
                             == material()->chain);
    } else if (method == agent::method::ProtectionStatus) {
        require(agent::fixedHexField<protocol::kBlockSize>(result, QLatin1String("output")).ok());
    } else if (method == agent::method::OpmStartInitialization) {
        require(agent::fixedHexField<16>(result, QLatin1String("random")).ok());
        const auto certificate = agent::base64Field(result, QLatin1String("certificate"));
        require(certificate
                && QByteArray(reinterpret_cast<const char*>(certificate->data()), static_cast<qsizetype>(certificate->size()))
                    == opmMaterial()->opm->certificate);
    } else if (method == agent::method::OpmGetInformation || method == agent::method::OpmCoppCompatibleGetInformation) {
        require(agent::fixedHexField<protocol::kBlockSize>(result, QLatin1String("information")).ok());
    }
}

// The server's view of the input: lines up to and including '\n'; the last may lack it.
std::vector<QByteArrayView> splitLines(QByteArrayView input)
{
    std::vector<QByteArrayView> lines;
    while (!input.isEmpty()) {
        const qsizetype nl = input.indexOf('\n');
        const qsizetype end = nl < 0 ? input.size() : nl + 1;
        lines.push_back(input.first(end));
        input = input.sliced(end);
    }
    return lines;
}

// The whole input as the server's stdin; every line it writes decodes, one per
// answered input line, in order, with the answer the contract requires.
template <typename Device>
void serveAndCheck(const QByteArray& bytes, Device& device, bool opmDevice)
{
    std::vector<Expected> expected;
    for (QByteArrayView line : splitLines(bytes)) {
        const Expected e = checkLine(line.endsWith('\n') ? line.chopped(1) : line, opmDevice);
        if (e.answered)
            expected.push_back(e);
    }
    tests::BytesSource in(bytes);
    tests::BytesSink out;
    require(serveAgent(device, in, out) == 0);
    const std::vector<QByteArrayView> answers = splitLines(out.bytes);
    require(answers.size() == expected.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        require(answers[i].endsWith('\n'));
        const auto response = agent::decodeResponse(answers[i]);
        require(response.ok());
        require(response->id == expected[i].id);
        if (expected[i].hresult)
            require(response->hresult == *expected[i].hresult);
        if (response->succeeded())
            checkResult(expected[i].method, response->result);
        else
            require(response->result.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A few over-long lines are interesting; megabytes of them are only slow.
    if (size > 4 * static_cast<std::size_t>(agent::kMaxLineBytes))
        return 0;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    // Each line through the decoders, then the whole input served by a COPP
    // device and by an OPM device (the opm.* calls reach the OPM emulator).
    CappedDevice copp(material());
    serveAndCheck(bytes, copp, false);
    CappedOpmDevice opm;
    serveAndCheck(bytes, opm, true);
    return 0;
}
