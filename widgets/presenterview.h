// The presenter view for demos: large, readable across a room, one plain
// language line per output with a symbol (never colour alone), and the latest
// alert. Escape or F11 leave full screen.
#pragma once

#include <QWidget>

class QLabel;

namespace copp::ui {

class PresenterView : public QWidget {
    Q_OBJECT
public:
    explicit PresenterView(QWidget* parent = nullptr);
    // verdict: 1 protected, 0 not protected, -1 unknown.
    void showState(int verdict, const QString& sentence, const QString& latestAlert);
    QString text() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_symbol = nullptr;
    QLabel* m_line = nullptr;
    QLabel* m_alert = nullptr;
};

} // namespace copp::ui
