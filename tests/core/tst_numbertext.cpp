// SPDX-License-Identifier: BSD-3-Clause
// util::parseU32: numbers typed for sequence numbers and merits. Decimal with
// leading zeros stays decimal (C's base 0 read "010" as 8 and refused "08"),
// hex only after 0x, and nothing that toULongLong would quietly accept.
#include <core/util/numbertext.h>

#include <QtTest>

using copp::util::parseU32;

class TestNumberText : public QObject {
    Q_OBJECT
private slots:
    void accepted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint32>("value");
        QTest::newRow("zero") << "0" << 0u;
        QTest::newRow("decimal") << "600" << 600u;
        QTest::newRow("leading zero is decimal") << "010" << 10u;
        QTest::newRow("08") << "08" << 8u;
        QTest::newRow("hex") << "0x600000" << 0x600000u;
        QTest::newRow("HEX") << "0XABCDEF01" << 0xABCDEF01u;
        QTest::newRow("largest") << "4294967295" << 4294967295u;
        QTest::newRow("largest hex") << "0xffffffff" << 4294967295u;
    }
    void accepted()
    {
        QFETCH(QString, text);
        QFETCH(quint32, value);
        const auto parsed = parseU32(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, value);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("text");
        for (const char* text : {"", "0x", "-1", "+5", " 5", "5 ", "4294967296", "0x100000000", "12a", "0xg", "1e3", "٣"})
            QTest::newRow(text[0] ? text : "empty") << QString::fromUtf8(text);
    }
    void refused()
    {
        QFETCH(QString, text);
        QVERIFY(!parseU32(text).has_value());
    }
};

QTEST_GUILESS_MAIN(TestNumberText)
#include "tst_numbertext.moc"
