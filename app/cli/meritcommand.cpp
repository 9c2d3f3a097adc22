// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/meritcommand.h>
#include <app/cli/clitr.h>

#include <app/cli/clioutput.h>
#include <app/cli/devicechoice.h>

#include <core/kernel/crypto/random.h>
#include <core/kernel/protocol/guid.h>
#include <core/session/codecmerit.h>
#include <core/session/eventtext.h>
#include <core/util/numbertext.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

namespace copp::cli {

int runMerit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Verify a hardware codec's merit as MFGetMFTMerit does: the OPM handshake, one "
           "OPM_GET_CODEC_INFO request with the CLSID as verifier, the reply's OMAC, random echo and size, "
           "then Merit compared with --expect-merit.\n"
           "Exit status: 0 verified, 1 a check failed or the merit differs, 2 usage error or the device could not be started."));
    parser.addHelpOption();
    DeviceOptions deviceOptions(parser);
    const QCommandLineOption clsid(QStringLiteral("clsid"), tr("The MFT's CLSID, sent as the verifier."), tr("GUID"));
    const QCommandLineOption expect(QStringLiteral("expect-merit"), tr("The merit registered for the MFT (decimal, or hex after 0x)."), tr("N"));
    const QCommandLineOption emulatorMerit(QStringLiteral("emulator-merit"),
                                           tr("With --device emulator: the merit the built-in codec reports (default 1)."), tr("N"),
                                           QStringLiteral("1"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({clsid, expect, emulatorMerit, json});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("merit"));
        return kExitOk;
    }
    if (!parser.isSet(clsid) || !parser.isSet(expect))
        return usageError(tr("merit: --clsid GUID and --expect-merit N are required"));
    const auto guid = protocol::Guid::parse(parser.value(clsid).toStdString());
    if (!guid)
        return usageError(tr("--clsid: expected a GUID such as {9bb9327c-4eb5-4727-9f00-b42b0919c0da}"));
    const auto expected = util::parseU32(parser.value(expect));
    if (!expected)
        return usageError(tr("--expect-merit: a number from 0 to 4294967295 (decimal, or hex after 0x)"));
    deviceOptions.useEmulatorCodec(parser.value(clsid), parser.value(emulatorMerit));
    auto opened = deviceOptions.open(parser);
    if (!opened)
        return usageError(QString::fromStdString(opened.error().detail));
    if (opened->replay)
        return usageError(tr("merit: a replay cannot answer a new codec request; use --device emulator or exec:COMMAND"));

    const bool asJson = parser.isSet(json);
    crypto::SystemRandom random;
    QElapsedTimer clock;
    clock.start();
    const session::MeritResult result = session::verifyCodecMerit(
        *opened->device, *guid, *expected, opened->policy, random,
        [&](const session::SessionEvent& event) {
            if (!asJson)
                out() << session::describeEvent(event) << "\n";
        },
        [&clock] { return clock.elapsed(); });
    if (asJson) {
        out() << QJsonDocument(session::meritToJson(result)).toJson(QJsonDocument::Compact) << "\n";
    } else {
        for (const session::MeritCheck& c : result.checks)
            out() << (c.ok ? QStringLiteral("  ok    ") : QStringLiteral("  FAIL  ")) << c.check << ": " << c.detail << "\n";
        out() << (result.verified ? tr("VERIFIED: merit %1").arg(*result.merit)
                                  : tr("NOT VERIFIED (expected merit %1)").arg(*expected))
              << "\n";
    }
    return result.verified ? kExitOk : kExitRejected;
}

} // namespace copp::cli
