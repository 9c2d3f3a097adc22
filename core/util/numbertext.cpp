// SPDX-License-Identifier: BSD-3-Clause
#include <core/util/numbertext.h>

#include <QString>

namespace copp::util {

std::optional<std::uint32_t> parseU32(QStringView text)
{
    const bool hex = text.startsWith(u"0x", Qt::CaseInsensitive);
    const QStringView digits = hex ? text.mid(2) : text;
    if (digits.isEmpty())
        return std::nullopt;
    for (const QChar c : digits) { // toULongLong alone takes a leading '+' or spaces
        const bool digit = c >= u'0' && c <= u'9';
        const bool hexLetter = (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
        if (!digit && !(hex && hexLetter))
            return std::nullopt;
    }
    bool ok = false;
    const qulonglong value = digits.toString().toULongLong(&ok, hex ? 16 : 10); // Qt 6.4 exports no QStringView::toULongLong
    if (!ok || value > 0xFFFFFFFFull)
        return std::nullopt;
    return static_cast<std::uint32_t>(value);
}

} // namespace copp::util
