// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/presenterview.h>

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace copp::ui {

PresenterView::PresenterView(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("CoppScope — presenter view"));
    setAccessibleName(tr("Presenter view"));
    setAutoFillBackground(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 24);
    m_headline = new QLabel(this);
    m_output = new QLabel(this);
    m_types = new QLabel(this);
    m_since = new QLabel(this);
    m_alert = new QLabel(this);
    layout->addStretch(1);
    for (QLabel* label : {m_headline, m_output, m_types, m_since, m_alert}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(label != m_headline); // the headline is sized to fit, never wrapped
        layout->addWidget(label);
    }
    layout->addStretch(1);
    m_headline->setAccessibleName(tr("Protection verdict"));
    m_output->setAccessibleName(tr("Protection state"));
    m_types->setAccessibleName(tr("Protection per type"));
    m_since->setAccessibleName(tr("Protected since"));
    m_alert->setAccessibleName(tr("Latest alert"));
    resize(1280, 720);
    State idle;
    idle.headline = tr("NO SESSION");
    idle.output = tr("No session running");
    showState(idle);
}

QString PresenterView::clock(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void PresenterView::showState(const State& state)
{
    // The whole window is the verdict; the icon and the words say it without colour.
    const QString icon = state.verdict > 0 ? QStringLiteral("✔") : state.verdict == 0 ? QStringLiteral("✖") : QStringLiteral("?");
    const QColor background = state.verdict > 0 ? QColor(0x1b, 0x7f, 0x3b) : state.verdict == 0 ? QColor(0xb0, 0x00, 0x20) : QColor(0x4a, 0x4a, 0x4a);
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    m_headline->setText(icon + QLatin1Char(' ') + state.headline);
    m_output->setText(state.output);
    m_types->setText(state.types.join(QLatin1Char('\n')));
    m_types->setVisible(!state.types.isEmpty());
    m_since->setText(state.since);
    m_since->setVisible(!state.since.isEmpty());
    m_alert->setText(state.lastAlert);
    m_alert->setVisible(!state.lastAlert.isEmpty());
    fitFonts();
}

QString PresenterView::text() const
{
    return m_headline->text() + QLatin1Char('\n') + m_output->text();
}

void PresenterView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitFonts();
}

// Text scaled to the window: the headline a tenth of the height or more (as
// much as fits the width, up to a sixth), the rest a twenty-fifth.
void PresenterView::fitFonts()
{
    const int h = std::max(height(), 100);
    const int w = std::max(width() - 80, 100);
    QFont headline = font();
    headline.setBold(true);
    int px = h / 6;
    headline.setPixelSize(px);
    while (px > h / 10 && QFontMetrics(headline).horizontalAdvance(m_headline->text()) > w) {
        px -= 2;
        headline.setPixelSize(px);
    }
    m_headline->setFont(headline);
    QFont body = font();
    body.setPixelSize(std::max(14, h / 25));
    for (QLabel* label : {m_output, m_types, m_since, m_alert})
        label->setFont(body);
    QFont strong = body;
    strong.setBold(true);
    m_output->setFont(strong);
}

void PresenterView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_F11)
        setWindowState(windowState() ^ Qt::WindowFullScreen);
    else if (event->key() == Qt::Key_Escape && isFullScreen())
        showNormal();
    else if (event->key() == Qt::Key_Escape)
        close();
    else
        QWidget::keyPressEvent(event);
}

} // namespace copp::ui
