// SPDX-License-Identifier: BSD-3-Clause
// Optional desktop notification and sound for new alerts ("a banner
// and a list ..., optional desktop notification and sound"). Both are off
// until the tester turns them on; the choice is remembered (QSettings).
// A burst of alerts (a link loss raises several at once) gives one
// notification, not a stack of them.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QSystemTrayIcon;

namespace copp::models {
class AlertModel;
}

namespace copp::ui {

class AlertNotifier : public QObject {
    Q_OBJECT
public:
    struct Notification {
        QString title;
        QString body;
        int alertCount = 0; // alerts this notification stands for
    };
    using Deliverer = std::function<void(const Notification&, bool desktop, bool sound)>;

    explicit AlertNotifier(models::AlertModel* alerts, QObject* parent = nullptr);

    bool desktopEnabled() const { return m_desktop; }
    bool soundEnabled() const { return m_sound; }
    void setDesktopEnabled(bool on);
    void setSoundEnabled(bool on);
    // False where the desktop has no notification area (the checkbox says so).
    static bool desktopAvailable();

    // Alerts arriving within this window are coalesced into one notification.
    void setCoalesceMs(int ms) { m_coalesceMs = ms; }
    // Tests replace the tray icon and the beep.
    void setDeliverer(Deliverer deliverer) { m_deliver = std::move(deliverer); }
    // Calls `then` once `ms` have passed (by default a QTimer on this object):
    // tests close the coalescing window themselves instead of waiting for it.
    using Delay = std::function<void(int ms, std::function<void()> then)>;
    void setDelay(Delay delay) { m_delay = std::move(delay); }

signals:
    void notified(const copp::ui::AlertNotifier::Notification& notification);

private:
    void onAlertsInserted(int first, int last);
    void flush();
    void deliverToDesktop(const Notification& notification, bool desktop, bool sound);

    models::AlertModel* m_alerts;
    bool m_desktop = false;
    bool m_sound = false;
    int m_coalesceMs = 1500;
    bool m_flushScheduled = false;
    int m_pendingCount = 0;
    int m_pendingNewestRow = -1;
    Deliverer m_deliver;
    Delay m_delay;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace copp::ui
