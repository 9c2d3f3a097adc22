// SPDX-License-Identifier: BSD-3-Clause
// The protection chart's view with its mouse and keyboard (ProtectionChart's
// header comment): the wheel zooms around the pointer, a horizontal wheel or
// Shift+wheel scrolls, a middle or Ctrl+left drag pans, a right click zooms
// out, Left/Right scroll and "=" zooms in. A left drag stays QChartView's
// rubber band. The other keys (+, -, Space, P, Home, End) are the chart's
// toolbar shortcuts.
#pragma once

#include <QChartView>

namespace copp::ui {

class ProtectionChart;

class ChartNavigationView final : public QChartView {
public:
    ChartNavigationView(QChart* chart, ProtectionChart* owner);

protected:
    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void keyPressEvent(QKeyEvent* e) override;

private:
    ProtectionChart* m_owner;
    bool m_panning = false;
    double m_panX = 0;
};

} // namespace copp::ui
