// SPDX-License-Identifier: BSD-3-Clause
// The session engine against the in-process emulator: a clean session, and
// every named fault raising its documented alert (docs/cli.md#session).
#include <session/sessionfixture.h>

#include <core/session/sessioneventjson.h>
#include <core/kernel/protocol/constants.h>

#include <QtTest>

using namespace copp;
using namespace copp::protocol;

namespace {

// The fixture's emulator, except that one status call's reply cannot be used
// (as the agent client reports an unreadable or out-of-step line).
class UnusableStatusReply final : public device::CoppDevice {
public:
    UnusableStatusReply(device::CoppDevice& inner, int unusableCall) : m_inner(inner), m_unusableCall(unusableCall) {}
    device::DeviceDescription describe() override { return m_inner.describe(); }
    Result<device::KeyExchangeReply> keyExchange() override { return m_inner.keyExchange(); }
    Result<void> sessionSequenceStart(const Signature256& s) override { return m_inner.sessionSequenceStart(s); }
    Result<void> protectionCommand(const Block4096& c) override { return m_inner.protectionCommand(c); }
    Result<Block4096> protectionStatus(const Block4096& input) override
    {
        if (++m_calls == m_unusableCall)
            return makeError(Error::Code::Malformed, "copp.protectionStatus reply: not JSON; the device agent is out of step");
        return m_inner.protectionStatus(input);
    }

private:
    device::CoppDevice& m_inner;
    int m_unusableCall;
    int m_calls = 0;
};

} // namespace

class TestSessionEngine : public QObject {
    Q_OBJECT
private slots:
    void cleanSessionRaisesNoAlert()
    {
        tests::SessionFixture f;
        QVERIFY(f.engine->start());
        const std::uint32_t statusBefore = f.engine->statusSequence();
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(10); // 1 s: HDCP engages after 150 ms
        QVERIFY2(f.engine->alerts().empty(), qPrintable(f.alertKinds().join(u',')));
        QCOMPARE(f.engine->statusSequence(), statusBefore + 30); // 3 queries per poll, each accepted
        QCOMPARE(f.output->globalLevel(protection::Hdcp), 1u);
        // Every one of the eight queries passes every §7.2 check.
        for (StatusRequest request : kAllStatusRequests) {
            const auto reply = f.engine->query(request, protection::Hdcp);
            QVERIFY2(reply.ok() && reply->checksPassed, statusRequestName(request));
        }
        const auto connector = f.engine->query(StatusRequest::ConnectorType);
        QCOMPARE(connector->value, connector::Hdmi);
        const auto types = f.engine->query(StatusRequest::ProtectionType);
        QCOMPARE(types->value, protection::Hdcp);
        const auto ksv = f.engine->query(StatusRequest::HdcpKeyData);
        QCOMPARE(ksv->fields.ksv, QStringLiteral("511ef21acd"));
        f.engine->finish();
        QCOMPARE(f.events.back().value(QStringLiteral("event")).toString(), QStringLiteral("end"));
    }

    void sessionKeyIsHiddenUnlessRevealed()
    {
        tests::SessionFixture f;
        QVERIFY(f.engine->start());
        for (const auto& e : f.events)
            QVERIFY(!e.contains(QStringLiteral("session_key")));
    }

    void globalLevelMayLagItsCommand()
    {
        tests::SessionFixture f({"slow-hdcp=1500"});
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(10); // 1 s < grace period: still engaging, no alert
        QVERIFY(f.engine->alerts().empty());
        QCOMPARE(f.output->globalLevel(protection::Hdcp), 0u);
        f.pollFor(6); // 1.6 s: engaged
        QVERIFY(f.engine->alerts().empty());
        QCOMPARE(f.output->globalLevel(protection::Hdcp), 1u);
    }

    void faultRaisesItsAlert_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("alert");
        QTest::newRow("bad-reply-mac") << "bad-reply-mac@2" << "mac_mismatch";
        QTest::newRow("wrong-random") << "wrong-random@2" << "random_mismatch";
        QTest::newRow("wrong-size") << "wrong-size@2" << "size_mismatch";
        QTest::newRow("sequence-desync") << "sequence-desync@3" << "device_error";
        QTest::newRow("link-lost") << "link-lost@5" << "link_lost";
        QTest::newRow("renegotiation") << "renegotiation@5" << "renegotiation_required";
        QTest::newRow("hdcp-drop") << "hdcp-drop@11" << "level_drop"; // after HDCP engaged (poll 2)
        QTest::newRow("connector-change") << "connector-change=dvi@5" << "connector_changed";
        QTest::newRow("unplug") << "unplug@5" << "device_error";
        QTest::newRow("fail-status") << "fail-status=E_INVALIDARG@4" << "device_error";
        QTest::newRow("fail-command") << "fail-command" << "device_error";
        QTest::newRow("stall") << "stall=10000@4" << "timeout";
    }

    void faultRaisesItsAlert()
    {
        QFETCH(QString, fault);
        QFETCH(QString, alert);
        tests::SessionFixture f({fault.toStdString()});
        QVERIFY(f.engine->start());
        (void)f.engine->setProtectionLevel(protection::Hdcp, 1);
        f.pollFor(5);
        QVERIFY2(f.alertKinds().contains(alert), qPrintable(f.alertKinds().join(u',')));
        // The first alert is the documented one: nothing else went wrong before it.
        QCOMPARE(f.alertKinds().constFirst(), alert);
    }

    void linkLossIsReportedOnceAndHdcpComesBackWhenSetAgain()
    {
        tests::SessionFixture f({"link-lost@11"}); // poll 4, after HDCP engaged
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(6);
        QCOMPARE(f.alertKinds().count(QStringLiteral("link_lost")), 1);
        QCOMPARE(f.alertKinds().count(QStringLiteral("level_drop")), 1); // global 0 < 1, once
        QCOMPARE(f.output->globalLevel(protection::Hdcp), 0u);
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(5);
        QCOMPARE(f.output->globalLevel(protection::Hdcp), 1u);
        QCOMPARE(f.alertKinds().count(QStringLiteral("link_lost")), 1);
    }

    void stalledDeviceIsNotWaitedForAgain()
    {
        tests::SessionFixture f({"stall=10000@2"});
        QVERIFY(f.engine->start());
        f.pollFor(3);
        QVERIFY(f.engine->stalled());
        QCOMPARE(f.alertKinds(), QStringList{QStringLiteral("timeout")});
        QVERIFY(!f.engine->query(StatusRequest::ConnectorType).ok());
    }

    // A reply that cannot be used fails its call as a failure HRESULT does: an alert
    // (E_FAIL standing for the HRESULT never given), not a quiet error line.
    void unusableReplyIsADeviceError()
    {
        tests::SessionFixture f;
        UnusableStatusReply device(*f.emulator, 2);
        session::SessionOptions options;
        options.policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(f.material->rootKeyXml, QStringLiteral("emulator")).value();
        std::vector<QJsonObject> events;
        session::SessionEngine engine(device, options, f.random, [&](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events.push_back(e); },
                                      [&f] { return f.nowMs; });
        QVERIFY(engine.start());
        f.nowMs += 100;
        engine.poll();
        QCOMPARE(engine.alerts().size(), std::size_t(1));
        const session::Alert& alert = engine.alerts().front();
        QCOMPARE(alert.kind, session::AlertKind::DeviceError);
        QCOMPARE(alert.hresult, hr::Fail);
        QVERIFY2(alert.detail.find("reply cannot be used: copp.protectionStatus reply: not JSON") != std::string::npos,
                 alert.detail.c_str());
        for (const QJsonObject& e : events)
            QVERIFY(e.value(QStringLiteral("event")).toString() != u"error");
    }

    void failedCallKeepsTheSequenceNumber()
    {
        tests::SessionFixture f({"fail-status@2"});
        QVERIFY(f.engine->start());
        const std::uint32_t before = f.engine->statusSequence();
        QVERIFY(!f.engine->query(StatusRequest::BusData).ok());
        QCOMPARE(f.engine->statusSequence(), before); // §7.2: re-use it
        QVERIFY(f.engine->query(StatusRequest::BusData).ok());
        QCOMPARE(f.engine->statusSequence(), before + 1);
    }

    void chainFaultsStopTheSession_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("rule");
        QTest::newRow("untrusted") << "untrusted-chain" << "cert.trusted_root";
        QTest::newRow("tampered") << "tampered-chain" << "cert.digest";
        QTest::newRow("revoked") << "revoked-chain" << "crl.revoked";
    }

    void chainFaultsStopTheSession()
    {
        QFETCH(QString, fault);
        QFETCH(QString, rule);
        tests::SessionFixture f({fault.toStdString()});
        QVERIFY(!f.engine->start());
        QCOMPARE(f.alertKinds(), QStringList{QStringLiteral("chain_invalid")});
        bool found = false;
        for (const auto& e : f.events)
            if (e.value(QStringLiteral("event")).toString() == u"chain")
                found = e.value(QStringLiteral("first_failure")).toString() == rule;
        QVERIFY2(found, qPrintable(rule));
    }

    void failingStartCallsAreDeviceErrors_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<qint64>("hresult");
        QTest::newRow("key exchange") << "fail-key-exchange=VFW_E_NO_COPP_HW" << qint64(hr::NoCoppHw);
        QTest::newRow("session start") << "fail-session-start" << qint64(hr::Unexpected);
    }

    void failingStartCallsAreDeviceErrors()
    {
        QFETCH(QString, fault);
        QFETCH(qint64, hresult);
        tests::SessionFixture f({fault.toStdString()});
        QVERIFY(!f.engine->start());
        QCOMPARE(f.alertKinds(), QStringList{QStringLiteral("device_error")});
        QCOMPARE(qint64(f.engine->alerts().front().hresult), hresult);
    }

    void scenarioTimelineDrivesTheOutput()
    {
        auto scenario = device::Scenario::builtIn(QStringLiteral("hdcp-link-loss"));
        QVERIFY(scenario.ok());
        tests::SessionFixture f({}, {}, scenario.value());
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(20); // 2 s: before the event
        QVERIFY(f.engine->alerts().empty());
        f.pollFor(15); // past 3 s
        QCOMPARE(f.alertKinds().constFirst(), QStringLiteral("link_lost"));
    }

    void everyBuiltInScenarioLoads()
    {
        const QStringList names = device::Scenario::builtInNames();
        for (const char* expected : {"hdcp-link-loss", "hot-unplug", "level-downgrade", "monitor-swap", "steady"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        for (const QString& name : names)
            QVERIFY2(device::Scenario::builtIn(name).ok(), qPrintable(name));
    }

    void builtInScenariosRaiseTheirAlerts_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("alert");
        QTest::newRow("hdcp-link-loss") << "hdcp-link-loss" << "link_lost";
        QTest::newRow("hot-unplug") << "hot-unplug" << "device_error";
        QTest::newRow("level-downgrade") << "level-downgrade" << "level_drop";
        QTest::newRow("monitor-swap") << "monitor-swap" << "connector_changed";
        QTest::newRow("renegotiation") << "renegotiation" << "renegotiation_required";
    }

    void builtInScenariosRaiseTheirAlerts()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, alert);
        tests::SessionFixture f({}, {}, device::Scenario::builtIn(scenario).value());
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(70); // 7 s
        QVERIFY2(f.alertKinds().contains(alert), qPrintable(f.alertKinds().join(u',')));
        QCOMPARE(f.alertKinds().constFirst(), alert);
    }

    void steadyScenarioIsClean()
    {
        tests::SessionFixture f({}, {}, device::Scenario::builtIn(QStringLiteral("steady")).value());
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
        f.pollFor(70);
        QVERIFY2(f.engine->alerts().empty(), qPrintable(f.alertKinds().join(u',')));
    }

    void malformedScenariosAreRejected()
    {
        for (const char* json : {"", "[]", "{}", R"({"name":"x","events":[{"at_ms":-1,"action":"link-lost"}]})",
                                 R"({"name":"x","events":[{"at_ms":1,"action":"explode"}]})",
                                 R"({"name":"x","output":{"connector":"scart"}})",
                                 R"({"name":"x","events":[{"at_ms":1,"action":"external-level","value":"acp=9"}]})",
                                 // Wrong JSON types were read as defaults: no events played, HDMI, no protections...
                                 R"({"name":"x","events":{"0":{"at_ms":1,"action":"link-lost"}}})",
                                 R"({"name":"x","events":["link-lost"]})",
                                 R"({"name":"x","events":[{"at_ms":"1","action":"link-lost"}]})",
                                 R"({"name":"x","events":[{"at_ms":1.5,"action":"link-lost"}]})",
                                 R"({"name":"x","events":[{"at_ms":1,"action":"hdcp-engage-ms","value":"soon"}]})",
                                 R"({"name":"x","events":[{"at_ms":1,"action":"hdcp-engage-ms","value":true}]})",
                                 R"({"name":"x","output":"hdmi"})",
                                 R"({"name":"x","output":{"protections":"hdcp"}})",
                                 R"({"name":"x","output":{"protections":[1]}})",
                                 R"({"name":"x","output":{"connector":7}})",
                                 R"({"name":"x","output":{"hdcp_engage_ms":"5000"}})",
                                 R"({"name":"x","output":{"hdcp_engage_ms":-100000}})",
                                 R"({"name":"x","output":{"repeater":"yes"}})",
                                 R"({"name":7})"})
            QVERIFY2(!device::Scenario::fromJson(json).ok(), json);
        // The same values with their right types are read.
        const auto good = device::Scenario::fromJson(
            R"({"name":"x","output":{"connector":"dvi","protections":["hdcp"],"hdcp_engage_ms":5000,"repeater":true},)"
            R"("events":[{"at_ms":10,"action":"hdcp-engage-ms","value":"2500"},{"at_ms":20,"action":"hdcp-engage-ms","value":300}]})");
        QVERIFY(good.ok());
        QCOMPARE(good->output.hdcpEngageMs, 5000);
        QVERIFY(good->output.repeater);
        QCOMPARE(good->events.size(), std::size_t(2));
        QCOMPARE(good->events[1].value, QStringLiteral("300"));
    }
};

QTEST_GUILESS_MAIN(TestSessionEngine)
#include "tst_sessionengine.moc"
