// SPDX-License-Identifier: BSD-3-Clause
// SHA-1 and SHA-256 known answers from FIPS 180-2 Appendix A/B ("abc" and the
// 448-bit message), and the empty message.
#include <core/kernel/crypto/sha.h>

#include <QtTest>

using namespace copp;

namespace {
template <std::size_t N>
QByteArray hex(const std::array<std::uint8_t, N>& digest)
{
    return QByteArray(reinterpret_cast<const char*>(digest.data()), N).toHex();
}
ByteView view(const char* text)
{
    return {reinterpret_cast<const std::uint8_t*>(text), std::strlen(text)};
}
} // namespace

class TestHashes : public QObject {
    Q_OBJECT
private slots:
    void sha1KnownAnswers()
    {
        QCOMPARE(hex(crypto::sha1(view("abc"))), QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d"));
        QCOMPARE(hex(crypto::sha1(view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
                 QByteArray("84983e441c3bd26ebaae4aa1f95129e5e54670f1"));
        QCOMPARE(hex(crypto::sha1(view(""))), QByteArray("da39a3ee5e6b4b0d3255bfef95601890afd80709"));
    }
    void sha256KnownAnswers()
    {
        QCOMPARE(hex(crypto::sha256(view("abc"))),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(hex(crypto::sha256(view("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
                 QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(hex(crypto::sha256(view(""))),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
};

QTEST_APPLESS_MAIN(TestHashes)
#include "tst_hashes.moc"
