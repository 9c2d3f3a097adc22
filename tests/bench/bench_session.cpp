// SPDX-License-Identifier: BSD-3-Clause
// Session performance:
//   BM_Handshake           key exchange + chain validation + session start against
//                          the in-process emulator (RSA decrypt on the driver side included)
//   BM_StatusRoundTrip     one checked status query through engine + in-process emulator
//                          (goal >= 20,000 per second on one core)
//   BM_OpmHandshake        the same for an OPM output (X.509 validation, OAEP)
//   BM_OpmStatusRoundTrip  one checked OPM GetInformation (signed 4112-byte request)
//   BM_StatusRoundTripPipe the same over the device agent pipe: engine + AgentDevice
//                          + `coppscope-cli emulator --stdio` in a child process
//   BM_PollFourTypes       one poll of four protection types (connector + 4 x local/global);
//                          at 10 polls per second the CPU share is 10 x this time per second
//                          (goal < 1 % of a core), printed after the run.
#include <support/testsupport.h>

#include <core/device/agent/agentclient.h>
#include <core/device/emulator/coppemulator.h>
#include <core/device/emulator/opmemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/sessionengine.h>

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>

namespace {

using namespace copp;
using namespace copp::protocol;

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Rig {
    std::shared_ptr<device::EmulatedOutput> output;
    std::shared_ptr<const device::EmulatorMaterial> material;
    std::unique_ptr<device::CoppEmulator> emulator;
    crypto::SystemRandom random;
    std::unique_ptr<session::SessionEngine> engine;

    explicit Rig(std::uint32_t types = protection::Hdcp)
    {
        device::OutputProfile profile;
        profile.protectionTypes = types;
        profile.hdcpEngageMs = 0;
        static const auto shared = std::make_shared<const device::EmulatorMaterial>(
            device::EmulatorMaterial::create(tests::testPki(), {}));
        material = shared;
        output = std::make_shared<device::EmulatedOutput>(profile);
        emulator = std::make_unique<device::CoppEmulator>(output, material);
        session::SessionOptions options;
        options.policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("bench")).value();
        engine = std::make_unique<session::SessionEngine>(*emulator, options, random, session::EventSink(), steadyMs);
    }
};

void BM_Handshake(benchmark::State& state)
{
    for (auto _ : state) {
        Rig rig;
        if (!rig.engine->start())
            state.SkipWithError("the handshake failed");
    }
}
BENCHMARK(BM_Handshake)->Unit(benchmark::kMillisecond);

void BM_StatusRoundTrip(benchmark::State& state)
{
    Rig rig;
    if (!rig.engine->start())
        state.SkipWithError("the handshake failed");
    for (auto _ : state) {
        auto reply = rig.engine->query(StatusRequest::GlobalLevel, protection::Hdcp);
        if (!reply || !reply->checksPassed)
            state.SkipWithError("a status query failed");
    }
    state.counters["round_trips_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StatusRoundTrip)->Unit(benchmark::kMicrosecond);

// The same two against an OPM protected output in OPM semantics: X.509 chain
// validation (OpenSSL) and RSAES-OAEP in the handshake, the signed 4112-byte
// GetInformation request in the round trip.
struct OpmRig {
    std::unique_ptr<device::OpmEmulator> emulator;
    crypto::SystemRandom random;
    std::unique_ptr<session::SessionEngine> engine;

    OpmRig()
    {
        device::OutputProfile profile;
        profile.hdcpEngageMs = 0;
        static const auto shared = [] {
            device::EmulatorMaterial built = device::EmulatorMaterial::create(tests::testPki(), {});
            built.opm = device::EmulatorMaterial::createOpm(tests::x509TestPki(), {}).value();
            return std::make_shared<const device::EmulatorMaterial>(std::move(built));
        }();
        emulator = std::make_unique<device::OpmEmulator>(std::make_shared<device::EmulatedOutput>(profile), shared, device::OpmRole{});
        session::SessionOptions options;
        options.policy.x509 = validation::X509Policy::withTrustAnchor(shared->opm->trustAnchorPem, QStringLiteral("bench")).value();
        engine = std::make_unique<session::SessionEngine>(*emulator, options, random, session::EventSink(), steadyMs);
    }
};

void BM_OpmHandshake(benchmark::State& state)
{
    OpmRig warmUp; // the X.509 test keys are made once, outside the timing
    for (auto _ : state) {
        OpmRig rig;
        if (!rig.engine->start())
            state.SkipWithError("the OPM handshake failed");
    }
}
BENCHMARK(BM_OpmHandshake)->Unit(benchmark::kMillisecond);

void BM_OpmStatusRoundTrip(benchmark::State& state)
{
    OpmRig rig;
    if (!rig.engine->start())
        state.SkipWithError("the OPM handshake failed");
    for (auto _ : state) {
        auto reply = rig.engine->query(StatusRequest::GlobalLevel, protection::OpmHdcp);
        if (!reply || !reply->checksPassed)
            state.SkipWithError("a GetInformation query failed");
    }
    state.counters["round_trips_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_OpmStatusRoundTrip)->Unit(benchmark::kMicrosecond);

// The engine talking JSON lines to the CLI's emulator (one HDMI output with HDCP).
void BM_StatusRoundTripPipe(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString anchor = dir.filePath(QStringLiteral("root.xml"));
    const QString command = QStringLiteral("'%1' emulator --stdio --keys '%2' --trust-anchor-out '%3'")
                                .arg(QStringLiteral(COPP_CLI_PATH), dir.filePath(QStringLiteral("keys")), anchor);
    auto agent = device::AgentDevice::start(command, 5000, device::AgentDevice::Stderr::Discard);
    if (!agent || !agent.value()->describeChecked()) { // describe answers once the root is written
        state.SkipWithError("the emulator agent did not start");
        return;
    }
    QFile rootFile(anchor);
    if (!rootFile.open(QIODevice::ReadOnly)) {
        state.SkipWithError("the emulator wrote no trust root");
        return;
    }
    session::SessionOptions options;
    options.policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(rootFile.readAll(), QStringLiteral("bench")).value();
    crypto::SystemRandom random;
    session::SessionEngine engine(*agent.value(), options, random, session::EventSink(), steadyMs);
    if (!engine.start()) {
        state.SkipWithError("the handshake over the pipe failed");
        return;
    }
    for (auto _ : state) {
        auto reply = engine.query(StatusRequest::GlobalLevel, protection::Hdcp);
        if (!reply || !reply->checksPassed)
            state.SkipWithError("a status query failed");
    }
    state.counters["round_trips_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StatusRoundTripPipe)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_PollFourTypes(benchmark::State& state)
{
    Rig rig(protection::Hdcp | protection::Acp | protection::Cgmsa | protection::Dpcp);
    if (!rig.engine->start())
        state.SkipWithError("the handshake failed");
    for (std::uint32_t type : {protection::Hdcp, protection::Acp, protection::Cgmsa, protection::Dpcp})
        (void)rig.engine->setProtectionLevel(type, 1);
    for (auto _ : state)
        rig.engine->poll();
}
BENCHMARK(BM_PollFourTypes)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    (void)tests::testPki(); // key generation outside the timed runs
    benchmark::RunSpecifiedBenchmarks();
    std::printf("\nCPU share of polling four types every 100 ms = 10 x BM_PollFourTypes CPU time per second.\n");
    benchmark::Shutdown();
    return 0;
}
