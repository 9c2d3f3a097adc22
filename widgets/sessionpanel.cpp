#include "sessionpanel.h"

#include "alertnotifier.h"
#include "elidedlabel.h"
#include "presenterview.h"
#include "protectionchart.h"

#include <core/device/emulator/faults.h>
#include <core/device/hardwaredevice.h>
#include <core/device/emulator/scenario.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/guid.h>
#include <core/models/alertmodel.h>
#include <core/models/protectionhistory.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/eventtext.h>
#include <core/session/sessioncontroller.h>
#include <core/session/sessioneventjson.h>
#include <core/session/transcriptblocks.h>
#include <core/util/filereader.h>

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QCoreApplication>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QFrame>
#include <QTemporaryDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace copp::ui {

namespace {

enum DeviceKindIndex { EmulatorIndex, AgentIndex, ReplayIndex, HardwareIndex /* Windows builds only */ };

QString hexBlock(const QString& hex)
{
    // 32 bytes per line, offsets in front: what a driver engineer compares against a dump.
    QString out;
    for (qsizetype i = 0; i < hex.size(); i += 64)
        out += QStringLiteral("%1  %2\n").arg(i / 2, 4, 16, QLatin1Char('0')).arg(hex.mid(i, 64));
    return out;
}

// Problems-only and text filtering over the session log.
class LogFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setProblemsOnly(bool on)
    {
        m_problemsOnly = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (m_problemsOnly && !index.data(models::SessionLogModel::ProblemRole).toBool())
            return false;
        const QString summary = sourceModel()->index(row, models::SessionLogModel::SummaryColumn, parent).data().toString();
        const QString name = index.data(models::SessionLogModel::EventNameRole).toString();
        return filterRegularExpression().pattern().isEmpty() || summary.contains(filterRegularExpression())
            || name.contains(filterRegularExpression());
    }

private:
    bool m_problemsOnly = false;
};

} // namespace

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
    m_setup = createDeviceBox();
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
    side->addWidget(createControls());
    side->addWidget(createTimeline());
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
    tabs->addTab(createLogTab(), tr("Session &log"));
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

QWidget* SessionPanel::createTimeline()
{
    auto* box = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(box);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_timeline = new QTreeWidget(box);
    m_timeline->setAccessibleName(tr("Handshake timeline"));
    m_timeline->setHeaderLabels({tr("Step"), tr("Value")});
    leftLayout->addWidget(m_timeline, 1);
    auto* row = new QHBoxLayout;
    m_showKey = new QCheckBox(tr("Show the session ke&y"), box);
    m_showKey->setAccessibleName(tr("Show the session key"));
    m_showKey->setEnabled(false);
    m_showKey->setToolTip(tr("Only available when the session was started with \"Reveal secrets\"."));
    row->addWidget(m_showKey);
    connect(m_showKey, &QCheckBox::toggled, this, [this](bool on) {
        if (m_keyItem)
            m_keyItem->setText(1, on ? m_sessionKeyHex : tr("hidden (•••)"));
    });
    m_inspect = new QPushButton(tr("Inspect the &chain"), box);
    m_inspect->setAccessibleName(tr("Open the device's certificate chain in the inspector"));
    m_inspect->setEnabled(false); // until a device sends its chain
    connect(m_inspect, &QPushButton::clicked, this, [this] {
        if (m_chainBytes.isEmpty())
            return;
        // The policy the session used, not the Trust root field: empty means a
        // default (the emulator's test root), and the inspector kept its own root,
        // so it rejected a chain the session had just accepted.
        const auto policy = m_controller->transcript().policy();
        if (!policy) {
            m_banner->setFullText(tr("⚠ The session's trust settings cannot be read: %1").arg(QString::fromStdString(policy.error().detail)));
            return;
        }
        emit inspectChainRequested(m_chainBytes, policy.value());
    });
    row->addStretch(1);
    row->addWidget(m_inspect);
    leftLayout->addLayout(row);
    return box;
}

QWidget* SessionPanel::createDeviceBox()
{
    auto* box = new QGroupBox(tr("Device"), this);
    auto* form = new QFormLayout(box);
    m_deviceKind = new QComboBox(box);
    m_deviceKind->addItems({tr("Built-in driver emulator"), tr("Device agent (command)"), tr("Replay a transcript")});
    if (device::hardwareAvailable()) // the Win32 backend in process (issue 7)
        m_deviceKind->addItem(tr("Windows hardware"));
    m_deviceKind->setAccessibleName(tr("Device kind"));
    form->addRow(tr("&Device:"), m_deviceKind);

    m_scenario = new QComboBox(box);
    m_scenario->setAccessibleName(tr("Scenario"));
    m_scenario->addItem(tr("(none: a steady HDMI output)"), QString());
    for (const QString& name : device::Scenario::builtInNames())
        m_scenario->addItem(name, name);
    form->addRow(tr("Sc&enario:"), m_scenario);

    m_faults = new QLineEdit(box);
    m_faults->setAccessibleName(tr("Faults"));
    m_faults->setPlaceholderText(tr("e.g. bad-reply-mac@3, stall=8000@5"));
    QString faultHelp = tr("Faults to inject, separated by commas: NAME[=VALUE][@N].");
    for (const auto& info : device::allFaults())
        faultHelp += QStringLiteral("\n%1 — %2").arg(QLatin1String(info.name), QString::fromUtf8(info.description));
    m_faults->setToolTip(faultHelp);
    form->addRow(tr("Fa&ults:"), m_faults);

    m_connector = new QComboBox(box);
    m_connector->setAccessibleName(tr("Connector"));
    m_connector->addItem(tr("(the scenario's, or HDMI)"), QString());
    for (const char* c : {"hdmi", "dvi", "displayport", "vga", "component", "s-video", "composite"})
        m_connector->addItem(QLatin1String(c), QLatin1String(c));
    form->addRow(tr("C&onnector:"), m_connector);

    // cli-contract.md §5 "Emulator roles": the interface the emulated driver answers and its semantics.
    m_emulatorInterface = new QComboBox(box);
    m_emulatorInterface->setAccessibleName(tr("Emulated interface"));
    m_emulatorInterface->addItem(tr("COPP (IAMCertifiedOutputProtection)"), QStringLiteral("copp/copp"));
    m_emulatorInterface->addItem(tr("OPM, OPM semantics (X.509 chain, OAEP)"), QStringLiteral("opm/opm"));
    m_emulatorInterface->addItem(tr("OPM, COPP semantics (XML chain, PKCS#1)"), QStringLiteral("opm/copp"));
    form->addRow(tr("Interface:"), m_emulatorInterface);

    m_agentCommand = new QLineEdit(box);
    m_agentCommand->setAccessibleName(tr("Agent command"));
    m_agentCommand->setPlaceholderText(tr("e.g. coppscope-cli emulator --stdio, or ssh lab-pc copp-agent.exe"));
    form->addRow(tr("A&gent command:"), m_agentCommand);
    m_hardware = new QLineEdit(box);
    m_hardware->setAccessibleName(tr("Windows hardware output"));
    m_hardware->setPlaceholderText(tr("MONITOR[.OUTPUT][,api=vmr9|evr|opm][,interface=copp|opm][,semantics=copp|opm], e.g. 0"));
    m_hardware->setText(QStringLiteral("0"));
    if (device::hardwareAvailable())
        form->addRow(tr("Hard&ware output:"), m_hardware);
    else
        m_hardware->hide(); // Linux, macOS: real hardware only through an agent

    auto fileRow = [&](QLineEdit*& edit, const QString& label, const QString& accessible, const QString& title, const QString& filter) {
        edit = new QLineEdit(box);
        edit->setAccessibleName(accessible);
        auto* row = new QHBoxLayout;
        auto* button = new QPushButton(tr("Browse…"), box);
        button->setAccessibleName(tr("Browse for %1").arg(accessible));
        row->addWidget(edit, 1);
        row->addWidget(button);
        QLineEdit* target = edit;
        connect(button, &QPushButton::clicked, this, [this, target, title, filter] { browse(target, title, filter); });
        auto* caption = new QLabel(label, box);
        caption->setBuddy(edit); // the & mnemonic focuses the field
        form->addRow(caption, row);
    };
    fileRow(m_replayPath, tr("Transcript:"), tr("Transcript to replay"), tr("Replay a transcript"), tr("Transcripts (*.json);;All files (*)"));
    fileRow(m_trustRoot, tr("T&rust root:"), tr("Trust root file"), tr("Trust root"), tr("RSAKeyValue files (*.xml);;All files (*)"));
    m_trustRoot->setPlaceholderText(tr("default: the emulator's test root, Microsoft's key for other devices"));
    fileRow(m_crl, tr("Revocation list:"), tr("Revocation list file"), tr("Revocation list"), tr("All files (*)"));
    fileRow(m_trustAnchor, tr("&X.509 trust anchor:"), tr("X.509 trust anchor file"), tr("X.509 trust anchor"),
            tr("Certificates (*.pem *.der *.crt *.cer);;All files (*)"));
    m_trustAnchor->setPlaceholderText(tr("OPM chains; default: the emulator's test root, Microsoft's media root for other devices"));

    auto* options = new QHBoxLayout;
    m_protectHdcp = new QCheckBox(tr("Set HDCP on at the start"), box);
    m_protectHdcp->setAccessibleName(tr("Set HDCP on at the start"));
    m_protectHdcp->setChecked(true);
    m_pollMs = new QSpinBox(box);
    m_pollMs->setAccessibleName(tr("Poll interval in milliseconds"));
    m_pollMs->setRange(50, 60000);
    m_pollMs->setValue(500);
    m_pollMs->setSuffix(tr(" ms"));
    m_reveal = new QCheckBox(tr("Reveal secrets"), box);
    m_reveal->setAccessibleName(tr("Reveal secrets"));
    m_reveal->setToolTip(tr("Keep the session key (shown on request) and make the transcript replayable."));
    m_start = new QPushButton(tr("Start"), box);
    m_start->setAccessibleName(tr("Start the session"));
    m_stop = new QPushButton(tr("Sto&p"), box);
    m_stop->setAccessibleName(tr("Stop the session"));
    options->addWidget(m_protectHdcp);
    options->addWidget(new QLabel(tr("Poll every"), box));
    options->addWidget(m_pollMs);
    options->addWidget(m_reveal);
    options->addStretch(1);
    options->addWidget(m_start);
    options->addWidget(m_stop);
    form->addRow(options);
    connect(m_start, &QPushButton::clicked, this, [this] { startSession(); });
    connect(m_stop, &QPushButton::clicked, this, &SessionPanel::stopSession);
    connect(m_deviceKind, &QComboBox::currentIndexChanged, this, &SessionPanel::updateButtons);
    return box;
}

QWidget* SessionPanel::createControls()
{
    const auto compact = [](QComboBox* box) { // the popup still shows the whole names
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    };
    m_controls = new QGroupBox(tr("Tester controls"), this);
    m_controls->setAccessibleName(tr("Tester controls"));
    auto* grid = new QFormLayout(m_controls);
    auto set = [this](std::uint32_t type, std::uint32_t level) { m_controller->setProtectionLevel(type, level); };
    auto addRow = [&](TypeControls& row, const QString& label, QHBoxLayout* widgets) {
        row.label = new QLabel(label, m_controls);
        row.requested = new QLabel(m_controls);
        row.requested->setAccessibleName(tr("%1: what this session asked for").arg(label));
        auto* box = new QWidget(m_controls);
        auto* column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(1);
        column->addLayout(widgets);
        column->addWidget(row.requested);
        row.container = box;
        grid->addRow(row.label, box);
    };

    auto onOff = [&](TypeControls& row, std::uint32_t type, const QString& name) {
        auto* buttons = new QHBoxLayout;
        auto* on = new QPushButton(tr("%1 on").arg(name), m_controls);
        auto* off = new QPushButton(tr("%1 off").arg(name), m_controls);
        for (QPushButton* b : {on, off}) {
            b->setAccessibleName(b->text());
            buttons->addWidget(b);
            row.inputs.push_back(b);
        }
        connect(on, &QPushButton::clicked, this, [set, type] { set(type, 1); });
        connect(off, &QPushButton::clicked, this, [set, type] { set(type, 0); });
        addRow(row, name + QLatin1Char(':'), buttons);
    };
    onOff(m_typeControls[kHdcp], protocol::protection::Hdcp, QStringLiteral("HDCP"));
    onOff(m_typeControls[kDpcp], protocol::protection::Dpcp, QStringLiteral("DPCP"));

    // Levels listed by precedence (protocol.md §5.2), weakest first, as the chart draws them.
    auto* acp = new QHBoxLayout;
    m_acpLevel = new QComboBox(m_controls);
    m_acpLevel->setAccessibleName(tr("ACP level"));
    for (std::uint32_t level : {0u, 1u, 3u, 2u})
        m_acpLevel->addItem(session::ProtectionState::typeText(QStringLiteral("acp"), static_cast<int>(level)), level);
    auto* acpSet = new QPushButton(tr("Set ACP"), m_controls);
    acpSet->setAccessibleName(tr("Set ACP"));
    acp->addWidget(m_acpLevel, 1);
    acp->addWidget(acpSet);
    m_typeControls[kAcp].inputs = {m_acpLevel, acpSet};
    connect(acpSet, &QPushButton::clicked, this, [this, set] { set(protocol::protection::Acp, m_acpLevel->currentData().toUInt()); });
    addRow(m_typeControls[kAcp], tr("ACP:"), acp);

    auto* cgmsa = new QHBoxLayout;
    m_cgmsaLevel = new QComboBox(m_controls);
    m_cgmsaLevel->setAccessibleName(tr("CGMS-A level"));
    for (std::uint32_t level : {protocol::cgmsa::Off, protocol::cgmsa::CopyFreely, protocol::cgmsa::CopyOneGeneration,
                                protocol::cgmsa::CopyNoMore, protocol::cgmsa::CopyNever})
        m_cgmsaLevel->addItem(session::ProtectionState::typeText(QStringLiteral("cgmsa"), static_cast<int>(level)), level);
    m_cgmsaRedistribution = new QCheckBox(tr("Redistribution control"), m_controls);
    m_cgmsaRedistribution->setAccessibleName(tr("CGMS-A redistribution control"));
    auto* cgmsaSet = new QPushButton(tr("Set CGMS-A"), m_controls);
    cgmsaSet->setAccessibleName(tr("Set CGMS-A"));
    cgmsa->addWidget(m_cgmsaLevel, 1);
    cgmsa->addWidget(cgmsaSet);
    m_typeControls[kCgmsa].inputs = {m_cgmsaLevel, m_cgmsaRedistribution, cgmsaSet};
    connect(cgmsaSet, &QPushButton::clicked, this, [this, set] {
        std::uint32_t level = m_cgmsaLevel->currentData().toUInt();
        if (m_cgmsaRedistribution->isChecked())
            level |= protocol::cgmsa::RedistributionControlRequired;
        set(protocol::protection::Cgmsa, level);
    });
    addRow(m_typeControls[kCgmsa], tr("CGMS-A:"), cgmsa);
    // Under the level box, so the row stays narrow (the chart keeps the width).
    static_cast<QVBoxLayout*>(m_typeControls[kCgmsa].container->layout())->insertWidget(1, m_cgmsaRedistribution);

    auto* signaling = new QHBoxLayout;
    m_signalingStandard = new QComboBox(m_controls);
    m_signalingStandard->setAccessibleName(tr("TV protection standard for SetSignaling"));
    m_signalingStandard->addItem(tr("Unknown (0)"), 0);
    m_signalingStandard->addItem(tr("NTSC (EIA-608-B, 1)"), 1);
    m_signalingStandard->addItem(tr("PAL (IEC 61880, 2)"), 2);
    auto* signalingSet = new QPushButton(tr("Set signaling"), m_controls);
    signalingSet->setAccessibleName(tr("Send SetSignaling"));
    signaling->addWidget(m_signalingStandard, 1);
    signaling->addWidget(signalingSet);
    connect(signalingSet, &QPushButton::clicked, this, [this] {
        protocol::SetSignaling s;
        s.activeTvProtectionStandard = m_signalingStandard->currentData().toUInt();
        m_controller->setSignaling(s);
    });
    grid->addRow(tr("Signaling:"), signaling);

    auto* query = new QHBoxLayout;
    m_queryRequest = new QComboBox(m_controls);
    m_queryRequest->setAccessibleName(tr("Status request"));
    for (protocol::StatusRequest r : protocol::kAllStatusRequests)
        m_queryRequest->addItem(QLatin1String(protocol::statusRequestName(r)), static_cast<int>(r));
    m_queryType = new QComboBox(m_controls);
    m_queryType->setAccessibleName(tr("Protection type of a level query"));
    for (const char* t : {"hdcp", "acp", "cgmsa", "dpcp"})
        m_queryType->addItem(QLatin1String(t), QLatin1String(t));
    auto* run = new QPushButton(tr("&Query"), m_controls);
    run->setAccessibleName(tr("Run the status query"));
    query->addWidget(m_queryRequest, 1);
    query->addWidget(m_queryType);
    query->addWidget(run);
    connect(run, &QPushButton::clicked, this, [this] {
        const auto type = protocol::protectionTypeFromName(m_queryType->currentData().toString().toStdString());
        m_controller->query(static_cast<protocol::StatusRequest>(m_queryRequest->currentData().toInt()), type.value_or(0));
    });
    grid->addRow(tr("Status:"), query);
    for (QComboBox* box : {m_acpLevel, m_cgmsaLevel, m_signalingStandard, m_queryRequest})
        compact(box);
    return m_controls;
}

QWidget* SessionPanel::createLogTab()
{
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* filterRow = new QHBoxLayout;
    m_logFilter = new QLineEdit(tab);
    m_logFilter->setAccessibleName(tr("Filter the session log"));
    m_logFilter->setPlaceholderText(tr("Filter (text or event name)"));
    m_logFilter->setClearButtonEnabled(true);
    m_problemsOnly = new QCheckBox(tr("Pro&blems only"), tab);
    m_problemsOnly->setAccessibleName(tr("Show problems only"));
    filterRow->addWidget(m_logFilter, 1);
    filterRow->addWidget(m_problemsOnly);
    layout->addLayout(filterRow);
    auto* filter = new LogFilter(tab);
    m_logProxy = filter;
    m_logProxy->setSourceModel(m_log);
    m_logProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_logFilter, &QLineEdit::textChanged, m_logProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_problemsOnly, &QCheckBox::toggled, this, [filter](bool on) { filter->setProblemsOnly(on); });
    auto* split = new QSplitter(Qt::Horizontal, tab);
    m_logView = new QTableView(split);
    m_logView->setAccessibleName(tr("Session log"));
    m_logView->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_logView->setModel(m_logProxy);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logView->horizontalHeader()->setStretchLastSection(true);
    m_logView->verticalHeader()->hide();
    m_logDetail = new QTextBrowser(split);
    m_logDetail->setAccessibleName(tr("Decoded fields and bytes of the selected log entry"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_logDetail->setFont(mono);
    split->addWidget(m_logView);
    split->addWidget(m_logDetail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SessionPanel::showLogDetail);
    return tab;
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

void SessionPanel::browse(QLineEdit* edit, const QString& title, const QString& filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

bool SessionPanel::applyDeviceChoice(const QString& device, const QString& scenario, const QStringList& faults, QString* error)
{
    auto spec = session::parseDeviceChoice(device);
    if (!spec) {
        if (error)
            *error = QString::fromStdString(spec.error().detail);
        return false;
    }
    if (spec->kind == session::DeviceSpec::Kind::Hardware && !device::hardwareAvailable()) {
        if (error)
            *error = tr("Windows hardware is available only in the Windows build; use a device agent (exec:) from here");
        return false;
    }
    m_deviceKind->setCurrentIndex(spec->kind == session::DeviceSpec::Kind::Emulator ? EmulatorIndex
                                  : spec->kind == session::DeviceSpec::Kind::Agent  ? AgentIndex
                                  : spec->kind == session::DeviceSpec::Kind::Hardware ? HardwareIndex
                                                                                    : ReplayIndex);
    m_hardware->setText(spec->hardware);
    m_agentCommand->setText(spec->agentCommand);
    m_replayPath->setText(spec->replayPath);
    if (scenario.isEmpty()) {
        m_scenario->setCurrentIndex(0); // as on the command line: no scenario
    } else {
        const int index = m_scenario->findData(scenario);
        if (index >= 0)
            m_scenario->setCurrentIndex(index);
        else { // a scenario file
            m_scenario->addItem(scenario, scenario);
            m_scenario->setCurrentIndex(m_scenario->count() - 1);
        }
    }
    m_faults->setText(faults.join(QStringLiteral(", ")));
    return true;
}

bool SessionPanel::setEmulatorInterface(const QString& interface, const QString& semantics)
{
    const QString key = interface + QLatin1Char('/') + (semantics.isEmpty() ? interface : semantics);
    const int index = m_emulatorInterface->findData(key);
    if (index < 0)
        return false;
    m_emulatorInterface->setCurrentIndex(index);
    return true;
}

void SessionPanel::setInitialProtections(const std::vector<protocol::TypeLevel>& protections)
{
    // HDCP on is the box, where the tester sees it; the others (--protect acp=2 ...)
    // apply to the first session only: a later one sets what the panel shows (a
    // restarted session set HDCP with the box unticked).
    m_initialProtections.clear();
    bool hdcpOn = false;
    for (const protocol::TypeLevel& p : protections) {
        if (p.type == protocol::protection::Hdcp && p.level == 1)
            hdcpOn = true;
        else
            m_initialProtections.push_back(p);
    }
    m_protectHdcp->setChecked(hdcpOn);
}

session::SessionConfig SessionPanel::config() const
{
    session::SessionConfig config;
    const int kind = m_deviceKind->currentIndex();
    config.device.kind = kind == EmulatorIndex ? session::DeviceSpec::Kind::Emulator
        : kind == AgentIndex                   ? session::DeviceSpec::Kind::Agent
        : kind == HardwareIndex                ? session::DeviceSpec::Kind::Hardware
                                               : session::DeviceSpec::Kind::Replay;
    QStringList faults;
    for (const QString& f : m_faults->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!f.trimmed().isEmpty())
            faults << f.trimmed();
    config.device.emulator.faults = faults;
    config.device.emulator.scenario = m_scenario->currentData().toString();
    config.device.emulator.connector = m_connector->currentData().toString();
    const QStringList role = m_emulatorInterface->currentData().toString().split(QLatin1Char('/'));
    config.device.emulator.interface = role.value(0);
    config.device.emulator.semantics = role.value(1);
    config.device.trustAnchorPath = m_trustAnchor->text().trimmed();
    config.device.agentCommand = m_agentCommand->text().trimmed();
    config.device.replayPath = m_replayPath->text().trimmed();
    config.device.hardware = m_hardware->text().trimmed();
    config.device.trustRootPath = m_trustRoot->text().trimmed();
    config.device.crlPath = m_crl->text().trimmed();
    config.protections = m_initialProtections;
    if (m_protectHdcp->isChecked())
        config.protections.push_back({protocol::protection::Hdcp, 1});
    config.pollMs = m_pollMs->value();
    config.revealSecrets = m_reveal->isChecked();
    return config;
}

void SessionPanel::resetViews()
{
    m_log->clear();
    m_alerts->clear();
    m_history->clear();
    m_state.clear();
    m_timeline->clear();
    m_keyItem = nullptr;
    m_sessionKeyHex.clear();
    m_chainBytes.clear();
    m_lastProblem.clear();
    m_notStarted.clear();
    m_inspect->setEnabled(false);
    m_showKey->setChecked(false);
    m_showKey->setEnabled(false);
    m_logDetail->clear();
    m_sessionStarted = false;
    m_firstReplyShown = false;
    m_lostOnce = false;
    m_protectedAgainSinceMs = -1;
    m_shownAlert = -1;
    m_alertRowsSeen = 0;
    m_controlsShown.clear();
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
        m_initialProtections.clear(); // the command line's, for the first session only
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
    addTimelineStep(plain);
    updateStateLine();
    updateControls();
}

void SessionPanel::addTimelineStep(const session::SessionEvent& event)
{
    const auto hex = [](const QByteArray& bytes) { return QString::fromLatin1(bytes.toHex()); };
    if (const auto* k = event.as<session::KeyExchangeEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("① Key exchange"), k->device});
        new QTreeWidgetItem(step, {tr("Driver random"), hex(k->driverRandom)});
        new QTreeWidgetItem(step, {tr("Certificate chain"), tr("%1 bytes").arg(k->certificateBytes)});
        m_chainBytes = k->certificateChain;
        m_inspect->setEnabled(!m_chainBytes.isEmpty());
        step->setExpanded(true);
    } else if (const auto* c = event.as<session::ChainEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("② Chain validation"),
                                                      c->valid ? tr("✔ valid") : tr("✖ rejected: %1").arg(c->firstFailure)});
        new QTreeWidgetItem(step, {tr("Trust root"), validation::TrustRoot::displayName(c->trustRoot)});
        for (const session::ChainStep& s : c->steps) {
            const QString status = s.status == session::ChainStep::Status::Pass   ? tr("✔ pass")
                : s.status == session::ChainStep::Status::Fail                    ? tr("✖ fail")
                                                                                  : tr("– skipped");
            new QTreeWidgetItem(step, {s.rule, status});
        }
    } else if (const auto* started = event.as<session::SessionStartedEvent>()) {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("③ Session start"), tr("✔ accepted")});
        new QTreeWidgetItem(step, {tr("Status sequence"), QString::number(started->statusSequence)});
        new QTreeWidgetItem(step, {tr("Command sequence"), QString::number(started->commandSequence)});
        new QTreeWidgetItem(step, {tr("AMCOPPSignature (256 bytes)"), hex(started->signature)});
        m_sessionKeyHex = hex(started->sessionKey);
        m_keyItem = new QTreeWidgetItem(step, {tr("Session key"), m_sessionKeyHex.isEmpty() ? tr("not revealed") : tr("hidden (•••)")});
        m_showKey->setEnabled(!m_sessionKeyHex.isEmpty());
        m_sessionStarted = true;
        step->setExpanded(true);
    } else if (const auto* status = event.as<session::StatusEvent>(); status && m_sessionStarted && !m_firstReplyShown) {
        m_firstReplyShown = true;
        auto* step = new QTreeWidgetItem(m_timeline, {tr("④ First reply"), session::eventSummary(event)});
        const auto ok = [this](bool passed) { return passed ? tr("✔ passed") : tr("✖ failed"); };
        new QTreeWidgetItem(step, {tr("OMAC"), ok(status->checks.mac)});
        new QTreeWidgetItem(step, {tr("Size"), ok(status->checks.size)});
        new QTreeWidgetItem(step, {tr("Random echoed"), ok(status->checks.random)});
    } else if (event.is<session::ErrorEvent>() || (event.is<session::AlertEvent>() && !m_sessionStarted)) {
        new QTreeWidgetItem(m_timeline, {tr("✖ Stopped"), session::eventSummary(event)});
    }
    m_timeline->resizeColumnToContents(0); // step names were cut to "Key exc…"
}

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

void SessionPanel::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_summaryAction->setText(running ? tr("Sto&p") : tr("Start a&gain"));
    m_summaryAction->setAccessibleName(running ? tr("Stop the session") : tr("Start the session again with this setup"));
    const int kind = m_deviceKind->currentIndex();
    for (QWidget* w : {static_cast<QWidget*>(m_scenario), static_cast<QWidget*>(m_faults), static_cast<QWidget*>(m_connector),
                       static_cast<QWidget*>(m_emulatorInterface)})
        w->setEnabled(!running && kind == EmulatorIndex);
    m_agentCommand->setEnabled(!running && kind == AgentIndex);
    m_replayPath->setEnabled(!running && kind == ReplayIndex);
    m_hardware->setEnabled(!running && kind == HardwareIndex);
    m_deviceKind->setEnabled(!running);
    m_summary->setText(summaryText());
    updateControls();
}

// docs/session-workspace.md "Tester controls": each type's controls show what
// the session asked for, and only the types the output offers can be set.
void SessionPanel::updateControls()
{
    const bool running = m_controller->isRunning();
    m_controls->setEnabled(running);
    const std::optional<quint32> offered = m_state.availableTypes();
    // Called at every event: rebuild the rows only when what they show changed.
    QString shown = QString::number(offered.value_or(0xFFFFFFFF)) + m_state.connector();
    for (const auto& [type, state] : m_state.types())
        shown += type + QString::number(state.requested);
    if (shown == m_controlsShown)
        return;
    m_controlsShown = shown;
    // The rows are in ProtectionHistory::knownTypes() order (hdcp, acp, cgmsa, dpcp).
    const QStringList& types = models::ProtectionHistory::knownTypes();
    const auto offers = [&](const QString& type) {
        return offered && (*offered & protocol::protectionTypeFromName(type.toStdString()).value_or(0)) != 0;
    };
    const QString output = m_state.connector().isEmpty() ? tr("this output") : tr("this %1 output").arg(m_state.connector());
    QStringList offeredNames;
    for (const QString& type : types)
        if (offers(type))
            offeredNames << session::ProtectionState::typeName(type);
    for (int i = 0; i < kTypeCount; ++i) {
        TypeControls& row = m_typeControls[static_cast<std::size_t>(i)];
        const QString type = types.at(i);
        const bool available = !offered || offers(type);
        const QString reason = available ? QString()
            : offeredNames.isEmpty()
            ? tr("%1 does not offer %2: its protection-type reply lists no protection.").arg(output, session::ProtectionState::typeName(type))
            : tr("%1 does not offer %2: its protection-type reply lists %3 only.")
                  .arg(output, session::ProtectionState::typeName(type), offeredNames.join(QStringLiteral(", ")));
        for (QWidget* input : row.inputs) {
            input->setEnabled(available);
            input->setToolTip(reason);
            input->setAccessibleDescription(reason);
        }
        row.label->setEnabled(available);
        const auto state = m_state.types().find(type);
        const int requested = state == m_state.types().end() ? -1 : state->second.requested;
        row.requested->setText(!available ? (m_state.connector().isEmpty() ? tr("⊘ not offered by this output")
                                                                          : tr("⊘ not offered by this %1 output").arg(m_state.connector()))
                                   : requested < 0 ? tr("Requested: nothing yet")
                                                   : tr("Requested: %1").arg(session::ProtectionState::typeText(type, requested)));
        row.requested->setToolTip(reason);
        if (requested < 0)
            continue;
        // The level boxes follow the session's current request (a --protect, a
        // command from this panel), not what was last picked in them.
        if (i == kAcp)
            m_acpLevel->setCurrentIndex(std::max(0, m_acpLevel->findData(quint32(requested))));
        if (i == kCgmsa) {
            const auto base = quint32(requested) & ~protocol::cgmsa::RedistributionControlRequired;
            m_cgmsaLevel->setCurrentIndex(std::max(0, m_cgmsaLevel->findData(base)));
            m_cgmsaRedistribution->setChecked((quint32(requested) & protocol::cgmsa::RedistributionControlRequired) != 0);
        }
    }
}

void SessionPanel::setSetupFolded(bool folded)
{
    m_setupFolded = folded;
    m_setup->setVisible(!folded); // hidden fields leave the tab chain
    m_summaryBar->setVisible(folded);
    m_summary->setText(summaryText());
    if (!folded)
        m_deviceKind->setFocus(Qt::OtherFocusReason);
}

QString SessionPanel::summaryText() const
{
    const session::SessionConfig c = config();
    QStringList parts;
    switch (c.device.kind) {
    case session::DeviceSpec::Kind::Emulator:
        parts << tr("Built-in emulator") << m_emulatorInterface->currentText();
        parts << (c.device.emulator.scenario.isEmpty() ? tr("no scenario") : tr("scenario %1").arg(c.device.emulator.scenario));
        if (!c.device.emulator.faults.isEmpty())
            parts << tr("faults %1").arg(c.device.emulator.faults.join(QStringLiteral(", ")));
        break;
    case session::DeviceSpec::Kind::Agent:
        parts << tr("Agent: %1").arg(c.device.agentCommand);
        break;
    case session::DeviceSpec::Kind::Replay:
        parts << tr("Replay of %1").arg(QFileInfo(c.device.replayPath).fileName());
        break;
    case session::DeviceSpec::Kind::Hardware:
        parts << tr("Windows hardware output %1").arg(c.device.hardware);
        break;
    }
    parts << (c.device.trustRootPath.isEmpty() ? tr("default trust root") : tr("trust root %1").arg(QFileInfo(c.device.trustRootPath).fileName()));
    parts << tr("poll %1 ms").arg(c.pollMs);
    return parts.join(QStringLiteral(" · "));
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

void SessionPanel::showLogDetail()
{
    const QModelIndex index = m_logView->currentIndex();
    if (!index.isValid()) {
        m_logDetail->clear();
        return;
    }
    const auto event = index.data(models::SessionLogModel::EventRole).value<session::SessionEvent>();
    // The decoded fields exactly as the contract writes them (what --json prints).
    QString text = tr("Decoded fields:\n")
        + QString::fromUtf8(QJsonDocument(session::toJson(event)).toJson(QJsonDocument::Indented));
    const QVariant callData = index.data(models::SessionLogModel::CallRole);
    if (callData.isValid()) {
        const auto call = callData.value<session::DeviceCall>();
        text += tr("\nDevice call %1 (hresult 0x%2, %3 ms):\n").arg(call.method).arg(call.hresult, 8, 16, QLatin1Char('0')).arg(call.durationMs);
        for (const auto& [part, fields] : {std::pair{QStringLiteral("params"), call.params}, std::pair{QStringLiteral("result"), call.result}}) {
            for (const session::DeviceCall::Field& f : fields) {
                text += QStringLiteral("\n%1.%2 (%3 bytes):\n").arg(part, f.name).arg(f.text.size() / 2);
                text += f.name == u"certificateChain" ? f.text.left(200) + QStringLiteral("…\n") : hexBlock(f.text);
            }
        }
    }
    m_logDetail->setPlainText(text);
}

void SessionPanel::showPresenter()
{
    if (!m_presenter)
        m_presenter = new PresenterView(this);
    updateStateLine();
    m_presenter->show();
    m_presenter->raise();
}

std::optional<session::EvidenceWritten> SessionPanel::exportEvidence(const QString& directory, QString* error)
{
    // The same core writer as `coppscope-cli session --evidence` (cli-contract.md §3.1);
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
