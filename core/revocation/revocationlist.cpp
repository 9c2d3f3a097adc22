// SPDX-License-Identifier: BSD-3-Clause
#include <core/revocation/revocationlist.h>

#include <QtEndian>

namespace copp::revocation {

namespace {

class Reader {
public:
    explicit Reader(const QByteArray& bytes) : m_bytes(bytes) {}
    qsizetype offset() const { return m_offset; }
    qsizetype remaining() const { return m_bytes.size() - m_offset; }

    bool u8(quint8* v) { return fixed(1, [&](const uchar* p) { *v = *p; }); }
    bool u16(quint16* v) { return fixed(2, [&](const uchar* p) { *v = qFromBigEndian<quint16>(p); }); }
    bool u32(quint32* v) { return fixed(4, [&](const uchar* p) { *v = qFromBigEndian<quint32>(p); }); }
    bool bytes(qsizetype n, QByteArray* out)
    {
        if (n < 0 || remaining() < n)
            return false;
        *out = m_bytes.mid(m_offset, n);
        m_offset += n;
        return true;
    }

private:
    template <typename F>
    bool fixed(qsizetype n, F read)
    {
        if (remaining() < n)
            return false;
        read(reinterpret_cast<const uchar*>(m_bytes.constData() + m_offset));
        m_offset += n;
        return true;
    }
    const QByteArray& m_bytes;
    qsizetype m_offset = 0;
};

void appendU32(QByteArray& out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

} // namespace

QByteArray RevocationList::signedPart() const
{
    QByteArray out;
    appendU32(out, version);
    appendU32(out, static_cast<quint32>(revokedDigests.size()));
    for (const QByteArray& d : revokedDigests)
        out.append(d);
    appendU32(out, static_cast<quint32>(signerChain.size()));
    out.append(signerChain);
    return out;
}

QByteArray RevocationList::serialize() const
{
    QByteArray out = signedPart();
    out.append(static_cast<char>(signatureType));
    char len[2];
    qToBigEndian(static_cast<quint16>(signature.size()), len);
    out.append(len, 2);
    out.append(signature);
    return out;
}

RevocationParse parseRevocationList(const QByteArray& bytes)
{
    RevocationParse out;
    auto fail = [&](const QString& what, qsizetype at) {
        out.problem = QStringLiteral("%1 (byte offset %2 of %3)").arg(what).arg(at).arg(bytes.size());
        return out;
    };
    if (bytes.size() > kMaxListBytes)
        return fail(QStringLiteral("revocation list larger than the %1-byte limit").arg(kMaxListBytes), 0);
    Reader r(bytes);
    RevocationList list;
    quint32 count = 0;
    if (!r.u32(&list.version))
        return fail(QStringLiteral("truncated before the version field"), r.offset());
    if (!r.u32(&count))
        return fail(QStringLiteral("truncated before the entry count"), r.offset());
    // Check the size before allocating anything for it.
    if (static_cast<quint64>(count) * 20 > static_cast<quint64>(r.remaining()))
        return fail(QStringLiteral("entry count %1 needs %2 bytes of digests, only %3 remain")
                        .arg(count).arg(static_cast<quint64>(count) * 20).arg(r.remaining()),
                    r.offset());
    list.revokedDigests.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        QByteArray digest;
        r.bytes(20, &digest);
        list.revokedDigests.append(digest);
    }
    quint32 length = 0;
    if (!r.u32(&length))
        return fail(QStringLiteral("truncated before the certificate length"), r.offset());
    if (!r.bytes(length, &list.signerChain))
        return fail(QStringLiteral("certificate length %1 exceeds the %2 remaining bytes").arg(length).arg(r.remaining()),
                    r.offset());
    list.signedLength = r.offset();
    quint16 signatureLength = 0;
    if (!r.u8(&list.signatureType))
        return fail(QStringLiteral("truncated before the signature type"), r.offset());
    if (!r.u16(&signatureLength))
        return fail(QStringLiteral("truncated before the signature length"), r.offset());
    if (!r.bytes(signatureLength, &list.signature))
        return fail(QStringLiteral("signature length %1 exceeds the %2 remaining bytes").arg(signatureLength).arg(r.remaining()),
                    r.offset());
    if (r.remaining() != 0)
        return fail(QStringLiteral("%1 bytes left over after the signature").arg(r.remaining()), r.offset());
    out.list = std::move(list);
    return out;
}

} // namespace copp::revocation
