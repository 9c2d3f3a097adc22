// SPDX-License-Identifier: BSD-3-Clause
// The presenter view for a room (docs/evidence.md "Presenter view"): the whole
// window is the verdict (colour + icon + words), the headline scaled to the
// window (at least a tenth of its height, never wrapped), one line per
// requested protection type, how long it has been protected again after a
// loss, and the last alert with its time. Escape or F11 leave full screen.
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace copp::ui {

class PresenterView : public QWidget {
    Q_OBJECT
public:
    struct State {
        int verdict = -1;          // 1 protected, 0 not protected, -1 unknown / no session
        QString headline;          // "PROTECTED", "NOT PROTECTED", "CHECKING…"
        QString output;            // "HDMI output", or why there is no state
        QStringList types;         // "✔ HDCP on", "✖ ACP off — level 2 requested"
        QString since;             // "protected again since 0:48", or empty
        QString lastAlert;         // "Last alert at 0:03: Link lost", or empty
    };
    explicit PresenterView(QWidget* parent = nullptr);
    void showState(const State& state);
    QString text() const;          // the headline and the output line
    QLabel* headlineLabel() const { return m_headline; }
    // "0:48", "1:02:05": a session time as people read it from across a room.
    static QString clock(qint64 ms);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitFonts();
    QLabel* m_headline = nullptr;
    QLabel* m_output = nullptr;
    QLabel* m_types = nullptr;
    QLabel* m_since = nullptr;
    QLabel* m_alert = nullptr;
};

} // namespace copp::ui
