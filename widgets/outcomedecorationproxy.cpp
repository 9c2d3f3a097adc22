// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/outcomedecorationproxy.h>

#include <widgets/outcomeicons.h>


#include <QFont>

namespace copp::ui {

OutcomeDecorationProxy::OutcomeDecorationProxy(int outcomeRole, QObject* parent)
    : QIdentityProxyModel(parent), m_outcomeRole(outcomeRole)
{
}

QVariant OutcomeDecorationProxy::data(const QModelIndex& index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QIdentityProxyModel::data(index, role);
    const QVariant outcomeValue = QIdentityProxyModel::data(index, m_outcomeRole);
    if (!outcomeValue.isValid())
        return QIdentityProxyModel::data(index, role);
    const auto outcome = static_cast<validation::Outcome>(outcomeValue.toInt());
    switch (role) {
    case Qt::DecorationRole:
        return index.column() == 0 ? QVariant(outcomeIcon(outcome)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == 0 ? QVariant(outcomeColor(outcome)) : QVariant();
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
