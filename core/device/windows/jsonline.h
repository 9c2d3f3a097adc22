// A small, strict JSON reader and writer for the device agent's lines
// (cli-contract.md §2). No Qt, no third-party JSON: the Windows agent is plain
// C++ and every byte it reads comes from a pipe (possibly over ssh), so the
// reader is written for hostile input:
// - the whole RFC 8259 grammar is accepted (objects, arrays, strings, numbers,
//   true/false/null), so unknown keys with any value can be ignored;
// - input must be valid UTF-8; strings may not hold raw control characters;
//   escapes (\uXXXX with surrogate pairs) are decoded to UTF-8 and lone
//   surrogates are rejected;
// - nesting is capped (kMaxDepth) so the recursion is bounded; the caller caps
//   the line length; a duplicate key in one object is an error (no "last one
//   wins" ambiguity between implementations);
// - a number keeps its text; integer() is set only when its value is an exact
//   integer that fits in int64 ("1.0" and "1e2" are integers, as for the Qt
//   side; "1.5" is not).
// Errors are values (a message and a byte offset), never exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copp::device::hw::json {

inline constexpr int kMaxDepth = 32;

struct Member;

struct Value {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    std::string text;                   // String: decoded UTF-8; Number: its JSON text
    std::optional<std::int64_t> integer; // Number: the exact integer value, when it is one
    std::vector<Value> array;
    std::vector<Member> object; // in input order, keys unique

    bool isObject() const { return type == Type::Object; }
    bool isString() const { return type == Type::String; }
    // The member named `key` of an object, or nullptr.
    const Value* find(std::string_view key) const;
};

struct Member {
    std::string key;
    Value value;
};

struct ParseResult {
    std::optional<Value> value;
    std::string error;     // when !value
    std::size_t offset = 0; // byte offset of the error
};

// One JSON text; whitespace around it is allowed, anything else after it is not.
ParseResult parse(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool isValidUtf8(std::string_view text);

// A JSON string literal with quotes. Invalid UTF-8 is replaced by U+FFFD, so the
// output is always valid JSON in UTF-8; control characters are escaped.
std::string quote(std::string_view utf8);

// Builds one compact object: {"a":"x","n":1,"o":{...}}.
class ObjectWriter {
public:
    ObjectWriter& string(std::string_view key, std::string_view value);
    ObjectWriter& integer(std::string_view key, std::int64_t value);
    ObjectWriter& boolean(std::string_view key, bool value);
    ObjectWriter& raw(std::string_view key, std::string_view json); // an already encoded value
    std::string finish() const; // the object text (no newline)

private:
    void key(std::string_view key);
    std::string m_body;
};

// "[a,b,c]" from already encoded values.
std::string arrayOf(const std::vector<std::string>& encodedValues);

} // namespace copp::device::hw::json
