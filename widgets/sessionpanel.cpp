// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs the class for tr()'s context.
#include <widgets/sessionpanel.h>

#include <widgets/alertnotifier.h>
#include <widgets/elidedlabel.h>
#include <widgets/handshaketimeline.h>
#include <widgets/protectionchart.h>
#include <widgets/sessionlogview.h>
#include <widgets/sessionsetupform.h>
#include <widgets/testercontrols.h>

#include <core/models/alertmodel.h>
#include <core/models/protectionhistory.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/sessioncontroller.h>
#include <core/session/transcriptblocks.h>
#include <core/util/filereader.h>

#include <QChartView>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace copp::ui {

SessionPanel::SessionPanel(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Session panel"));
    m_controller = new session::SessionController(this);
    m_log = new models::SessionLogModel(this);
    m_alerts = new models::AlertModel(this);
    m_notifier = new AlertNotifier(m_alerts, this);
    m_history = new models::ProtectionHistory(this);

    // docs/session-workspace.md: the setup folds into a one-line summary once a
    // session starts; the chart and the state line take the room.
    auto* layout = new QVBoxLayout(this);
    m_setup = new SessionSetupForm(this);
    m_setup->setObjectName(QStringLiteral("sessionSetup"));
    layout->addWidget(m_setup);
    layout->addWidget(createSummaryBar());

    // The one line that matters in a demo, and the alert being looked at.
    m_stateLine = new ElidedLabel(this);
    m_stateLine->setAccessibleName(tr("Protection state"));
    // One line that never asks for more height (a wrapping label made the
    // scrolling page take its preferred height and push the chart down).
    QFont bold = m_stateLine->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    bold.setBold(true);
    m_stateLine->setFont(bold);
    layout->addWidget(m_stateLine);
    layout->addLayout(createBannerRow());

    m_workspace = new QSplitter(Qt::Horizontal, this);
    m_workspace->setObjectName(QStringLiteral("sessionWorkspace"));
    m_workspace->setChildrenCollapsible(false);
    // The controls and the timeline scroll on their own: their height never
    // pushes the chart below the window (docs/session-workspace.md).
    auto* sideArea = new QScrollArea(m_workspace);
    sideArea->setWidgetResizable(true);
    sideArea->setFrameShape(QFrame::NoFrame);
    sideArea->setAccessibleName(tr("Tester controls and handshake timeline"));
    auto* side = new QSplitter(Qt::Vertical);
    side->setObjectName(QStringLiteral("sessionSide"));
    side->setChildrenCollapsible(false);
    m_controls = new TesterControls(m_controller, this);
    side->addWidget(m_controls);
    m_timeline = new HandshakeTimeline(this);
    side->addWidget(m_timeline);
    sideArea->setWidget(side);
    sideArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As wide as the controls need (no cut-off buttons), and a scroll bar's width more.
    sideArea->setMinimumWidth(side->minimumSizeHint().width() + sideArea->verticalScrollBar()->sizeHint().width());
    auto* main = new QSplitter(Qt::Vertical, m_workspace);
    main->setObjectName(QStringLiteral("sessionMain"));
    main->setChildrenCollapsible(false);
    m_chart = new ProtectionChart(main);
    m_chart->setHistory(m_history);
    m_chart->setMinimumHeight(260);
    main->addWidget(m_chart);
    auto* tabs = new QTabWidget(main);
    tabs->setAccessibleName(tr("Session log and alerts"));
    m_logView = new SessionLogView(m_log, this);
    tabs->addTab(m_logView, tr("Session &log"));
    tabs->addTab(createAlertTab(), tr("&Alerts"));
    main->addWidget(tabs);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 1);
    tabs->setMinimumHeight(120);
    m_workspace->addWidget(sideArea);
    m_workspace->addWidget(main);
    m_workspace->setStretchFactor(0, 1);
    m_workspace->setStretchFactor(1, 3);
    layout->addWidget(m_workspace, 1);
    m_splitters = {m_workspace, side, main};
    restoreLayout();

    connect(m_setup, &SessionSetupForm::startRequested, this, [this] { startSession(); });
    connect(m_setup, &SessionSetupForm::stopRequested, this, &SessionPanel::stopSession);
    connect(m_setup, &SessionSetupForm::deviceKindChanged, this, &SessionPanel::updateButtons);
    connect(m_timeline, &HandshakeTimeline::inspectRequested, this, &SessionPanel::inspectChain);
    connect(m_controller, &session::SessionController::eventReceived, this, &SessionPanel::onEvent);
    connect(m_controller, &session::SessionController::started, this, [this] {
        updateButtons();
        updateStateLine(); // running from now on, even before a device answers
        emit runningChanged(true);
    });
    connect(m_controller, &session::SessionController::stopped, this, [this] {
        updateButtons();
        updateStateLine();
        emit runningChanged(false);
    });
    updateButtons();
    updateStateLine();
    updateBanner();
}

SessionPanel::~SessionPanel()
{
    saveLayout();
}

QWidget* SessionPanel::createSummaryBar()
{
    m_summaryBar = new QFrame(this);
    m_summaryBar->setFrameShape(QFrame::StyledPanel);
    m_summaryBar->setAccessibleName(tr("Session setup summary"));
    auto* row = new QHBoxLayout(m_summaryBar);
    row->setContentsMargins(6, 2, 6, 2);
    m_summary = new QLabel(m_summaryBar);
    m_summary->setAccessibleName(tr("Device, scenario, interface and trust of this session"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editSetup = new QPushButton(tr("&Edit setup"), m_summaryBar);
    m_editSetup->setAccessibleName(tr("Show the session setup"));
    m_editSetup->setToolTip(tr("Unfold the device, scenario and trust settings (they apply to the next start)."));
    m_summaryAction = new QPushButton(m_summaryBar);
    row->addWidget(m_summary, 1);
    row->addWidget(m_editSetup);
    row->addWidget(m_summaryAction);
    connect(m_editSetup, &QPushButton::clicked, this, [this] { setSetupFolded(false); });
    connect(m_summaryAction, &QPushButton::clicked, this, [this] {
        if (m_controller->isRunning())
            stopSession();
        else
            startSession();
    });
    m_summaryBar->hide(); // until the first start
    return m_summaryBar;
}

void SessionPanel::inspectChain(const QByteArray& chain)
{
    // The policy the session used, not the Trust root field: empty means a
    // default (the emulator's test root), and the inspector kept its own root,
    // so it rejected a chain the session had just accepted.
    const auto policy = m_controller->transcript().policy();
    if (!policy) {
        m_banner->setFullText(tr("⚠ The session's trust settings cannot be read: %1").arg(QString::fromStdString(policy.error().detail)));
        return;
    }
    emit inspectChainRequested(chain, policy.value());
}

bool SessionPanel::applyDeviceChoice(const QString& device, const QString& scenario, const QStringList& faults, QString* error)
{
    return m_setup->applyDeviceChoice(device, scenario, faults, error);
}

bool SessionPanel::setEmulatorInterface(const QString& interface, const QString& semantics)
{
    return m_setup->setEmulatorInterface(interface, semantics);
}

void SessionPanel::setInitialProtections(const std::vector<protocol::TypeLevel>& protections)
{
    m_setup->setInitialProtections(protections);
}

session::SessionConfig SessionPanel::config() const
{
    return m_setup->config();
}

void SessionPanel::resetViews()
{
    m_log->clear();
    m_alerts->clear();
    m_history->clear();
    m_state.clear();
    m_timeline->clear();
    m_lastProblem.clear();
    m_notStarted.clear();
    m_logView->clearDetail();
    m_lostOnce = false;
    m_protectedAgainSinceMs = -1;
    m_shownAlert = -1;
    m_alertRowsSeen = 0;
    m_controls->reset();
}

bool SessionPanel::startSession()
{
    if (m_controller->isRunning())
        return false;
    const session::SessionConfig c = config();
    if (c.device.kind == session::DeviceSpec::Kind::Agent && c.device.agentCommand.isEmpty()) {
        m_banner->setFullText(tr("⚠ Enter the agent's command first."));
        return false;
    }
    if (c.device.kind == session::DeviceSpec::Kind::Replay && c.device.replayPath.isEmpty()) {
        m_banner->setFullText(tr("⚠ Choose a transcript to replay first."));
        return false;
    }
    resetViews();
    m_evidenceSettings = evidenceSettings(c);
    const bool started = m_controller->start(c);
    if (started) {
        m_liveSession = true;
        m_setup->clearInitialProtections(); // the command line's, for the first session only
        // The setup folds; the chart, where the tester looks, takes the keyboard.
        setSetupFolded(true);
        m_chart->chartView()->setFocus(Qt::OtherFocusReason);
    }
    return started;
}

void SessionPanel::stopSession()
{
    m_controller->stop();
}

bool SessionPanel::isRunning() const
{
    return m_controller->isRunning();
}

void SessionPanel::onEvent(const session::SessionEvent& event)
{
    if (const auto* alert = event.as<session::AlertEvent>()) // e.g. the chain was rejected
        m_lastProblem = alert->displayDetail();
    else if (const auto* error = event.as<session::ErrorEvent>()) // e.g. the agent could not be run
        m_lastProblem = error->detail;
    else if (const auto* end = event.as<session::EndEvent>(); end && !end->started)
        m_notStarted = m_lastProblem.isEmpty() ? end->reason : m_lastProblem;
    m_log->addEvent(event);
    m_alerts->addEvent(event);
    const session::SessionEvent plain = event.withoutCalls();
    m_history->addEvent(plain);
    const auto before = m_state.verdict();
    m_state.addEvent(plain);
    // Since when protected again after a loss (the presenter view says it).
    const auto after = m_state.verdict();
    if (after == session::ProtectionState::Verdict::NotProtected)
        m_lostOnce = true;
    if (after == session::ProtectionState::Verdict::Protected && before != after && m_lostOnce)
        m_protectedAgainSinceMs = plain.tMs;
    else if (after != session::ProtectionState::Verdict::Protected)
        m_protectedAgainSinceMs = -1;
    m_timeline->addStep(plain);
    updateStateLine();
    m_controls->showState(m_state, m_controller->isRunning());
}

void SessionPanel::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_setup->setRunning(running);
    m_summaryAction->setText(running ? tr("Sto&p") : tr("Start a&gain"));
    m_summaryAction->setAccessibleName(running ? tr("Stop the session") : tr("Start the session again with this setup"));
    m_summary->setText(m_setup->summaryText());
    m_controls->showState(m_state, running);
}

void SessionPanel::setSetupFolded(bool folded)
{
    m_setupFolded = folded;
    m_setup->setVisible(!folded); // hidden fields leave the tab chain
    m_summaryBar->setVisible(folded);
    m_summary->setText(m_setup->summaryText());
    if (!folded)
        m_setup->focusDeviceKind();
}

session::EvidenceSettings SessionPanel::evidenceSettings(const session::SessionConfig& c) const
{
    session::EvidenceSettings settings;
    settings.pollMs = c.pollMs;
    settings.protect = c.protections;
    settings.scenario = c.device.emulator.scenario;
    settings.faults = c.device.emulator.faults;
    return settings; // the trust root's name comes from the chain event (evidencebundle.h)
}

void SessionPanel::restoreLayout()
{
    QSettings settings;
    bool restored = false;
    for (QSplitter* splitter : m_splitters) {
        const bool ok = splitter->restoreState(settings.value(QStringLiteral("session/splitter/") + splitter->objectName()).toByteArray());
        restored = restored || (ok && splitter == m_workspace);
    }
    if (!restored) // first run: the controls as narrow as they can be, the rest for the chart
        m_workspace->setSizes({m_workspace->widget(0)->minimumWidth(), 10000});
}

void SessionPanel::saveLayout() const
{
    QSettings settings;
    for (const QSplitter* splitter : m_splitters)
        settings.setValue(QStringLiteral("session/splitter/") + splitter->objectName(), splitter->saveState());
}

std::optional<session::EvidenceWritten> SessionPanel::exportEvidence(const QString& directory, QString* error)
{
    // The same core writer as `coppscope-cli session --evidence` (docs/cli.md "session");
    // the window adds the chart of the whole session.
    QTemporaryDir charts;
    const QString png = charts.filePath(QStringLiteral("chart.png"));
    const QString svg = charts.filePath(QStringLiteral("chart.svg"));
    if (!charts.isValid() || !m_chart->exportWholeSession(png, svg)) {
        if (error)
            *error = tr("cannot draw the chart images for the evidence");
        return std::nullopt;
    }
    session::EvidenceInput input;
    // What the panel shows: the live session, or the transcript that was opened.
    input.transcript = m_liveSession || !m_openedTranscript ? &m_controller->transcript() : &*m_openedTranscript;
    input.settings = m_evidenceSettings;
    input.alerts = m_alerts->evidenceAlerts();
    for (const QString& path : {png, svg}) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
            return std::nullopt;
        }
        input.extraFiles.push_back({QFileInfo(path).fileName(), file.readAll()});
    }
    auto written = session::writeEvidence(directory, input);
    if (!written) {
        if (error)
            *error = QString::fromStdString(written.error().detail);
        return std::nullopt;
    }
    return written.value();
}

bool SessionPanel::openTranscript(const QString& path, QString* error)
{
    if (m_controller->isRunning()) {
        if (error)
            *error = tr("stop the session first");
        return false;
    }
    const auto bytes = util::readFileLimited(path, 256 * 1024 * 1024, util::kInteractiveStallLimit);
    auto transcript = bytes ? session::Transcript::fromJson(bytes.value()) : Result<session::Transcript>(bytes.error());
    if (!transcript) {
        if (error)
            *error = QString::fromStdString(transcript.error().detail);
        return false;
    }
    const auto events = transcript->typedEvents();
    if (!events) {
        if (error)
            *error = QString::fromStdString(events.error().detail);
        return false;
    }
    resetViews();
    m_liveSession = false;
    m_openedTranscript = std::move(transcript.value());
    m_evidenceSettings = {};
    // The events carry every decoded field; the calls stay in the file.
    for (const session::SessionEvent& event : events.value())
        onEvent(event);
    updateStateLine();
    return true;
}

} // namespace copp::ui
