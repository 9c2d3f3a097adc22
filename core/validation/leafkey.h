// SPDX-License-Identifier: BSD-3-Clause
// The driver's public key: the leaf certificate's Data/PublicKey (docs/protocol.md
// §7.1 "Key import": big-endian modulus and exponent from the XML).
#pragma once

#include <core/validation/validationreport.h>

#include <core/kernel/crypto/rsa.h>
#include <core/kernel/result.h>

namespace copp::validation {

Result<crypto::RsaPublicKey> leafPublicKey(const cert::XmlDocument& chain);

} // namespace copp::validation
