// SPDX-License-Identifier: BSD-3-Clause
// The two COM interfaces the backend drives, declared with the project's own
// structures (core/kernel/wire/layouts.h) instead of the toolchain's: the vtable
// order and the parameters are those of strmif.h IAMCertifiedOutputProtection
// and opmapi.h IOPMVideoOutput; the IIDs come from the one GUID table
// (core/kernel/wire/guids.h, docs/protocol.md §4.1). OPMGetVideoOutputsFromHMONITOR is looked up
// in dxva2.dll at run time (absent before Vista), so the agent starts anywhere.
#pragma once

#include <core/device/windows/win32/comsupport.h>
#include <core/kernel/wire/guids.h>
#include <core/kernel/wire/layouts.h>

#include <unknwn.h>

namespace copp::device::hw::win {

static_assert(sizeof(GUID) == 16);

// A Windows GUID from its 16 bytes in memory order (Data1/2/3 little-endian).
constexpr GUID toGuid(const wire::Guid16& b)
{
    return GUID{static_cast<decltype(GUID::Data1)>(b[0] | b[1] << 8 | b[2] << 16 | static_cast<std::uint32_t>(b[3]) << 24),
                static_cast<unsigned short>(b[4] | b[5] << 8), static_cast<unsigned short>(b[6] | b[7] << 8),
                {b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]}};
}

inline constexpr GUID kIID_IAMCertifiedOutputProtection = toGuid(wire::guid::IID_IAMCertifiedOutputProtection);
inline constexpr GUID kIID_IOPMVideoOutput = toGuid(wire::guid::IID_IOPMVideoOutput);
inline constexpr GUID kCLSID_EnhancedVideoRenderer = toGuid(wire::guid::CLSID_EnhancedVideoRenderer);

// COM interfaces have no virtual destructor (Release() destroys); the warning
// does not apply to them.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
#endif

// strmif.h IAMCertifiedOutputProtection (IID 6feded3e-0ff1-4901-a2f1-43f7012c8515).
struct ICertifiedOutputProtection : public IUnknown {
    // The certificate is CoTaskMemAlloc'ed; the caller CoTaskMemFree's it.
    virtual HRESULT STDMETHODCALLTYPE KeyExchange(GUID* pRandom, BYTE** VarLenCertGH, DWORD* pdwLengthCertGH) = 0;
    virtual HRESULT STDMETHODCALLTYPE SessionSequenceStart(wire::CoppSignature* pSig) = 0;
    virtual HRESULT STDMETHODCALLTYPE ProtectionCommand(const wire::CoppCommand* cmd) = 0;
    virtual HRESULT STDMETHODCALLTYPE ProtectionStatus(const wire::CoppStatusInput* pStatusInput,
                                                       wire::CoppStatusOutput* pStatusOutput) = 0;
};

// opmapi.h IOPMVideoOutput (IID 0a15159d-41c7-4456-93e1-284cd61d4e8d).
struct IOpmVideoOutput : public IUnknown {
    // The certificate is CoTaskMemAlloc'ed; the caller CoTaskMemFree's it.
    virtual HRESULT STDMETHODCALLTYPE StartInitialization(wire::OpmRandomNumber* prnRandomNumber, BYTE** ppbCertificate,
                                                          ULONG* pulCertificateLength) = 0;
    virtual HRESULT STDMETHODCALLTYPE FinishInitialization(const wire::OpmEncryptedInitializationParameters* pParameters) = 0;
    virtual HRESULT STDMETHODCALLTYPE GetInformation(const wire::OpmGetInfoParameters* pParameters,
                                                     wire::OpmRequestedInformation* pRequestedInformation) = 0;
    virtual HRESULT STDMETHODCALLTYPE COPPCompatibleGetInformation(const wire::OpmCoppCompatibleGetInfoParameters* pParameters,
                                                                   wire::OpmRequestedInformation* pRequestedInformation) = 0;
    virtual HRESULT STDMETHODCALLTYPE Configure(const wire::OpmConfigureParameters* pParameters,
                                                ULONG ulAdditionalParametersSize, const BYTE* pbAdditionalParameters) = 0;
};

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

// dxva2.dll OPMGetVideoOutputsFromHMONITOR(hMonitor, vos, &count, &array):
// the array is CoTaskMemAlloc'ed; each pointer is Release'd by the caller.
using OpmGetVideoOutputsFromHmonitorFn = HRESULT(WINAPI*)(HMONITOR hMonitor, int vos, ULONG* pulNumVideoOutputs,
                                                         IOpmVideoOutput*** pppOPMVideoOutputArray);

// The function, or nullptr with the reason's HRESULT (dxva2.dll or the export
// missing: HRESULT_FROM_WIN32 of the loader's error). Loaded once per process.
OpmGetVideoOutputsFromHmonitorFn opmGetVideoOutputsFromHmonitor(std::uint32_t* hresultIfMissing);

// The reply of KeyExchange / StartInitialization: copies the random and the
// certificate, and CoTaskMemFree's the certificate in every case. A call that
// succeeded with no certificate, or one above kMaxCertificateBytes, answers
// ERROR_GRAPHICS_PVP_INVALID_CERTIFICATE_LENGTH (logged).
CertificateReply takeCertificate(HRESULT hr, const void* random16, BYTE* certificate, std::size_t length,
                                 const char* call, const LogFn& log);

} // namespace copp::device::hw::win
