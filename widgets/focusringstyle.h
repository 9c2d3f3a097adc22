// SPDX-License-Identifier: BSD-3-Clause
// A style wrapper that makes keyboard focus visible on every control
// (docs/session-workspace.md "Keyboard"): a 2 px ring in the palette's
// highlight colour around the focused button, box, field or check box. The
// platform styles draw 1 px or a dotted line, easy to lose on a laptop screen.
#pragma once

#include <QProxyStyle>

namespace copp::ui {

class FocusRingStyle : public QProxyStyle {
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;
    static constexpr int kRingWidth = 2;

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption* option, QPainter* painter,
                     const QWidget* widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex* option, QPainter* painter,
                            const QWidget* widget = nullptr) const override;

    // Installs the ring over the application's current style.
    static void install();

private:
    static void drawRing(const QStyleOption* option, QPainter* painter, const QRect& rect);
};

} // namespace copp::ui
