// SPDX-License-Identifier: BSD-3-Clause
// The session workspace a tester uses (docs/session-workspace.md), offscreen,
// in the real main window against the built-in emulator: the chart and the
// state line in view without scrolling at 1366x768 and in the first window at
// 1920x1080; the setup folded out of the way and out of the tab chain; focus on
// the chart after Start; alerts acknowledged one at a time; tester controls
// that follow the output (HDMI offers HDCP only) and a refused request in the
// log, the alerts and on the chart; a 2 px focus ring; German in the window.
#include <support/findnamed.h>
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <core/kernel/protocol/constants.h>
#include <core/models/alertmodel.h>
#include <core/models/protectionhistory.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/sessioncontroller.h>
#include <widgets/elidedlabel.h>
#include <widgets/focusringstyle.h>
#include <widgets/presenterview.h>
#include <widgets/protectionchart.h>
#include <widgets/sessionpanel.h>

#include <QChartView>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace copp;
using copp::tests::findNamed;
using Verdict = session::ProtectionState::Verdict;

namespace {

constexpr int kLongWaitMs = 20000;

int countProblems(const models::SessionLogModel& log, const QString& event)
{
    int n = 0;
    for (int row = 0; row < log.rowCount(); ++row) {
        const QModelIndex i = log.index(row, 0);
        n += i.data(models::SessionLogModel::EventNameRole).toString() == event
            && i.data(models::SessionLogModel::ProblemRole).toBool();
    }
    return n;
}

// The rectangle of `w` in `area`'s viewport coordinates.
QRect inViewport(QWidget* w, QScrollArea* area)
{
    return QRect(w->mapTo(area->viewport(), QPoint(0, 0)), w->size());
}

} // namespace

class TestSessionWorkspace : public QObject {
    Q_OBJECT
    QTemporaryDir m_cache;

    static bool startEmulator(ui::SessionPanel& panel, const QString& scenario)
    {
        QString error;
        if (!panel.applyDeviceChoice(QStringLiteral("emulator"), scenario, {}, &error))
            return false;
        panel.setInitialProtections({{protocol::protection::Hdcp, 1}});
        return panel.startSession();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_cache.isValid());
        qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cache.path()));
        const QString keys = m_cache.filePath(QStringLiteral("coppscope/emulator-test-keys"));
        QVERIFY(QDir().mkpath(keys));
        QVERIFY(tests::testPki().keys().save(keys).ok()); // no key generation per session
        ui::FocusRingStyle::install();
    }

    void chartAndStateInViewWithoutScrolling_data()
    {
        QTest::addColumn<QSize>("window");
        // A 1366x768 laptop: the window fills what the panel and title bar leave.
        QTest::newRow("1366x768") << QSize(1366, 768 - 48);
        // The first window on a 1920x1080 screen (MainWindow: 1400x900 at most).
        QTest::newRow("1920x1080 first window") << QSize(1400, 900);
    }

    void chartAndStateInViewWithoutScrolling()
    {
        QFETCH(QSize, window);
        ui::MainWindow w;
        w.resize(window);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ui::SessionPanel* panel = w.sessionPanel();
        auto* pages = w.findChild<QTabWidget*>();
        QVERIFY(pages);
        auto* area = qobject_cast<QScrollArea*>(panel->parentWidget() ? panel->parentWidget()->parentWidget() : nullptr);
        QVERIFY(area);
        pages->setCurrentWidget(area);
        QVERIFY(!panel->isSetupFolded()); // before the first start the setup is there to fill in
        QString error;
        QVERIFY(panel->applyDeviceChoice(QStringLiteral("emulator"), QStringLiteral("steady"), {}, &error));
        panel->setInitialProtections({{protocol::protection::Hdcp, 1}});
        w.activateWindow();
        QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // Session > Start, as a keyboard user starts it
        QTRY_VERIFY(panel->isRunning());
        QVERIFY(panel->isSetupFolded());
        // Focus on the chart, not on a Browse button of the setup that just folded away.
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(panel->chart()->chartView()));
        QTRY_COMPARE_WITH_TIMEOUT(panel->protectionState().verdict(), Verdict::Protected, kLongWaitMs);
        QCoreApplication::processEvents();

        const QRect viewport = area->viewport()->rect();
        const QRect chart = inViewport(panel->chart(), area);
        auto* stateLine = findNamed<QLabel>(*panel, QStringLiteral("Protection state"));
        QVERIFY(stateLine);
        const QRect state = inViewport(stateLine, area);
        const QString where = QStringLiteral("viewport %1x%2, chart %3,%4 %5x%6, state %7,%8")
                                  .arg(viewport.width()).arg(viewport.height())
                                  .arg(chart.x()).arg(chart.y()).arg(chart.width()).arg(chart.height())
                                  .arg(state.x()).arg(state.y());
        QVERIFY2(viewport.contains(chart), qPrintable(where));
        QVERIFY2(viewport.contains(state), qPrintable(where));
        QVERIFY2(chart.height() >= 260, qPrintable(where)); // the main area, not a strip
        QCOMPARE(area->verticalScrollBar()->value(), 0);
        panel->stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), kLongWaitMs);
    }

    void keyboardGoesToTheChartAndSkipsTheFoldedSetup()
    {
        ui::SessionPanel panel;
        panel.resize(1366, 720);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(startEmulator(panel, QStringLiteral("steady")));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(panel.chart()->chartView()));
        // Tab from the chart never lands on a setup field: they are folded away.
        auto* faults = findNamed<QWidget>(panel, QStringLiteral("Faults"));
        QVERIFY(faults && !faults->isVisible());
        auto* setup = panel.findChild<QWidget*>(QStringLiteral("sessionSetup"));
        QVERIFY(setup && !setup->isVisible());
        for (int i = 0; i < 40; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget* focused = QApplication::focusWidget();
            QVERIFY(focused);
            QVERIFY2(!setup->isAncestorOf(focused), qPrintable(focused->accessibleName()));
        }
        panel.stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
        // Every control of the workspace has a name a screen reader can say.
        for (QWidget* control : panel.findChildren<QWidget*>())
            if ((qobject_cast<QPushButton*>(control) || qobject_cast<QComboBox*>(control)) && control->isVisible())
                QVERIFY2(!control->accessibleName().isEmpty(), qPrintable(control->objectName() + QLatin1Char(' ') + control->metaObject()->className()));
    }

    void longAlertTextIsElidedNotCutOrWrapped()
    {
        ui::ElidedLabel label;
        label.resize(200, 30);
        label.show();
        const QString text = QStringLiteral("⚠ ALERT 1 of 1 unacknowledged, at 0.002 s: Device call failed — a long detail that cannot fit");
        label.setFullText(text);
        QVERIFY(label.text().endsWith(QChar(0x2026))); // "…"
        QVERIFY(label.fontMetrics().horizontalAdvance(label.text()) <= 200);
        QCOMPARE(label.fullText(), text);
        QCOMPARE(label.toolTip(), text);
        QCOMPARE(label.accessibleDescription(), text);
        QCOMPARE(label.minimumSizeHint().width(), 0); // never widens or heightens the page
        label.resize(2000, 30);
        QCOMPARE(label.text(), text); // room again: the whole text
    }

    void focusRingIsTwoPixels()
    {
        QWidget host;
        auto* button = new QPushButton(QStringLiteral("HDCP on"), &host);
        auto* other = new QPushButton(QStringLiteral("other"), &host);
        other->move(0, 60);
        host.resize(200, 120);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        button->setFocus(Qt::TabFocusReason); // a keyboard focus change
        QTRY_VERIFY(button->hasFocus());
        const QImage image = button->grab().toImage();
        const QColor ring = button->palette().color(QPalette::Highlight);
        const int y = image.height() / 2;
        for (int x : {0, 1, image.width() - 1, image.width() - 2}) // 2 px on both sides
            QVERIFY2(QColor(image.pixel(x, y)) == ring, qPrintable(QStringLiteral("x=%1: %2").arg(x).arg(QColor(image.pixel(x, y)).name())));
        const QImage unfocused = other->grab().toImage();
        QVERIFY(QColor(unfocused.pixel(1, unfocused.height() / 2)) != ring);
    }

    void alertsAreAcknowledgedOneAtATime()
    {
        ui::SessionPanel panel;
        panel.resize(1366, 720);
        panel.show();
        QVERIFY(startEmulator(panel, QStringLiteral("hdcp-link-loss")));
        models::AlertModel* alerts = panel.alertModel();
        QTRY_VERIFY_WITH_TIMEOUT(alerts->rowCount() >= 2, kLongWaitMs);
        panel.stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
        const int total = alerts->rowCount();
        auto* acknowledge = findNamed<QPushButton>(panel, QStringLiteral("Acknowledge the alert shown"));
        auto* all = findNamed<QPushButton>(panel, QStringLiteral("Acknowledge all alerts"));
        auto* next = findNamed<QPushButton>(panel, QStringLiteral("Show the next unacknowledged alert"));
        QVERIFY(acknowledge && all && next);
        QCOMPARE(all->text(), QStringLiteral("Acknowledge all (%1)").arg(total));
        QVERIFY2(panel.bannerText().contains(QStringLiteral("%1 of %1 unacknowledged").arg(total)), qPrintable(panel.bannerText()));

        // Step to the first alert, acknowledge it: only it.
        const int shown = panel.shownAlertRow();
        next->click();
        QVERIFY(panel.shownAlertRow() != shown);
        const int first = panel.shownAlertRow();
        const QString kind = alerts->index(first, models::AlertModel::KindColumn).data().toString();
        QVERIFY2(panel.bannerText().contains(kind), qPrintable(panel.bannerText()));
        acknowledge->click();
        QCOMPARE(alerts->unacknowledgedCount(), total - 1);
        QVERIFY(alerts->index(first, 0).data(models::AlertModel::AcknowledgedRole).toBool());
        QVERIFY(alerts->index(first, 0).data(models::AlertModel::AcknowledgedMsRole).toLongLong()
                >= alerts->index(first, 0).data(models::AlertModel::TimeMsRole).toLongLong());
        for (int row = 0; row < total; ++row)
            if (row != first)
                QVERIFY(!alerts->index(row, 0).data(models::AlertModel::AcknowledgedRole).toBool());
        QCOMPARE(all->text(), QStringLiteral("Acknowledge all (%1)").arg(total - 1));
        QVERIFY(panel.shownAlertRow() != first);
        all->click();
        QCOMPARE(alerts->unacknowledgedCount(), 0);
        QCOMPARE(panel.bannerText(), QStringLiteral("No unacknowledged alerts."));
        QVERIFY(!acknowledge->isEnabled());
    }

    void controlsFollowTheOutputAndARefusalShowsEverywhere()
    {
        ui::SessionPanel panel;
        panel.resize(1366, 720);
        panel.show();
        QVERIFY(startEmulator(panel, QStringLiteral("steady"))); // HDMI: HDCP only
        QTRY_VERIFY_WITH_TIMEOUT(panel.protectionState().availableTypes().has_value(), kLongWaitMs);
        QCOMPARE(*panel.protectionState().availableTypes(), protocol::protection::Hdcp);
        auto* setAcp = findNamed<QPushButton>(panel, QStringLiteral("Set ACP"));
        auto* acpLevel = findNamed<QComboBox>(panel, QStringLiteral("ACP level"));
        auto* setCgmsa = findNamed<QPushButton>(panel, QStringLiteral("Set CGMS-A"));
        auto* hdcpOn = findNamed<QPushButton>(panel, QStringLiteral("HDCP on"));
        QVERIFY(setAcp && acpLevel && setCgmsa && hdcpOn);
        QVERIFY(!setAcp->isEnabled());
        QVERIFY(!acpLevel->isEnabled());
        QVERIFY(!setCgmsa->isEnabled());
        QVERIFY(hdcpOn->isEnabled());
        QVERIFY2(setAcp->toolTip().contains(QStringLiteral("does not offer ACP")), qPrintable(setAcp->toolTip()));
        QCOMPARE(setAcp->accessibleDescription(), setAcp->toolTip());
        QVERIFY(setAcp->toolTip().contains(QStringLiteral("HDCP only")));
        // The control shows the session's request.
        bool shown = false;
        for (QLabel* label : panel.findChildren<QLabel*>())
            shown = shown || label->text() == QStringLiteral("Requested: HDCP on");
        QVERIFY(shown);

        // A request the output refuses (as a script or another client would send
        // it): in the log, the alerts and on ACP's lane of the chart.
        panel.controller()->setProtectionLevel(protocol::protection::Acp, 2);
        QTRY_VERIFY_WITH_TIMEOUT(countProblems(*panel.logModel(), QStringLiteral("command")) == 1, kLongWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.history()->markers(0, panel.history()->lastMs()).isEmpty(), kLongWaitMs);
        const auto markers = panel.history()->markers(0, panel.history()->lastMs());
        const auto refused = std::find_if(markers.begin(), markers.end(),
                                          [](const models::Marker& m) { return m.kind == models::MarkerKind::CommandRefused; });
        QVERIFY(refused != markers.end());
        QCOMPARE(refused->type, QStringLiteral("acp"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.alertModel()->rowCount() >= 1, kLongWaitMs);
        QCOMPARE(panel.alertModel()->index(0, 0).data(models::AlertModel::KindRole).toString(), QStringLiteral("device_error"));
        panel.stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);

        // An analog output offers ACP and CGMS-A: their controls come alive.
        QVERIFY(startEmulator(panel, QStringLiteral("analog-tv")));
        QTRY_VERIFY_WITH_TIMEOUT(panel.protectionState().availableTypes().has_value(), kLongWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(setAcp->isEnabled(), kLongWaitMs);
        QVERIFY(setCgmsa->isEnabled());
        QVERIFY(setAcp->toolTip().isEmpty());
        panel.stopSession();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
    }

    // The window's export and the CLI's --evidence are one piece of code: the same
    // session (the CLI's transcript, opened in the window) gives the same summary.
    void windowAndCliWriteTheSameSummary()
    {
        QTemporaryDir dir;
        const QString cli = dir.filePath(QStringLiteral("cli"));
        const auto run = tests::runCli({QStringLiteral("session"), QStringLiteral("--device"), QStringLiteral("emulator"),
                                        QStringLiteral("--scenario"), QStringLiteral("hdcp-link-loss"), QStringLiteral("--protect"),
                                        QStringLiteral("hdcp=1"), QStringLiteral("--duration"), QStringLiteral("4"),
                                        QStringLiteral("--poll-ms"), QStringLiteral("200"), QStringLiteral("--evidence"), cli});
        QCOMPARE(run.exitCode, 1); // alerts: the link was lost
        ui::SessionPanel panel;
        panel.resize(1366, 720);
        QString error;
        QVERIFY2(panel.openTranscript(cli + QStringLiteral("/transcript.json"), &error), qPrintable(error));
        const QString window = dir.filePath(QStringLiteral("window"));
        const auto written = panel.exportEvidence(window, &error);
        QVERIFY2(written.has_value(), qPrintable(error));
        QVERIFY(written->files.contains(QStringLiteral("chart.png")));
        auto summary = [](const QString& folder) {
            QFile f(folder + QStringLiteral("/summary.json"));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
        };
        const QJsonObject a = summary(cli), b = summary(window);
        QCOMPARE(a.value(QStringLiteral("verdict")).toString(), QStringLiteral("protection_lost"));
        // Everything the session did; `settings` are the front end's own (the window
        // did not start this session) and the transcripts differ in their calls' layout.
        for (const char* key : {"verdict", "types", "alerts", "connector", "chain", "ended_ms", "started_utc", "device"})
            QVERIFY2(a.value(QLatin1String(key)) == b.value(QLatin1String(key)), key);
    }

    void presenterViewReadsFromTheBackOfARoom_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        for (const QString& language : {QString(), QStringLiteral("de")}) {
            QTest::newRow(qPrintable(QStringLiteral("1280x720 %1").arg(language))) << QSize(1280, 720) << language;
            QTest::newRow(qPrintable(QStringLiteral("1920x1080 %1").arg(language))) << QSize(1920, 1080) << language;
        }
    }

    void presenterViewReadsFromTheBackOfARoom()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral("coppscope_") + language, QStringLiteral(COPP_QM_DIR)));
            QVERIFY(QCoreApplication::installTranslator(&translator));
        }
        {
            ui::SessionPanel panel;
            panel.showPresenter();
            ui::PresenterView* view = panel.presenterView();
            QVERIFY(view);
            view->resize(size);
            QVERIFY(QTest::qWaitForWindowExposed(view));
            // A loss and its recovery: the link goes at 3 s, the tester sets HDCP again.
            QVERIFY(startEmulator(panel, QStringLiteral("hdcp-link-loss")));
            QTRY_VERIFY_WITH_TIMEOUT(panel.protectionState().verdict() == Verdict::NotProtected, kLongWaitMs);
            QVERIFY2(view->text().contains(language.isEmpty() ? QStringLiteral("NOT PROTECTED") : QStringLiteral("NICHT GESCHÜTZT")),
                     qPrintable(view->text()));
            panel.controller()->setProtectionLevel(protocol::protection::Hdcp, 1);
            QTRY_VERIFY_WITH_TIMEOUT(panel.protectionState().verdict() == Verdict::Protected, kLongWaitMs);
            QCoreApplication::processEvents();
            const QString all = view->findChild<QLabel*>() ? [&] {
                QStringList texts;
                for (QLabel* l : view->findChildren<QLabel*>())
                    if (l->isVisible())
                        texts << l->text();
                return texts.join(u'\n');
            }() : QString();
            QVERIFY2(all.contains(language.isEmpty() ? QStringLiteral("protected again since 0:0") : QStringLiteral("wieder geschützt seit 0:0")),
                     qPrintable(all));
            // The scenario's clock starts when the emulator is made, a little before the
            // session's: the loss at its 3 s reads 0:02 or 0:03 on the session's clock.
            QVERIFY2(QRegularExpression(language.isEmpty() ? QStringLiteral("Last alert at 0:0[23]: ") : QStringLiteral("Letzter Alarm bei 0:0[23]: "))
                         .match(all)
                         .hasMatch(),
                     qPrintable(all));
            QVERIFY2(all.contains(QStringLiteral("✔ HDCP")), qPrintable(all));
            // The headline: at least a tenth of the height, on one line, inside the window.
            QLabel* headline = view->headlineLabel();
            QVERIFY(!headline->wordWrap());
            QVERIFY2(headline->font().pixelSize() >= size.height() / 10, qPrintable(QString::number(headline->font().pixelSize())));
            QVERIFY(QFontMetrics(headline->font()).horizontalAdvance(headline->text()) <= view->width());
            QVERIFY(headline->text().startsWith(QStringLiteral("✔ "))); // an icon, not colour alone
            panel.stopSession();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
        }
        QCoreApplication::removeTranslator(&translator);
    }

    void germanInTheWindow()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral("coppscope_de"), QStringLiteral(COPP_QM_DIR)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        {
            ui::SessionPanel panel;
            auto* all = findNamed<QPushButton>(panel, QStringLiteral("Alle Alarme quittieren"));
            QVERIFY(all);
            QVERIFY2(all->text().startsWith(QStringLiteral("Alle quittieren")), qPrintable(all->text()));
            QCOMPARE(panel.bannerText(), QStringLiteral("Keine unquittierten Alarme."));
            QCOMPARE(validation::TrustRoot::displayName(QStringLiteral("Microsoft COPP root key")),
                     QStringLiteral("Microsoft-COPP-Stammschlüssel"));
            QCOMPARE(validation::TrustRoot::displayName(QStringLiteral("test root of the built-in emulator")),
                     QStringLiteral("Test-Stammschlüssel des eingebauten Emulators"));

            // A live alert's detail is German in the window, English in the evidence CSV.
            QVERIFY(startEmulator(panel, QStringLiteral("hdcp-link-loss")));
            QTRY_VERIFY_WITH_TIMEOUT(panel.alertModel()->rowCount() >= 1, kLongWaitMs);
            panel.stopSession();
            QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), kLongWaitMs);
            const QString detail = panel.alertModel()->index(0, models::AlertModel::DetailColumn).data().toString();
            QVERIFY2(detail.endsWith(QStringLiteral("die Statusflags melden LinkLost")), qPrintable(detail));
            QVERIFY(panel.alertModel()->toCsv().contains("status flags carry LinkLost"));
            QVERIFY2(panel.bannerText().startsWith(QStringLiteral("⚠ ALARM")), qPrintable(panel.bannerText()));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestSessionWorkspace)
#include "tst_sessionworkspace.moc"
