// Reading an input file with a size limit, so a huge or endless file (a FIFO,
// /dev/zero) is refused with a clear message instead of exhausting memory.
#pragma once

#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

namespace copp::util {

inline constexpr qint64 kDefaultMaxFileBytes = 16 * 1024 * 1024;

Result<QByteArray> readFileLimited(const QString& path, qint64 maxBytes = kDefaultMaxFileBytes);

} // namespace copp::util
