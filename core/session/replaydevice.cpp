// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/replaydevice.h>

#include <core/session/transcriptblocks.h>

#include <core/device/agent/agentprotocol.h>

#include <algorithm>

namespace copp::session {

namespace {

QString hex(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// "differs at byte 20 (recorded 3a, now 00)" for two hex strings of one parameter.
std::string firstDifference(const QString& recorded, const QString& now)
{
    const qsizetype common = std::min(recorded.size(), now.size());
    qsizetype i = 0;
    while (i < common && recorded[i] == now[i])
        ++i;
    const qsizetype byte = i / 2;
    if (i == common)
        return "differs in length (recorded " + std::to_string(recorded.size() / 2) + " bytes, now "
            + std::to_string(now.size() / 2) + ")";
    return "differs at byte " + std::to_string(byte) + " (recorded " + recorded.mid(byte * 2, 2).toStdString()
        + ", now " + now.mid(byte * 2, 2).toStdString() + ")";
}

} // namespace

void ReplayDevice::RecordedRandom::fill(std::span<std::uint8_t> out)
{
    const std::size_t available = std::min(out.size(), m_bytes.size() - m_position);
    std::copy_n(m_bytes.begin() + static_cast<std::ptrdiff_t>(m_position), available, out.begin());
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(available), out.end(), std::uint8_t{0});
    m_position += available;
    if (available < out.size())
        m_exhausted = true; // the next call's request will not match: reported there
}

Result<std::unique_ptr<ReplayDevice>> ReplayDevice::open(Transcript transcript)
{
    if (!transcript.hasApplicationRandom())
        return makeError(Error::Code::Usage,
                         "this transcript cannot be replayed: it was recorded without --reveal-secrets, so it does not "
                         "hold the application's random bytes (session key, padding, status randoms) that make the "
                         "requests repeat; it can still be read");
    if (transcript.calls().isEmpty())
        return makeError(Error::Code::Usage, "this transcript records no device calls");
    return std::unique_ptr<ReplayDevice>(new ReplayDevice(std::move(transcript)));
}

ReplayDevice::ReplayDevice(Transcript transcript)
    : m_transcript(std::move(transcript)), m_random(m_transcript.applicationRandom())
{
}

std::optional<QJsonObject> ReplayDevice::nextCall() const
{
    if (finished())
        return std::nullopt;
    // Blocks in full again (version 2 leaves out their trailing zeros), so that
    // comparing and decoding see what was on the pipe.
    QJsonObject call = m_transcript.calls().at(m_next).toObject();
    const QString method = call.value(QStringLiteral("method")).toString();
    for (const QString& part : {QStringLiteral("params"), QStringLiteral("result")})
        if (call.contains(part))
            call.insert(part, expandBlocks(method, call.value(part).toObject()));
    return call;
}

Error ReplayDevice::diverge(std::string detail)
{
    if (!m_divergence)
        m_divergence = "the replay diverged from the transcript at call " + std::to_string(m_next + 1) + ": " + detail;
    return makeError(Error::Code::Malformed, *m_divergence);
}

Result<QJsonObject> ReplayDevice::play(const char* method, const QJsonObject& params)
{
    if (m_divergence)
        return makeError(Error::Code::Malformed, *m_divergence);
    if (m_random.exhausted())
        return diverge(std::string("before ") + method + " the application drew more random bytes than were recorded");
    const auto recorded = nextCall();
    if (!recorded)
        return diverge(std::string("the application called ") + method + " but the transcript ends after "
                       + std::to_string(recordedCalls()) + " calls");
    const QString recordedMethod = recorded->value(QStringLiteral("method")).toString();
    if (recordedMethod != QLatin1String(method))
        return diverge(std::string("the application called ") + method + ", the transcript has "
                       + (recordedMethod.isEmpty() ? std::string("no method") : recordedMethod.toStdString()));
    const QJsonObject recordedParams = recorded->value(QStringLiteral("params")).toObject();
    for (auto it = params.begin(); it != params.end(); ++it) {
        const QString was = recordedParams.value(it.key()).toString();
        if (was != it.value().toString())
            return diverge(std::string(method) + " " + it.key().toStdString() + " "
                           + firstDifference(was, it.value().toString()));
    }
    ++m_next;
    const auto t = recorded->value(QStringLiteral("t_ms")).toInteger();
    const auto duration = recorded->value(QStringLiteral("duration_ms")).toInteger();
    m_now = std::max<std::int64_t>(m_now, t + std::max<qint64>(duration, 0));

    m_lost = recorded->value(QStringLiteral("lost")).toBool();
    const std::string detail = recorded->value(QStringLiteral("error")).toString().toStdString();
    if (recorded->value(QStringLiteral("timeout")).toBool())
        return makeError(Error::Code::Timeout, detail);
    const qint64 hresult = recorded->value(QStringLiteral("hresult")).toInteger(-1);
    if (hresult < 0 || hresult > 0xFFFFFFFFll)
        return diverge(std::string("the recorded ") + method + " has no valid hresult");
    if (hresult != 0)
        return device::deviceError(static_cast<std::uint32_t>(hresult), detail);
    if (recorded->contains(QStringLiteral("error")))
        return makeError(Error::Code::Malformed, detail); // a reply the recording client could not read
    return recorded->value(QStringLiteral("result")).toObject();
}

device::DeviceDescription ReplayDevice::describe()
{
    const QJsonObject d = m_transcript.device();
    device::DeviceDescription out;
    out.name = d.value(QStringLiteral("name")).toString().toStdString(); // as recorded: events compare equal
    out.interface = d.value(QStringLiteral("interface")).toString(QStringLiteral("copp")).toStdString();
    out.semantics = d.value(QStringLiteral("semantics")).toString(QStringLiteral("copp")).toStdString();
    out.role = d.value(QStringLiteral("role")).toString(QStringLiteral("output")).toStdString();
    return out;
}

Result<device::KeyExchangeReply> ReplayDevice::keyExchange()
{
    auto result = play("copp.keyExchange", {});
    if (!result)
        return result.error();
    auto random = device::agent::fixedHexField<16>(result.value(), QLatin1String("random"));
    auto chain = device::agent::base64Field(result.value(), QLatin1String("certificateChain"));
    if (!random || !chain)
        return diverge("the recorded key exchange is unreadable: " + (!random ? random.error() : chain.error()).detail);
    return device::KeyExchangeReply{random.value(), std::move(chain.value())};
}

Result<void> ReplayDevice::sessionSequenceStart(const protocol::Signature256& signature)
{
    auto result = play("copp.sessionSequenceStart", {{QStringLiteral("signature"), hex(signature)}});
    if (!result)
        return result.error();
    return {};
}

Result<void> ReplayDevice::protectionCommand(const protocol::Block4096& command)
{
    auto result = play("copp.protectionCommand", {{QStringLiteral("command"), hex(command)}});
    if (!result)
        return result.error();
    return {};
}

Result<protocol::Block4096> ReplayDevice::protectionStatus(const protocol::Block4096& input)
{
    auto result = play("copp.protectionStatus", {{QStringLiteral("input"), hex(input)}});
    if (!result)
        return result.error();
    auto output = device::agent::fixedHexField<protocol::kBlockSize>(result.value(), QLatin1String("output"));
    if (!output)
        return diverge("the recorded status reply is unreadable: " + output.error().detail);
    return output.value();
}

Result<device::StartInitializationReply> ReplayDevice::startInitialization()
{
    auto result = play("opm.startInitialization", {});
    if (!result)
        return result.error();
    auto random = device::agent::fixedHexField<16>(result.value(), QLatin1String("random"));
    auto certificate = device::agent::base64Field(result.value(), QLatin1String("certificate"));
    if (!random || !certificate)
        return diverge("the recorded StartInitialization is unreadable: "
                       + (!random ? random.error() : certificate.error()).detail);
    return device::StartInitializationReply{random.value(), std::move(certificate.value())};
}

Result<void> ReplayDevice::finishInitialization(const protocol::Signature256& parameters)
{
    auto result = play("opm.finishInitialization", {{QStringLiteral("parameters"), hex(parameters)}});
    if (!result)
        return result.error();
    return {};
}

Result<protocol::Block4096> ReplayDevice::getInformation(const protocol::Block4112& parameters)
{
    auto result = play("opm.getInformation", {{QStringLiteral("parameters"), hex(parameters)}});
    if (!result)
        return result.error();
    auto information = device::agent::fixedHexField<protocol::kBlockSize>(result.value(), QLatin1String("information"));
    if (!information)
        return diverge("the recorded GetInformation reply is unreadable: " + information.error().detail);
    return information.value();
}

Result<protocol::Block4096> ReplayDevice::coppCompatibleGetInformation(const protocol::Block4096& parameters)
{
    auto result = play("opm.coppCompatibleGetInformation", {{QStringLiteral("parameters"), hex(parameters)}});
    if (!result)
        return result.error();
    auto information = device::agent::fixedHexField<protocol::kBlockSize>(result.value(), QLatin1String("information"));
    if (!information)
        return diverge("the recorded COPPCompatibleGetInformation reply is unreadable: " + information.error().detail);
    return information.value();
}

Result<void> ReplayDevice::configure(const protocol::Block4096& parameters, ByteView additional)
{
    QJsonObject params{{QStringLiteral("parameters"), hex(parameters)}};
    if (!additional.empty())
        params.insert(QStringLiteral("additional"), hex(additional));
    auto result = play("opm.configure", params);
    if (!result)
        return result.error();
    return {};
}

} // namespace copp::session
