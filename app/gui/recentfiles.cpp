// SPDX-License-Identifier: BSD-3-Clause
#include <app/gui/recentfiles.h> // quoted: lupdate (no include path) finds the class, its tr() context, only so

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMenu>
#include <QSettings>

#include <algorithm>

namespace copp::ui {

namespace {

const QString kSettingsKey = QStringLiteral("recentFiles");
constexpr int kKept = 10;

// The file name, and where names repeat, as many of the innermost folders as
// tell them apart ("chain.xml — good", "chain.xml — x/good"): six identical
// "chain.xml" entries told nothing.
QStringList recentLabels(const QStringList& paths)
{
    QList<QStringList> folders; // innermost first
    for (const QString& path : paths) {
        QStringList parts = QFileInfo(path).absolutePath().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        std::reverse(parts.begin(), parts.end());
        folders.append(parts);
    }
    QList<int> depth(paths.size(), 0);
    const auto label = [&](qsizetype i) {
        const QString name = QFileInfo(paths[i]).fileName();
        if (depth[i] == 0)
            return name;
        QString folder = QFileInfo(paths[i]).absolutePath(); // all of it, when needed
        if (depth[i] < folders[i].size()) {
            QStringList shown = folders[i].mid(0, depth[i]);
            std::reverse(shown.begin(), shown.end());
            folder = shown.join(QLatin1Char('/'));
        }
        //: Open Recent entry: a file name, then the folders that tell it from others of that name
        return RecentFiles::tr("%1 — %2").arg(name, QDir::toNativeSeparators(folder));
    };
    for (bool changed = true; changed;) {
        changed = false;
        QHash<QString, QList<qsizetype>> same;
        for (qsizetype i = 0; i < paths.size(); ++i)
            same[label(i)].append(i);
        for (const QList<qsizetype>& group : std::as_const(same)) {
            if (group.size() < 2)
                continue;
            for (qsizetype i : group) {
                if (depth[i] <= folders[i].size()) {
                    ++depth[i];
                    changed = true;
                }
            }
        }
    }
    QStringList labels;
    for (qsizetype i = 0; i < paths.size(); ++i)
        labels.append(label(i));
    return labels;
}

} // namespace

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu)
{
    m_menu->setToolTipsVisible(true); // menus hide tooltips unless asked
    rebuildMenu();
}

QStringList RecentFiles::files()
{
    return QSettings().value(kSettingsKey).toStringList();
}

void RecentFiles::remember(const QString& path)
{
    QStringList list = files();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(kSettingsKey, list.mid(0, kKept));
    rebuildMenu();
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = files();
    const QStringList labels = recentLabels(list);
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list.at(i);
        QString label = labels.at(i);
        label.replace(u'&', QStringLiteral("&&")); // a file name's & is no mnemonic
        QAction* a = m_menu->addAction(tr("&%1 %2").arg(i + 1).arg(label), this, [this, path] { emit openRequested(path); });
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
    }
    m_menu->setEnabled(!list.isEmpty());
}

} // namespace copp::ui
