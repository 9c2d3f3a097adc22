// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/outcomeicons.h>

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace copp::ui {

QColor outcomeColor(validation::Outcome outcome)
{
    switch (outcome) {
    case validation::Outcome::Pass:
        return QColor(0x1e, 0x7b, 0x34); // dark enough for 4.5:1 on white
    case validation::Outcome::Fail:
        return QColor(0xb3, 0x1b, 0x1b);
    case validation::Outcome::Skipped:
        return QColor(0x5f, 0x63, 0x68);
    }
    return {};
}

static QPixmap paint(validation::Outcome outcome, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(outcomeColor(outcome));
    p.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    QPen pen(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double s = size;
    switch (outcome) {
    case validation::Outcome::Pass: {
        QPainterPath tick;
        tick.moveTo(s * 0.27, s * 0.52);
        tick.lineTo(s * 0.44, s * 0.69);
        tick.lineTo(s * 0.74, s * 0.34);
        p.drawPath(tick);
        break;
    }
    case validation::Outcome::Fail:
        p.drawLine(QPointF(s * 0.32, s * 0.32), QPointF(s * 0.68, s * 0.68));
        p.drawLine(QPointF(s * 0.68, s * 0.32), QPointF(s * 0.32, s * 0.68));
        break;
    case validation::Outcome::Skipped:
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
        break;
    }
    return pixmap;
}

QIcon outcomeIcon(validation::Outcome outcome)
{
    // Painted once per outcome: views ask for decorations on every repaint.
    static const std::array<QIcon, 3> icons = [] {
        std::array<QIcon, 3> out;
        for (auto o : {validation::Outcome::Pass, validation::Outcome::Fail, validation::Outcome::Skipped})
            for (int size : {16, 24, 32, 48})
                out[static_cast<std::size_t>(o)].addPixmap(paint(o, size));
        return out;
    }();
    return icons[static_cast<std::size_t>(outcome)];
}

} // namespace copp::ui
