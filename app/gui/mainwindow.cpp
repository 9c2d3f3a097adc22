#include "mainwindow.h"

#include <core/session/evidencebundle.h>
#include <widgets/meritpanel.h>
#include <widgets/sessionpanel.h>
#include <QDir>
#include <QStandardPaths>

#include "language.h"

#include <core/models/certificatetreemodel.h>
#include <core/models/sessionlogmodel.h>
#include <core/models/validationstepmodel.h>
#include <core/util/filereader.h>
#include <core/util/streamfilereader.h>
#include <core/validation/reporthtml.h>
#include <core/validation/reportjson.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/x509validator.h>
#include <widgets/byterangeview.h>
#include <widgets/outcomedecorationproxy.h>
#include <widgets/stepdetailview.h>

#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QCloseEvent>
#include <QFileSystemWatcher>
#include <QJsonDocument>
#include <QSaveFile>
#include <QScreen>
#include <QDesktopServices>
#include <QUrl>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTimer>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTreeView>
#include <QActionGroup>
#include <QFutureWatcher>
#include <QProgressBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
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

// A named pipe or a device: reading it may wait for a writer (up to
// util::kInteractiveStallLimit), so it is not read on the GUI thread.
bool isPipeOrDevice(const QString& path)
{
    return util::isStreamFile(path);
}

// Step titles are elided in the middle: the rule id at the end, "(cert.signature)",
// stays in view (the status line names the first failure by it).
class MiddleElidingDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

struct ReadResult {
    QByteArray bytes;
    QString error; // empty: read
};

// Open Recent: the file name, and where names repeat, as many of the innermost
// folders as tell them apart ("chain.xml — good", "chain.xml — x/good"): six
// identical "chain.xml" entries told nothing.
QStringList recentLabels(const QStringList& paths)
{
    QList<QStringList> folders; // innermost first
    for (const QString& path : paths) {
        QStringList parts = QFileInfo(path).absolutePath().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        std::reverse(parts.begin(), parts.end());
        folders.append(parts);
    }
    QList<int> depth(paths.size(), 0);
    const auto label = [&](qsizetype i) {
        const QString name = QFileInfo(paths[i]).fileName();
        if (depth[i] == 0)
            return name;
        QString folder = QFileInfo(paths[i]).absolutePath(); // all of it, when needed
        if (depth[i] < folders[i].size()) {
            QStringList shown = folders[i].mid(0, depth[i]);
            std::reverse(shown.begin(), shown.end());
            folder = shown.join(QLatin1Char('/'));
        }
        //: Open Recent entry: a file name, then the folders that tell it from others of that name
        return MainWindow::tr("%1 — %2").arg(name, QDir::toNativeSeparators(folder));
    };
    for (bool changed = true; changed;) {
        changed = false;
        QHash<QString, QList<qsizetype>> same;
        for (qsizetype i = 0; i < paths.size(); ++i)
            same[label(i)].append(i);
        for (const QList<qsizetype>& group : std::as_const(same)) {
            if (group.size() < 2)
                continue;
            for (qsizetype i : group) {
                if (depth[i] <= folders[i].size()) {
                    ++depth[i];
                    changed = true;
                }
            }
        }
    }
    QStringList labels;
    for (qsizetype i = 0; i < paths.size(); ++i)
        labels.append(label(i));
    return labels;
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("CoppScope"));
    setAcceptDrops(true);
    resize(1100, 700);

    m_model = new models::ValidationStepModel(this);
    m_proxy = new OutcomeDecorationProxy(models::ValidationStepModel::OutcomeRole, this);
    m_proxy->setSourceModel(m_model);

    m_steps = new QTreeView;
    m_steps->setModel(m_proxy);
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAlternatingRowColors(true);
    m_steps->setAccessibleName(tr("Validation steps"));
    m_steps->setAccessibleDescription(tr("Every step of the certificate-chain validation procedure, in order, with its outcome"));
    m_steps->header()->setStretchLastSection(true);
    m_steps->viewport()->installEventFilter(this); // fitStepColumns() when it is resized
    m_steps->setItemDelegateForColumn(models::ValidationStepModel::RuleColumn, new MiddleElidingDelegate(m_steps));

    m_treeModel = new models::CertificateTreeModel(this);
    m_treeProxy = new OutcomeDecorationProxy(models::CertificateTreeModel::OutcomeRole, this);
    m_treeProxy->setSourceModel(m_treeModel);
    m_tree = new QTreeView;
    m_tree->setModel(m_treeProxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setAccessibleName(tr("Certificate tree"));
    m_tree->setAccessibleDescription(tr("The chain's certificates and elements with decoded values; "
                                        "the nodes the selected step used are selected"));
    // Deeper nodes ("Exponent" under PublicKey/KeyValue/RSAKeyValue) were cut short:
    // widen the Element column for what an expansion shows, up to half the view so
    // the values stay in sight; never narrow it (the user may have widened it).
    connect(m_tree, &QTreeView::expanded, this, [this] {
        const int before = m_tree->columnWidth(0);
        m_tree->resizeColumnToContents(0);
        m_tree->setColumnWidth(0, std::max(before, std::min(m_tree->columnWidth(0), m_tree->viewport()->width() / 2)));
    });

    m_detail = new StepDetailView;
    m_bytes = new ByteRangeView;
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_detail, tr("Step &details"));
    m_tabs->addTab(m_bytes, tr("Raw &bytes"));
    m_tabs->setAccessibleName(tr("Details and raw bytes"));

    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(m_steps);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(m_tree);
    main->addWidget(right);
    main->setStretchFactor(0, 2);
    main->setStretchFactor(1, 3);
    m_session = new SessionPanel;
    m_pages = new QTabWidget;
    m_merit = new MeritPanel;
    m_pages->setAccessibleName(tr("Inspector, session and codec merit pages"));
    m_pages->addTab(main, tr("&Inspector"));
    // The session page stacks the device form, the controls, the chart and the log:
    // taller than a 1280 x 800 screen. In a scroll area it no longer sets the
    // window's minimum height (952 px), so the window fits and scrolls instead.
    m_sessionPage = scrollable(m_session);
    m_meritPage = scrollable(m_merit);
    m_pages->addTab(m_sessionPage, tr("Sessio&n"));
    m_pages->addTab(m_meritPage, tr("Codec &Merit"));
    setCentralWidget(m_pages);
    connect(m_session, &SessionPanel::inspectChainRequested, this, &MainWindow::inspectDeviceChain);

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

    connect(m_steps->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateCurrentStep);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateCurrentNode);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyHex = new QAction(tr("Copy Value as &Hex"), m_tree);
    connect(copyHex, &QAction::triggered, this, [this] { copyCurrentValue(models::CertificateTreeModel::CopyHexRole); });
    auto* copyBase64 = new QAction(tr("Copy Value as &Base64"), m_tree);
    connect(copyBase64, &QAction::triggered, this, [this] { copyCurrentValue(models::CertificateTreeModel::CopyBase64Role); });
    auto* copyText = new QAction(tr("&Copy Value"), m_tree);
    copyText->setShortcut(QKeySequence::Copy);
    copyText->setShortcutContext(Qt::WidgetShortcut);
    connect(copyText, &QAction::triggered, this, [this] { copyCurrentValue(Qt::DisplayRole); });
    m_tree->addActions({copyText, copyHex, copyBase64});

    // Engineers edit chains in another editor: validate again when the file changes.
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        if (path == m_chainPath)
            chainFileChanged(true);
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { chainFileChanged(false); });

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
    useMicrosoftRoot();
    m_detail->showStep(m_model->report(), nullptr);
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
    m_policy = policy;
    m_pages->setCurrentIndex(0);
    openChain(path);
}

void MainWindow::createMenus()
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
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* reload = file->addAction(tr("&Validate Again"), this, &MainWindow::revalidate);
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
    session->addAction(tr("&Export Evidence…"), this, [this] {
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
    });
    session->addAction(tr("&Open Transcript…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a session transcript"), QString(),
                                                          tr("Transcripts (*.json);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !m_session->openTranscript(path, &error))
            showError(error);
        else if (!path.isEmpty())
            showSessionPage();
    });

    QMenu* trust = menuBar()->addMenu(tr("&Trust"));
    m_microsoftRootAction = trust->addAction(tr("Use &Microsoft's COPP Root (Default)"), this, &MainWindow::useMicrosoftRoot);
    m_testRootAction = trust->addAction(tr("Use a &Test Root Key File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open test root key (RSAKeyValue XML)"), QString(),
                                                          tr("Key files (*.xml);;All files (*)"));
        if (!path.isEmpty())
            setTrustRootFile(path);
    });
    trust->addSeparator();
    m_x509AnchorAction = trust->addAction(tr("Use X.509 Trust &Anchor…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open X.509 trust anchor (the root certificate of OPM bundles)"), QString(),
            tr("Certificates (*.pem *.der *.cer *.crt);;All files (*)"));
        if (!path.isEmpty())
            setX509TrustAnchorFile(path);
    });
    m_x509DefaultAction = trust->addAction(tr("Use Microsoft's Media Root for &X.509 (Default)"), this, &MainWindow::useDefaultX509Anchor);
    trust->addSeparator();
    m_crlAction = trust->addAction(tr("Check Against a &Revocation List…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open revocation list"), QString(),
                                                          tr("Revocation lists (*.crl);;All files (*)"));
        if (!path.isEmpty())
            setRevocationListFile(path);
    });
    m_noCrlAction = trust->addAction(tr("&No Revocation List"), this, [this] {
        m_policy.revocationList.reset();
        revalidate();
    });
    // Each pair is a choice: a check mark shows the one in use. The marks are set
    // from the policy whenever the menu opens, so a cancelled file dialog or a file
    // that cannot be used leaves no false mark behind.
    for (const auto& [first, second] : {std::pair{m_microsoftRootAction, m_testRootAction},
                                        std::pair{m_x509AnchorAction, m_x509DefaultAction},
                                        std::pair{m_crlAction, m_noCrlAction}}) {
        auto* group = new QActionGroup(trust);
        for (QAction* a : {first, second}) {
            a->setCheckable(true);
            group->addAction(a);
        }
    }
    connect(trust, &QMenu::aboutToShow, this, &MainWindow::syncTrustMenu);
    syncTrustMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* languages = view->addMenu(tr("&Language"));
    auto* languageGroup = new QActionGroup(languages);
    const QString current = Language::savedChoice();
    QList<LanguageChoice> choices{{QString(), tr("System Default")}};
    choices.append(Language::available());
    for (const LanguageChoice& choice : choices) {
        QAction* a = languages->addAction(choice.name, this, [this, code = choice.code] {
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
        });
        a->setCheckable(true);
        a->setChecked(choice.code == current);
        languageGroup->addAction(a);
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CoppScope"), this, [this] {
        QMessageBox::about(this, tr("About CoppScope"),
                           tr("<p><b>CoppScope %1</b></p><p>Inspects and tests COPP output-protection sessions.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::syncTrustMenu()
{
    m_microsoftRootAction->setChecked(m_policy.trustRoot.isMicrosoft);
    m_testRootAction->setChecked(!m_policy.trustRoot.isMicrosoft);
    m_x509DefaultAction->setChecked(!m_policy.x509.trustAnchorDer);
    m_x509AnchorAction->setChecked(m_policy.x509.trustAnchorDer.has_value());
    m_crlAction->setChecked(m_policy.revocationList.has_value());
    m_noCrlAction->setChecked(!m_policy.revocationList);
}

std::optional<QByteArray> MainWindow::readOrReport(const QString& path, qint64 maxBytes, const QString& consequence)
{
    // A pipe named as a trust root or revocation list is read here, on the GUI
    // thread (up to 3 s without a writer): at least the cursor says so.
    const bool mayWait = isPipeOrDevice(path);
    if (mayWait)
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto bytes = util::readFileLimited(path, maxBytes, util::kInteractiveStallLimit);
    if (mayWait)
        QGuiApplication::restoreOverrideCursor();
    if (!bytes) {
        const QString problem = QString::fromStdString(bytes.error().detail);
        showError(consequence.isEmpty() ? problem : problem + u'\n' + consequence);
        return std::nullopt;
    }
    return std::move(bytes.value());
}

bool MainWindow::openChain(const QString& path)
{
    ++m_readGeneration; // a pipe still being read is no longer wanted
    if (isPipeOrDevice(path)) {
        readInBackground(path, [this, path](const QByteArray& bytes) { useChain(path, bytes); });
        return true;
    }
    setReading(false);
    const auto bytes = readOrReport(path, util::kDefaultMaxFileBytes);
    if (!bytes)
        return false; // the chain shown so far stays
    useChain(path, *bytes);
    return true;
}

void MainWindow::useChain(const QString& path, const QByteArray& bytes)
{
    watchChain(path);
    rememberRecent(path);
    setWindowTitle(tr("%1 — CoppScope").arg(QFileInfo(path).fileName()));
    startValidation(bytes);
}

// Reading a pipe or device can take up to util::kInteractiveStallLimit (3 s) when
// no writer comes: on the GUI thread that froze the window without a word. It is
// read on a worker thread, with the busy indicator and a busy cursor meanwhile.
void MainWindow::readInBackground(const QString& path, std::function<void(const QByteArray&)> use)
{
    const quint64 generation = ++m_readGeneration;
    setReading(true);
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<ReadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, use = std::move(use)] {
        watcher->deleteLater();
        if (generation != m_readGeneration)
            return; // another file was opened meanwhile
        setReading(false);
        statusBar()->clearMessage();
        const ReadResult result = watcher->result();
        if (!result.error.isEmpty())
            showError(result.error); // the chain shown so far stays
        else
            use(result.bytes);
    });
    watcher->setFuture(QtConcurrent::run([path] {
        auto bytes = util::readFileLimited(path, util::kDefaultMaxFileBytes, util::kInteractiveStallLimit);
        return bytes ? ReadResult{std::move(bytes.value()), {}}
                     : ReadResult{{}, QString::fromStdString(bytes.error().detail)};
    }));
}

// While the chain the user asked for is read: the busy indicator, and a busy
// cursor (an arrow with a clock: the window still works meanwhile).
void MainWindow::setReading(bool reading)
{
    if (std::exchange(m_reading, reading) == reading)
        return;
    if (reading)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QGuiApplication::restoreOverrideCursor();
    updateBusy();
}

MainWindow::~MainWindow()
{
    if (m_reading) // closed while a pipe was read: the cursor is the application's
        QGuiApplication::restoreOverrideCursor();
}

void MainWindow::updateBusy()
{
    m_busy->setVisible(m_reading || m_validating);
}

bool MainWindow::isValidating() const
{
    return m_reading || m_validating;
}

// The file and its folder are watched: QFileSystemWatcher drops a file that is
// removed (`rm`, editors that save by replacing), and only the folder tells when
// it is back.
void MainWindow::watchChain(const QString& path)
{
    if (!m_chainPath.isEmpty())
        m_watcher->removePaths({m_chainPath, QFileInfo(m_chainPath).absolutePath()});
    m_chainPath = path;
    m_chainGone = false;
    m_watcher->addPaths({path, QFileInfo(path).absolutePath()});
}

// `contentChanged`: the file itself changed; else something in its folder did.
void MainWindow::chainFileChanged(bool contentChanged)
{
    if (m_chainPath.isEmpty())
        return;
    if (!QFileInfo::exists(m_chainPath)) {
        // Said once; the last result stays, marked as such in the status line.
        if (!std::exchange(m_chainGone, true)) {
            m_verdict->setText(verdictText());
            statusBar()->showMessage(tr("%1 was deleted or moved. It is validated again when it is back.")
                                         .arg(QDir::toNativeSeparators(m_chainPath)),
                                     kMessageTimeoutMs);
        }
        return;
    }
    const bool back = std::exchange(m_chainGone, false);
    const bool unwatched = !m_watcher->files().contains(m_chainPath);
    if (unwatched) // replaced, or back after a removal
        m_watcher->addPath(m_chainPath);
    if (contentChanged || back || unwatched)
        revalidate();
}

void MainWindow::takeOver(const MainWindow& previous)
{
    restoreGeometry(previous.saveGeometry());
    restoreState(previous.saveState());
    m_policy = previous.m_policy;
    if (!previous.m_chainPath.isEmpty())
        openChain(previous.m_chainPath);
}

bool MainWindow::setTrustRootFile(const QString& path)
{
    // The root in use stays when this one cannot be used: say which (a missing
    // --trust-root file said only "no such file", and chains were then silently
    // checked against Microsoft's root).
    const QString instead = tr("Chains are checked against %1 instead.").arg(trustRootText());
    const auto bytes = readOrReport(path, 1024 * 1024, instead);
    if (!bytes)
        return false;
    auto root = validation::TrustRoot::fromRsaKeyValueXml(*bytes, validation::TrustRoot::nameForFile(path));
    if (!root) {
        showError(QString::fromStdString(root.error().detail) + u'\n' + instead);
        return false;
    }
    m_policy.trustRoot = root.value();
    revalidate();
    return true;
}

QString MainWindow::trustRootText() const
{
    return m_policy.trustRoot.isMicrosoft ? tr("Microsoft's COPP root") : m_policy.trustRoot.name;
}

void MainWindow::useMicrosoftRoot()
{
    m_policy.trustRoot = validation::TrustRoot::microsoft();
    revalidate();
}

bool MainWindow::setX509TrustAnchorFile(const QString& path)
{
    auto anchor = validation::X509Policy::withTrustAnchorFile(path);
    if (!anchor) {
        showError(tr("Cannot use %1 as the X.509 trust anchor: %2")
                      .arg(QDir::toNativeSeparators(path), QString::fromStdString(anchor.error().detail)));
        return false; // the anchor in use stays
    }
    m_policy.x509 = anchor.value();
    statusBar()->showMessage(tr("X.509 trust anchor: %1").arg(m_policy.x509.trustAnchorName), 5000);
    revalidate();
    return true;
}

void MainWindow::useDefaultX509Anchor()
{
    m_policy.x509 = validation::X509Policy{};
    revalidate();
}

bool MainWindow::setRevocationListFile(const QString& path)
{
    const auto bytes = readOrReport(path, util::kDefaultMaxFileBytes);
    if (!bytes)
        return false;
    m_policy.revocationList = *bytes;
    revalidate();
    return true;
}

void MainWindow::revalidate()
{
    if (m_chainPath.isEmpty())
        return;
    if (isPipeOrDevice(m_chainPath))
        readInBackground(m_chainPath, [this](const QByteArray& bytes) { startValidation(bytes); });
    else if (const auto bytes = readOrReport(m_chainPath, util::kDefaultMaxFileBytes))
        startValidation(*bytes);
}

// Large files take a while to parse: validate on a worker thread so the window
// stays responsive, and show only the newest result.
void MainWindow::startValidation(const QByteArray& chainBytes)
{
    const quint64 generation = ++m_generation;
    m_validating = true;
    updateBusy();
    statusBar()->showMessage(tr("Validating %1…").arg(QFileInfo(m_chainPath).fileName()));
    auto* watcher = new QFutureWatcher<validation::ValidationReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, chainBytes] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer file or policy is being validated
        m_validating = false;
        updateBusy();
        statusBar()->clearMessage();
        showValidation(watcher->result(), chainBytes);
    });
    watcher->setFuture(QtConcurrent::run([policy = m_policy, chainBytes] {
        // OPM certificates (a DER or PEM X.509 bundle) or a COPP XML chain.
        if (validation::looksLikeX509(chainBytes))
            return validation::X509ChainValidator(policy.x509).validate(chainBytes);
        return validation::ChainValidator(policy).validate(chainBytes);
    }));
}

void MainWindow::showValidation(const validation::ValidationReport& report, const QByteArray& chainBytes)
{
    m_chainBytes = chainBytes;
    m_model->setReport(report);
    m_treeModel->setReport(m_model->report());
    m_tree->expandToDepth(2);
    m_tree->resizeColumnToContents(0);
    m_bytes->setDocumentBytes(chainBytes);
    fitStepColumns();
    const bool valid = m_model->report().isValid();
    m_verdict->setText(verdictText());
    statusBar()->setToolTip(m_verdict->text());
    // Take the engineer straight to the first failure.
    const int row = valid ? 0 : m_model->firstFailureRow();
    const QModelIndex current = m_proxy->index(row, 0);
    m_steps->setCurrentIndex(current);
    m_steps->scrollTo(current);
    updateCurrentStep();
    emit validationShown();
}

QString MainWindow::verdictText() const
{
    if (m_chainPath.isEmpty())
        return {};
    const QString verdict = reportVerdict();
    return m_chainGone ? tr("%1 — the file was deleted or moved; this is its last result").arg(verdict) : verdict;
}

QString MainWindow::reportVerdict() const
{
    const auto& report = m_model->report();
    const QString name = QFileInfo(m_chainPath).fileName();
    if (report.format == validation::ChainFormat::X509) {
        if (const auto* f = report.firstFailure())
            return tr("✗ REJECTED: %1 — first failure: %2%3 (X.509 trust anchor: %4)")
                .arg(name, validation::ruleId(f->rule),
                     f->certificate < 0 ? QString() : tr(" in certificate %1").arg(f->certificate), report.trustRootName);
        return tr("✓ VALID: %1 (X.509 trust anchor: %2)").arg(name, report.trustRootName);
    }
    // Both verdicts name the trust root: a chain rejected only because another
    // root was in use looked like a broken chain.
    if (const auto* f = report.firstFailure())
        return tr("✗ REJECTED: %1 — first failure: %2%3 (trust root: %4)")
            .arg(name, validation::ruleId(f->rule),
                 f->certificate < 0 ? QString() : tr(" in certificate %1").arg(f->certificate), report.trustRootName);
    return tr("✓ VALID: %1 (trust root: %2)").arg(name, report.trustRootName);
}

void MainWindow::updateCurrentStep()
{
    const QModelIndex current = m_proxy->mapToSource(m_steps->currentIndex());
    const validation::StepResult* step = m_model->stepAt(current);
    m_detail->showStep(m_model->report(), step);
    // The tree nodes the step used, and the exact bytes it hashed or compared.
    QItemSelection nodes;
    QList<cert::ByteSpan> spans;
    if (step) {
        // X.509 steps name a certificate (path order), not XML elements.
        if (m_model->report().format == validation::ChainFormat::X509 && step->certificate >= 0) {
            const QModelIndex node = m_treeProxy->mapFromSource(m_treeModel->indexForCertificate(step->certificate));
            if (node.isValid()) {
                nodes.select(node, node.siblingAtColumn(models::CertificateTreeModel::ValueColumn));
                m_tree->scrollTo(node);
            }
        }
        // Every node the step used is shown: collapsed branches above it are opened
        // (cert.exponent's Exponent stayed hidden under PublicKey/KeyValue/RSAKeyValue).
        // The tree scrolls twice, to the last node and then the first, so the first is
        // in view with as many of the others as fit: one scroll per node took minutes
        // for a Data with 99,000 duplicated children (each a round trip to the display server).
        QModelIndex first, last, openedParent;
        for (int element : step->elements) {
            const QModelIndex node = m_treeProxy->mapFromSource(m_treeModel->indexForElement(element));
            if (!node.isValid())
                continue;
            nodes.select(node, node.siblingAtColumn(models::CertificateTreeModel::ValueColumn));
            if (node.parent() != openedParent) { // siblings share their ancestors
                openedParent = node.parent();
                for (QModelIndex up = openedParent; up.isValid(); up = up.parent())
                    m_tree->expand(up);
            }
            if (!first.isValid())
                first = node;
            last = node;
        }
        if (first.isValid()) {
            m_tree->scrollTo(last);
            m_tree->scrollTo(first);
        }
        for (const auto& range : step->ranges)
            spans.append(range.span);
    }
    {
        const QSignalBlocker block(m_tree->selectionModel());
        m_tree->selectionModel()->select(nodes, QItemSelectionModel::ClearAndSelect);
    }
    // The blocked selectionChanged is also what repaints the view: without this the
    // tree kept showing the previous step's nodes until something else repainted it.
    m_tree->viewport()->update();
    m_bytes->highlight(spans);
}

// Long (German) step titles widened the Step column until Detail had ~100 px, or
// none on a 1024 px screen. Step takes at most half of the width Outcome and
// Certificate leave: longer titles are elided (their tooltip shows them whole),
// and Detail, the last section, stretches over the rest.
void MainWindow::fitStepColumns()
{
    using Model = models::ValidationStepModel;
    for (int column = 0; column < Model::DetailColumn; ++column)
        m_steps->resizeColumnToContents(column);
    const int rest = m_steps->viewport()->width() - m_steps->columnWidth(Model::OutcomeColumn)
        - m_steps->columnWidth(Model::CertificateColumn);
    const int most = std::max(rest / 2, m_steps->header()->minimumSectionSize());
    if (m_steps->columnWidth(Model::RuleColumn) > most)
        m_steps->setColumnWidth(Model::RuleColumn, most);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_steps->viewport() && event->type() == QEvent::Resize && m_model->rowCount() > 0)
        fitStepColumns();
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateCurrentNode()
{
    const QModelIndex node = m_treeProxy->mapToSource(m_tree->currentIndex());
    const qsizetype begin = node.data(models::CertificateTreeModel::SpanBeginRole).toLongLong();
    const qsizetype end = node.data(models::CertificateTreeModel::SpanEndRole).toLongLong();
    if (begin >= 0)
        m_bytes->highlight({cert::ByteSpan{begin, end}});
    const QStringList steps = node.data(models::CertificateTreeModel::StepRulesRole).toStringList();
    statusBar()->showMessage(steps.isEmpty() ? tr("No validation step used this element.")
                                             : tr("Steps that used this element: %1").arg(steps.join(QStringLiteral(", "))),
                             kMessageTimeoutMs);
}

bool MainWindow::exportJson(const QString& path)
{
    return writeExport(path, QJsonDocument(validation::reportToJson(m_model->report())).toJson(QJsonDocument::Indented));
}

bool MainWindow::exportHtml(const QString& path)
{
    const validation::HtmlSource source{QFileInfo(m_chainPath).fileName(), m_chainBytes,
                                        tr("CoppScope %1").arg(QApplication::applicationVersion())};
    return writeExport(path, validation::reportToHtml(m_model->report(), source));
}

// Exports describe the report on screen; QSaveFile keeps an old file intact on failure.
bool MainWindow::writeExport(const QString& path, const QByteArray& bytes)
{
    if (m_chainPath.isEmpty() || m_chainBytes.isNull()) {
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

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(QStringLiteral("recentFiles"), files.mid(0, 10));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    m_recentMenu->setToolTipsVisible(true); // menus hide tooltips unless asked
    const QStringList files = recentFiles();
    const QStringList labels = recentLabels(files);
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files.at(i);
        QString label = labels.at(i);
        label.replace(u'&', QStringLiteral("&&")); // a file name's & is no mnemonic
        QAction* a = m_recentMenu->addAction(tr("&%1 %2").arg(i + 1).arg(label), this, [this, path] { openChain(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::copyCurrentValue(int role)
{
    const QModelIndex node = m_treeProxy->mapToSource(m_tree->currentIndex());
    const QString value = role == Qt::DisplayRole
        ? node.siblingAtColumn(models::CertificateTreeModel::ValueColumn).data().toString()
        : node.data(role).toString();
    if (value.isEmpty()) {
        statusBar()->showMessage(tr("This element has no value to copy in that form."), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(value);
    statusBar()->showMessage(tr("Copied %1 characters.").arg(value.size()), 3000);
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
