// SPDX-License-Identifier: BSD-3-Clause
// libFuzzer target for the application side of COPP status replies: what
// SessionEngine::query does with the 4096 bytes a (hostile) driver returns
// (MAC, size, random echo and flag checks, the payload decoders, the alerts
// that follow), plus the kernel decoders of coppstructs.h called directly.
//
// A session is started once per process against the in-process emulator (the
// RSA work happens there, never per input); from then on the device answers
// ProtectionStatus with the fuzz input. Input layout:
//   byte 0    request (low 3 bits: one of kAllStatusRequests) and protection
//             type for the level queries (next 3 bits)
//   byte 1    mode (low 2 bits, see Mode) and the time since the HDCP command
//             (the rest, in 50 ms steps: either side of the level grace period)
//   byte 2..  the reply block, zero-padded or truncated to 4096 bytes
// Each input queries a copy of that started engine, with the clock and the
// random source reset, so inputs do not depend on each other and nothing
// accumulates between them.
//
// One source, two builds (see CMakeLists.txt):
//   fuzz_statusreply         clang, -fsanitize=fuzzer,address,undefined
//   fuzz_statusreply_replay  any compiler; ctest runs corpus/statusreply
//   build/fuzz/tests/fuzz/fuzz_statusreply -max_total_time=120 -rss_limit_mb=2048 /tmp/corpus
// Set COPP_TEST_KEYS=DIR to load the test PKI instead of generating it.
// It must never crash, hang or leak, whatever the input.
#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/session/sessionengine.h>

#include <QJsonDocument>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>

namespace {

using namespace copp;
using namespace copp::protocol;

enum class Mode {
    Raw,         // the bytes as they are: the MAC check fails (as it must)
    Signed,      // the request's random echoed, then MACed with the session key
    Valid,       // as Signed with the right cbSizeData too: every check passes
    DeviceError, // the call fails with the HRESULT in the first four bytes
};

constexpr std::uint32_t kTypes[] = {protection::Hdcp, protection::Acp,  protection::Cgmsa,   protection::Dpcp,
                                    protection::None, protection::OpmHdcp, protection::Unknown, protection::Mask};

// Hands the set-up calls to the emulator; ProtectionStatus to `reply` once set.
class ReplyDevice final : public device::CoppDevice {
public:
    explicit ReplyDevice(device::CoppDevice& inner) : m_inner(inner) {}
    std::function<Result<Block4096>(const Block4096& input)> reply;

    device::DeviceDescription describe() override { return m_inner.describe(); }
    Result<device::KeyExchangeReply> keyExchange() override { return m_inner.keyExchange(); }
    Result<void> sessionSequenceStart(const Signature256& s) override { return m_inner.sessionSequenceStart(s); }
    Result<void> protectionCommand(const Block4096& command) override { return m_inner.protectionCommand(command); }
    Result<Block4096> protectionStatus(const Block4096& input) override
    {
        return reply ? reply(input) : m_inner.protectionStatus(input);
    }

private:
    device::CoppDevice& m_inner;
};

// An emulator, a session started on it with HDCP level 1 requested, and its key.
struct Harness {
    static constexpr std::int64_t kStartMs = 1000;
    static constexpr std::uint64_t kSeed = 42;
    std::int64_t nowMs = kStartMs;
    std::unique_ptr<device::CoppEmulator> emulator;
    std::unique_ptr<ReplyDevice> device;
    crypto::DeterministicRandom random{kSeed};
    std::unique_ptr<session::SessionEngine> engine; // the started session; inputs use copies
    crypto::AesKey key{};
    QJsonObject lastStatus; // the engine's last "status" event

    Harness()
    {
        const auto material = std::make_shared<const device::EmulatorMaterial>(
            device::EmulatorMaterial::create(tests::testPki(), {}));
        const device::Clock clock = [this] { return nowMs; };
        emulator = std::make_unique<device::CoppEmulator>(
            std::make_shared<device::EmulatedOutput>(device::OutputProfile{}, clock), material);
        device = std::make_unique<ReplyDevice>(*emulator);
        session::SessionOptions options;
        options.policy.trustRoot =
            validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("emulator")).value();
        options.policy.revocationList = material->revocationList;
        options.revealSecrets = true;
        engine = std::make_unique<session::SessionEngine>(*device, options, random, [this](const session::SessionEvent& typed) {
            const QJsonObject e = session::toJson(typed); // the contract's JSON is what is checked
            const QString name = e.value(QStringLiteral("event")).toString();
            if (name == QLatin1String("session_started")) {
                const QByteArray k = QByteArray::fromHex(e.value(QStringLiteral("session_key")).toString().toLatin1());
                if (k.size() != static_cast<qsizetype>(key.size()))
                    std::abort();
                std::copy(k.begin(), k.end(), key.begin());
            } else if (name == QLatin1String("status")) {
                lastStatus = e;
            }
        }, clock);
        if (!engine->start() || !engine->setProtectionLevel(protection::Hdcp, 1))
            std::abort(); // the set-up itself is broken: nothing to fuzz
    }
};

Harness& harness()
{
    static Harness h;
    return h;
}

template <typename T>
void requireRoundTrip(const Result<T>& decoded, ByteView input, std::size_t compared)
{
    if (!decoded)
        return;
    const Bytes again = encode(*decoded);
    if (again.size() != T::kSize || !std::equal(again.begin(), again.begin() + compared, input.begin()))
        std::abort();
}

template <typename T>
void requireRoundTrip(const T& decoded, const Block4096& block)
{
    if (encode(decoded) != block)
        std::abort();
}

// The kernel decoders on the raw input at its real length: short inputs must
// fail cleanly, anything long enough must decode and re-encode to its bytes
// (HDCP key data: its two reserved GUIDs are always written as zero).
void fuzzDecoders(ByteView input, const Block4096& block)
{
    requireRoundTrip(decodeStatusData(input), input, StatusData::kSize);
    requireRoundTrip(decodeStatusDisplayData(input), input, StatusDisplayData::kSize);
    requireRoundTrip(decodeStatusHdcpKeyData(input), input, 40);
    requireRoundTrip(decodeStatusSignaling(input), input, StatusSignaling::kSize);
    requireRoundTrip(decodeSetProtectionLevel(input), input, SetProtectionLevel::kSize);
    requireRoundTrip(decodeSetSignaling(input), input, SetSignaling::kSize);
    for (auto request : kAllStatusRequests) {
        const bool longEnough = input.size() >= replySize(request);
        const bool decoded = request == StatusRequest::DisplayData ? decodeStatusDisplayData(input).ok()
            : request == StatusRequest::HdcpKeyData                ? decodeStatusHdcpKeyData(input).ok()
            : request == StatusRequest::Signaling                  ? decodeStatusSignaling(input).ok()
                                                                   : decodeStatusData(input).ok();
        if (decoded != longEnough)
            std::abort();
    }
    requireRoundTrip(decodeStatusOutput(block), block);
    requireRoundTrip(decodeStatusInput(block), block);
    requireRoundTrip(decodeCommand(block), block);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 2)
        return 0;
    const ByteView input(data, size);
    Block4096 block{};
    std::copy_n(data + 2, std::min(size - 2, block.size()), block.begin());
    fuzzDecoders(input, block);

    Harness& h = harness();
    const StatusRequest request = kAllStatusRequests[data[0] % 8];
    const std::uint32_t type = kTypes[(data[0] >> 3) % 8];
    const auto mode = static_cast<Mode>(data[1] % 4);
    h.nowMs = Harness::kStartMs + (data[1] >> 2) * 50;
    h.random = crypto::DeterministicRandom(Harness::kSeed);
    session::SessionEngine engine(*h.engine); // shares the device, the random source, the sink

    Block4096 sent{};
    h.device->reply = [&](const Block4096& in) -> Result<Block4096> {
        if (mode == Mode::DeviceError)
            return device::deviceError(getU32(block.data()), "fuzz: the device fails the call");
        sent = block;
        if (mode == Mode::Signed || mode == Mode::Valid) {
            std::copy_n(in.begin(), 16, sent.begin() + 20); // rApp, echoed
            if (mode == Mode::Valid)
                putU32(sent.data() + 16, static_cast<std::uint32_t>(replySize(request)));
            signBlock(h.key, sent);
        }
        return sent;
    };

    const std::uint32_t sequence = engine.statusSequence();
    const auto reply = engine.query(request, type);
    h.device->reply = nullptr;
    volatile std::size_t sink = static_cast<std::size_t>(QJsonDocument(h.lastStatus).toJson().size());
    (void)sink;
    h.lastStatus = {};

    // What the engine must make of it.
    if (mode == Mode::DeviceError) {
        if (reply || reply.error().hresult != getU32(block.data()) || engine.statusSequence() != sequence)
            std::abort(); // a failed call re-uses its sequence number (§7.2 step 2)
        return 0;
    }
    if (!reply || reply->raw != sent || engine.statusSequence() != sequence + 1)
        std::abort();
    const bool sizeOk = getU32(sent.data() + 16) == replySize(request);
    if (mode == Mode::Valid && !reply->checksPassed)
        std::abort();
    if (mode == Mode::Signed && reply->checksPassed != sizeOk)
        std::abort();
    if (reply->checksPassed
        && (reply->flags != getU32(sent.data() + 36) || reply->value != getU32(sent.data() + 40)))
        std::abort();
    return 0;
}
