// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/agentserver.h>

#include <core/device/agent/bytecodec.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace copp::device::hw::agent {

namespace {

std::string_view withoutLineEnd(std::string_view line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

// Only ASCII whitespace (the Qt client's QByteArray::trimmed() set, \v and \f included).
bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos;
}

std::optional<std::int64_t> readId(const json::Value& object)
{
    const auto id = object.find("id");
    if (id == object.end())
        return std::nullopt;
    const std::optional<std::int64_t> value = json::exactInteger(*id);
    if (!value || *value < 0)
        return std::nullopt;
    return value;
}

std::string quoted(std::string_view name)
{
    return '"' + std::string(name) + '"';
}

// A hex parameter of exactly N bytes, copied into `out`.
template <std::size_t N>
bool fixedHex(const json::Value& params, std::string_view name, std::array<std::uint8_t, N>& out, std::string& why)
{
    const auto v = params.find(name);
    if (v == params.end()) {
        why = "missing " + quoted(name);
        return false;
    }
    if (!v->is_string()) {
        why = quoted(name) + " must be a string";
        return false;
    }
    const std::string& text = v->get_ref<const std::string&>();
    if (text.size() != 2 * N) {
        why = quoted(name) + " must be " + std::to_string(N) + " bytes (" + std::to_string(2 * N) + " hex digits), got "
            + std::to_string(text.size()) + " characters";
        return false;
    }
    const auto bytes = fromHex(text);
    if (!bytes) {
        why = quoted(name) + " is not hex";
        return false;
    }
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
}

struct Call {
    Response response;
    std::string* failure;

    Response fail(std::uint32_t hr, std::string why)
    {
        response.hresult = hr == hresult::Ok ? hresult::Fail : hr; // never 0 for a failure
        response.result.clear();
        if (failure)
            *failure = std::move(why);
        return response;
    }
    Response badParams(const std::string& why) { return fail(hresult::InvalidArg, "params: " + why); }
    Response deviceFailed(std::string_view method, std::uint32_t hr)
    {
        return fail(hr, std::string(method) + " failed: " + hresultHex(hr));
    }
};

Response certificateResult(Call& call, std::string_view m, const CertificateReply& reply, const char* certificateKey)
{
    if (!reply.ok())
        return call.deviceFailed(m, reply.hresult);
    call.response.result = {{"random", toHex(reply.random)}, {certificateKey, toBase64(reply.certificate)}};
    return call.response;
}

Response blockResult(Call& call, std::string_view m, const BlockReply& reply, const char* key)
{
    if (!reply.ok())
        return call.deviceFailed(m, reply.hresult);
    call.response.result = {{key, toHex(reply.block)}};
    return call.response;
}

Response dispatchUnchecked(HwDevice& device, const Request& request, std::string* failure)
{
    Call call{Response{request.id, hresult::Ok, {}}, failure};
    const std::string& m = request.method;
    const json::Value& params = request.params;
    std::string why;

    if (m == method::Describe) {
        const Description d = device.describe();
        call.response.result = {{"name", d.name}, {"interface", d.iface}, {"semantics", d.semantics}, {"role", d.role}};
        return call.response;
    }
    // A call of the interface the device does not have (describe() says which):
    // not implemented, whatever its params -- as the Qt server answers opm.*.
    const bool coppCall = m.rfind("copp.", 0) == 0;
    const bool opmCall = m.rfind("opm.", 0) == 0;
    if (coppCall || opmCall) {
        const std::string iface = device.describe().iface;
        if ((coppCall && iface == "opm") || (opmCall && iface == "copp"))
            return call.fail(hresult::NotImpl, m + ": not answered by a device with interface \"" + iface + "\"");
    }

    // IAMCertifiedOutputProtection
    if (m == method::KeyExchange)
        return certificateResult(call, m, device.keyExchange(), "certificateChain");
    if (m == method::SessionSequenceStart) {
        Signature256 signature;
        if (!fixedHex(params, "signature", signature, why))
            return call.badParams(why);
        const std::uint32_t hr = device.sessionSequenceStart(signature);
        return hr == hresult::Ok ? call.response : call.deviceFailed(m, hr);
    }
    if (m == method::ProtectionCommand) {
        Block4096 command;
        if (!fixedHex(params, "command", command, why))
            return call.badParams(why);
        const std::uint32_t hr = device.protectionCommand(command);
        return hr == hresult::Ok ? call.response : call.deviceFailed(m, hr);
    }
    if (m == method::ProtectionStatus) {
        Block4096 input;
        if (!fixedHex(params, "input", input, why))
            return call.badParams(why);
        return blockResult(call, m, device.protectionStatus(input), "output");
    }
    // IOPMVideoOutput
    if (m == method::StartInitialization)
        return certificateResult(call, m, device.startInitialization(), "certificate");
    if (m == method::FinishInitialization) {
        Signature256 parameters;
        if (!fixedHex(params, "parameters", parameters, why))
            return call.badParams(why);
        const std::uint32_t hr = device.finishInitialization(parameters);
        return hr == hresult::Ok ? call.response : call.deviceFailed(m, hr);
    }
    if (m == method::GetInformation) {
        GetInfo4112 parameters;
        if (!fixedHex(params, "parameters", parameters, why))
            return call.badParams(why);
        return blockResult(call, m, device.getInformation(parameters), "information");
    }
    if (m == method::CoppCompatibleGetInformation) {
        Block4096 parameters;
        if (!fixedHex(params, "parameters", parameters, why))
            return call.badParams(why);
        return blockResult(call, m, device.coppCompatibleGetInformation(parameters), "information");
    }
    if (m == method::Configure) {
        Block4096 parameters;
        if (!fixedHex(params, "parameters", parameters, why))
            return call.badParams(why);
        Bytes additional;
        if (const auto a = params.find("additional"); a != params.end()) {
            std::optional<Bytes> bytes;
            if (a->is_string())
                bytes = fromHex(a->get_ref<const std::string&>());
            if (!bytes)
                return call.badParams("\"additional\" must be a hex string");
            additional = std::move(*bytes);
        }
        const std::uint32_t hr = device.configure(parameters, additional);
        return hr == hresult::Ok ? call.response : call.deviceFailed(m, hr);
    }
    // "An unknown method answers hresult 0x80004001 (E_NOTIMPL)."
    return call.fail(hresult::NotImpl, "unknown method \"" + m + "\"");
}

} // namespace

DecodedRequest decodeRequest(std::string_view line)
{
    DecodedRequest out;
    line = withoutLineEnd(line);
    if (line.size() > kMaxLineBytes) {
        out.error = "a line of " + std::to_string(line.size()) + " bytes exceeds the limit of "
            + std::to_string(kMaxLineBytes);
        return out;
    }
    json::ParseResult parsed = json::parse(line);
    if (!parsed.value) {
        out.error = "not JSON: " + parsed.error;
        return out;
    }
    json::Value& object = *parsed.value;
    if (!object.is_object()) {
        out.error = "not a JSON object";
        return out;
    }
    out.id = readId(object);
    if (!out.id) {
        out.error = "\"id\" must be a non-negative integer";
        return out;
    }
    const auto m = object.find("method");
    if (m == object.end() || !m->is_string() || m->get_ref<const std::string&>().empty()) {
        out.error = "\"method\" must be a non-empty string";
        return out;
    }
    Request request;
    request.id = *out.id;
    request.method = m->get<std::string>();
    if (const auto p = object.find("params"); p != object.end()) {
        if (!p->is_object()) {
            out.error = "\"params\" must be an object";
            return out;
        }
        request.params = std::move(*p);
    }
    out.request = std::move(request);
    return out;
}

namespace {
json::Value objectOf(const StringFields& fields)
{
    json::Value object = json::Value::object();
    for (const auto& [key, value] : fields)
        object[key] = value;
    return object;
}
} // namespace

std::string encodeResponse(const Response& response)
{
    // "result is {} or absent on failure"; the hresult is unsigned, never negative.
    const json::Value line = {{"id", response.id},
                              {"hresult", response.hresult},
                              {"result", objectOf(response.hresult == hresult::Ok ? response.result : StringFields{})}};
    return json::dump(line) + '\n';
}

std::string encodeRequest(std::int64_t id, std::string_view name, const StringFields& params)
{
    const json::Value line = {{"id", id}, {"method", name}, {"params", objectOf(params)}};
    return json::dump(line) + '\n';
}

Response dispatch(HwDevice& device, const Request& request, std::string* failure)
{
    try {
        return dispatchUnchecked(device, request, failure);
    } catch (const std::bad_alloc&) {
        if (failure)
            *failure = request.method + ": out of memory";
        return {request.id, hresult::OutOfMemory, {}};
    } catch (...) {
        if (failure)
            *failure = request.method + ": unexpected exception";
        return {request.id, hresult::Fail, {}};
    }
}

std::optional<std::string> answerLine(HwDevice& device, std::string_view line, std::string* failure)
{
    if (isBlank(line))
        return std::nullopt;
    DecodedRequest decoded = decodeRequest(line);
    if (!decoded.request) {
        if (failure)
            *failure = "bad request: " + decoded.error;
        return encodeResponse({decoded.id.value_or(0), hresult::InvalidArg, {}});
    }
    return encodeResponse(dispatch(device, *decoded.request, failure));
}

LineReader::LineReader(ByteSource& source, std::size_t maxLineBytes)
    : m_source(source)
    , m_max(maxLineBytes)
    , m_buffer(std::max<std::size_t>(maxLineBytes + 2, 64 * 1024)) // a whole line, its '\r\n', fits
{
}

// Moves unread bytes to the front, then reads more behind them. False at EOF.
bool LineReader::fill()
{
    if (m_eof)
        return false;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_end == m_buffer.size())
        return true; // full: the caller handles an over-long line
    const std::size_t n = m_source.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_end += n;
    return true;
}

LineReader::Status LineReader::next(std::string& line)
{
    line.clear();
    bool tooLong = false;
    std::size_t scanned = 0; // bytes after m_begin already known to hold no '\n'
    for (;;) {
        const char* start = m_buffer.data() + m_begin;
        const char* newline = static_cast<const char*>(std::memchr(start + scanned, '\n', m_end - m_begin - scanned));
        if (newline) {
            const std::size_t length = static_cast<std::size_t>(newline - start);
            std::string_view content(start, length);
            if (!content.empty() && content.back() == '\r')
                content.remove_suffix(1);
            if (!tooLong && content.size() > m_max)
                tooLong = true;
            if (!tooLong)
                line.assign(content);
            m_begin += length + 1;
            return tooLong ? Status::TooLong : Status::Line;
        }
        scanned = m_end - m_begin;
        if (scanned > m_max + 1) {
            // No '\n' within the limit: drop what we have, keep skipping.
            tooLong = true;
            m_begin = m_end = 0;
            scanned = 0;
        }
        if (!fill()) {
            if (tooLong)
                return Status::TooLong;
            if (m_end == m_begin)
                return Status::End;
            std::string_view content(m_buffer.data() + m_begin, m_end - m_begin); // last line, no '\n'
            if (content.back() == '\r')
                content.remove_suffix(1);
            m_begin = m_end;
            if (content.size() > m_max)
                return Status::TooLong;
            line.assign(content);
            return Status::Line;
        }
    }
}

int serve(HwDevice& device, ByteSource& in, ByteSink& out, const LogFn& log)
{
    LineReader reader(in);
    std::string line;
    for (;;) {
        std::string failure;
        std::optional<std::string> answer;
        switch (reader.next(line)) {
        case LineReader::Status::End:
            return 0; // "EOF on stdin ends the device"
        case LineReader::Status::TooLong:
            failure = "bad request: a line longer than " + std::to_string(kMaxLineBytes) + " bytes (skipped)";
            answer = encodeResponse({0, hresult::InvalidArg, {}});
            break;
        case LineReader::Status::Line:
            answer = answerLine(device, line, &failure);
            break;
        }
        if (!answer)
            continue;
        if (log && !failure.empty())
            log(failure);
        if (!out.write(*answer))
            return 1;
    }
}

} // namespace copp::device::hw::agent
