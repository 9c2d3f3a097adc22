// SPDX-License-Identifier: BSD-3-Clause
// Helpers shared by the tests: where ../shared is, and one test PKI per process
// (2048-bit key generation is slow; tests share the keys, never the chains).
#pragma once

#include <core/session/sessionevent.h>
#include <core/testpki/testpki.h>
#include <core/testpki/x509testpki.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/x509validator.h>

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

// The OPM (X.509) test PKI: keys made on first use (or loaded from
// $COPP_TEST_KEYS when it holds the opm-*.p8 files), one per process.
const testpki::X509TestPki& x509TestPki();
// Its material for one break (none: a valid chain), made once per process.
const testpki::X509Material& x509Material(std::optional<testpki::X509Break> broken = std::nullopt);
// A policy trusting the test root certificate (DER) of x509TestPki().
validation::X509Policy x509TestPolicy();
validation::ValidationReport validateX509WithTestRoot(const QByteArray& bytes);

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

// A contract JSON event (docs/cli.md#session) as the typed value the models
// take; aborts the test program with the reader's message when it is not one.
session::SessionEvent event(const QJsonObject& json);

} // namespace copp::tests
