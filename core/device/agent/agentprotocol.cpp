// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/agentprotocol.h>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

namespace copp::device::agent {

namespace {

const QLatin1String kId("id");
const QLatin1String kMethod("method");
const QLatin1String kParams("params");
const QLatin1String kHresult("hresult");
const QLatin1String kResult("result");

std::string str(QLatin1String s)
{
    return std::string(s.data(), static_cast<std::size_t>(s.size()));
}

std::string quoted(QLatin1String name)
{
    return '"' + str(name) + '"';
}

std::string typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "the number " + QString::number(v.toDouble(), 'g', 17).toStdString();
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    case QJsonValue::Undefined: return "nothing";
    }
    return "an unknown value";
}

Error malformed(std::string detail)
{
    return makeError(Error::Code::Malformed, std::move(detail));
}

// The line without its '\n' / "\r\n", and the length cap.
Result<QJsonObject> parseObject(QByteArrayView line, const char* what)
{
    while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
        line.chop(1);
    if (line.size() > kMaxLineBytes)
        return makeError(Error::Code::TooLarge, std::string(what) + " line of " + std::to_string(line.size())
                                                    + " bytes exceeds the limit of " + std::to_string(kMaxLineBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(std::string(what) + " line is not JSON: " + error.errorString().toStdString() + " at offset "
                         + std::to_string(error.offset));
    if (!doc.isObject())
        return malformed(std::string(what) + " line is not a JSON object");
    return doc.object();
}

// "id is a non-negative integer"; "hresult ... an unsigned 32-bit integer".
std::optional<qint64> nonNegativeInteger(const QJsonValue& v)
{
    if (!v.isDouble())
        return std::nullopt;
    const qint64 n = v.toInteger(-1); // -1 for fractions and out-of-range doubles
    if (n < 0)
        return std::nullopt;
    return n;
}

Result<qint64> readId(const QJsonObject& object)
{
    const QJsonValue v = object.value(kId);
    if (auto id = nonNegativeInteger(v))
        return *id;
    return malformed("\"id\" must be a non-negative integer, got " + typeName(v));
}

// "params" / "result": absent reads as {}.
Result<QJsonObject> readObject(const QJsonObject& object, QLatin1String name)
{
    const QJsonValue v = object.value(name);
    if (v.isUndefined())
        return QJsonObject();
    if (!v.isObject())
        return malformed(quoted(name) + " must be an object, got " + typeName(v));
    return v.toObject();
}

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

Result<QString> stringField(const QJsonObject& object, QLatin1String name)
{
    const QJsonValue v = object.value(name);
    if (!v.isString())
        return malformed(v.isUndefined() ? "missing " + quoted(name)
                                         : quoted(name) + " must be a string, got " + typeName(v));
    return v.toString();
}

QByteArray line(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

QByteArray encodeRequest(const Request& request)
{
    QJsonObject o;
    o.insert(kId, QJsonValue(request.id));
    o.insert(kMethod, request.method);
    o.insert(kParams, request.params);
    return line(o);
}

QByteArray encodeResponse(const Response& response)
{
    QJsonObject o;
    o.insert(kId, QJsonValue(response.id));
    o.insert(kHresult, QJsonValue(static_cast<qint64>(response.hresult))); // never negative
    o.insert(kResult, response.result);
    return line(o);
}

Result<Request> decodeRequest(QByteArrayView text)
{
    auto object = parseObject(text, "request");
    if (!object)
        return object.error();
    auto id = readId(*object);
    if (!id)
        return id.error();
    const QJsonValue m = object->value(kMethod);
    if (!m.isString() || m.toString().isEmpty())
        return malformed("\"method\" must be a non-empty string, got " + typeName(m));
    auto params = readObject(*object, kParams);
    if (!params)
        return params.error();
    return Request{*id, m.toString(), *params};
}

Result<Response> decodeResponse(QByteArrayView text)
{
    auto object = parseObject(text, "response");
    if (!object)
        return object.error();
    auto id = readId(*object);
    if (!id)
        return id.error();
    const QJsonValue h = object->value(kHresult);
    const auto hresult = nonNegativeInteger(h);
    if (!hresult || *hresult > 0xFFFFFFFFll)
        return malformed("\"hresult\" must be an unsigned 32-bit integer, got " + typeName(h));
    Response response{*id, static_cast<std::uint32_t>(*hresult), {}};
    if (response.succeeded()) { // "result is {} or absent on failure": only read on success
        auto result = readObject(*object, kResult);
        if (!result)
            return result.error();
        response.result = *result;
    }
    return response;
}

std::optional<qint64> recoverRequestId(QByteArrayView text)
{
    auto object = parseObject(text, "request");
    if (!object)
        return std::nullopt;
    auto id = readId(*object);
    return id ? std::optional<qint64>(*id) : std::nullopt;
}

QString toHexString(ByteView bytes)
{
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())).toHex());
}

QString toBase64String(ByteView bytes)
{
    return QString::fromLatin1(
        QByteArray::fromRawData(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size())).toBase64());
}

Result<Bytes> hexField(const QJsonObject& object, QLatin1String name, std::optional<std::size_t> expectedSize)
{
    auto text = stringField(object, name);
    if (!text)
        return text.error();
    const auto digits = static_cast<std::size_t>(text->size());
    if (expectedSize && digits != 2 * *expectedSize)
        return malformed(quoted(name) + " must be " + std::to_string(*expectedSize) + " bytes ("
                         + std::to_string(2 * *expectedSize) + " hex digits), got " + std::to_string(digits)
                         + " characters");
    if (digits % 2 != 0)
        return malformed(quoted(name) + " has an odd number of hex digits (" + std::to_string(digits) + ")");
    Bytes out(digits / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hexDigit(text->at(static_cast<qsizetype>(2 * i)).unicode());
        const int lo = hexDigit(text->at(static_cast<qsizetype>(2 * i + 1)).unicode());
        if (hi < 0 || lo < 0)
            return malformed(quoted(name) + " is not hex: invalid character at position "
                             + std::to_string(hi < 0 ? 2 * i : 2 * i + 1));
        out[i] = static_cast<std::uint8_t>(hi << 4 | lo);
    }
    return out;
}

Result<Bytes> base64Field(const QJsonObject& object, QLatin1String name)
{
    auto text = stringField(object, name);
    if (!text)
        return text.error();
    // Non-Latin-1 characters become '?', which is not base64 either.
    const auto decoded = QByteArray::fromBase64Encoding(
        text->toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return malformed(quoted(name) + " is not valid base64");
    return Bytes(decoded.decoded.begin(), decoded.decoded.end());
}

} // namespace copp::device::agent
