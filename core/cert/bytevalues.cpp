// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/bytevalues.h>

#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>

namespace copp::cert {

int bitLength(const QByteArray& bigEndian)
{
    for (qsizetype i = 0; i < bigEndian.size(); ++i) {
        const auto b = static_cast<unsigned char>(bigEndian.at(i));
        if (b) {
            int bits = static_cast<int>((bigEndian.size() - i - 1) * 8);
            for (unsigned v = b; v; v >>= 1)
                ++bits;
            return bits;
        }
    }
    return 0;
}

QString bigEndianNumber(const QByteArray& bigEndian)
{
    if (bitLength(bigEndian) > 64)
        return QStringLiteral("0x") + QString::fromLatin1(bigEndian.toHex());
    quint64 value = 0;
    for (char b : bigEndian)
        value = (value << 8) | static_cast<unsigned char>(b);
    return QString::number(value);
}

QByteArray elementSha1(const XmlDocument& doc, int element)
{
    return util::toQByteArray(crypto::sha1(util::byteView(doc.sliceView(doc.element(element).outer))));
}

} // namespace copp::cert
