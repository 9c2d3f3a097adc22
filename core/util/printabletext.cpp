// SPDX-License-Identifier: BSD-3-Clause
#include <core/util/printabletext.h>

namespace copp::util {

QString printableText(QString text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < 0x20 || (c >= 0x7f && c < 0xa0)) { // C0, DEL and C1 controls
            const QString escaped = QStringLiteral("\\x%1").arg(static_cast<uint>(c), 2, 16, QLatin1Char('0'));
            text.replace(i, 1, escaped);
            i += escaped.size() - 1;
        }
    }
    return text;
}

} // namespace copp::util
