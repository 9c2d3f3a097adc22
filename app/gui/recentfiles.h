// SPDX-License-Identifier: BSD-3-Clause
// File > Open Recent: the last ten chains opened (QSettings "recentFiles"),
// newest first, each named so that entries of the same file name differ.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace copp::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    // Fills `menu` (and refills it on every remember()).
    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    static QStringList files();
    void remember(const QString& path);

signals:
    void openRequested(const QString& path);

private:
    void rebuildMenu();

    QMenu* m_menu;
};

} // namespace copp::ui
