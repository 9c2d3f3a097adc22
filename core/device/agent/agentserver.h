// The device side of the agent pipe (cli-contract.md §2): serves a CoppDevice
// (the emulator, usually) as JSON lines, one response per request, in order.
//
// Answers:
// - the copp.* methods and device.describe go to the device; a failed call
//   answers its HRESULT with "result": {};
// - the opm.* methods go to device.opm(); a device without one (or an unknown
//   method) answers hresult 0x80004001 (E_NOTIMPL);
// - a known method with missing or badly sized params: E_INVALIDARG (0x80070057),
//   without calling the device;
// - a line that is not a valid request: E_INVALIDARG, with the line's "id" when
//   it is a JSON object with a valid id, otherwise with id 0 (clients should
//   number calls from 1, as AgentDevice does, so 0 never names a real call);
// - a line longer than agent::kMaxLineBytes: skipped up to its '\n' without being
//   stored, answered like a non-JSON line (id 0, E_INVALIDARG);
// - blank lines (only whitespace) are ignored: no answer;
// - device errors that carry no HRESULT (Timeout from a stalled device, or
//   anything else) answer E_FAIL (0x80004005); never 0 for a failure.
// A call the device blocks on (the emulator's stall fault) blocks the loop, as a
// stalled driver would: the client's deadline decides.
#pragma once

#include "agentprotocol.h"

#include <core/device/coppdevice.h>

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <string>

class QIODevice;

namespace copp::device::agent {

// One request to its response. `failure` receives a human-readable reason
// when the answer is not S_OK.
Response dispatch(CoppDevice& device, const Request& request, std::string* failure = nullptr);

// One received line (with or without its '\n') to the line to write back;
// nullopt for a blank line.
std::optional<QByteArray> answerLine(CoppDevice& device, QByteArrayView line, std::string* failure = nullptr);

} // namespace copp::device::agent

namespace copp::device {

// The blocking loop: reads lines from `in` (at most agent::kMaxLineBytes each,
// memory bounded), answers each on `out` (flushed per line). "EOF on stdin ends
// the device": returns 0 at the end of `in`; returns 1 when `out` cannot be
// written. `log` (optional) gets one line per failed call, for stderr.
// Works with blocking devices (QFile on a pipe, opened Unbuffered), QBuffer,
// and sockets/processes (waits with waitForReadyRead).
int serveAgent(CoppDevice& device, QIODevice& in, QIODevice& out, QIODevice* log = nullptr);

// serveAgent on the process's stdin/stdout (fds 0 and 1, unbuffered), logging
// failed calls to stderr when asked. Ignores SIGPIPE, so that a client that went
// away ends the loop with 1 instead of killing the process.
int serveAgentOnStdio(CoppDevice& device, bool logToStderr = true);

} // namespace copp::device
