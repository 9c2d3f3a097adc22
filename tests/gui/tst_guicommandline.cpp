// SPDX-License-Identifier: BSD-3-Clause
// The coppscope binary's command line where there is no display (ssh, build
// servers): --help and --version answer; anything else still needs a display.
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

class TestGuiCommandLine : public QObject {
    Q_OBJECT
private:
    // Runs coppscope with no display of any kind and no platform chosen.
    static QProcess* runWithoutDisplay(const QStringList& arguments, QObject* parent)
    {
        auto* process = new QProcess(parent);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(COPP_GUI_PATH), arguments);
        return process;
    }

private slots:
    void helpNeedsNoDisplay_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("--help") << QStringLiteral("--help");
        QTest::newRow("-h") << QStringLiteral("-h");
    }

    void helpNeedsNoDisplay()
    {
        QFETCH(QString, option);
        QProcess* p = runWithoutDisplay({option}, this);
        QVERIFY(p->waitForFinished(30000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        const QString out = QString::fromUtf8(p->readAllStandardOutput());
        for (const char* expected : {"--trust-root", "--crl", "--device", "--protect", "[CHAIN.xml]"})
            QVERIFY2(out.contains(QLatin1String(expected)), qPrintable(out));
    }

    void versionNeedsNoDisplay()
    {
        QProcess* p = runWithoutDisplay({QStringLiteral("--version")}, this);
        QVERIFY(p->waitForFinished(30000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p->readAllStandardOutput()).trimmed(), QStringLiteral("CoppScope " COPP_VERSION));
    }

    // "-h" as the value of --lang is no help request: the parser takes it as the
    // language, so the window starts, and without a display it cannot.
    void optionValueThatLooksLikeHelpStartsTheWindow()
    {
        QProcess* p = runWithoutDisplay({QStringLiteral("--lang"), QStringLiteral("-h")}, this);
        QVERIFY(p->waitForFinished(30000));
        QVERIFY(!QString::fromUtf8(p->readAllStandardOutput()).contains(QLatin1String("--trust-root")));
        QVERIFY(p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0);
    }
};

QTEST_GUILESS_MAIN(TestGuiCommandLine)
#include "tst_guicommandline.moc"
