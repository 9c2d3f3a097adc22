// SPDX-License-Identifier: BSD-3-Clause
// The session panel: the setup (SessionSetupForm) folded into a summary bar
// once a session runs; the protected / not protected line and the alert
// banner; the tester controls (TesterControls) and the handshake timeline
// (HandshakeTimeline); the live chart; the session log (SessionLogView) and
// the alerts; the presenter view; evidence export. Talks only to
// SessionController: the session runs on its own thread.
//
// sessionpanel.cpp builds it and runs the session; sessionpanelalerts.cpp is
// the alert banner and list, sessionpanelstate.cpp the state line and the
// presenter view.
#pragma once

#include <core/session/evidencebundle.h>
#include <core/session/protectionstate.h>
#include <core/session/sessionworker.h>
#include <core/validation/validationpolicy.h>

#include <widgets/presenterview.h>

#include <QWidget>

#include <optional>
#include <vector>

class QFrame;
class QLayout;
class QSplitter;
class QLabel;
class QPushButton;
class QTableView;

namespace copp::models {
class AlertModel;
class ProtectionHistory;
class SessionLogModel;
}
namespace copp::session {
class SessionController;
}

namespace copp::ui {

class AlertNotifier;
class ElidedLabel;
class HandshakeTimeline;
class ProtectionChart;
class SessionLogView;
class SessionSetupForm;
class TesterControls;

class SessionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SessionPanel(QWidget* parent = nullptr);
    ~SessionPanel() override;

    // Fills the device choice from the --device/--scenario/--fault syntax.
    bool applyDeviceChoice(const QString& device, const QString& scenario, const QStringList& faults, QString* error);
    // The built-in emulator's interface: "copp" or "opm", with "copp" or "opm" semantics.
    bool setEmulatorInterface(const QString& interface, const QString& semantics);
    void setInitialProtections(const std::vector<protocol::TypeLevel>& protections);
    session::SessionConfig config() const;

    bool startSession();
    void stopSession();
    bool isRunning() const;
    void showPresenter();

    // Evidence: transcript JSON, chart PNG + SVG, alerts CSV, HTML report with
    // the verdict and the transcript's SHA-256, all into one folder.
    std::optional<session::EvidenceWritten> exportEvidence(const QString& directory, QString* error);
    // Shows an exported transcript's events in the panel (no device).
    bool openTranscript(const QString& path, QString* error);

    session::SessionController* controller() const { return m_controller; }
    models::SessionLogModel* logModel() const { return m_log; }
    models::AlertModel* alertModel() const { return m_alerts; }
    AlertNotifier* alertNotifier() const { return m_notifier; }
    models::ProtectionHistory* history() const { return m_history; }
    const session::ProtectionState& protectionState() const { return m_state; }
    QString bannerText() const;
    bool isSetupFolded() const { return m_setupFolded; }
    PresenterView* presenterView() const { return m_presenter; }
    ProtectionChart* chart() const { return m_chart; }
    // The alert the banner shows (a row of alertModel()), -1 when none.
    int shownAlertRow() const { return m_shownAlert; }

signals:
    void runningChanged(bool running);
    // The user asked to inspect the chain the device sent (bytes as received).
    // The device's chain, with the trust root, anchor and revocation list this
    // session checked it against (the inspector then gives the same verdict).
    void inspectChainRequested(const QByteArray& chain, const copp::validation::ValidationPolicy& policy);

private:
    // sessionpanel.cpp
    QWidget* createSummaryBar();
    // Setup shown (before the first start, or on Edit) or folded into the summary bar.
    void setSetupFolded(bool folded);
    void restoreLayout();
    void saveLayout() const;
    void onEvent(const session::SessionEvent& event);
    void inspectChain(const QByteArray& chain);
    session::EvidenceSettings evidenceSettings(const session::SessionConfig& config) const;
    void updateButtons();
    void resetViews();
    // sessionpanelalerts.cpp
    QLayout* createBannerRow();
    QWidget* createAlertTab();
    void updateBanner();
    void stepAlert(int step);
    // sessionpanelstate.cpp
    void updateStateLine();
    PresenterView::State presenterState(session::ProtectionState::Verdict verdict, bool notStarted) const;

    session::SessionController* m_controller = nullptr;
    models::SessionLogModel* m_log = nullptr;
    models::AlertModel* m_alerts = nullptr;
    models::ProtectionHistory* m_history = nullptr;
    session::ProtectionState m_state;
    QString m_lastProblem;   // the newest "error" or "alert" event's detail
    QString m_notStarted;  // why the session ended before it started, else empty

    ElidedLabel* m_stateLine = nullptr;
    ElidedLabel* m_banner = nullptr;
    QPushButton* m_acknowledge = nullptr;    // the alert shown
    QPushButton* m_acknowledgeAll = nullptr; // "Acknowledge all (N)"
    QPushButton* m_previousAlert = nullptr;
    QPushButton* m_nextAlert = nullptr;
    int m_shownAlert = -1;
    int m_alertRowsSeen = 0;
    session::EvidenceSettings m_evidenceSettings; // of the session shown
    std::optional<session::Transcript> m_openedTranscript; // shown when not a live session
    bool m_liveSession = false; // the views show a session started here, not an opened transcript
    bool m_lostOnce = false;            // protection was lost at least once this session
    qint64 m_protectedAgainSinceMs = -1; // protected again since (after a loss), -1 otherwise
    SessionSetupForm* m_setup = nullptr;
    QFrame* m_summaryBar = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_editSetup = nullptr;
    QPushButton* m_summaryAction = nullptr; // Stop, or Start again
    bool m_setupFolded = false;
    QSplitter* m_workspace = nullptr;
    std::vector<QSplitter*> m_splitters; // their sizes are remembered
    TesterControls* m_controls = nullptr;
    HandshakeTimeline* m_timeline = nullptr;
    ProtectionChart* m_chart = nullptr;
    SessionLogView* m_logView = nullptr;
    QTableView* m_alertView = nullptr;
    PresenterView* m_presenter = nullptr;
    AlertNotifier* m_notifier = nullptr;
};

} // namespace copp::ui
