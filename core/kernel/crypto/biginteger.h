// SPDX-License-Identifier: BSD-3-Clause
// Big-endian bytes to a Crypto++ Integer, the conversion every RSA key,
// signature and ciphertext goes through. Kernel-internal (it names a Crypto++
// type); rsa.cpp uses it and tst_biginteger holds it to Crypto++'s own decoder.
#pragma once

#include <core/kernel/bytes.h>

#include <cryptopp/integer.h>

namespace copp::crypto {

// Integer's byte-array constructor reads through a StringStore, one virtual
// Get() per byte (about 200 instructions a byte: 50k for a 2048-bit modulus).
// SetByte writes the word register directly; starting at the most significant
// byte grows the register once.
inline CryptoPP::Integer integerFromBigEndian(ByteView bigEndian)
{
    CryptoPP::Integer value;
    const std::size_t size = bigEndian.size();
    for (std::size_t i = 0; i < size; ++i)
        value.SetByte(size - 1 - i, bigEndian[i]);
    return value;
}

} // namespace copp::crypto
