// SPDX-License-Identifier: BSD-3-Clause
// Quoted: lupdate follows only quoted includes, and needs both classes to give
// SessionPanel::tr() its context (the strings stay the panel's translations).
#include <widgets/testercontrols.h>
#include <widgets/sessionpanel.h>

#include <core/kernel/protocol/constants.h>
#include <core/models/protectionhistory.h>
#include <core/session/protectionstate.h>
#include <core/session/sessioncontroller.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

// The strings are in SessionPanel's translation context, with the panel's others.

namespace copp::ui {

TesterControls::TesterControls(session::SessionController* controller, QWidget* parent)
    : QGroupBox(SessionPanel::tr("Tester controls"), parent), m_controller(controller)
{
    const auto compact = [](QComboBox* box) { // the popup still shows the whole names
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    };
    setAccessibleName(SessionPanel::tr("Tester controls"));
    auto* grid = new QFormLayout(this);
    auto set = [this](std::uint32_t type, std::uint32_t level) { m_controller->setProtectionLevel(type, level); };
    auto addRow = [&](TypeControls& row, const QString& label, QHBoxLayout* widgets) {
        row.label = new QLabel(label, this);
        row.requested = new QLabel(this);
        row.requested->setAccessibleName(SessionPanel::tr("%1: what this session asked for").arg(label));
        auto* box = new QWidget(this);
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
        auto* on = new QPushButton(SessionPanel::tr("%1 on").arg(name), this);
        auto* off = new QPushButton(SessionPanel::tr("%1 off").arg(name), this);
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

    // Levels listed by precedence (docs/protocol.md §5.2), weakest first, as the chart draws them.
    auto* acp = new QHBoxLayout;
    m_acpLevel = new QComboBox(this);
    m_acpLevel->setAccessibleName(SessionPanel::tr("ACP level"));
    for (std::uint32_t level : {0u, 1u, 3u, 2u})
        m_acpLevel->addItem(session::ProtectionState::typeText(QStringLiteral("acp"), static_cast<int>(level)), level);
    auto* acpSet = new QPushButton(SessionPanel::tr("Set ACP"), this);
    acpSet->setAccessibleName(SessionPanel::tr("Set ACP"));
    acp->addWidget(m_acpLevel, 1);
    acp->addWidget(acpSet);
    m_typeControls[kAcp].inputs = {m_acpLevel, acpSet};
    connect(acpSet, &QPushButton::clicked, this, [this, set] { set(protocol::protection::Acp, m_acpLevel->currentData().toUInt()); });
    addRow(m_typeControls[kAcp], SessionPanel::tr("ACP:"), acp);

    auto* cgmsa = new QHBoxLayout;
    m_cgmsaLevel = new QComboBox(this);
    m_cgmsaLevel->setAccessibleName(SessionPanel::tr("CGMS-A level"));
    for (std::uint32_t level : {protocol::cgmsa::Off, protocol::cgmsa::CopyFreely, protocol::cgmsa::CopyOneGeneration,
                                protocol::cgmsa::CopyNoMore, protocol::cgmsa::CopyNever})
        m_cgmsaLevel->addItem(session::ProtectionState::typeText(QStringLiteral("cgmsa"), static_cast<int>(level)), level);
    m_cgmsaRedistribution = new QCheckBox(SessionPanel::tr("Redistribution control"), this);
    m_cgmsaRedistribution->setAccessibleName(SessionPanel::tr("CGMS-A redistribution control"));
    auto* cgmsaSet = new QPushButton(SessionPanel::tr("Set CGMS-A"), this);
    cgmsaSet->setAccessibleName(SessionPanel::tr("Set CGMS-A"));
    cgmsa->addWidget(m_cgmsaLevel, 1);
    cgmsa->addWidget(cgmsaSet);
    m_typeControls[kCgmsa].inputs = {m_cgmsaLevel, m_cgmsaRedistribution, cgmsaSet};
    connect(cgmsaSet, &QPushButton::clicked, this, [this, set] {
        std::uint32_t level = m_cgmsaLevel->currentData().toUInt();
        if (m_cgmsaRedistribution->isChecked())
            level |= protocol::cgmsa::RedistributionControlRequired;
        set(protocol::protection::Cgmsa, level);
    });
    addRow(m_typeControls[kCgmsa], SessionPanel::tr("CGMS-A:"), cgmsa);
    // Under the level box, so the row stays narrow (the chart keeps the width).
    static_cast<QVBoxLayout*>(m_typeControls[kCgmsa].container->layout())->insertWidget(1, m_cgmsaRedistribution);

    auto* signaling = new QHBoxLayout;
    m_signalingStandard = new QComboBox(this);
    m_signalingStandard->setAccessibleName(SessionPanel::tr("TV protection standard for SetSignaling"));
    m_signalingStandard->addItem(SessionPanel::tr("Unknown (0)"), 0);
    m_signalingStandard->addItem(SessionPanel::tr("NTSC (EIA-608-B, 1)"), 1);
    m_signalingStandard->addItem(SessionPanel::tr("PAL (IEC 61880, 2)"), 2);
    auto* signalingSet = new QPushButton(SessionPanel::tr("Set signaling"), this);
    signalingSet->setAccessibleName(SessionPanel::tr("Send SetSignaling"));
    signaling->addWidget(m_signalingStandard, 1);
    signaling->addWidget(signalingSet);
    connect(signalingSet, &QPushButton::clicked, this, [this] {
        protocol::SetSignaling s;
        s.activeTvProtectionStandard = m_signalingStandard->currentData().toUInt();
        m_controller->setSignaling(s);
    });
    grid->addRow(SessionPanel::tr("Signaling:"), signaling);

    auto* query = new QHBoxLayout;
    m_queryRequest = new QComboBox(this);
    m_queryRequest->setAccessibleName(SessionPanel::tr("Status request"));
    for (protocol::StatusRequest r : protocol::kAllStatusRequests)
        m_queryRequest->addItem(QLatin1String(protocol::statusRequestName(r)), static_cast<int>(r));
    m_queryType = new QComboBox(this);
    m_queryType->setAccessibleName(SessionPanel::tr("Protection type of a level query"));
    for (const char* t : {"hdcp", "acp", "cgmsa", "dpcp"})
        m_queryType->addItem(QLatin1String(t), QLatin1String(t));
    auto* run = new QPushButton(SessionPanel::tr("&Query"), this);
    run->setAccessibleName(SessionPanel::tr("Run the status query"));
    query->addWidget(m_queryRequest, 1);
    query->addWidget(m_queryType);
    query->addWidget(run);
    connect(run, &QPushButton::clicked, this, [this] {
        const auto type = protocol::protectionTypeFromName(m_queryType->currentData().toString().toStdString());
        m_controller->query(static_cast<protocol::StatusRequest>(m_queryRequest->currentData().toInt()), type.value_or(0));
    });
    grid->addRow(SessionPanel::tr("Status:"), query);
    for (QComboBox* box : {m_acpLevel, m_cgmsaLevel, m_signalingStandard, m_queryRequest})
        compact(box);
}

void TesterControls::reset()
{
    m_controlsShown.clear();
}

// docs/session-workspace.md "Tester controls": each type's controls show what
// the session asked for, and only the types the output offers can be set.
void TesterControls::showState(const session::ProtectionState& protection, bool running)
{
    setEnabled(running);
    const std::optional<quint32> offered = protection.availableTypes();
    // Called at every event: rebuild the rows only when what they show changed.
    QString shown = QString::number(offered.value_or(0xFFFFFFFF)) + protection.connector();
    for (const auto& [type, state] : protection.types())
        shown += type + QString::number(state.requested);
    if (shown == m_controlsShown)
        return;
    m_controlsShown = shown;
    // The rows are in ProtectionHistory::knownTypes() order (hdcp, acp, cgmsa, dpcp).
    const QStringList& types = models::ProtectionHistory::knownTypes();
    const auto offers = [&](const QString& type) {
        return offered && (*offered & protocol::protectionTypeFromName(type.toStdString()).value_or(0)) != 0;
    };
    const QString output = protection.connector().isEmpty() ? SessionPanel::tr("this output") : SessionPanel::tr("this %1 output").arg(protection.connector());
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
            ? SessionPanel::tr("%1 does not offer %2: its protection-type reply lists no protection.").arg(output, session::ProtectionState::typeName(type))
            : SessionPanel::tr("%1 does not offer %2: its protection-type reply lists %3 only.")
                  .arg(output, session::ProtectionState::typeName(type), offeredNames.join(QStringLiteral(", ")));
        for (QWidget* input : row.inputs) {
            input->setEnabled(available);
            input->setToolTip(reason);
            input->setAccessibleDescription(reason);
        }
        row.label->setEnabled(available);
        const auto state = protection.types().find(type);
        const int requested = state == protection.types().end() ? -1 : state->second.requested;
        row.requested->setText(!available ? (protection.connector().isEmpty() ? SessionPanel::tr("⊘ not offered by this output")
                                                                             : SessionPanel::tr("⊘ not offered by this %1 output").arg(protection.connector()))
                                   : requested < 0 ? SessionPanel::tr("Requested: nothing yet")
                                                   : SessionPanel::tr("Requested: %1").arg(session::ProtectionState::typeText(type, requested)));
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

} // namespace copp::ui
