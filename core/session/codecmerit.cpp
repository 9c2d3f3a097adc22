// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/codecmerit.h>

#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/opmstructs.h>

#include <QJsonArray>

#include <algorithm>

namespace copp::session {

using namespace protocol;

MeritResult verifyCodecMerit(device::CoppDevice& device, const Guid& clsid, std::uint32_t expected,
                             const validation::ValidationPolicy& policy, crypto::RandomSource& random, EventSink sink,
                             Clock clock)
{
    MeritResult result;
    result.expected = expected;
    auto add = [&](const char* check, bool ok, const QString& detail) {
        result.checks.append({QLatin1String(check), ok, detail});
        return ok;
    };
    // The engine reports its own failures as alerts; the last one explains a failed step.
    QString lastProblem;
    EventSink watch = [&](const SessionEvent& e) {
        if (const auto* alert = e.as<AlertEvent>())
            lastProblem = alert->detail;
        else if (const auto* error = e.as<ErrorEvent>())
            lastProblem = error->detail;
        if (sink)
            sink(e);
    };
    SessionEngine engine(device, SessionOptions{policy, false, 2000}, random, watch, std::move(clock));
    engine.forceOpmSemantics();
    if (!device.opm()) {
        add("handshake", false, QStringLiteral("the device has no IOPMVideoOutput (opm.*) calls"));
        engine.finish(QStringLiteral("no OPM interface"));
        return result;
    }
    const bool started = engine.start();
    const validation::ValidationReport& report = engine.chainReport();
    result.certificateReport = report;
    if (!report.steps.isEmpty()) {
        const validation::StepResult* failure = report.firstFailure();
        add("certificate", failure == nullptr,
            failure ? QStringLiteral("the codec's certificate chain fails %1").arg(validation::ruleId(failure->rule))
                    : QStringLiteral("valid X.509 chain (trust anchor: %1)").arg(report.trustRootName));
    }
    if (!add("handshake", started, started ? QStringLiteral("StartInitialization and FinishInitialization succeeded") : lastProblem)) {
        engine.finish(QStringLiteral("handshake failed"));
        return result;
    }

    // §7.7: abParameters = {u32 cbVerifier = 16, CLSID bytes}; cbParametersSize = 20.
    const Bytes parameters = codecInfoParametersForClsid(clsid);
    auto reply = engine.queryInformation(guids::GetCodecInfo, parameters, OpmGetCodecInfoInformation::kSize, "codec-info");
    if (!add("get_information", reply.ok(),
             reply ? QStringLiteral("OPM_GET_CODEC_INFO answered")
                   : QString::fromStdString(reply.error().code == Error::Code::Device
                                                ? "failed with " + protocol::hresultText(reply.error().hresult) + ": " + reply.error().detail
                                                : reply.error().detail))) {
        engine.finish(QStringLiteral("GetInformation failed"));
        return result;
    }
    const CoppStatusOutput out = decodeStatusOutput(reply->raw);
    add("omac", reply->macOk, reply->macOk ? QStringLiteral("the OMAC over bytes 16..4095 verifies with the session key")
                                           : QStringLiteral("the reply's OMAC does not verify with the session key"));
    add("random", reply->randomOk, reply->randomOk ? QStringLiteral("rnRandomNumber echoes the request's random number")
                                                   : QStringLiteral("rnRandomNumber does not echo the request's random number"));
    add("size", reply->sizeOk, QStringLiteral("cbRequestedInformationSize is %1, expected 20").arg(out.dataSize));
    // Nothing in an unauthenticated reply is believed: the merit counts only after the
    // checks. The engine read it from OPM_GET_CODEC_INFO_INFORMATION (offset 16).
    if (reply->checksPassed) {
        result.merit = reply->value;
        add("merit", reply->value == expected,
            QStringLiteral("Merit is %1, the registered value is %2").arg(reply->value).arg(expected));
    } else {
        add("merit", false, QStringLiteral("no authenticated merit to compare with %1").arg(expected));
    }
    engine.finish();
    result.verified = std::all_of(result.checks.begin(), result.checks.end(), [](const MeritCheck& c) { return c.ok; });
    return result;
}

QJsonObject meritToJson(const MeritResult& result)
{
    QJsonArray checks;
    for (const MeritCheck& c : result.checks)
        checks.append(QJsonObject{{QStringLiteral("check"), c.check}, {QStringLiteral("ok"), c.ok}, {QStringLiteral("detail"), c.detail}});
    return {{QStringLiteral("verified"), result.verified},
            {QStringLiteral("merit"), result.merit ? QJsonValue(qint64(*result.merit)) : QJsonValue()},
            {QStringLiteral("expected"), qint64(result.expected)},
            {QStringLiteral("checks"), checks}};
}

} // namespace copp::session
