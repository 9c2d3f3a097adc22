// SPDX-License-Identifier: BSD-3-Clause
// The agent server's two ends in memory (core/device/agent/agentserver.h), for
// tests and fuzz targets: a source that hands out its bytes in chunks of at most
// `chunk` bytes (a pipe delivers lines in pieces), and a sink that keeps what is
// written and can fail after a number of writes (a client that went away).
#pragma once

#include <core/device/agent/agentserver.h>

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string_view>

namespace copp::tests {

class BytesSource final : public device::hw::agent::ByteSource {
public:
    explicit BytesSource(QByteArray bytes, std::size_t chunk = std::numeric_limits<std::size_t>::max())
        : m_bytes(std::move(bytes)), m_chunk(chunk)
    {
    }
    std::size_t read(char* buf, std::size_t size) override
    {
        const std::size_t n = std::min({size, m_chunk, static_cast<std::size_t>(m_bytes.size()) - m_at});
        std::copy_n(m_bytes.constData() + m_at, n, buf);
        m_at += n;
        return n;
    }

private:
    QByteArray m_bytes;
    std::size_t m_chunk;
    std::size_t m_at = 0;
};

class BytesSink final : public device::hw::agent::ByteSink {
public:
    QByteArray bytes;
    int failAfter = -1; // writes allowed before failing; -1: never fail
    bool write(std::string_view more) override
    {
        if (failAfter == 0)
            return false;
        if (failAfter > 0)
            --failAfter;
        bytes.append(more.data(), static_cast<qsizetype>(more.size()));
        return true;
    }
};

} // namespace copp::tests
