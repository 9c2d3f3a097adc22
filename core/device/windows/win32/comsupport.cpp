// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/win32/comsupport.h>

namespace copp::device::hw::win {

ComApartment::ComApartment()
    : m_hr(CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED))
    , m_usable(SUCCEEDED(m_hr) || m_hr == RPC_E_CHANGED_MODE)
    , m_mustUninitialize(SUCCEEDED(m_hr)) // S_OK and S_FALSE both need a CoUninitialize
{
}

ComApartment::~ComApartment()
{
    if (m_mustUninitialize)
        CoUninitialize();
}

std::string toUtf8(std::wstring_view text)
{
    if (text.empty())
        return {};
    const int n = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0, nullptr, nullptr);
    if (n <= 0)
        return {};
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n, nullptr, nullptr);
    return out;
}

std::wstring fromUtf8(std::string_view text)
{
    if (text.empty())
        return {};
    const int n = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0);
    if (n <= 0)
        return {};
    std::wstring out(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), n);
    return out;
}

std::uint32_t lastErrorHresult()
{
    const DWORD error = GetLastError();
    return error == 0 ? hresult::Fail : u32(HRESULT_FROM_WIN32(error));
}

} // namespace copp::device::hw::win
