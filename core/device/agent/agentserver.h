// SPDX-License-Identifier: BSD-3-Clause
// The one device agent server: the protocol of docs/cli.md#the-device-agent-protocol (JSON lines)
// served from an HwDevice. No Qt and no Windows headers. coppscope-agent.exe
// (app/agent, mingw-w64) serves Windows hardware with it, and
// `coppscope-cli emulator --stdio` the driver emulator (coppdeviceserver.h), so
// both answer byte for byte alike. The Qt client is agentclient.h.
//
// - Request:  {"id": N, "method": "NAME", "params": {...}}
//   Response: {"id": N, "hresult": H, "result": {...}}, H an unsigned 32-bit
//   integer, "result": {} on failure;
// - copp.* and opm.* (the table of §2) and device.describe go to the device;
//   binary values are lowercase hex, the certificate is base64;
// - an unknown method answers 0x80004001 (E_NOTIMPL), and so does a call of the
//   other interface (opm.* to a device whose describe() says "copp", copp.* to
//   an "opm" one) whatever its params;
// - a known method with missing or badly sized params: E_INVALIDARG
//   (0x80070057) without calling the device; unknown params keys are ignored;
//   opm.configure's "additional" may be absent (no additional bytes);
// - a line that is not a valid request (not UTF-8 JSON, not an object, bad id,
//   empty method, params not an object): E_INVALIDARG, with the line's "id"
//   when it can still be read, otherwise id 0;
// - a line longer than kMaxLineBytes: skipped up to its '\n' without being
//   stored, answered with id 0 and E_INVALIDARG;
// - blank lines (only ASCII whitespace) are ignored; "\r\n" is accepted; a last
//   line without '\n' counts;
// - a device call that throws (out of memory) answers E_OUTOFMEMORY / E_FAIL:
//   the loop never dies on a call;
// - EOF on the input ends the loop (return 0); a failed write returns 1.
#pragma once

#include <core/device/agent/jsonline.h>
#include <core/device/windows/hwdevice.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace copp::device::hw::agent {

// The longest line accepted, excluding '\n' (the Qt client's agent::kMaxLineBytes).
inline constexpr std::size_t kMaxLineBytes = 1024 * 1024;

namespace method {
inline constexpr std::string_view Describe = "device.describe";
inline constexpr std::string_view KeyExchange = "copp.keyExchange";
inline constexpr std::string_view SessionSequenceStart = "copp.sessionSequenceStart";
inline constexpr std::string_view ProtectionCommand = "copp.protectionCommand";
inline constexpr std::string_view ProtectionStatus = "copp.protectionStatus";
inline constexpr std::string_view StartInitialization = "opm.startInitialization";
inline constexpr std::string_view FinishInitialization = "opm.finishInitialization";
inline constexpr std::string_view GetInformation = "opm.getInformation";
inline constexpr std::string_view CoppCompatibleGetInformation = "opm.coppCompatibleGetInformation";
inline constexpr std::string_view Configure = "opm.configure";
} // namespace method

struct Request {
    std::int64_t id = 0; // >= 0
    std::string method;
    json::Value params = json::Value::object(); // always an object ({} when absent)
};

struct DecodedRequest {
    std::optional<Request> request;
    std::optional<std::int64_t> id; // when the line is bad but its id could be read
    std::string error;
};

// `line` may end with '\n' / "\r\n".
DecodedRequest decodeRequest(std::string_view line);

// Result members are strings (hex, base64, names) in every response of §2.
using StringFields = std::vector<std::pair<std::string, std::string>>;

struct Response {
    std::int64_t id = 0;
    std::uint32_t hresult = 0;
    StringFields result; // written as {} when empty, and always {} on failure
};

// One compact JSON object and '\n'.
std::string encodeResponse(const Response& response);
std::string encodeRequest(std::int64_t id, std::string_view method, const StringFields& params = {});

// One request to its response; `failure` receives a reason when not S_OK.
Response dispatch(HwDevice& device, const Request& request, std::string* failure = nullptr);

// One received line to the line to write back; nullopt for a blank line.
std::optional<std::string> answerLine(HwDevice& device, std::string_view line, std::string* failure = nullptr);

// Where the loop reads bytes: returns how many were read into buf (up to
// size), 0 at end of input. Blocking; a pipe returns what has arrived.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(char* buf, std::size_t size) = 0;
};

// Where the loop writes each answer (unbuffered or flushed per call): false
// when the bytes could not be written.
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual bool write(std::string_view bytes) = 0;
};

// Splits a byte stream into lines of at most kMaxLineBytes, memory bounded.
class LineReader {
public:
    explicit LineReader(ByteSource& source, std::size_t maxLineBytes = kMaxLineBytes);

    enum class Status { Line, TooLong, End };
    // The next line (without '\n'; a final line without '\n' counts), or
    // TooLong for a line that was skipped, or End.
    Status next(std::string& line);

private:
    bool fill();
    ByteSource& m_source;
    std::size_t m_max;
    std::vector<char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
};

// The blocking loop: reads requests, answers each on `out`. `log` (optional)
// gets why each failed call failed, one line each, for the caller to prefix and
// send to stderr ("stderr is free for logs").
int serve(HwDevice& device, ByteSource& in, ByteSink& out, const LogFn& log = {});

} // namespace copp::device::hw::agent
