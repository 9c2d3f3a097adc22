// AlertNotifier: off by default, the tester's choice remembered, the first
// alert announced at once and a burst coalesced into one notification.
#include <support/testsupport.h>
#include <core/models/alertmodel.h>
#include <widgets/alertnotifier.h>

#include <QApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using copp::models::AlertModel;
using copp::ui::AlertNotifier;

namespace {

QJsonObject alert(const char* kind, qint64 tMs, const char* detail)
{
    return {{QStringLiteral("event"), QStringLiteral("alert")},
            {QStringLiteral("t_ms"), tMs},
            {QStringLiteral("kind"), QLatin1String(kind)},
            {QStringLiteral("detail"), QLatin1String(detail)}};
}

struct Delivered {
    AlertNotifier::Notification notification;
    bool desktop = false;
    bool sound = false;
};

} // namespace

class TestAlertNotifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings in a throwaway place
        QCoreApplication::setOrganizationName(QStringLiteral("CoppScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_alertnotifier"));
        QSettings().clear();
    }

    void offByDefaultAnnouncesNothing()
    {
        AlertModel model;
        AlertNotifier notifier(&model);
        QVERIFY(!notifier.desktopEnabled());
        QVERIFY(!notifier.soundEnabled());
        std::vector<Delivered> delivered;
        notifier.setDeliverer([&](const auto& n, bool d, bool s) { delivered.push_back({n, d, s}); });
        QVERIFY(model.addEvent(copp::tests::event(alert("link_lost", 100, "HDCP link lost"))));
        QTest::qWait(50);
        QCOMPARE(delivered.size(), std::size_t(0));
    }

    void firstAlertAtOnceThenOneForTheBurst()
    {
        AlertModel model;
        AlertNotifier notifier(&model);
        notifier.setCoalesceMs(200);
        notifier.setSoundEnabled(true);
        std::vector<Delivered> delivered;
        notifier.setDeliverer([&](const auto& n, bool d, bool s) { delivered.push_back({n, d, s}); });

        model.addEvent(copp::tests::event(alert("link_lost", 100, "HDCP link lost")));
        QCOMPARE(delivered.size(), std::size_t(1)); // synchronously, no waiting for a timer
        QCOMPARE(delivered[0].notification.alertCount, 1);
        QVERIFY(delivered[0].sound);
        QVERIFY(!delivered[0].desktop);
        QVERIFY(delivered[0].notification.body.contains(QStringLiteral("HDCP link lost")));

        model.addEvent(copp::tests::event(alert("level_drop", 110, "hdcp global level is 0")));
        model.addEvent(copp::tests::event(alert("level_drop", 120, "hdcp local level is 0")));
        model.addEvent(copp::tests::event(alert("renegotiation_required", 130, "renegotiate")));
        QCOMPARE(delivered.size(), std::size_t(1)); // held until the window closes
        QTRY_COMPARE(delivered.size(), std::size_t(2));
        QCOMPARE(delivered[1].notification.alertCount, 3);
        QVERIFY2(delivered[1].notification.body.contains(QStringLiteral("renegotiate")), qPrintable(delivered[1].notification.body));

        // After a quiet window the next alert is immediate again.
        QTest::qWait(300);
        model.addEvent(copp::tests::event(alert("timeout", 900, "no answer")));
        QCOMPARE(delivered.size(), std::size_t(3));
        QCOMPARE(delivered[2].notification.alertCount, 1);
    }

    void choiceIsRemembered()
    {
        AlertModel model;
        {
            AlertNotifier notifier(&model);
            notifier.setDesktopEnabled(true);
            notifier.setSoundEnabled(false);
        }
        AlertNotifier again(&model);
        QVERIFY(again.desktopEnabled());
        QVERIFY(!again.soundEnabled());
        QSignalSpy spy(&again, &AlertNotifier::notified);
        again.setDeliverer([](const auto&, bool, bool) {});
        model.addEvent(copp::tests::event(alert("tampering", 5, "tampering detected")));
        QCOMPARE(spy.count(), 1);
    }
};

QTEST_MAIN(TestAlertNotifier)
#include "tst_alertnotifier.moc"
