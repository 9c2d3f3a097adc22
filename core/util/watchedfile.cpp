// SPDX-License-Identifier: BSD-3-Clause
#include <core/util/watchedfile.h>

#include <QFileInfo>
#include <QFileSystemWatcher>

#include <utility>

namespace copp::util {

WatchedFile::WatchedFile(QObject* parent) : QObject(parent), m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString& path) {
        if (path == m_path)
            check(true);
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { check(false); });
}

// The file and its folder are watched: QFileSystemWatcher drops a file that is
// removed (`rm`, editors that save by replacing), and only the folder tells when
// it is back.
void WatchedFile::watch(const QString& path)
{
    if (!m_path.isEmpty())
        m_watcher->removePaths({m_path, QFileInfo(m_path).absolutePath()});
    m_path = path;
    m_gone = false;
    m_watcher->addPaths({path, QFileInfo(path).absolutePath()});
}

// `contentChanged`: the file itself changed; else something in its folder did.
void WatchedFile::check(bool contentChanged)
{
    if (m_path.isEmpty())
        return;
    if (!QFileInfo::exists(m_path)) {
        if (!std::exchange(m_gone, true))
            emit gone(); // said once
        return;
    }
    const bool back = std::exchange(m_gone, false);
    const bool unwatched = !m_watcher->files().contains(m_path);
    if (unwatched) // replaced, or back after a removal
        m_watcher->addPath(m_path);
    if (contentChanged || back || unwatched)
        emit changed();
}

} // namespace copp::util
