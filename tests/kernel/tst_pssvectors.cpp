// SPDX-License-Identifier: BSD-3-Clause
// Known-answer tests for the kernel's crypto as COPP uses it.
//
// docs/protocol.md §8.1: "Signature/SignatureValue = RSASSA-PSS signature (PKCS#1 v2.1,
// hash SHA-1, MGF1-SHA-1, sLen = 0)". PssSha1Verifier must accept exactly that and
// nothing else, and decodePssSha1 must say what a rejected signature is instead
// (the GUI's "valid PSS but salt 20").
//
// The vectors are the public Wycheproof and NIST CAVP files in ../shared/vectors
// (INDEX.md there says what each one is for). A vector test skips, naming the
// missing file, when that folder is absent. Every loop counts the rows it checked
// and the test asserts those counts, so no check can pass by finding no rows.

#include <core/kernel/bytes.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/crypto/sha.h>
#include <core/validation/trustroot.h>
#include <support/testsupport.h>

#include <core/util/byteview.h>

#include <cryptopp/filters.h>
#include <cryptopp/rsa.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>
#include <optional>
#include <vector>

using copp::Bytes;
using copp::ByteView;
using copp::crypto::PssDecoding;
using copp::crypto::PssSha1Verifier;
using copp::crypto::RsaPublicKey;

namespace {

// ---------------------------------------------------------------- bytes and hex

using copp::tests::hexOf;
using copp::tests::parseHex;
constexpr auto view = copp::util::byteView;

// ---------------------------------------------------------------- vector files

struct VectorFile {
    QString path;
    bool exists() const { return QFileInfo(path).isFile(); }
    QByteArray skipMessage() const
    {
        return "vector file not found: " + path.toLocal8Bit() + " (COPP_SHARED_DIR names the shared folder)";
    }
};

VectorFile vectorFile(const char* relativePath)
{
    QString shared = copp::tests::sharedDir();
    if (shared.isEmpty())
        shared = qEnvironmentVariable("COPP_SHARED_DIR", QStringLiteral("<COPP_SHARED_DIR unset>"));
    return {shared + QLatin1String("/vectors/") + QLatin1String(relativePath)};
}

template <typename T>
QByteArray errorText(const copp::Result<T>& result)
{
    return result ? QByteArray() : QByteArray::fromStdString(result.error().detail);
}

// ---------------------------------------------------------------- PSS diagnosis

const char* stageName(PssDecoding::Stage stage)
{
    switch (stage) {
    case PssDecoding::Stage::BadSignatureLength: return "BadSignatureLength";
    case PssDecoding::Stage::OutOfRange: return "OutOfRange";
    case PssDecoding::Stage::EncodingTooShort: return "EncodingTooShort";
    case PssDecoding::Stage::BadTrailer: return "BadTrailer";
    case PssDecoding::Stage::NonZeroLeftBits: return "NonZeroLeftBits";
    case PssDecoding::Stage::BadPadding: return "BadPadding";
    case PssDecoding::Stage::Decoded: return "Decoded";
    }
    return "?";
}

QByteArray describe(const PssDecoding& d)
{
    return QString::asprintf("decoding: stage %s, salt %d, H %s H'", stageName(d.stage), d.recoveredSaltLength,
                             d.hashesMatch() ? "==" : "!=")
        .toLatin1();
}

// RFC 8017 §9.1.2 succeeds with a salt of `saltLength` bytes: a genuine PSS
// signature over the message, just not with COPP's sLen = 0 when saltLength > 0.
bool isValidPssWithSalt(const PssDecoding& d, int saltLength)
{
    return d.stage == PssDecoding::Stage::Decoded && d.recoveredSaltLength == saltLength && d.hashesMatch();
}

// ---------------------------------------------------------------- Wycheproof JSON

// Wycheproof's publicKeyDer is an X.509 SubjectPublicKeyInfo (rsaEncryption);
// COPP keys are big-endian modulus and exponent bytes.
Bytes bigEndian(const CryptoPP::Integer& value)
{
    Bytes out(value.MinEncodedSize());
    value.Encode(out.data(), out.size());
    return out;
}

std::optional<RsaPublicKey> keyFromSubjectPublicKeyInfo(const Bytes& der)
{
    try {
        CryptoPP::RSA::PublicKey key;
        CryptoPP::ArraySource source(der.data(), der.size(), true);
        key.Load(source);
        return RsaPublicKey{bigEndian(key.GetModulus()), bigEndian(key.GetPublicExponent())};
    } catch (const CryptoPP::Exception&) {
        return std::nullopt;
    }
}

struct WycheproofTest {
    int tcId = 0;
    QString result; // valid / invalid / acceptable
    QString comment;
    Bytes msg;
    Bytes sig;
    bool isValid() const { return result == u"valid"; }

    // Wycheproof makes some invalid rows by signing correctly with another salt
    // length; the comment then reads "s_len changed to N".
    std::optional<int> resignedSaltLength() const
    {
        static const QLatin1String prefix("s_len changed to ");
        bool ok = false;
        const int n = comment.startsWith(prefix) ? QStringView(comment).mid(prefix.size()).toInt(&ok) : 0;
        return ok ? std::optional<int>(n) : std::nullopt;
    }
};

struct WycheproofGroup {
    QString sha;
    QString mgfSha;
    int sLen = -1;
    RsaPublicKey key;
    std::vector<WycheproofTest> tests;

    // docs/protocol.md §8.1: "Hash = SHA-1, hLen = 20, MGF = MGF1 (SHA-1)" (any salt length).
    bool usesSha1Throughout() const { return sha == u"SHA-1" && mgfSha == u"SHA-1"; }
    // ... and "sLen = 0": exactly what COPP signs.
    bool isCoppSignature() const { return usesSha1Throughout() && sLen == 0; }

    QByteArray parameters() const
    {
        return QString::asprintf("%s / MGF1-%s / sLen %d", qPrintable(sha), qPrintable(mgfSha), sLen).toLatin1();
    }
    QByteArray row(const WycheproofTest& test) const
    {
        return QString::asprintf("tcId %d (%s, %s)", test.tcId, parameters().constData(), qPrintable(test.result))
            .toLatin1();
    }
};

struct WycheproofFile {
    int numberOfTests = -1; // as the file declares it
    std::vector<WycheproofGroup> groups;
    QByteArray error; // empty when the file was read completely
};

WycheproofFile loadWycheproofPss(const QString& path)
{
    WycheproofFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = "cannot open " + path.toLocal8Bit();
        return out;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        out.error = path.toLocal8Bit() + ": " + parseError.errorString().toLocal8Bit();
        return out;
    }
    const QJsonObject root = doc.object();
    out.numberOfTests = root.value(u"numberOfTests").toInt(-1);
    for (const QJsonValue groupValue : root.value(u"testGroups").toArray()) {
        const QJsonObject g = groupValue.toObject();
        WycheproofGroup group;
        group.sha = g.value(u"sha").toString();
        group.mgfSha = g.value(u"mgfSha").toString();
        group.sLen = g.value(u"sLen").toInt(-1);
        const auto der = parseHex(g.value(u"publicKeyDer").toString());
        const auto key = der ? keyFromSubjectPublicKeyInfo(*der) : std::nullopt;
        if (!key) {
            out.error = "unreadable publicKeyDer in group " + group.parameters();
            return out;
        }
        group.key = *key;
        for (const QJsonValue testValue : g.value(u"tests").toArray()) {
            const QJsonObject t = testValue.toObject();
            WycheproofTest test;
            test.tcId = t.value(u"tcId").toInt();
            test.result = t.value(u"result").toString();
            test.comment = t.value(u"comment").toString();
            const auto msg = parseHex(t.value(u"msg").toString());
            const auto sig = parseHex(t.value(u"sig").toString());
            if (!msg || !sig) {
                out.error = "bad msg/sig hex in " + group.row(test);
                return out;
            }
            test.msg = *msg;
            test.sig = *sig;
            group.tests.push_back(std::move(test));
        }
        out.groups.push_back(std::move(group));
    }
    if (out.groups.empty())
        out.error = path.toLocal8Bit() + ": no testGroups";
    return out;
}

// ---------------------------------------------------------------- NIST CAVP .rsp

struct CavpRecord {
    int line = 0;       // of the SHAAlg line, for messages
    int modBits = 0;    // from "[mod = N]"
    QString shaAlg;     // SHA1, SHA224, ...
    Bytes n, e, msg, s;
    QString saltHex;    // SaltVal as written; CAVP writes an empty salt as "00"
    QString result;     // "P" or "F (reason)"

    bool passes() const { return result.startsWith(u'P'); }
    bool hasEmptySalt() const { return saltHex == u"00"; }
    int saltLength() const { return hasEmptySalt() ? 0 : static_cast<int>(saltHex.size() / 2); }
    QByteArray row() const
    {
        return QString::asprintf("SigVerPSS line %d (mod %d, %s, salt %d bytes, Result = %s)", line, modBits,
                                 qPrintable(shaAlg), saltLength(), qPrintable(result))
            .toLatin1();
    }
};

struct CavpFile {
    std::vector<CavpRecord> records;
    QByteArray error;
};

// "[mod = N]" opens a section; "n = hex" sets the modulus for the records that
// follow; a record runs from "SHAAlg = ..." to "Result = ...". Keys this test
// does not need (p, q, d, "EM with hash moved") are ignored.
CavpFile loadCavpSigVerPss(const QString& path)
{
    CavpFile out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        out.error = "cannot open " + path.toLocal8Bit();
        return out;
    }
    const QString text = QString::fromLatin1(file.readAll());
    int modBits = 0;
    Bytes n;
    std::optional<CavpRecord> record;
    int lineNumber = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            const qsizetype eq = line.indexOf(u'=');
            modBits = eq < 0 ? 0 : line.mid(eq + 1).chopped(1).trimmed().toInt();
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0) {
            out.error = "line " + QByteArray::number(lineNumber) + ": no '='";
            return out;
        }
        const QStringView key = line.left(eq).trimmed();
        const QStringView value = line.mid(eq + 1).trimmed();
        auto hexInto = [&](Bytes& target) {
            auto bytes = parseHex(value);
            if (bytes)
                target = std::move(*bytes);
            else
                out.error = "line " + QByteArray::number(lineNumber) + ": bad hex";
            return bytes.has_value();
        };
        bool ok = true;
        if (key == u"n") {
            ok = hexInto(n);
        } else if (key == u"SHAAlg") {
            record = CavpRecord{lineNumber, modBits, value.toString(), n, {}, {}, {}, {}, {}};
        } else if (record && key == u"e") {
            ok = hexInto(record->e);
        } else if (record && key == u"Msg") {
            ok = hexInto(record->msg);
        } else if (record && key == u"S") {
            ok = hexInto(record->s);
        } else if (record && key == u"SaltVal") {
            Bytes ignored;
            ok = hexInto(ignored);
            record->saltHex = value.toString();
        } else if (record && key == u"Result") {
            record->result = value.toString();
            out.records.push_back(std::move(*record));
            record.reset();
        }
        if (!ok)
            return out;
    }
    if (out.records.empty())
        out.error = path.toLocal8Bit() + ": no records";
    return out;
}

} // namespace

class TestPssVectors : public QObject {
    Q_OBJECT

private slots:
    void sha1_data();
    void sha1();
    void toHex_data();
    void toHex();
    void constantTimeEqual_data();
    void constantTimeEqual();
    void microsoftRootKey();
    void signatureNotBelowModulusIsRejected();
    void keySizesAreBounded();
    void wycheproofPssGrid();
    void wycheproofSha1Salt20();
    void wycheproofSha256Salt0();
    void cavpSigVerPssSha1();
};

// ---------------------------------------------------------------- SHA-1, bytes

void TestPssVectors::sha1_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("digestHex");
    // FIPS 180 examples (the one-block, two-block and one-million-'a' messages).
    QTest::newRow("empty") << QByteArray() << QByteArray("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray("84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    QTest::newRow("million a") << QByteArray(1000000, 'a') << QByteArray("34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

void TestPssVectors::sha1()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, digestHex);
    const copp::crypto::Sha1Digest digest = copp::crypto::sha1(view(message));
    // Qt's own hex encoding, so this row does not depend on copp::toHex.
    const QByteArray actual = QByteArray(reinterpret_cast<const char*>(digest.data()), digest.size()).toHex();
    QCOMPARE(actual, digestHex);
}

void TestPssVectors::toHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("zero byte") << QByteArray(1, '\0') << QByteArray("00");
    // bytes.h: "Lowercase hex, the form every contract in this project uses."
    QTest::newRow("lowercase, leading zeros kept") << QByteArray::fromHex("000FA0FF") << QByteArray("000fa0ff");
    QByteArray all(256, '\0');
    for (int i = 0; i < 256; ++i)
        all[i] = static_cast<char>(i);
    QTest::newRow("every byte value") << all << all.toHex();
}

void TestPssVectors::toHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, hex);
    QCOMPARE(hexOf(view(bytes)), hex);
}

void TestPssVectors::constantTimeEqual_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    const QByteArray mac = QByteArray::fromHex("bb1d6929e95937287fa37d129b756746");
    QByteArray lastDiffers = mac;
    lastDiffers[15] = static_cast<char>(lastDiffers[15] ^ 0x01);
    QByteArray firstHighBit = mac;
    firstHighBit[0] = static_cast<char>(firstHighBit[0] ^ 0x80);
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("same bytes") << mac << QByteArray(mac.constData(), mac.size()) << true;
    QTest::newRow("last byte differs") << mac << lastDiffers << false;
    QTest::newRow("first byte high bit differs") << mac << firstHighBit << false;
    // A prefix is not equal: lengths count (a truncated MAC must not match).
    QTest::newRow("prefix") << mac << mac.left(15) << false;
    QTest::newRow("empty vs zero byte") << QByteArray() << QByteArray(1, '\0') << false;
}

void TestPssVectors::constantTimeEqual()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(copp::constantTimeEqual(view(a), view(b)), equal);
    QCOMPARE(copp::constantTimeEqual(view(b), view(a)), equal);
}

// ---------------------------------------------------------------- Microsoft root

void TestPssVectors::microsoftRootKey()
{
    const auto root = copp::validation::TrustRoot::microsoft();
    QVERIFY(root.isMicrosoft);
    const Bytes& modulus = root.key.modulus;
    // docs/protocol.md §8.1: "Decoded: 128 bytes, 1024 bits, odd; SHA-1 of the modulus
    // bytes bb9cee4dc512e78888bdc5e3a0bdaf61300bd470".
    QCOMPARE(modulus.size(), std::size_t(128));
    QVERIFY2(modulus.front() & 0x80, "1024 bits: the top bit of the first byte is set");
    QVERIFY2(modulus.back() & 0x01, "the modulus is odd");
    QCOMPARE(hexOf(copp::crypto::sha1(modulus)), QByteArray("bb9cee4dc512e78888bdc5e3a0bdaf61300bd470"));
    // §8.1: "exponent `AQAB`".
    QCOMPARE(hexOf(root.key.exponent), QByteArray("010001"));
    // And the verifier takes it as a 1024-bit key with 128-byte signatures.
    const auto verifier = PssSha1Verifier::create(root.key);
    QVERIFY2(verifier, errorText(verifier).constData());
    QCOMPARE(verifier->modulusBits(), std::size_t(1024));
    QCOMPARE(verifier->signatureLength(), std::size_t(128));
}

// RFC 8017 §8.1.2 step 2 (RSAVP1): "If the signature representative s is not
// between 0 and n - 1, output 'signature representative out of range'". s + n is
// the same residue as s, so a verifier that only reduces mod n would accept it.
void TestPssVectors::signatureNotBelowModulusIsRejected()
{
    const QByteArray message("Data bytes signed by the test");
    // s + n fits in k bytes only when s < 2^(8k) - n: look for a key and a message
    // where it does. Salt-0 signatures are deterministic, so vary the message.
    for (int attempt = 0; attempt < 20; ++attempt) {
        const auto key = copp::crypto::RsaPrivateKey::generate(1024);
        QVERIFY(key);
        const RsaPublicKey pub = key->publicKey();
        const auto verifier = PssSha1Verifier::create(pub);
        QVERIFY(verifier);
        const std::size_t k = verifier->signatureLength();
        const CryptoPP::Integer n(pub.modulus.data(), pub.modulus.size());
        for (int variant = 0; variant < 64; ++variant) {
            const QByteArray m = message + QByteArray::number(variant);
            const auto signature = key->sign(view(m));
            QVERIFY(signature);
            QVERIFY(verifier->verify(view(m), *signature));
            const CryptoPP::Integer lifted = CryptoPP::Integer(signature->data(), signature->size()) + n;
            if (lifted.MinEncodedSize() > k)
                continue;
            Bytes liftedBytes(k);
            lifted.Encode(liftedBytes.data(), liftedBytes.size());
            QVERIFY2(!verifier->verify(view(m), liftedBytes), "s + n must not verify");
            // The diagnosis names the same reason.
            QCOMPARE(copp::crypto::decodePssSha1(*verifier, view(m), liftedBytes).stage, PssDecoding::Stage::OutOfRange);
            return;
        }
    }
    QFAIL("no key in 20 had a signature s with s + n below 2^(8k)");
}

// ---------------------------------------------------------------- Wycheproof

// rsa_pss_misc_test.json: one valid signature per (hash, MGF1 hash, sLen) on a
// 2048-bit key. Only SHA-1 / MGF1-SHA-1 / sLen 0 (tcId 1) may verify.
// Keys read from a file are bounded before any arithmetic (an 8192-byte KeyInfo
// modulus with an exponent as long made one verification take 150 s). Odd numbers
// make valid-looking moduli: create() does not factor them.
void TestPssVectors::keySizesAreBounded()
{
    auto oddNumber = [](std::size_t bytes) {
        Bytes n(bytes, 0xA5);
        n.front() = 0xC3; // the top bit set: exactly 8 * bytes bits
        n.back() |= 1;
        return n;
    };
    const unsigned maxBytes = PssSha1Verifier::kMaxModulusBits / 8;
    const Bytes f4 = {0x01, 0x00, 0x01};
    QVERIFY(PssSha1Verifier::create({oddNumber(maxBytes), f4}));
    const auto tooLong = PssSha1Verifier::create({oddNumber(maxBytes + 1), f4});
    QVERIFY(!tooLong);
    QVERIFY2(tooLong.error().detail.find("16392 bits; at most 16384") != std::string::npos, tooLong.error().detail.c_str());

    const unsigned maxExponentBytes = PssSha1Verifier::kMaxExponentBits / 8;
    QVERIFY(PssSha1Verifier::create({oddNumber(256), oddNumber(maxExponentBytes)}));
    const auto longExponent = PssSha1Verifier::create({oddNumber(256), oddNumber(maxExponentBytes + 1)});
    QVERIFY(!longExponent);
    QVERIFY2(longExponent.error().detail.find("72 bits; at most 64") != std::string::npos, longExponent.error().detail.c_str());
}

void TestPssVectors::wycheproofPssGrid()
{
    const VectorFile file = vectorFile("wycheproof/rsa_pss_misc_test.json");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    const WycheproofFile vectors = loadWycheproofPss(file.path);
    QVERIFY2(vectors.error.isEmpty(), vectors.error.constData());

    int coppRows = 0, saltedSha1Rows = 0, salt20Rows = 0, otherHashRows = 0;
    for (const WycheproofGroup& group : vectors.groups) {
        const auto verifier = PssSha1Verifier::create(group.key);
        QVERIFY2(verifier, (group.parameters() + ": " + errorText(verifier)).constData());
        for (const WycheproofTest& test : group.tests) {
            const QByteArray row = group.row(test);
            const bool accepted = verifier->verify(test.msg, test.sig);
            if (group.isCoppSignature()) {
                // §8.1: "RSASSA-PSS ... hash SHA-1, MGF1-SHA-1, sLen = 0": COPP's own signature.
                QVERIFY2(accepted == test.isValid(), row.constData());
                ++coppRows;
            } else if (group.usesSha1Throughout()) {
                // sLen = 0 only: a correct SHA-1 PSS signature with a salt is rejected ...
                QVERIFY2(!accepted, row.constData());
                // ... and diagnosed as such ("valid PSS but salt N"); every row here is valid.
                const PssDecoding d = copp::crypto::decodePssSha1(*verifier, test.msg, test.sig);
                QVERIFY2(isValidPssWithSalt(d, group.sLen), (row + ": " + describe(d)).constData());
                ++saltedSha1Rows;
                if (group.sLen == 20)
                    ++salt20Rows;
            } else {
                // "Hash = SHA-1 ... MGF = MGF1 (SHA-1)": any other hash is rejected.
                QVERIFY2(!accepted, row.constData());
                ++otherHashRows;
            }
        }
    }
    qInfo("rsa_pss_misc_test.json: %d salt-0 SHA-1 rows, %d salted SHA-1 rows (%d with salt 20), "
          "%d other-hash rows",
          coppRows, saltedSha1Rows, salt20Rows, otherHashRows);
    QVERIFY(coppRows > 0);
    QVERIFY(salt20Rows > 0);
    QVERIFY(otherHashRows > 0);
    QCOMPARE(coppRows + saltedSha1Rows + otherHashRows, vectors.numberOfTests);
}

// rsa_pss_2048_sha1_mgf1_20_test.json: SHA-1 PSS with salt 20, valid and malformed.
// Every row is rejected except tcId 46, "s_len changed to 0": Wycheproof calls it
// invalid for a salt-20 verifier, but it is a correct sLen = 0 signature, i.e.
// exactly what COPP signs, so COPP's verifier must accept it.
void TestPssVectors::wycheproofSha1Salt20()
{
    const VectorFile file = vectorFile("wycheproof/rsa_pss_2048_sha1_mgf1_20_test.json");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    const WycheproofFile vectors = loadWycheproofPss(file.path);
    QVERIFY2(vectors.error.isEmpty(), vectors.error.constData());

    int validRows = 0, resignedRows = 0, resignedSalt0Rows = 0, malformedRows = 0;
    for (const WycheproofGroup& group : vectors.groups) {
        QVERIFY2(group.usesSha1Throughout() && group.sLen == 20, group.parameters().constData());
        const auto verifier = PssSha1Verifier::create(group.key);
        QVERIFY2(verifier, (group.parameters() + ": " + errorText(verifier)).constData());
        for (const WycheproofTest& test : group.tests) {
            const QByteArray row = group.row(test) + " \"" + test.comment.toLatin1() + '"';
            const bool accepted = verifier->verify(test.msg, test.sig);
            const PssDecoding d = copp::crypto::decodePssSha1(*verifier, test.msg, test.sig);
            const std::optional<int> resignedSalt = test.resignedSaltLength();
            if (test.isValid()) {
                // "sLen = 0": a valid salt-20 signature is rejected ...
                QVERIFY2(!accepted, row.constData());
                // ... and the diagnosis names the real difference: valid PSS, salt 20.
                QVERIFY2(isValidPssWithSalt(d, 20), (row + ": " + describe(d)).constData());
                ++validRows;
            } else if (resignedSalt) {
                // Signed correctly with salt N: verifies exactly when N is COPP's 0 ...
                QVERIFY2(accepted == (*resignedSalt == 0), row.constData());
                // ... and the diagnosis recovers N either way.
                QVERIFY2(isValidPssWithSalt(d, *resignedSalt), (row + ": " + describe(d)).constData());
                ++resignedRows;
                if (*resignedSalt == 0)
                    ++resignedSalt0Rows;
            } else {
                // Malformed (padding, hash, range, length, PKCS #1 v1.5): rejected, and
                // never diagnosed as a good salt-20 signature.
                QVERIFY2(!accepted, row.constData());
                QVERIFY2(!isValidPssWithSalt(d, 20), (row + ": " + describe(d)).constData());
                ++malformedRows;
            }
        }
    }
    qInfo("rsa_pss_2048_sha1_mgf1_20_test.json: %d valid salt-20 rows rejected, %d re-signed rows "
          "(%d with salt 0, accepted), %d malformed rows rejected",
          validRows, resignedRows, resignedSalt0Rows, malformedRows);
    QVERIFY(validRows > 0);
    QVERIFY(resignedSalt0Rows > 0);
    QVERIFY(resignedRows > resignedSalt0Rows);
    QVERIFY(malformedRows > 0);
    QCOMPARE(validRows + resignedRows + malformedRows, vectors.numberOfTests);
}

// rsa_pss_2048_sha256_mgf1_0_test.json: salt 0 but SHA-256 / MGF1-SHA-256.
void TestPssVectors::wycheproofSha256Salt0()
{
    const VectorFile file = vectorFile("wycheproof/rsa_pss_2048_sha256_mgf1_0_test.json");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    const WycheproofFile vectors = loadWycheproofPss(file.path);
    QVERIFY2(vectors.error.isEmpty(), vectors.error.constData());

    int rows = 0;
    for (const WycheproofGroup& group : vectors.groups) {
        QVERIFY2(group.sha == u"SHA-256" && group.sLen == 0, group.parameters().constData());
        const auto verifier = PssSha1Verifier::create(group.key);
        QVERIFY2(verifier, (group.parameters() + ": " + errorText(verifier)).constData());
        for (const WycheproofTest& test : group.tests) {
            // "Hash = SHA-1": a SHA-256 signature never verifies, valid or not.
            QVERIFY2(!verifier->verify(test.msg, test.sig), group.row(test).constData());
            ++rows;
        }
    }
    qInfo("rsa_pss_2048_sha256_mgf1_0_test.json: %d rows rejected", rows);
    QVERIFY(rows > 0);
    QCOMPARE(rows, vectors.numberOfTests);
}

// ---------------------------------------------------------------- NIST CAVP

// SigVerPSS_186-3.rsp: the only public SHA-1 salt-0 set with failing cases
// (mod 3072), plus salt-20 SHA-1 sets at 1024 and 2048 bits.
void TestPssVectors::cavpSigVerPssSha1()
{
    const VectorFile file = vectorFile("nist-cavp/SigVerPSS_186-3.rsp");
    if (!file.exists())
        QSKIP(file.skipMessage().constData());
    const CavpFile vectors = loadCavpSigVerPss(file.path);
    QVERIFY2(vectors.error.isEmpty(), vectors.error.constData());

    int salt0Pass = 0, salt0Fail = 0, saltedRows = 0, saltedPassDiagnosed = 0;
    for (const CavpRecord& record : vectors.records) {
        if (record.shaAlg != u"SHA1")
            continue;
        const QByteArray row = record.row();
        // e is written zero-padded to the modulus length; the key takes it as is.
        const auto verifier = PssSha1Verifier::create(RsaPublicKey{record.n, record.e});
        QVERIFY2(verifier, (row + ": " + errorText(verifier)).constData());
        const bool accepted = verifier->verify(record.msg, record.s);
        if (record.hasEmptySalt()) {
            // "sLen = 0": exactly COPP's parameters, so NIST's verdict is ours.
            QVERIFY2(accepted == record.passes(), row.constData());
            ++(record.passes() ? salt0Pass : salt0Fail);
        } else {
            // A salted SHA-1 signature is rejected even when NIST says P ...
            QVERIFY2(!accepted, row.constData());
            ++saltedRows;
            if (record.passes()) {
                // ... and diagnosed with the salt length NIST used.
                const PssDecoding d = copp::crypto::decodePssSha1(*verifier, record.msg, record.s);
                QVERIFY2(isValidPssWithSalt(d, record.saltLength()), (row + ": " + describe(d)).constData());
                ++saltedPassDiagnosed;
            }
        }
    }
    qInfo("SigVerPSS_186-3.rsp SHA1: salt 0: %d P, %d F; salted: %d rows (%d P diagnosed)", salt0Pass, salt0Fail,
          saltedRows, saltedPassDiagnosed);
    QVERIFY(salt0Pass > 0);
    QVERIFY(salt0Fail > 0);
    QVERIFY(saltedRows > 0);
    QVERIFY(saltedPassDiagnosed > 0);
}

QTEST_GUILESS_MAIN(TestPssVectors)
#include "tst_pssvectors.moc"
