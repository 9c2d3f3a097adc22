// Decorates any model exposing ValidationStepModel::OutcomeRole: an icon on the
// outcome column and a text colour, while the text itself says the outcome
// (GammaRay's problem reporter pattern: core gives severity, the UI styles it).
#pragma once

#include <QIdentityProxyModel>

namespace copp::ui {

class OutcomeDecorationProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit OutcomeDecorationProxy(QObject* parent = nullptr);
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace copp::ui
