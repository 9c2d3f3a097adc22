// SPDX-License-Identifier: BSD-3-Clause
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

#include <functional>
#include <utility>
#include <vector>

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

// The notifier's timer, driven by the test: each delay is held until the test
// lets it pass.
struct ManualDelays {
    std::vector<std::pair<int, std::function<void()>>> pending;

    void attach(AlertNotifier& notifier)
    {
        notifier.setDelay([this](int ms, std::function<void()> then) { pending.emplace_back(ms, std::move(then)); });
    }
    void passAll()
    {
        auto due = std::exchange(pending, {});
        for (auto& [ms, then] : due)
            then();
    }
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
        ManualDelays delays;
        delays.attach(notifier);
        QVERIFY(!notifier.desktopEnabled());
        QVERIFY(!notifier.soundEnabled());
        std::vector<Delivered> delivered;
        notifier.setDeliverer([&](const auto& n, bool d, bool s) { delivered.push_back({n, d, s}); });
        QVERIFY(model.addEvent(copp::tests::event(alert("link_lost", 100, "HDCP link lost"))));
        QVERIFY(delays.pending.empty()); // nothing waits to be said later either
        delays.passAll();
        QCOMPARE(delivered.size(), std::size_t(0));
    }

    void firstAlertAtOnceThenOneForTheBurst()
    {
        AlertModel model;
        AlertNotifier notifier(&model);
        notifier.setCoalesceMs(200);
        ManualDelays delays;
        delays.attach(notifier);
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
        QCOMPARE(delays.pending.size(), std::size_t(1)); // one window for the whole burst
        QCOMPARE(delays.pending[0].first, 200);
        delays.passAll();
        QCOMPARE(delivered.size(), std::size_t(2));
        QCOMPARE(delivered[1].notification.alertCount, 3);
        QVERIFY2(delivered[1].notification.body.contains(QStringLiteral("renegotiate")), qPrintable(delivered[1].notification.body));

        // After a quiet window the next alert is immediate again.
        delays.passAll();
        QCOMPARE(delivered.size(), std::size_t(2)); // a window without alerts says nothing
        model.addEvent(copp::tests::event(alert("timeout", 900, "no answer")));
        QCOMPARE(delivered.size(), std::size_t(3));
        QCOMPARE(delivered[2].notification.alertCount, 1);
        QCOMPARE(delays.pending.size(), std::size_t(1)); // and opens a new window
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
