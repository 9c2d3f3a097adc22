// SPDX-License-Identifier: BSD-3-Clause
// The session panel's data: SessionLogModel (every event, bounded, problems
// flagged), AlertModel (acknowledgement, CSV export) under
// QAbstractItemModelTester, and ProtectionState (the protected / not protected
// verdict by §5.2 precedence, from authenticated replies only).
#include <support/testsupport.h>
#include <core/kernel/protocol/constants.h>
#include <core/models/alertmodel.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/protectionstate.h>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QtTest>

using namespace copp;
using models::AlertModel;
using models::SessionLogModel;
using session::ProtectionState;
using Verdict = session::ProtectionState::Verdict;


namespace {

QJsonObject ev(const char* name, qint64 t, QJsonObject fields = {})
{
    fields.insert(QStringLiteral("event"), QLatin1String(name));
    fields.insert(QStringLiteral("t_ms"), t);
    return fields;
}

QJsonObject checks(bool mac = true, bool size = true, bool random = true)
{
    return {{QStringLiteral("mac"), mac}, {QStringLiteral("size"), size}, {QStringLiteral("random"), random}};
}

QJsonObject command(qint64 t, const QString& type, int level, bool ok = true)
{
    return ev("command", t, {{QStringLiteral("command"), QStringLiteral("set_protection_level")},
                                {QStringLiteral("type"), type},
                                {QStringLiteral("level"), level},
                                {QStringLiteral("sequence"), 7},
                                {QStringLiteral("ok"), ok},
                                {QStringLiteral("hresult"), ok ? 0 : qint64(0x80070057)}});
}

// A level reply: `which` is "local-level" or "global-level".
QJsonObject level(qint64 t, const char* which, const QString& type, int value, QJsonObject check = checks(), bool ok = true)
{
    QJsonObject e = ev("status", t, {{QStringLiteral("request"), QLatin1String(which)},
                                        {QStringLiteral("type"), type},
                                        {QStringLiteral("sequence"), 3},
                                        {QStringLiteral("ok"), ok},
                                        {QStringLiteral("hresult"), 0}});
    if (ok) {
        e.insert(QStringLiteral("flags"), 0);
        e.insert(QStringLiteral("size"), 32);
        e.insert(QStringLiteral("checks"), check);
        e.insert(QStringLiteral("value"), value);
    }
    return e;
}

QJsonObject connector(qint64 t, const QString& name, QJsonObject check = checks())
{
    return ev("status", t, {{QStringLiteral("request"), QStringLiteral("connector-type")},
                               {QStringLiteral("sequence"), 3},
                               {QStringLiteral("ok"), true},
                               {QStringLiteral("hresult"), 0},
                               {QStringLiteral("flags"), 0},
                               {QStringLiteral("size"), 32},
                               {QStringLiteral("checks"), check},
                               {QStringLiteral("value"), 0},
                               {QStringLiteral("connector"), name}});
}

QJsonObject alert(qint64 t, const QString& kind, const QString& detail)
{
    return ev("alert", t, {{QStringLiteral("kind"), kind}, {QStringLiteral("detail"), detail}});
}

// A status event as the worker forwards it: with the device call it came from.
QJsonObject withCall(QJsonObject e, const QString& method)
{
    const QJsonObject call{{QStringLiteral("method"), method},
                           {QStringLiteral("params"), QJsonObject{{QStringLiteral("input"), QStringLiteral("00ff")}}},
                           {QStringLiteral("hresult"), 0},
                           {QStringLiteral("t_ms"), e.value(QStringLiteral("t_ms"))},
                           {QStringLiteral("duration_ms"), 1}};
    e.insert(QStringLiteral("call"), call);
    e.insert(QStringLiteral("calls"), QJsonArray{call});
    return e;
}

// A minimal RFC 4180 reader (CRLF records, "" inside quotes), independent of AlertModel.
QList<QStringList> parseCsv(const QByteArray& csv, bool* ok)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            if (!field.isEmpty())
                *ok = false; // a quote in the middle of an unquoted field
            quoted = true;
        } else if (c == ',') {
            record << QString::fromUtf8(field);
            field.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv.at(i + 1) == '\n') {
            record << QString::fromUtf8(field);
            field.clear();
            records << record;
            record.clear();
            ++i;
        } else if (c == '\n' || c == '\r') {
            *ok = false; // a bare line break outside quotes
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *ok = false; // unterminated
    return records;
}

} // namespace

class TestSessionModels : public QObject {
    Q_OBJECT
private slots:
    // ---- SessionLogModel ----

    void logModelUnderTheModelTester()
    {
        SessionLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QCOMPARE(model.columnCount(), int(SessionLogModel::ColumnCount));
        QCOMPARE(model.headerData(SessionLogModel::EventColumn, Qt::Horizontal).toString(), QStringLiteral("Event"));
        QVERIFY(!model.headerData(0, Qt::Vertical).isValid());

        model.addEvent(copp::tests::event(ev("key_exchange", 0, {{QStringLiteral("device"), QStringLiteral("emu")},
                                                 {QStringLiteral("driver_random"), QStringLiteral("00")},
                                                 {QStringLiteral("certificate_bytes"), 1234}})));
        model.addEvent(copp::tests::event(ev("chain", 1, {{QStringLiteral("valid"), true}, {QStringLiteral("trust_root"), QStringLiteral("test")}})));
        model.addEvent(copp::tests::event(ev("session_started", 2, {{QStringLiteral("status_sequence"), 1}, {QStringLiteral("command_sequence"), 2}})));
        const QJsonObject status = withCall(connector(1234, QStringLiteral("HDMI")), QStringLiteral("copp.protectionStatus"));
        model.addEvent(copp::tests::event(status));
        for (int i = 0; i < 20; ++i)
            model.addEvent(copp::tests::event(withCall(level(1300 + i * 100, i % 2 ? "global-level" : "local-level", QStringLiteral("hdcp"), 1),
                                    QStringLiteral("copp.protectionStatus"))));
        model.addEvent(copp::tests::event(alert(3456, QStringLiteral("link_lost"), QStringLiteral("status flags carry LinkLost"))));
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(inserted.size(), 25);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // a table: no children

        const QModelIndex row3 = model.index(3, 0);
        QCOMPARE(row3.data().toString(), QStringLiteral("1.234 s"));
        QCOMPARE(model.index(3, SessionLogModel::EventColumn).data().toString(), QStringLiteral("status"));
        QVERIFY(model.index(3, SessionLogModel::SummaryColumn).data().toString().contains(QStringLiteral("HDMI")));
        QCOMPARE(row3.data(SessionLogModel::EventNameRole).toString(), QStringLiteral("status"));
        const auto stored = row3.data(SessionLogModel::EventRole).value<copp::session::SessionEvent>();
        QVERIFY(stored.calls.isEmpty()); // the model keeps the decoded call, not the transcript's copy
        QCOMPARE(stored.as<copp::session::StatusEvent>()->fields.connector, QStringLiteral("HDMI"));
        const auto call = row3.data(SessionLogModel::CallRole).value<copp::session::DeviceCall>();
        QCOMPARE(call.method, QStringLiteral("copp.protectionStatus"));
        QCOMPARE(call.durationMs, 1);
        QCOMPARE(call.params.size(), 1);
        QCOMPARE(call.params.at(0).name, QStringLiteral("input"));
        QCOMPARE(call.params.at(0).text.size(), 2 * 4096); // the block expanded to its full size
        QVERIFY(call.params.at(0).text.startsWith(QStringLiteral("00ff00")));
        QVERIFY(!model.index(0, 0).data(SessionLogModel::CallRole).isValid());
        QCOMPARE(model.index(24, SessionLogModel::SummaryColumn).data().toString(),
                 QStringLiteral("ALERT link_lost: status flags carry LinkLost"));
        QVERIFY(!model.index(25, 0).data().isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedRows(), 0);
        model.addEvent(copp::tests::event(ev("end", 5000, {{QStringLiteral("reason"), QStringLiteral("stopped")}})));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, SessionLogModel::EventColumn).data().toString(), QStringLiteral("end"));
    }

    void logModelKeepsTheNewestRowsAndCountsTheDropped()
    {
        SessionLogModel model;
        const int max = SessionLogModel::kMaxRows;
        for (int i = 0; i < max - 3; ++i)
            model.addEvent(copp::tests::event(level(i, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(model.droppedRows(), 0);
        // The tester watches the rows going over the bound.
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = max - 3; i < max + 7; ++i)
            model.addEvent(copp::tests::event(level(i, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(model.rowCount(), max);
        QCOMPARE(model.droppedRows(), 7);
        QCOMPARE(removed.size(), 7);
        for (const QList<QVariant>& r : removed) { // always the oldest row
            QCOMPARE(r.at(1).toInt(), 0);
            QCOMPARE(r.at(2).toInt(), 0);
        }
        QCOMPARE(model.index(0, 0).data(SessionLogModel::EventRole).value<copp::session::SessionEvent>().tMs, 7);
        QCOMPARE(model.index(max - 1, 0).data(SessionLogModel::EventRole).value<copp::session::SessionEvent>().tMs, max + 6);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.droppedRows(), 0);
    }

    void problemRole_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::addColumn<bool>("problem");
        QTest::newRow("alert") << alert(1, QStringLiteral("level_drop"), QStringLiteral("x")) << true;
        QTest::newRow("error") << ev("error", 1, {{QStringLiteral("detail"), QStringLiteral("boom")}}) << true;
        QTest::newRow("failed status") << level(1, "global-level", QStringLiteral("hdcp"), 0, checks(), false) << true;
        QTest::newRow("failed command") << command(1, QStringLiteral("hdcp"), 1, false) << true;
        QTest::newRow("mac check failed") << level(1, "global-level", QStringLiteral("hdcp"), 1, checks(false)) << true;
        QTest::newRow("size check failed") << level(1, "local-level", QStringLiteral("hdcp"), 1, checks(true, false)) << true;
        QTest::newRow("random check failed") << connector(1, QStringLiteral("HDMI"), checks(true, true, false)) << true;
        QTest::newRow("invalid chain") << ev("chain", 1, {{QStringLiteral("valid"), false}}) << true;
        QTest::newRow("good status") << level(1, "global-level", QStringLiteral("hdcp"), 1) << false;
        QTest::newRow("good command") << command(1, QStringLiteral("hdcp"), 1) << false;
        QTest::newRow("valid chain") << ev("chain", 1, {{QStringLiteral("valid"), true}}) << false;
        QTest::newRow("key exchange") << ev("key_exchange", 0) << false;
        QTest::newRow("session started") << ev("session_started", 0) << false;
        QTest::newRow("end") << ev("end", 9, {{QStringLiteral("reason"), QStringLiteral("stopped")}}) << false;
    }

    void problemRole()
    {
        QFETCH(QJsonObject, event);
        QFETCH(bool, problem);
        SessionLogModel model;
        model.addEvent(copp::tests::event(event));
        QCOMPARE(copp::tests::event(event).isProblem(), problem);
        for (int column = 0; column < SessionLogModel::ColumnCount; ++column)
            QCOMPARE(model.index(0, column).data(SessionLogModel::ProblemRole).toBool(), problem);
    }

    // ---- AlertModel ----

    void alertModelUnderTheModelTester()
    {
        AlertModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy acknowledgement(&model, &AlertModel::acknowledgementChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        QVERIFY(!model.addEvent(copp::tests::event(level(1, "global-level", QStringLiteral("hdcp"), 1)))); // not an alert
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.newestUnacknowledgedRow(), -1);
        QVERIFY(model.addEvent(copp::tests::event(alert(3012, QStringLiteral("link_lost"), QStringLiteral("connector-type: status flags carry LinkLost")))));
        QVERIFY(model.addEvent(copp::tests::event(alert(3015, QStringLiteral("level_drop"), QStringLiteral("hdcp local level is 0")))));
        QVERIFY(model.addEvent(copp::tests::event(alert(3020, QStringLiteral("level_drop"), QStringLiteral("hdcp global level is 0")))));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(acknowledgement.size(), 3);
        QCOMPARE(model.unacknowledgedCount(), 3);
        QCOMPARE(model.newestUnacknowledgedRow(), 2);

        QCOMPARE(model.index(0, AlertModel::TimeColumn).data().toString(), QStringLiteral("3.012 s"));
        { // the reader's decimal separator (German showed "3.012 s")
            const QLocale before;
            QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
            const QString german = model.index(0, AlertModel::TimeColumn).data().toString();
            QLocale::setDefault(before);
            QCOMPARE(german, QStringLiteral("3,012 s"));
        }
        QCOMPARE(model.index(0, AlertModel::KindColumn).data().toString(), QStringLiteral("Link lost"));
        QCOMPARE(model.index(1, AlertModel::KindColumn).data().toString(), QStringLiteral("Protection level dropped"));
        QCOMPARE(model.index(0, AlertModel::DetailColumn).data().toString(), QStringLiteral("connector-type: status flags carry LinkLost"));
        QCOMPARE(model.index(0, 0).data(AlertModel::KindRole).toString(), QStringLiteral("link_lost"));
        QCOMPARE(model.index(0, 0).data(AlertModel::TimeMsRole).toLongLong(), 3012);
        QCOMPARE(model.index(0, AlertModel::AcknowledgedColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QCOMPARE(model.index(0, AlertModel::AcknowledgedColumn).data().toString(), QStringLiteral("not yet"));
        QVERIFY(!model.index(0, AlertModel::KindColumn).data(Qt::CheckStateRole).isValid());
        QVERIFY(model.flags(model.index(0, AlertModel::AcknowledgedColumn)) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(0, AlertModel::TimeColumn)) & Qt::ItemIsUserCheckable));
        QVERIFY(!(model.flags(model.index(0, AlertModel::KindColumn)) & Qt::ItemIsUserCheckable));

        // Acknowledge the newest through setData, as a view's checkbox does (an int variant).
        acknowledgement.clear();
        qint64 sessionMs = 5000;
        model.setClock([&sessionMs] { return sessionMs; });
        QVERIFY(model.setData(model.index(2, AlertModel::AcknowledgedColumn), int(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(model.index(2, 0).data(AlertModel::AcknowledgedRole).toBool(), true);
        QCOMPARE(model.index(2, 0).data(AlertModel::AcknowledgedMsRole).toLongLong(), 5000); // when, on the session's clock
        QCOMPARE(model.index(2, AlertModel::AcknowledgedColumn).data().toString(), QStringLiteral("yes, at 5.000 s"));
        QCOMPARE(model.index(2, AlertModel::AcknowledgedColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(!model.index(1, 0).data(AlertModel::AcknowledgedMsRole).isValid());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(acknowledgement.size(), 1);
        QCOMPARE(model.newestUnacknowledgedRow(), 1);
        QCOMPARE(model.unacknowledgedCount(), 2);
        // An acknowledgement is not taken back; other columns and roles are not editable.
        QVERIFY(!model.setData(model.index(2, AlertModel::AcknowledgedColumn), int(Qt::Unchecked), Qt::CheckStateRole));
        QVERIFY(model.index(2, 0).data(AlertModel::AcknowledgedRole).toBool());
        QVERIFY(!model.setData(model.index(1, AlertModel::KindColumn), int(Qt::Checked), Qt::CheckStateRole));
        QVERIFY(!model.setData(model.index(1, AlertModel::TimeColumn), QStringLiteral("x"), Qt::EditRole));
        QVERIFY(!model.index(1, 0).data(AlertModel::AcknowledgedRole).toBool());
        // Acknowledging twice changes nothing.
        changed.clear();
        acknowledgement.clear();
        QVERIFY(model.setData(model.index(2, AlertModel::AcknowledgedColumn), QVariant::fromValue(Qt::Checked), Qt::CheckStateRole));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(acknowledgement.size(), 0);

        // One at a time: acknowledging row 0 leaves row 1 open; stepping wraps round the open ones.
        QCOMPARE(model.oldestUnacknowledgedRow(), 0);
        QCOMPARE(model.nextUnacknowledgedRow(0, +1), 1);
        QCOMPARE(model.nextUnacknowledgedRow(1, +1), 0);
        QCOMPARE(model.nextUnacknowledgedRow(0, -1), 1);
        sessionMs = 1; // a clock read before the alert: never earlier than the alert itself
        model.acknowledge(0);
        QCOMPARE(model.index(0, 0).data(AlertModel::AcknowledgedMsRole).toLongLong(), 3012);
        QCOMPARE(model.newestUnacknowledgedRow(), 1);
        QCOMPARE(model.unacknowledgedCount(), 1);
        QCOMPARE(model.nextUnacknowledgedRow(1, +1), 1);
        model.acknowledge(-1);
        model.acknowledge(99);
        model.acknowledgeAll();
        QCOMPARE(model.newestUnacknowledgedRow(), -1);
        QCOMPARE(model.unacknowledgedCount(), 0);
        QVERIFY(model.addEvent(copp::tests::event(alert(4000, QStringLiteral("timeout"), QStringLiteral("no answer")))));
        QCOMPARE(model.newestUnacknowledgedRow(), 3);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.newestUnacknowledgedRow(), -1);
        QCOMPARE(model.unacknowledgedCount(), 0);
        QVERIFY(model.addEvent(copp::tests::event(alert(1, QStringLiteral("mac_mismatch"), QStringLiteral("again")))));
        QCOMPARE(model.rowCount(), 1);
    }

    void alertCsvQuotesFields()
    {
        AlertModel model;
        const QStringList details{QStringLiteral("plain detail"),
                                  QStringLiteral("level 0, below 1"),
                                  QStringLiteral("the device said \"no\""),
                                  QStringLiteral("first line\nsecond line"),
                                  QStringLiteral("carriage\rreturn"),
                                  QStringLiteral("all of it: \"a\", b\r\nc"),
                                  QStringLiteral("Grüße ✔"),
                                  QString()};
        for (int i = 0; i < details.size(); ++i)
            QVERIFY(model.addEvent(copp::tests::event(alert(1000 + i, i == 1 ? QStringLiteral("link_lost") : QStringLiteral("level_drop"), details.at(i)))));
        model.acknowledge(2);

        const QByteArray csv = model.toCsv();
        QVERIFY(csv.startsWith("time_ms,kind,detail,acknowledged_ms\r\n"));
        QVERIFY(csv.contains("1000,level_drop,plain detail,\r\n")); // nothing to quote: no quotes
        QVERIFY(csv.contains("1001,link_lost,\"level 0, below 1\",\r\n"));
        QVERIFY(csv.contains("1002,level_drop,\"the device said \"\"no\"\"\",1007\r\n")); // no clock: the newest alert's time
        QVERIFY(csv.contains("\"first line\nsecond line\""));

        bool ok = false;
        const QList<QStringList> records = parseCsv(csv, &ok);
        QVERIFY(ok);
        QCOMPARE(records.size(), details.size() + 1);
        QCOMPARE(records.at(0), (QStringList{QStringLiteral("time_ms"), QStringLiteral("kind"), QStringLiteral("detail"), QStringLiteral("acknowledged_ms")}));
        for (int i = 0; i < details.size(); ++i) {
            const QStringList& r = records.at(i + 1);
            QCOMPARE(r.size(), 4);
            QCOMPARE(r.at(0), QString::number(1000 + i));
            QCOMPARE(r.at(1), i == 1 ? QStringLiteral("link_lost") : QStringLiteral("level_drop"));
            QCOMPARE(r.at(2), details.at(i));
            QCOMPARE(r.at(3), i == 2 ? QStringLiteral("1007") : QString()); // acknowledged_ms, empty when not
        }
        model.clear();
        QCOMPARE(model.toCsv(), QByteArray("time_ms,kind,detail,acknowledged_ms\r\n"));
    }

    void alertKindText()
    {
        QCOMPARE(AlertModel::kindText(QStringLiteral("link_lost")), QStringLiteral("Link lost"));
        QCOMPARE(AlertModel::kindText(QStringLiteral("timeout")), QStringLiteral("Device not answering"));
        QCOMPARE(AlertModel::kindText(QStringLiteral("something_new")), QStringLiteral("something_new"));
    }

    // ---- ProtectionState ----

    void stateFollowsASession()
    {
        ProtectionState s;
        QCOMPARE(s.verdict(), Verdict::Unknown);
        QVERIFY(!s.running());
        QCOMPARE(s.sentence(), QStringLiteral("No session running"));
        s.addEvent(copp::tests::event(ev("session_started", 10)));
        QVERIFY(s.running());
        QCOMPARE(s.sentence(), QStringLiteral("Output: no protection requested"));
        s.addEvent(copp::tests::event(connector(11, QStringLiteral("HDMI"))));
        QCOMPARE(s.connector(), QStringLiteral("HDMI"));
        QCOMPARE(s.sentence(), QStringLiteral("HDMI output: no protection requested"));

        s.addEvent(copp::tests::event(command(12, QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).requested, 1);
        QCOMPARE(s.verdict(), Verdict::Unknown); // asked for, not read yet
        QCOMPARE(s.sentence(), QStringLiteral("HDMI output: protection not confirmed yet — HDCP not read yet"));
        s.addEvent(copp::tests::event(level(20, "local-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).local, 1);
        QCOMPARE(s.verdict(), Verdict::Unknown); // the local level is not what the connector carries
        s.addEvent(copp::tests::event(level(21, "global-level", QStringLiteral("hdcp"), 0))); // HDCP still engaging: within the grace
        QCOMPARE(s.verdict(), Verdict::Unknown);
        s.addEvent(copp::tests::event(level(12 + ProtectionState::kEngageGraceMs, "global-level", QStringLiteral("hdcp"), 0))); // grace over
        QCOMPARE(s.verdict(), Verdict::NotProtected);
        QCOMPARE(s.sentence(), QStringLiteral("HDMI output: NOT PROTECTED — HDCP off"));
        s.addEvent(copp::tests::event(level(2200, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.verdict(), Verdict::Protected);
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).verdict, Verdict::Protected);
        QCOMPARE(s.sentence(), QStringLiteral("HDMI output: PROTECTED — HDCP on"));

        // The link is lost: nothing is known until the next reply.
        s.addEvent(copp::tests::event(alert(3000, QStringLiteral("link_lost"), QStringLiteral("connector-type: status flags carry LinkLost"))));
        QCOMPARE(s.verdict(), Verdict::Unknown);
        QVERIFY(s.sentence().startsWith(QStringLiteral("HDMI output: protection not confirmed yet")));
        s.addEvent(copp::tests::event(level(3002, "global-level", QStringLiteral("hdcp"), 0)));
        QCOMPARE(s.verdict(), Verdict::NotProtected);
        // Another alert kind does not make it unknown.
        s.addEvent(copp::tests::event(alert(3003, QStringLiteral("level_drop"), QStringLiteral("hdcp global level is 0"))));
        QCOMPARE(s.verdict(), Verdict::NotProtected);
        s.addEvent(copp::tests::event(command(4000, QStringLiteral("hdcp"), 1)));
        s.addEvent(copp::tests::event(level(4200, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.verdict(), Verdict::Protected);

        s.addEvent(copp::tests::event(ev("end", 5000, {{QStringLiteral("reason"), QStringLiteral("stopped")}})));
        QVERIFY(!s.running());
        QCOMPARE(s.verdict(), Verdict::Protected); // the last word stays on screen
        s.clear();
        QCOMPARE(s.verdict(), Verdict::Unknown);
        QVERIFY(s.types().empty());
        QVERIFY(s.connector().isEmpty());
        QCOMPARE(s.sentence(), QStringLiteral("No session running"));
    }

    void linkLossIsNotUndoneByAStaleGlobalLevel()
    {
        // After link_lost the global level read before the loss says nothing about
        // the connector now; a local-level reply must not bring "protected" back.
        ProtectionState s;
        s.addEvent(copp::tests::event(ev("session_started", 0)));
        s.addEvent(copp::tests::event(command(1, QStringLiteral("hdcp"), 1)));
        s.addEvent(copp::tests::event(level(200, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.verdict(), Verdict::Protected);
        s.addEvent(copp::tests::event(alert(3000, QStringLiteral("link_lost"), QStringLiteral("connector-type: status flags carry LinkLost"))));
        QCOMPARE(s.verdict(), Verdict::Unknown);
        s.addEvent(copp::tests::event(level(3001, "local-level", QStringLiteral("hdcp"), 0))); // the poll's next reply
        QVERIFY(s.verdict() != Verdict::Protected);
    }

    void unauthenticatedRepliesAreIgnored_data()
    {
        QTest::addColumn<QJsonObject>("reply");
        QTest::newRow("mac") << level(300, "global-level", QStringLiteral("hdcp"), 0, checks(false, true, true));
        QTest::newRow("size") << level(300, "global-level", QStringLiteral("hdcp"), 0, checks(true, false, true));
        QTest::newRow("random") << level(300, "global-level", QStringLiteral("hdcp"), 0, checks(true, true, false));
        QTest::newRow("failed call") << level(300, "global-level", QStringLiteral("hdcp"), 0, checks(), false);
        QTest::newRow("local, bad mac") << level(300, "local-level", QStringLiteral("hdcp"), 0, checks(false, true, true));
    }

    void unauthenticatedRepliesAreIgnored()
    {
        QFETCH(QJsonObject, reply);
        ProtectionState s;
        s.addEvent(copp::tests::event(ev("session_started", 0)));
        s.addEvent(copp::tests::event(connector(1, QStringLiteral("HDMI"))));
        s.addEvent(copp::tests::event(command(2, QStringLiteral("hdcp"), 1)));
        s.addEvent(copp::tests::event(level(200, "local-level", QStringLiteral("hdcp"), 1)));
        s.addEvent(copp::tests::event(level(201, "global-level", QStringLiteral("hdcp"), 1)));
        QCOMPARE(s.verdict(), Verdict::Protected);
        s.addEvent(copp::tests::event(reply));
        QCOMPARE(s.verdict(), Verdict::Protected);
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).global, 1);
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).local, 1);
        // Nor is a connector in an unauthenticated reply.
        s.addEvent(copp::tests::event(connector(301, QStringLiteral("DVI"), checks(false))));
        QCOMPARE(s.connector(), QStringLiteral("HDMI"));
        // A failed command is not a request.
        s.addEvent(copp::tests::event(command(400, QStringLiteral("hdcp"), 0, false)));
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).requested, 1);
        QCOMPARE(s.verdict(), Verdict::Protected);
    }

    void precedenceDecides_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("global");
        QTest::addColumn<int>("verdict");
        // §5.2: ACP precedence is 0 < 1 < 3 < 2.
        QTest::newRow("acp asked 3, global 2") << "acp" << 3 << 2 << int(Verdict::Protected);
        QTest::newRow("acp asked 2, global 3") << "acp" << 2 << 3 << int(Verdict::NotProtected);
        QTest::newRow("acp asked 2, global 2") << "acp" << 2 << 2 << int(Verdict::Protected);
        QTest::newRow("acp asked 3, global 1") << "acp" << 3 << 1 << int(Verdict::NotProtected);
        QTest::newRow("acp asked 1, global 3") << "acp" << 1 << 3 << int(Verdict::Protected);
        QTest::newRow("acp asked 0, global 0") << "acp" << 0 << 0 << int(Verdict::Protected);
        // CGMS-A: Off < CopyFreely < CopyOneGeneration (3) < CopyNoMore (2) < CopyNever (4).
        QTest::newRow("cgmsa asked 3, global 2") << "cgmsa" << 3 << 2 << int(Verdict::Protected);
        QTest::newRow("cgmsa asked 2, global 3") << "cgmsa" << 2 << 3 << int(Verdict::NotProtected);
        QTest::newRow("cgmsa asked 4, global 2") << "cgmsa" << 4 << 2 << int(Verdict::NotProtected);
        QTest::newRow("hdcp asked 1, global 0") << "hdcp" << 1 << 0 << int(Verdict::NotProtected);
        QTest::newRow("hdcp asked 1, global 1") << "hdcp" << 1 << 1 << int(Verdict::Protected);
        QTest::newRow("dpcp asked 1, global 1") << "dpcp" << 1 << 1 << int(Verdict::Protected);
    }

    void precedenceDecides()
    {
        QFETCH(QString, type);
        QFETCH(int, requested);
        QFETCH(int, global);
        QFETCH(int, verdict);
        ProtectionState s;
        s.addEvent(copp::tests::event(ev("session_started", 0)));
        s.addEvent(copp::tests::event(command(1, type, requested)));
        s.addEvent(copp::tests::event(level(1 + ProtectionState::kEngageGraceMs, "global-level", type, global))); // after the engage grace
        QCOMPARE(int(s.types().at(type).verdict), verdict);
        QCOMPARE(int(s.verdict()), verdict);
        // A request the connector already meets is protected at once; one it does
        // not meet is "not confirmed yet" until the engage grace has passed.
        ProtectionState t;
        t.addEvent(copp::tests::event(ev("session_started", 0)));
        t.addEvent(copp::tests::event(level(100, "global-level", type, global)));
        QCOMPARE(t.verdict(), Verdict::Unknown); // not asked for
        t.addEvent(copp::tests::event(command(101, type, requested)));
        QCOMPARE(int(t.verdict()), verdict == int(Verdict::Protected) ? verdict : int(Verdict::Unknown));
        t.addEvent(copp::tests::event(level(101 + ProtectionState::kEngageGraceMs, "global-level", type, global)));
        QCOMPARE(int(t.verdict()), verdict);
    }

    void overallVerdictCombinesTheTypes()
    {
        ProtectionState s;
        s.addEvent(copp::tests::event(ev("session_started", 0)));
        s.addEvent(copp::tests::event(connector(1, QStringLiteral("S-Video"))));
        s.addEvent(copp::tests::event(command(2, QStringLiteral("acp"), 3)));
        s.addEvent(copp::tests::event(command(3, QStringLiteral("cgmsa"), 2)));
        s.addEvent(copp::tests::event(level(100, "global-level", QStringLiteral("acp"), 2)));
        QCOMPARE(s.verdict(), Verdict::Unknown); // CGMS-A not read yet
        QCOMPARE(s.sentence(), QStringLiteral("S-Video output: protection not confirmed yet — ACP level 2, CGMSA not read yet"));
        s.addEvent(copp::tests::event(level(101, "global-level", QStringLiteral("cgmsa"), 4)));
        QCOMPARE(s.verdict(), Verdict::Protected);
        QCOMPARE(s.sentence(), QStringLiteral("S-Video output: PROTECTED — ACP level 2, CGMS-A copy never"));
        s.addEvent(copp::tests::event(level(200, "global-level", QStringLiteral("cgmsa"), 1)));
        QCOMPARE(s.verdict(), Verdict::NotProtected); // one type is enough
        QCOMPARE(s.sentence(), QStringLiteral("S-Video output: NOT PROTECTED — ACP level 2, CGMS-A copy freely"));
        // A level read for a type nobody asked for does not count.
        s.addEvent(copp::tests::event(level(201, "global-level", QStringLiteral("hdcp"), 0)));
        QCOMPARE(s.types().at(QStringLiteral("hdcp")).verdict, Verdict::Unknown);
        s.addEvent(copp::tests::event(level(300, "global-level", QStringLiteral("cgmsa"), 2)));
        QCOMPARE(s.verdict(), Verdict::Protected);
    }

    void typeTexts()
    {
        QCOMPARE(ProtectionState::typeText(QStringLiteral("hdcp"), 1), QStringLiteral("HDCP on"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("hdcp"), 0), QStringLiteral("HDCP off"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("dpcp"), 1), QStringLiteral("DPCP on"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("acp"), 0), QStringLiteral("ACP off"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("acp"), 3), QStringLiteral("ACP level 3"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("cgmsa"), 3), QStringLiteral("CGMS-A copy one generation"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("cgmsa"), 2 | int(protocol::cgmsa::RedistributionControlRequired)),
                 QStringLiteral("CGMS-A copy no more"));
        QCOMPARE(ProtectionState::typeText(QStringLiteral("cgmsa"), 0), QStringLiteral("CGMS-A off"));
    }
};

QTEST_GUILESS_MAIN(TestSessionModels)
#include "tst_sessionmodels.moc"
