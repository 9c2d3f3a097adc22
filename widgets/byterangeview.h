// SPDX-License-Identifier: BSD-3-Clause
// The chain file as text, with the byte ranges a step hashed or compared
// highlighted (and listed with their offsets in the step details, so colour is
// not the only signal).
#pragma once

#include <core/validation/validationreport.h>

#include <QPlainTextEdit>

namespace copp::ui {

class ByteRangeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ByteRangeView(QWidget* parent = nullptr);
    void setDocumentBytes(const QByteArray& bytes);
    // Highlights [begin, end) byte ranges and scrolls to the first (when the view
    // is hidden, e.g. behind another tab, as soon as it is shown).
    void highlight(const QList<cert::ByteSpan>& spans);
    // Character position in the shown text of a byte offset (UTF-8 aware).
    int characterPosition(qsizetype byteOffset) const;
    QList<cert::ByteSpan> highlightedSpans() const { return m_spans; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void scrollToHighlight();

    QByteArray m_bytes;
    bool m_ascii = true;
    QList<cert::ByteSpan> m_spans;
    bool m_scrollWhenShown = false;
};

} // namespace copp::ui
