// SPDX-License-Identifier: BSD-3-Clause
// RSA keys and RSASSA-PSS as COPP uses them ("Verify Signature Procedure", docs/protocol.md §8.1):
// "Hash = SHA-1, hLen = 20, MGF = MGF1 (SHA-1), sLen = 0"; RSAES-PKCS1-v1_5 for the
// COPP session start and RSAES-OAEP (SHA-512) for the OPM one.
// Crypto++ does the mathematics; its headers stay in rsa.cpp.
#pragma once

#include <core/kernel/crypto/random.h>

#include <core/kernel/bytes.h>
#include <core/kernel/result.h>

#include <memory>

namespace copp::crypto {

// A public key as COPP serialises it: big-endian modulus and exponent bytes,
// exactly as decoded from base64 (leading zero bytes are kept; callers that
// compare keys compare these bytes).
struct RsaPublicKey {
    Bytes modulus;
    Bytes exponent;
    bool operator==(const RsaPublicKey&) const = default;
};

// The signature schemes a signer may use. COPP's is the first; the others are
// the mistakes a diagnosis can prove (docs/cli.md#diagnoses) and the test PKI
// can make on purpose.
enum class SignatureScheme {
    PssSha1Salt0,  // COPP: RSASSA-PSS, SHA-1, MGF1-SHA-1, salt length 0
    PssSha1Salt20, // the common PSS default with SHA-1: salt length = hash length
    PssSha256,     // RSASSA-PSS, SHA-256, MGF1-SHA-256, salt length 32
    PssSha256Salt0,
    Pkcs1v15Sha1,  // RSASSA-PKCS1-v1_5 with SHA-1
};

// RSASSA-PSS with SHA-1, MGF1-SHA-1 and salt length 0, with the key parsed once.
// Crypto++'s stock PSS<SHA1> uses salt 20 and would reject every COPP signature.
class PssSha1Verifier {
public:
    // Bounds on a key read from a file (see create()).
    static constexpr unsigned kMaxModulusBits = 16384;
    static constexpr unsigned kMaxExponentBits = 64;

    // Fails for an even, too small or too large modulus, or an exponent that is
    // even, below 3, not below n or longer than kMaxExponentBits.
    static Result<PssSha1Verifier> create(const RsaPublicKey& key);

    PssSha1Verifier(PssSha1Verifier&&) noexcept;
    PssSha1Verifier& operator=(PssSha1Verifier&&) noexcept;
    ~PssSha1Verifier();

    // True only for a valid salt-0 signature over `message`. Never throws.
    bool verify(ByteView message, ByteView signature) const;

    std::size_t modulusBits() const;
    std::size_t signatureLength() const; // bytes: ceil(modulusBits / 8)

    struct Impl;

private:
    explicit PssSha1Verifier(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
    friend struct PssDecoder;
};

// What EMSA-PSS-VERIFY (RFC 8017 §9.1.2) finds inside a signature, step by
// step, so that "signed with salt 20" or "signed over other bytes" can be named.
// This is a diagnosis for people; the verdict is PssSha1Verifier::verify().
struct PssDecoding {
    enum class Stage {
        BadSignatureLength, // |S| != k
        OutOfRange,         // S >= n
        EncodingTooShort,   // emLen < hLen + 2
        BadTrailer,         // last byte of EM is not 0xbc
        NonZeroLeftBits,    // the unused high bits of maskedDB are set
        BadPadding,         // DB is not 00..00 || 01 || salt
        Decoded,            // salt recovered; compare H with H'
    };
    Stage stage = Stage::BadSignatureLength;
    int recoveredSaltLength = -1; // bytes, when stage == Decoded
    std::uint8_t trailer = 0;
    Bytes messageHash; // SHA-1(M)
    Bytes h;           // H, read from EM
    Bytes salt;        // recovered, when stage == Decoded
    Bytes hPrime;      // H' = SHA-1(0x00 * 8 || mHash || salt)
    bool hashesMatch() const { return !h.empty() && h == hPrime; }
    // Whether this decoded encoding, with the salt it holds, is the encoding of
    // `otherMessage`: H' recomputed over it equals H. Two hashes, no RSA; false
    // unless stage == Decoded. Lets a diagnosis test candidate messages cheaply
    // (the one that matches is then verified by PssSha1Verifier::verify()).
    bool encodes(ByteView otherMessage) const;
};

PssDecoding decodePssSha1(const PssSha1Verifier& key, ByteView message, ByteView signature);

// True when `signature` verifies over `message` with `key` under `scheme`
// (Crypto++ does the verification; s must be below n). Never throws; false for
// an unusable key (the bounds of PssSha1Verifier::create()).
bool verifySignature(const RsaPublicKey& key, ByteView message, ByteView signature, SignatureScheme scheme);

// RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1) with random nonzero padding;
// big-endian input and output, k = modulus bytes. COPP session start, §7.1.
// The padding comes from `padding` (the system generator by default), so a
// session driven by a recorded or seeded source repeats byte for byte.
Result<Bytes> encryptPkcs1v15(const RsaPublicKey& key, ByteView message);
Result<Bytes> encryptPkcs1v15(const RsaPublicKey& key, ByteView message, RandomSource& padding);

// RSAES-OAEP (RFC 8017 §7.1) as OPM uses it (docs/protocol.md §7.4): "hash SHA-512,
// MGF1-SHA-512, empty label". Output is k big-endian bytes (k = modulus bytes);
// a Crypto error when the message is longer than k - 2*64 - 2 (126 for RSA-2048).
// The seed comes from `random`, so a seeded source repeats byte for byte.
inline constexpr std::size_t kOaepSha512Overhead = 2 * 64 + 2;
Result<Bytes> encryptOaepSha512(const RsaPublicKey& key, ByteView message, RandomSource& random);
Result<Bytes> encryptOaepSha512(const RsaPublicKey& key, ByteView message); // the system generator

// Private keys exist only for the test PKI (and, later, the driver emulator).
class RsaPrivateKey {
public:
    static Result<RsaPrivateKey> generate(unsigned modulusBits);
    static Result<RsaPrivateKey> fromPkcs8(ByteView der);

    RsaPrivateKey(const RsaPrivateKey&);
    RsaPrivateKey& operator=(const RsaPrivateKey&);
    RsaPrivateKey(RsaPrivateKey&&) noexcept;
    RsaPrivateKey& operator=(RsaPrivateKey&&) noexcept;
    ~RsaPrivateKey();

    Bytes toPkcs8() const;
    RsaPublicKey publicKey() const; // minimal big-endian encodings
    std::size_t modulusBits() const;
    Result<Bytes> sign(ByteView message, SignatureScheme scheme = SignatureScheme::PssSha1Salt0) const;
    // RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2): a Crypto error when the
    // ciphertext is not k bytes or the block is not 00 02 PS(>=8) 00 M.
    Result<Bytes> decryptPkcs1v15(ByteView ciphertext) const;
    // RSAES-OAEP decryption with SHA-512, MGF1-SHA-512 and the empty label
    // (RFC 8017 §7.1.2): a Crypto error when the ciphertext is not k bytes, is
    // not below n, or does not decode (including a non-empty label). Never throws.
    Result<Bytes> decryptOaepSha512(ByteView ciphertext) const;

    struct Impl;

private:
    explicit RsaPrivateKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace copp::crypto
