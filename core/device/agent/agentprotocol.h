// SPDX-License-Identifier: BSD-3-Clause
// The device agent protocol (docs/cli.md#the-device-agent-protocol): JSON lines over a pipe.
//   Request:  {"id": N, "method": "NAME", "params": {...}}
//   Response: {"id": N, "hresult": H, "result": {...}}
// Encoding and strict decoding of single lines; no I/O here. Qt Core only.
//
// Decoding rules (the contract's words, read strictly):
// - a line is one UTF-8 JSON object; at most kMaxLineBytes bytes before its '\n'
//   (longer: Error::Code::TooLarge, so a peer can never make us buffer without bound);
// - "id" is a non-negative integer ("1.0" is the same number and accepted;
//   fractions, negatives, strings, booleans are Malformed);
// - "hresult" "is always an unsigned 32-bit integer in JSON (never negative,
//   never a string)": an integer in [0, 2^32);
// - "params" / "result" may be absent (read as {}), otherwise must be objects;
//   "result is {} or absent on failure", so a failed response's result is ignored;
// - unknown keys are ignored (forward compatibility).
#pragma once

#include <core/kernel/bytes.h>
#include <core/kernel/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace copp::device::agent {

// The longest line either side accepts, excluding the '\n'. The largest real
// message is a 4112-byte hex parameter block or a base64 chain of a few KiB.
inline constexpr qsizetype kMaxLineBytes = 1024 * 1024;

// Method names (docs/cli.md#the-device-agent-protocol table).
namespace method {
inline constexpr QLatin1String KeyExchange{"copp.keyExchange"};
inline constexpr QLatin1String SessionSequenceStart{"copp.sessionSequenceStart"};
inline constexpr QLatin1String ProtectionCommand{"copp.protectionCommand"};
inline constexpr QLatin1String ProtectionStatus{"copp.protectionStatus"};
inline constexpr QLatin1String Describe{"device.describe"};
inline constexpr QLatin1String OpmStartInitialization{"opm.startInitialization"};
inline constexpr QLatin1String OpmFinishInitialization{"opm.finishInitialization"};
inline constexpr QLatin1String OpmGetInformation{"opm.getInformation"};
inline constexpr QLatin1String OpmCoppCompatibleGetInformation{"opm.coppCompatibleGetInformation"};
inline constexpr QLatin1String OpmConfigure{"opm.configure"};
} // namespace method

struct Request {
    qint64 id = 0; // >= 0
    QString method;
    QJsonObject params;
};

struct Response {
    qint64 id = 0; // >= 0
    std::uint32_t hresult = 0;
    QJsonObject result; // written as {} when empty

    bool succeeded() const { return hresult == 0; }
};

// One compact JSON object followed by '\n'.
QByteArray encodeRequest(const Request& request);
QByteArray encodeResponse(const Response& response);

// `line` may carry its trailing '\n' (and '\r'); JSON whitespace is ignored.
Result<Request> decodeRequest(QByteArrayView line);
Result<Response> decodeResponse(QByteArrayView line);

// "id" of a line that failed decodeRequest, when it can still be read (the line
// is a JSON object whose "id" is valid): lets a server answer the right call.
std::optional<qint64> recoverRequestId(QByteArrayView line);

// --- Field values --------------------------------------------------------
// "Binary values are lowercase hex strings unless said otherwise." Decoding
// accepts either case but nothing else: no spaces, no 0x, even length.
QString toHexString(ByteView bytes);
QString toBase64String(ByteView bytes);

// The string field `name` of `object` as bytes. expectedSize: exact byte count
// required (nullopt: any length). Errors name the field and what was wrong.
Result<Bytes> hexField(const QJsonObject& object, QLatin1String name, std::optional<std::size_t> expectedSize);
// Standard base64 (the final "=" padding may be omitted); any other character,
// whitespace included, or misplaced padding fails.
Result<Bytes> base64Field(const QJsonObject& object, QLatin1String name);

template <std::size_t N>
Result<std::array<std::uint8_t, N>> fixedHexField(const QJsonObject& object, QLatin1String name)
{
    auto bytes = hexField(object, name, N);
    if (!bytes)
        return bytes.error();
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return out;
}

} // namespace copp::device::agent
