// SPDX-License-Identifier: BSD-3-Clause
// The Codec Merit page, offscreen, against the built-in codec emulator (merit 1):
// expected 1 is VERIFIED with every check ✔; expected 2 is NOT VERIFIED with the
// `merit` check failing; a CLSID that is not a GUID is an error in words, no run;
// the window stays responsive while a run is on its worker thread.
#include <support/findnamed.h>
#include <support/testsupport.h>

#include <widgets/meritpanel.h>

#include <QDir>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace copp;
using copp::tests::findNamed;

namespace {

constexpr int kLongWaitMs = 60000;

// The checks table as "check | result" rows.
QStringList checkRows(const QTableWidget& table)
{
    QStringList rows;
    for (int row = 0; row < table.rowCount(); ++row)
        rows << table.item(row, 0)->text() + QStringLiteral(" | ") + table.item(row, 1)->text();
    return rows;
}

} // namespace

class TestMeritPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_cache; // the emulator's keys live in the user's cache folder: point it here

    // Presses Run and waits for the result.
    static bool runAndWait(ui::MeritPanel& panel)
    {
        QSignalSpy finished(&panel, &ui::MeritPanel::finished);
        auto* run = findNamed<QPushButton>(panel, QStringLiteral("Run the codec merit check"));
        if (!run || !run->isEnabled())
            return false;
        run->click();
        return finished.count() > 0 || finished.wait(kLongWaitMs);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
        QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation), m_cache.path());
        const QString keys = m_cache.filePath(QStringLiteral("coppscope/emulator-test-keys"));
        QVERIFY(QDir().mkpath(keys));
        QVERIFY(tests::testPki().keys().save(keys).ok()); // no key generation per run
        QVERIFY(tests::x509TestPki().keys().save(keys).ok());
    }

    void everyControlIsNamed()
    {
        ui::MeritPanel panel;
        for (QWidget* w : panel.findChildren<QWidget*>()) {
            if (qobject_cast<QAbstractSpinBox*>(w->parentWidget()))
                continue; // a spin box's own line edit: the spin box carries the name
            if (qobject_cast<QHeaderView*>(w))
                continue; // a table's headers: the table carries the name
            if (qobject_cast<QLineEdit*>(w) || qobject_cast<QPushButton*>(w) || qobject_cast<QAbstractSpinBox*>(w)
                || qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractItemView*>(w))
                QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->metaObject()->className()));
        }
        auto* run = findNamed<QPushButton>(panel, QStringLiteral("Run the codec merit check"));
        QVERIFY(run);
        QVERIFY(!run->shortcut().isEmpty());
    }

    void expectedMeritVerified()
    {
        ui::MeritPanel panel;
        panel.show();
        panel.setDeviceKind(ui::MeritPanel::DeviceKind::Emulator);
        panel.setEmulatorMerit(1);
        panel.setExpectedMerit(1);
        QSignalSpy running(&panel, &ui::MeritPanel::runningChanged);
        QVERIFY(runAndWait(panel));
        QVERIFY(!panel.isRunning());
        QVERIFY(running.count() >= 2); // true then false: the run was on the worker thread
        QVERIFY2(panel.verdictText().startsWith(QStringLiteral("✔ VERIFIED: merit 1")), qPrintable(panel.verdictText()));
        QVERIFY(panel.hasResult());
        QVERIFY(panel.result().verified);
        const QStringList rows = checkRows(*panel.checksView());
        QVERIFY(!rows.isEmpty());
        for (const QString& row : rows)
            QVERIFY2(row.contains(QStringLiteral("✔")), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.join(u'\n').contains(QStringLiteral("merit | ✔")), qPrintable(rows.join(u'\n')));
        QVERIFY2(panel.certificateVerdictText().contains(QStringLiteral("VALID")), qPrintable(panel.certificateVerdictText()));
        QVERIFY(!panel.certificateVerdictText().contains(QStringLiteral("REJECTED")));
        auto* log = findNamed<QPlainTextEdit>(panel, QStringLiteral("Merit run log"));
        QVERIFY(log);
        QVERIFY(!log->toPlainText().isEmpty());
    }

    void otherMeritNotVerified()
    {
        ui::MeritPanel panel;
        panel.setEmulatorMerit(1);
        panel.setExpectedMerit(2);
        QVERIFY(runAndWait(panel));
        QVERIFY2(panel.verdictText().startsWith(QStringLiteral("✖ NOT VERIFIED")), qPrintable(panel.verdictText()));
        QVERIFY(panel.verdictText().contains(QStringLiteral("merit")));
        QVERIFY(!panel.result().verified);
        const QStringList rows = checkRows(*panel.checksView());
        QVERIFY2(rows.contains(QStringLiteral("merit | ✖ failed")), qPrintable(rows.join(u'\n')));
        // Only the merit comparison failed: the protocol checks still pass.
        for (const QString& row : rows) {
            if (!row.startsWith(QStringLiteral("merit |")))
                QVERIFY2(row.contains(QStringLiteral("✔")), qPrintable(row));
        }
    }

    void badClsidIsAnErrorInWords()
    {
        ui::MeritPanel panel;
        auto* clsid = findNamed<QLineEdit>(panel, QStringLiteral("CLSID"));
        QVERIFY(clsid);
        clsid->setText(QStringLiteral("not-a-guid"));
        QSignalSpy finished(&panel, &ui::MeritPanel::finished);
        QVERIFY(!panel.run());
        QCOMPARE(finished.count(), 1);
        QVERIFY(!panel.isRunning());
        QVERIFY2(panel.verdictText().startsWith(QStringLiteral("✖ ERROR")), qPrintable(panel.verdictText()));
        QVERIFY(panel.verdictText().contains(QStringLiteral("not-a-guid")));
        QCOMPARE(panel.checksView()->rowCount(), 0);
        QVERIFY(!panel.hasResult());
    }

    void agentThatDoesNotStartIsAnError()
    {
        ui::MeritPanel panel;
        panel.setDeviceKind(ui::MeritPanel::DeviceKind::Agent);
        panel.setAgentCommand(QStringLiteral("exit 3"));
        QVERIFY(runAndWait(panel));
        QVERIFY2(panel.verdictText().contains(QStringLiteral("could not be")), qPrintable(panel.verdictText()));
        QVERIFY(!panel.hasResult());
    }

    void missingTrustAnchorFileIsAnError()
    {
        ui::MeritPanel panel;
        panel.setTrustAnchorPath(m_cache.filePath(QStringLiteral("no-such-anchor.pem")));
        QVERIFY(runAndWait(panel));
        QVERIFY2(panel.verdictText().startsWith(QStringLiteral("✖ ERROR")), qPrintable(panel.verdictText()));
        QVERIFY(panel.verdictText().contains(QStringLiteral("trust anchor")));
    }
};

QTEST_MAIN(TestMeritPanel)
#include "tst_meritpanel.moc"
