// Helpers shared by the tests: where ../shared is, and one test PKI per process
// (2048-bit key generation is slow; tests share the keys, never the chains).
#pragma once

#include <core/testpki/testpki.h>
#include <core/validation/chainvalidator.h>

#include <QString>

namespace copp::tests {

// The folder with spec/, vectors/ and samples/, or empty when absent.
QString sharedDir();

// Keys are made on first use (or loaded from $COPP_TEST_KEYS when set).
const testpki::TestPki& testPki();

// A policy trusting the test root, optionally with a revocation list.
validation::ValidationPolicy testPolicy(std::optional<QByteArray> revocationList = std::nullopt);

validation::ValidationReport validateWithTestRoot(const QByteArray& chain,
                                                  std::optional<QByteArray> revocationList = std::nullopt);

// "rule@cert" of the first failure, "valid" when none: compact for QCOMPARE.
QString firstFailureText(const validation::ValidationReport& report);
// Every failing step as "rule@cert", in order.
QStringList failuresText(const validation::ValidationReport& report);

// One run of coppscope-cli ($COPP_CLI), waited for (a test failure after 60 s).
struct CliRun {
    int exitCode = -1; // -1: crashed
    QByteArray out;
    QByteArray err;
};
CliRun runCli(const QStringList& arguments);

// Lowercase hex of bytes, for QCOMPARE against vector files.
QByteArray hexOf(ByteView bytes);
// Strict hex (even length, digits only); QByteArray::fromHex would skip junk silently.
std::optional<Bytes> parseHex(QStringView hex);

} // namespace copp::tests
