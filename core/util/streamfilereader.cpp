// SPDX-License-Identifier: BSD-3-Clause
#include <core/util/streamfilereader.h>

#include <QtGlobal>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace copp::util {

#ifdef Q_OS_UNIX

namespace {

std::string systemError(const QString& path, const char* what)
{
    return QStringLiteral("%1: %2: %3").arg(path, QString::fromLatin1(what), QString::fromLocal8Bit(std::strerror(errno))).toStdString();
}

// "10 s", "500 ms": the stall limit as people say it.
QString durationText(std::chrono::milliseconds d)
{
    if (d.count() % 1000 == 0)
        return QStringLiteral("%1 s").arg(d.count() / 1000);
    return QStringLiteral("%1 ms").arg(d.count());
}

class Descriptor {
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

bool isStreamFile(const QString& path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

Result<QByteArray> readStreamFile(const QString& path, qint64 maxBytes, std::chrono::milliseconds stallLimit)
{
    // O_NONBLOCK: open() on a FIFO returns at once even with no writer; poll()
    // below then waits, with a deadline, for one to connect and write.
    const Descriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0)
        return makeError(Error::Code::Io, systemError(path, "cannot open"));
    QByteArray data;
    char chunk[64 * 1024];
    while (data.size() < maxBytes) {
        pollfd p{fd.get(), POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(stallLimit.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            return makeError(Error::Code::Io, systemError(path, "cannot wait for data"));
        if (ready == 0) {
            const QString what = data.isEmpty()
                ? QStringLiteral("%1: not a regular file (a pipe or device), and nothing arrived on it within %2; is anything writing to it?")
                      .arg(path, durationText(stallLimit))
                : QStringLiteral("%1: not a regular file (a pipe or device); it stalled: nothing more arrived within %2 after %3 bytes, and it was not closed")
                      .arg(path, durationText(stallLimit))
                      .arg(data.size());
            return makeError(Error::Code::Io, what.toStdString());
        }
        // POLLIN or POLLHUP: the writer wrote or closed. A FIFO reports neither
        // before a writer has connected, so 0 from read() is the end, not "no writer yet".
        const qint64 want = std::min<qint64>(static_cast<qint64>(sizeof chunk), maxBytes - data.size());
        const ssize_t got = ::read(fd.get(), chunk, static_cast<std::size_t>(want));
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (got < 0)
            return makeError(Error::Code::Io, systemError(path, "read error"));
        if (got == 0)
            break;
        data.append(chunk, got);
    }
    return data;
}

#else

bool isStreamFile(const QString&)
{
    return false;
}

Result<QByteArray> readStreamFile(const QString& path, qint64, std::chrono::milliseconds)
{
    return makeError(Error::Code::Io, QStringLiteral("%1: reading pipes and devices is not supported here").arg(path).toStdString());
}

#endif

} // namespace copp::util
