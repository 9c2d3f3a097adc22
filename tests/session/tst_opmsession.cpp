// SPDX-License-Identifier: BSD-3-Clause
// The session engine over OPM (docs/cli.md#opm-sessions "OPM session", docs/protocol.md
// §7.4-§7.6): against the in-process OpmEmulator in OPM and in COPP semantics
// (events, the bytes sent — seen through a RecordingDevice —, --protect
// hdcp=1 meaning type 0x08 or 0x01, alerts for every OPM fault, an untrusted
// X.509 chain), the same session over the agent pipe (coppscope-cli emulator
// --stdio --interface opm), a record -> replay round trip, and codec merit
// (session::verifyCodecMerit, docs/protocol.md §7.7) against the emulated codec.
#include <session/opmfixture.h>

#include <core/session/sessioneventjson.h>
#include <support/testsupport.h>
#include <core/device/agent/agentclient.h>
#include <core/device/emulator/coppemulator.h>
#include <core/kernel/protocol/coppstructs.h>
#include <core/kernel/protocol/guid.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/opmstructs.h>
#include <core/validation/x509validator.h>
#include <core/session/codecmerit.h>
#include <core/session/replaydevice.h>
#include <core/session/sessionreplay.h>
#include <core/session/transcriptblocks.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace copp;
using namespace copp::protocol;
using copp::tests::named;
using copp::tests::OpmSessionFixture;
using copp::tests::outcome;
using copp::tests::why;

namespace {

const Guid kClsid = *Guid::parse("{6b4b6f2c-0d3e-4b8a-9e51-1f2a3b4c5d6e}");
const Guid kOtherClsid = *Guid::parse("{11111111-2222-3333-4444-555555555555}");
constexpr std::uint32_t kMerit = 0x600000;

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

// A recorded block: version 2 transcripts leave out its trailing zero bytes.
Block4096 hexBlock(const QString& hex)
{
    Block4096 block{};
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    if (raw.size() > qsizetype(block.size()))
        qFatal("a recorded block of %lld bytes", static_cast<long long>(raw.size()));
    std::copy(raw.begin(), raw.end(), block.begin());
    return block;
}

// The SetProtectionLevel payloads of the recorded opm.configure calls.
QList<SetProtectionLevel> configuredLevels(const OpmSessionFixture& f)
{
    QList<SetProtectionLevel> out;
    for (const QJsonObject& call : f.calls(QStringLiteral("opm.configure"))) {
        const QJsonObject params = call.value(QStringLiteral("params")).toObject();
        const CoppCommand command = decodeCommand(hexBlock(str(params, "parameters")));
        if (command.commandId == guids::SetProtectionLevel)
            out.append(decodeSetProtectionLevel(ByteView(command.data).first(command.dataSize)).value());
    }
    return out;
}

// The status events of one request name.
QList<QJsonObject> statusEvents(const OpmSessionFixture& f, const QString& request)
{
    QList<QJsonObject> out;
    for (const QJsonObject& e : f.eventsNamed(QStringLiteral("status")))
        if (str(e, "request") == request)
            out.append(e);
    return out;
}

QStringList kinds(const std::vector<session::Alert>& alerts)
{
    QStringList out;
    for (const auto& a : alerts)
        out.append(QLatin1String(session::alertId(a.kind)));
    return out;
}

QStringList checkNames(const session::MeritResult& r)
{
    QStringList out;
    for (const auto& c : r.checks)
        out.append(c.check);
    return out;
}

QStringList failingChecks(const session::MeritResult& r)
{
    QStringList out;
    for (const auto& c : r.checks)
        if (!c.ok)
            out.append(c.check);
    return out;
}

// What one engine run produced (in process, on the agent, or replayed).
struct Run {
    QJsonArray events;
    std::vector<session::Alert> alerts;
    bool started = false;
};

// The CLI's script: start, --protect hdcp=1, `polls` polls (`tick` moves the clock), finish.
Run drive(device::CoppDevice& device, crypto::RandomSource& random, const session::Clock& clock,
          const std::function<void()>& tick, const session::SessionOptions& options, int polls,
          const std::function<void(const QJsonObject&)>& alsoTo = {})
{
    Run run;
    session::SessionEngine engine(device, options, random,
                                  [&](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed);
                                      run.events.append(e);
                                      if (alsoTo)
                                          alsoTo(e);
                                  },
                                  clock);
    if (engine.start()) {
        (void)engine.setProtectionLevel(protection::Hdcp, 1);
        for (int i = 0; i < polls && !engine.stalled(); ++i) {
            tick();
            engine.poll();
        }
    }
    engine.finish(engine.started() ? QString() : QStringLiteral("session did not start"));
    run.alerts = engine.alerts();
    run.started = engine.started();
    return run;
}

// A recorded session (CLI script) against an in-process OPM emulator, as
// `session --transcript FILE --reveal-secrets` writes it.
struct Recording {
    QByteArray json;
    Run run;
    int calls = 0;
};

Recording recordOpm(bool opmSemantics, const QStringList& faultTexts)
{
    std::vector<std::string> texts;
    for (const QString& t : faultTexts)
        texts.push_back(t.toStdString());
    const std::vector<device::Fault> faults = tests::parseFaults(texts);
    std::int64_t nowMs = 1000;
    const device::Clock clock = [&nowMs] { return nowMs; };
    const auto output = std::make_shared<device::EmulatedOutput>(device::OutputProfile{}, clock);
    device::OpmEmulator emulator(output, tests::opmMaterial(faults), tests::outputRole(opmSemantics), faults);
    session::SessionOptions options;
    options.policy = tests::opmTestPolicy();
    session::Transcript transcript;
    transcript.setPolicy(options.policy, true);
    transcript.setKeepApplicationRandom(true);
    session::RecordingDevice recording(emulator, transcript, clock);
    crypto::DeterministicRandom inner(7);
    session::RecordingRandom random(inner, transcript);
    Recording r;
    r.run = drive(recording, random, clock, [&nowMs] { nowMs += 100; }, options, 5,
                  [&transcript](const QJsonObject& e) { transcript.addEvent(copp::tests::event(e)); });
    r.calls = int(transcript.calls().size());
    r.json = QJsonDocument(transcript.toJson()).toJson(QJsonDocument::Compact);
    return r;
}

// A transcript opened for replay as the CLI opens one: its policy, its randomness, its clock.
struct OpenedReplay {
    QByteArray error;
    std::unique_ptr<session::ReplayDevice> device;
    QJsonArray recordedEvents;
    QJsonArray events; // the replay's
    std::unique_ptr<session::SessionEngine> engine;
};

OpenedReplay openReplay(const QByteArray& json)
{
    OpenedReplay out;
    auto read = session::Transcript::fromJson(json);
    if (!read) {
        out.error = QByteArray::fromStdString(read.error().detail);
        return out;
    }
    auto policy = read->policy();
    if (!policy) {
        out.error = QByteArray::fromStdString(policy.error().detail);
        return out;
    }
    if (!policy->x509.trustAnchorDer) {
        out.error = "the transcript lost the X.509 trust anchor";
        return out;
    }
    session::SessionOptions options;
    options.policy = policy.value();
    out.recordedEvents = read->events();
    auto opened = session::ReplayDevice::open(std::move(read.value()));
    if (!opened) {
        out.error = QByteArray::fromStdString(opened.error().detail);
        return out;
    }
    out.device = std::move(opened.value());
    session::ReplayDevice* device = out.device.get();
    QJsonArray* events = &out.events;
    out.engine = std::make_unique<session::SessionEngine>(*device, options, device->random(),
                                                          [events](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events->append(e); },
                                                          [device] { return device->now(); });
    return out;
}

void replayRows()
{
    QTest::addColumn<bool>("opmSemantics");
    QTest::addColumn<QStringList>("faults");
    QTest::newRow("opm clean") << true << QStringList{};
    QTest::newRow("opm tampering@3") << true << QStringList{QStringLiteral("tampering@3")};
    QTest::newRow("opm revoked-hdcp-device@3") << true << QStringList{QStringLiteral("revoked-hdcp-device@3")};
    QTest::newRow("opm bad-reply-mac@4") << true << QStringList{QStringLiteral("bad-reply-mac@4")};
    QTest::newRow("copp semantics clean") << false << QStringList{};
}

} // namespace

class TestOpmSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_keys;

    QString cli() const { return qEnvironmentVariable("COPP_CLI"); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!tests::opmMaterial()->opm->certificate.isEmpty()); // keys and chains once, up front
        // The CLI's emulator children reuse the keys of this process (no key generation per child).
        m_keys = m_dir.filePath(QStringLiteral("keys"));
        QVERIFY(QDir().mkpath(m_keys));
        QVERIFY(tests::testPki().keys().save(m_keys).ok());
        QVERIFY(tests::x509TestPki().keys().save(m_keys).ok());
    }

    // ---- in process: OPM semantics ---------------------------------------------------------------------------

    void opmSemanticsSession()
    {
        OpmSessionFixture f(tests::outputRole(true));
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->opmInterface());
        QVERIFY(f.engine->opmSemantics());
        QCOMPARE(f.engine->wireType(protection::Hdcp), protection::OpmHdcp);
        QVERIFY_OK(f.engine->setProtectionLevel(protection::Hdcp, 1));
        f.pollFor(5, 100);
        f.engine->finish();
        QVERIFY2(f.alertKinds().isEmpty(), qPrintable(f.alertKinds().join(u',')));

        const QStringList names = f.eventNames();
        for (const char* expected : {"key_exchange", "chain", "session_started", "command", "status", "end"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        QCOMPARE(names.first(), QStringLiteral("key_exchange"));
        QCOMPARE(names.last(), QStringLiteral("end"));
        // §5: "opm.startInitialization is reported as the key_exchange event", with the device's family.
        const QJsonObject key = f.event(QStringLiteral("key_exchange"));
        QCOMPARE(str(key, "interface"), QStringLiteral("opm"));
        QCOMPARE(str(key, "semantics"), QStringLiteral("opm"));
        QCOMPARE(str(key, "role"), QStringLiteral("output"));
        QCOMPARE(key.value(QStringLiteral("certificate_bytes")).toInteger(), f.material->opm->certificate.size());
        const QJsonObject chain = f.event(QStringLiteral("chain"));
        QCOMPARE(str(chain, "format"), QStringLiteral("x509"));
        QVERIFY(chain.value(QStringLiteral("valid")).toBool());
        QVERIFY(chain.value(QStringLiteral("first_failure")).isNull());
        QVERIFY(chain.value(QStringLiteral("test_root")).toBool());
        const QJsonObject command = f.event(QStringLiteral("command"));
        QCOMPARE(str(command, "command"), QStringLiteral("set_protection_level"));
        QCOMPARE(str(command, "type"), QStringLiteral("hdcp"));
        QCOMPARE(command.value(QStringLiteral("level")).toInt(), 1);
        QVERIFY(command.value(QStringLiteral("ok")).toBool());

        // Only opm.* calls, status through GetInformation; --protect hdcp=1 is type 0x08 (docs/cli.md#opm-sessions).
        const QStringList methods = f.methods();
        QCOMPARE(methods.at(0), QStringLiteral("opm.startInitialization"));
        QCOMPARE(methods.at(1), QStringLiteral("opm.finishInitialization"));
        for (const QString& m : methods)
            QVERIFY2(m == u"opm.startInitialization" || m == u"opm.finishInitialization" || m == u"opm.getInformation"
                         || m == u"opm.configure",
                     qPrintable(m));
        const QList<SetProtectionLevel> levels = configuredLevels(f);
        QCOMPARE(levels.size(), 1);
        QCOMPARE(levels.first().type, protection::OpmHdcp);
        QCOMPARE(levels.first().level, 1u);
        QVERIFY(!f.calls(QStringLiteral("opm.configure")).first().value(QStringLiteral("params")).toObject().contains(
            QStringLiteral("additional")));
        // The level queries carry type 0x08 at offset 56 of the 4112-byte request (cbParametersSize 4 at 52).
        int levelQueries = 0;
        for (const QJsonObject& call : f.calls(QStringLiteral("opm.getInformation"))) {
            const QJsonObject params = session::expandBlocks(u"opm.getInformation", call.value(QStringLiteral("params")).toObject());
            const QByteArray raw = QByteArray::fromHex(str(params, "parameters").toLatin1());
            QCOMPARE(raw.size(), 4112);
            const auto* bytes = reinterpret_cast<const std::uint8_t*>(raw.constData());
            Guid guid;
            std::copy(bytes + 32, bytes + 48, guid.bytes.begin());
            if (guid == guids::QueryLocalProtectionLevel || guid == guids::QueryGlobalProtectionLevel) {
                ++levelQueries;
                QCOMPARE(getU32(bytes + 52), 4u);
                QCOMPARE(getU32(bytes + 56), protection::OpmHdcp);
            }
        }
        QCOMPARE(levelQueries, 10);
        // The level reached 1 on the connector.
        const QList<QJsonObject> global = statusEvents(f, QStringLiteral("global-level"));
        QVERIFY(!global.isEmpty());
        QCOMPARE(global.last().value(QStringLiteral("value")).toInt(), 1);
        QCOMPARE(statusEvents(f, QStringLiteral("local-level")).last().value(QStringLiteral("value")).toInt(), 1);
        for (const QJsonObject& s : f.eventsNamed(QStringLiteral("status")))
            QVERIFY(s.value(QStringLiteral("ok")).toBool());
    }

    void coppSemanticsSession()
    {
        OpmSessionFixture f(tests::outputRole(false));
        QVERIFY(f.engine->start());
        QVERIFY(f.engine->opmInterface());
        QVERIFY(!f.engine->opmSemantics());
        QCOMPARE(f.engine->wireType(protection::Hdcp), protection::Hdcp);
        QVERIFY_OK(f.engine->setProtectionLevel(protection::Hdcp, 1));
        f.pollFor(5, 100);
        f.engine->finish();
        QVERIFY2(f.alertKinds().isEmpty(), qPrintable(f.alertKinds().join(u',')));
        const QJsonObject key = f.event(QStringLiteral("key_exchange"));
        QCOMPARE(str(key, "interface"), QStringLiteral("opm"));
        QCOMPARE(str(key, "semantics"), QStringLiteral("copp"));
        const QJsonObject chain = f.event(QStringLiteral("chain"));
        QCOMPARE(str(chain, "format"), QStringLiteral("copp-xml"));
        QVERIFY(chain.value(QStringLiteral("valid")).toBool());
        QVERIFY(!f.eventNames().filter(QStringLiteral("session_started")).isEmpty());
        // Status through COPPCompatibleGetInformation only; HDCP is COPP_COMPATIBLE_HDCP (0x01).
        const QStringList methods = f.methods();
        QVERIFY(methods.contains(QStringLiteral("opm.coppCompatibleGetInformation")));
        QVERIFY(!methods.contains(QStringLiteral("opm.getInformation")));
        const QList<SetProtectionLevel> levels = configuredLevels(f);
        QCOMPARE(levels.size(), 1);
        QCOMPARE(levels.first().type, protection::Hdcp);
        QCOMPARE(statusEvents(f, QStringLiteral("global-level")).last().value(QStringLiteral("value")).toInt(), 1);
    }

    void faultsRaiseTheirAlerts_data()
    {
        QTest::addColumn<bool>("opmSemantics");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QStringList>("expected"); // every one raised
        QTest::addColumn<QStringList>("absent");   // none raised
        const QStringList opmOnly{QStringLiteral("tampering"), QStringLiteral("revoked_device")};
        QTest::newRow("opm tampering") << true << QStringLiteral("tampering@2") << QStringList{QStringLiteral("tampering")}
                                       << QStringList{QStringLiteral("revoked_device"), QStringLiteral("link_lost")};
        QTest::newRow("opm revoked-hdcp-device")
            << true << QStringLiteral("revoked-hdcp-device@2")
            << QStringList{QStringLiteral("revoked_device"), QStringLiteral("link_lost")} << QStringList{QStringLiteral("tampering")};
        QTest::newRow("opm bad-reply-mac") << true << QStringLiteral("bad-reply-mac@2") << QStringList{QStringLiteral("mac_mismatch")}
                                           << opmOnly;
        QTest::newRow("opm wrong-random") << true << QStringLiteral("wrong-random@2")
                                          << QStringList{QStringLiteral("random_mismatch")} << opmOnly;
        QTest::newRow("opm wrong-size") << true << QStringLiteral("wrong-size@2") << QStringList{QStringLiteral("size_mismatch")}
                                        << opmOnly;
        QTest::newRow("opm hdcp-drop@8") << true << QStringLiteral("hdcp-drop@8") << QStringList{QStringLiteral("level_drop")}
                                         << opmOnly;
        QTest::newRow("opm link-lost@2") << true << QStringLiteral("link-lost@2") << QStringList{QStringLiteral("link_lost")}
                                         << opmOnly;
        QTest::newRow("opm connector-change=dvi@2")
            << true << QStringLiteral("connector-change=dvi@2") << QStringList{QStringLiteral("connector_changed")} << opmOnly;
        QTest::newRow("opm fail-status=E_FAIL@3") << true << QStringLiteral("fail-status=E_FAIL@3")
                                                  << QStringList{QStringLiteral("device_error")} << opmOnly;
        QTest::newRow("copp tampering") << false << QStringLiteral("tampering@2") << QStringList{QStringLiteral("link_lost")}
                                        << opmOnly;
        QTest::newRow("copp revoked-hdcp-device") << false << QStringLiteral("revoked-hdcp-device@2")
                                                  << QStringList{QStringLiteral("link_lost")} << opmOnly;
        QTest::newRow("copp bad-reply-mac") << false << QStringLiteral("bad-reply-mac@3")
                                            << QStringList{QStringLiteral("mac_mismatch")} << opmOnly;
    }

    void faultsRaiseTheirAlerts()
    {
        QFETCH(bool, opmSemantics);
        QFETCH(QString, fault);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        OpmSessionFixture f(tests::outputRole(opmSemantics), {fault.toStdString()});
        QVERIFY(f.engine->start());
        QVERIFY_OK(f.engine->setProtectionLevel(protection::Hdcp, 1));
        f.pollFor(4, 100);
        f.engine->finish();
        const QStringList raised = f.alertKinds();
        for (const QString& kind : expected)
            QVERIFY2(raised.contains(kind), qPrintable(kind + QStringLiteral(" not in ") + raised.join(u',')));
        for (const QString& kind : absent)
            QVERIFY2(!raised.contains(kind), qPrintable(kind + QStringLiteral(" in ") + raised.join(u',')));
        // Reported once, on the reply that carried it.
        for (const QString& kind : expected)
            QCOMPARE(raised.count(kind), 1);
        // Every alert is also an event.
        QCOMPARE(f.eventsNamed(QStringLiteral("alert")).size(), raised.size());
    }

    void revokedHdcpDeviceAlertsInOrder()
    {
        OpmSessionFixture f(tests::outputRole(true), {"revoked-hdcp-device@2"});
        QVERIFY(f.engine->start());
        QVERIFY_OK(f.engine->setProtectionLevel(protection::Hdcp, 1));
        f.pollFor(1, 100);
        // The connector query of the first poll carries LinkLost | REVOKED_HDCP_DEVICE_ATTACHED.
        const QList<QJsonObject> connector = statusEvents(f, QStringLiteral("connector-type"));
        QCOMPARE(connector.size(), 2);
        QCOMPARE(connector.at(1).value(QStringLiteral("flags")).toInt(), int(status::LinkLost | status::RevokedHdcpDeviceAttached));
        QCOMPARE(f.alertKinds().mid(0, 2), (QStringList{QStringLiteral("link_lost"), QStringLiteral("revoked_device")}));
    }

    void untrustedChainDoesNotStart_data()
    {
        QTest::addColumn<bool>("opmSemantics");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("firstFailure");
        QTest::newRow("opm untrusted-chain") << true << QStringLiteral("untrusted-chain") << QStringLiteral("x509")
                                             << QStringLiteral("x509.trusted_root");
        QTest::newRow("opm tampered-chain") << true << QStringLiteral("tampered-chain") << QStringLiteral("x509")
                                            << QStringLiteral("x509.signature");
        QTest::newRow("copp untrusted-chain") << false << QStringLiteral("untrusted-chain") << QStringLiteral("copp-xml")
                                              << QStringLiteral("cert.trusted_root");
    }

    void untrustedChainDoesNotStart()
    {
        QFETCH(bool, opmSemantics);
        QFETCH(QString, fault);
        QFETCH(QString, format);
        QFETCH(QString, firstFailure);
        OpmSessionFixture f(tests::outputRole(opmSemantics), {fault.toStdString()});
        QVERIFY(!f.engine->start());
        QVERIFY(!f.engine->started());
        f.engine->finish(QStringLiteral("session did not start"));
        const QJsonObject chain = f.event(QStringLiteral("chain"));
        QCOMPARE(str(chain, "format"), format);
        QVERIFY(!chain.value(QStringLiteral("valid")).toBool());
        QCOMPARE(str(chain, "first_failure"), firstFailure);
        QCOMPARE(f.alertKinds(), QStringList{QStringLiteral("chain_invalid")});
        QVERIFY(!f.eventNames().contains(QStringLiteral("session_started")));
        // Nothing was sent to a device that failed validation.
        QCOMPARE(f.methods(), QStringList{QStringLiteral("opm.startInitialization")});
        QVERIFY(!f.engine->setProtectionLevel(protection::Hdcp, 1).ok());
    }

    void handshakeFailuresAreDeviceErrors()
    {
        OpmSessionFixture f(tests::outputRole(true), {"fail-session-start"});
        QVERIFY(!f.engine->start());
        QCOMPARE(f.alertKinds(), QStringList{QStringLiteral("device_error")});
        QCOMPARE(f.engine->alerts().front().hresult, hr::OpmInvalidEncryptedParameters);
    }

    // ---- over the agent pipe ---------------------------------------------------------------------------------

    void agentPipeSession_data()
    {
        QTest::addColumn<QString>("options");
        QTest::addColumn<QStringList>("alerts");
        QTest::newRow("opm") << QString() << QStringList{};
        QTest::newRow("opm tampering@2") << QStringLiteral("--fault tampering@2") << QStringList{QStringLiteral("tampering")};
        QTest::newRow("copp semantics") << QStringLiteral("--semantics copp") << QStringList{};
    }

    void agentPipeSession()
    {
        QFETCH(QString, options);
        QFETCH(QStringList, alerts);
        QVERIFY2(!cli().isEmpty(), "COPP_CLI is not set");
        const QString anchor = m_dir.filePath(QStringLiteral("agent-anchor-%1.pem").arg(QTest::currentDataTag()).replace(u' ', u'_'));
        const QString command = QStringLiteral("'%1' emulator --stdio --interface opm --fault slow-hdcp=0 --keys '%2' --trust-anchor-out '%3' %4")
                                    .arg(cli(), m_keys, anchor, options);
        auto started = device::AgentDevice::start(command, 10000, device::AgentDevice::Stderr::Discard);
        QVERIFY2(started.ok(), why(started).constData());
        device::AgentDevice& agent = *started.value();
        // describe answers first; the trust anchor is written before the first reply.
        const auto description = agent.describeChecked();
        QVERIFY2(description.ok(), why(description).constData());
        QCOMPARE(QString::fromStdString(description->interface), QStringLiteral("opm"));
        QCOMPARE(QString::fromStdString(description->semantics),
                 options.contains(QStringLiteral("copp")) ? QStringLiteral("copp") : QStringLiteral("opm"));
        // --trust-anchor-out wrote "the certificate for OPM, the RSAKeyValue for COPP" (docs/cli.md#opm-sessions).
        session::SessionOptions sessionOptions;
        if (description->semantics == "opm") {
            auto x509 = validation::X509Policy::withTrustAnchorFile(anchor);
            QVERIFY2(x509.ok(), why(x509).constData());
            sessionOptions.policy.x509 = x509.value();
        } else {
            QFile file(anchor);
            QVERIFY(file.open(QIODevice::ReadOnly));
            auto root = validation::TrustRoot::fromRsaKeyValueXml(file.readAll(), QStringLiteral("agent test root"));
            QVERIFY2(root.ok(), why(root).constData());
            sessionOptions.policy.trustRoot = root.value();
        }

        // The session's clock is the test's; the agent's output engages HDCP at once (slow-hdcp=0),
        // so no poll has to wait for real time to pass.
        std::int64_t nowMs = 1000;
        crypto::SystemRandom random;
        const Run run = drive(agent, random, [&nowMs] { return nowMs; }, [&nowMs] { nowMs += 100; }, sessionOptions, 4);
        QVERIFY(run.started);
        QCOMPARE(kinds(run.alerts), alerts);
        QStringList names;
        QJsonObject keyEvent, chainEvent;
        int lastGlobal = -1;
        for (const QJsonValue& v : run.events) {
            const QJsonObject e = v.toObject();
            names.append(str(e, "event"));
            if (str(e, "event") == u"key_exchange")
                keyEvent = e;
            if (str(e, "event") == u"chain")
                chainEvent = e;
            if (str(e, "event") == u"status" && str(e, "request") == u"global-level")
                lastGlobal = e.value(QStringLiteral("value")).toInt();
        }
        for (const char* expected : {"key_exchange", "chain", "session_started", "command", "status", "end"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        QCOMPARE(str(keyEvent, "interface"), QStringLiteral("opm"));
        QVERIFY(chainEvent.value(QStringLiteral("valid")).toBool());
        QCOMPARE(str(chainEvent, "format"),
                 options.contains(QStringLiteral("copp")) ? QStringLiteral("copp-xml") : QStringLiteral("x509"));
        QCOMPARE(lastGlobal, 1); // HDCP engaged on the agent's output
    }

    // The opm.* calls themselves over the pipe: user-mode HRESULTs, the SRM in "additional".
    void agentPipeOpmCalls()
    {
        QVERIFY2(!cli().isEmpty(), "COPP_CLI is not set");
        const QString anchor = m_dir.filePath(QStringLiteral("agent-calls-anchor.pem"));
        const QString command = QStringLiteral("'%1' emulator --stdio --interface opm --keys '%2' --trust-anchor-out '%3'")
                                    .arg(cli(), m_keys, anchor);
        auto first = device::AgentDevice::start(command, 10000, device::AgentDevice::Stderr::Discard);
        QVERIFY2(first.ok(), why(first).constData());
        device::AgentDevice& agent = *first.value();
        const auto started = agent.startInitialization();
        QVERIFY2(started.ok(), why(started).constData());
        auto policy = validation::X509Policy::withTrustAnchorFile(anchor);
        QVERIFY2(policy.ok(), why(policy).constData());
        const validation::ValidationReport report = validation::X509ChainValidator(policy.value()).validate(
            QByteArray(reinterpret_cast<const char*>(started->certificate.data()), qsizetype(started->certificate.size())));
        QCOMPARE(tests::firstFailureText(report), QStringLiteral("valid"));
        const auto leaf = validation::x509LeafKey(report);
        QVERIFY(leaf.has_value());
        crypto::DeterministicRandom random(5);
        crypto::AesKey key{};
        random.fill(key);

        // A wrong random: ERROR_GRAPHICS_OPM_INVALID_ENCRYPTED_PARAMETERS, the user-mode code (never 0xC01E0503).
        auto second = device::AgentDevice::start(command, 10000, device::AgentDevice::Stderr::Discard);
        QVERIFY2(second.ok(), why(second).constData());
        const auto otherStart = second.value()->startInitialization();
        QVERIFY2(otherStart.ok(), why(otherStart).constData());
        Bytes16 wrong = otherStart->driverRandom;
        wrong[3] ^= 0x01;
        QCOMPARE(outcome(second.value()->finishInitialization(
                     buildOpmInitializationParameters(*leaf, SessionSecrets{wrong, key, 0, 0}, random).value())),
                 named(0xC0262503u));

        QVERIFY_OK(agent.finishInitialization(
            buildOpmInitializationParameters(*leaf, SessionSecrets{started->driverRandom, key, 10, 20}, random).value()));
        QCOMPARE(outcome(agent.coppCompatibleGetInformation(Block4096{})), named(0xC026251Cu));
        OpmConfigureParameters srm;
        srm.commandId = guids::SetHdcpSrm;
        srm.sequence = 20;
        const Bytes payload = encode(OpmSetHdcpSrmParameters{0x0203});
        srm.dataSize = std::uint32_t(payload.size());
        std::copy(payload.begin(), payload.end(), srm.data.begin());
        Block4096 block = encode(srm);
        signBlock(key, block);
        // "The additional parameter of opm.configure may be omitted or empty": then there is no SRM.
        QCOMPARE(outcome(agent.configure(block, {})), named(hr::OpmInvalidSrm));
        QVERIFY_OK(agent.configure(block, Bytes(64, 0xab)));
        OpmGetInfoParameters in;
        random.fill(in.random);
        in.information = guids::GetCurrentHdcpSrmVersion;
        in.sequence = 10;
        Block4112 request = encode(in);
        signGetInfoParameters(key, request);
        const auto reply = agent.getInformation(request);
        QVERIFY2(reply.ok(), why(reply).constData());
        QVERIFY(verifyBlockMac(key, *reply));
        QCOMPARE(getU32(reply->data() + 16), 32u);
        QVERIFY(std::equal(in.random.begin(), in.random.end(), reply->begin() + 20));
        QCOMPARE(getU32(reply->data() + 40), 0x0203u);
    }

    // ---- record -> replay ------------------------------------------------------------------------------------

    void recordedOpmSessionReplaysEveryEvent_data() { replayRows(); }

    // `session --device replay:FILE` on a recorded OPM session: session::replaySession.
    void recordedOpmSessionReplaysEveryEvent()
    {
        QFETCH(bool, opmSemantics);
        QFETCH(QStringList, faults);
        const Recording recorded = recordOpm(opmSemantics, faults);
        QVERIFY(recorded.run.started);
        auto replay = openReplay(recorded.json);
        QVERIFY2(replay.device, replay.error.constData());
        session::SessionEngine& engine = *replay.engine;
        const session::ReplayOutcome result = session::replaySession(engine, *replay.device);
        engine.finish(result.endReason);
        QVERIFY2(!result.divergence, result.divergence.value_or("").c_str());
        QVERIFY(result.complete());
        QCOMPARE(result.callsPlayed, recorded.calls);
        QCOMPARE(kinds(engine.alerts()), kinds(recorded.run.alerts));
        const auto difference = session::firstEventDifference(replay.recordedEvents, replay.events);
        QVERIFY2(!difference, difference.value_or("").c_str());
    }

    void replayDeviceRepeatsOpmCallsByteForByte_data() { replayRows(); }

    // The same transcript through ReplayDevice, driven call by call by the test (what
    // replaySession would do for opm.*): every request repeats byte for byte, every event
    // and alert is reproduced. Isolates the replay device and the transcript from replaySession.
    void replayDeviceRepeatsOpmCallsByteForByte()
    {
        QFETCH(bool, opmSemantics);
        QFETCH(QStringList, faults);
        const Recording recorded = recordOpm(opmSemantics, faults);
        QVERIFY(recorded.run.started);
        auto replay = openReplay(recorded.json);
        QVERIFY2(replay.device, replay.error.constData());
        session::SessionEngine& engine = *replay.engine;
        session::ReplayDevice& device = *replay.device;
        QVERIFY(engine.start());
        QCOMPARE(engine.opmSemantics(), opmSemantics);
        while (!device.finished() && !device.divergence() && !engine.stalled()) {
            const QJsonObject call = *device.nextCall();
            const QString method = str(call, "method");
            const QJsonObject params = call.value(QStringLiteral("params")).toObject();
            const int before = device.played();
            if (method == u"opm.configure") {
                const CoppCommand c = decodeCommand(hexBlock(str(params, "parameters")));
                QVERIFY(c.commandId == guids::SetProtectionLevel);
                const auto level = decodeSetProtectionLevel(ByteView(c.data).first(c.dataSize));
                QVERIFY(level.ok());
                (void)engine.setProtectionLevel(level->type, level->level);
            } else if (method == u"opm.getInformation") {
                const QByteArray raw = QByteArray::fromHex(str(params, "parameters").toLatin1());
                QCOMPARE(raw.size(), qsizetype(kGetInfoParametersSize));
                Block4112 block{};
                std::copy(raw.begin(), raw.end(), block.begin());
                const OpmGetInfoParameters in = decodeGetInfoParameters(block);
                const auto request = statusRequestFromGuid(in.information);
                QVERIFY(request.has_value());
                (void)engine.query(*request, in.parametersSize == 4 ? getU32(in.parameters.data()) : 0);
            } else if (method == u"opm.coppCompatibleGetInformation") {
                const CoppStatusInput in = decodeStatusInput(hexBlock(str(params, "parameters")));
                const auto request = statusRequestFromGuid(in.requestId);
                QVERIFY(request.has_value());
                (void)engine.query(*request, in.dataSize == 4 ? getU32(in.data.data()) : 0);
            } else {
                QFAIL(qPrintable(QStringLiteral("call %1 is %2").arg(before + 1).arg(method)));
            }
            QVERIFY2(device.played() == before + 1, device.divergence().value_or("the engine made no call").c_str());
        }
        QVERIFY2(!device.divergence(), device.divergence()->c_str());
        QVERIFY(device.finished());
        engine.finish();
        QCOMPARE(kinds(engine.alerts()), kinds(recorded.run.alerts));
        const auto difference = session::firstEventDifference(replay.recordedEvents, replay.events);
        QVERIFY2(!difference, difference.value_or("").c_str());
    }

    // ---- codec merit -----------------------------------------------------------------------------------------

    void codecMeritVerified()
    {
        OpmSessionFixture f(tests::codecRole(kClsid, kMerit));
        QList<QJsonObject> events;
        const session::MeritResult r = session::verifyCodecMerit(
            *f.emulator, kClsid, kMerit, tests::opmTestPolicy(), f.random, [&events](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events.append(e); },
            [&f] { return f.nowMs; });
        QVERIFY(r.verified);
        QVERIFY(r.merit.has_value());
        QCOMPARE(*r.merit, kMerit);
        QCOMPARE(r.expected, kMerit);
        QCOMPARE(checkNames(r), (QStringList{QStringLiteral("certificate"), QStringLiteral("handshake"),
                                             QStringLiteral("get_information"), QStringLiteral("omac"), QStringLiteral("random"),
                                             QStringLiteral("size"), QStringLiteral("merit")}));
        QCOMPARE(failingChecks(r), QStringList{});
        QVERIFY(r.certificateReport.isValid());
        // The events: the handshake as key_exchange (role codec), one status, no alert.
        QStringList names;
        for (const QJsonObject& e : events) {
            names.append(str(e, "event"));
            if (str(e, "event") == u"key_exchange")
                QCOMPARE(str(e, "role"), QStringLiteral("codec"));
        }
        QCOMPARE(names.count(QStringLiteral("status")), 1); // a codec has no connector to read
        QVERIFY(!names.contains(QStringLiteral("alert")));
        QCOMPARE(names.last(), QStringLiteral("end"));
        const QJsonObject json = session::meritToJson(r);
        QCOMPARE(json.keys(), (QStringList{QStringLiteral("checks"), QStringLiteral("expected"), QStringLiteral("merit"),
                                           QStringLiteral("verified")}));
        QCOMPARE(json.value(QStringLiteral("merit")).toInteger(), qint64(kMerit));
        QVERIFY(json.value(QStringLiteral("verified")).toBool());
    }

    void codecMeritDiffers()
    {
        OpmSessionFixture f(tests::codecRole(kClsid, kMerit));
        const session::MeritResult r = session::verifyCodecMerit(*f.emulator, kClsid, kMerit + 1, tests::opmTestPolicy(),
                                                                 f.random, {}, [&f] { return f.nowMs; });
        QVERIFY(!r.verified);
        QCOMPARE(failingChecks(r), QStringList{QStringLiteral("merit")});
        QVERIFY(r.merit.has_value());
        QCOMPARE(*r.merit, kMerit); // the codec's value is still reported
        QCOMPARE(r.expected, kMerit + 1);
        const QJsonObject json = session::meritToJson(r);
        QVERIFY(!json.value(QStringLiteral("verified")).toBool());
        QCOMPARE(json.value(QStringLiteral("merit")).toInteger(), qint64(kMerit));
    }

    void codecMeritWrongClsid()
    {
        OpmSessionFixture f(tests::codecRole(kClsid, kMerit));
        QList<QJsonObject> events;
        const session::MeritResult r = session::verifyCodecMerit(
            *f.emulator, kOtherClsid, kMerit, tests::opmTestPolicy(), f.random,
            [&events](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events.append(e); }, [&f] { return f.nowMs; });
        QVERIFY(!r.verified);
        QVERIFY(!r.merit.has_value());
        QCOMPARE(failingChecks(r), QStringList{QStringLiteral("get_information")});
        QVERIFY(session::meritToJson(r).value(QStringLiteral("merit")).isNull());
        // The verifier is not the codec's CLSID: E_ACCESSDENIED (docs/protocol.md §7.7), shown in the status event and the alert.
        bool statusSeen = false, alertSeen = false;
        for (const QJsonObject& e : events) {
            if (str(e, "event") == u"status") {
                statusSeen = true;
                QVERIFY(!e.value(QStringLiteral("ok")).toBool());
                QCOMPARE(e.value(QStringLiteral("hresult")).toInteger(), qint64(hr::AccessDenied));
            }
            if (str(e, "event") == u"alert") {
                alertSeen = true;
                QCOMPARE(str(e, "kind"), QStringLiteral("device_error"));
                QCOMPARE(e.value(QStringLiteral("hresult")).toInteger(), qint64(hr::AccessDenied));
            }
        }
        QVERIFY(statusSeen);
        QVERIFY(alertSeen);
    }

    void codecMeritReplyFaults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("check");
        QTest::newRow("bad-reply-mac") << QStringLiteral("bad-reply-mac") << QStringLiteral("omac");
        QTest::newRow("wrong-random") << QStringLiteral("wrong-random") << QStringLiteral("random");
        QTest::newRow("wrong-size") << QStringLiteral("wrong-size") << QStringLiteral("size");
    }

    void codecMeritReplyFaults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, check);
        OpmSessionFixture f(tests::codecRole(kClsid, kMerit), {fault.toStdString()});
        const session::MeritResult r = session::verifyCodecMerit(*f.emulator, kClsid, kMerit, tests::opmTestPolicy(), f.random,
                                                                 {}, [&f] { return f.nowMs; });
        QVERIFY(!r.verified);
        // Nothing in an unauthenticated reply is believed: no merit, and the merit check fails too.
        QVERIFY(!r.merit.has_value());
        QCOMPARE(failingChecks(r), (QStringList{check, QStringLiteral("merit")}));
        QVERIFY(session::meritToJson(r).value(QStringLiteral("merit")).isNull());
    }

    void codecMeritUntrustedCertificate()
    {
        OpmSessionFixture f(tests::codecRole(kClsid, kMerit), {"untrusted-chain"});
        const session::MeritResult r = session::verifyCodecMerit(*f.emulator, kClsid, kMerit, tests::opmTestPolicy(), f.random,
                                                                 {}, [&f] { return f.nowMs; });
        QVERIFY(!r.verified);
        QCOMPARE(failingChecks(r), (QStringList{QStringLiteral("certificate"), QStringLiteral("handshake")}));
        QCOMPARE(tests::firstFailureText(r.certificateReport), QStringLiteral("x509.trusted_root@2"));
        QVERIFY(!r.merit.has_value());
    }

    void codecMeritOnDevicesThatAreNotCodecs()
    {
        // A display output in OPM semantics has no OPM_GET_CODEC_INFO.
        OpmSessionFixture output(tests::outputRole(true));
        const session::MeritResult r = session::verifyCodecMerit(*output.emulator, kClsid, kMerit, tests::opmTestPolicy(),
                                                                 output.random, {}, [&output] { return output.nowMs; });
        QVERIFY(!r.verified);
        QCOMPARE(failingChecks(r), QStringList{QStringLiteral("get_information")});
        // A COPP device has no IOPMVideoOutput at all.
        device::CoppEmulator copp(std::make_shared<device::EmulatedOutput>(device::OutputProfile{}), tests::opmMaterial());
        const session::MeritResult c = session::verifyCodecMerit(copp, kClsid, kMerit, tests::opmTestPolicy(), output.random, {},
                                                                 [&output] { return output.nowMs; });
        QVERIFY(!c.verified);
        QCOMPARE(failingChecks(c), QStringList{QStringLiteral("handshake")});
    }
};

QTEST_GUILESS_MAIN(TestOpmSession)
#include "tst_opmsession.moc"
