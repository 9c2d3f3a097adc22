// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/x509bundle.h>

#include <openssl/crypto.h>

namespace copp::cert {

void releaseOpenSslThreadState()
{
    OPENSSL_thread_stop();
}

} // namespace copp::cert
