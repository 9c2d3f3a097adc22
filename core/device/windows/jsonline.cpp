#include "jsonline.h"

#include <cstdio>
#include <limits>

namespace copp::device::hw::json {

namespace {

// Length of the UTF-8 sequence at text[i] when valid, else 0.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    std::size_t n;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0; // continuation byte, overlong lead (C0/C1) or > F4
    }
    if (i + n > text.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (byte(i + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0; // overlong, out of range, or a surrogate
    return n;
}

void appendUtf8(std::string& out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | cp >> 6));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | cp >> 12));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | cp >> 18));
        out.push_back(static_cast<char>(0x80 | (cp >> 12 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp >> 6 & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// The exact integer value of a JSON number's parts, when it is one and fits.
std::optional<std::int64_t> exactInteger(bool negative, std::string_view intDigits, std::string_view fracDigits,
                                         bool expNegative, std::string_view expDigits)
{
    std::string digits;
    digits.reserve(intDigits.size() + fracDigits.size());
    digits.append(intDigits);
    digits.append(fracDigits);
    const std::size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos)
        return 0; // zero, whatever the exponent ("-0" too)
    digits.erase(0, first);
    // value = digits * 10^(exponent - fracDigits.size())
    std::int64_t exponent = 0;
    for (const char c : expDigits) {
        exponent = exponent * 10 + (c - '0');
        if (exponent > 100000)
            break; // far beyond any int64; avoids overflow of the exponent itself
    }
    if (expNegative)
        exponent = -exponent;
    exponent -= static_cast<std::int64_t>(fracDigits.size());
    while (!digits.empty() && digits.back() == '0') {
        digits.pop_back();
        ++exponent;
    }
    if (exponent < 0 || exponent > 19)
        return std::nullopt; // a fraction, or more than int64 can hold
    digits.append(static_cast<std::size_t>(exponent), '0');
    if (digits.size() > 19)
        return std::nullopt;
    std::uint64_t magnitude = 0;
    for (const char c : digits)
        magnitude = magnitude * 10 + static_cast<std::uint64_t>(c - '0'); // <= 19 digits: no overflow
    const std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (!negative)
        return magnitude <= limit ? std::optional<std::int64_t>(static_cast<std::int64_t>(magnitude)) : std::nullopt;
    if (magnitude > limit + 1)
        return std::nullopt;
    return magnitude == limit + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(magnitude);
}

class Parser {
public:
    explicit Parser(std::string_view text)
        : m_text(text)
    {
    }

    ParseResult run()
    {
        ParseResult result;
        if (!isValidUtf8(m_text)) {
            result.error = "not valid UTF-8";
            result.offset = firstInvalidUtf8();
            return result;
        }
        skipSpace();
        Value v;
        if (parseValue(v, 0)) {
            skipSpace();
            if (m_pos == m_text.size()) {
                result.value = std::move(v);
                return result;
            }
            fail("unexpected text after the JSON value");
        }
        result.error = m_error;
        result.offset = m_errorAt;
        return result;
    }

private:
    bool fail(const char* what)
    {
        if (m_error.empty()) {
            m_error = what;
            m_errorAt = m_pos;
        }
        return false;
    }

    std::size_t firstInvalidUtf8() const
    {
        for (std::size_t i = 0; i < m_text.size();) {
            const std::size_t n = utf8SequenceLength(m_text, i);
            if (n == 0)
                return i;
            i += n;
        }
        return m_text.size();
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return fail("invalid literal");
        m_pos += word.size();
        return true;
    }

    bool parseValue(Value& out, int depth)
    {
        if (atEnd())
            return fail("unexpected end of input");
        switch (peek()) {
        case '{': return parseObject(out, depth + 1);
        case '[': return parseArray(out, depth + 1);
        case '"':
            out.type = Value::Type::String;
            return parseString(out.text);
        case 't':
            out.type = Value::Type::Bool;
            out.boolean = true;
            return literal("true");
        case 'f':
            out.type = Value::Type::Bool;
            out.boolean = false;
            return literal("false");
        case 'n':
            out.type = Value::Type::Null;
            return literal("null");
        default:
            if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
                return parseNumber(out);
            return fail("unexpected character");
        }
    }

    bool parseObject(Value& out, int depth)
    {
        if (depth > kMaxDepth)
            return fail("nesting too deep");
        out.type = Value::Type::Object;
        ++m_pos; // '{'
        skipSpace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd() || peek() != '"')
                return fail("expected a string key");
            const std::size_t keyAt = m_pos;
            Member member;
            if (!parseString(member.key))
                return false;
            if (out.find(member.key)) {
                m_pos = keyAt;
                return fail("duplicate key");
            }
            skipSpace();
            if (atEnd() || peek() != ':')
                return fail("expected ':'");
            ++m_pos;
            skipSpace();
            if (!parseValue(member.value, depth))
                return false;
            out.object.push_back(std::move(member));
            skipSpace();
            if (atEnd())
                return fail("unterminated object");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool parseArray(Value& out, int depth)
    {
        if (depth > kMaxDepth)
            return fail("nesting too deep");
        out.type = Value::Type::Array;
        ++m_pos; // '['
        skipSpace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            Value element;
            if (!parseValue(element, depth))
                return false;
            out.array.push_back(std::move(element));
            skipSpace();
            if (atEnd())
                return fail("unterminated array");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool hex4(std::uint32_t& out)
    {
        if (m_pos + 4 > m_text.size())
            return fail("truncated \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            int v;
            if (c >= '0' && c <= '9')
                v = c - '0';
            else if (c >= 'a' && c <= 'f')
                v = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v = c - 'A' + 10;
            else
                return fail("invalid \\u escape");
            out = out << 4 | static_cast<std::uint32_t>(v);
        }
        return true;
    }

    bool parseString(std::string& out)
    {
        ++m_pos; // opening quote
        out.clear();
        for (;;) {
            if (atEnd())
                return fail("unterminated string");
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character in a string");
            if (c != '\\') {
                out.push_back(c); // valid UTF-8 was checked up front
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (atEnd())
                return fail("unterminated escape");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                std::uint32_t cp;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return fail("lone low surrogate");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low;
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return fail("lone high surrogate");
                    m_pos += 2;
                    if (!hex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("lone high surrogate");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, cp);
                break;
            }
            default:
                --m_pos;
                return fail("invalid escape");
            }
        }
    }

    std::string_view digitsFrom(std::size_t start)
    {
        std::size_t end = start;
        while (end < m_text.size() && m_text[end] >= '0' && m_text[end] <= '9')
            ++end;
        m_pos = end;
        return m_text.substr(start, end - start);
    }

    bool parseNumber(Value& out)
    {
        const std::size_t start = m_pos;
        const bool negative = peek() == '-';
        if (negative)
            ++m_pos;
        if (atEnd() || peek() < '0' || peek() > '9')
            return fail("invalid number");
        const std::string_view intDigits = digitsFrom(m_pos);
        if (intDigits.size() > 1 && intDigits[0] == '0') {
            m_pos = start;
            return fail("invalid number (leading zero)");
        }
        std::string_view fracDigits;
        if (!atEnd() && peek() == '.') {
            fracDigits = digitsFrom(m_pos + 1);
            if (fracDigits.empty())
                return fail("invalid number (no digits after '.')");
        }
        bool expNegative = false;
        std::string_view expDigits;
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                expNegative = peek() == '-';
                ++m_pos;
            }
            expDigits = digitsFrom(m_pos);
            if (expDigits.empty())
                return fail("invalid number (no exponent digits)");
        }
        out.type = Value::Type::Number;
        out.text = std::string(m_text.substr(start, m_pos - start));
        out.integer = exactInteger(negative, intDigits, fracDigits, expNegative, expDigits);
        return true;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string m_error;
    std::size_t m_errorAt = 0;
};

} // namespace

const Value* Value::find(std::string_view key) const
{
    for (const Member& m : object)
        if (m.key == key)
            return &m.value;
    return nullptr;
}

ParseResult parse(std::string_view text)
{
    return Parser(text).run();
}

bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8SequenceLength(text, i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

std::string quote(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back('"');
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t n = utf8SequenceLength(utf8, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD for each invalid byte
            ++i;
            continue;
        }
        if (n > 1) {
            out.append(utf8.substr(i, n));
            i += n;
            continue;
        }
        const char c = utf8[i++];
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                char escaped[7];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                out += escaped;
            } else {
                out.push_back(c);
            }
        }
    }
    out.push_back('"');
    return out;
}

void ObjectWriter::key(std::string_view name)
{
    if (!m_body.empty())
        m_body.push_back(',');
    m_body += quote(name);
    m_body.push_back(':');
}

ObjectWriter& ObjectWriter::string(std::string_view name, std::string_view value)
{
    key(name);
    m_body += quote(value);
    return *this;
}

ObjectWriter& ObjectWriter::integer(std::string_view name, std::int64_t value)
{
    key(name);
    m_body += std::to_string(value);
    return *this;
}

ObjectWriter& ObjectWriter::boolean(std::string_view name, bool value)
{
    key(name);
    m_body += value ? "true" : "false";
    return *this;
}

ObjectWriter& ObjectWriter::raw(std::string_view name, std::string_view json)
{
    key(name);
    m_body += json;
    return *this;
}

std::string ObjectWriter::finish() const
{
    return '{' + m_body + '}';
}

std::string arrayOf(const std::vector<std::string>& encodedValues)
{
    std::string out = "[";
    for (std::size_t i = 0; i < encodedValues.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        out += encodedValues[i];
    }
    out.push_back(']');
    return out;
}

} // namespace copp::device::hw::json
