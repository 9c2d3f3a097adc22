// SPDX-License-Identifier: BSD-3-Clause
// Every session event (request, reply, command, alert) as a table: time, event,
// summary. Data roles only; the whole event (decoded fields) and its device call
// (raw bytes) are available through roles for the detail pane. Bounded: the
// newest kMaxRows rows are kept; droppedRows() says how many older ones went.
#pragma once

#include <QAbstractTableModel>
#include <core/session/sessionevent.h>
#include <core/session/transcriptblocks.h>

#include <QJsonObject>

#include <deque>

namespace copp::models {

class SessionLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kMaxRows = 20000;
    enum Column { TimeColumn, EventColumn, SummaryColumn, ColumnCount };
    enum Role {
        EventRole = Qt::UserRole + 1, // session::SessionEvent, without its calls
        CallRole,                     // session::DeviceCall (params/result bytes); invalid when none
        EventNameRole,                // "status", "command", "alert", ...
        ProblemRole,                  // bool: an alert, an error, a failed call or failed checks
    };

    explicit SessionLogModel(QObject* parent = nullptr);

    void addEvent(const session::SessionEvent& event);
    void clear();
    qint64 droppedRows() const { return m_dropped; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;


private:
    struct Row {
        session::SessionEvent event;
        QJsonObject call; // the transcript's form; decoded when asked for
        QString summary;
    };
    std::deque<Row> m_rows;
    qint64 m_dropped = 0;
};

} // namespace copp::models
