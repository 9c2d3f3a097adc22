#include "agentserver.h"
#include "pipereader.h"

#include <core/device/opmdevice.h>
#include <core/kernel/protocol/constants.h>

#include <QFile>
#include <QFileDevice>
#include <QIODevice>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace copp::device::agent {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;

// The HRESULT a failed call answers: the device's own, else E_FAIL (never 0).
std::uint32_t hresultOf(const Error& e)
{
    if (e.code == Error::Code::Device && e.hresult != 0)
        return e.hresult;
    return protocol::hr::Fail;
}

struct Call {
    Response response;
    std::string* failure;

    Response fail(std::uint32_t hresult, const std::string& why)
    {
        response.hresult = hresult;
        response.result = {};
        if (failure)
            *failure = why;
        return response;
    }
    Response fail(const Error& e) { return fail(hresultOf(e), e.detail); }
    Response badParams(const Error& e) { return fail(protocol::hr::InvalidArg, "params: " + e.detail); }
};

QJsonObject describeResult(const DeviceDescription& d)
{
    QJsonObject o;
    o.insert(QLatin1String("name"), QString::fromStdString(d.name));
    o.insert(QLatin1String("interface"), QString::fromStdString(d.interface));
    o.insert(QLatin1String("semantics"), QString::fromStdString(d.semantics));
    o.insert(QLatin1String("role"), QString::fromStdString(d.role));
    return o;
}

enum class LineRead { Line, TooLong, End };

// One line of at most kMaxLineBytes (plus '\n'); an over-long one is read to
// its end in chunks and dropped. A last line without '\n' still counts.
LineRead readCappedLine(QIODevice& in, QByteArray& line)
{
    line.clear();
    bool tooLong = false;
    for (;;) {
        const QByteArray chunk = in.readLine(kReadChunk);
        if (chunk.isEmpty()) {
            if (in.waitForReadyRead(-1)) // sockets and processes; files and buffers say false at the end
                continue;
            if (tooLong)
                return LineRead::TooLong;
            return line.isEmpty() ? LineRead::End : LineRead::Line;
        }
        const bool complete = chunk.endsWith('\n');
        if (!tooLong) {
            line += chunk;
            if (line.size() - (complete ? 1 : 0) > kMaxLineBytes) {
                tooLong = true;
                line.clear();
            }
        }
        if (complete)
            return tooLong ? LineRead::TooLong : LineRead::Line;
    }
}

bool writeAll(QIODevice& out, const QByteArray& bytes)
{
    if (out.write(bytes) != bytes.size())
        return false;
    if (auto* file = qobject_cast<QFileDevice*>(&out))
        return file->flush();
    return true;
}

// The opm.* rows of cli-contract.md §2.
Response dispatchOpm(OpmDevice& device, const Request& request, Call& call)
{
    const QString& m = request.method;
    const QJsonObject& params = request.params;
    if (m == method::OpmStartInitialization) {
        auto reply = device.startInitialization();
        if (!reply)
            return call.fail(reply.error());
        // {"random": HEX(16), "certificate": BASE64}
        call.response.result.insert(QLatin1String("random"), toHexString(reply->driverRandom));
        call.response.result.insert(QLatin1String("certificate"), toBase64String(reply->certificate));
    } else if (m == method::OpmFinishInitialization) {
        auto parameters = fixedHexField<protocol::kSignatureSize>(params, QLatin1String("parameters"));
        if (!parameters)
            return call.badParams(parameters.error());
        if (auto done = device.finishInitialization(*parameters); !done)
            return call.fail(done.error());
    } else if (m == method::OpmGetInformation) {
        auto parameters = fixedHexField<protocol::kGetInfoParametersSize>(params, QLatin1String("parameters"));
        if (!parameters)
            return call.badParams(parameters.error());
        auto information = device.getInformation(*parameters);
        if (!information)
            return call.fail(information.error());
        call.response.result.insert(QLatin1String("information"), toHexString(*information));
    } else if (m == method::OpmCoppCompatibleGetInformation) {
        auto parameters = fixedHexField<protocol::kBlockSize>(params, QLatin1String("parameters"));
        if (!parameters)
            return call.badParams(parameters.error());
        auto information = device.coppCompatibleGetInformation(*parameters);
        if (!information)
            return call.fail(information.error());
        call.response.result.insert(QLatin1String("information"), toHexString(*information));
    } else if (m == method::OpmConfigure) {
        auto parameters = fixedHexField<protocol::kBlockSize>(params, QLatin1String("parameters"));
        if (!parameters)
            return call.badParams(parameters.error());
        Bytes additional; // "may be omitted or empty"
        if (params.contains(QLatin1String("additional"))) {
            auto extra = hexField(params, QLatin1String("additional"), std::nullopt);
            if (!extra)
                return call.badParams(extra.error());
            additional = std::move(*extra);
        }
        if (auto done = device.configure(*parameters, additional); !done)
            return call.fail(done.error());
    } else {
        return call.fail(protocol::hr::NotImpl, "unknown method \"" + m.toStdString() + "\"");
    }
    return call.response;
}

} // namespace

Response dispatch(CoppDevice& device, const Request& request, std::string* failure)
{
    Call call{Response{request.id, protocol::hr::Ok, {}}, failure};
    const QString& m = request.method;
    const QJsonObject& params = request.params;

    if (m == method::Describe) {
        call.response.result = describeResult(device.describe());
    } else if (m == method::KeyExchange) {
        auto reply = device.keyExchange();
        if (!reply)
            return call.fail(reply.error());
        // {"random": HEX(16 bytes), "certificateChain": BASE64(the XML chain bytes)}
        call.response.result.insert(QLatin1String("random"), toHexString(reply->driverRandom));
        call.response.result.insert(QLatin1String("certificateChain"), toBase64String(reply->certificateChain));
    } else if (m == method::SessionSequenceStart) {
        auto signature = fixedHexField<protocol::kSignatureSize>(params, QLatin1String("signature"));
        if (!signature)
            return call.badParams(signature.error());
        if (auto done = device.sessionSequenceStart(*signature); !done)
            return call.fail(done.error());
    } else if (m == method::ProtectionCommand) {
        auto command = fixedHexField<protocol::kBlockSize>(params, QLatin1String("command"));
        if (!command)
            return call.badParams(command.error());
        if (auto done = device.protectionCommand(*command); !done)
            return call.fail(done.error());
    } else if (m == method::ProtectionStatus) {
        auto input = fixedHexField<protocol::kBlockSize>(params, QLatin1String("input"));
        if (!input)
            return call.badParams(input.error());
        auto output = device.protectionStatus(*input);
        if (!output)
            return call.fail(output.error());
        call.response.result.insert(QLatin1String("output"), toHexString(*output));
    } else if (m.startsWith(QLatin1String("opm.")) && device.opm()) {
        return dispatchOpm(*device.opm(), request, call);
    } else {
        // "An unknown method answers hresult 0x80004001 (E_NOTIMPL)."
        return call.fail(protocol::hr::NotImpl, "unknown method \"" + m.toStdString() + "\"");
    }
    return call.response;
}

std::optional<QByteArray> answerLine(CoppDevice& device, QByteArrayView line, std::string* failure)
{
    if (line.trimmed().isEmpty())
        return std::nullopt;
    auto request = decodeRequest(line);
    if (!request) {
        // Answer the call it names when the id can be read, else id 0.
        if (failure)
            *failure = "bad request: " + request.error().detail;
        return encodeResponse({recoverRequestId(line).value_or(0), protocol::hr::InvalidArg, {}});
    }
    return encodeResponse(dispatch(device, *request, failure));
}

} // namespace copp::device::agent

namespace copp::device {

using namespace agent;

int serveAgent(CoppDevice& device, QIODevice& in, QIODevice& out, QIODevice* log)
{
    QByteArray line;
    for (;;) {
        std::string failure;
        std::optional<QByteArray> answer;
        switch (readCappedLine(in, line)) {
        case LineRead::End:
            return 0; // "EOF on stdin ends the device"
        case LineRead::TooLong:
            failure = "bad request: a line longer than " + std::to_string(kMaxLineBytes) + " bytes (skipped)";
            answer = encodeResponse({0, protocol::hr::InvalidArg, {}});
            break;
        case LineRead::Line:
            answer = answerLine(device, line, &failure);
            break;
        }
        if (!answer)
            continue;
        if (log && !failure.empty())
            writeAll(*log, "coppscope agent: " + QByteArray::fromStdString(failure) + '\n');
        if (!writeAll(out, *answer))
            return 1;
    }
}

int serveAgentOnStdio(CoppDevice& device, bool logToStderr)
{
#ifdef Q_OS_UNIX
    std::signal(SIGPIPE, SIG_IGN);
#endif
    // PipeReader: reads what has arrived (see pipereader.h for why not QFile).
    agent::PipeReader in(0);
    QFile out, err;
    if (!in.open(QIODevice::ReadOnly) || !out.open(1, QIODevice::WriteOnly | QIODevice::Unbuffered))
        return 1;
    QIODevice* log = nullptr;
    if (logToStderr && err.open(2, QIODevice::WriteOnly | QIODevice::Unbuffered))
        log = &err;
    return serveAgent(device, in, out, log);
}

} // namespace copp::device
