// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs both classes to give
// SessionPanel::tr() its context (the strings stay the panel's translations).
#include <widgets/sessionsetupform.h>
#include <widgets/sessionpanel.h>

#include <core/device/emulator/faults.h>
#include <core/device/emulator/scenario.h>
#include <core/device/hardwaredevice.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/deviceopener.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

// The strings are in SessionPanel's translation context, with the panel's others.

namespace copp::ui {

namespace {

enum DeviceKindIndex { EmulatorIndex, AgentIndex, ReplayIndex, HardwareIndex /* Windows builds only */ };

} // namespace

SessionSetupForm::SessionSetupForm(QWidget* parent) : QGroupBox(SessionPanel::tr("Device"), parent)
{
    auto* form = new QFormLayout(this);
    m_deviceKind = new QComboBox(this);
    m_deviceKind->addItems({SessionPanel::tr("Built-in driver emulator"), SessionPanel::tr("Device agent (command)"), SessionPanel::tr("Replay a transcript")});
    if (device::hardwareAvailable()) // the Win32 backend, in process (Windows builds)
        m_deviceKind->addItem(SessionPanel::tr("Windows hardware"));
    m_deviceKind->setAccessibleName(SessionPanel::tr("Device kind"));
    form->addRow(SessionPanel::tr("&Device:"), m_deviceKind);

    m_scenario = new QComboBox(this);
    m_scenario->setAccessibleName(SessionPanel::tr("Scenario"));
    m_scenario->addItem(SessionPanel::tr("(none: a steady HDMI output)"), QString());
    for (const QString& name : device::Scenario::builtInNames())
        m_scenario->addItem(name, name);
    form->addRow(SessionPanel::tr("Sc&enario:"), m_scenario);

    m_faults = new QLineEdit(this);
    m_faults->setAccessibleName(SessionPanel::tr("Faults"));
    m_faults->setPlaceholderText(SessionPanel::tr("e.g. bad-reply-mac@3, stall=8000@5"));
    QString faultHelp = SessionPanel::tr("Faults to inject, separated by commas: NAME[=VALUE][@N].");
    for (const auto& info : device::allFaults())
        faultHelp += QStringLiteral("\n%1 — %2").arg(QLatin1String(info.name), QString::fromUtf8(info.description));
    m_faults->setToolTip(faultHelp);
    form->addRow(SessionPanel::tr("Fa&ults:"), m_faults);

    m_connector = new QComboBox(this);
    m_connector->setAccessibleName(SessionPanel::tr("Connector"));
    m_connector->addItem(SessionPanel::tr("(the scenario's, or HDMI)"), QString());
    for (const char* c : {"hdmi", "dvi", "displayport", "vga", "component", "s-video", "composite"})
        m_connector->addItem(QLatin1String(c), QLatin1String(c));
    form->addRow(SessionPanel::tr("C&onnector:"), m_connector);

    // docs/cli.md "The built-in driver emulator": the interface the emulated driver answers and its semantics.
    m_emulatorInterface = new QComboBox(this);
    m_emulatorInterface->setAccessibleName(SessionPanel::tr("Emulated interface"));
    m_emulatorInterface->addItem(SessionPanel::tr("COPP (IAMCertifiedOutputProtection)"), QStringLiteral("copp/copp"));
    m_emulatorInterface->addItem(SessionPanel::tr("OPM, OPM semantics (X.509 chain, OAEP)"), QStringLiteral("opm/opm"));
    m_emulatorInterface->addItem(SessionPanel::tr("OPM, COPP semantics (XML chain, PKCS#1)"), QStringLiteral("opm/copp"));
    form->addRow(SessionPanel::tr("Interface:"), m_emulatorInterface);

    m_agentCommand = new QLineEdit(this);
    m_agentCommand->setAccessibleName(SessionPanel::tr("Agent command"));
    m_agentCommand->setPlaceholderText(SessionPanel::tr("e.g. coppscope-cli emulator --stdio, or ssh lab-pc copp-agent.exe"));
    form->addRow(SessionPanel::tr("A&gent command:"), m_agentCommand);
    m_hardware = new QLineEdit(this);
    m_hardware->setAccessibleName(SessionPanel::tr("Windows hardware output"));
    m_hardware->setPlaceholderText(SessionPanel::tr("MONITOR[.OUTPUT][,api=vmr9|evr|opm][,interface=copp|opm][,semantics=copp|opm], e.g. 0"));
    m_hardware->setText(QStringLiteral("0"));
    if (device::hardwareAvailable())
        form->addRow(SessionPanel::tr("Hard&ware output:"), m_hardware);
    else
        m_hardware->hide(); // Linux, macOS: real hardware only through an agent

    auto fileRow = [&](QLineEdit*& edit, const QString& label, const QString& accessible, const QString& title, const QString& filter) {
        edit = new QLineEdit(this);
        edit->setAccessibleName(accessible);
        auto* row = new QHBoxLayout;
        auto* button = new QPushButton(SessionPanel::tr("Browse…"), this);
        button->setAccessibleName(SessionPanel::tr("Browse for %1").arg(accessible));
        row->addWidget(edit, 1);
        row->addWidget(button);
        QLineEdit* target = edit;
        connect(button, &QPushButton::clicked, this, [this, target, title, filter] { browse(target, title, filter); });
        auto* caption = new QLabel(label, this);
        caption->setBuddy(edit); // the & mnemonic focuses the field
        form->addRow(caption, row);
    };
    fileRow(m_replayPath, SessionPanel::tr("Transcript:"), SessionPanel::tr("Transcript to replay"), SessionPanel::tr("Replay a transcript"), SessionPanel::tr("Transcripts (*.json);;All files (*)"));
    fileRow(m_trustRoot, SessionPanel::tr("T&rust root:"), SessionPanel::tr("Trust root file"), SessionPanel::tr("Trust root"), SessionPanel::tr("RSAKeyValue files (*.xml);;All files (*)"));
    m_trustRoot->setPlaceholderText(SessionPanel::tr("default: the emulator's test root, Microsoft's key for other devices"));
    fileRow(m_crl, SessionPanel::tr("Revocation list:"), SessionPanel::tr("Revocation list file"), SessionPanel::tr("Revocation list"), SessionPanel::tr("All files (*)"));
    fileRow(m_trustAnchor, SessionPanel::tr("&X.509 trust anchor:"), SessionPanel::tr("X.509 trust anchor file"), SessionPanel::tr("X.509 trust anchor"),
            SessionPanel::tr("Certificates (*.pem *.der *.crt *.cer);;All files (*)"));
    m_trustAnchor->setPlaceholderText(SessionPanel::tr("OPM chains; default: the emulator's test root, Microsoft's media root for other devices"));

    auto* options = new QHBoxLayout;
    m_protectHdcp = new QCheckBox(SessionPanel::tr("Set HDCP on at the start"), this);
    m_protectHdcp->setAccessibleName(SessionPanel::tr("Set HDCP on at the start"));
    m_protectHdcp->setChecked(true);
    m_pollMs = new QSpinBox(this);
    m_pollMs->setAccessibleName(SessionPanel::tr("Poll interval in milliseconds"));
    m_pollMs->setRange(50, 60000);
    m_pollMs->setValue(500);
    m_pollMs->setSuffix(SessionPanel::tr(" ms"));
    m_reveal = new QCheckBox(SessionPanel::tr("Reveal secrets"), this);
    m_reveal->setAccessibleName(SessionPanel::tr("Reveal secrets"));
    m_reveal->setToolTip(SessionPanel::tr("Keep the session key (shown on request) and make the transcript replayable."));
    m_start = new QPushButton(SessionPanel::tr("Start"), this);
    m_start->setAccessibleName(SessionPanel::tr("Start the session"));
    m_stop = new QPushButton(SessionPanel::tr("Sto&p"), this);
    m_stop->setAccessibleName(SessionPanel::tr("Stop the session"));
    options->addWidget(m_protectHdcp);
    options->addWidget(new QLabel(SessionPanel::tr("Poll every"), this));
    options->addWidget(m_pollMs);
    options->addWidget(m_reveal);
    options->addStretch(1);
    options->addWidget(m_start);
    options->addWidget(m_stop);
    form->addRow(options);
    connect(m_start, &QPushButton::clicked, this, &SessionSetupForm::startRequested);
    connect(m_stop, &QPushButton::clicked, this, &SessionSetupForm::stopRequested);
    connect(m_deviceKind, &QComboBox::currentIndexChanged, this, &SessionSetupForm::deviceKindChanged);
}

void SessionSetupForm::browse(QLineEdit* edit, const QString& title, const QString& filter)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!path.isEmpty())
        edit->setText(path);
}

bool SessionSetupForm::applyDeviceChoice(const QString& device, const QString& scenario, const QStringList& faults, QString* error)
{
    auto spec = session::parseDeviceChoice(device);
    if (!spec) {
        if (error)
            *error = QString::fromStdString(spec.error().detail);
        return false;
    }
    if (spec->kind == session::DeviceSpec::Kind::Hardware && !device::hardwareAvailable()) {
        if (error)
            *error = SessionPanel::tr("Windows hardware is available only in the Windows build; use a device agent (exec:) from here");
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

bool SessionSetupForm::setEmulatorInterface(const QString& interface, const QString& semantics)
{
    const QString key = interface + QLatin1Char('/') + (semantics.isEmpty() ? interface : semantics);
    const int index = m_emulatorInterface->findData(key);
    if (index < 0)
        return false;
    m_emulatorInterface->setCurrentIndex(index);
    return true;
}

void SessionSetupForm::setInitialProtections(const std::vector<protocol::TypeLevel>& protections)
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

void SessionSetupForm::clearInitialProtections()
{
    m_initialProtections.clear();
}

session::SessionConfig SessionSetupForm::config() const
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

QString SessionSetupForm::summaryText() const
{
    const session::SessionConfig c = config();
    QStringList parts;
    switch (c.device.kind) {
    case session::DeviceSpec::Kind::Emulator:
        parts << SessionPanel::tr("Built-in emulator") << m_emulatorInterface->currentText();
        parts << (c.device.emulator.scenario.isEmpty() ? SessionPanel::tr("no scenario") : SessionPanel::tr("scenario %1").arg(c.device.emulator.scenario));
        if (!c.device.emulator.faults.isEmpty())
            parts << SessionPanel::tr("faults %1").arg(c.device.emulator.faults.join(QStringLiteral(", ")));
        break;
    case session::DeviceSpec::Kind::Agent:
        parts << SessionPanel::tr("Agent: %1").arg(c.device.agentCommand);
        break;
    case session::DeviceSpec::Kind::Replay:
        parts << SessionPanel::tr("Replay of %1").arg(QFileInfo(c.device.replayPath).fileName());
        break;
    case session::DeviceSpec::Kind::Hardware:
        parts << SessionPanel::tr("Windows hardware output %1").arg(c.device.hardware);
        break;
    }
    parts << (c.device.trustRootPath.isEmpty() ? SessionPanel::tr("default trust root") : SessionPanel::tr("trust root %1").arg(QFileInfo(c.device.trustRootPath).fileName()));
    parts << SessionPanel::tr("poll %1 ms").arg(c.pollMs);
    return parts.join(QStringLiteral(" · "));
}

void SessionSetupForm::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    const int kind = m_deviceKind->currentIndex();
    for (QWidget* w : {static_cast<QWidget*>(m_scenario), static_cast<QWidget*>(m_faults), static_cast<QWidget*>(m_connector),
                       static_cast<QWidget*>(m_emulatorInterface)})
        w->setEnabled(!running && kind == EmulatorIndex);
    m_agentCommand->setEnabled(!running && kind == AgentIndex);
    m_replayPath->setEnabled(!running && kind == ReplayIndex);
    m_hardware->setEnabled(!running && kind == HardwareIndex);
    m_deviceKind->setEnabled(!running);
}

void SessionSetupForm::focusDeviceKind()
{
    m_deviceKind->setFocus(Qt::OtherFocusReason);
}

} // namespace copp::ui
