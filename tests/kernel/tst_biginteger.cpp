// SPDX-License-Identifier: BSD-3-Clause
// integerFromBigEndian (the kernel's bytes-to-Integer conversion) against
// Crypto++'s own decoder: edge cases and random lengths up to 4096 bits.
#include <core/kernel/crypto/biginteger.h>

#include <QRandomGenerator>
#include <QtTest>

#include <vector>

using copp::Bytes;

namespace {

CryptoPP::Integer reference(const Bytes& bytes)
{
    return CryptoPP::Integer(bytes.data(), bytes.size(), CryptoPP::Integer::UNSIGNED, CryptoPP::BIG_ENDIAN_ORDER);
}

QString hex(const CryptoPP::Integer& value)
{
    std::vector<CryptoPP::byte> out(value.MinEncodedSize());
    value.Encode(out.data(), out.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out.data()), static_cast<qsizetype>(out.size())).toHex());
}

} // namespace

class TestBigInteger : public QObject {
    Q_OBJECT
private slots:
    void edgeCases_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("zero") << QByteArray(1, '\0');
        QTest::newRow("many zeros") << QByteArray(300, '\0');
        QTest::newRow("one") << QByteArray("\x01");
        QTest::newRow("65537") << QByteArray("\x01\x00\x01", 3);
        QTest::newRow("leading zeros") << QByteArray("\x00\x00\x00\x80\xff", 5);
        QTest::newRow("word boundary") << QByteArray("\x01\x02\x03\x04\x05\x06\x07\x08\x09", 9);
        QTest::newRow("all ones, 256 bytes") << QByteArray(256, '\xff');
    }

    void edgeCases()
    {
        QFETCH(QByteArray, bytes);
        const Bytes b(bytes.begin(), bytes.end());
        const CryptoPP::Integer mine = copp::crypto::integerFromBigEndian(b);
        QCOMPARE(hex(mine), hex(reference(b)));
        QVERIFY(mine == reference(b));
        QCOMPARE(mine.BitCount(), reference(b).BitCount());
        QCOMPARE(mine.IsNegative(), false);
    }

    void randomValues()
    {
        QRandomGenerator random(4096);
        for (int round = 0; round < 2000; ++round) {
            Bytes b(static_cast<std::size_t>(random.bounded(513)));
            for (auto& byte : b)
                byte = static_cast<std::uint8_t>(random.bounded(256));
            const CryptoPP::Integer mine = copp::crypto::integerFromBigEndian(b);
            const CryptoPP::Integer theirs = reference(b);
            if (!(mine == theirs))
                QFAIL(qPrintable(QStringLiteral("%1 bytes: %2 vs %3").arg(b.size()).arg(hex(mine), hex(theirs))));
            // Arithmetic on the result must not see the register's spare words.
            QVERIFY((mine + 1) - 1 == theirs);
            QVERIFY(mine.IsEven() == theirs.IsEven());
        }
    }
};

QTEST_GUILESS_MAIN(TestBigInteger)
#include "tst_biginteger.moc"
