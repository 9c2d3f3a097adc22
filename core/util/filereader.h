// SPDX-License-Identifier: BSD-3-Clause
// Reading an input file with a size limit, so a huge or endless file (a FIFO,
// /dev/zero) is refused with a clear message instead of exhausting memory, and
// a pipe nobody writes to is given up on instead of waited for forever.
#pragma once

#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

#include <chrono>

namespace copp::util {

inline constexpr qint64 kDefaultMaxFileBytes = 16 * 1024 * 1024;
// How long a pipe or device may keep us waiting for its first or next bytes.
inline constexpr std::chrono::milliseconds kDefaultStallLimit{10'000};
// The same for a window that reads on its own thread: a shorter freeze.
inline constexpr std::chrono::milliseconds kInteractiveStallLimit{3'000};

Result<QByteArray> readFileLimited(const QString& path, qint64 maxBytes = kDefaultMaxFileBytes,
                                   std::chrono::milliseconds stallLimit = kDefaultStallLimit);

} // namespace copp::util
