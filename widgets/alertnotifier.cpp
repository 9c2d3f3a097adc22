// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/alertnotifier.h> // quoted: lupdate (no include path) finds the class, its tr() context, only so

#include <core/models/alertmodel.h>

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace copp::ui {

namespace {
const QString kDesktopKey = QStringLiteral("alerts/desktopNotification");
const QString kSoundKey = QStringLiteral("alerts/sound");
} // namespace

AlertNotifier::AlertNotifier(models::AlertModel* alerts, QObject* parent) : QObject(parent), m_alerts(alerts)
{
    QSettings settings;
    m_desktop = settings.value(kDesktopKey, false).toBool();
    m_sound = settings.value(kSoundKey, false).toBool();
    m_deliver = [this](const Notification& n, bool desktop, bool sound) { deliverToDesktop(n, desktop, sound); };
    m_delay = [this](int ms, std::function<void()> then) { QTimer::singleShot(ms, this, std::move(then)); };
    connect(alerts, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onAlertsInserted(first, last); });
}

void AlertNotifier::setDesktopEnabled(bool on)
{
    m_desktop = on;
    QSettings().setValue(kDesktopKey, on);
}

void AlertNotifier::setSoundEnabled(bool on)
{
    m_sound = on;
    QSettings().setValue(kSoundKey, on);
}

bool AlertNotifier::desktopAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages();
}

void AlertNotifier::onAlertsInserted(int first, int last)
{
    if (!m_desktop && !m_sound)
        return;
    m_pendingCount += last - first + 1;
    m_pendingNewestRow = last;
    if (m_flushScheduled)
        return;
    // The first alert is announced at once; later ones in the window are
    // counted and announced together when it closes.
    m_flushScheduled = true;
    flush();
    m_delay(m_coalesceMs, [this] {
        m_flushScheduled = false;
        if (m_pendingCount > 0)
            flush();
    });
}

void AlertNotifier::flush()
{
    if (m_pendingCount == 0 || m_pendingNewestRow >= m_alerts->rowCount())
        return;
    Notification n;
    n.alertCount = m_pendingCount;
    const QString kind = m_alerts->index(m_pendingNewestRow, models::AlertModel::KindColumn).data().toString();
    const QString detail = m_alerts->index(m_pendingNewestRow, models::AlertModel::DetailColumn).data().toString();
    n.title = m_pendingCount == 1 ? tr("CoppScope alert: %1").arg(kind)
                                  : tr("CoppScope: %n new alerts", nullptr, m_pendingCount);
    n.body = m_pendingCount == 1 ? detail : tr("Newest: %1 — %2").arg(kind, detail);
    m_pendingCount = 0;
    m_deliver(n, m_desktop, m_sound);
    emit notified(n);
}

void AlertNotifier::deliverToDesktop(const Notification& n, bool desktop, bool sound)
{
    if (sound)
        QApplication::beep();
    if (!desktop || !desktopAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning), this);
        m_tray->setToolTip(tr("CoppScope alerts"));
        // Clicking the notification brings the window with the banner forward.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (w->inherits("QMainWindow") && w->isVisible()) {
                    w->showNormal();
                    w->raise();
                    w->activateWindow();
                    return;
                }
            }
        });
    }
    m_tray->show();
    m_tray->showMessage(n.title, n.body, QSystemTrayIcon::Warning, 8000);
}

} // namespace copp::ui
