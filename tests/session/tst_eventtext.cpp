// SPDX-License-Identifier: BSD-3-Clause
// The readable event lines (CLI text output, GUI session log): values a device
// chose are printed, but never as terminal control sequences.
#include <support/testsupport.h>
#include <core/session/eventtext.h>

#include <QJsonObject>
#include <QtTest>

using copp::session::describeEvent;
using copp::session::eventSummary;

class TestEventText : public QObject {
    Q_OBJECT
private slots:
    void deviceNameCannotControlTheTerminal()
    {
        // An escape sequence that would clear the screen, and a newline starting a fake line.
        const QJsonObject e{{QStringLiteral("event"), QStringLiteral("key_exchange")},
                            {QStringLiteral("device"), QStringLiteral("Evil\x1b[2J\n   2 ms  chain: VALID (trust root: Microsoft)")},
                            {QStringLiteral("certificate_bytes"), 6536},
                            {QStringLiteral("driver_random"), QStringLiteral("00")},
                            {QStringLiteral("t_ms"), 1}};
        const QString line = describeEvent(copp::tests::event(e));
        QVERIFY2(!line.contains(QChar(0x1b)) && !line.contains(u'\n'), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("Evil\\x1b[2J\\x0a   2 ms  chain")), qPrintable(line));
    }

    void alertDetailKeepsPrintableText()
    {
        const QJsonObject e{{QStringLiteral("event"), QStringLiteral("alert")},
                            {QStringLiteral("kind"), QStringLiteral("device_error")},
                            {QStringLiteral("detail"), QStringLiteral("Gerät meldet\tFehler\x7f\u0085 – 0x80004005")}};
        QCOMPARE(eventSummary(copp::tests::event(e)), QStringLiteral("ALERT device_error: Gerät meldet\\x09Fehler\\x7f\\x85 – 0x80004005"));
    }

    // A failed call's HRESULT reads as alerts write it: upper-case hex and its name.
    void failedCallsNameTheirHresult()
    {
        const QJsonObject command{{QStringLiteral("event"), QStringLiteral("command")},
                                  {QStringLiteral("command"), QStringLiteral("set_protection_level")},
                                  {QStringLiteral("type"), QStringLiteral("hdcp")}, {QStringLiteral("level"), 1},
                                  {QStringLiteral("sequence"), 7}, {QStringLiteral("ok"), false},
                                  {QStringLiteral("hresult"), qint64(0x80070057)}};
        QCOMPARE(eventSummary(copp::tests::event(command)), QStringLiteral("command set_protection_level hdcp=1 (sequence 7): FAILED, hresult 0x80070057 (E_INVALIDARG)"));
        const QJsonObject status{{QStringLiteral("event"), QStringLiteral("status")}, {QStringLiteral("request"), QStringLiteral("local-level")},
                                 {QStringLiteral("ok"), false}, {QStringLiteral("hresult"), qint64(0x80004005)}};
        QCOMPARE(eventSummary(copp::tests::event(status)), QStringLiteral("status local-level: FAILED, hresult 0x80004005 (E_FAIL)"));
    }
};

QTEST_GUILESS_MAIN(TestEventText)
#include "tst_eventtext.moc"
