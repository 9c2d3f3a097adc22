// The first CoppScope window: open a chain (File > Open, command line, drag and
// drop), validate it, and list every validation step with its outcome and evidence.
#pragma once

#include <core/validation/validationpolicy.h>
#include <core/validation/validationreport.h>

#include <QMainWindow>

#include <functional>
#include <optional>

class QActionGroup;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTreeView;

namespace copp::models {
class CertificateTreeModel;
class ValidationStepModel;
}

namespace copp::ui {

class ByteRangeView;
class MeritPanel;
class SessionPanel;
class OutcomeDecorationProxy;
class StepDetailView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Returns false (and tells the user) when the file cannot be read. The
    // chain is validated on a worker thread; validationShown() follows. A pipe
    // or device is read on a worker thread too (it may keep the reader waiting
    // for seconds): then true means reading has started, and a problem is told later.
    bool openChain(const QString& path);
    // True while the chain is read (pipes, devices) or validated.
    bool isValidating() const;
    // Continues where another window left off (after a language change).
    void takeOver(const MainWindow& previous);
    bool setTrustRootFile(const QString& path);
    void useMicrosoftRoot();
    bool setRevocationListFile(const QString& path);
    // OPM (X.509) bundles: the root must be this certificate (PEM or DER). On
    // an error the anchor in use stays and the user is told why.
    bool setX509TrustAnchorFile(const QString& path);
    // Back to the default anchor: Microsoft's media root by SPKI SHA-256.
    void useDefaultX509Anchor();

    QTreeView* stepView() const { return m_steps; }
    QTreeView* certificateView() const { return m_tree; }
    ByteRangeView* byteView() const { return m_bytes; }
    const models::ValidationStepModel* stepModel() const { return m_model; }
    QString verdictText() const;
    // Writes the report exactly as `coppscope-cli verify --json` prints it.
    bool exportJson(const QString& path);
    // A self-contained HTML page for partners (reporthtml.h).
    bool exportHtml(const QString& path);
    QStringList recentFiles() const;
    SessionPanel* sessionPanel() const { return m_session; }
    void showSessionPage();
    MeritPanel* meritPanel() const { return m_merit; }
    void showMeritPage();
    const models::CertificateTreeModel* certificateModel() const { return m_treeModel; }

signals:
    void validationShown();
    // The user chose another language ("" = the system's) from the menu.
    void languageChangeRequested(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void revalidate(); // re-reads the chain file
    void useChain(const QString& path, const QByteArray& bytes); // openChain's read succeeded
    void readInBackground(const QString& path, std::function<void(const QByteArray&)> use);
    void setReading(bool reading);
    void updateBusy();
    void chainFileChanged(bool contentChanged);
    void watchChain(const QString& path);
    void startValidation(const QByteArray& chainBytes);
    void showValidation(const validation::ValidationReport& report, const QByteArray& chainBytes);
    bool writeExport(const QString& path, const QByteArray& bytes);
    void showError(const QString& message);
    // `consequence` is said after the problem (what happens instead).
    std::optional<QByteArray> readOrReport(const QString& path, qint64 maxBytes, const QString& consequence = {});
    void fitStepColumns();
    void syncTrustMenu();
    QString trustRootText() const;
    QString reportVerdict() const; // verdictText() without the file's state
    void updateCurrentStep();
    void updateCurrentNode();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void copyCurrentValue(int role);
    void inspectDeviceChain(const QByteArray& chain, const validation::ValidationPolicy& policy);

    validation::ValidationPolicy m_policy;
    QString m_chainPath;
    QByteArray m_chainBytes; // the bytes of the report shown
    quint64 m_generation = 0; // results of superseded validations are dropped
    quint64 m_readGeneration = 0; // the same for pipes read in the background
    bool m_validating = false;
    bool m_reading = false;
    bool m_chainGone = false; // the file was deleted or moved: its last result is shown
    QProgressBar* m_busy = nullptr;
    models::ValidationStepModel* m_model = nullptr;
    OutcomeDecorationProxy* m_proxy = nullptr;
    QTreeView* m_steps = nullptr;
    models::CertificateTreeModel* m_treeModel = nullptr;
    OutcomeDecorationProxy* m_treeProxy = nullptr;
    QTreeView* m_tree = nullptr;
    ByteRangeView* m_bytes = nullptr;
    QTabWidget* m_tabs = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_microsoftRootAction = nullptr; // Trust menu: the check marks show what is in use
    QAction* m_testRootAction = nullptr;
    QAction* m_x509AnchorAction = nullptr;
    QAction* m_x509DefaultAction = nullptr;
    QAction* m_crlAction = nullptr;
    QAction* m_noCrlAction = nullptr;
    StepDetailView* m_detail = nullptr;
    QLabel* m_verdict = nullptr;
    QTabWidget* m_pages = nullptr;
    SessionPanel* m_session = nullptr;
    MeritPanel* m_merit = nullptr;
    QWidget* m_sessionPage = nullptr; // m_session in its scroll area (the tab's widget)
    QStringList m_pendingErrors;      // said before the window was shown
    QWidget* m_meritPage = nullptr;
};

} // namespace copp::ui
