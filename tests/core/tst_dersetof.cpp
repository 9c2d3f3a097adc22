// SPDX-License-Identifier: BSD-3-Clause
// DER that is DER: the PKCS #7 bundles that testpki --x509 and the OPM emulator
// write hold their certificates as a SET OF sorted as X.690 §11.6 requires.
// OpenSSL is no judge (it reads that SET OF as a SEQUENCE OF and keeps any
// order), so this test walks the DER itself and compares the element encodings
// in order. The reader still builds the path from a bundle in any order.
#include <support/testsupport.h>

#include <core/device/emulator/emulatormaterial.h>
#include <core/testpki/x509testpki.h>

#include <QTest>

#include <algorithm>
#include <optional>

using namespace copp;

namespace {

// One DER element: where it starts, where its contents start, where it ends.
struct Element {
    unsigned tag = 0;
    qsizetype begin = 0, contents = 0, end = 0;
};

// Definite lengths only (DER has no other); nothing when the bytes do not frame.
std::optional<Element> elementAt(const QByteArray& der, qsizetype at)
{
    if (at + 2 > der.size())
        return std::nullopt;
    Element e;
    e.begin = at;
    e.tag = static_cast<unsigned char>(der.at(at));
    unsigned first = static_cast<unsigned char>(der.at(at + 1));
    qsizetype length = first;
    qsizetype p = at + 2;
    if (first & 0x80) {
        const unsigned count = first & 0x7F;
        if (count == 0 || count > 4 || p + count > der.size())
            return std::nullopt;
        length = 0;
        for (unsigned i = 0; i < count; ++i)
            length = (length << 8) | static_cast<unsigned char>(der.at(p++));
    }
    e.contents = p;
    e.end = p + length;
    if (e.end > der.size())
        return std::nullopt;
    return e;
}

std::optional<Element> child(const QByteArray& der, const std::optional<Element>& parent, int index)
{
    if (!parent)
        return std::nullopt;
    qsizetype at = parent->contents;
    for (int i = 0; at < parent->end; ++i) {
        const auto e = elementAt(der, at);
        if (!e || i == index)
            return e;
        at = e->end;
    }
    return std::nullopt;
}

// The encodings of the certificates field ([0] IMPLICIT SET OF Certificate) of a
// certificates-only SignedData (RFC 2315 §9.1), in the order they are written.
QList<QByteArray> certificateEncodings(const QByteArray& der)
{
    const auto contentInfo = elementAt(der, 0);
    const auto signedData = child(der, child(der, contentInfo, 1), 0); // [0] EXPLICIT content
    const auto certificates = child(der, signedData, 3); // version, digestAlgorithms, contentInfo, [0]
    if (!certificates || certificates->tag != 0xA0)
        return {};
    QList<QByteArray> out;
    for (qsizetype at = certificates->contents; at < certificates->end;) {
        const auto e = elementAt(der, at);
        if (!e)
            return {};
        out.append(der.mid(e->begin, e->end - e->begin));
        at = e->end;
    }
    return out;
}

// X.690 §11.6, written here apart from the product's derSetOfLess: compare as
// octet strings, the shorter padded with zero octets at its end.
bool inDerOrder(const QList<QByteArray>& encodings)
{
    for (qsizetype i = 1; i < encodings.size(); ++i) {
        QByteArray a = encodings.at(i - 1), b = encodings.at(i);
        const qsizetype n = std::max(a.size(), b.size());
        a.append(QByteArray(n - a.size(), '\0'));
        b.append(QByteArray(n - b.size(), '\0'));
        if (a > b)
            return false;
    }
    return true;
}

} // namespace

class TestDerSetOf : public QObject {
    Q_OBJECT

private slots:
    void testPkiBundleIsSorted()
    {
        const QByteArray bundle = tests::x509Material().bundle;
        const QList<QByteArray> certificates = certificateEncodings(bundle);
        QCOMPARE(certificates.size(), 3);
        QVERIFY(inDerOrder(certificates));
    }

    void emulatorBundleIsSorted()
    {
        const auto fault = [](device::FaultKind kind) {
            device::Fault f;
            f.kind = kind;
            return std::vector<device::Fault>{f};
        };
        for (const std::vector<device::Fault>& faults :
             {std::vector<device::Fault>{}, fault(device::FaultKind::TamperedChain), fault(device::FaultKind::UntrustedChain)}) {
            const auto opm = device::EmulatorMaterial::createOpm(tests::x509TestPki(), faults);
            QVERIFY2(opm, opm ? "" : opm.error().detail.c_str());
            const QList<QByteArray> certificates = certificateEncodings(opm.value().certificate);
            QVERIFY(certificates.size() >= 2);
            QVERIFY(inDerOrder(certificates));
        }
    }

    // Whatever order the certificates are given in, a DER bundle is the same bytes;
    // AsGiven keeps the order, so the check above can tell the difference.
    void sortedWhateverTheGivenOrder()
    {
        QList<QByteArray> certificates = certificateEncodings(tests::x509Material().bundle);
        const QByteArray sorted = testpki::makePkcs7Bundle(certificates).value();
        std::ranges::sort(certificates);
        bool sawUnsorted = false;
        do {
            QCOMPARE(testpki::makePkcs7Bundle(certificates).value(), sorted);
            const QByteArray asGiven = testpki::makePkcs7Bundle(certificates, testpki::SetOrder::AsGiven).value();
            QCOMPARE(certificateEncodings(asGiven), certificates);
            sawUnsorted = sawUnsorted || !inDerOrder(certificates);
            // The reader builds the path from any order (docs/protocol.md §8.2).
            QVERIFY(tests::validateX509WithTestRoot(asGiven).isValid());
        } while (std::next_permutation(certificates.begin(), certificates.end()));
        QVERIFY(sawUnsorted);
    }

    void orderRule_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("less");
        QTest::newRow("first octet") << QByteArray("\x01\xFF", 2) << QByteArray("\x02\x00", 2) << true;
        QTest::newRow("first octet, reversed") << QByteArray("\x02\x00", 2) << QByteArray("\x01\xFF", 2) << false;
        QTest::newRow("prefix, longer has more") << QByteArray("\x30\x01", 2) << QByteArray("\x30\x01\x05", 3) << true;
        QTest::newRow("prefix, longer pads with zero") << QByteArray("\x30\x01", 2) << QByteArray("\x30\x01\x00", 3) << false;
        QTest::newRow("zero padding, reversed") << QByteArray("\x30\x01\x00", 3) << QByteArray("\x30\x01", 2) << false;
        QTest::newRow("equal") << QByteArray("\x30\x03", 2) << QByteArray("\x30\x03", 2) << false;
        QTest::newRow("high octet is unsigned") << QByteArray("\x7F", 1) << QByteArray("\x80", 1) << true;
    }

    void orderRule()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, less);
        QCOMPARE(testpki::derSetOfLess(a, b), less);
    }
};

QTEST_GUILESS_MAIN(TestDerSetOf)
#include "tst_dersetof.moc"
