// SPDX-License-Identifier: BSD-3-Clause
// The alerts of a session (docs/cli.md#session kinds): time, kind, detail, and
// whether the tester acknowledged it. Data roles only.
#pragma once

#include <QAbstractTableModel>
#include <core/session/evidencesummary.h>
#include <core/session/sessionevent.h>

#include <optional>

#include <functional>
#include <vector>

namespace copp::models {

class AlertModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, DetailColumn, AcknowledgedColumn, ColumnCount };
    enum Role { KindRole = Qt::UserRole + 1, AcknowledgedRole, TimeMsRole, AcknowledgedMsRole };

    explicit AlertModel(QObject* parent = nullptr);

    // Takes alert events; ignores others. True when the event was an alert.
    bool addEvent(const session::SessionEvent& event);
    // Session time (ms since it began) for acknowledgements; the panel sets
    // the session's clock. Without one, the newest alert's time is used.
    void setClock(std::function<qint64()> sessionMs) { m_clock = std::move(sessionMs); }
    // Acknowledges one alert (the one the banner shows), recording when.
    void acknowledge(int row);
    void acknowledgeAll();
    // The oldest alert not yet acknowledged, -1 when none (the banner steps
    // through them from here).
    int oldestUnacknowledgedRow() const;
    // The next or previous unacknowledged alert after/before `row`, wrapping; -1 when none.
    int nextUnacknowledgedRow(int row, int step) const;
    int unacknowledgedCount() const;
    // The newest alert not yet acknowledged, -1 when none.
    int newestUnacknowledgedRow() const;
    void clear();
    // The alerts as the evidence bundle reports them (English details, acknowledgement times).
    std::vector<session::EvidenceAlert> evidenceAlerts() const;
    // alerts.csv of the evidence bundle: "time_ms,kind,detail,acknowledged_ms" (RFC 4180 quoting).
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
        QString kind;  // the contract's id
        QString detail;      // English, as the contract and the CSV have it
        QString shownDetail; // in the reader's language where the engine said it
        std::optional<qint64> acknowledgedMs;
    };
    void markAcknowledged(std::size_t row, qint64 atMs);
    qint64 nowMs() const;
    std::vector<Alert> m_alerts;
    std::function<qint64()> m_clock;
};

} // namespace copp::models
