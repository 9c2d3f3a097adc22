// The first window, offscreen: open valid and broken chains, see the verdict and the first failure.
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <widgets/byterangeview.h>
#include <core/models/validationstepmodel.h>

#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace copp;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString write(const char* name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings go to a temporary place, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CoppScopeTest"));
        QSettings().clear();
    }

    void revalidatesWhenTheFileChanges()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const QString path = write("watched.xml", tests::testPki().chain().xml);
        QVERIFY(w.openChain(path));
        QVERIFY(w.verdictText().contains(QStringLiteral("VALID")));
        // Another editor breaks the digest of certificate 1.
        write("watched.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 1}).xml);
        QTRY_VERIFY_WITH_TIMEOUT(w.verdictText().contains(QStringLiteral("cert.digest")), 10000);
    }

    void exportEqualsTheCliJson()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertLink, 2});
        const QString chainPath = write("export.xml", chain.xml);
        QVERIFY(w.openChain(chainPath));
        const QString out = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY(w.exportJson(out));
        QProcess cli;
        cli.start(qEnvironmentVariable("COPP_CLI"), {QStringLiteral("verify"), chainPath, QStringLiteral("--json"),
                                                     QStringLiteral("--trust-root"), m_dir.filePath(QStringLiteral("root.xml"))});
        QVERIFY(cli.waitForFinished(30000));
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray fromCli = cli.readAllStandardOutput();
        QVERIFY(!fromCli.isEmpty());
        QCOMPARE(exported.readAll(), fromCli);
    }

    void recentFilesAreRemembered()
    {
        ui::MainWindow w;
        const QString a = write("a.xml", tests::testPki().chain().xml);
        const QString b = write("b.xml", tests::testPki().chain().xml);
        QVERIFY(w.openChain(a));
        QVERIFY(w.openChain(b));
        QVERIFY(w.openChain(a));
        const QStringList recent = w.recentFiles();
        QCOMPARE(recent.mid(0, 2), (QStringList{QFileInfo(a).absoluteFilePath(), QFileInfo(b).absoluteFilePath()}));
    }

    void validChainShowsAllPassed()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        QVERIFY(w.openChain(write("good.xml", tests::testPki().chain().xml)));
        QVERIFY(w.verdictText().contains(QStringLiteral("VALID")));
        const auto* model = w.stepModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto outcome = static_cast<validation::Outcome>(model->index(row, 0).data(models::ValidationStepModel::OutcomeRole).toInt());
            QVERIFY(outcome != validation::Outcome::Fail);
        }
    }

    void brokenChainSelectsFirstFailure()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 2});
        QVERIFY(w.openChain(write("broken.xml", chain.xml)));
        QVERIFY(w.verdictText().contains(QStringLiteral("cert.digest")));
        const QModelIndex current = w.stepView()->currentIndex();
        QCOMPARE(current.data(models::ValidationStepModel::RuleIdRole).toString(), QStringLiteral("cert.digest"));
        QCOMPARE(current.data(models::ValidationStepModel::CertificateRole).toInt(), 2);
    }

    void selectingAStepHighlightsItsBytesAndNodes()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1});
        QVERIFY(w.openChain(write("sig.xml", chain.xml)));
        // The first failure is selected on open: cert.signature@1. It used the IHV's Data bytes.
        const QList<cert::ByteSpan> spans = w.byteView()->highlightedSpans();
        QVERIFY(!spans.isEmpty());
        const qsizetype data = chain.xml.indexOf(chain.dataBytes.at(1));
        QCOMPARE(spans.first().begin, data);
        QCOMPARE(spans.first().end, data + chain.dataBytes.at(1).size());
        QVERIFY(!w.certificateView()->selectionModel()->selectedRows().isEmpty());
        // Keyboard: Down moves to the next step, and the highlight follows.
        w.stepView()->setFocus();
        QTest::keyClick(w.stepView(), Qt::Key_Down);
        QCOMPARE(w.stepView()->currentIndex().data(models::ValidationStepModel::RuleIdRole).toString(),
                 QStringLiteral("cert.unique_children"));
        QVERIFY(w.byteView()->highlightedSpans() != spans);
    }

    void unreadableFileKeepsTheWindowUsable()
    {
        ui::MainWindow w;
        QVERIFY(w.openChain(write("good.xml", tests::testPki().chain().xml)));
        const QString before = w.verdictText();
        QVERIFY(!w.openChain(m_dir.filePath(QStringLiteral("missing.xml"))));
        QVERIFY(!w.openChain(m_dir.path()));
        QCOMPARE(w.verdictText(), before); // nothing lost
        QVERIFY(!w.setTrustRootFile(write("bad-root.xml", "<nope/>")));
    }

    void viewsHaveAccessibleNames()
    {
        ui::MainWindow w;
        QVERIFY(!w.stepView()->accessibleName().isEmpty());
        QVERIFY(!w.certificateView()->accessibleName().isEmpty());
        QVERIFY(!w.byteView()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
