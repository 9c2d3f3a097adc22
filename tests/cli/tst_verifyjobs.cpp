// SPDX-License-Identifier: BSD-3-Clause
// verify --jobs N (docs/cli.md#verify): many files on several threads print
// exactly what one thread prints, in argument order, with the same exit status:
// valid and rejected chains of both kinds, unreadable files, text and JSON, and
// a trust option that cannot be read part-way through the batch.
#include <support/testsupport.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Run = copp::tests::CliRun;

class TestVerifyJobs : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_mixed; // every kind of file, repeated, in a fixed shuffled order
    QString m_coppRoot, m_opmRoot;

    static Run cli(const QStringList& args) { return copp::tests::runCli(args); }
    QString path(const QString& name) const { return m_dir.filePath(name); }

    // `args` + the files, with --jobs N, compared with --jobs 1.
    void compareWithOneJob(const QStringList& args, const QStringList& files, int jobs)
    {
        const Run one = cli(args + QStringList{QStringLiteral("--jobs"), QStringLiteral("1")} + files);
        const Run many = cli(args + QStringList{QStringLiteral("--jobs"), QString::number(jobs)} + files);
        QCOMPARE(many.exitCode, one.exitCode);
        // The two runs may fall in different seconds; each judges its chains at its own start.
        static const QRegularExpression validationTime(QStringLiteral("validation time\"?:?\\s*\"?[0-9TZ:-]+"));
        QVERIFY(QStringLiteral("  validation time: 2026-12-07T21:45:59Z").contains(validationTime));
        QCOMPARE(QString::fromUtf8(many.out).replace(validationTime, QString()), QString::fromUtf8(one.out).replace(validationTime, QString()));
        QCOMPARE(many.err, one.err);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString keys = path(QStringLiteral("keys"));
        const QList<QStringList> writes = {
            {"testpki", "--out", path("copp"), "--keys", keys},
            {"testpki", "--out", path("copp-bad"), "--keys", keys, "--break", "cert.signature@1"},
            {"testpki", "--x509", "--out", path("opm"), "--keys", keys},
            {"testpki", "--x509", "--out", path("opm-bad"), "--keys", keys, "--break", "x509.signature@1"},
        };
        for (const QStringList& args : writes) {
            const Run r = cli(args);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        m_coppRoot = path(QStringLiteral("copp/test-root.xml"));
        m_opmRoot = path(QStringLiteral("opm/opm-root.pem"));
        const QStringList kinds = {path("copp/chain.xml"), path("copp-bad/chain.xml"), path("opm/opm-chain.p7b"),
                                   path("opm-bad/opm-chain.p7b"), path("opm/opm-chain.pem"), path("missing.xml")};
        // 60 files: the kinds in an order that changes every round, so neighbours differ.
        for (int round = 0; round < 10; ++round) {
            for (int k = 0; k < kinds.size(); ++k)
                m_mixed.append(kinds.at((k * 5 + round) % kinds.size()));
        }
    }

    void sameOutputAsOneJob_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("jobs");
        const QStringList trust = {QStringLiteral("--trust-root"), m_coppRoot, QStringLiteral("--trust-anchor"), m_opmRoot};
        QTest::newRow("text, 2 jobs") << trust << 2;
        QTest::newRow("text, 7 jobs") << trust << 7;
        QTest::newRow("verbose, 3 jobs") << (trust + QStringList{QStringLiteral("--verbose")}) << 3;
        QTest::newRow("json lines, 2 jobs") << (trust + QStringList{QStringLiteral("--json")}) << 2;
        QTest::newRow("json lines, 5 jobs") << (trust + QStringList{QStringLiteral("--json")}) << 5;
        QTest::newRow("default trust, 4 jobs") << QStringList() << 4;
    }

    void sameOutputAsOneJob()
    {
        QFETCH(QStringList, options);
        QFETCH(int, jobs);
        compareWithOneJob(QStringList{QStringLiteral("verify")} + options, m_mixed, jobs);
    }

    // The batch really holds every outcome, so the comparison above means something.
    void theBatchHoldsEveryOutcome()
    {
        const Run r = cli(QStringList{QStringLiteral("verify"), QStringLiteral("--jobs"), QStringLiteral("2"),
                                      QStringLiteral("--trust-root"), m_coppRoot, QStringLiteral("--trust-anchor"), m_opmRoot}
                          + m_mixed);
        QCOMPARE(r.exitCode, 2); // an unreadable file outranks a rejected chain
        QCOMPARE(r.out.count(": VALID ("), 30);     // copp, opm .p7b, opm .pem: 10 each
        QCOMPARE(r.out.count(": REJECTED"), 20);    // the two broken chains
        QCOMPARE(r.err.count("missing.xml"), 10); // one line each
    }

    // Without an unreadable file the exit status is 1 for a rejected chain, with any N.
    void exitStatusOfRejectedBatch()
    {
        QStringList files;
        for (int i = 0; i < 8; ++i)
            files << path(QStringLiteral("copp/chain.xml")) << path(QStringLiteral("copp-bad/chain.xml"));
        const QStringList args = {QStringLiteral("verify"), QStringLiteral("--trust-root"), m_coppRoot};
        compareWithOneJob(args, files, 3);
        QCOMPARE(cli(args + QStringList{QStringLiteral("--jobs"), QStringLiteral("3")} + files).exitCode, 1);
    }

    // A trust anchor that cannot be read stops the batch at the first X.509 chain,
    // after the COPP reports before it, whatever N is.
    void unreadableTrustOptionStopsAtTheSamePlace()
    {
        QStringList files;
        for (int i = 0; i < 9; ++i)
            files << path(QStringLiteral("copp/chain.xml"));
        files << path(QStringLiteral("opm/opm-chain.p7b"));
        for (int i = 0; i < 9; ++i)
            files << path(QStringLiteral("copp/chain.xml"));
        const QStringList args = {QStringLiteral("verify"), QStringLiteral("--trust-root"), m_coppRoot,
                                  QStringLiteral("--trust-anchor"), path(QStringLiteral("no-such-anchor.pem"))};
        compareWithOneJob(args, files, 4);
        const Run r = cli(args + QStringList{QStringLiteral("--jobs"), QStringLiteral("4")} + files);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out.count(": VALID ("), 9);
        QVERIFY2(r.err.contains("trust anchor"), r.err.constData());
    }

    void jobsMustBeAWholeNumberInRange_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("zero") << QStringLiteral("0");
        QTest::newRow("negative") << QStringLiteral("-2");
        QTest::newRow("word") << QStringLiteral("all");
        QTest::newRow("huge") << QStringLiteral("100000");
    }

    void jobsMustBeAWholeNumberInRange()
    {
        QFETCH(QString, value);
        const Run r = cli({QStringLiteral("verify"), QStringLiteral("--jobs"), value, path(QStringLiteral("copp/chain.xml"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--jobs takes a whole number"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVerifyJobs)
#include "tst_verifyjobs.moc"
