// SPDX-License-Identifier: BSD-3-Clause
// docs/cli.md#diagnoses end to end: `testpki --damage ID` writes a chain for
// every id, and `verify` names that id in --json ("diagnosis": {"id", "detail"})
// and in the text ("cause:" line), on the step testpki said would fail first.
#include <support/testsupport.h>

#include <core/validation/diagnosis.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using Run = copp::tests::CliRun;
using namespace copp;

class TestDiagnosisCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString keys() const { return m_dir.filePath(QStringLiteral("keys")); }
    QString root() const { return m_dir.filePath(QStringLiteral("test-root.xml")); }

    Run testpki(const QString& out, const QStringList& more)
    {
        return tests::runCli(QStringList{QStringLiteral("testpki"), QStringLiteral("--out"), out, QStringLiteral("--keys"), keys()} + more);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(tests::runCli({QStringLiteral("testpki"), QStringLiteral("--out"), m_dir.path()}).exitCode, 0);
    }

    void everyIdEndToEnd_data()
    {
        QTest::addColumn<QString>("id");
        for (validation::DiagnosisId id : validation::kAllDiagnoses)
            QTest::newRow(qPrintable(validation::diagnosisId(id))) << validation::diagnosisId(id);
    }

    void everyIdEndToEnd()
    {
        QFETCH(QString, id);
        const QString spec = id == u"line_endings" ? id : id + QStringLiteral("@1");
        const QString out = m_dir.filePath(id);
        Run r = testpki(out, {QStringLiteral("--damage"), spec});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("Expected diagnosis: " + id.toUtf8() + '\n'), r.out.constData());
        const qsizetype at = r.out.indexOf("Expected first failure: ") + qsizetype(sizeof("Expected first failure: ") - 1);
        const QString expectedStep = QString::fromUtf8(r.out.mid(at, r.out.indexOf('\n', at) - at));

        const QString chain = out + QStringLiteral("/chain.xml");
        r = tests::runCli({QStringLiteral("verify"), chain, QStringLiteral("--trust-root"), root(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        const QJsonObject first = report.value("first_failure").toObject();
        QCOMPARE(first.value("rule").toString() + u'@' + QString::number(first.value("certificate").toInt()), expectedStep);
        bool found = false;
        for (const QJsonValue& v : report.value("steps").toArray()) {
            const QJsonObject step = v.toObject();
            const QString stepName = step.value("rule").toString() + u'@' + QString::number(step.value("certificate").toInt());
            if (stepName != expectedStep) {
                // Others only on a failing step of the same certificate (its signature,
                // after its digest), or of any certificate for line_endings; the same id.
                if (step.contains("diagnosis")) {
                    QCOMPARE(step.value("status").toString(), QStringLiteral("fail"));
                    QCOMPARE(step.value("diagnosis").toObject().value("id").toString(), id);
                    QVERIFY(id == u"line_endings" || step.value("certificate") == first.value("certificate"));
                }
                continue;
            }
            const QJsonObject diagnosis = step.value("diagnosis").toObject();
            QCOMPARE(diagnosis.keys(), (QStringList{"detail", "id"}));
            QCOMPARE(diagnosis.value("id").toString(), id);
            QVERIFY(!diagnosis.value("detail").toString().isEmpty());
            found = true;
        }
        QVERIFY2(found, qPrintable(expectedStep));

        r = tests::runCli({QStringLiteral("verify"), chain, QStringLiteral("--trust-root"), root()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("\n         cause: " + id.toUtf8() + ": "), r.out.constData());
        // The bytes that differ, under the cause line, where there are any.
        const QByteArray differing = id == u"line_endings" ? "\n         CR byte the signer did not hash: "
            : id == u"attribute_quotes"                   ? "\n         quote character (the signer hashed the other one): "
            : id == u"character_references"               ? "\n         character reference (the signer hashed the character): "
                                                           : QByteArray();
        if (!differing.isEmpty()) {
            const qsizetype listAt = r.out.indexOf(differing);
            QVERIFY2(listAt >= 0, r.out.constData());
            const QByteArray list = r.out.mid(listAt + differing.size(), r.out.indexOf('\n', listAt + 1) - listAt - differing.size());
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\.\\d+(, \\d+\\.\\.\\d+)*$")).match(QString::fromUtf8(list)).hasMatch(), list.constData());
        }
    }

    // A valid chain and an unexplained failure: no "diagnosis" key, no cause line.
    void noCauseWithoutProof()
    {
        const QString out = m_dir.filePath(QStringLiteral("wrong-digest"));
        QCOMPARE(testpki(out, {QStringLiteral("--break"), QStringLiteral("cert.digest@0")}).exitCode, 0);
        for (const QString& chain : {m_dir.filePath(QStringLiteral("chain.xml")), out + QStringLiteral("/chain.xml")}) {
            Run r = tests::runCli({QStringLiteral("verify"), chain, QStringLiteral("--trust-root"), root(), QStringLiteral("--json")});
            QVERIFY(r.exitCode == 0 || r.exitCode == 1);
            QVERIFY2(!r.out.contains("\"diagnosis\""), r.out.constData());
            r = tests::runCli({QStringLiteral("verify"), chain, QStringLiteral("--trust-root"), root()});
            QVERIFY2(!r.out.contains("cause:"), r.out.constData());
        }
    }

    void damageUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown id") << QStringList{"--damage", "crlf"} << QByteArray("unknown diagnosis \"crlf\"");
        QTest::newRow("line_endings@N") << QStringList{"--damage", "line_endings@1"} << QByteArray("leave out @N");
        QTest::newRow("bad certificate") << QStringList{"--damage", "sha256@3"} << QByteArray("cannot be applied");
        QTest::newRow("with --break") << QStringList{"--damage", "sha256@0", "--break", "cert.digest@0"} << QByteArray("leave out --break");
        QTest::newRow("with --x509") << QStringList{"--damage", "sha256@0", "--x509"} << QByteArray("leave out --x509");
        QTest::newRow("needs namespaces") << QStringList{"--damage", "attribute_quotes@0", "--plain"} << QByteArray("leave out --plain");
    }

    void damageUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const Run r = testpki(m_dir.filePath(QStringLiteral("refused")), args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused/chain.xml"))));
    }

    // --plain works for the ids that need no attributes on Data.
    void plainChainsToo()
    {
        const QString out = m_dir.filePath(QStringLiteral("plain"));
        QCOMPARE(testpki(out, {QStringLiteral("--damage"), QStringLiteral("tag_whitespace@2"), QStringLiteral("--plain")}).exitCode, 0);
        const Run r = tests::runCli({QStringLiteral("verify"), out + QStringLiteral("/chain.xml"), QStringLiteral("--trust-root"), root()});
        QVERIFY2(r.out.contains("cause: tag_whitespace: "), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestDiagnosisCli)
#include "tst_diagnosiscli.moc"
