// SPDX-License-Identifier: BSD-3-Clause
// libFuzzer target for OPM certificates: parseX509Bundle (DER framing, PKCS#7,
// PEM) and X509ChainValidator (path building, every x509.* rule) on untrusted
// bytes, with the report writers the CLI runs on the result.
//
// One source, two builds (see CMakeLists.txt):
//   fuzz_x509bundle         clang, -fsanitize=fuzzer,address,undefined
//   fuzz_x509bundle_replay  any compiler: replays corpus/x509bundle as a ctest test
// It must never crash, hang or leak, whatever the input.
#include <core/cert/x509bundle.h>
#include <core/validation/reporthtml.h>
#include <core/validation/reportjson.h>
#include <core/validation/reporttext.h>
#include <core/validation/x509validator.h>

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

std::size_t consume(const copp::validation::ValidationReport& report)
{
    std::size_t n = static_cast<std::size_t>(report.steps.size());
    for (const auto& step : report.steps) {
        n += static_cast<std::size_t>(step.detail.english().size());
        for (const auto& range : step.ranges) {
            // Ranges point into the input, always.
            if (range.span.begin < 0 || range.span.end > report.inputBytes().size())
                std::abort();
        }
    }
    n += static_cast<std::size_t>(QJsonDocument(copp::validation::reportToJson(report)).toJson().size());
    n += static_cast<std::size_t>(copp::validation::reportToText(report, QStringLiteral("fuzz.p7b"), {true}).size());
    n += static_cast<std::size_t>(copp::validation::reportToHtml(report, {QStringLiteral("fuzz.p7b"), report.inputBytes(), QStringLiteral("fuzz")}).size());
    if (const auto key = copp::validation::x509LeafKey(report))
        n += key->modulus.size();
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // Real bundles are ~4 KB; the parser has its own 16 MiB limit. Keep runs fast.
    if (size > 256 * 1024)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    volatile std::size_t sink = 0;

    // 1. The parser alone: what it accepts, the CLI must route to it, and every
    //    span it reports holds exactly the certificate's DER.
    const auto bundle = copp::cert::parseX509Bundle(bytes);
    if (bundle) {
        if (!copp::validation::looksLikeX509(bytes))
            std::abort();
        for (const auto& c : bundle->certificates) {
            if (c.span.isValid() && bytes.mid(c.span.begin, c.span.size()) != c.der)
                std::abort();
            sink = sink + static_cast<std::size_t>(c.subject.size() + c.issuer.size() + c.spkiDer.size());
        }
    }

    // 2. The whole procedure with the default anchor (Microsoft's SPKI hash) at a fixed time.
    copp::validation::X509Policy policy;
    policy.validationTime = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    sink = sink + consume(copp::validation::X509ChainValidator(policy).validate(bytes));

    // 3. Trusting the bundle's last certificate, so x509.trusted_root can pass.
    if (bundle && !bundle->certificates.isEmpty()) {
        policy.trustAnchorDer = bundle->certificates.last().der;
        policy.trustAnchorName = QStringLiteral("fuzz anchor");
        sink = sink + consume(copp::validation::X509ChainValidator(policy).validate(bytes));
    }
    (void)sink;
    return 0;
}
