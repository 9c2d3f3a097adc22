// SPDX-License-Identifier: BSD-3-Clause
// The session panel's log tab: the session log as a table, filtered by text
// or event name and to problems only, and the selected entry's decoded fields
// (as the contract writes them) with its device call's bytes.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace copp::models {
class SessionLogModel;
}

namespace copp::ui {

class SessionLogView : public QWidget {
    Q_OBJECT
public:
    SessionLogView(models::SessionLogModel* log, QWidget* parent = nullptr);

    void clearDetail();

private:
    void showDetail();

    QLineEdit* m_filter = nullptr;
    QCheckBox* m_problemsOnly = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QTextBrowser* m_detail = nullptr;
};

} // namespace copp::ui
