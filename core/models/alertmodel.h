// The alerts of a session (cli-contract.md §3 kinds): time, kind, detail, and
// whether the tester acknowledged it. Data roles only.
#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>

#include <vector>

namespace copp::models {

class AlertModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, DetailColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, AcknowledgedRole, TimeMsRole };

    explicit AlertModel(QObject* parent = nullptr);

    // Takes "alert" events; ignores others. True when the event was an alert.
    bool addEvent(const QJsonObject& event);
    void acknowledge(int row);
    void acknowledgeAll();
    int unacknowledgedCount() const;
    // The newest alert not yet acknowledged, -1 when none.
    int newestUnacknowledgedRow() const;
    void clear();
    // "time,kind,detail,acknowledged" with RFC 4180 quoting.
    QByteArray toCsv() const;

    // The kind in words ("link_lost" -> "HDCP link lost"), translated.
    static QString kindText(const QString& kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void acknowledgementChanged();

private:
    struct Alert {
        qint64 timeMs = 0;
        QString kind;
        QString detail;
        bool acknowledged = false;
    };
    std::vector<Alert> m_alerts;
};

} // namespace copp::models
