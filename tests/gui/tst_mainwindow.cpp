// The first window, offscreen: open valid and broken chains, see the verdict and the first failure.
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <core/models/validationstepmodel.h>

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
    void initTestCase() { QVERIFY(m_dir.isValid()); }

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
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
