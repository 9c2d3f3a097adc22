// The two COM interfaces the backend drives, declared with the project's own
// structures (wirestructs.h) instead of the toolchain's: the vtable order and
// the parameters are those of strmif.h IAMCertifiedOutputProtection and
// opmapi.h IOPMVideoOutput; the IIDs are checked at compile time against the
// wire table of protocol.md §4.1. OPMGetVideoOutputsFromHMONITOR is looked up
// in dxva2.dll at run time (absent before Vista), so the agent starts anywhere.
#pragma once

#include <core/device/windows/win32/comsupport.h>
#include <core/device/windows/wirestructs.h>

#include <unknwn.h>

namespace copp::device::hw::win {

constexpr wire::Guid16 bytesOf(const GUID& g)
{
    return wire::guidBytes(static_cast<std::uint32_t>(g.Data1), g.Data2, g.Data3,
                           {g.Data4[0], g.Data4[1], g.Data4[2], g.Data4[3], g.Data4[4], g.Data4[5], g.Data4[6], g.Data4[7]});
}

inline constexpr GUID kIID_IAMCertifiedOutputProtection{
    0x6feded3e, 0x0ff1, 0x4901, {0xa2, 0xf1, 0x43, 0xf7, 0x01, 0x2c, 0x85, 0x15}};
inline constexpr GUID kIID_IOPMVideoOutput{0x0a15159d, 0x41c7, 0x4456, {0x93, 0xe1, 0x28, 0x4c, 0xd6, 0x1d, 0x4e, 0x8d}};
inline constexpr GUID kCLSID_EnhancedVideoRenderer{
    0xfa10746c, 0x9b63, 0x4b6c, {0xbc, 0x49, 0xfc, 0x30, 0x0e, 0xa5, 0xf2, 0x56}};
static_assert(bytesOf(kIID_IAMCertifiedOutputProtection) == wire::guid::IID_IAMCertifiedOutputProtection);
static_assert(bytesOf(kIID_IOPMVideoOutput) == wire::guid::IID_IOPMVideoOutput);
static_assert(bytesOf(kCLSID_EnhancedVideoRenderer) == wire::guid::CLSID_EnhancedVideoRenderer);
static_assert(sizeof(GUID) == 16);

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
