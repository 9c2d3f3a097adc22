// SPDX-License-Identifier: BSD-3-Clause
// libFuzzer target for everything that reads untrusted chain or CRL bytes:
// XmlDocument::parse, ChainValidator (every rule, Microsoft root) and, with the
// same bytes given as the revocation list, the CRL parser and its signer-chain
// checks. The report writers run on the result too, since the CLI always does.
//
// One source, two builds (Botan's BOTAN_FUZZER_IS_TEST idea):
//   fuzz_chainvalidator         clang, -fsanitize=fuzzer,address,undefined
//   fuzz_chainvalidator_replay  any compiler, + fuzz_replay_main.cpp: runs the
//                               seed corpus as a ctest test (label fuzz-replay)
// The diagnoses of failing digests and signatures (docs/cli.md#diagnoses) run
// inside the validator; each re-serialisation is also built on every Data
// element directly, and its differing bytes must lie in the document, in order.
// It must never crash, hang or leak, whatever the input.
#include <core/cert/xmldocument.h>
#include <core/revocation/revocationlist.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/reserialisation.h>
#include <core/validation/reportjson.h>
#include <core/validation/reporttext.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// Touch what a caller would read, so nothing is optimised away and the
// accessors run on hostile trees too.
std::size_t consume(const copp::validation::ValidationReport& report)
{
    std::size_t n = static_cast<std::size_t>(report.steps.size());
    if (const auto* f = report.firstFailure())
        n += static_cast<std::size_t>(f->detail.english().size());
    for (const auto& step : report.steps) {
        for (const auto& range : step.ranges)
            n += static_cast<std::size_t>(report.document.slice(range.span).size());
        if (step.diagnosis) {
            n += static_cast<std::size_t>(step.diagnosis->detail.english().size());
            for (const auto& span : step.diagnosis->differing)
                n += static_cast<std::size_t>(report.document.slice(span).size());
        }
        for (int e : step.elements) {
            if (e >= 0 && e < report.document.elements().size())
                n += static_cast<std::size_t>(report.document.element(e).localName.size());
        }
    }
    n += static_cast<std::size_t>(QJsonDocument(copp::validation::reportToJson(report)).toJson().size());
    n += static_cast<std::size_t>(copp::validation::reportToText(report, QStringLiteral("fuzz.xml"), {true}).size());
    return n;
}

// Every re-serialisation of one Data element, one by one: the matcher accepts
// the k-th candidate it is shown.
std::size_t reserialiseEveryWay(const copp::cert::XmlDocument& doc, int data)
{
    std::size_t n = 0;
    for (int k = 0;; ++k) {
        int shown = 0;
        const auto r = copp::validation::firstMatchingReserialisation(doc, data, [&](QByteArrayView) { return shown++ == k; });
        if (!r)
            return n;
        qsizetype previous = 0;
        for (const auto& span : r->diagnosis.differing) {
            if (!span.isValid() || span.end > doc.bytes().size() || span.begin < previous)
                std::abort();
            previous = span.begin;
        }
        n += static_cast<std::size_t>(r->bytes.size());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Chains are ~6 KB; the parsers have their own 16 MB limits. Keep runs fast.
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    volatile std::size_t sink = 0;

    // 1. The XML reader alone, with its byte spans.
    const copp::cert::XmlDocument doc = copp::cert::XmlDocument::parse(bytes);
    for (const auto& e : doc.elements()) {
        sink = sink + static_cast<std::size_t>(doc.slice(e.outer).size() + doc.slice(e.inner).size());
        sink = sink + static_cast<std::size_t>(doc.children(static_cast<int>(&e - doc.elements().constData()), u"Data").size());
        if (e.localName == u"Data")
            sink = sink + reserialiseEveryWay(doc, static_cast<int>(&e - doc.elements().constData()));
    }

    // 2. The whole chain procedure against the real (Microsoft) root, no CRL.
    {
        const copp::validation::ChainValidator validator{copp::validation::ValidationPolicy{}};
        sink = sink + consume(validator.validate(bytes));
    }

    // 3. The same bytes as the revocation list: fuzzes the CRL parser and its
    //    signer-chain checks (and the chain steps again).
    {
        copp::validation::ValidationPolicy policy;
        policy.revocationList = bytes;
        const copp::validation::ChainValidator validator{policy};
        sink = sink + consume(validator.validate(bytes));
        const auto crl = copp::revocation::parseRevocationList(bytes);
        // The parser is exact ("no byte missing, none left over"), so whatever
        // it accepts must serialise back to the very same bytes.
        if (crl.list && crl.list->serialize() != bytes)
            std::abort();
    }
    (void)sink;
    return 0;
}
