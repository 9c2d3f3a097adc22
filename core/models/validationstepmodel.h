// SPDX-License-Identifier: BSD-3-Clause
// The steps of a ValidationReport as a table model: data roles only (no colours,
// no icons: widgets/OutcomeDecorationProxy adds those). Shared by every view.
#pragma once

#include <core/validation/validationreport.h>

#include <QAbstractTableModel>

namespace copp::models {

class ValidationStepModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OutcomeColumn, CertificateColumn, RuleColumn, DetailColumn, ColumnCount };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, // int(validation::Outcome)
        RuleIdRole,                     // "cert.signature"
        CertificateRole,                // int, -1 for collection/list steps
        FactsTextRole,                  // evidence as "label: value" lines
    };

    explicit ValidationStepModel(QObject* parent = nullptr);

    void setReport(const validation::ValidationReport& report);
    const validation::ValidationReport& report() const { return m_report; }
    const validation::StepResult* stepAt(const QModelIndex& index) const;
    // Row of the first failing step, -1 when the chain is valid.
    int firstFailureRow() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString outcomeText(validation::Outcome outcome);

private:
    validation::ValidationReport m_report;
};

} // namespace copp::models
