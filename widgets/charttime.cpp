// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/charttime.h>

namespace copp::ui::charttime {

QString formatTime(qint64 ms, bool tenths)
{
    const qint64 s = ms / 1000;
    const QLatin1Char zero('0');
    QString text = s >= 3600 ? QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, zero).arg(s % 60, 2, 10, zero)
                             : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, zero);
    if (tenths)
        text += QStringLiteral(".%1").arg(ms % 1000 / 100);
    return text;
}

QString formatTimeMs(qint64 ms)
{
    return formatTime(ms, false) + QStringLiteral(".%1").arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace copp::ui::charttime
