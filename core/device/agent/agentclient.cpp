// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/agentclient.h>

#include <core/device/agent/agentprotocol.h>

#include <core/kernel/protocol/constants.h>

#include <QDeadlineTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace copp::device {

namespace {

constexpr int kStartTimeoutMs = 5000;
constexpr int kExitGraceMs = 500; // after EOF, before the kill
constexpr int kKillWaitMs = 2000;

std::string str(QLatin1String s)
{
    return std::string(s.data(), static_cast<std::size_t>(s.size()));
}

// Field errors of a reply, with the method in front.
Error inReply(QLatin1String method, const Error& e)
{
    return makeError(e.code, str(method) + " reply: " + e.detail, e.hresult);
}

qint64 remainingMs(const QDeadlineTimer& deadline)
{
    return deadline.isForever() ? -1 : deadline.remainingTime();
}

} // namespace

Result<std::unique_ptr<AgentDevice>> AgentDevice::start(const QString& command, int callTimeoutMs, Stderr stderrMode)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(QStringLiteral("/bin/sh"));
    process->setArguments({QStringLiteral("-c"), command});
    // "stderr is free for logs": forwarded to ours, or discarded; never buffered here.
    if (stderrMode == Stderr::Forward)
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    else
        process->setStandardErrorFile(QProcess::nullDevice());
#ifdef Q_OS_UNIX
    // Its own process group, so that the destructor can end what the shell started.
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
    process->start(QIODevice::ReadWrite);
    if (!process->waitForStarted(kStartTimeoutMs))
        return makeError(Error::Code::Io, "could not start the device agent (/bin/sh -c " + command.toStdString()
                                              + "): " + process->errorString().toStdString());
    return std::unique_ptr<AgentDevice>(new AgentDevice(command, callTimeoutMs, std::move(process)));
}

AgentDevice::AgentDevice(QString command, int callTimeoutMs, std::unique_ptr<QProcess> process)
    : m_command(std::move(command)), m_timeoutMs(callTimeoutMs), m_process(std::move(process))
{
}

AgentDevice::~AgentDevice()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->closeWriteChannel(); // "EOF on stdin ends the device"
    // Nothing more is kept: an agent writing on while it should exit filled
    // QProcess's buffer during the wait (0.25 GB in 0.5 s); a closed channel's
    // data is read and dropped.
    m_process->closeReadChannel(QProcess::StandardOutput);
    // A stalled agent, or one we stopped talking to, is not waited for.
    if (!m_stalled && !m_broken && m_process->waitForFinished(kExitGraceMs))
        return;
#ifdef Q_OS_UNIX
    // The leader is not reaped yet, so the group id is still ours to signal.
    if (const qint64 pid = m_process->processId(); pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
#endif
    m_process->kill();
    m_process->waitForFinished(kKillWaitMs);
}

Error AgentDevice::exitedError() const
{
    if (m_process->exitStatus() == QProcess::CrashExit)
        return deviceError(protocol::hr::Fail, "the device agent crashed");
    // /bin/sh's own codes for a command it could not run (POSIX 2.8.2).
    const int code = m_process->exitCode();
    const char* why = code == 127 ? ": the shell could not find the command"
        : code == 126             ? ": the shell could not run the command (not executable?)"
                                  : "";
    return deviceError(protocol::hr::Fail, "the device agent exited (code " + std::to_string(code) + ")" + why);
}

// "a device that misses it is treated as stalled (timeout alert) and is not waited for again"
Error AgentDevice::stall(const std::string& what)
{
    m_stalled = true;
    return makeError(Error::Code::Timeout, what + ": the device agent did not answer within "
                                               + std::to_string(m_timeoutMs) + " ms; it is treated as stalled");
}

Result<QByteArray> AgentDevice::exchange(const QByteArray& requestLine, const QDeadlineTimer& deadline)
{
    if (m_process->state() != QProcess::Running)
        return *(m_broken = exitedError());
    if (m_process->write(requestLine) != requestLine.size())
        return *(m_broken = makeError(Error::Code::Io, "could not write to the device agent: "
                                                           + m_process->errorString().toStdString()));
    while (m_process->bytesToWrite() > 0) {
        if (m_process->waitForBytesWritten(static_cast<int>(remainingMs(deadline))))
            continue;
        if (m_process->state() != QProcess::Running)
            return *(m_broken = exitedError());
        if (deadline.hasExpired())
            return stall("sending the request");
        // Nothing can be written: its stdin is closed, usually because it is exiting
        // and not reaped yet. Give it the rest of the deadline to show which.
        if (m_process->waitForFinished(static_cast<int>(remainingMs(deadline))) || m_process->state() != QProcess::Running)
            return *(m_broken = exitedError());
        return *(m_broken = makeError(Error::Code::Io, "could not write to the device agent (its stdin is closed): "
                                                           + m_process->errorString().toStdString()));
    }
    return readLine(deadline);
}

Result<QByteArray> AgentDevice::readLine(const QDeadlineTimer& deadline)
{
    for (;;) {
        // Never hold more than one over-long line's worth of bytes.
        m_buffer += m_process->read(agent::kMaxLineBytes + 1 - m_buffer.size());
        if (const qsizetype nl = m_buffer.indexOf('\n'); nl >= 0 && nl <= agent::kMaxLineBytes) {
            QByteArray line = m_buffer.left(nl + 1);
            m_buffer.remove(0, nl + 1);
            return line;
        }
        if (m_buffer.size() > agent::kMaxLineBytes) {
            m_buffer.clear();
            return *(m_broken = makeError(Error::Code::TooLarge,
                                          "the device agent wrote a line longer than "
                                              + std::to_string(agent::kMaxLineBytes) + " bytes; it is not read again"));
        }
        if (m_process->bytesAvailable() > 0)
            continue;
        if (m_process->state() != QProcess::Running)
            return *(m_broken = exitedError()); // everything it wrote has been read
        if (deadline.hasExpired())
            return stall("waiting for the reply");
        if (!m_process->waitForReadyRead(static_cast<int>(remainingMs(deadline))) && m_process->bytesAvailable() == 0
            && m_process->state() == QProcess::Running && !deadline.hasExpired())
            m_process->waitForFinished(static_cast<int>(remainingMs(deadline))); // stdout closed: only exit is left
    }
}

Result<QJsonObject> AgentDevice::call(QLatin1String method, const QJsonObject& params)
{
    const std::string name = str(method);
    if (m_stalled)
        return makeError(Error::Code::Timeout,
                         name + ": the device agent missed an earlier deadline and is not waited for again");
    if (m_broken)
        return makeError(m_broken->code, name + ": " + m_broken->detail, m_broken->hresult);
    const qint64 id = m_nextId++;
    const QDeadlineTimer deadline = m_timeoutMs > 0 ? QDeadlineTimer(m_timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    auto line = exchange(agent::encodeRequest({id, QString(method), params}), deadline);
    Result<agent::Response> response = makeError(Error::Code::Malformed, "no reply");
    for (;; line = readLine(deadline)) {
        if (!line)
            return makeError(line.error().code, name + ": " + line.error().detail, line.error().hresult);
        response = agent::decodeResponse(*line);
        // A reply to an earlier request (an agent that answered one twice) is passed
        // over: the pipe is still in step, this call's reply may follow.
        if (!response || response->id >= id)
            break;
    }
    // A line that is no reply, or a reply to a request not sent yet: which line
    // answers which request is lost, so nothing more is read from this agent.
    if (!response)
        return *(m_broken = makeError(Error::Code::Malformed, name + " reply: " + response.error().detail
                                                                 + "; the device agent is out of step and is not read again"));
    if (response->id != id)
        return *(m_broken = makeError(Error::Code::Malformed,
                                      name + " reply: id " + std::to_string(response->id) + " does not match the request's id "
                                          + std::to_string(id) + "; the device agent is out of step and is not read again"));
    if (!response->succeeded())
        // The HRESULT is the error's own field, and callers print it: the detail says
        // only where it came from (it repeated "failed with HRESULT ..." after theirs).
        return deviceError(response->hresult, "answered by the device agent's " + name);
    return response->result;
}

Result<DeviceDescription> AgentDevice::describeChecked()
{
    auto result = call(agent::method::Describe);
    if (!result)
        return result.error();
    DeviceDescription d;
    d.name = "agent: " + m_command.toStdString();
    // A present field must be a string, one of `allowed` when given.
    auto field = [&](const char* key, std::string& out, std::initializer_list<const char*> allowed) -> std::optional<Error> {
        const QJsonValue v = result->value(QLatin1String(key));
        if (v.isUndefined())
            return std::nullopt;
        const std::string text = v.toString().toStdString();
        const bool ok = v.isString()
            && (allowed.size() == 0 || std::find(allowed.begin(), allowed.end(), text) != allowed.end());
        if (!ok)
            return makeError(Error::Code::Malformed, std::string("device.describe reply: unexpected \"") + key + "\"");
        if (!text.empty()) // an empty name keeps "agent: COMMAND"
            out = text;
        return std::nullopt;
    };
    if (auto e = field("name", d.name, {}))
        return *e;
    if (auto e = field("interface", d.interface, {"copp", "opm"}))
        return *e;
    d.semantics = d.interface; // the emulator's rule: semantics follow the interface unless said
    if (auto e = field("semantics", d.semantics, {"copp", "opm"}))
        return *e;
    if (auto e = field("role", d.role, {"output", "codec"}))
        return *e;
    return d;
}

DeviceDescription AgentDevice::describe()
{
    if (auto d = describeChecked())
        return *d;
    // "A device whose describe fails is taken as {copp, copp, output}."
    DeviceDescription fallback;
    fallback.name = "agent: " + m_command.toStdString();
    return fallback;
}

Result<KeyExchangeReply> AgentDevice::keyExchange()
{
    auto result = call(agent::method::KeyExchange);
    if (!result)
        return result.error();
    // {"random": HEX(16 bytes), "certificateChain": BASE64(the XML chain bytes)}
    auto random = agent::fixedHexField<16>(*result, QLatin1String("random"));
    if (!random)
        return inReply(agent::method::KeyExchange, random.error());
    auto chain = agent::base64Field(*result, QLatin1String("certificateChain"));
    if (!chain)
        return inReply(agent::method::KeyExchange, chain.error());
    return KeyExchangeReply{*random, std::move(*chain)};
}

Result<void> AgentDevice::sessionSequenceStart(const protocol::Signature256& signature)
{
    // {"signature": HEX(256 bytes AMCOPPSignature)} -> {}
    QJsonObject params;
    params.insert(QLatin1String("signature"), agent::toHexString(signature));
    auto result = call(agent::method::SessionSequenceStart, params);
    if (!result)
        return result.error();
    return {};
}

Result<void> AgentDevice::protectionCommand(const protocol::Block4096& command)
{
    // {"command": HEX(4096 bytes AMCOPPCommand)} -> {}
    QJsonObject params;
    params.insert(QLatin1String("command"), agent::toHexString(command));
    auto result = call(agent::method::ProtectionCommand, params);
    if (!result)
        return result.error();
    return {};
}

Result<protocol::Block4096> AgentDevice::protectionStatus(const protocol::Block4096& input)
{
    // {"input": HEX(4096 bytes AMCOPPStatusInput)} -> {"output": HEX(4096 bytes AMCOPPStatusOutput)}
    QJsonObject params;
    params.insert(QLatin1String("input"), agent::toHexString(input));
    auto result = call(agent::method::ProtectionStatus, params);
    if (!result)
        return result.error();
    auto output = agent::fixedHexField<protocol::kBlockSize>(*result, QLatin1String("output"));
    if (!output)
        return inReply(agent::method::ProtectionStatus, output.error());
    return *output;
}

// --- opm.* (docs/cli.md#the-device-agent-protocol) ---------------------------------------------

Result<StartInitializationReply> AgentDevice::startInitialization()
{
    // — -> {"random": HEX(16), "certificate": BASE64}
    auto result = call(agent::method::OpmStartInitialization);
    if (!result)
        return result.error();
    auto random = agent::fixedHexField<16>(*result, QLatin1String("random"));
    if (!random)
        return inReply(agent::method::OpmStartInitialization, random.error());
    auto certificate = agent::base64Field(*result, QLatin1String("certificate"));
    if (!certificate)
        return inReply(agent::method::OpmStartInitialization, certificate.error());
    return StartInitializationReply{*random, std::move(*certificate)};
}

Result<void> AgentDevice::finishInitialization(const protocol::Signature256& parameters)
{
    // {"parameters": HEX(256)} -> {}
    QJsonObject params;
    params.insert(QLatin1String("parameters"), agent::toHexString(parameters));
    auto result = call(agent::method::OpmFinishInitialization, params);
    if (!result)
        return result.error();
    return {};
}

Result<protocol::Block4096> AgentDevice::getInformation(const protocol::Block4112& parameters)
{
    // {"parameters": HEX(4112)} -> {"information": HEX(4096)}
    QJsonObject params;
    params.insert(QLatin1String("parameters"), agent::toHexString(parameters));
    auto result = call(agent::method::OpmGetInformation, params);
    if (!result)
        return result.error();
    auto information = agent::fixedHexField<protocol::kBlockSize>(*result, QLatin1String("information"));
    if (!information)
        return inReply(agent::method::OpmGetInformation, information.error());
    return *information;
}

Result<protocol::Block4096> AgentDevice::coppCompatibleGetInformation(const protocol::Block4096& parameters)
{
    // {"parameters": HEX(4096)} -> {"information": HEX(4096)}
    QJsonObject params;
    params.insert(QLatin1String("parameters"), agent::toHexString(parameters));
    auto result = call(agent::method::OpmCoppCompatibleGetInformation, params);
    if (!result)
        return result.error();
    auto information = agent::fixedHexField<protocol::kBlockSize>(*result, QLatin1String("information"));
    if (!information)
        return inReply(agent::method::OpmCoppCompatibleGetInformation, information.error());
    return *information;
}

Result<void> AgentDevice::configure(const protocol::Block4096& parameters, ByteView additional)
{
    // {"parameters": HEX(4096), "additional": HEX} -> {}; "additional ... may be omitted or empty".
    QJsonObject params;
    params.insert(QLatin1String("parameters"), agent::toHexString(parameters));
    if (!additional.empty())
        params.insert(QLatin1String("additional"), agent::toHexString(additional));
    auto result = call(agent::method::OpmConfigure, params);
    if (!result)
        return result.error();
    return {};
}

} // namespace copp::device
