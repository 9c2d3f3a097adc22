#include "sessionpanel.h"

#include "alertnotifier.h"
#include "presenterview.h"
#include "protectionchart.h"

#include <core/device/emulator/faults.h>
#include <core/device/hardwaredevice.h>
#include <core/device/emulator/scenario.h>
#include <core/kernel/crypto/sha.h>
#include <core/kernel/protocol/constants.h>
#include <core/kernel/protocol/guid.h>
#include <core/models/alertmodel.h>
#include <core/models/protectionhistory.h>
#include <core/models/sessionlogmodel.h>
#include <core/session/eventtext.h>
#include <core/session/sessioncontroller.h>
#include <core/session/transcriptblocks.h>
#include <core/util/filereader.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
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

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QObject::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

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

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createDeviceBox());

    // The one line that matters in a demo, and the newest alert.
    m_stateLine = new QLabel(this);
    m_stateLine->setAccessibleName(tr("Protection state"));
    QFont bold = m_stateLine->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    bold.setBold(true);
    m_stateLine->setFont(bold);
    layout->addWidget(m_stateLine);
    auto* bannerRow = new QHBoxLayout;
    m_banner = new QLabel(this);
    m_banner->setAccessibleName(tr("Alert banner"));
    m_banner->setWordWrap(true);
    m_acknowledge = new QPushButton(tr("Ac&knowledge"), this);
    m_acknowledge->setAccessibleName(tr("Acknowledge all alerts"));
    bannerRow->addWidget(m_banner, 1);
    bannerRow->addWidget(m_acknowledge);
    layout->addLayout(bannerRow);
    connect(m_acknowledge, &QPushButton::clicked, m_alerts, &models::AlertModel::acknowledgeAll);
    connect(m_alerts, &models::AlertModel::acknowledgementChanged, this, &SessionPanel::updateBanner);

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_timeline = new QTreeWidget(left);
    m_timeline->setAccessibleName(tr("Handshake timeline"));
    m_timeline->setHeaderLabels({tr("Step"), tr("Value")});
    leftLayout->addWidget(m_timeline, 1);
    m_showKey = new QCheckBox(tr("Show the session ke&y"), left);
    m_showKey->setAccessibleName(tr("Show the session key"));
    m_showKey->setEnabled(false);
    m_showKey->setToolTip(tr("Only available when the session was started with \"Reveal secrets\"."));
    leftLayout->addWidget(m_showKey);
    connect(m_showKey, &QCheckBox::toggled, this, [this](bool on) {
        if (m_keyItem)
            m_keyItem->setText(1, on ? m_sessionKeyHex : tr("hidden (•••)"));
    });
    m_inspect = new QPushButton(tr("Inspect the &chain"), left);
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
            m_banner->setText(tr("⚠ The session's trust settings cannot be read: %1").arg(QString::fromStdString(policy.error().detail)));
            return;
        }
        emit inspectChainRequested(m_chainBytes, policy.value());
    });
    leftLayout->addWidget(m_inspect);
    leftLayout->addWidget(createControls());
    m_chart = new ProtectionChart(split);
    m_chart->setHistory(m_history);
    split->addWidget(left);
    split->addWidget(m_chart);
    split->setStretchFactor(1, 3);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(split);
    auto* tabs = new QTabWidget(vertical);
    tabs->setAccessibleName(tr("Session log and alerts"));
    tabs->addTab(createLogTab(), tr("Session &log"));
    tabs->addTab(createAlertTab(), tr("&Alerts"));
    vertical->addWidget(tabs);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    layout->addWidget(vertical, 1);

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

SessionPanel::~SessionPanel() = default;

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
    m_controls = new QGroupBox(tr("Tester controls"), this);
    auto* grid = new QFormLayout(m_controls);
    auto set = [this](std::uint32_t type, std::uint32_t level) { m_controller->setProtectionLevel(type, level); };

    auto* hdcp = new QHBoxLayout;
    auto* hdcpOn = new QPushButton(tr("HDCP on"), m_controls);
    auto* hdcpOff = new QPushButton(tr("HDCP off"), m_controls);
    auto* dpcpOn = new QPushButton(tr("DPCP on"), m_controls);
    auto* dpcpOff = new QPushButton(tr("DPCP off"), m_controls);
    for (QPushButton* b : {hdcpOn, hdcpOff, dpcpOn, dpcpOff}) {
        b->setAccessibleName(b->text());
        hdcp->addWidget(b);
    }
    connect(hdcpOn, &QPushButton::clicked, this, [set] { set(protocol::protection::Hdcp, 1); });
    connect(hdcpOff, &QPushButton::clicked, this, [set] { set(protocol::protection::Hdcp, 0); });
    connect(dpcpOn, &QPushButton::clicked, this, [set] { set(protocol::protection::Dpcp, 1); });
    connect(dpcpOff, &QPushButton::clicked, this, [set] { set(protocol::protection::Dpcp, 0); });
    grid->addRow(tr("HDCP / DPCP:"), hdcp);

    auto* acp = new QHBoxLayout;
    m_acpLevel = new QComboBox(m_controls);
    m_acpLevel->setAccessibleName(tr("ACP level"));
    m_acpLevel->addItems({tr("0 (off)"), tr("1"), tr("2"), tr("3")});
    auto* acpSet = new QPushButton(tr("Set ACP"), m_controls);
    acpSet->setAccessibleName(tr("Set ACP"));
    acp->addWidget(m_acpLevel, 1);
    acp->addWidget(acpSet);
    connect(acpSet, &QPushButton::clicked, this, [this, set] { set(protocol::protection::Acp, static_cast<std::uint32_t>(m_acpLevel->currentIndex())); });
    grid->addRow(tr("ACP:"), acp);

    auto* cgmsa = new QHBoxLayout;
    m_cgmsaLevel = new QComboBox(m_controls);
    m_cgmsaLevel->setAccessibleName(tr("CGMS-A level"));
    m_cgmsaLevel->addItems({tr("Off"), tr("Copy freely"), tr("Copy no more"), tr("Copy one generation"), tr("Copy never")});
    m_cgmsaRedistribution = new QCheckBox(tr("Redistribution control"), m_controls);
    m_cgmsaRedistribution->setAccessibleName(tr("CGMS-A redistribution control"));
    auto* cgmsaSet = new QPushButton(tr("Set CGMS-A"), m_controls);
    cgmsaSet->setAccessibleName(tr("Set CGMS-A"));
    cgmsa->addWidget(m_cgmsaLevel, 1);
    cgmsa->addWidget(m_cgmsaRedistribution);
    cgmsa->addWidget(cgmsaSet);
    connect(cgmsaSet, &QPushButton::clicked, this, [this, set] {
        std::uint32_t level = static_cast<std::uint32_t>(m_cgmsaLevel->currentIndex());
        if (m_cgmsaRedistribution->isChecked())
            level |= protocol::cgmsa::RedistributionControlRequired;
        set(protocol::protection::Cgmsa, level);
    });
    grid->addRow(tr("CGMS-A:"), cgmsa);

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
}

bool SessionPanel::startSession()
{
    if (m_controller->isRunning())
        return false;
    const session::SessionConfig c = config();
    if (c.device.kind == session::DeviceSpec::Kind::Agent && c.device.agentCommand.isEmpty()) {
        m_banner->setText(tr("⚠ Enter the agent's command first."));
        return false;
    }
    if (c.device.kind == session::DeviceSpec::Kind::Replay && c.device.replayPath.isEmpty()) {
        m_banner->setText(tr("⚠ Choose a transcript to replay first."));
        return false;
    }
    resetViews();
    const bool started = m_controller->start(c);
    if (started)
        m_initialProtections.clear(); // the command line's, for the first session only
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

void SessionPanel::onEvent(const QJsonObject& event)
{
    const QString name = event.value(QStringLiteral("event")).toString();
    if (name == u"error" || name == u"alert") // e.g. the agent could not be run, the chain was rejected
        m_lastProblem = event.value(QStringLiteral("detail")).toString();
    else if (name == u"end" && !event.value(QStringLiteral("started")).toBool())
        m_notStarted = m_lastProblem.isEmpty() ? event.value(QStringLiteral("reason")).toString() : m_lastProblem;
    m_log->addEvent(event);
    m_alerts->addEvent(event);
    QJsonObject plain = event;
    plain.remove(QStringLiteral("call"));
    plain.remove(QStringLiteral("calls"));
    m_history->addEvent(plain);
    m_state.addEvent(plain);
    addTimelineStep(event);
    updateStateLine();
}

void SessionPanel::addTimelineStep(const QJsonObject& event)
{
    const QString name = event.value(QStringLiteral("event")).toString();
    auto str = [&](const char* key) { return event.value(QLatin1String(key)).toVariant().toString(); };
    if (name == u"key_exchange") {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("① Key exchange"), str("device")});
        new QTreeWidgetItem(step, {tr("Driver random"), str("driver_random")});
        new QTreeWidgetItem(step, {tr("Certificate chain"), tr("%1 bytes").arg(str("certificate_bytes"))});
        const QJsonObject result = event.value(QStringLiteral("call")).toObject().value(QStringLiteral("result")).toObject();
        m_chainBytes = QByteArray::fromBase64(result.value(QStringLiteral("certificateChain")).toString().toLatin1());
        m_inspect->setEnabled(!m_chainBytes.isEmpty());
        step->setExpanded(true);
    } else if (name == u"chain") {
        const bool valid = event.value(QStringLiteral("valid")).toBool();
        auto* step = new QTreeWidgetItem(m_timeline, {tr("② Chain validation"),
                                                      valid ? tr("✔ valid") : tr("✖ rejected: %1").arg(str("first_failure"))});
        new QTreeWidgetItem(step, {tr("Trust root"), str("trust_root")});
        for (const QJsonValue& v : event.value(QStringLiteral("report")).toObject().value(QStringLiteral("steps")).toArray()) {
            const QJsonObject s = v.toObject();
            const QString status = s.value(QStringLiteral("status")).toString();
            const QString symbol = status == u"pass" ? QStringLiteral("✔") : status == u"fail" ? QStringLiteral("✖") : QStringLiteral("–");
            new QTreeWidgetItem(step, {s.value(QStringLiteral("rule")).toString(), symbol + QLatin1Char(' ') + status});
        }
    } else if (name == u"session_started") {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("③ Session start"), tr("✔ accepted")});
        new QTreeWidgetItem(step, {tr("Status sequence"), str("status_sequence")});
        new QTreeWidgetItem(step, {tr("Command sequence"), str("command_sequence")});
        new QTreeWidgetItem(step, {tr("AMCOPPSignature (256 bytes)"), str("signature")});
        m_sessionKeyHex = str("session_key");
        m_keyItem = new QTreeWidgetItem(step, {tr("Session key"), m_sessionKeyHex.isEmpty() ? tr("not revealed") : tr("hidden (•••)")});
        m_showKey->setEnabled(!m_sessionKeyHex.isEmpty());
        step->setExpanded(true);
    } else if (name == u"status" && m_timeline->topLevelItemCount() == 3) {
        auto* step = new QTreeWidgetItem(m_timeline, {tr("④ First reply"), session::eventSummary(event)});
        new QTreeWidgetItem(step, {tr("Checks"), QString::fromUtf8(QJsonDocument(event.value(QStringLiteral("checks")).toObject()).toJson(QJsonDocument::Compact))});
    } else if (name == u"error" || (name == u"alert" && m_timeline->topLevelItemCount() < 3)) {
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
    m_stateLine->setText(symbol + sentence);
    const QString colour = verdict == session::ProtectionState::Verdict::Protected      ? QStringLiteral("#1b7f3b")
        : verdict == session::ProtectionState::Verdict::NotProtected                    ? QStringLiteral("#b00020")
                                                                                        : QString();
    m_stateLine->setStyleSheet(colour.isEmpty() ? QString() : QStringLiteral("color: %1").arg(colour));
    if (m_presenter) {
        const int row = m_alerts->newestUnacknowledgedRow();
        m_presenter->showState(verdict == session::ProtectionState::Verdict::Protected ? 1
                                   : verdict == session::ProtectionState::Verdict::NotProtected ? 0
                                                                                                : -1,
                               sentence,
                               row >= 0 ? m_alerts->index(row, models::AlertModel::KindColumn).data().toString() : QString());
    }
}

QString SessionPanel::bannerText() const
{
    return m_banner->text();
}

void SessionPanel::updateBanner()
{
    const int row = m_alerts->newestUnacknowledgedRow();
    const int count = m_alerts->unacknowledgedCount();
    if (row < 0) {
        m_banner->setText(tr("No unacknowledged alerts."));
        m_banner->setStyleSheet(QString());
        m_acknowledge->setEnabled(false);
    } else {
        m_banner->setText(tr("⚠ ALERT at %1: %2 — %3 (%n unacknowledged)", nullptr, count)
                              .arg(m_alerts->index(row, models::AlertModel::TimeColumn).data().toString(),
                                   m_alerts->index(row, models::AlertModel::KindColumn).data().toString(),
                                   m_alerts->index(row, models::AlertModel::DetailColumn).data().toString()));
        m_banner->setStyleSheet(QStringLiteral("background: #fff3cd; color: #5c3c00; padding: 4px; border: 1px solid #b58a00"));
        m_acknowledge->setEnabled(true);
    }
    updateStateLine();
}

void SessionPanel::updateButtons()
{
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_controls->setEnabled(running);
    const int kind = m_deviceKind->currentIndex();
    for (QWidget* w : {static_cast<QWidget*>(m_scenario), static_cast<QWidget*>(m_faults), static_cast<QWidget*>(m_connector),
                       static_cast<QWidget*>(m_emulatorInterface)})
        w->setEnabled(!running && kind == EmulatorIndex);
    m_agentCommand->setEnabled(!running && kind == AgentIndex);
    m_replayPath->setEnabled(!running && kind == ReplayIndex);
    m_hardware->setEnabled(!running && kind == HardwareIndex);
    m_deviceKind->setEnabled(!running);
}

void SessionPanel::showLogDetail()
{
    const QModelIndex index = m_logView->currentIndex();
    if (!index.isValid()) {
        m_logDetail->clear();
        return;
    }
    const QJsonObject event = index.data(models::SessionLogModel::EventRole).toJsonObject();
    const QJsonObject call = index.data(models::SessionLogModel::CallRole).toJsonObject();
    QString text = tr("Decoded fields:\n") + QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented));
    if (!call.isEmpty()) {
        const QString method = call.value(QStringLiteral("method")).toString();
        text += tr("\nDevice call %1 (hresult 0x%2, %3 ms):\n")
                    .arg(method)
                    .arg(call.value(QStringLiteral("hresult")).toInteger(), 8, 16, QLatin1Char('0'))
                    .arg(call.value(QStringLiteral("duration_ms")).toInteger());
        for (const char* part : {"params", "result"}) {
            // Blocks in full: the transcript keeps them without their trailing zeros.
            const QJsonObject values = session::expandBlocks(method, call.value(QLatin1String(part)).toObject());
            for (auto it = values.begin(); it != values.end(); ++it) {
                const QString value = it.value().toString();
                text += QStringLiteral("\n%1.%2 (%3 bytes):\n").arg(QLatin1String(part), it.key()).arg(value.size() / 2);
                text += it.key() == u"certificateChain" ? value.left(200) + QStringLiteral("…\n") : hexBlock(value);
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

bool SessionPanel::exportEvidence(const QString& directory, QString* error)
{
    const QDir dir(directory);
    if (!dir.exists() && !QDir().mkpath(directory)) {
        if (error)
            *error = tr("cannot create the folder %1").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    const QByteArray transcript = QJsonDocument(m_controller->transcript().toJson()).toJson(QJsonDocument::Indented);
    const auto digest = crypto::sha256(ByteView(reinterpret_cast<const std::uint8_t*>(transcript.constData()),
                                                static_cast<std::size_t>(transcript.size())));
    const QString sha = QString::fromStdString(toHex(digest));
    if (!writeFile(dir.filePath(QStringLiteral("transcript.json")), transcript, error)
        || !writeFile(dir.filePath(QStringLiteral("alerts.csv")), m_alerts->toCsv(), error))
        return false;
    if (!m_chart->exportWholeSession(dir.filePath(QStringLiteral("chart.png")), dir.filePath(QStringLiteral("chart.svg")))) {
        if (error)
            *error = tr("cannot write the chart images to %1").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    // The report: verdict in words, the transcript's fingerprint, the alerts; no scripts, no external files.
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head><body>\n")
                       .arg(tr("CoppScope session evidence").toHtmlEscaped());
    html += QStringLiteral("<h1>%1</h1>\n").arg(tr("CoppScope session evidence").toHtmlEscaped());
    html += QStringLiteral("<p><strong>%1</strong></p>\n").arg(m_stateLine->text().toHtmlEscaped());
    html += QStringLiteral("<p>%1 <code>transcript.json</code>: <code>%2</code></p>\n").arg(tr("SHA-256 of").toHtmlEscaped(), sha);
    html += QStringLiteral("<p>%1</p>\n").arg(tr("Exported %1").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)).toHtmlEscaped());
    html += QStringLiteral("<h2>%1</h2>\n<table border=\"1\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                .arg(tr("Alerts (%1)").arg(m_alerts->rowCount()).toHtmlEscaped(), tr("Time").toHtmlEscaped(),
                     tr("Alert").toHtmlEscaped(), tr("Detail").toHtmlEscaped(), tr("Acknowledged").toHtmlEscaped());
    for (int row = 0; row < m_alerts->rowCount(); ++row) {
        html += QStringLiteral("<tr><td>%1</td><td>⚠ %2</td><td>%3</td><td>%4</td></tr>\n")
                    .arg(m_alerts->index(row, 0).data().toString().toHtmlEscaped(),
                         m_alerts->index(row, 1).data().toString().toHtmlEscaped(),
                         m_alerts->index(row, 2).data().toString().toHtmlEscaped(),
                         m_alerts->index(row, 0).data(models::AlertModel::AcknowledgedRole).toBool() ? tr("yes") : tr("no"));
    }
    html += QStringLiteral("</table>\n<p>%1</p>\n</body></html>\n")
                .arg(tr("The chart of the whole session is in chart.png and chart.svg; every call and event is in transcript.json.").toHtmlEscaped());
    return writeFile(dir.filePath(QStringLiteral("report.html")), html.toUtf8(), error);
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
    resetViews();
    // The events carry every decoded field; the calls stay in the file.
    for (const QJsonValue& v : transcript->events())
        onEvent(v.toObject());
    updateStateLine();
    return true;
}

} // namespace copp::ui
