// SPDX-License-Identifier: BSD-3-Clause
// Decorates any model exposing ValidationStepModel::OutcomeRole: an icon on the
// outcome column and a text colour, while the text itself says the outcome
// (GammaRay's problem reporter pattern: core gives severity, the UI styles it).
#pragma once

#include <QIdentityProxyModel>

namespace copp::ui {

class OutcomeDecorationProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    // `outcomeRole` is the source model's role holding int(validation::Outcome);
    // column 0 gets the icon and colour.
    explicit OutcomeDecorationProxy(int outcomeRole, QObject* parent = nullptr);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    int m_outcomeRole;
};

} // namespace copp::ui
