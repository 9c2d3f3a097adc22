// SPDX-License-Identifier: BSD-3-Clause
// One file watched for edits made in another program: changed() when its
// content changes or it is back after a removal or replacement, gone() once
// when it is deleted or moved away.
#pragma once

#include <QObject>
#include <QString>

class QFileSystemWatcher;

namespace copp::util {

class WatchedFile : public QObject {
    Q_OBJECT
public:
    explicit WatchedFile(QObject* parent = nullptr);

    void watch(const QString& path); // instead of the file watched so far
    QString path() const { return m_path; }
    bool isGone() const { return m_gone; }

signals:
    void changed();
    void gone();

private:
    void check(bool contentChanged);

    QFileSystemWatcher* m_watcher;
    QString m_path;
    bool m_gone = false;
};

} // namespace copp::util
