// SPDX-License-Identifier: BSD-3-Clause
// Owners for OpenSSL objects and its error queue, shared by the X.509 reader
// and the OPM test PKI. Only .cpp files of copp_core include this: OpenSSL is
// linked privately, so its headers stay out of the public ones.
#pragma once

#include <openssl/err.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace copp::cert::openssl {

// Every OpenSSL object is owned by one of these.
template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* p) const { Free(p); }
};
template <typename T, auto Free>
using Owner = std::unique_ptr<T, Deleter<Free>>;

using X509Ptr = Owner<X509, X509_free>;
using Pkcs7Ptr = Owner<PKCS7, PKCS7_free>;
using PkeyPtr = Owner<EVP_PKEY, EVP_PKEY_free>;
using BasicConstraintsPtr = Owner<BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free>;

// OpenSSL reports through a per-thread queue; nothing we call may leave
// entries behind for unrelated code to find.
struct ErrorQueueGuard {
    ErrorQueueGuard() { ERR_clear_error(); }
    ~ErrorQueueGuard() { ERR_clear_error(); }
    ErrorQueueGuard(const ErrorQueueGuard&) = delete;
    ErrorQueueGuard& operator=(const ErrorQueueGuard&) = delete;
};

} // namespace copp::cert::openssl
