// SPDX-License-Identifier: BSD-3-Clause
// Typed session events and their one JSON edge (sessioneventjson.h): every
// event a real session produces (a clean start, polling, commands refused and
// accepted, every status request, link loss, renegotiation, a stall, the end)
// survives toJson -> sessionEventFromJson unchanged, and so does a transcript's
// event list; a broken event is refused with the key it is about.
#include <session/sessionfixture.h>

#include <core/device/emulator/scenario.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/transcript.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace copp;

namespace {

// A session that makes every kind of engine event.
std::vector<session::SessionEvent> busySession(std::vector<QJsonObject>* json = nullptr)
{
    tests::SessionFixture f({"link-lost@12", "renegotiation@16", "stall=200@30"},
                            device::OutputProfile::forConnector(protocol::connector::Hdmi));
    if (!f.engine->start())
        qFatal("the session did not start");
    (void)f.engine->setProtectionLevel(protocol::protection::Hdcp, 1);
    (void)f.engine->setProtectionLevel(protocol::protection::Acp, 2); // HDMI: refused
    protocol::SetSignaling signaling;
    (void)f.engine->setSignaling(signaling);
    for (protocol::StatusRequest r : protocol::kAllStatusRequests)
        (void)f.engine->query(r, protocol::protection::Hdcp);
    f.pollFor(12);
    f.engine->finish(QStringLiteral("stopped"));
    if (json)
        *json = f.events;
    return f.typed;
}

QStringList names(const std::vector<session::SessionEvent>& events)
{
    QStringList out;
    for (const auto& e : events)
        if (!out.contains(e.name()))
            out << e.name();
    return out;
}

} // namespace

class TestSessionEvents : public QObject {
    Q_OBJECT
private slots:
    void everyEventSurvivesItsJson()
    {
        std::vector<QJsonObject> json;
        const auto events = busySession(&json);
        // The session really made each kind (else the round trip proves little).
        const QStringList kinds = names(events);
        for (const char* kind : {"key_exchange", "chain", "session_started", "command", "status", "alert", "end"})
            QVERIFY2(kinds.contains(QLatin1String(kind)), qPrintable(kinds.join(u',')));
        QStringList alerts;
        for (const auto& e : events)
            if (const auto* a = e.as<session::AlertEvent>())
                alerts << QLatin1String(session::alertId(a->kind));
        for (const char* kind : {"device_error", "link_lost", "renegotiation_required", "timeout"})
            QVERIFY2(alerts.contains(QLatin1String(kind)), qPrintable(alerts.join(u',')));

        QCOMPARE(json.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto back = session::sessionEventFromJson(json[i]);
            QVERIFY2(back.ok(), back.ok() ? "" : back.error().detail.c_str());
            QVERIFY2(back.value() == events[i], qPrintable(QJsonDocument(json[i]).toJson(QJsonDocument::Compact)));
            QCOMPARE(session::toJson(back.value()), json[i]); // byte for byte the same contract object
        }
    }

    void aTranscriptReadsBackIntoTheSameTypes()
    {
        const auto events = busySession();
        session::Transcript t;
        for (const auto& e : events)
            t.addEvent(e);
        const auto read = session::Transcript::fromJson(QJsonDocument(t.toJson()).toJson());
        QVERIFY(read.ok());
        const auto typed = read->typedEvents();
        QVERIFY2(typed.ok(), typed.ok() ? "" : typed.error().detail.c_str());
        QCOMPARE(typed->size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i)
            QVERIFY(typed.value()[i] == events[i]);
        // What the window shows of an alert read back is its English detail.
        for (const auto& e : typed.value())
            if (const auto* a = e.as<session::AlertEvent>())
                QCOMPARE(a->displayDetail(), a->detail);
    }

    void decodedFieldsAreTyped()
    {
        const auto events = busySession();
        bool display = false, ksv = false, connector = false;
        for (const auto& e : events) {
            const auto* s = e.as<session::StatusEvent>();
            if (!s || !s->believed())
                continue;
            display = display || (s->request == protocol::StatusRequest::DisplayData && s->fields.width && *s->fields.width > 0);
            ksv = ksv || (s->request == protocol::StatusRequest::HdcpKeyData && s->fields.ksv.size() == 10);
            connector = connector || s->fields.connector == u"HDMI";
        }
        QVERIFY(display);
        QVERIFY(ksv);
        QVERIFY(connector);
    }

    void brokenEventsAreRefusedWithTheirKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown event") << QByteArray(R"({"event":"teleport","t_ms":1})") << QStringLiteral("unknown event \"teleport\"");
        QTest::newRow("no time") << QByteArray(R"({"event":"error","detail":"x"})") << QStringLiteral("\"t_ms\"");
        QTest::newRow("detail a number") << QByteArray(R"({"event":"error","detail":5,"t_ms":1})") << QStringLiteral("\"detail\"");
        QTest::newRow("status without checks")
            << QByteArray(R"({"event":"status","request":"local-level","sequence":1,"ok":true,"hresult":0,"flags":0,"size":32,"value":1,"t_ms":1})")
            << QStringLiteral("\"checks\"");
        QTest::newRow("check not a bool")
            << QByteArray(R"({"event":"status","request":"local-level","sequence":1,"ok":true,"hresult":0,"flags":0,"size":32,"checks":{"mac":1,"size":true,"random":true},"t_ms":1})")
            << QStringLiteral("\"checks\"");
        QTest::newRow("sequence out of range")
            << QByteArray(R"({"event":"status","request":"x","sequence":4294967296,"ok":false,"hresult":0,"t_ms":1})")
            << QStringLiteral("\"sequence\"");
        QTest::newRow("random not hex")
            << QByteArray(R"({"event":"key_exchange","device":"d","driver_random":"zz","certificate_bytes":1,"t_ms":1})")
            << QStringLiteral("\"driver_random\"");
        QTest::newRow("unknown alert kind")
            << QByteArray(R"({"event":"alert","kind":"odd","detail":"x","t_ms":1})") << QStringLiteral("\"kind\"");
        QTest::newRow("unknown command")
            << QByteArray(R"({"event":"command","command":"self_destruct","ok":true,"hresult":0,"t_ms":1})") << QStringLiteral("\"command\"");
    }

    void brokenEventsAreRefusedWithTheirKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, said);
        const auto e = session::sessionEventFromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, Error::Code::Malformed);
        QVERIFY2(QString::fromStdString(e.error().detail).contains(said), e.error().detail.c_str());
    }

    void aTranscriptWithABrokenEventSaysWhich()
    {
        const QByteArray json = R"({"format":"coppscope-transcript","version":2,"device":{},"calls":[],
            "events":[{"event":"error","detail":"x","t_ms":1},{"event":"end","reason":"r","t_ms":2}]})";
        const auto t = session::Transcript::fromJson(json);
        QVERIFY(t.ok());
        const auto typed = t->typedEvents();
        QVERIFY(!typed.ok());
        QVERIFY2(typed.error().detail.rfind("event 2: ", 0) == 0, typed.error().detail.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSessionEvents)
#include "tst_sessionevents.moc"
