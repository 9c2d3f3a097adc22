// Standard input as a QIODevice that returns what the pipe holds. QFile cannot
// do this on a pipe: buffered, it waits to fill its buffer (bytes the client
// only sends after our answer); unbuffered, readLine() makes one read() per
// byte, which made a 4096-byte status request (an 8 KiB hex line) cost ~2.4 ms.
// Here each refill is one read() of whatever has arrived, blocking only while
// nothing has.
#pragma once

#include <QIODevice>

namespace copp::device::agent {

class PipeReader final : public QIODevice {
public:
    explicit PipeReader(int fd) : m_fd(fd) {}
    bool isSequential() const override { return true; }
    // Blocking reads: data is "ready" until the end of the pipe.
    bool waitForReadyRead(int) override { return !m_ended; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    int m_fd;
    bool m_ended = false;
};

} // namespace copp::device::agent
