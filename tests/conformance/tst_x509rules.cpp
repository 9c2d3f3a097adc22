// SPDX-License-Identifier: BSD-3-Clause
// OPM X.509 chains (docs/cli.md#opm-sessions, docs/protocol.md §8.2): every x509.* rule
// passes on the test chain and fails exactly on a chain broken for it; the
// packagings a driver may use; path building; trust anchors; hostile input.
#include <support/testsupport.h>

#include <core/cert/x509bundle.h>
#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>
#include <core/validation/reporthtml.h>
#include <core/validation/reportjson.h>
#include <core/validation/reporttext.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;
using testpki::X509Break;
using testpki::X509CertSpec;
using testpki::X509TestPki;
using validation::Outcome;
using validation::Rule;

namespace {

const testpki::X509Material& valid()
{
    return tests::x509Material();
}

QByteArray certificate(const X509CertSpec& spec)
{
    auto der = testpki::makeX509Certificate(spec);
    if (!der)
        qFatal("%s", der.error().detail.c_str());
    return der.value();
}

QByteArray bundle(const QList<QByteArray>& certificates)
{
    auto der = testpki::makePkcs7Bundle(certificates);
    if (!der)
        qFatal("%s", der.error().detail.c_str());
    return der.value();
}

QString stepsText(const validation::ValidationReport& report)
{
    QStringList out;
    for (const auto& s : report.steps)
        out.append(validation::ruleId(s.rule) + (s.certificate < 0 ? QString() : u'@' + QString::number(s.certificate)));
    return out.join(u' ');
}

const validation::Fact* fact(const validation::StepResult& step, const char* label)
{
    for (const auto& f : step.facts) {
        if (QByteArray(f.label) == label)
            return &f;
    }
    return nullptr;
}

// Every step after x509.decode is skipped, and the decode failure says something.
// The DER bundle with its outer SEQUENCE in BER: an indefinite length closed by
// end-of-contents, or its two-byte length written in three bytes.
QByteArray indefiniteOuterLength(const QByteArray& der)
{
    Q_ASSERT(static_cast<unsigned char>(der.at(1)) == 0x82);
    return QByteArray("\x30\x80", 2) + der.mid(4) + QByteArray(2, '\0');
}

QByteArray longerOuterLength(const QByteArray& der)
{
    Q_ASSERT(static_cast<unsigned char>(der.at(1)) == 0x82);
    return QByteArray("\x30\x83\x00", 3) + der.mid(2);
}

void expectDecodeFailure(const QByteArray& bytes, const char* expectedWords)
{
    const auto report = tests::validateX509WithTestRoot(bytes);
    QCOMPARE(tests::failuresText(report), QStringList{"x509.decode"});
    const QString detail = report.firstFailure()->detail.english();
    QVERIFY2(detail.contains(QString::fromUtf8(expectedWords)), qPrintable(detail));
    for (qsizetype i = 1; i < report.steps.size(); ++i)
        QCOMPARE(report.steps[i].outcome, Outcome::Skipped);
    QVERIFY(!validation::x509LeafKey(report));
}

} // namespace

class TestX509Rules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { valid(); }

    void rulesAreListedApartFromCopp()
    {
        QCOMPARE(validation::kAllRules.size(), std::size_t{15});
        QStringList ids;
        for (Rule r : validation::kX509Rules) {
            ids.append(validation::ruleId(r));
            QCOMPARE(validation::ruleFromId(validation::ruleId(r)), std::optional<Rule>(r));
            QVERIFY(validation::isX509Rule(r));
            QVERIFY(!validation::isCertificateRule(r) && !validation::isCollectionRule(r));
            QVERIFY(*validation::ruleTitle(r) && *validation::ruleDescription(r));
        }
        QCOMPARE(ids, (QStringList{"x509.decode", "x509.path", "x509.validity", "x509.key", "x509.ca", "x509.signature",
                                   "x509.trusted_root"}));
        for (Rule r : validation::kAllRules)
            QVERIFY(!validation::isX509Rule(r));
    }

    void validChainPassesEveryRuleInOrder()
    {
        const auto report = tests::validateX509WithTestRoot(valid().bundle);
        QVERIFY2(report.isValid(), qPrintable(tests::firstFailureText(report)));
        QCOMPARE(report.format, validation::ChainFormat::X509);
        QCOMPARE(stepsText(report),
                 QStringLiteral("x509.decode x509.path "
                                "x509.validity@0 x509.key@0 x509.signature@0 "
                                "x509.validity@1 x509.key@1 x509.ca@1 x509.signature@1 "
                                "x509.validity@2 x509.key@2 x509.ca@2 x509.signature@2 x509.trusted_root@2"));
        for (const auto& s : report.steps)
            QCOMPARE(s.outcome, Outcome::Pass);
        QCOMPARE(report.x509PathLength, 3);
        QCOMPARE(report.x509Certificates.size(), 3);
        QCOMPARE(report.x509Certificates[0].shortName(), QStringLiteral("CN=") + X509TestPki::leafCn());
        QCOMPARE(report.x509Certificates[2].subject, QStringLiteral("CN=%1,O=CoppScope TEST PKI").arg(X509TestPki::rootCn()));
        QCOMPARE(report.certificateRole(0), QStringLiteral("leaf"));
        QCOMPARE(report.certificateRole(1), QStringLiteral("intermediate"));
        QCOMPARE(report.certificateRole(2), QStringLiteral("root"));
    }

    void eachBreakFailsExactlyItsRule_data()
    {
        QTest::addColumn<QString>("breakSpec");
        QTest::newRow("x509.decode") << QStringLiteral("x509.decode");
        QTest::newRow("x509.path") << QStringLiteral("x509.path");
        for (Rule rule : validation::kX509Rules) {
            if (!validation::isX509CertificateRule(rule))
                continue;
            for (int cert = 0; cert < 3; ++cert) {
                if (!validation::ruleAppliesTo(rule, cert, 3))
                    continue;
                const QString spec = validation::ruleId(rule) + u'@' + QString::number(cert);
                QTest::newRow(qPrintable(spec)) << spec;
            }
        }
    }

    void eachBreakFailsExactlyItsRule()
    {
        QFETCH(QString, breakSpec);
        QString error;
        const auto broken = X509Break::parse(breakSpec, &error);
        QVERIFY2(broken, qPrintable(error));
        const auto& material = tests::x509Material(broken);
        // The trust anchor written with the material is what the user passes.
        const auto policy = validation::X509Policy::withTrustAnchor(material.trustAnchorPem, QStringLiteral("anchor"));
        QVERIFY(policy);
        const auto report = validation::X509ChainValidator(policy.value()).validate(material.bundle);
        QCOMPARE(tests::failuresText(report), QStringList{breakSpec});
        QCOMPARE(tests::firstFailureText(report), breakSpec);
        QVERIFY(!report.firstFailure()->detail.english().isEmpty());
    }

    void failuresCarryEvidence()
    {
        {
            const auto report = tests::validateX509WithTestRoot(tests::x509Material(X509Break{Rule::X509Key, 0}).bundle);
            const auto* f = report.firstFailure();
            QCOMPARE(fact(*f, "key size (bits)")->text(), QStringLiteral("1024"));
            QCOMPARE(fact(*f, "expected key size (bits)")->text(), QStringLiteral("exactly 2048 (RSA)"));
            QVERIFY(fact(*f, "SPKI SHA-256"));
            QCOMPARE(f->ranges.size(), 1);
            QCOMPARE(report.x509Bytes.mid(f->ranges[0].span.begin, f->ranges[0].span.size()), report.x509Certificates[0].der);
        }
        {
            const auto report = tests::validateX509WithTestRoot(tests::x509Material(X509Break{Rule::X509Validity, 1}).bundle);
            const auto* f = report.firstFailure();
            QVERIFY2(f->detail.english().startsWith(QStringLiteral("expired")), qPrintable(f->detail.english()));
            for (const char* label : {"validation time", "not before", "not after"})
                QVERIFY2(fact(*f, label), label);
        }
        {
            const auto report = tests::validateX509WithTestRoot(tests::x509Material(X509Break{Rule::X509Signature, 1}).bundle);
            const auto* f = report.firstFailure();
            QCOMPARE(fact(*f, "signature algorithm")->text(), QStringLiteral("sha256WithRSAEncryption"));
            QVERIFY(fact(*f, "signer")->text().contains(X509TestPki::rootCn()));
            QCOMPARE(f->ranges.size(), 2); // the certificate and its signer's
        }
    }

    // --- packagings (docs/protocol.md §8.2 "Observed packaging") ---

    void packagings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<bool>("spans");
        const auto& m = valid();
        QTest::newRow("PKCS#7 DER") << m.bundle << "PKCS #7 (DER)" << true;
        QTest::newRow("PKCS#7 PEM") << cert::toPem(m.bundle, "PKCS7") << "PKCS #7 (PEM)" << false;
        QTest::newRow("PKCS#7 PEM, CRLF, text around")
            << ("TEST bundle\r\n" + cert::toPem(m.bundle, "PKCS7").replace("\n", "\r\n") + "trailing words\r\n")
            << "PKCS #7 (PEM)" << false;
        QTest::newRow("concatenated DER") << m.certificates.join() << "DER certificates" << true;
        QByteArray pem;
        for (const QByteArray& der : m.certificates)
            pem += cert::toPem(der, "CERTIFICATE");
        QTest::newRow("concatenated PEM") << pem << "PEM certificates" << false;
        QTest::newRow("PEM with leading blank lines") << ("\n\n  " + pem) << "PEM certificates" << false;
        // BER, which OpenSSL reads too: named as such (it was called DER).
        QTest::newRow("PKCS#7 BER, indefinite length") << indefiniteOuterLength(m.bundle) << "PKCS #7 (BER)" << true;
        QTest::newRow("PKCS#7 BER, length not in its fewest bytes") << longerOuterLength(m.bundle) << "PKCS #7 (BER)" << true;
    }

    // The evidence says where a bundle is not DER (docs/cli.md#opm-sessions names a DER bundle).
    void berIsNamedWithItsPlace()
    {
        const auto& m = valid();
        const auto factOf = [](const QByteArray& bytes) {
            const auto report = tests::validateX509WithTestRoot(bytes);
            for (const auto& f : report.steps[0].facts)
                if (QByteArray(f.label) == "not DER")
                    return f.text();
            return QString();
        };
        QCOMPARE(factOf(m.bundle), QString());
        QCOMPARE(factOf(indefiniteOuterLength(m.bundle)), QStringLiteral("byte 0: an indefinite length, which BER allows and DER does not"));
        QCOMPARE(factOf(longerOuterLength(m.bundle)), QStringLiteral("byte 0: a length not written in its fewest bytes, which BER allows and DER does not"));
        // Deeper inside: a certificate's tbsCertificate length written with a leading
        // zero byte (the certificate's own length grows by that byte).
        QByteArray certificate = m.certificates.front();
        QVERIFY(static_cast<unsigned char>(certificate.at(1)) == 0x82 && static_cast<unsigned char>(certificate.at(5)) == 0x82);
        certificate.insert(6, '\0');
        certificate[5] = '\x83';
        const qsizetype content = certificate.size() - 4;
        certificate[2] = static_cast<char>(content >> 8);
        certificate[3] = static_cast<char>(content & 0xff);
        QCOMPARE(factOf(certificate), QStringLiteral("byte 4: a length not written in its fewest bytes, which BER allows and DER does not"));
    }

    void packagings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(bool, spans);
        QVERIFY(validation::looksLikeX509(bytes));
        const auto report = tests::validateX509WithTestRoot(bytes);
        QVERIFY2(report.isValid(), qPrintable(tests::firstFailureText(report)));
        QVERIFY2(report.steps[0].detail.english().startsWith(encoding), qPrintable(report.steps[0].detail.english()));
        for (int i = 0; i < 3; ++i) {
            const auto& c = report.x509Certificates[i];
            QCOMPARE(c.der, valid().certificates[i]);
            QCOMPARE(c.span.isValid(), spans);
            if (spans)
                QCOMPARE(bytes.mid(c.span.begin, c.span.size()), c.der);
        }
    }

    void singleCertificate()
    {
        // The root alone is its own leaf and root: a one-certificate path.
        const auto root = tests::validateX509WithTestRoot(valid().certificates[2]);
        QVERIFY2(root.isValid(), qPrintable(tests::firstFailureText(root)));
        QCOMPARE(stepsText(root), QStringLiteral("x509.decode x509.path x509.validity@0 x509.key@0 x509.signature@0 x509.trusted_root@0"));
        QCOMPARE(root.certificateRole(0), QStringLiteral("leaf and root"));
        // The leaf alone has no issuer in the bundle.
        const auto leaf = tests::validateX509WithTestRoot(cert::toPem(valid().certificates[0], "CERTIFICATE"));
        QCOMPARE(tests::failuresText(leaf), QStringList{"x509.path"});
        QVERIFY2(leaf.firstFailure()->detail.english().contains(X509TestPki::intermediateCn()), qPrintable(leaf.firstFailure()->detail.english()));
        QCOMPARE(leaf.x509PathLength, 0);
        QVERIFY(!validation::x509LeafKey(leaf));
    }

    // --- path building ---

    void shuffledBundleStillBuildsThePath()
    {
        const auto& c = valid().certificates;
        for (const QList<QByteArray>& order : {QList<QByteArray>{c[2], c[0], c[1]}, QList<QByteArray>{c[1], c[2], c[0]}}) {
            const QByteArray bytes = bundle(order);
            const auto report = tests::validateX509WithTestRoot(bytes);
            QVERIFY2(report.isValid(), qPrintable(tests::firstFailureText(report)));
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(report.x509Certificates[i].der, c[i]); // path order, whatever the bundle order
                QCOMPARE(bytes.mid(report.x509Certificates[i].span.begin, c[i].size()), c[i]);
            }
        }
    }

    void extraUnrelatedCertificateFailsPath()
    {
        const auto& pki = tests::x509TestPki();
        X509CertSpec other = pki.chainSpecs(X509Break{Rule::X509TrustedRoot, 2}).last(); // a self-signed other root
        const auto& c = valid().certificates;
        const auto report = tests::validateX509WithTestRoot(bundle({c[0], c[1], c[2], certificate(other)}));
        QCOMPARE(tests::failuresText(report), QStringList{"x509.path"});
        const QString detail = report.firstFailure()->detail.english();
        QVERIFY2(detail.contains(X509TestPki::otherRootCn()), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("bundle position 3")), qPrintable(detail));
        QCOMPARE(report.firstFailure()->ranges.size(), 2); // both possible leaves
    }

    void twoLeavesFailPath()
    {
        const auto& pki = tests::x509TestPki();
        X509CertSpec second = pki.chainSpecs().first();
        second.subjectCn = QStringLiteral("CoppScope TEST second leaf");
        second.serial = 9;
        const auto& c = valid().certificates;
        const auto report = tests::validateX509WithTestRoot(bundle({c[0], certificate(second), c[1], c[2]}));
        QCOMPARE(tests::failuresText(report), QStringList{"x509.path"});
        const QString detail = report.firstFailure()->detail.english();
        QVERIFY2(detail.startsWith(QStringLiteral("2 certificates issued no other")), qPrintable(detail));
        QVERIFY(detail.contains(QStringLiteral("second leaf")));
        // Nothing per certificate can run without a path.
        for (qsizetype i = 2; i < report.steps.size(); ++i) {
            QCOMPARE(report.steps[i].outcome, Outcome::Skipped);
            QCOMPARE(report.steps[i].certificate, -1);
        }
    }

    void loopsFailPath()
    {
        const auto& pki = tests::x509TestPki();
        const auto& keys = pki.keys();
        auto spec = [&](const char* subject, const char* issuer, const crypto::RsaPrivateKey& key,
                        const crypto::RsaPrivateKey& signer, bool ca, quint64 serial) {
            X509CertSpec s;
            s.subjectCn = QString::fromLatin1(subject);
            s.issuerCn = QString::fromLatin1(issuer);
            s.subjectKey = &key;
            s.signerKey = &signer;
            s.ca = ca;
            s.serial = serial;
            return s;
        };
        // A and B issued each other; C hangs below A.
        const QByteArray a = certificate(spec("TEST loop A", "TEST loop B", keys.root, keys.intermediate, true, 11));
        const QByteArray b = certificate(spec("TEST loop B", "TEST loop A", keys.intermediate, keys.root, true, 12));
        const QByteArray c = certificate(spec("TEST loop leaf", "TEST loop A", keys.leaf, keys.root, false, 13));
        auto report = tests::validateX509WithTestRoot(bundle({c, a, b}));
        QCOMPARE(tests::failuresText(report), QStringList{"x509.path"});
        QVERIFY2(report.firstFailure()->detail.english().contains(QStringLiteral("loops")), qPrintable(report.firstFailure()->detail.english()));
        // Without C every certificate issued another: there is no leaf at all.
        report = tests::validateX509WithTestRoot(bundle({a, b}));
        QCOMPARE(tests::failuresText(report), QStringList{"x509.path"});
        QVERIFY2(report.firstFailure()->detail.english().startsWith(QStringLiteral("no leaf")), qPrintable(report.firstFailure()->detail.english()));
    }

    void keyIdentifiersMustAgree()
    {
        // Same issuer name, but the AKI names another key: not the issuer.
        const auto& pki = tests::x509TestPki();
        QList<X509CertSpec> specs = pki.chainSpecs();
        specs[0].signerKey = &pki.keys().otherRoot; // AKI = other root's key id
        const auto report = tests::validateX509WithTestRoot(bundle({certificate(specs[0]), valid().certificates[1], valid().certificates[2]}));
        QCOMPARE(tests::failuresText(report), QStringList{"x509.path"});
    }

    // --- validity window ---

    void validationTime_data()
    {
        QTest::addColumn<int>("daysFromNow");
        QTest::addColumn<QString>("words");
        QTest::newRow("not yet valid") << -2 << "not yet valid";
        QTest::newRow("expired") << 365 * 11 << "expired";
    }

    void validationTime()
    {
        QFETCH(int, daysFromNow);
        QFETCH(QString, words);
        validation::X509Policy policy = tests::x509TestPolicy();
        policy.validationTime = tests::x509TestPki().now().addDays(daysFromNow);
        const auto report = validation::X509ChainValidator(policy).validate(valid().bundle);
        QCOMPARE(tests::failuresText(report), (QStringList{"x509.validity@0", "x509.validity@1", "x509.validity@2"}));
        QVERIFY2(report.firstFailure()->detail.english().startsWith(words), qPrintable(report.firstFailure()->detail.english()));
        QCOMPARE(fact(*report.firstFailure(), "validation time")->text(), policy.validationTime.toString(Qt::ISODate));
    }

    // --- trust anchors ---

    void trustAnchorFromFile()
    {
        QTemporaryDir dir;
        const auto write = [&](const char* name, const QByteArray& bytes) {
            const QString path = dir.filePath(QString::fromLatin1(name));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                qFatal("cannot write %s", qPrintable(path));
            return path;
        };
        const QByteArray rootDer = valid().certificates[2];
        for (const QString& path : {write("root.pem", valid().trustAnchorPem), write("root.der", rootDer)}) {
            const auto policy = validation::X509Policy::withTrustAnchorFile(path);
            QVERIFY2(policy, policy ? "" : policy.error().detail.c_str());
            QCOMPARE(*policy->trustAnchorDer, rootDer);
            const auto report = validation::X509ChainValidator(policy.value()).validate(valid().bundle);
            QVERIFY2(report.isValid(), qPrintable(tests::firstFailureText(report)));
            QCOMPARE(report.trustRootName, QFileInfo(path).fileName());
        }
        // Another certificate as the anchor: the DER differs.
        const auto leafAnchor = validation::X509Policy::withTrustAnchorFile(write("leaf.der", valid().certificates[0]));
        QVERIFY(leafAnchor);
        const auto report = validation::X509ChainValidator(leafAnchor.value()).validate(valid().bundle);
        QCOMPARE(tests::failuresText(report), QStringList{"x509.trusted_root@2"});
        const auto* f = report.firstFailure();
        QVERIFY(fact(*f, "expected certificate SHA-256"));
        QVERIFY(fact(*f, "expected certificate SHA-256")->text() != fact(*f, "actual certificate SHA-256")->text());

        // Files that are no anchor.
        QCOMPARE(validation::X509Policy::withTrustAnchorFile(dir.filePath(QStringLiteral("missing.pem"))).error().code, Error::Code::Io);
        QCOMPARE(validation::X509Policy::withTrustAnchorFile(dir.path()).error().code, Error::Code::Io);
        const auto two = validation::X509Policy::withTrustAnchorFile(write("two.p7b", valid().bundle));
        QVERIFY(!two);
        QVERIFY2(QByteArray::fromStdString(two.error().detail).contains("holds 3 certificates"), two.error().detail.c_str());
        QVERIFY(!validation::X509Policy::withTrustAnchorFile(write("junk.pem", "-----BEGIN CERTIFICATE-----\nnope\n")));
    }

    void defaultAnchorIsMicrosoftsSpkiHash()
    {
        const auto report = validation::X509ChainValidator().validate(valid().bundle);
        QCOMPARE(tests::failuresText(report), QStringList{"x509.trusted_root@2"});
        const auto* f = report.firstFailure();
        QCOMPARE(fact(*f, "expected SPKI SHA-256")->text(), QString::fromLatin1(validation::kMicrosoftMediaRootSpkiSha256));
        const auto spki = crypto::sha256(util::byteView(report.x509Certificates[2].spkiDer));
        QCOMPARE(fact(*f, "actual SPKI SHA-256")->text().toLatin1(), util::toQByteArray(spki).toHex());
        QVERIFY(fact(*f, "note")->text().contains(QStringLiteral("unconfirmed")));
        QVERIFY(f->detail.english().contains(QStringLiteral("unconfirmed")));
        QVERIFY(report.trustRootName.contains(QStringLiteral("unconfirmed")));
    }

    // --- what callers take from a report ---

    void leafKeyAndPrivateKeyMatch()
    {
        const auto report = tests::validateX509WithTestRoot(valid().bundle);
        const auto key = validation::x509LeafKey(report);
        QVERIFY(key);
        QCOMPARE(*key, tests::x509TestPki().keys().leaf.publicKey());
        const auto privateKey = crypto::RsaPrivateKey::fromPkcs8(util::byteView(valid().leafPrivateKey));
        QVERIFY(privateKey);
        QCOMPARE(privateKey->publicKey(), *key);
        QCOMPARE(privateKey->modulusBits(), std::size_t{2048});
        QVERIFY(!validation::x509LeafKey(validation::ValidationReport{}));
    }

    void reportWritersShowX509()
    {
        const auto report = tests::validateX509WithTestRoot(tests::x509Material(X509Break{Rule::X509Signature, 1}).bundle);
        const QString text = validation::reportToText(report, QStringLiteral("opm.p7b"));
        QVERIFY2(text.startsWith(QStringLiteral("opm.p7b: REJECTED: first failure x509.signature in certificate 1 (intermediate)")), qPrintable(text));
        const QJsonObject json = validation::reportToJson(report);
        QCOMPARE(json.keys(), (QStringList{"first_failure", "steps", "valid"}));
        QCOMPARE(json.value("first_failure").toObject(), (QJsonObject{{"rule", "x509.signature"}, {"certificate", 1}}));
        const QString html = QString::fromUtf8(validation::reportToHtml(report, {QStringLiteral("opm.p7b"), report.x509Bytes, QStringLiteral("test")}));
        QVERIFY(html.contains(QStringLiteral("OPM X.509 certificate-chain validation")));
        QVERIFY(html.contains(QStringLiteral("Certificates, leaf to root")));
        QVERIFY(html.contains(X509TestPki::intermediateCn().toHtmlEscaped()));
        const QString validText = validation::reportToText(tests::validateX509WithTestRoot(valid().bundle), QStringLiteral("ok.p7b"));
        QVERIFY2(validText.startsWith(QStringLiteral("ok.p7b: VALID (trust anchor: test root)")), qPrintable(validText));
    }

    void breakSpecParsing_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("parsed"); // empty: rejected
        QTest::newRow("decode") << "x509.decode" << "x509.decode";
        QTest::newRow("path") << "x509.path" << "x509.path";
        QTest::newRow("signature@2") << "x509.signature@2" << "x509.signature@2";
        QTest::newRow("trusted_root") << "x509.trusted_root" << "x509.trusted_root@2";
        QTest::newRow("trusted_root@2") << "x509.trusted_root@2" << "x509.trusted_root@2";
        QTest::newRow("trusted_root@0") << "x509.trusted_root@0" << "";
        QTest::newRow("ca on the leaf") << "x509.ca@0" << "";
        QTest::newRow("no index") << "x509.key" << "";
        QTest::newRow("index 3") << "x509.key@3" << "";
        QTest::newRow("index on path") << "x509.path@1" << "";
        QTest::newRow("COPP rule") << "cert.signature@1" << "";
        QTest::newRow("unknown") << "x509.nonsense" << "";
    }

    void breakSpecParsing()
    {
        QFETCH(QString, spec);
        QFETCH(QString, parsed);
        QString error;
        const auto b = X509Break::parse(spec, &error);
        QCOMPARE(b ? b->toString() : QString(), parsed);
        QCOMPARE(error.isEmpty(), !parsed.isEmpty());
    }

    // --- hostile input: never a crash, always a clear x509.decode failure ---

    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("one byte") << QByteArray("\x30", 1) << "truncated";
        QTest::newRow("empty SEQUENCE") << QByteArray("\x30\x00", 2) << "too short";
        QTest::newRow("huge length") << QByteArray("\x30\x84\xff\xff\xff\xff\x30\x00", 8) << "declares 4294967295 bytes";
        QTest::newRow("length of 127 bytes") << QByteArray("\x30\xff\x01\x02", 4) << "length field is 127 bytes";
        QTest::newRow("cut length field") << QByteArray("\x30\x82\x01", 3) << "cut off";
        QTest::newRow("not a SEQUENCE") << QByteArray("\x04\x02\x30\x00", 4) << "not DER or PEM";
        QTest::newRow("SEQUENCE of an INTEGER") << QByteArray("\x30\x03\x02\x01\x05", 5) << "neither a certificate nor";
        QTest::newRow("junk after the bundle") << (valid().bundle + QByteArray("\x00\x00", 2)) << "2 byte(s) of trailing data";
        QTest::newRow("a newline after the bundle") << (valid().bundle + "\n") << "1 byte(s) of trailing data after the last DER object";
        QTest::newRow("XML") << QByteArray("<?xml version=\"1.0\"?><CertificateCollection Version=\"2.0\"/>") << "XML";
        QTest::newRow("XML with BOM") << QByteArray("\xEF\xBB\xBF<CertificateCollection/>") << "XML";
        QTest::newRow("PEM without END") << QByteArray("-----BEGIN PKCS7-----\nMIIB\n") << "PEM block 1";
        QTest::newRow("PEM with headers") << QByteArray("-----BEGIN PKCS7-----\nProc-Type: 4,ENCRYPTED\n\nMIIB\n-----END PKCS7-----\n") << "not base64";
        QTest::newRow("PEM, second block broken")
            << (cert::toPem(valid().certificates[0], "CERTIFICATE") + "-----BEGIN CERTIFICATE-----\nMIIB\n") << "PEM block 2";
        QTest::newRow("text only") << QByteArray("hello") << "not DER or PEM";
        QTest::newRow("PEM private key") << QByteArray("-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n") << "PRIVATE KEY";
        QTest::newRow("PEM of junk") << cert::toPem(QByteArray("\x30\x03\x02\x01\x05", 5), "CERTIFICATE") << "PEM block 1";
        QTest::newRow("PKCS#7 of another type")
            << QByteArray::fromHex("300b06092a864886f70d010701") << "not signedData";
        QByteArray many;
        for (int i = 0; i < 65; ++i)
            many += valid().certificates[2];
        QTest::newRow("65 certificates") << many << "more than 64 certificates";
        // A PKCS #7 bundle is counted from its framing before OpenSSL decodes it (it
        // decoded all 150,000 tiny certificates of a 16 MiB bundle first: 19 s, 350 MB).
        // Its 65 "certificates" are not even certificates, so only the count can
        // report the limit; definite and indefinite (BER) lengths alike.
        const auto derOf = [](const char* tagHex, const QByteArray& content) {
            QByteArray length = QByteArray::number(content.size(), 16);
            if (length.size() % 2)
                length.prepend('0');
            QByteArray out = QByteArray::fromHex(tagHex);
            out += content.size() < 0x80 ? QByteArray(1, char(content.size()))
                                         : QByteArray(1, char(0x80 | (length.size() / 2))) + QByteArray::fromHex(length);
            return out + content;
        };
        QByteArray junk;
        for (int i = 0; i < 65; ++i)
            junk += QByteArray::fromHex("3003020100");
        const QByteArray signedOid = QByteArray::fromHex("06092a864886f70d010702");
        const QByteArray signedPrefix = QByteArray::fromHex("0201013100300b06092a864886f70d010701");
        QTest::newRow("PKCS#7 of 65 non-certificates")
            << derOf("30", signedOid + derOf("a0", derOf("30", signedPrefix + derOf("a0", junk) + QByteArray::fromHex("3100"))))
            << "more than 64 certificates";
        QTest::newRow("PKCS#7 of 65 non-certificates, BER")
            << QByteArray::fromHex("3080") + signedOid + QByteArray::fromHex("a0803080") + signedPrefix + QByteArray::fromHex("a080")
                   + junk + QByteArray::fromHex("0000" "3100" "0000" "0000" "0000")
            << "more than 64 certificates";
        QTest::newRow("over 16 MiB") << (valid().bundle + QByteArray(16 * 1024 * 1024, '\0')) << "at most 16777216";
    }

    void hostileInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, words);
        expectDecodeFailure(bytes, qPrintable(words));
    }

    void everyTruncationFailsDecode()
    {
        const QByteArray& full = valid().bundle;
        for (qsizetype n = 1; n < full.size(); n += (n < 64 ? 1 : 7)) {
            const auto report = tests::validateX509WithTestRoot(full.left(n));
            QVERIFY2(tests::failuresText(report) == QStringList{"x509.decode"}, qPrintable(QString::number(n)));
        }
    }

    void randomBytesNeverPass()
    {
        QRandomGenerator random(20240611);
        for (int i = 0; i < 300; ++i) {
            QByteArray bytes(1 + random.bounded(600), Qt::Uninitialized);
            for (char& b : bytes)
                b = static_cast<char>(random.bounded(256));
            if (i % 2 == 0)
                bytes[0] = '\x30'; // past the first-byte check into the DER reader
            const auto report = tests::validateX509WithTestRoot(bytes);
            QVERIFY(!report.isValid());
        }
        // Flipped bytes inside a valid bundle: a verdict, never a crash.
        for (int i = 0; i < 300; ++i) {
            QByteArray bytes = valid().bundle;
            const auto at = random.bounded(bytes.size());
            bytes[at] = static_cast<char>(bytes.at(at) ^ (1 + random.bounded(255)));
            (void)tests::validateX509WithTestRoot(bytes).isValid();
        }
    }

    void looksLikeX509()
    {
        QVERIFY(validation::looksLikeX509(valid().bundle));
        QVERIFY(validation::looksLikeX509(" \r\n-----BEGIN PKCS7-----"));
        QVERIFY(validation::looksLikeX509("\xEF\xBB\xBF-----BEGIN CERTIFICATE-----"));
        QVERIFY(!validation::looksLikeX509(""));
        QVERIFY(!validation::looksLikeX509("<?xml version=\"1.0\"?>"));
        QVERIFY(!validation::looksLikeX509("\xEF\xBB\xBF<c:CertificateCollection>"));
    }
};

QTEST_GUILESS_MAIN(TestX509Rules)
#include "tst_x509rules.moc"
