#include "presenterview.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace copp::ui {

PresenterView::PresenterView(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("CoppScope — presenter view"));
    setAccessibleName(tr("Presenter view"));
    auto* layout = new QVBoxLayout(this);
    m_symbol = new QLabel(this);
    m_line = new QLabel(this);
    m_alert = new QLabel(this);
    for (QLabel* label : {m_symbol, m_line, m_alert}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_symbol->setAccessibleName(tr("Protection symbol"));
    m_line->setAccessibleName(tr("Protection state"));
    m_alert->setAccessibleName(tr("Latest alert"));
    QFont big = font();
    big.setPointSize(40);
    big.setBold(true);
    m_line->setFont(big);
    big.setPointSize(96);
    m_symbol->setFont(big);
    QFont medium = font();
    medium.setPointSize(24);
    m_alert->setFont(medium);
    resize(1280, 720);
    showState(-1, tr("No session running"), QString());
}

void PresenterView::showState(int verdict, const QString& sentence, const QString& latestAlert)
{
    // Symbol + words + colour: each alone says it.
    const QString symbol = verdict > 0 ? QStringLiteral("✔") : verdict == 0 ? QStringLiteral("✖") : QStringLiteral("?");
    const QString colour = verdict > 0 ? QStringLiteral("#1b7f3b") : verdict == 0 ? QStringLiteral("#b00020") : QStringLiteral("#555555");
    m_symbol->setText(symbol);
    m_symbol->setStyleSheet(QStringLiteral("color: %1").arg(colour));
    m_line->setText(sentence);
    m_line->setStyleSheet(QStringLiteral("color: %1").arg(colour));
    m_alert->setText(latestAlert.isEmpty() ? QString() : tr("Last alert: %1").arg(latestAlert));
}

QString PresenterView::text() const
{
    return m_line->text();
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
