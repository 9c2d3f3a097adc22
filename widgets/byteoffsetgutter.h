// SPDX-License-Identifier: BSD-3-Clause
// The offset column of ByteRangeView: the decimal byte offset in the file of
// the start of each line in view, continuation lines of wrapped lines included.
// As in Qt's Code Editor example, the view leaves a viewport margin and this
// widget paints in it. Decoration: the view's accessible description says it
// is there.
#pragma once

#include <QWidget>

namespace copp::ui {

class ByteRangeView;

class ByteOffsetGutter : public QWidget {
    Q_OBJECT
public:
    explicit ByteOffsetGutter(ByteRangeView* view);
    // Wide enough for the file size, the largest offset there can be.
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ByteRangeView* m_view;
};

} // namespace copp::ui
