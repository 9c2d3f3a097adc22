// SPDX-License-Identifier: BSD-3-Clause
// Reading a file that is not a regular file (a named pipe, a device) without
// hanging: open() on a FIFO blocks until a writer comes, and read() until it
// writes, maybe never. Here both waits have a deadline. Unix only; elsewhere
// readFileLimited reads such files as it reads any other.
#pragma once

#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

#include <chrono>

namespace copp::util {

// True when `path` names something that exists and is neither a regular file
// nor a directory (after following links): a FIFO, a character device, a socket.
bool isStreamFile(const QString& path);

// Reads at most `maxBytes` bytes from the stream file at `path`, until its end
// (the writer closed it). Fails when nothing arrives for `stallLimit`: no writer
// came, or the writer stopped writing without closing.
Result<QByteArray> readStreamFile(const QString& path, qint64 maxBytes, std::chrono::milliseconds stallLimit);

} // namespace copp::util
