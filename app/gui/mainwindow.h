// SPDX-License-Identifier: BSD-3-Clause
// The CoppScope window: the inspector, session and codec merit pages, the menus
// and the status line. Opening a chain (File > Open, command line, drag and
// drop) hands it to a ChainInspection; the inspector page shows its result.
#pragma once

#include <core/validation/validationpolicy.h>
#include <widgets/inspectorpage.h>

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QTabWidget;

namespace copp::validation {
class ChainInspection;
}

namespace copp::ui {

class MeritPanel;
class RecentFiles;
class SessionPanel;
class TrustMenu;

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

    QTreeView* stepView() const { return m_inspector->stepView(); }
    QTreeView* certificateView() const { return m_inspector->certificateView(); }
    ByteRangeView* byteView() const { return m_inspector->byteView(); }
    const models::ValidationStepModel* stepModel() const { return m_inspector->stepModel(); }
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
    const models::CertificateTreeModel* certificateModel() const { return m_inspector->certificateModel(); }

signals:
    void validationShown();
    // The user chose another language ("" = the system's) from the menu.
    void languageChangeRequested(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    void createStatusLine();
    void connectInspection();
    void createMenus();
    void createFileMenu();
    void createSessionMenu();
    void createViewMenu();
    void exportEvidence();
    void changeLanguage(const QString& code);
    void showBusy();
    void showValidation(const validation::ValidationReport& report, const QByteArray& chainBytes);
    bool writeExport(const QString& path, const QByteArray& bytes);
    void showError(const QString& message);
    void inspectDeviceChain(const QByteArray& chain, const validation::ValidationPolicy& policy);

    validation::ChainInspection* m_inspection = nullptr;
    InspectorPage* m_inspector = nullptr;
    RecentFiles* m_recent = nullptr;
    TrustMenu* m_trust = nullptr;
    bool m_busyCursor = false; // while a chain is read: the application's override cursor
    QProgressBar* m_busy = nullptr;
    QLabel* m_verdict = nullptr;
    QTabWidget* m_pages = nullptr;
    SessionPanel* m_session = nullptr;
    MeritPanel* m_merit = nullptr;
    QWidget* m_sessionPage = nullptr; // m_session in its scroll area (the tab's widget)
    QWidget* m_meritPage = nullptr;
    QStringList m_pendingErrors;      // said before the window was shown
};

} // namespace copp::ui
