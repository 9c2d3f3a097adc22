// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/focusringstyle.h>

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace copp::ui {

void FocusRingStyle::drawRing(const QStyleOption* option, QPainter* painter, const QRect& rect)
{
    if (!(option->state & State_HasFocus))
        return;
    // Four bands inside the rectangle, so no neighbour paints over them.
    const QColor ring = option->palette.color(QPalette::Highlight);
    const int w = kRingWidth;
    painter->fillRect(QRect(rect.left(), rect.top(), rect.width(), w), ring);
    painter->fillRect(QRect(rect.left(), rect.bottom() - w + 1, rect.width(), w), ring);
    painter->fillRect(QRect(rect.left(), rect.top(), w, rect.height()), ring);
    painter->fillRect(QRect(rect.right() - w + 1, rect.top(), w, rect.height()), ring);
}

void FocusRingStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                   const QWidget* widget) const
{
    if (element == PE_FrameFocusRect) { // check boxes, radio buttons, item views
        QStyleOption ring(*option);
        ring.state |= State_HasFocus;
        drawRing(&ring, painter, option->rect);
        return;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    if (element == PE_PanelLineEdit)
        drawRing(option, painter, option->rect);
}

void FocusRingStyle::drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                                 const QWidget* widget) const
{
    QProxyStyle::drawControl(element, option, painter, widget);
    if (element == CE_PushButton || element == CE_ToolButtonLabel)
        drawRing(option, painter, option->rect);
}

void FocusRingStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                                        const QWidget* widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if (control == CC_ComboBox || control == CC_SpinBox || control == CC_ToolButton)
        drawRing(option, painter, option->rect);
}

void FocusRingStyle::install()
{
    if (qobject_cast<FocusRingStyle*>(QApplication::style()))
        return;
    QApplication::setStyle(new FocusRingStyle(QApplication::style()->name()));
}

} // namespace copp::ui
