// SPDX-License-Identifier: BSD-3-Clause
#include <app/gui/mainwindow.h> // quoted: lupdate (no include path) finds the class, its tr() context, only so

#include <app/gui/language.h>
#include <app/gui/recentfiles.h>
#include <app/gui/trustmenu.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/evidencebundle.h>
#include <core/validation/chaininspection.h>
#include <core/validation/reporthtml.h>
#include <core/validation/reportjson.h>
#include <core/validation/x509validator.h>
#include <widgets/meritpanel.h>
#include <widgets/sessionpanel.h>

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>

#include <utility>

namespace copp::ui {

namespace {

// How long a status message covers the verdict line.
constexpr int kMessageTimeoutMs = 8000;

// `page` scrolls when the window is smaller than it needs, and fills the tab otherwise.
QScrollArea* scrollable(QWidget* page)
{
    auto* area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setAccessibleName(page->accessibleName());
    return area;
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("CoppScope"));
    setAcceptDrops(true);
    resize(1100, 700);

    m_inspection = new validation::ChainInspection(this);
    createPages();
    createStatusLine();
    connectInspection();

    QSettings settings;
    // Room for the session panel's chart and log, but at most 90 % of the screen:
    // the window manager's frame and title bar come on top, and at the screen's
    // full size they pushed the status bar (the verdict) off a 1280 x 800 screen.
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        const QRect available = screen()->availableGeometry();
        resize(QSize(1400, 900).boundedTo(available.size() * 0.9));
        move(available.topLeft() + QPoint((available.width() - width()) / 2, (available.height() - height()) / 2));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    createMenus();
}

MainWindow::~MainWindow()
{
    if (m_busyCursor) // closed while a pipe was read: the cursor is the application's
        QGuiApplication::restoreOverrideCursor();
}

void MainWindow::createPages()
{
    m_inspector = new InspectorPage;
    connect(m_inspector, &InspectorPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_session = new SessionPanel;
    m_pages = new QTabWidget;
    m_merit = new MeritPanel;
    m_pages->setAccessibleName(tr("Inspector, session and codec merit pages"));
    m_pages->addTab(m_inspector, tr("&Inspector"));
    // The session page stacks the device form, the controls, the chart and the log:
    // taller than a 1280 x 800 screen. In a scroll area it no longer sets the
    // window's minimum height (952 px), so the window fits and scrolls instead.
    m_sessionPage = scrollable(m_session);
    m_meritPage = scrollable(m_merit);
    m_pages->addTab(m_sessionPage, tr("Sessio&n"));
    m_pages->addTab(m_meritPage, tr("Codec &Merit"));
    setCentralWidget(m_pages);
    connect(m_session, &SessionPanel::inspectChainRequested, this, &MainWindow::inspectDeviceChain);
}

void MainWindow::createStatusLine()
{
    m_verdict = new QLabel(tr("Open a COPP certificate chain or an OPM certificate bundle (File > Open, or drop a file here)."));
    m_verdict->setAccessibleName(tr("Verdict"));
    // A normal widget, not a permanent one: a permanent label with stretch took the
    // whole bar and hid every message. Messages now show over the verdict for a few
    // seconds (each has a timeout, or is cleared when its work ends), then it returns.
    statusBar()->addWidget(m_verdict, 1);
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0); // busy: validation time is not known in advance
    m_busy->setMaximumWidth(160);
    m_busy->setAccessibleName(tr("Validating"));
    m_busy->setVisible(false);
    statusBar()->addPermanentWidget(m_busy);
}

void MainWindow::connectInspection()
{
    connect(m_inspection, &validation::ChainInspection::opened, this,
            [this](const QString& path) {
                m_recent->remember(path);
                setWindowTitle(tr("%1 — CoppScope").arg(QFileInfo(path).fileName()));
            });
    connect(m_inspection, &validation::ChainInspection::busyChanged, this, &MainWindow::showBusy);
    connect(m_inspection, &validation::ChainInspection::inspected, this, &MainWindow::showValidation);
    connect(m_inspection, &validation::ChainInspection::problem, this, &MainWindow::showError);
    connect(m_inspection, &validation::ChainInspection::chainGone, this, [this] {
        // Said once; the last result stays, marked as such in the status line.
        m_verdict->setText(verdictText());
        statusBar()->showMessage(tr("%1 was deleted or moved. It is validated again when it is back.")
                                     .arg(QDir::toNativeSeparators(m_inspection->chainPath())),
                                 kMessageTimeoutMs);
    });
}

// While the chain the user asked for is read: the busy indicator, and a busy
// cursor (an arrow with a clock: the window still works meanwhile); while it is
// validated, the busy indicator.
void MainWindow::showBusy()
{
    const bool reading = m_inspection->isReading();
    if (std::exchange(m_busyCursor, reading) != reading) {
        if (reading)
            QGuiApplication::setOverrideCursor(Qt::BusyCursor);
        else
            QGuiApplication::restoreOverrideCursor();
    }
    m_busy->setVisible(isValidating());
    const QString name = QFileInfo(m_inspection->busyFile()).fileName();
    if (reading)
        statusBar()->showMessage(tr("Reading %1…").arg(name));
    else if (m_inspection->isValidating())
        statusBar()->showMessage(tr("Validating %1…").arg(name));
    else
        statusBar()->clearMessage();
}

void MainWindow::showSessionPage()
{
    m_pages->setCurrentWidget(m_sessionPage);
}

void MainWindow::showMeritPage()
{
    m_pages->setCurrentWidget(m_meritPage);
    m_merit->setFocus();
}

// The chain a device sent, opened in the inspector (written to the cache
// folder: the inspector watches files).
void MainWindow::inspectDeviceChain(const QByteArray& chain, const validation::ValidationPolicy& policy)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(validation::looksLikeX509(chain) ? QStringLiteral("device-chain.p7b")
                                                                             : QStringLiteral("device-chain.xml"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(chain) != chain.size() || !file.commit()) {
        showError(tr("Cannot write the device's chain to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    // Checked as the session checked it: its trust root, X.509 anchor and revocation list.
    m_inspection->setPolicy(policy);
    m_pages->setCurrentWidget(m_inspector);
    openChain(path);
}

void MainWindow::createMenus()
{
    createFileMenu();
    createSessionMenu();
    m_trust = new TrustMenu(menuBar()->addMenu(tr("&Trust")), m_inspection, this);
    connect(m_trust, &TrustMenu::problem, this, &MainWindow::showError);
    connect(m_trust, &TrustMenu::statusMessage, statusBar(), &QStatusBar::showMessage);
    createViewMenu();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CoppScope"), this, [this] {
        QMessageBox::about(this, tr("About CoppScope"),
                           tr("<p><b>CoppScope %1</b></p><p>Inspects and tests COPP output-protection sessions.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Chain…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open COPP certificate chain or OPM certificate bundle"), QString(),
            tr("Certificate chains and bundles (*.xml *.p7b *.p7c *.pem *.der *.cer *.crt);;"
               "COPP certificate chains (*.xml);;OPM X.509 bundles (*.p7b *.p7c *.pem *.der *.cer *.crt);;All files (*)"));
        if (!path.isEmpty())
            openChain(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_recent = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openChain);
    QAction* reload = file->addAction(tr("&Validate Again"), m_inspection, &validation::ChainInspection::revalidate);
    reload->setShortcut(QKeySequence::Refresh);
    QAction* exportAction = file->addAction(tr("&Export Report as JSON…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export validation report"), QString(),
                                                          tr("JSON (*.json)"));
        if (!path.isEmpty())
            exportJson(path);
    });
    exportAction->setShortcut(QKeySequence::Save);
    QAction* exportHtmlAction = file->addAction(tr("Export Report as &HTML…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export validation report for partners"), QString(),
                                                          tr("HTML page (*.html)"));
        if (!path.isEmpty())
            exportHtml(path);
    });
    exportHtmlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::createSessionMenu()
{
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    QAction* start = session->addAction(tr("&Start"), this, [this] {
        showSessionPage();
        m_session->startSession();
    });
    start->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction* stop = session->addAction(tr("S&top"), m_session, &SessionPanel::stopSession);
    stop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    QAction* presenter = session->addAction(tr("&Presenter View"), m_session, &SessionPanel::showPresenter);
    presenter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction* merit = session->addAction(tr("Verify Codec &Merit…"), this, &MainWindow::showMeritPage);
    merit->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    session->addSeparator();
    session->addAction(tr("&Export Evidence…"), this, &MainWindow::exportEvidence);
    session->addAction(tr("&Open Transcript…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a session transcript"), QString(),
                                                          tr("Transcripts (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !m_session->openTranscript(path, &error))
            showError(error);
        else if (!path.isEmpty())
            showSessionPage();
    });
}

void MainWindow::exportEvidence()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export session evidence into a folder"));
    if (dir.isEmpty())
        return;
    QString error;
    const auto written = m_session->exportEvidence(dir, &error);
    if (!written) {
        showError(error);
        return;
    }
    // Say where it went, and offer the folder (docs/evidence.md).
    QMessageBox box(QMessageBox::Information, tr("Evidence exported"),
                    tr("The evidence of this session is in %1:\n%2\n\n%3")
                        .arg(QDir::toNativeSeparators(written->directory), written->files.join(QStringLiteral(", ")),
                             session::verdictHeadline(written->summary)),
                    QMessageBox::Close, this);
    QPushButton* openFolder = box.addButton(tr("&Open Folder"), QMessageBox::ActionRole);
    box.exec();
    if (box.clickedButton() == openFolder)
        QDesktopServices::openUrl(QUrl::fromLocalFile(written->directory));
}

void MainWindow::createViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* languages = view->addMenu(tr("&Language"));
    auto* languageGroup = new QActionGroup(languages);
    const QString current = Language::savedChoice();
    QList<LanguageChoice> choices{{QString(), tr("System Default")}};
    choices.append(Language::available());
    for (const LanguageChoice& choice : choices) {
        QAction* a = languages->addAction(choice.name, this, [this, code = choice.code] { changeLanguage(code); });
        a->setCheckable(true);
        a->setChecked(choice.code == current);
        languageGroup->addAction(a);
    }
}

void MainWindow::changeLanguage(const QString& code)
{
    Language::saveChoice(code);
    // The new language comes in a new window, which takes over the chain and
    // the trust root only: a running session would stop, and a session's log,
    // alerts and chart would be gone without a word. Asked first.
    if (m_session->isRunning() || m_session->logModel()->rowCount() > 0) {
        const auto answer = QMessageBox::question(
            this, tr("Change the language"),
            tr("The new language opens in a new window. The session (running or ended) does not move to it: "
               "a running session stops, and its log, alerts and chart are not kept. Export the evidence "
               "first if you need it.\n\nChange the language now? Otherwise it changes at the next start."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            statusBar()->showMessage(tr("The language changes at the next start."), 10000);
            return;
        }
    }
    emit languageChangeRequested(code);
}

bool MainWindow::openChain(const QString& path)
{
    return m_inspection->open(path);
}

bool MainWindow::isValidating() const
{
    return m_inspection->isReading() || m_inspection->isValidating();
}

void MainWindow::takeOver(const MainWindow& previous)
{
    restoreGeometry(previous.saveGeometry());
    restoreState(previous.saveState());
    m_inspection->setPolicy(previous.m_inspection->policy());
    if (!previous.m_inspection->chainPath().isEmpty())
        openChain(previous.m_inspection->chainPath());
}

bool MainWindow::setTrustRootFile(const QString& path)
{
    return m_trust->setTrustRootFile(path);
}

void MainWindow::useMicrosoftRoot()
{
    m_trust->useMicrosoftRoot();
}

bool MainWindow::setX509TrustAnchorFile(const QString& path)
{
    return m_trust->setX509TrustAnchorFile(path);
}

void MainWindow::useDefaultX509Anchor()
{
    m_trust->useDefaultX509Anchor();
}

bool MainWindow::setRevocationListFile(const QString& path)
{
    return m_trust->setRevocationListFile(path);
}

QStringList MainWindow::recentFiles() const
{
    return RecentFiles::files();
}

void MainWindow::showValidation(const validation::ValidationReport& report, const QByteArray& chainBytes)
{
    m_inspector->showReport(report, chainBytes, QFileInfo(m_inspection->chainPath()).fileName());
    m_verdict->setText(verdictText());
    statusBar()->setToolTip(m_verdict->text());
    emit validationShown();
}

QString MainWindow::verdictText() const
{
    if (m_inspection->chainPath().isEmpty())
        return {};
    const QString verdict = m_inspector->verdict();
    return m_inspection->isChainGone()
        ? tr("%1 — the file was deleted or moved; this is its last result").arg(verdict)
        : verdict;
}

bool MainWindow::exportJson(const QString& path)
{
    return writeExport(path, QJsonDocument(validation::reportToJson(m_inspector->report())).toJson(QJsonDocument::Indented));
}

bool MainWindow::exportHtml(const QString& path)
{
    const validation::HtmlSource source{QFileInfo(m_inspection->chainPath()).fileName(), m_inspection->chainBytes(),
                                        tr("CoppScope %1").arg(QApplication::applicationVersion())};
    return writeExport(path, validation::reportToHtml(m_inspector->report(), source));
}

// Exports describe the report on screen; QSaveFile keeps an old file intact on failure.
bool MainWindow::writeExport(const QString& path, const QByteArray& bytes)
{
    if (m_inspection->chainPath().isEmpty() || m_inspection->chainBytes().isNull()) {
        showError(tr("Open a chain first."));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    statusBar()->showMessage(tr("Report written to %1").arg(path), 5000);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::showError(const QString& message)
{
    statusBar()->showMessage(message, 10000);
    if (isVisible())
        QMessageBox::warning(this, tr("CoppScope"), message);
    else // a file named on the command line: said once the window is up (showEvent)
        m_pendingErrors.append(message);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_pendingErrors.isEmpty())
        return;
    // Not modal: the window is usable behind it, and nothing waits on it.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("CoppScope"), m_pendingErrors.join(QLatin1Char('\n')), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setAccessibleName(tr("Problems with the files given at start"));
    m_pendingErrors.clear();
    QTimer::singleShot(0, box, [box] { box->open(); });
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        openChain(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace copp::ui
