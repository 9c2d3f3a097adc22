// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/byteoffsetgutter.h>

#include <widgets/byterangeview.h>

#include <QPaintEvent>
#include <QPainter>

namespace copp::ui {

namespace {
constexpr int kMarginLeft = 4;
constexpr int kMarginRight = 8; // space before the text
} // namespace

ByteOffsetGutter::ByteOffsetGutter(ByteRangeView* view) : QWidget(view), m_view(view) {}

QSize ByteOffsetGutter::sizeHint() const
{
    const auto digits = QString::number(std::max<qsizetype>(m_view->fileSize(), 1)).size();
    return {kMarginLeft + fontMetrics().horizontalAdvance(QString(digits, u'9')) + kMarginRight, 0};
}

void ByteOffsetGutter::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    // Palette roles, so a dark theme gets a dark column with light digits.
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int right = width() - kMarginRight;
    for (const auto& line : m_view->visibleLines()) {
        if (line.top > event->rect().bottom() || line.top + line.height < event->rect().top())
            continue;
        painter.drawText(QRect(0, line.top, right, line.height), Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(line.byteOffset));
    }
}

} // namespace copp::ui
