// SPDX-License-Identifier: BSD-3-Clause
#include <core/device/windows/win32/cominterfaces.h>

#include <cstring>

namespace copp::device::hw::win {

OpmGetVideoOutputsFromHmonitorFn opmGetVideoOutputsFromHmonitor(std::uint32_t* hresultIfMissing)
{
    // Resolved once; dxva2.dll stays loaded for the process (it is small and
    // the returned interfaces live in it).
    static const struct Resolved {
        OpmGetVideoOutputsFromHmonitorFn fn = nullptr;
        std::uint32_t hr = hresult::Ok;
        Resolved()
        {
            HMODULE dxva2 = LoadLibraryExW(L"dxva2.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32);
            if (!dxva2 && GetLastError() == ERROR_INVALID_PARAMETER) // LOAD_LIBRARY_SEARCH_* unsupported (old systems)
                dxva2 = LoadLibraryW(L"dxva2.dll");
            if (!dxva2) {
                hr = lastErrorHresult();
                return;
            }
            fn = reinterpret_cast<OpmGetVideoOutputsFromHmonitorFn>(
                reinterpret_cast<void*>(GetProcAddress(dxva2, "OPMGetVideoOutputsFromHMONITOR")));
            if (!fn)
                hr = lastErrorHresult();
        }
    } resolved;
    if (!resolved.fn && hresultIfMissing)
        *hresultIfMissing = resolved.hr;
    return resolved.fn;
}

CertificateReply takeCertificate(HRESULT hr, const void* random16, BYTE* certificate, std::size_t length,
                                 const char* call, const LogFn& log)
{
    CertificateReply reply;
    reply.hresult = u32(hr);
    if (SUCCEEDED(hr)) {
        std::memcpy(reply.random.data(), random16, reply.random.size());
        if (!certificate || length == 0 || length > kMaxCertificateBytes) {
            if (log)
                log(std::string(call) + " succeeded but returned " + (certificate ? "" : "no buffer and ")
                    + std::to_string(length) + " certificate bytes (limit " + std::to_string(kMaxCertificateBytes)
                    + "): answering ERROR_GRAPHICS_PVP_INVALID_CERTIFICATE_LENGTH");
            reply.hresult = hresult::PvpInvalidCertificateLength;
            reply.random = {};
        } else {
            reply.certificate.assign(certificate, certificate + length);
        }
    }
    if (certificate)
        CoTaskMemFree(certificate);
    return reply;
}

} // namespace copp::device::hw::win
