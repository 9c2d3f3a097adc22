// SPDX-License-Identifier: BSD-3-Clause
// The OPM session start in OPM semantics (docs/protocol.md §7.4): the 40-byte secret
// S of §2 carried to the driver in OPM_ENCRYPTED_INITIALIZATION_PARAMETERS.
// (COPP semantics through OPM uses the §7.1 recipe: sessionstart.h.)
#pragma once

#include <core/kernel/crypto/random.h>
#include <core/kernel/crypto/rsa.h>
#include <core/kernel/protocol/sessionstart.h>

namespace copp::protocol {

// Application side, §7.4 steps 3-5: S = R_drv | K | statusSeq(le32) | cmdSeq(le32)
// "natural order — no reversal"; C = RSAES-OAEP-Encrypt(leafKey, S) with "hash
// SHA-512, MGF1-SHA-512, empty label" → 256 bytes big-endian, copied verbatim.
// A Crypto error unless the leaf key is 2048 bits (256-byte ciphertext).
Result<Signature256> buildOpmInitializationParameters(const crypto::RsaPublicKey& leafKey, const SessionSecrets& secrets,
                                                      crypto::RandomSource& random);

// Driver side: OAEP-decrypt; "failure of OAEP decoding, < 40 bytes" is an error
// carrying hr::OpmInvalidEncryptedParameters (what the driver reports, §7.4);
// otherwise S = the first 40 bytes ("anything beyond must be ignored", §2).
// Comparing S's random with the issued one is the caller's job.
Result<SessionSecrets> openOpmInitializationParameters(const crypto::RsaPrivateKey& leafKey,
                                                       const Signature256& parameters);

} // namespace copp::protocol
