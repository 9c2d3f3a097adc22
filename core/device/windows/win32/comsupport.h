// SPDX-License-Identifier: BSD-3-Clause
// Small COM helpers for the Win32 backend (Windows only): an owning interface
// pointer, the thread's COM apartment, UTF-16 <-> UTF-8.
#pragma once

#ifndef _WIN32
#error "core/device/windows/win32 is Windows-only"
#endif

#include <core/device/windows/hwdevice.h>

#include <objbase.h>
#include <windows.h>

#include <string>
#include <string_view>
#include <utility>

namespace copp::device::hw::win {

// Owns one reference. No implicit conversions; get()/put() for COM calls.
template <class T>
class ComPtr {
public:
    ComPtr() = default;
    ~ComPtr() { reset(); }
    ComPtr(const ComPtr&) = delete;
    ComPtr& operator=(const ComPtr&) = delete;
    ComPtr(ComPtr&& other) noexcept : m_p(std::exchange(other.m_p, nullptr)) {}
    ComPtr& operator=(ComPtr&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_p = std::exchange(other.m_p, nullptr);
        }
        return *this;
    }

    // Takes ownership of a pointer that already carries a reference.
    static ComPtr adopt(T* p)
    {
        ComPtr c;
        c.m_p = p;
        return c;
    }

    T* get() const { return m_p; }
    T* operator->() const { return m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    // For out-parameters: releases the current pointer first.
    T** put()
    {
        reset();
        return &m_p;
    }
    void** putVoid() { return reinterpret_cast<void**>(put()); }
    void reset()
    {
        if (m_p)
            std::exchange(m_p, nullptr)->Release();
    }

private:
    T* m_p = nullptr;
};

// CoInitializeEx on this thread for the object's lifetime (balanced), in a
// single-threaded apartment as DirectShow's renderers want. A thread already
// in another apartment keeps it (RPC_E_CHANGED_MODE): COM is usable, nothing
// to undo.
class ComApartment {
public:
    ComApartment();
    ~ComApartment();
    ComApartment(const ComApartment&) = delete;
    ComApartment& operator=(const ComApartment&) = delete;

    // S_OK / S_FALSE / RPC_E_CHANGED_MODE count as usable.
    bool usable() const { return m_usable; }
    std::uint32_t hresult() const { return static_cast<std::uint32_t>(m_hr); }

private:
    HRESULT m_hr;
    bool m_usable;
    bool m_mustUninitialize;
};

std::string toUtf8(std::wstring_view text);
std::wstring fromUtf8(std::string_view text);

inline std::uint32_t u32(HRESULT hr)
{
    return static_cast<std::uint32_t>(hr);
}

// HRESULT_FROM_WIN32 of GetLastError(), E_FAIL when it says 0.
std::uint32_t lastErrorHresult();

} // namespace copp::device::hw::win
