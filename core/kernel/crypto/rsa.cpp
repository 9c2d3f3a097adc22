// SPDX-License-Identifier: BSD-3-Clause
#include <core/kernel/crypto/rsa.h>

#include <core/kernel/crypto/biginteger.h>

#include <cryptopp/integer.h>
#include <cryptopp/oaep.h>
#include <cryptopp/osrng.h>
#include <cryptopp/pssr.h>
#include <cryptopp/queue.h>
#include <cryptopp/rsa.h>
#include <cryptopp/sha.h>

#include <algorithm>

namespace copp::crypto {

namespace {

// docs/protocol.md §8.1: "MGF = MGF1 ... sLen = 0". PSSR_MEM's third parameter is the salt length.
struct PssSalt0Standard : public CryptoPP::SignatureStandard {
    using SignatureMessageEncodingMethod = CryptoPP::PSSR_MEM<false, CryptoPP::P1363_MGF1, 0>;
};
using Salt0Verifier = CryptoPP::RSASS<PssSalt0Standard, CryptoPP::SHA1>::Verifier;
using Salt0Signer = CryptoPP::RSASS<PssSalt0Standard, CryptoPP::SHA1>::Signer;

// docs/protocol.md §7.4: "hash SHA-512, MGF1-SHA-512, empty label". OAEP<H> masks with
// P1363_MGF1 driven by the same H (OAEP_Base::Pad/Unpad hand *NewHash() to
// GenerateAndMask), so OAEP<SHA512> is MGF1-SHA-512; without an EncodingParameters
// argument the label is empty.
using OaepSha512 = CryptoPP::RSAES<CryptoPP::OAEP<CryptoPP::SHA512>>;

// Lets Crypto++ draw its padding bytes from one of ours.
class RandomSourceAdapter final : public CryptoPP::RandomNumberGenerator {
public:
    explicit RandomSourceAdapter(RandomSource& source) : m_source(source) {}
    void GenerateBlock(CryptoPP::byte* output, size_t size) override { m_source.fill({output, size}); }

private:
    RandomSource& m_source;
};

CryptoPP::Integer toInteger(ByteView bigEndian)
{
    return integerFromBigEndian(bigEndian);
}

Bytes toBigEndian(const CryptoPP::Integer& value, std::size_t length = 0)
{
    const std::size_t size = length ? length : std::max<std::size_t>(1, value.MinEncodedSize());
    Bytes out(size);
    value.Encode(out.data(), out.size());
    return out;
}

} // namespace

struct PssSha1Verifier::Impl {
    CryptoPP::RSA::PublicKey key;
    Salt0Verifier verifier;
    Bytes modulus; // n as exactly signatureLength() big-endian bytes, for the range check
};

PssSha1Verifier::PssSha1Verifier(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
PssSha1Verifier::PssSha1Verifier(PssSha1Verifier&&) noexcept = default;
PssSha1Verifier& PssSha1Verifier::operator=(PssSha1Verifier&&) noexcept = default;
PssSha1Verifier::~PssSha1Verifier() = default;

namespace {

// Keys come from the files being checked (a chain's KeyInfo, a CRL signer's), so
// their size is bounded before any arithmetic: a verification costs about
// modulus bits squared times exponent bits, and an 8192-byte modulus with an
// exponent as long took 150 s. OpenSSL's bounds; COPP keys are 1024 and 2048
// bits with exponent 65537. Empty when the key is usable.
std::string publicKeyProblem(const CryptoPP::Integer& n, const CryptoPP::Integer& e)
{
    // The smallest modulus that fits a salt-0 SHA-1 encoding: emLen >= hLen + 2.
    if (n.BitCount() < 8 * (20 + 2) + 1)
        return "modulus too small for RSASSA-PSS with SHA-1";
    if (n.BitCount() > PssSha1Verifier::kMaxModulusBits)
        return "modulus of " + std::to_string(n.BitCount()) + " bits; at most "
            + std::to_string(PssSha1Verifier::kMaxModulusBits) + " are accepted";
    if (e.BitCount() > PssSha1Verifier::kMaxExponentBits)
        return "public exponent of " + std::to_string(e.BitCount()) + " bits; at most "
            + std::to_string(PssSha1Verifier::kMaxExponentBits) + " are accepted";
    if (n.IsEven())
        return "modulus is even";
    if (e < 3 || e.IsEven() || e >= n)
        return "public exponent is not an odd number between 3 and n";
    return {};
}

// RFC 8017 §8.1.2 step 2, RSAVP1: "If the signature representative s is not
// between 0 and n - 1, output 'signature representative out of range'".
// Crypto++'s VerifyMessage reduces s mod n instead, so s + n would verify.
// `modulus` holds n without leading zeros; equal-length big-endian byte strings
// compare like the numbers they hold.
bool belowModulus(ByteView signature, ByteView modulus)
{
    return signature.size() == modulus.size()
        && std::lexicographical_compare(signature.begin(), signature.end(), modulus.begin(), modulus.end());
}

Bytes withoutLeadingZeros(const Bytes& bigEndian)
{
    const auto significant = std::find_if(bigEndian.begin(), bigEndian.end(), [](auto b) { return b != 0; });
    return Bytes(significant, bigEndian.end());
}

} // namespace

Result<PssSha1Verifier> PssSha1Verifier::create(const RsaPublicKey& key)
{
    const CryptoPP::Integer n = toInteger(key.modulus);
    const CryptoPP::Integer e = toInteger(key.exponent);
    if (const std::string problem = publicKeyProblem(n, e); !problem.empty())
        return makeError(Error::Code::Crypto, problem);
    auto impl = std::make_unique<Impl>();
    try {
        impl->key.Initialize(n, e);
        impl->verifier = Salt0Verifier(impl->key);
        // The key's own bytes without leading zeros: n's minimal big-endian form, which
        // is SignatureLength() = (n - 1).ByteCount() bytes for any odd n. (Re-encoding
        // n through Crypto++ cost about 6k instructions a key, 2% of a validation.)
        impl->modulus = withoutLeadingZeros(key.modulus);
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
    return PssSha1Verifier(std::move(impl));
}

bool PssSha1Verifier::verify(ByteView message, ByteView signature) const
{
    if (signature.size() != d->verifier.SignatureLength() || !belowModulus(signature, d->modulus))
        return false;
    try {
        return d->verifier.VerifyMessage(message.data(), message.size(), signature.data(),
                                         signature.size());
    } catch (const CryptoPP::Exception&) {
        return false;
    }
}

std::size_t PssSha1Verifier::modulusBits() const
{
    return d->key.GetModulus().BitCount();
}

std::size_t PssSha1Verifier::signatureLength() const
{
    return d->verifier.SignatureLength();
}

// RFC 8017 §8.1.2 step 2 (RSAVP1) and §9.1.2 (EMSA-PSS-VERIFY), unrolled so
// every intermediate value can be reported. MGF1 and SHA-1 are Crypto++'s.
struct PssDecoder {
    static PssDecoding decode(const PssSha1Verifier& key, ByteView message, ByteView signature)
    {
        PssDecoding out;
        CryptoPP::SHA1 hash;
        out.messageHash.resize(hash.DigestSize());
        hash.CalculateDigest(out.messageHash.data(), message.data(), message.size());

        const auto& pub = key.d->key;
        const std::size_t k = key.signatureLength();
        if (signature.size() != k)
            return out; // BadSignatureLength
        const CryptoPP::Integer s = toInteger(signature);
        if (s >= pub.GetModulus()) {
            out.stage = PssDecoding::Stage::OutOfRange;
            return out;
        }
        const std::size_t emBits = pub.GetModulus().BitCount() - 1;
        const std::size_t emLen = (emBits + 7) / 8;
        const std::size_t hLen = hash.DigestSize();
        const CryptoPP::Integer m = pub.ApplyFunction(s);
        if (emLen < hLen + 2 || m.MinEncodedSize() > emLen) {
            out.stage = PssDecoding::Stage::EncodingTooShort;
            return out;
        }
        const Bytes em = toBigEndian(m, emLen);
        out.trailer = em.back();
        if (em.back() != 0xbc) {
            out.stage = PssDecoding::Stage::BadTrailer;
            return out;
        }
        const std::size_t dbLen = emLen - hLen - 1;
        Bytes db(em.begin(), em.begin() + static_cast<std::ptrdiff_t>(dbLen));
        out.h.assign(em.begin() + static_cast<std::ptrdiff_t>(dbLen), em.end() - 1);
        const unsigned unusedBits = static_cast<unsigned>(8 * emLen - emBits);
        const std::uint8_t leftMask = static_cast<std::uint8_t>(0xff << (8 - unusedBits));
        if (unusedBits && (db[0] & leftMask)) {
            out.stage = PssDecoding::Stage::NonZeroLeftBits;
            return out;
        }
        CryptoPP::P1363_MGF1().GenerateAndMask(hash, db.data(), db.size(), out.h.data(),
                                               out.h.size(), true);
        if (unusedBits)
            db[0] &= static_cast<std::uint8_t>(~leftMask);
        const auto separator = std::find_if(db.begin(), db.end(), [](std::uint8_t b) { return b != 0; });
        if (separator == db.end() || *separator != 0x01) {
            out.stage = PssDecoding::Stage::BadPadding;
            return out;
        }
        out.salt.assign(separator + 1, db.end());
        out.recoveredSaltLength = static_cast<int>(out.salt.size());
        out.hPrime = hPrimeOf(out.messageHash, out.salt);
        out.stage = PssDecoding::Stage::Decoded;
        return out;
    }

    // §9.1.2 steps 12-13: H' = Hash(0x00 * 8 || mHash || salt).
    static Bytes hPrimeOf(const Bytes& messageHash, const Bytes& salt)
    {
        Bytes mPrime(8, 0);
        mPrime.insert(mPrime.end(), messageHash.begin(), messageHash.end());
        mPrime.insert(mPrime.end(), salt.begin(), salt.end());
        CryptoPP::SHA1 hash;
        Bytes out(hash.DigestSize());
        hash.CalculateDigest(out.data(), mPrime.data(), mPrime.size());
        return out;
    }
};

bool PssDecoding::encodes(ByteView otherMessage) const
{
    if (stage != Stage::Decoded)
        return false;
    Bytes otherHash(CryptoPP::SHA1::DIGESTSIZE);
    CryptoPP::SHA1().CalculateDigest(otherHash.data(), otherMessage.data(), otherMessage.size());
    return PssDecoder::hPrimeOf(otherHash, salt) == h;
}

PssDecoding decodePssSha1(const PssSha1Verifier& key, ByteView message, ByteView signature)
{
    try {
        return PssDecoder::decode(key, message, signature);
    } catch (const CryptoPP::Exception&) {
        PssDecoding failed;
        failed.stage = PssDecoding::Stage::OutOfRange;
        return failed;
    }
}

namespace {

template <class Verifier>
bool verifyWith(const CryptoPP::RSA::PublicKey& key, ByteView message, ByteView signature)
{
    const Verifier verifier(key);
    return signature.size() == verifier.SignatureLength()
        && verifier.VerifyMessage(message.data(), message.size(), signature.data(), signature.size());
}

} // namespace

bool verifySignature(const RsaPublicKey& key, ByteView message, ByteView signature, SignatureScheme scheme)
{
    const CryptoPP::Integer n = toInteger(key.modulus);
    const CryptoPP::Integer e = toInteger(key.exponent);
    if (!publicKeyProblem(n, e).empty() || !belowModulus(signature, withoutLeadingZeros(key.modulus)))
        return false;
    try {
        CryptoPP::RSA::PublicKey publicKey;
        publicKey.Initialize(n, e);
        switch (scheme) {
        case SignatureScheme::PssSha1Salt0:
            return verifyWith<Salt0Verifier>(publicKey, message, signature);
        case SignatureScheme::PssSha1Salt20:
            return verifyWith<CryptoPP::RSASS<CryptoPP::PSS, CryptoPP::SHA1>::Verifier>(publicKey, message, signature);
        case SignatureScheme::PssSha256:
            return verifyWith<CryptoPP::RSASS<CryptoPP::PSS, CryptoPP::SHA256>::Verifier>(publicKey, message, signature);
        case SignatureScheme::PssSha256Salt0:
            return verifyWith<CryptoPP::RSASS<PssSalt0Standard, CryptoPP::SHA256>::Verifier>(publicKey, message, signature);
        case SignatureScheme::Pkcs1v15Sha1:
            return verifyWith<CryptoPP::RSASS<CryptoPP::PKCS1v15, CryptoPP::SHA1>::Verifier>(publicKey, message, signature);
        }
    } catch (const CryptoPP::Exception&) {
    }
    return false;
}

struct RsaPrivateKey::Impl {
    CryptoPP::RSA::PrivateKey key;
};

RsaPrivateKey::RsaPrivateKey(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
RsaPrivateKey::RsaPrivateKey(const RsaPrivateKey& other) : d(std::make_unique<Impl>(*other.d)) {}
RsaPrivateKey& RsaPrivateKey::operator=(const RsaPrivateKey& other)
{
    if (this != &other)
        d = std::make_unique<Impl>(*other.d);
    return *this;
}
RsaPrivateKey::RsaPrivateKey(RsaPrivateKey&&) noexcept = default;
RsaPrivateKey& RsaPrivateKey::operator=(RsaPrivateKey&&) noexcept = default;
RsaPrivateKey::~RsaPrivateKey() = default;

Result<RsaPrivateKey> RsaPrivateKey::generate(unsigned modulusBits)
{
    try {
        CryptoPP::AutoSeededRandomPool rng;
        auto impl = std::make_unique<Impl>();
        impl->key.Initialize(rng, modulusBits, CryptoPP::Integer(65537));
        return RsaPrivateKey(std::move(impl));
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

Result<RsaPrivateKey> RsaPrivateKey::fromPkcs8(ByteView der)
{
    try {
        CryptoPP::ByteQueue queue;
        queue.Put(der.data(), der.size());
        queue.MessageEnd();
        auto impl = std::make_unique<Impl>();
        impl->key.Load(queue);
        CryptoPP::AutoSeededRandomPool rng;
        if (!impl->key.Validate(rng, 2))
            return makeError(Error::Code::Crypto, "RSA private key fails its consistency check");
        return RsaPrivateKey(std::move(impl));
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Malformed, std::string("not a PKCS#8 RSA private key: ") + ex.what());
    }
}

Bytes RsaPrivateKey::toPkcs8() const
{
    CryptoPP::ByteQueue queue;
    d->key.Save(queue);
    Bytes out(queue.MaxRetrievable());
    queue.Get(out.data(), out.size());
    return out;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    return {toBigEndian(d->key.GetModulus()), toBigEndian(d->key.GetPublicExponent())};
}

std::size_t RsaPrivateKey::modulusBits() const
{
    return d->key.GetModulus().BitCount();
}

Result<Bytes> encryptPkcs1v15(const RsaPublicKey& key, ByteView message)
{
    SystemRandom system;
    return encryptPkcs1v15(key, message, system);
}

Result<Bytes> encryptPkcs1v15(const RsaPublicKey& key, ByteView message, RandomSource& padding)
{
    try {
        CryptoPP::RSA::PublicKey publicKey;
        publicKey.Initialize(toInteger(key.modulus), toInteger(key.exponent));
        const CryptoPP::RSAES_PKCS1v15_Encryptor encryptor(publicKey);
        if (message.size() > encryptor.FixedMaxPlaintextLength())
            return makeError(Error::Code::Crypto, "message too long for RSAES-PKCS1-v1_5 with this key");
        RandomSourceAdapter rng(padding);
        Bytes out(encryptor.CiphertextLength(message.size()));
        encryptor.Encrypt(rng, message.data(), message.size(), out.data());
        return out;
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

Result<Bytes> RsaPrivateKey::decryptPkcs1v15(ByteView ciphertext) const
{
    try {
        const CryptoPP::RSAES_PKCS1v15_Decryptor decryptor(d->key);
        if (ciphertext.size() != decryptor.FixedCiphertextLength())
            return makeError(Error::Code::Crypto, "ciphertext is not as long as the modulus");
        CryptoPP::AutoSeededRandomPool rng; // blinding
        Bytes out(decryptor.FixedMaxPlaintextLength());
        const CryptoPP::DecodingResult r = decryptor.Decrypt(rng, ciphertext.data(), ciphertext.size(), out.data());
        if (!r.isValidCoding)
            return makeError(Error::Code::Crypto, "not a valid PKCS#1 v1.5 encryption block");
        out.resize(r.messageLength);
        return out;
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

Result<Bytes> encryptOaepSha512(const RsaPublicKey& key, ByteView message)
{
    SystemRandom system;
    return encryptOaepSha512(key, message, system);
}

Result<Bytes> encryptOaepSha512(const RsaPublicKey& key, ByteView message, RandomSource& random)
{
    try {
        CryptoPP::RSA::PublicKey publicKey;
        publicKey.Initialize(toInteger(key.modulus), toInteger(key.exponent));
        const OaepSha512::Encryptor encryptor(publicKey);
        const std::size_t k = encryptor.FixedCiphertextLength();
        // RFC 8017 §7.1.1 step 1b: "If mLen > k - 2hLen - 2, output 'message too long'".
        // Checked here because Crypto++ pads out of bounds for k < 2hLen + 2.
        if (k < kOaepSha512Overhead)
            return makeError(Error::Code::Crypto, "a " + std::to_string(k * 8)
                                                      + "-bit modulus is too small for RSAES-OAEP with SHA-512");
        if (message.size() > k - kOaepSha512Overhead)
            return makeError(Error::Code::Crypto, "a " + std::to_string(message.size())
                                                      + "-byte message is too long for RSAES-OAEP with SHA-512 and a "
                                                      + std::to_string(k) + "-byte modulus (at most "
                                                      + std::to_string(k - kOaepSha512Overhead) + ")");
        RandomSourceAdapter rng(random); // the seed of §7.1.1 step 2d
        Bytes out(k);
        encryptor.Encrypt(rng, message.data(), message.size(), out.data());
        return out;
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

Result<Bytes> RsaPrivateKey::decryptOaepSha512(ByteView ciphertext) const
{
    try {
        const OaepSha512::Decryptor decryptor(d->key);
        const std::size_t k = decryptor.FixedCiphertextLength();
        // RFC 8017 §7.1.2 step 1: C must be k bytes and k >= 2hLen + 2.
        if (k < kOaepSha512Overhead)
            return makeError(Error::Code::Crypto, "the modulus is too small for RSAES-OAEP with SHA-512");
        if (ciphertext.size() != k)
            return makeError(Error::Code::Crypto, "ciphertext is " + std::to_string(ciphertext.size())
                                                      + " bytes; RSAES-OAEP with this key needs " + std::to_string(k));
        // §5.1.2 (RSADP) step 1: "ciphertext representative out of range" unless c < n.
        if (toInteger(ciphertext) >= d->key.GetModulus())
            return makeError(Error::Code::Crypto, "ciphertext representative is not below the modulus");
        CryptoPP::AutoSeededRandomPool rng; // blinding
        Bytes out(decryptor.FixedMaxPlaintextLength());
        const CryptoPP::DecodingResult r = decryptor.Decrypt(rng, ciphertext.data(), ciphertext.size(), out.data());
        // §7.1.2 step 3g: one "decryption error" whatever part of the encoding was wrong.
        if (!r.isValidCoding)
            return makeError(Error::Code::Crypto, "decryption error: not an RSAES-OAEP (SHA-512, MGF1-SHA-512, "
                                                  "empty label) encoding");
        out.resize(r.messageLength);
        return out;
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

Result<Bytes> RsaPrivateKey::sign(ByteView message, SignatureScheme scheme) const
{
    try {
        CryptoPP::AutoSeededRandomPool rng;
        auto sign = [&](const auto& signer) {
            Bytes signature(signer.MaxSignatureLength());
            const std::size_t n = signer.SignMessage(rng, message.data(), message.size(), signature.data());
            signature.resize(n);
            return signature;
        };
        switch (scheme) {
        case SignatureScheme::PssSha1Salt0:
            return sign(Salt0Signer(d->key));
        case SignatureScheme::PssSha1Salt20:
            return sign(CryptoPP::RSASS<CryptoPP::PSS, CryptoPP::SHA1>::Signer(d->key));
        case SignatureScheme::PssSha256:
            return sign(CryptoPP::RSASS<CryptoPP::PSS, CryptoPP::SHA256>::Signer(d->key));
        case SignatureScheme::PssSha256Salt0:
            return sign(CryptoPP::RSASS<PssSalt0Standard, CryptoPP::SHA256>::Signer(d->key));
        case SignatureScheme::Pkcs1v15Sha1:
            return sign(CryptoPP::RSASS<CryptoPP::PKCS1v15, CryptoPP::SHA1>::Signer(d->key));
        }
        return makeError(Error::Code::Crypto, "unknown signature scheme");
    } catch (const CryptoPP::Exception& ex) {
        return makeError(Error::Code::Crypto, ex.what());
    }
}

} // namespace copp::crypto
