// SPDX-License-Identifier: BSD-3-Clause
// The device agent's JSON (docs/cli.md#the-device-agent-protocol) on nlohmann/json (header-only;
// Debian nlohmann-json3-dev, vcpkg port nlohmann-json). Every byte the agent
// reads comes from a pipe (possibly over ssh), so lines are read strictly:
// - the RFC 8259 grammar, so unknown keys with any value can be ignored;
// - nlohmann's lexer refuses invalid UTF-8, lone surrogates in \u escapes and
//   raw control characters in strings;
// - nesting is capped (kMaxDepth); a duplicate key in one object is an error
//   (no "last one wins" ambiguity between implementations); the caller caps the
//   line length;
// - a number's integer value is exactInteger(): "1.0" and "1e2" are integers,
//   as for the Qt side; "1.5" is not.
// Errors are values, never exceptions.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copp::device::hw::json {

// nlohmann::json keeps object keys sorted, as QJsonObject does: an answer's
// bytes do not depend on which side wrote it.
using Value = nlohmann::json;

inline constexpr int kMaxDepth = 32;

struct ParseResult {
    std::optional<Value> value;
    std::string error; // when !value
};

// One JSON text; whitespace around it is allowed, anything else after it is not.
ParseResult parse(std::string_view text);

// The exact integer a number holds, when it is one that fits in int64;
// nullopt for fractions, out-of-range numbers and non-numbers.
std::optional<std::int64_t> exactInteger(const Value& value);

// One compact line of JSON (no newline). Invalid UTF-8 in a string is written
// as U+FFFD, so the output is always valid JSON.
std::string dump(const Value& value);

} // namespace copp::device::hw::json
