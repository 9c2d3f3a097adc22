// SPDX-License-Identifier: BSD-3-Clause
// Known-answer tests for RSAES-OAEP as the OPM session start uses it
// (docs/protocol.md §7.4): "hash SHA-512, MGF1-SHA-512, empty label" (§12 Q4).
//
// Vectors: the public Wycheproof files in ../shared/vectors (INDEX.md there):
// - rsa_oaep_{2048,3072,4096}_sha512_mgf1sha512_test.json: the exact primitive;
//   every decodable row must decrypt to `msg`, every invalid row must fail.
// - rsa_oaep_{2048,3072,4096}_sha512_mgf1sha1_test.json: "must NOT decrypt with an
//   MGF1-SHA-512 decoder" — every row, valid for MGF1-SHA-1 or not, is rejected.
// A vector test skips (QSKIP, naming the file) when the folder is absent. Every
// loop counts its rows and the counts are asserted per file, so no check can pass
// by finding no rows.

#include <core/kernel/bytes.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/crypto/rsa.h>
#include <support/testsupport.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <optional>

using copp::Bytes;
using copp::ByteView;
using copp::crypto::RsaPrivateKey;
using copp::crypto::RsaPublicKey;

namespace {

using copp::tests::hexOf;
using copp::tests::parseHex;

template <typename T>
QByteArray errorText(const copp::Result<T>& result)
{
    return result ? QByteArray("(ok)") : QByteArray::fromStdString(result.error().detail);
}

// ---------------------------------------------------------------- vector files

struct VectorFile {
    QString path;
    bool exists() const { return QFileInfo(path).isFile(); }
    QByteArray skipMessage() const
    {
        return "vector file not found: " + path.toLocal8Bit() + " (COPP_SHARED_DIR names the shared folder)";
    }
};

VectorFile vectorFile(const QString& relativePath)
{
    QString shared = copp::tests::sharedDir();
    if (shared.isEmpty())
        shared = qEnvironmentVariable("COPP_SHARED_DIR", QStringLiteral("<COPP_SHARED_DIR unset>"));
    return {shared + QLatin1String("/vectors/") + relativePath};
}

std::optional<QJsonObject> readJson(const QString& path, QByteArray& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = "cannot open " + path.toLocal8Bit();
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        error = path.toLocal8Bit() + ": " + parseError.errorString().toLocal8Bit();
        return std::nullopt;
    }
    return doc.object();
}

QByteArray rowName(const QJsonObject& test)
{
    return "tcId " + QByteArray::number(test.value(u"tcId").toInt()) + " (" + test.value(u"result").toString().toLatin1()
        + ", " + test.value(u"comment").toString().toLatin1() + ")";
}

// Each Wycheproof group carries its private key as "privateKeyPkcs8" (DER, hex).
std::optional<RsaPrivateKey> groupKey(const QJsonObject& group, QByteArray& error)
{
    const auto der = parseHex(group.value(u"privateKeyPkcs8").toString());
    if (!der || der->empty()) {
        error = "a group without privateKeyPkcs8";
        return std::nullopt;
    }
    auto key = RsaPrivateKey::fromPkcs8(*der);
    if (!key) {
        error = errorText(key);
        return std::nullopt;
    }
    if (key->modulusBits() != std::size_t(group.value(u"keySize").toInt())) {
        error = "keySize " + QByteArray::number(group.value(u"keySize").toInt()) + " but the key has "
            + QByteArray::number(qulonglong(key->modulusBits())) + " bits";
        return std::nullopt;
    }
    return std::move(key.value());
}

// The row counts of INDEX.md and the files' own "numberOfTests".
struct OaepCounts {
    int decrypted = 0;     // valid (or acceptable) with the empty label: gave exactly `msg`
    int labelRejected = 0; // valid only for a non-empty label: must fail here
    int invalid = 0;       // invalid: must fail
    int total() const { return decrypted + labelRejected + invalid; }
};

} // namespace

Q_DECLARE_METATYPE(OaepCounts)

class TestOaepVectors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void sha512Mgf1Sha512_data();
    void sha512Mgf1Sha512();
    void mgf1Sha1RowsAreRejected_data();
    void mgf1Sha1RowsAreRejected();

    void roundTrip_data();
    void roundTrip();
    void messageLengthLimit();
    void deterministicWithSeededRandom();
    void randomSeedMakesEachCiphertextFresh();
    void rejectsMalformedCiphertexts();
    void rejectsTooSmallModulus();

private:
    std::optional<RsaPrivateKey> m_key; // 2048 bits, made once in initTestCase
};

void TestOaepVectors::initTestCase()
{
    auto key = RsaPrivateKey::generate(2048);
    QVERIFY2(key, errorText(key).constData());
    QCOMPARE(key->modulusBits(), std::size_t(2048));
    m_key = std::move(key.value());
}

// ---------------------------------------------------------------- Wycheproof SHA-512 / MGF1-SHA-512

void TestOaepVectors::sha512Mgf1Sha512_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keyBits");
    QTest::addColumn<OaepCounts>("expected");
    // Counted from the files (INDEX.md: "33 / 33 / 36"); no row is "acceptable".
    QTest::newRow("2048") << QStringLiteral("wycheproof/rsa_oaep_2048_sha512_mgf1sha512_test.json") << 2048
                          << OaepCounts{10, 4, 19};
    QTest::newRow("3072") << QStringLiteral("wycheproof/rsa_oaep_3072_sha512_mgf1sha512_test.json") << 3072
                          << OaepCounts{10, 5, 18};
    QTest::newRow("4096") << QStringLiteral("wycheproof/rsa_oaep_4096_sha512_mgf1sha512_test.json") << 4096
                          << OaepCounts{10, 7, 19};
}

void TestOaepVectors::sha512Mgf1Sha512()
{
    QFETCH(QString, file);
    QFETCH(int, keyBits);
    QFETCH(OaepCounts, expected);
    const VectorFile vectors = vectorFile(file);
    if (!vectors.exists())
        QSKIP(vectors.skipMessage().constData());
    QByteArray error;
    const auto root = readJson(vectors.path, error);
    QVERIFY2(root, error.constData());

    OaepCounts counts;
    int groups = 0;
    for (const QJsonValue groupValue : root->value(u"testGroups").toArray()) {
        const QJsonObject group = groupValue.toObject();
        QCOMPARE(group.value(u"sha").toString(), QStringLiteral("SHA-512"));
        QCOMPARE(group.value(u"mgf").toString(), QStringLiteral("MGF1"));
        QCOMPARE(group.value(u"mgfSha").toString(), QStringLiteral("SHA-512"));
        QCOMPARE(group.value(u"keySize").toInt(), keyBits);
        const auto key = groupKey(group, error);
        QVERIFY2(key, error.constData());
        ++groups;

        // The capacity k - 2*64 - 2 holds for every key size, and our ciphertexts
        // decrypt with the file's key.
        const std::size_t capacity = std::size_t(keyBits / 8) - copp::crypto::kOaepSha512Overhead;
        copp::crypto::DeterministicRandom random(static_cast<std::uint64_t>(keyBits));
        const Bytes longest(capacity, 0x6c);
        const auto fits = copp::crypto::encryptOaepSha512(key->publicKey(), longest, random);
        QVERIFY2(fits, errorText(fits).constData());
        QCOMPARE(fits->size(), std::size_t(keyBits / 8));
        const auto fitsBack = key->decryptOaepSha512(*fits);
        QVERIFY2(fitsBack && *fitsBack == longest, errorText(fitsBack).constData());
        QVERIFY(!copp::crypto::encryptOaepSha512(key->publicKey(), Bytes(capacity + 1, 0x6c), random));

        for (const QJsonValue testValue : group.value(u"tests").toArray()) {
            const QJsonObject test = testValue.toObject();
            const QByteArray row = rowName(test);
            const auto ct = parseHex(test.value(u"ct").toString());
            const auto msg = parseHex(test.value(u"msg").toString());
            const auto label = parseHex(test.value(u"label").toString());
            QVERIFY2(ct && msg && label, ("bad hex in " + row).constData());
            const auto decrypted = key->decryptOaepSha512(*ct);
            const QString result = test.value(u"result").toString();
            // (QVERIFY2 builds its message even when the check passes.)
            const QByteArray got = decrypted ? hexOf(*decrypted) : errorText(decrypted);

            if (result == u"invalid") {
                QVERIFY2(!decrypted, (row + ": accepted, message '" + got + "'").constData());
                QCOMPARE(decrypted.error().code, copp::Error::Code::Crypto);
                ++counts.invalid;
            } else if (result == u"valid" || result == u"acceptable") {
                if (label->empty()) {
                    QVERIFY2(decrypted, (row + ": " + got).constData());
                    QVERIFY2(*decrypted == *msg, (row + ": got " + got + ", want " + hexOf(*msg)).constData());
                    ++counts.decrypted;
                } else {
                    // §7.4 fixes the label as empty, so decryptOaepSha512 compares lHash with
                    // SHA-512("") and has no way to take another label. A row encrypted under a
                    // non-empty label therefore fails RFC 8017 §7.1.2 step 3g (lHash' != lHash):
                    // it is counted as a rejection, and asserting the failure shows that the
                    // label is really part of the check.
                    QVERIFY2(!decrypted, (row + ": decrypted despite the label, message '" + got + "'").constData());
                    ++counts.labelRejected;
                }
            } else {
                QFAIL(("unexpected result kind in " + row).constData());
            }
        }
    }
    qInfo("%s: %d group(s); %d rows decrypted to msg, %d labelled rows and %d invalid rows rejected",
          qPrintable(file), groups, counts.decrypted, counts.labelRejected, counts.invalid);
    QVERIFY(groups > 0);
    QCOMPARE(counts.total(), root->value(u"numberOfTests").toInt());
    QCOMPARE(counts.decrypted, expected.decrypted);
    QCOMPARE(counts.labelRejected, expected.labelRejected);
    QCOMPARE(counts.invalid, expected.invalid);
}

// ---------------------------------------------------------------- Wycheproof SHA-512 / MGF1-SHA-1

void TestOaepVectors::mgf1Sha1RowsAreRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("keyBits");
    QTest::addColumn<int>("validForMgf1Sha1"); // of which 3 per file carry a label
    QTest::addColumn<int>("invalid");
    // INDEX.md: "31 each", "must NOT decrypt with an MGF1-SHA-512 decoder".
    for (int bits : {2048, 3072, 4096})
        QTest::addRow("%d", bits) << QStringLiteral("wycheproof/rsa_oaep_%1_sha512_mgf1sha1_test.json").arg(bits)
                                  << bits << 13 << 18;
}

void TestOaepVectors::mgf1Sha1RowsAreRejected()
{
    QFETCH(QString, file);
    QFETCH(int, keyBits);
    QFETCH(int, validForMgf1Sha1);
    QFETCH(int, invalid);
    const VectorFile vectors = vectorFile(file);
    if (!vectors.exists())
        QSKIP(vectors.skipMessage().constData());
    QByteArray error;
    const auto root = readJson(vectors.path, error);
    QVERIFY2(root, error.constData());

    int groups = 0, rejectedValid = 0, rejectedValidEmptyLabel = 0, rejectedInvalid = 0;
    for (const QJsonValue groupValue : root->value(u"testGroups").toArray()) {
        const QJsonObject group = groupValue.toObject();
        QCOMPARE(group.value(u"sha").toString(), QStringLiteral("SHA-512"));
        QCOMPARE(group.value(u"mgfSha").toString(), QStringLiteral("SHA-1"));
        QCOMPARE(group.value(u"keySize").toInt(), keyBits);
        const auto key = groupKey(group, error);
        QVERIFY2(key, error.constData());
        ++groups;

        // The key itself is fine: a ciphertext of ours decrypts with it, so the
        // rejections below are the mask generation function's doing.
        const Bytes probe{0x4f, 0x50, 0x4d};
        const auto probeCt = copp::crypto::encryptOaepSha512(key->publicKey(), probe);
        QVERIFY2(probeCt, errorText(probeCt).constData());
        const auto probeBack = key->decryptOaepSha512(*probeCt);
        QVERIFY2(probeBack && *probeBack == probe, errorText(probeBack).constData());

        for (const QJsonValue testValue : group.value(u"tests").toArray()) {
            const QJsonObject test = testValue.toObject();
            const QByteArray row = rowName(test);
            const auto ct = parseHex(test.value(u"ct").toString());
            const auto label = parseHex(test.value(u"label").toString());
            QVERIFY2(ct && label, ("bad hex in " + row).constData());
            const auto decrypted = key->decryptOaepSha512(*ct);
            const QByteArray got = decrypted ? hexOf(*decrypted) : QByteArray();
            QVERIFY2(!decrypted, (row + ": an MGF1-SHA-1 row decrypted, message '" + got + "'").constData());
            const QString result = test.value(u"result").toString();
            if (result == u"invalid") {
                ++rejectedInvalid;
            } else {
                ++rejectedValid;
                if (label->empty())
                    ++rejectedValidEmptyLabel;
            }
        }
    }
    qInfo("%s: %d group(s); all %d MGF1-SHA-1-valid rows (%d with the empty label) and %d invalid rows rejected",
          qPrintable(file), groups, rejectedValid, rejectedValidEmptyLabel, rejectedInvalid);
    QVERIFY(groups > 0);
    QCOMPARE(rejectedValid + rejectedInvalid, root->value(u"numberOfTests").toInt());
    QCOMPARE(rejectedValid, validForMgf1Sha1);
    QCOMPARE(rejectedValidEmptyLabel, validForMgf1Sha1 - 3); // the ones only the MGF can spoil
    QCOMPARE(rejectedInvalid, invalid);
}

// ---------------------------------------------------------------- own key

void TestOaepVectors::roundTrip_data()
{
    QTest::addColumn<int>("length");
    for (int length : {0, 1, 40, 64, 125, 126})
        QTest::addRow("%d bytes", length) << length;
}

void TestOaepVectors::roundTrip()
{
    QFETCH(int, length);
    Bytes message(static_cast<std::size_t>(length));
    for (std::size_t i = 0; i < message.size(); ++i)
        message[i] = static_cast<std::uint8_t>(0xa5 ^ i);
    copp::crypto::SystemRandom random;
    const auto ct = copp::crypto::encryptOaepSha512(m_key->publicKey(), message, random);
    QVERIFY2(ct, errorText(ct).constData());
    QCOMPARE(ct->size(), std::size_t(256)); // "k-byte big-endian output"
    const auto back = m_key->decryptOaepSha512(*ct);
    QVERIFY2(back, errorText(back).constData());
    QCOMPARE(hexOf(*back), hexOf(message));
    // Not a PKCS#1 v1.5 block: the other decoder refuses it.
    QVERIFY(!m_key->decryptPkcs1v15(*ct));
}

void TestOaepVectors::messageLengthLimit()
{
    // §7.4: "Message capacity with SHA-512 and k = 256 is 256 − 2·64 − 2 = 126 bytes."
    QCOMPARE(copp::crypto::kOaepSha512Overhead, std::size_t(130));
    copp::crypto::DeterministicRandom random(7);
    const auto at126 = copp::crypto::encryptOaepSha512(m_key->publicKey(), Bytes(126, 0x7e), random);
    QVERIFY2(at126, errorText(at126).constData());
    for (std::size_t length : {std::size_t(127), std::size_t(128), std::size_t(256), std::size_t(1000)}) {
        const auto tooLong = copp::crypto::encryptOaepSha512(m_key->publicKey(), Bytes(length, 0x7f), random);
        QVERIFY2(!tooLong, QByteArray::number(qulonglong(length)).constData());
        QCOMPARE(tooLong.error().code, copp::Error::Code::Crypto);
    }
}

void TestOaepVectors::deterministicWithSeededRandom()
{
    // The seed is the only randomness (RFC 8017 §7.1.1 step 2d): the same source
    // state gives the same ciphertext, so seeded emulator runs repeat byte for byte.
    const Bytes message{0x10, 0x11, 0x12, 0x13};
    copp::crypto::DeterministicRandom first(2024), second(2024), other(2025);
    const auto a = copp::crypto::encryptOaepSha512(m_key->publicKey(), message, first);
    const auto b = copp::crypto::encryptOaepSha512(m_key->publicKey(), message, second);
    const auto c = copp::crypto::encryptOaepSha512(m_key->publicKey(), message, other);
    QVERIFY2(a && b && c, (errorText(a) + errorText(b) + errorText(c)).constData());
    QCOMPARE(hexOf(*a), hexOf(*b));
    QVERIFY2(*a != *c, "a different seed gave the same ciphertext");
    for (const auto* ct : {&*a, &*c}) {
        const auto back = m_key->decryptOaepSha512(*ct);
        QVERIFY2(back, errorText(back).constData());
        QCOMPARE(hexOf(*back), hexOf(message));
    }
}

void TestOaepVectors::randomSeedMakesEachCiphertextFresh()
{
    const Bytes message(40, 0x33);
    const auto a = copp::crypto::encryptOaepSha512(m_key->publicKey(), message);
    const auto b = copp::crypto::encryptOaepSha512(m_key->publicKey(), message);
    QVERIFY2(a && b, (errorText(a) + errorText(b)).constData());
    QVERIFY2(*a != *b, "two encryptions with the system generator were equal");
}

void TestOaepVectors::rejectsMalformedCiphertexts()
{
    // "Crypto error on any decoding failure; never throws."
    const auto good = copp::crypto::encryptOaepSha512(m_key->publicKey(), Bytes(40, 0x40));
    QVERIFY2(good, errorText(good).constData());
    const RsaPublicKey pub = m_key->publicKey();

    Bytes shorter(good->begin() + 1, good->end());
    Bytes longer = *good;
    longer.insert(longer.begin(), 0x00); // a leading zero does not make it k bytes
    Bytes modulus = pub.modulus;          // c = n: "ciphertext representative out of range"
    Bytes allOnes(256, 0xff);             // c > n
    Bytes zero(256, 0x00);                // c = 0 decrypts to EM = 0: no 0x01 separator
    for (const Bytes* ct : {&shorter, &longer, &modulus, &allOnes, &zero}) {
        const auto r = m_key->decryptOaepSha512(*ct);
        QVERIFY2(!r, hexOf(*ct).left(16).constData());
        QCOMPARE(r.error().code, copp::Error::Code::Crypto);
    }
    QVERIFY(!m_key->decryptOaepSha512(Bytes{}));

    // Every single-bit flip of a good ciphertext is refused (a sample of positions).
    for (std::size_t position : {std::size_t(0), std::size_t(1), std::size_t(64), std::size_t(128), std::size_t(255)}) {
        Bytes flipped = *good;
        flipped[position] ^= 0x01;
        const auto r = m_key->decryptOaepSha512(flipped);
        QVERIFY2(!r, QByteArray::number(qulonglong(position)).constData());
    }
}

void TestOaepVectors::rejectsTooSmallModulus()
{
    // k must be at least 2hLen + 2 = 130 bytes; a 1024-bit key (128 bytes) cannot
    // carry even an empty message with SHA-512.
    const auto small = RsaPrivateKey::generate(1024);
    QVERIFY2(small, errorText(small).constData());
    const auto ct = copp::crypto::encryptOaepSha512(small->publicKey(), Bytes{});
    QVERIFY(!ct);
    QCOMPARE(ct.error().code, copp::Error::Code::Crypto);
    const auto plain = small->decryptOaepSha512(Bytes(128, 0x01));
    QVERIFY(!plain);
    QCOMPARE(plain.error().code, copp::Error::Code::Crypto);

    // A degenerate public key is an error, not an exception.
    QVERIFY(!copp::crypto::encryptOaepSha512(RsaPublicKey{}, Bytes{}));
    RsaPublicKey evenModulus = m_key->publicKey();
    evenModulus.modulus.back() &= 0xfe;
    QVERIFY(!copp::crypto::encryptOaepSha512(evenModulus, Bytes(4, 0)));
}

QTEST_GUILESS_MAIN(TestOaepVectors)
#include "tst_oaepvectors.moc"
