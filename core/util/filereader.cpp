// SPDX-License-Identifier: BSD-3-Clause
#include <core/util/filereader.h>

#include <core/util/streamfilereader.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace copp::util {

namespace {

// "16 MiB", "1 MiB", "64 KiB": the limit as people say it, from the number itself.
QString limitText(qint64 maxBytes)
{
    constexpr qint64 kKiB = 1024;
    constexpr qint64 kMiB = 1024 * kKiB;
    if (maxBytes >= kMiB && maxBytes % kMiB == 0)
        return QStringLiteral("%1-byte (%2 MiB)").arg(maxBytes).arg(maxBytes / kMiB);
    if (maxBytes >= kKiB && maxBytes % kKiB == 0)
        return QStringLiteral("%1-byte (%2 KiB)").arg(maxBytes).arg(maxBytes / kKiB);
    return QStringLiteral("%1-byte").arg(maxBytes);
}

} // namespace

Result<QByteArray> readFileLimited(const QString& path, qint64 maxBytes, std::chrono::milliseconds stallLimit)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (info.isSymLink()) // exists() follows the link
            return makeError(Error::Code::Io,
                             QStringLiteral("%1: a symbolic link to nothing that can be read (its target is missing, or the links form a loop)")
                                 .arg(path).toStdString());
        // Qt decodes command-line arguments and file names as UTF-8; bytes that are
        // not became U+FFFD, a different name, which then "does not exist".
        if (path.contains(QChar::ReplacementCharacter))
            return makeError(Error::Code::Io,
                             QStringLiteral("%1: no such file; the name as given holds bytes that are not UTF-8, which this program "
                                            "cannot pass on unchanged (rename the file)").arg(path).toStdString());
        return makeError(Error::Code::Io, QStringLiteral("%1: no such file").arg(path).toStdString());
    }
    if (info.isDir())
        return makeError(Error::Code::Io, QStringLiteral("%1: is a directory, not a file").arg(path).toStdString());
    // Read one byte past the limit: works for pipes and devices whose size is unknown.
    if (!info.isFile() && isStreamFile(path)) {
        auto data = readStreamFile(path, maxBytes + 1, stallLimit);
        if (data && data.value().size() > maxBytes)
            return makeError(Error::Code::TooLarge,
                             QStringLiteral("%1: larger than the %2 limit").arg(path, limitText(maxBytes)).toStdString());
        return data;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()).toStdString());
    if (!file.isSequential() && file.size() > maxBytes)
        return makeError(Error::Code::TooLarge,
                         QStringLiteral("%1: %2 bytes, larger than the %3 limit")
                             .arg(path, QString::number(file.size()), limitText(maxBytes)).toStdString());
    // A buffer of the file's size, not of the limit: a 16 MiB allocation per small
    // file is a fresh mapping each time (docs/performance.md, verify).
    const qint64 expected = file.isSequential() ? maxBytes + 1 : std::min(file.size(), maxBytes) + 1;
    QByteArray data = file.read(expected);
    if (data.size() == expected && expected <= maxBytes && file.error() == QFile::NoError)
        data += file.read(maxBytes + 1 - expected); // it grew since its size was read
    if (file.error() != QFile::NoError)
        return makeError(Error::Code::Io, QStringLiteral("%1: read error: %2").arg(path, file.errorString()).toStdString());
    if (data.size() > maxBytes)
        return makeError(Error::Code::TooLarge,
                         QStringLiteral("%1: larger than the %2 limit").arg(path, limitText(maxBytes)).toStdString());
    return data;
}

} // namespace copp::util
