// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/sessionpanel.h>

#include <widgets/alertnotifier.h>
#include <widgets/elidedlabel.h>

#include <core/models/alertmodel.h>
#include <core/session/sessioncontroller.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

// The session panel's alerts: the banner row with the alert shown, stepping
// and acknowledging (docs/session-workspace.md "Alerts"), and the alert list
// with its notification options.

namespace copp::ui {

QLayout* SessionPanel::createBannerRow()
{
    auto* bannerRow = new QHBoxLayout;
    m_banner = new ElidedLabel(this);
    m_banner->setAccessibleName(tr("Alert banner"));
    m_previousAlert = new QPushButton(tr("◀"), this);
    m_previousAlert->setAccessibleName(tr("Show the previous unacknowledged alert"));
    m_previousAlert->setToolTip(m_previousAlert->accessibleName());
    m_nextAlert = new QPushButton(tr("▶"), this);
    m_nextAlert->setAccessibleName(tr("Show the next unacknowledged alert"));
    m_nextAlert->setToolTip(m_nextAlert->accessibleName());
    for (QPushButton* b : {m_previousAlert, m_nextAlert})
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("MMM")) + 12);
    m_acknowledge = new QPushButton(tr("Ac&knowledge"), this);
    m_acknowledge->setAccessibleName(tr("Acknowledge the alert shown"));
    m_acknowledgeAll = new QPushButton(this);
    m_acknowledgeAll->setAccessibleName(tr("Acknowledge all alerts"));
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_previousAlert);
    bannerRow->addWidget(m_nextAlert);
    bannerRow->addWidget(m_acknowledge);
    bannerRow->addWidget(m_acknowledgeAll);
    // docs/session-workspace.md "Alerts": one at a time; all only when asked for by name.
    connect(m_acknowledge, &QPushButton::clicked, this, [this] { m_alerts->acknowledge(m_shownAlert); });
    connect(m_acknowledgeAll, &QPushButton::clicked, m_alerts, &models::AlertModel::acknowledgeAll);
    connect(m_previousAlert, &QPushButton::clicked, this, [this] { stepAlert(-1); });
    connect(m_nextAlert, &QPushButton::clicked, this, [this] { stepAlert(+1); });
    connect(m_alerts, &models::AlertModel::acknowledgementChanged, this, &SessionPanel::updateBanner);
    // Acknowledged when, on the session's clock; an opened transcript has no
    // clock running, so there the alert's own time stands.
    m_alerts->setClock([this] { return m_liveSession ? m_controller->elapsedMs() : -1; });
    return bannerRow;
}

QWidget* SessionPanel::createAlertTab()
{
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    m_alertView = new QTableView(tab);
    m_alertView->setAccessibleName(tr("Alerts"));
    m_alertView->setTabKeyNavigation(false); // Tab leaves the table (it moved cell by cell: a keyboard trap)
    m_alertView->setModel(m_alerts);
    m_alertView->horizontalHeader()->setStretchLastSection(true);
    m_alertView->verticalHeader()->hide();
    layout->addWidget(m_alertView, 1);
    auto* row = new QHBoxLayout;
    auto* all = new QPushButton(tr("Acknowledge all"), tab);
    all->setAccessibleName(tr("Acknowledge all alerts"));
    connect(all, &QPushButton::clicked, m_alerts, &models::AlertModel::acknowledgeAll);
    // Optional, off until turned on: a tester at another window still hears or sees it.
    auto* desktop = new QCheckBox(tr("Desktop notification"), tab);
    desktop->setAccessibleName(tr("Show a desktop notification for new alerts"));
    desktop->setChecked(m_notifier->desktopEnabled());
    if (!AlertNotifier::desktopAvailable())
        desktop->setToolTip(tr("This desktop has no notification area; the banner and the list still show every alert."));
    connect(desktop, &QCheckBox::toggled, m_notifier, &AlertNotifier::setDesktopEnabled);
    auto* sound = new QCheckBox(tr("Sound"), tab);
    sound->setAccessibleName(tr("Play a sound for new alerts"));
    sound->setChecked(m_notifier->soundEnabled());
    connect(sound, &QCheckBox::toggled, m_notifier, &AlertNotifier::setSoundEnabled);
    row->addWidget(desktop);
    row->addWidget(sound);
    row->addStretch(1);
    row->addWidget(all);
    layout->addLayout(row);
    return tab;
}

QString SessionPanel::bannerText() const
{
    return m_banner->fullText();
}

void SessionPanel::updateBanner()
{
    // A new alert is shown the moment it comes; an acknowledged one gives way
    // to the newest still open (docs/session-workspace.md "Alerts").
    const int rows = m_alerts->rowCount();
    if (rows > m_alertRowsSeen || m_shownAlert < 0 || m_shownAlert >= rows
        || m_alerts->index(m_shownAlert, 0).data(models::AlertModel::AcknowledgedRole).toBool())
        m_shownAlert = m_alerts->newestUnacknowledgedRow();
    m_alertRowsSeen = rows;
    const int count = m_alerts->unacknowledgedCount();
    m_acknowledgeAll->setText(tr("Acknowledge all (%1)").arg(count));
    m_acknowledgeAll->setEnabled(count > 0);
    m_previousAlert->setEnabled(count > 1);
    m_nextAlert->setEnabled(count > 1);
    m_acknowledge->setEnabled(m_shownAlert >= 0);
    if (m_shownAlert < 0) {
        m_banner->setFullText(tr("No unacknowledged alerts."));
        m_banner->setStyleSheet(QString());
    } else {
        int position = 0; // of the shown alert among the open ones, oldest first
        for (int row = 0; row <= m_shownAlert; ++row)
            position += !m_alerts->index(row, 0).data(models::AlertModel::AcknowledgedRole).toBool();
        m_banner->setFullText(tr("⚠ ALERT %1 of %2 unacknowledged, at %3: %4 — %5")
                              .arg(position)
                              .arg(count)
                              .arg(m_alerts->index(m_shownAlert, models::AlertModel::TimeColumn).data().toString(),
                                   m_alerts->index(m_shownAlert, models::AlertModel::KindColumn).data().toString(),
                                   m_alerts->index(m_shownAlert, models::AlertModel::DetailColumn).data().toString()));
        m_banner->setStyleSheet(QStringLiteral("background: #fff3cd; color: #5c3c00; padding: 4px; border: 1px solid #b58a00"));
    }
    m_acknowledge->setAccessibleDescription(m_shownAlert >= 0 ? m_banner->fullText() : QString());
    updateStateLine();
}

void SessionPanel::stepAlert(int step)
{
    const int next = m_alerts->nextUnacknowledgedRow(m_shownAlert, step);
    if (next < 0)
        return;
    m_shownAlert = next;
    m_alertRowsSeen = m_alerts->rowCount();
    updateBanner();
}

} // namespace copp::ui
