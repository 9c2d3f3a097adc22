// SPDX-License-Identifier: BSD-3-Clause
// How much of a chain validation is the cryptography itself?
//
//   BM_ValidateChain   bytes in, full ValidationReport out (parse, every rule, report).
//   BM_RawChainCrypto  only what no validator can avoid: three RSASSA-PSS/SHA-1
//                      verifications and three SHA-1 digests over the same Data
//                      bytes, with the keys parsed and the signatures decoded
//                      once, outside the timed loop.
//
// Both run on the same test-PKI chain (compact, namespaced default style) and the
// same test-root policy. main() prints their ratio after the runs, to see where a
// validation's time goes; it has no goal (the goals are on whole programs:
// docs/performance.md#verify). Figures only mean something in the release
// preset (build/release/tests/bench/bench_validation).
#include <support/testsupport.h>

#include <core/cert/xmldocument.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>
#include <core/validation/chainvalidator.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using namespace copp;

constexpr auto view = util::byteView;

// The one chain both benchmarks use, built once per process.
const testpki::BuiltChain& benchChain()
{
    static const testpki::BuiltChain chain = tests::testPki().chain();
    return chain;
}

const validation::ValidationPolicy& benchPolicy()
{
    static const validation::ValidationPolicy policy = tests::testPolicy();
    return policy;
}

void BM_ValidateChain(benchmark::State& state)
{
    const QByteArray bytes = benchChain().xml;
    const validation::ChainValidator validator(benchPolicy());

    // Outside the loop: the chain must be valid, or we would time an early exit.
    {
        const validation::ValidationReport report = validator.validate(bytes);
        if (!report.isValid()) {
            state.SkipWithError(("test chain does not validate: "
                                 + tests::firstFailureText(report).toStdString()).c_str());
            return;
        }
    }

    for (auto _ : state) {
        validation::ValidationReport report = validator.validate(bytes);
        benchmark::DoNotOptimize(report);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes.size());
}
BENCHMARK(BM_ValidateChain)->Unit(benchmark::kMicrosecond);

void BM_RawChainCrypto(benchmark::State& state)
{
    const testpki::BuiltChain& chain = benchChain();
    const testpki::KeySet& keys = tests::testPki().keys();
    if (chain.dataBytes.size() != 3) {
        state.SkipWithError("test chain has not three Data elements");
        return;
    }

    // Signatures: the three SignatureValue elements of the chain, in document
    // order (leaf, IHV, root), base64-decoded once.
    const cert::XmlDocument doc = cert::XmlDocument::parse(chain.xml);
    std::vector<QByteArray> signatures;
    for (const cert::XmlElement& e : doc.elements()) {
        if (e.localName == u"SignatureValue")
            signatures.push_back(QByteArray::fromBase64(e.text.trimmed().toLatin1()));
    }
    if (signatures.size() != 3) {
        state.SkipWithError("test chain has not three SignatureValue elements");
        return;
    }
    // The Data bytes the validator hashes are slices of this same document.
    for (const QByteArray& data : chain.dataBytes) {
        if (!chain.xml.contains(data)) {
            state.SkipWithError("BuiltChain::dataBytes is not a slice of the chain");
            return;
        }
    }

    // Issuer keys, parsed once: leaf is signed by the IHV key, IHV by the root,
    // the root by itself.
    const std::array<const crypto::RsaPrivateKey*, 3> issuers = {&keys.ihv, &keys.root, &keys.root};
    std::vector<crypto::PssSha1Verifier> verifiers;
    for (const auto* issuer : issuers) {
        auto v = crypto::PssSha1Verifier::create(issuer->publicKey());
        if (!v) {
            state.SkipWithError(("PssSha1Verifier::create failed: " + v.error().detail).c_str());
            return;
        }
        verifiers.push_back(std::move(v.value()));
    }

    std::array<ByteView, 3> messages;
    std::array<ByteView, 3> sigs;
    for (int i = 0; i < 3; ++i) {
        messages[i] = view(chain.dataBytes[i]);
        sigs[i] = view(signatures[static_cast<std::size_t>(i)]);
    }

    // Outside the loop: all three must really verify and hash to the built digests,
    // so the loop times successful verification, not an early rejection.
    for (int i = 0; i < 3; ++i) {
        if (!verifiers[i].verify(messages[i], sigs[i])) {
            state.SkipWithError(("signature " + std::to_string(i) + " does not verify").c_str());
            return;
        }
        const crypto::Sha1Digest d = crypto::sha1(messages[i]);
        if (QByteArray(reinterpret_cast<const char*>(d.data()), static_cast<qsizetype>(d.size()))
            != chain.digests[i]) {
            state.SkipWithError(("SHA-1 " + std::to_string(i) + " differs from BuiltChain::digests").c_str());
            return;
        }
    }

    for (auto _ : state) {
        for (int i = 0; i < 3; ++i) {
            crypto::Sha1Digest d = crypto::sha1(messages[i]);
            benchmark::DoNotOptimize(d);
            bool ok = verifiers[i].verify(messages[i], sigs[i]);
            benchmark::DoNotOptimize(ok);
        }
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * chain.xml.size());
}
BENCHMARK(BM_RawChainCrypto)->Unit(benchmark::kMicrosecond);

// Where the rest goes: the XML parse alone (expat, element tree with byte
// spans), on the same bytes.
void BM_ParseChainXml(benchmark::State& state)
{
    const QByteArray bytes = benchChain().xml;
    if (!cert::XmlDocument::parse(bytes).isWellFormed()) {
        state.SkipWithError("the test chain is not well-formed");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(cert::XmlDocument::parse(bytes));
}
BENCHMARK(BM_ParseChainXml)->Unit(benchmark::kMicrosecond);

// The floor of the base64 work with Qt's decoder: every base64 value of the
// chain a validator must decode (three moduli, exponents, digests and
// signatures), strictly, from Latin-1 bytes already cut out of the document.
void BM_QtBase64Values(benchmark::State& state)
{
    const cert::XmlDocument doc = cert::XmlDocument::parse(benchChain().xml);
    std::vector<QByteArray> texts;
    for (const cert::XmlElement& e : doc.elements()) {
        if (e.localName == u"Modulus" || e.localName == u"Exponent" || e.localName == u"DigestValue"
            || e.localName == u"SignatureValue")
            texts.push_back(e.text.toLatin1());
    }
    // Each distinct text once, as DecodedValues does (a chain repeats each issuer key).
    std::sort(texts.begin(), texts.end());
    texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    for (auto _ : state) {
        for (const QByteArray& t : texts) {
            auto decoded = QByteArray::fromBase64Encoding(t, QByteArray::AbortOnBase64DecodingErrors);
            benchmark::DoNotOptimize(decoded);
        }
    }
    state.counters["values"] = static_cast<double>(texts.size());
}
BENCHMARK(BM_QtBase64Values)->Unit(benchmark::kMicrosecond);

// Console output as usual, plus the per-iteration CPU time of every repetition,
// so main() can print ValidateChain / RawChainCrypto. The ratio uses the median
// over repetitions (and the minimum, which is the most robust figure on a busy
// machine); pass --benchmark_repetitions=N for more than one.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            if (r.error_occurred || r.run_type != Run::RT_Iteration || r.iterations == 0)
                continue;
            m_cpuNs[r.run_name.function_name].push_back(r.cpu_accumulated_time * 1e9
                                                        / static_cast<double>(r.iterations));
        }
    }

    struct Summary {
        double medianNs = 0;
        double minNs = 0;
        std::size_t runs = 0;
    };
    std::optional<Summary> cpuNsPerIteration(const std::string& name) const
    {
        const auto it = m_cpuNs.find(name);
        if (it == m_cpuNs.end() || it->second.empty())
            return std::nullopt;
        std::vector<double> v = it->second;
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return Summary{median, v.front(), n};
    }

private:
    std::map<std::string, std::vector<double>> m_cpuNs;
};

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;

    // Key generation (2048-bit IHV and leaf keys) happens here, not in a timed run.
    // Set COPP_TEST_KEYS to a folder of PKCS#8 keys to skip it.
    (void)benchChain();

    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);

    const auto full = reporter.cpuNsPerIteration("BM_ValidateChain");
    const auto raw = reporter.cpuNsPerIteration("BM_RawChainCrypto");
    if (full && raw && raw->medianNs > 0 && raw->minNs > 0) {
        std::printf("\nCPU time per iteration over %zu / %zu repetition(s):\n", full->runs, raw->runs);
        std::printf("  BM_ValidateChain   median %10.0f ns   min %10.0f ns\n", full->medianNs, full->minNs);
        std::printf("  BM_RawChainCrypto  median %10.0f ns   min %10.0f ns\n", raw->medianNs, raw->minNs);
        const double ratio = full->medianNs / raw->medianNs;
        std::printf("ratio ValidateChain / RawChainCrypto: %.3f (median), %.3f (min)\n", ratio, full->minNs / raw->minNs);
        std::printf("non-crypto time per validation: %.0f ns (median)\n", full->medianNs - raw->medianNs);
    }
    benchmark::Shutdown();
    return 0;
}
