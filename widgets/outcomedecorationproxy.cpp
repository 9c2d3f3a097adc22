#include "outcomedecorationproxy.h"

#include "outcomeicons.h"

#include <core/models/validationstepmodel.h>

#include <QFont>

namespace copp::ui {

using models::ValidationStepModel;

OutcomeDecorationProxy::OutcomeDecorationProxy(QObject* parent) : QIdentityProxyModel(parent) {}

QVariant OutcomeDecorationProxy::data(const QModelIndex& index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QIdentityProxyModel::data(index, role);
    const QVariant outcomeValue = QIdentityProxyModel::data(index, ValidationStepModel::OutcomeRole);
    if (!outcomeValue.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto outcome = static_cast<validation::Outcome>(outcomeValue.toInt());
    switch (role) {
    case Qt::DecorationRole:
        return index.column() == ValidationStepModel::OutcomeColumn ? QVariant(outcomeIcon(outcome)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == ValidationStepModel::OutcomeColumn ? QVariant(outcomeColor(outcome)) : QVariant();
    case Qt::FontRole: {
        if (outcome != validation::Outcome::Fail)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    default:
        return {};
    }
}

} // namespace copp::ui
