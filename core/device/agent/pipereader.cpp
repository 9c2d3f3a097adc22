#include "pipereader.h"

#include <algorithm>
#include <cerrno>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace copp::device::agent {

qint64 PipeReader::readData(char* data, qint64 maxSize)
{
    if (m_ended || maxSize <= 0)
        return m_ended ? -1 : 0;
    const unsigned int want = static_cast<unsigned int>(std::min<qint64>(maxSize, 1 << 20));
    for (;;) {
#ifdef _WIN32
        const int n = ::_read(m_fd, data, want);
#else
        const ssize_t n = ::read(m_fd, data, want);
#endif
        if (n > 0)
            return n;
        if (n < 0 && errno == EINTR)
            continue;
        m_ended = true; // end of the pipe, or an error reading it: no more requests
        return -1;
    }
}

} // namespace copp::device::agent
