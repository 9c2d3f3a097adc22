// SPDX-License-Identifier: BSD-3-Clause
// The sample chains and lists in ../shared/samples, checked against the verdicts
// in their expected.json (made independently of this code). Read in place.
#include <support/testsupport.h>

#include <core/util/filereader.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace copp;

class TestSamples : public QObject {
    Q_OBJECT
private slots:
    void samples_data()
    {
        QTest::addColumn<QString>("chain");
        QTest::addColumn<QString>("crl");
        QTest::addColumn<QJsonObject>("expected");
        const QString dir = tests::sharedDir() + QStringLiteral("/samples");
        if (tests::sharedDir().isEmpty() || !QFile::exists(dir + QStringLiteral("/expected.json")))
            QSKIP("../shared/samples is absent");
        QFile file(dir + QStringLiteral("/expected.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!all.isEmpty());
        for (auto it = all.begin(); it != all.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            const bool isCrl = it.key().endsWith(QStringLiteral(".crl"));
            QTest::newRow(qPrintable(it.key()))
                << dir + u'/' + (isCrl ? e.value(QStringLiteral("chain")).toString() : it.key())
                << (isCrl ? dir + u'/' + it.key() : QString()) << e;
        }
    }

    void samples()
    {
        QFETCH(QString, chain);
        QFETCH(QString, crl);
        QFETCH(QJsonObject, expected);
        const QString dir = tests::sharedDir() + QStringLiteral("/samples");
        const auto rootXml = util::readFileLimited(dir + QStringLiteral("/root.xml"));
        QVERIFY(rootXml.ok());
        validation::ValidationPolicy policy;
        policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(rootXml.value(), QStringLiteral("sample root")).value();
        if (!crl.isEmpty())
            policy.revocationList = util::readFileLimited(crl).value();
        const auto bytes = util::readFileLimited(chain);
        QVERIFY(bytes.ok());
        const auto report = validation::ChainValidator(policy).validate(bytes.value());
        QCOMPARE(report.isValid(), expected.value(QStringLiteral("valid")).toBool());
        const QJsonValue first = expected.value(QStringLiteral("first_failure"));
        if (first.isNull()) {
            QCOMPARE(tests::firstFailureText(report), QStringLiteral("valid"));
        } else {
            const QJsonObject f = first.toObject();
            QCOMPARE(tests::firstFailureText(report), f.value(QStringLiteral("rule")).toString() + u'@'
                                                          + QString::number(f.value(QStringLiteral("certificate")).toInt()));
        }
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "tst_samples.moc"
