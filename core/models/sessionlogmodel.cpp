// SPDX-License-Identifier: BSD-3-Clause
#include <core/models/sessionlogmodel.h>

#include <core/session/eventtext.h>

namespace copp::models {

SessionLogModel::SessionLogModel(QObject* parent) : QAbstractTableModel(parent)
{
}

void SessionLogModel::addEvent(const session::SessionEvent& event)
{
    if (static_cast<int>(m_rows.size()) >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        ++m_dropped;
        endRemoveRows();
    }
    Row row;
    if (!event.calls.isEmpty()) // the call that produced the event is the last one recorded for it
        row.call = event.calls.last().toObject();
    row.event = event.withoutCalls();
    row.summary = session::eventSummary(row.event);
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(row));
    endInsertRows();
}

void SessionLogModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_dropped = 0;
    endResetModel();
}

int SessionLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SessionLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return tr("%L1 s").arg(double(row.event.tMs) / 1000.0, 0, 'f', 3);
        case EventColumn:
            return row.event.name();
        case SummaryColumn:
            return row.summary;
        default:
            return {};
        }
    case EventRole:
        return QVariant::fromValue(row.event);
    case CallRole:
        return row.call.isEmpty() ? QVariant() : QVariant::fromValue(session::decodeCall(row.call));
    case EventNameRole:
        return row.event.name();
    case ProblemRole:
        return row.event.isProblem();
    default:
        return {};
    }
}

QVariant SessionLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case SummaryColumn:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace copp::models
