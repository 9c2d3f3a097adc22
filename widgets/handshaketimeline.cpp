// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs both classes to give
// SessionPanel::tr() its context (the strings stay the panel's translations).
#include <widgets/handshaketimeline.h>
#include <widgets/sessionpanel.h>

#include <core/session/eventtext.h>
#include <core/session/sessionevent.h>
#include <core/validation/trustroot.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

// The strings are in SessionPanel's translation context, with the panel's others.

namespace copp::ui {

HandshakeTimeline::HandshakeTimeline(QWidget* parent) : QWidget(parent)
{
    auto* leftLayout = new QVBoxLayout(this);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_timeline = new QTreeWidget(this);
    m_timeline->setAccessibleName(SessionPanel::tr("Handshake timeline"));
    m_timeline->setHeaderLabels({SessionPanel::tr("Step"), SessionPanel::tr("Value")});
    leftLayout->addWidget(m_timeline, 1);
    auto* row = new QHBoxLayout;
    m_showKey = new QCheckBox(SessionPanel::tr("Show the session ke&y"), this);
    m_showKey->setAccessibleName(SessionPanel::tr("Show the session key"));
    m_showKey->setEnabled(false);
    m_showKey->setToolTip(SessionPanel::tr("Only available when the session was started with \"Reveal secrets\"."));
    row->addWidget(m_showKey);
    connect(m_showKey, &QCheckBox::toggled, this, [this](bool on) {
        if (m_keyItem)
            m_keyItem->setText(1, on ? m_sessionKeyHex : SessionPanel::tr("hidden (•••)"));
    });
    m_inspect = new QPushButton(SessionPanel::tr("Inspect the &chain"), this);
    m_inspect->setAccessibleName(SessionPanel::tr("Open the device's certificate chain in the inspector"));
    m_inspect->setEnabled(false); // until a device sends its chain
    connect(m_inspect, &QPushButton::clicked, this, [this] {
        if (!m_chainBytes.isEmpty())
            emit inspectRequested(m_chainBytes);
    });
    row->addStretch(1);
    row->addWidget(m_inspect);
    leftLayout->addLayout(row);
}

void HandshakeTimeline::clear()
{
    m_timeline->clear();
    m_keyItem = nullptr;
    m_sessionKeyHex.clear();
    m_chainBytes.clear();
    m_inspect->setEnabled(false);
    m_showKey->setChecked(false);
    m_showKey->setEnabled(false);
    m_sessionStarted = false;
    m_firstReplyShown = false;
}

void HandshakeTimeline::addStep(const session::SessionEvent& event)
{
    const auto hex = [](const QByteArray& bytes) { return QString::fromLatin1(bytes.toHex()); };
    if (const auto* k = event.as<session::KeyExchangeEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {SessionPanel::tr("① Key exchange"), k->device});
        new QTreeWidgetItem(step, {SessionPanel::tr("Driver random"), hex(k->driverRandom)});
        new QTreeWidgetItem(step, {SessionPanel::tr("Certificate chain"), SessionPanel::tr("%1 bytes").arg(k->certificateBytes)});
        m_chainBytes = k->certificateChain;
        m_inspect->setEnabled(!m_chainBytes.isEmpty());
        step->setExpanded(true);
    } else if (const auto* c = event.as<session::ChainEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {SessionPanel::tr("② Chain validation"),
                                                      c->valid ? SessionPanel::tr("✔ valid") : SessionPanel::tr("✖ rejected: %1").arg(c->firstFailure)});
        new QTreeWidgetItem(step, {SessionPanel::tr("Trust root"), validation::TrustRoot::displayName(c->trustRoot)});
        for (const session::ChainStep& s : c->steps) {
            const QString status = s.status == session::ChainStep::Status::Pass   ? SessionPanel::tr("✔ pass")
                : s.status == session::ChainStep::Status::Fail                    ? SessionPanel::tr("✖ fail")
                                                                                  : SessionPanel::tr("– skipped");
            new QTreeWidgetItem(step, {s.rule, status});
        }
    } else if (const auto* started = event.as<session::SessionStartedEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {SessionPanel::tr("③ Session start"), SessionPanel::tr("✔ accepted")});
        new QTreeWidgetItem(step, {SessionPanel::tr("Status sequence"), QString::number(started->statusSequence)});
        new QTreeWidgetItem(step, {SessionPanel::tr("Command sequence"), QString::number(started->commandSequence)});
        new QTreeWidgetItem(step, {SessionPanel::tr("AMCOPPSignature (256 bytes)"), hex(started->signature)});
        m_sessionKeyHex = hex(started->sessionKey);
        m_keyItem = new QTreeWidgetItem(step, {SessionPanel::tr("Session key"), m_sessionKeyHex.isEmpty() ? SessionPanel::tr("not revealed") : SessionPanel::tr("hidden (•••)")});
        m_showKey->setEnabled(!m_sessionKeyHex.isEmpty());
        m_sessionStarted = true;
        step->setExpanded(true);
    } else if (const auto* status = event.as<session::StatusEvent>(); status && m_sessionStarted && !m_firstReplyShown) {
        m_firstReplyShown = true;
        auto* step = new QTreeWidgetItem(m_timeline, {SessionPanel::tr("④ First reply"), session::eventSummary(event)});
        const auto ok = [this](bool passed) { return passed ? SessionPanel::tr("✔ passed") : SessionPanel::tr("✖ failed"); };
        new QTreeWidgetItem(step, {SessionPanel::tr("OMAC"), ok(status->checks.mac)});
        new QTreeWidgetItem(step, {SessionPanel::tr("Size"), ok(status->checks.size)});
        new QTreeWidgetItem(step, {SessionPanel::tr("Random echoed"), ok(status->checks.random)});
    } else if (event.is<session::ErrorEvent>() || (event.is<session::AlertEvent>() && !m_sessionStarted)) {
        new QTreeWidgetItem(m_timeline, {SessionPanel::tr("✖ Stopped"), session::eventSummary(event)});
    }
    m_timeline->resizeColumnToContents(0); // step names were cut to "Key exc…"
}

} // namespace copp::ui
