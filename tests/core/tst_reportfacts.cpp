// SPDX-License-Identifier: BSD-3-Clause
// A step's facts are data formatted when a view asks (FactValue). These tests
// hold the formatted text to values computed here, independently of the
// validator: Qt's own SHA-1 for fingerprints, the test PKI's digests and spans.
#include <support/testsupport.h>

#include <core/util/byteview.h>

#include <QCryptographicHash>
#include <QtTest>

using namespace copp;
using validation::FactValue;

namespace {

const validation::StepResult& stepOf(const validation::ValidationReport& report, validation::Rule rule, int certificate)
{
    for (const auto& s : report.steps) {
        if (s.rule == rule && s.certificate == certificate)
            return s;
    }
    qFatal("no step for rule %d@%d", int(rule), certificate);
}

QString factText(const validation::StepResult& step, const char* label)
{
    for (const auto& f : step.facts) {
        if (qstrcmp(f.label, label) == 0)
            return f.text();
    }
    return QStringLiteral("<no fact '%1'>").arg(QLatin1String(label));
}

QString sha1Hex(const Bytes& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(util::toQByteArray(bytes), QCryptographicHash::Sha1).toHex());
}

} // namespace

class TestReportFacts : public QObject {
    Q_OBJECT

private slots:
    void valuesFormatAsText()
    {
        QCOMPARE(FactValue(QStringLiteral("as given")).text(), QStringLiteral("as given"));
        QCOMPARE(FactValue::number(-42).text(), QStringLiteral("-42"));
        QCOMPARE(FactValue::hex(QByteArray::fromHex("00ff10ab")).text(), QStringLiteral("00ff10ab"));
        QCOMPARE(FactValue::hex({}).text(), QString());
        QCOMPARE(FactValue::byteRange({120, 1144}).text(), QStringLiteral("120..1144 (1024 bytes)"));
        // FIPS 180 "abc" example.
        QCOMPARE(FactValue::sha1Hex("abc").text(), QStringLiteral("a9993e364706816aba3e25717850c26c9cd0d89d"));
        QCOMPARE(FactValue().text(), QString());
    }

    // The bytes a lazy value formats are its own: changing the caller's copy afterwards changes nothing.
    void valuesKeepTheirBytes()
    {
        QByteArray bytes = QByteArray::fromHex("0102");
        const FactValue hex = FactValue::hex(bytes);
        const FactValue sha = FactValue::sha1Hex(bytes);
        bytes[0] = 'x';
        bytes.append("more");
        QCOMPARE(hex.text(), QStringLiteral("0102"));
        QCOMPARE(sha.text(), QString::fromLatin1(QCryptographicHash::hash(QByteArray::fromHex("0102"), QCryptographicHash::Sha1).toHex()));
    }

    void digestFactsNameTheHashedBytes()
    {
        const testpki::BuiltChain& chain = tests::testPki().chain();
        const auto report = tests::validateWithTestRoot(chain.xml);
        QVERIFY(report.isValid());
        for (int i = 0; i < 3; ++i) {
            const auto& step = stepOf(report, validation::Rule::CertDigest, i);
            const qsizetype begin = chain.xml.indexOf(chain.dataBytes.at(i));
            QVERIFY(begin > 0);
            const qsizetype end = begin + chain.dataBytes.at(i).size();
            QCOMPARE(factText(step, "hashed bytes"), QStringLiteral("%1..%2 (%3 bytes)").arg(begin).arg(end).arg(end - begin));
            QCOMPARE(factText(step, "expected (DigestValue)"), QString::fromLatin1(chain.digests.at(i).toHex()));
            QCOMPARE(factText(step, "actual (SHA-1 of Data)"), QString::fromLatin1(chain.digests.at(i).toHex()));
        }
    }

    void keyFactsNameTheKeys()
    {
        const testpki::KeySet& keys = tests::testPki().keys();
        const auto report = tests::validateWithTestRoot(tests::testPki().chain().xml);
        QVERIFY(report.isValid());

        // cert.link@1: the IHV certificate's Data/PublicKey against the leaf's KeyInfo (both the IHV key).
        const auto& link = stepOf(report, validation::Rule::CertLink, 1);
        const QString ihv = sha1Hex(keys.ihv.publicKey().modulus);
        QCOMPARE(factText(link, "Data/PublicKey modulus SHA-1"), ihv);
        QCOMPARE(factText(link, "previous KeyInfo modulus SHA-1"), ihv);

        const auto& root = stepOf(report, validation::Rule::CertTrustedRoot, 2);
        QCOMPARE(factText(root, "expected modulus SHA-1"), sha1Hex(keys.root.publicKey().modulus));
        QCOMPARE(factText(root, "actual modulus SHA-1"), sha1Hex(keys.root.publicKey().modulus));

        const auto& leafModulus = stepOf(report, validation::Rule::CertModulus, 0);
        QCOMPARE(factText(leafModulus, "expected length (bytes)"), QStringLiteral("256"));
        QCOMPARE(factText(leafModulus, "decoded length (bytes)"), QStringLiteral("256"));
        QCOMPARE(factText(leafModulus, "key size (bits)"), QStringLiteral("2048"));
        QCOMPARE(factText(stepOf(report, validation::Rule::CertModulus, 2), "key size (bits)"), QStringLiteral("1024"));

        const auto& signature = stepOf(report, validation::Rule::CertSignature, 0);
        QCOMPARE(factText(signature, "signer key (bits)"), QStringLiteral("2048"));
        QCOMPARE(factText(signature, "signature length (bytes)"), QStringLiteral("256"));
    }

    void revocationFactsNameTheDigests()
    {
        const testpki::BuiltChain& chain = tests::testPki().chain();
        const auto report = tests::validateWithTestRoot(chain.xml, tests::testPki().revocationList({chain.digests.at(1)}));
        QCOMPARE(tests::firstFailureText(report), QStringLiteral("crl.revoked@0"));
        const auto& list = stepOf(report, validation::Rule::CrlSignature, -1);
        QCOMPARE(factText(list, "revoked digests"), QStringLiteral("1"));
        QCOMPARE(factText(list, "list version"), QStringLiteral("1"));
        for (int i : {0, 1}) {
            const auto& revoked = stepOf(report, validation::Rule::CrlRevoked, i);
            QCOMPARE(factText(revoked, "revoked digest"), QString::fromLatin1(chain.digests.at(1).toHex()));
            QCOMPARE(factText(revoked, "list entry"), QStringLiteral("0"));
        }
        QCOMPARE(factText(stepOf(report, validation::Rule::CrlRevoked, 2), "digest"), QString::fromLatin1(chain.digests.at(2).toHex()));
    }

    // A wrong trust root: the two fingerprints differ, each naming its own key.
    void untrustedRootShowsBothFingerprints()
    {
        const testpki::KeySet& keys = tests::testPki().keys();
        testpki::Break wrongRoot;
        wrongRoot.rule = validation::Rule::CertTrustedRoot;
        const auto report = tests::validateWithTestRoot(tests::testPki().chain({}, wrongRoot).xml);
        QCOMPARE(tests::firstFailureText(report), QStringLiteral("cert.trusted_root@2"));
        const auto& root = stepOf(report, validation::Rule::CertTrustedRoot, 2);
        QCOMPARE(factText(root, "expected modulus SHA-1"), sha1Hex(keys.root.publicKey().modulus));
        QCOMPARE(factText(root, "actual modulus SHA-1"), sha1Hex(keys.otherRoot.publicKey().modulus));
    }
};

QTEST_GUILESS_MAIN(TestReportFacts)
#include "tst_reportfacts.moc"
