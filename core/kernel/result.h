// SPDX-License-Identifier: BSD-3-Clause
// Result<T>: a value or a structured Error. Operational failures (I/O, crypto
// library errors, device HRESULTs) travel as data; nothing throws across layers.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace copp {

struct Error {
    enum class Code {
        Io,          // file or pipe could not be read/written
        TooLarge,    // input exceeds a documented limit
        Malformed,   // input does not parse
        Crypto,      // key or signature unusable for the primitive
        Usage,       // caller passed arguments that make no sense
        Device,      // a device call failed (see hresult)
        Timeout,     // a device missed its deadline
    };
    Code code = Code::Malformed;
    std::uint32_t hresult = 0;
    std::string detail;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}
    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error makeError(Error::Code code, std::string detail, std::uint32_t hresult = 0)
{
    return Error{code, hresult, std::move(detail)};
}

} // namespace copp
