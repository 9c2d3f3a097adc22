// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/meritpanel.h>

#include <core/kernel/crypto/random.h>
#include <core/kernel/protocol/guid.h>
#include <core/session/deviceopener.h>
#include <core/session/eventtext.h>

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <climits>

namespace copp::ui {

namespace {
const QString kDefaultClsid = QStringLiteral("{9bb9327c-4eb5-4727-9f00-b42b0919c0da}");
const QColor kGood(0x1b, 0x5e, 0x20); // dark green: readable on light themes, words carry the meaning
const QColor kBad(0xb7, 0x1c, 0x1c);  // dark red
} // namespace

// What the worker thread hands back: an error opening the device, or a result.
struct MeritPanel::RunOutcome {
    QString error;
    bool ran = false;
    session::MeritResult result;
    QStringList events;
};

MeritPanel::MeritPanel(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("Codec merit panel"));

    // Device.
    auto* deviceBox = new QGroupBox(tr("Device"));
    auto* deviceForm = new QFormLayout(deviceBox);
    m_deviceKind = new QComboBox;
    m_deviceKind->addItem(tr("Built-in codec emulator"));
    m_deviceKind->addItem(tr("Device agent command"));
    m_deviceKind->setAccessibleName(tr("Device kind"));
    deviceForm->addRow(tr("&Device:"), m_deviceKind);
    m_emulatorClsid = new QLineEdit;
    m_emulatorClsid->setPlaceholderText(tr("same as the CLSID requested"));
    m_emulatorClsid->setAccessibleName(tr("Emulator codec CLSID"));
    m_emulatorClsid->setToolTip(tr("The CLSID the built-in codec answers for; empty: the CLSID requested below"));
    deviceForm->addRow(tr("Emulator codec C&LSID:"), m_emulatorClsid);
    m_emulatorMerit = new QSpinBox;
    m_emulatorMerit->setRange(0, INT_MAX);
    m_emulatorMerit->setValue(1);
    m_emulatorMerit->setAccessibleName(tr("Emulator codec merit"));
    m_emulatorMerit->setToolTip(tr("The merit the built-in codec reports"));
    deviceForm->addRow(tr("Emulator codec m&erit:"), m_emulatorMerit);
    m_agentCommand = new QLineEdit;
    m_agentCommand->setPlaceholderText(tr("e.g. coppscope-cli emulator --stdio --codec --clsid … --merit 1"));
    m_agentCommand->setAccessibleName(tr("Agent command"));
    m_agentCommand->setToolTip(tr("Run through /bin/sh -c; the agent speaks the device protocol on stdin/stdout"));
    deviceForm->addRow(tr("A&gent command:"), m_agentCommand);
    m_callTimeout = new QSpinBox;
    m_callTimeout->setRange(100, 600000);
    m_callTimeout->setSingleStep(500);
    m_callTimeout->setValue(5000);
    m_callTimeout->setSuffix(tr(" ms"));
    m_callTimeout->setAccessibleName(tr("Call deadline in milliseconds"));
    deviceForm->addRow(tr("Call deadline:"), m_callTimeout);

    // Request.
    auto* requestBox = new QGroupBox(tr("Request"));
    auto* requestForm = new QFormLayout(requestBox);
    m_clsid = new QLineEdit(kDefaultClsid);
    m_clsid->setAccessibleName(tr("CLSID"));
    m_clsid->setToolTip(tr("The MFT's CLSID, sent as the verifier of OPM_GET_CODEC_INFO"));
    requestForm->addRow(tr("&CLSID:"), m_clsid);
    m_expected = new QSpinBox;
    m_expected->setRange(0, INT_MAX);
    m_expected->setValue(1);
    m_expected->setAccessibleName(tr("Expected merit"));
    m_expected->setToolTip(tr("The merit registered for the MFT"));
    requestForm->addRow(tr("E&xpected merit:"), m_expected);
    auto* anchorRow = new QHBoxLayout;
    m_trustAnchor = new QLineEdit;
    m_trustAnchor->setPlaceholderText(tr("default: the device's (emulator: its test root; agent: Microsoft's media root)"));
    m_trustAnchor->setAccessibleName(tr("X.509 trust anchor file"));
    m_browse = new QPushButton(tr("&Browse…"));
    m_browse->setAccessibleName(tr("Browse for the X.509 trust anchor file"));
    anchorRow->addWidget(m_trustAnchor, 1);
    anchorRow->addWidget(m_browse);
    auto* anchorLabel = new QLabel(tr("X.509 trust &anchor:"));
    anchorLabel->setBuddy(m_trustAnchor); // a row holding a layout gets no buddy by itself
    requestForm->addRow(anchorLabel, anchorRow);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open X.509 trust anchor"), m_trustAnchor->text(),
                                                          tr("Certificates (*.pem *.der *.cer *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_trustAnchor->setText(QDir::toNativeSeparators(path));
    });

    m_run = new QPushButton(tr("&Run"));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_run->setToolTip(tr("Verify the codec's merit (Ctrl+Return)"));
    m_run->setAccessibleName(tr("Run the codec merit check"));
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, [this] { run(); });

    auto* form = new QHBoxLayout;
    form->addWidget(deviceBox, 1);
    form->addWidget(requestBox, 1);

    // Results.
    m_verdict = new QLabel(tr("Choose a device and press Run (Ctrl+Return)."));
    m_verdict->setAccessibleName(tr("Merit verdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_verdict->setTextFormat(Qt::PlainText);
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_verdict->setFont(big);
    m_certificate = new QLabel;
    m_certificate->setAccessibleName(tr("Certificate verdict"));
    m_certificate->setWordWrap(true);
    m_certificate->setTextFormat(Qt::PlainText);
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_checks = new QTableWidget(0, 3);
    m_checks->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_checks->setHorizontalHeaderLabels({tr("Check"), tr("Result"), tr("Detail")});
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_checks->verticalHeader()->setVisible(false);
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setAlternatingRowColors(true);
    m_checks->setWordWrap(false);
    m_checks->setAccessibleName(tr("Merit checks"));
    m_checks->setAccessibleDescription(tr("Every check of the codec merit procedure with its result and detail"));

    m_log = new QPlainTextEdit;
    m_log->setReadOnly(true);
    m_log->setAccessibleName(tr("Merit run log"));
    m_log->setAccessibleDescription(tr("The session events of the last run"));
    m_log->setPlaceholderText(tr("The session events of a run appear here."));

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(m_checks);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_verdict, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(m_certificate);
    layout->addWidget(split, 1);

    connect(m_deviceKind, &QComboBox::currentIndexChanged, this, &MeritPanel::updateKind);
    updateKind();
    setFocusProxy(m_deviceKind);
}

MeritPanel::~MeritPanel()
{
    if (m_thread) {
        m_thread->disconnect(this);
        m_thread->wait(); // bounded by the call deadline
        delete m_thread;
    }
}

void MeritPanel::setDeviceKind(DeviceKind kind)
{
    m_deviceKind->setCurrentIndex(kind == DeviceKind::Emulator ? 0 : 1);
}

MeritPanel::DeviceKind MeritPanel::deviceKind() const
{
    return m_deviceKind->currentIndex() == 0 ? DeviceKind::Emulator : DeviceKind::Agent;
}

void MeritPanel::setClsid(const QString& clsid)
{
    m_clsid->setText(clsid);
}

void MeritPanel::setExpectedMerit(int merit)
{
    m_expected->setValue(merit);
}

void MeritPanel::setEmulatorMerit(int merit)
{
    m_emulatorMerit->setValue(merit);
}

void MeritPanel::setEmulatorClsid(const QString& clsid)
{
    m_emulatorClsid->setText(clsid);
}

void MeritPanel::setAgentCommand(const QString& command)
{
    m_agentCommand->setText(command);
}

void MeritPanel::setTrustAnchorPath(const QString& path)
{
    m_trustAnchor->setText(path);
}

void MeritPanel::updateKind()
{
    const bool emulator = deviceKind() == DeviceKind::Emulator;
    m_emulatorClsid->setEnabled(emulator);
    m_emulatorMerit->setEnabled(emulator);
    m_agentCommand->setEnabled(!emulator);
}

bool MeritPanel::isRunning() const
{
    return m_thread != nullptr;
}

QString MeritPanel::verdictText() const
{
    return m_verdict->text();
}

QString MeritPanel::certificateVerdictText() const
{
    return m_certificate->text();
}

void MeritPanel::setVerdict(const QString& text, bool good)
{
    m_verdict->setText(text);
    QPalette palette = m_verdict->palette();
    palette.setColor(QPalette::WindowText, good ? kGood : kBad);
    m_verdict->setPalette(palette);
}

void MeritPanel::clearResult()
{
    m_hasResult = false;
    m_result = {};
    m_checks->setRowCount(0);
    m_certificate->clear();
    m_log->clear();
}

bool MeritPanel::run()
{
    if (m_thread)
        return false;
    clearResult();
    const auto fail = [this](const QString& why) {
        setVerdict(tr("✖ ERROR: %1").arg(why), false);
        emit finished();
        return false;
    };
    const QString clsidText = m_clsid->text().trimmed();
    const auto clsid = protocol::Guid::parse(clsidText.toStdString());
    if (!clsid)
        return fail(tr("the CLSID \"%1\" is not a GUID; expected one such as %2").arg(clsidText, kDefaultClsid));

    session::DeviceSpec spec;
    spec.callTimeoutMs = m_callTimeout->value();
    spec.discardAgentStderr = true; // a GUI has no terminal for the agent's logs
    spec.trustAnchorPath = m_trustAnchor->text().trimmed();
    if (deviceKind() == DeviceKind::Emulator) {
        const QString emulatorClsid = m_emulatorClsid->text().trimmed();
        if (!emulatorClsid.isEmpty() && !protocol::Guid::parse(emulatorClsid.toStdString()))
            return fail(tr("the emulator codec CLSID \"%1\" is not a GUID; expected one such as %2").arg(emulatorClsid, kDefaultClsid));
        spec.kind = session::DeviceSpec::Kind::Emulator;
        spec.emulator.codec = true;
        spec.emulator.clsid = emulatorClsid.isEmpty() ? clsidText : emulatorClsid;
        spec.emulator.merit = QString::number(m_emulatorMerit->value());
    } else {
        const QString command = m_agentCommand->text().trimmed();
        if (command.isEmpty())
            return fail(tr("enter the device agent command to run"));
        spec.kind = session::DeviceSpec::Kind::Agent;
        spec.agentCommand = command;
    }
    const auto expected = static_cast<std::uint32_t>(m_expected->value());

    setVerdict(tr("Running: opening the device and asking for the codec's merit…"), true);
    m_verdict->setPalette(palette()); // neutral while running
    auto outcome = std::make_shared<RunOutcome>();
    m_thread = QThread::create([spec, guid = *clsid, expected, outcome] {
        // The device is opened, used and closed on this thread (an agent's QProcess lives here).
        auto opened = session::openDevice(spec);
        if (!opened) {
            outcome->error = QString::fromStdString(opened.error().detail);
            return;
        }
        crypto::SystemRandom random;
        QElapsedTimer clock;
        clock.start();
        outcome->result = session::verifyCodecMerit(
            *opened->device, guid, expected, opened->policy, random,
            [outcome](const session::SessionEvent& event) { outcome->events.append(session::describeEvent(event)); },
            [&clock] { return clock.elapsed(); });
        outcome->ran = true;
    });
    connect(m_thread, &QThread::finished, this, [this, outcome] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_run->setEnabled(true);
        showOutcome(*outcome);
        emit runningChanged(false);
        emit finished();
    });
    m_run->setEnabled(false);
    m_thread->start();
    emit runningChanged(true);
    return true;
}

void MeritPanel::showOutcome(const RunOutcome& outcome)
{
    if (!outcome.ran) {
        setVerdict(tr("✖ ERROR: the device could not be opened: %1").arg(outcome.error), false);
        return;
    }
    m_hasResult = true;
    m_result = outcome.result;
    m_log->setPlainText(outcome.events.join(u'\n'));

    m_checks->setRowCount(static_cast<int>(m_result.checks.size()));
    const session::MeritCheck* firstFailure = nullptr;
    for (int row = 0; row < m_result.checks.size(); ++row) {
        const session::MeritCheck& c = m_result.checks[row];
        if (!c.ok && !firstFailure)
            firstFailure = &c;
        auto* check = new QTableWidgetItem(c.check);
        auto* ok = new QTableWidgetItem(c.ok ? tr("✔ ok") : tr("✖ failed"));
        ok->setForeground(c.ok ? kGood : kBad);
        ok->setData(Qt::AccessibleTextRole, c.ok ? tr("passed") : tr("failed"));
        auto* detail = new QTableWidgetItem(c.detail);
        detail->setToolTip(c.detail);
        m_checks->setItem(row, 0, check);
        m_checks->setItem(row, 1, ok);
        m_checks->setItem(row, 2, detail);
    }
    m_checks->resizeColumnToContents(0);
    m_checks->resizeColumnToContents(1);

    if (m_result.verified && m_result.merit)
        setVerdict(tr("✔ VERIFIED: merit %1").arg(*m_result.merit), true);
    else if (firstFailure)
        setVerdict(tr("✖ NOT VERIFIED: %1 check failed — %2 (expected merit %3)")
                       .arg(firstFailure->check, firstFailure->detail)
                       .arg(m_result.expected),
                   false);
    else
        setVerdict(tr("✖ NOT VERIFIED (expected merit %1)").arg(m_result.expected), false);

    const validation::ValidationReport& report = m_result.certificateReport;
    if (report.steps.isEmpty()) {
        m_certificate->setText(tr("Certificate: not validated (the run stopped before the device sent its certificates)."));
    } else if (const validation::StepResult* f = report.firstFailure()) {
        m_certificate->setText(tr("Certificate: ✖ REJECTED — first failure %1%2: %3 (trust anchor: %4)")
                                   .arg(validation::ruleId(f->rule),
                                        f->certificate < 0 ? QString() : u'@' + QString::number(f->certificate),
                                        f->detail.translated(), report.trustRootName));
    } else {
        const auto count = report.format == validation::ChainFormat::X509 ? report.x509Certificates.size() : qsizetype(3);
        m_certificate->setText(tr("Certificate: ✔ VALID — %1 certificates, trust anchor: %2").arg(count).arg(report.trustRootName));
    }
}

} // namespace copp::ui
