// The session panel (issue 5): choose a device (built-in emulator with a
// scenario and faults, a device agent command, a transcript to replay), trust
// root and revocation list; Start / Stop; the handshake as a timeline; tester
// controls (protection levels, signaling, any status query); the live chart;
// the session log and the alerts; the protected / not protected line; evidence
// export. Talks only to SessionController: the session runs on its own thread.
#pragma once

#include <core/session/evidencebundle.h>
#include <core/session/protectionstate.h>
#include <core/session/sessionworker.h>
#include <core/validation/validationpolicy.h>

#include "presenterview.h"

#include <QWidget>

#include <array>
#include <optional>
#include <vector>

class QCheckBox;
class QFrame;
class QLayout;
class QSplitter;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

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
class ProtectionChart;

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
    QWidget* createDeviceBox();
    QWidget* createSummaryBar();
    QLayout* createBannerRow();
    QWidget* createTimeline();
    QWidget* createControls();
    // Setup shown (before the first start, or on Edit) or folded into the summary bar.
    void setSetupFolded(bool folded);
    QString summaryText() const;
    void stepAlert(int step);
    void restoreLayout();
    void saveLayout() const;
    QWidget* createLogTab();
    QWidget* createAlertTab();
    void onEvent(const session::SessionEvent& event);
    void addTimelineStep(const session::SessionEvent& event);
    void updateControls();
    session::EvidenceSettings evidenceSettings(const session::SessionConfig& config) const;
    PresenterView::State presenterState(session::ProtectionState::Verdict verdict, bool notStarted) const;
    void updateStateLine();
    void updateBanner();
    void updateButtons();
    void showLogDetail();
    void resetViews();
    void browse(QLineEdit* edit, const QString& title, const QString& filter);

    session::SessionController* m_controller = nullptr;
    models::SessionLogModel* m_log = nullptr;
    models::AlertModel* m_alerts = nullptr;
    models::ProtectionHistory* m_history = nullptr;
    session::ProtectionState m_state;
    std::vector<protocol::TypeLevel> m_initialProtections;
    QByteArray m_chainBytes;
    QString m_sessionKeyHex;
    QString m_lastProblem;   // the newest "error" or "alert" event's detail
    QString m_notStarted;  // why the session ended before it started, else empty
    bool m_sessionStarted = false;   // the timeline has its session-start step
    bool m_firstReplyShown = false;  // ... and its first reply

    QComboBox* m_deviceKind = nullptr;
    QComboBox* m_scenario = nullptr;
    QLineEdit* m_faults = nullptr;
    QComboBox* m_connector = nullptr;
    QComboBox* m_emulatorInterface = nullptr;
    QLineEdit* m_agentCommand = nullptr;
    QLineEdit* m_hardware = nullptr;
    QLineEdit* m_replayPath = nullptr;
    QLineEdit* m_trustRoot = nullptr;
    QLineEdit* m_crl = nullptr;
    QLineEdit* m_trustAnchor = nullptr;
    QSpinBox* m_pollMs = nullptr;
    QCheckBox* m_protectHdcp = nullptr;
    QCheckBox* m_reveal = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    ElidedLabel* m_stateLine = nullptr;
    ElidedLabel* m_banner = nullptr;
    QPushButton* m_acknowledge = nullptr;    // the alert shown
    QPushButton* m_acknowledgeAll = nullptr; // "Acknowledge all (N)"
    QPushButton* m_previousAlert = nullptr;
    QPushButton* m_nextAlert = nullptr;
    int m_shownAlert = -1;
    int m_alertRowsSeen = 0;
    QString m_controlsShown; // what the tester controls show, to skip redoing it
    session::EvidenceSettings m_evidenceSettings; // of the session shown
    std::optional<session::Transcript> m_openedTranscript; // shown when not a live session
    bool m_liveSession = false;
    bool m_lostOnce = false;            // protection was lost at least once this session
    qint64 m_protectedAgainSinceMs = -1; // protected again since (after a loss), -1 otherwise // the views show a session started here, not an opened transcript
    QWidget* m_setup = nullptr;
    QFrame* m_summaryBar = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_editSetup = nullptr;
    QPushButton* m_summaryAction = nullptr; // Stop, or Start again
    bool m_setupFolded = false;
    QSplitter* m_workspace = nullptr;
    std::vector<QSplitter*> m_splitters; // their sizes are remembered
    // The tester controls of one protection type: enabled only where the output offers it.
    enum TypeIndex { kHdcp, kAcp, kCgmsa, kDpcp, kTypeCount };
    struct TypeControls {
        QLabel* label = nullptr;
        QLabel* requested = nullptr; // "Requested: ACP level 2"
        QWidget* container = nullptr;
        std::vector<QWidget*> inputs;
    };
    std::array<TypeControls, kTypeCount> m_typeControls;
    QTreeWidget* m_timeline = nullptr;
    QCheckBox* m_showKey = nullptr;
    QPushButton* m_inspect = nullptr; // "Inspect the chain": enabled once the device sent one
    QTreeWidgetItem* m_keyItem = nullptr;
    ProtectionChart* m_chart = nullptr;
    QWidget* m_controls = nullptr;
    QComboBox* m_acpLevel = nullptr;
    QComboBox* m_cgmsaLevel = nullptr;
    QCheckBox* m_cgmsaRedistribution = nullptr;
    QComboBox* m_signalingStandard = nullptr;
    QComboBox* m_queryRequest = nullptr;
    QComboBox* m_queryType = nullptr;
    QLineEdit* m_logFilter = nullptr;
    QCheckBox* m_problemsOnly = nullptr;
    QSortFilterProxyModel* m_logProxy = nullptr;
    QTableView* m_logView = nullptr;
    QTextBrowser* m_logDetail = nullptr;
    QTableView* m_alertView = nullptr;
    PresenterView* m_presenter = nullptr;
    AlertNotifier* m_notifier = nullptr;
};

} // namespace copp::ui
