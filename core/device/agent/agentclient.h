// SPDX-License-Identifier: BSD-3-Clause
// The client side of the device agent pipe (docs/cli.md#the-device-agent-protocol): a COPP
// device that is a child process speaking JSON lines ("exec:COMMAND").
//
// Behaviour, per call:
// - one request line is written, then exactly one response line is read;
//   the call blocks (no event loop needed) until that line or the deadline;
// - deadline missed -> Error::Code::Timeout, and the device is stalled: "a device
//   that misses it is treated as stalled ... and is not waited for again", so
//   every later call fails at once with Timeout;
// - the agent exited or crashed -> deviceError(E_FAIL, "the device agent exited
//   (code N)"), and every later call fails the same way;
// - a line that is no response (not JSON, no id, a negative or string hresult)
//   or answers a later request -> Malformed, and the agent is out of step: which
//   line answers which request is lost, so every later call fails the same way;
// - a response whose result is unusable (missing fields, wrong sizes, bad
//   hex/base64) -> Malformed, naming what was wrong; the next call goes on;
// - a line longer than kMaxLineBytes -> TooLarge; reading stops there (at most
//   ~kMaxLineBytes are ever buffered) and every later call fails the same way;
// - a non-zero hresult -> deviceError(hresult, ...).
// lost() says when every later call fails the same way (exited, out of step,
// over-long line); a stall is not "lost", it has its own Timeout.
// Request ids start at 1 and increase by one per call.
#pragma once

#include <core/device/coppdevice.h>
#include <core/device/opmdevice.h>

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

#include <memory>
#include <optional>

class QDeadlineTimer;
class QProcess;

namespace copp::device {

class AgentDevice final : public CoppDevice, public OpmDevice {
public:
    enum class Stderr {
        Forward, // the agent's stderr goes to ours ("stderr is free for logs"); the default
        Discard, // to the null device (tests, or a JSON-only front end)
    };

    // Runs `/bin/sh -c COMMAND`. Fails (Io) only when the shell cannot be
    // started; a command that does not exist shows as "exited (code 127)" on the
    // first call. callTimeoutMs: each call's deadline; <= 0 waits without limit.
    static Result<std::unique_ptr<AgentDevice>> start(const QString& command, int callTimeoutMs = 5000,
                                                      Stderr stderrMode = Stderr::Forward);

    // Closes the agent's stdin (EOF ends the device), waits briefly (500 ms) for
    // it to exit (not at all when stalled or broken), then kills its process group.
    ~AgentDevice() override;

    AgentDevice(const AgentDevice&) = delete;
    AgentDevice& operator=(const AgentDevice&) = delete;

    // device.describe; when the call fails: "A device whose describe fails is
    // taken as {"interface": "copp", "semantics": "copp", "role": "output"}",
    // named "agent: COMMAND". A describe that names no semantics takes its
    // interface's; an unknown interface/semantics/role value counts as a failure.
    DeviceDescription describe() override;
    // The same, with the failure instead of the default.
    Result<DeviceDescription> describeChecked();

    Result<KeyExchangeReply> keyExchange() override;
    Result<void> sessionSequenceStart(const protocol::Signature256& signature) override;
    Result<void> protectionCommand(const protocol::Block4096& command) override;
    Result<protocol::Block4096> protectionStatus(const protocol::Block4096& input) override;
    OpmDevice* opm() override { return this; }

    // The opm.* methods (docs/cli.md#the-device-agent-protocol), same deadline and error rules.
    Result<StartInitializationReply> startInitialization() override;
    Result<void> finishInitialization(const protocol::Signature256& parameters) override;
    Result<protocol::Block4096> getInformation(const protocol::Block4112& parameters) override;
    Result<protocol::Block4096> coppCompatibleGetInformation(const protocol::Block4096& parameters) override;
    Result<void> configure(const protocol::Block4096& parameters, ByteView additional) override;

    // Any method (opm.* later): the response's result on hresult 0.
    Result<QJsonObject> call(QLatin1String method, const QJsonObject& params = {});

    const QString& command() const { return m_command; }
    int callTimeoutMs() const { return m_timeoutMs; }
    bool stalled() const { return m_stalled; }
    bool lost() const override { return m_broken.has_value(); }

private:
    AgentDevice(QString command, int callTimeoutMs, std::unique_ptr<QProcess> process);
    Result<QByteArray> exchange(const QByteArray& requestLine, const QDeadlineTimer& deadline); // write, then one line back
    Result<QByteArray> readLine(const QDeadlineTimer& deadline);
    Error exitedError() const;
    Error stall(const std::string& what);

    QString m_command;
    int m_timeoutMs;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer; // bytes read after the last complete line
    qint64 m_nextId = 1;
    bool m_stalled = false;
    // Exited, an over-long line, or out of step (a line that is no reply, a reply to a
    // later request): every later call fails with it.
    std::optional<Error> m_broken;
};

} // namespace copp::device
