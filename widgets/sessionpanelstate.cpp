// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/sessionpanel.h>

#include <widgets/elidedlabel.h>

#include <core/models/alertmodel.h>
#include <core/session/sessioncontroller.h>

// What the session panel says about protection: the state line (protected,
// not protected, why the session did not start) and the presenter view.

namespace copp::ui {

void SessionPanel::updateStateLine()
{
    // A session that never started (the agent could not be run, the chain was
    // rejected) says why, where it read "? No session running".
    const bool notStarted = !m_notStarted.isEmpty() && !m_controller->isRunning();
    const auto verdict = notStarted ? session::ProtectionState::Verdict::NotProtected : m_state.verdict();
    const QString symbol = verdict == session::ProtectionState::Verdict::Protected      ? QStringLiteral("✔ ")
        : verdict == session::ProtectionState::Verdict::NotProtected                    ? QStringLiteral("✖ ")
                                                                                        : QStringLiteral("? ");
    // After the end the last state stays, said as such (it read "✖ No session
    // running" in red, and an evidence report exported then had no verdict).
    QString sentence = tr("No session running");
    if (notStarted)
        sentence = tr("The session did not start: %1").arg(m_notStarted);
    else if (m_controller->isRunning() || m_state.running())
        sentence = m_state.sentence();
    else if (m_state.ended())
        sentence = verdict == session::ProtectionState::Verdict::Unknown ? tr("Session ended")
                                                                         : tr("Session ended; its last state: %1").arg(m_state.sentence());
    m_stateLine->setFullText(symbol + sentence);
    const QString colour = verdict == session::ProtectionState::Verdict::Protected      ? QStringLiteral("#1b7f3b")
        : verdict == session::ProtectionState::Verdict::NotProtected                    ? QStringLiteral("#b00020")
                                                                                        : QString();
    const QString style = colour.isEmpty() ? QString() : QStringLiteral("color: %1").arg(colour);
    if (m_stateLine->styleSheet() != style) // a style sheet re-polishes the label: only on a change
        m_stateLine->setStyleSheet(style);
    if (m_presenter)
        m_presenter->showState(presenterState(verdict, notStarted));
}

// docs/evidence.md "Presenter view": the verdict, a line per requested type,
// since when protected again after a loss, the last alert with its time.
PresenterView::State SessionPanel::presenterState(session::ProtectionState::Verdict verdict, bool notStarted) const
{
    using Verdict = session::ProtectionState::Verdict;
    PresenterView::State p;
    const bool running = m_controller->isRunning() || m_state.running();
    p.verdict = verdict == Verdict::Protected ? 1 : verdict == Verdict::NotProtected ? 0 : -1;
    p.headline = verdict == Verdict::Protected ? tr("PROTECTED")
        : verdict == Verdict::NotProtected     ? tr("NOT PROTECTED")
        : running                              ? tr("CHECKING…")
                                               : tr("NO SESSION");
    const QString output = m_state.connector().isEmpty() ? tr("Output") : tr("%1 output").arg(m_state.connector());
    if (notStarted)
        p.output = tr("The session did not start: %1").arg(m_notStarted);
    else if (running)
        p.output = output;
    else if (m_state.ended())
        p.output = tr("Session ended — %1").arg(output);
    else
        p.output = tr("No session running");
    for (const auto& [type, t] : m_state.types()) {
        if (t.requested < 0)
            continue;
        if (t.global < 0)
            p.types << tr("? %1 not read yet").arg(session::ProtectionState::typeName(type));
        else if (t.verdict == Verdict::Protected)
            p.types << QStringLiteral("✔ ") + session::ProtectionState::typeText(type, t.global);
        else
            p.types << tr("✖ %1 — %2 requested")
                           .arg(session::ProtectionState::typeText(type, t.global), session::ProtectionState::typeText(type, t.requested));
    }
    if (verdict == Verdict::Protected && m_protectedAgainSinceMs >= 0)
        p.since = tr("protected again since %1").arg(PresenterView::clock(m_protectedAgainSinceMs));
    if (const int last = m_alerts->rowCount() - 1; last >= 0)
        p.lastAlert = tr("Last alert at %1: %2")
                          .arg(PresenterView::clock(m_alerts->index(last, 0).data(models::AlertModel::TimeMsRole).toLongLong()),
                               m_alerts->index(last, models::AlertModel::KindColumn).data().toString());
    return p;
}

void SessionPanel::showPresenter()
{
    if (!m_presenter)
        m_presenter = new PresenterView(this);
    updateStateLine();
    m_presenter->show();
    m_presenter->raise();
}

} // namespace copp::ui
