// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/agent/jsonline.h>

#include <cmath>
#include <limits>
#include <set>
#include <vector>

namespace copp::device::hw::json {

namespace {

// nlohmann's DOM builder behind two checks of our own: the nesting depth and
// duplicate keys (nlohmann would keep the last one). Returning false from an
// event ends the parse there.
class StrictSax {
public:
    explicit StrictSax(Value& root) : m_dom(root, false) {}

    bool null() { return m_dom.null(); }
    bool boolean(bool v) { return m_dom.boolean(v); }
    bool number_integer(Value::number_integer_t v) { return m_dom.number_integer(v); }
    bool number_unsigned(Value::number_unsigned_t v) { return m_dom.number_unsigned(v); }
    bool number_float(Value::number_float_t v, const Value::string_t& text) { return m_dom.number_float(v, text); }
    bool string(Value::string_t& v) { return m_dom.string(v); }
    bool binary(Value::binary_t& v) { return m_dom.binary(v); }

    bool start_object(std::size_t size)
    {
        if (!enter())
            return false;
        m_keys.emplace_back();
        return m_dom.start_object(size);
    }
    bool key(Value::string_t& name)
    {
        if (!m_keys.back().insert(name).second)
            return fail("duplicate key " + dump(Value(name)));
        return m_dom.key(name);
    }
    bool end_object()
    {
        m_keys.pop_back();
        --m_depth;
        return m_dom.end_object();
    }
    bool start_array(std::size_t size) { return enter() && m_dom.start_array(size); }
    bool end_array()
    {
        --m_depth;
        return m_dom.end_array();
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e)
    {
        // "[json.exception.parse_error.101] parse error at line 1, column 3: ..." without the tag.
        // Without nlohmann's "last read: '...'", which quotes raw input (up to a whole line).
        std::string what = e.what();
        if (const auto tag = what.find("] "); what.rfind("[json.exception.", 0) == 0 && tag != std::string::npos)
            what.erase(0, tag + 2);
        if (const auto lastRead = what.find("; last read: '"); lastRead != std::string::npos) {
            const auto expected = what.rfind("'; expected ");
            what.erase(lastRead, expected != std::string::npos && expected > lastRead ? expected + 1 - lastRead : std::string::npos);
        }
        constexpr std::size_t kMaxMessage = 200; // "number overflow parsing '...'" quotes the number
        if (what.size() > kMaxMessage)
            what = what.substr(0, kMaxMessage) + "...";
        return fail(std::move(what));
    }

    const std::string& error() const { return m_error; }

private:
    bool enter() { return ++m_depth <= kMaxDepth || fail("nesting too deep"); }
    bool fail(std::string why)
    {
        m_error = std::move(why);
        return false;
    }

    nlohmann::detail::json_sax_dom_parser<Value> m_dom;
    std::vector<std::set<std::string, std::less<>>> m_keys; // of each open object
    int m_depth = 0;
    std::string m_error;
};

} // namespace

ParseResult parse(std::string_view text)
{
    ParseResult out;
    // nlohmann reads a NUL byte as the end of the input; JSON has no place for one.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        out.error = "a NUL byte at offset " + std::to_string(nul);
        return out;
    }
    Value root;
    StrictSax sax(root);
    if (Value::sax_parse(text.begin(), text.end(), &sax, nlohmann::json::input_format_t::json, true))
        out.value = std::move(root);
    else
        out.error = sax.error().empty() ? "not JSON" : sax.error();
    return out;
}

std::optional<std::int64_t> exactInteger(const Value& value)
{
    if (value.is_number_integer() && !value.is_number_unsigned())
        return value.get<std::int64_t>();
    if (value.is_number_unsigned()) {
        const auto v = value.get<std::uint64_t>();
        if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(v);
    }
    if (!value.is_number_float())
        return std::nullopt;
    const double v = value.get<double>();
    constexpr double kTwoTo63 = 9223372036854775808.0;
    if (!std::isfinite(v) || std::trunc(v) != v || v < -kTwoTo63 || v >= kTwoTo63)
        return std::nullopt;
    return static_cast<std::int64_t>(v);
}

std::string dump(const Value& value)
{
    return value.dump(-1, ' ', false, Value::error_handler_t::replace);
}

} // namespace copp::device::hw::json
