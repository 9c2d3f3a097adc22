// SPDX-License-Identifier: BSD-3-Clause
#include <core/models/alertmodel.h>

#include <core/session/alert.h>
#include <core/session/evidencebundle.h>

#include <QCoreApplication>

#include <algorithm>

namespace copp::models {

namespace {

} // namespace

AlertModel::AlertModel(QObject* parent) : QAbstractTableModel(parent)
{
}

QString AlertModel::kindText(const QString& kind)
{
    return session::alertKindText(kind);
}

bool AlertModel::addEvent(const session::SessionEvent& event)
{
    const auto* alert = event.as<session::AlertEvent>();
    if (!alert)
        return false;
    const int at = static_cast<int>(m_alerts.size());
    beginInsertRows({}, at, at);
    m_alerts.push_back({event.tMs, QLatin1String(session::alertId(alert->kind)), alert->detail, alert->displayDetail(), std::nullopt});
    endInsertRows();
    emit acknowledgementChanged();
    return true;
}

qint64 AlertModel::nowMs() const
{
    if (m_clock)
        return m_clock();
    return m_alerts.empty() ? 0 : m_alerts.back().timeMs;
}

void AlertModel::markAcknowledged(std::size_t row, qint64 atMs)
{
    // Never before the alert itself (a clock read before its event arrived).
    m_alerts[row].acknowledgedMs = std::max(atMs, m_alerts[row].timeMs);
}

void AlertModel::acknowledge(int row)
{
    if (row < 0 || row >= rowCount() || m_alerts[static_cast<std::size_t>(row)].acknowledgedMs)
        return;
    markAcknowledged(static_cast<std::size_t>(row), nowMs());
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit acknowledgementChanged();
}

void AlertModel::acknowledgeAll()
{
    const qint64 now = nowMs();
    for (std::size_t row = 0; row < m_alerts.size(); ++row)
        if (!m_alerts[row].acknowledgedMs)
            markAcknowledged(row, now);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit acknowledgementChanged();
}

int AlertModel::unacknowledgedCount() const
{
    return static_cast<int>(std::count_if(m_alerts.begin(), m_alerts.end(), [](const Alert& a) { return !a.acknowledgedMs; }));
}

int AlertModel::oldestUnacknowledgedRow() const
{
    for (int row = 0; row < rowCount(); ++row)
        if (!m_alerts[static_cast<std::size_t>(row)].acknowledgedMs)
            return row;
    return -1;
}

int AlertModel::nextUnacknowledgedRow(int row, int step) const
{
    const int n = rowCount();
    if (n == 0 || step == 0)
        return -1;
    for (int i = 1; i <= n; ++i) {
        const int candidate = ((row + step * i) % n + n) % n;
        if (!m_alerts[static_cast<std::size_t>(candidate)].acknowledgedMs)
            return candidate;
    }
    return -1;
}

int AlertModel::newestUnacknowledgedRow() const
{
    for (int row = rowCount() - 1; row >= 0; --row)
        if (!m_alerts[static_cast<std::size_t>(row)].acknowledgedMs)
            return row;
    return -1;
}

void AlertModel::clear()
{
    beginResetModel();
    m_alerts.clear();
    endResetModel();
    emit acknowledgementChanged();
}

std::vector<session::EvidenceAlert> AlertModel::evidenceAlerts() const
{
    std::vector<session::EvidenceAlert> out;
    for (const Alert& a : m_alerts)
        out.push_back({a.timeMs, a.kind, a.detail, a.acknowledgedMs});
    return out;
}

QByteArray AlertModel::toCsv() const
{
    return session::alertsCsv(evidenceAlerts());
}

int AlertModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_alerts.size());
}

int AlertModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert& a = m_alerts[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return tr("%L1 s").arg(double(a.timeMs) / 1000.0, 0, 'f', 3); // the reader's decimal separator
        case KindColumn:
            return kindText(a.kind);
        case DetailColumn:
            return a.shownDetail;
        case AcknowledgedColumn: // words, not only the check mark
            return a.acknowledgedMs ? tr("yes, at %L1 s").arg(double(*a.acknowledgedMs) / 1000.0, 0, 'f', 3) : tr("not yet");
        default:
            return {};
        }
    case Qt::CheckStateRole:
        return index.column() == AcknowledgedColumn ? QVariant(a.acknowledgedMs ? Qt::Checked : Qt::Unchecked) : QVariant();
    case KindRole:
        return a.kind;
    case AcknowledgedRole:
        return a.acknowledgedMs.has_value();
    case TimeMsRole:
        return a.timeMs;
    case AcknowledgedMsRole:
        return a.acknowledgedMs ? QVariant(*a.acknowledgedMs) : QVariant();
    default:
        return {};
    }
}

bool AlertModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || index.column() != AcknowledgedColumn)
        return false;
    if (value.value<Qt::CheckState>() != Qt::Checked)
        return false; // an acknowledgement is not taken back
    acknowledge(index.row());
    return true;
}

Qt::ItemFlags AlertModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == AcknowledgedColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Alert");
    case DetailColumn:
        return tr("Detail");
    case AcknowledgedColumn:
        return tr("Acknowledged");
    default:
        return {};
    }
}

} // namespace copp::models
