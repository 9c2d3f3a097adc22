// SPDX-License-Identifier: BSD-3-Clause
// A one-line label that elides its text with "…" to the width it is given,
// and keeps the whole text in its tooltip and accessible description. The
// session page's state line and alert banner use it: a long alert detail
// must neither push the chart down (a wrapping label did) nor be cut mid-word.
#pragma once

#include <QLabel>

namespace copp::ui {

class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    void setFullText(const QString& text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void elide();
    QString m_full;
};

} // namespace copp::ui
