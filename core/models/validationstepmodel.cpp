// SPDX-License-Identifier: BSD-3-Clause
#include <core/models/validationstepmodel.h>

#include <core/validation/reporttext.h>

namespace copp::models {

using validation::Outcome;

ValidationStepModel::ValidationStepModel(QObject* parent) : QAbstractTableModel(parent) {}

void ValidationStepModel::setReport(const validation::ValidationReport& report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

const validation::StepResult* ValidationStepModel::stepAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_report.steps.size())
        return nullptr;
    return &m_report.steps.at(index.row());
}

int ValidationStepModel::firstFailureRow() const
{
    const auto* first = m_report.firstFailure();
    return first ? static_cast<int>(first - m_report.steps.constData()) : -1;
}

int ValidationStepModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.steps.size());
}

int ValidationStepModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ValidationStepModel::outcomeText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return tr("Passed");
    case Outcome::Fail:
        return tr("Failed");
    case Outcome::Skipped:
        return tr("Skipped");
    }
    return {};
}

QVariant ValidationStepModel::data(const QModelIndex& index, int role) const
{
    const validation::StepResult* step = stepAt(index);
    if (!step)
        return {};
    switch (role) {
    case OutcomeRole:
        return static_cast<int>(step->outcome);
    case RuleIdRole:
        return validation::ruleId(step->rule);
    case CertificateRole:
        return step->certificate;
    case FactsTextRole: {
        QStringList lines;
        for (const auto& f : step->facts)
            lines.append(f.translatedLabel() + QStringLiteral(": ") + f.text());
        return lines.join(u'\n');
    }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case OutcomeColumn:
            return outcomeText(step->outcome);
        case CertificateColumn:
            return step->certificate < 0
                ? QVariant(role == Qt::AccessibleTextRole ? tr("whole chain") : QString())
                : QVariant(tr("%1 (%2)").arg(step->certificate).arg(m_report.certificateRole(step->certificate)));
        case RuleColumn:
            return tr("%1 (%2)").arg(validation::translatedRuleTitle(step->rule), validation::ruleId(step->rule));
        case DetailColumn:
            return step->detail.translated();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        // The whole title first: views elide long (German) titles.
        if (index.column() == RuleColumn)
            return data(index, Qt::DisplayRole).toString() + u'\n' + validation::translatedRuleDescription(step->rule);
        return data(index, FactsTextRole);
    default:
        return {};
    }
}

QVariant ValidationStepModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn:
        return tr("Outcome");
    case CertificateColumn:
        return tr("Certificate");
    case RuleColumn:
        return tr("Step");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

QHash<int, QByteArray> ValidationStepModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(OutcomeRole, "outcome");
    names.insert(RuleIdRole, "ruleId");
    names.insert(CertificateRole, "certificate");
    names.insert(FactsTextRole, "facts");
    return names;
}

} // namespace copp::models
