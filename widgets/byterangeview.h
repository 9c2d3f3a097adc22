// SPDX-License-Identifier: BSD-3-Clause
// The chain file as text, with the byte ranges a step hashed or compared
// highlighted (and listed with their offsets in the step details, so colour is
// not the only signal), the bytes that differ from what a signer signed marked
// over them, and the byte offset of each line in a column at the left.
#pragma once

#include <core/validation/validationreport.h>
#include <widgets/bytetextmap.h>

#include <QPlainTextEdit>

namespace copp::ui {

class ByteOffsetGutter;

class ByteRangeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ByteRangeView(QWidget* parent = nullptr);
    void setDocumentBytes(const QByteArray& bytes);
    // Highlights [begin, end) byte ranges and marks the `differing` ones over
    // them (an empty one as the character at it), and scrolls to the first
    // differing range, else to the first range (when the view is hidden, e.g.
    // behind another tab, as soon as it is shown).
    void highlight(const QList<cert::ByteSpan>& spans, const QList<cert::ByteSpan>& differing = {});
    // Character position in the shown text of a byte offset (UTF-8 aware).
    int characterPosition(qsizetype byteOffset) const { return m_map.characterPosition(byteOffset); }
    QList<cert::ByteSpan> highlightedSpans() const { return m_spans; }
    QList<cert::ByteSpan> differingSpans() const { return m_differing; }

    // Byte offset of the start of line (text block) `block`; -1 past the last line.
    qsizetype byteOffsetOfLine(int block) const;
    // The lines in view, continuation lines of wrapped lines included, in
    // viewport coordinates: what the offset column shows.
    struct VisualLine {
        int top = 0;
        int height = 0;
        qsizetype byteOffset = 0;
    };
    QList<VisualLine> visibleLines() const;
    qsizetype fileSize() const { return m_size; }
    // What the text shows for a CR byte and for U+2028/U+2029 in this view's font.
    ByteTextMap::Symbols symbols() const { return ByteTextMap::Symbols::forFont(font()); }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateGutterGeometry();
    void updateGutter(const QRect& rect, int dy);
    QTextEdit::ExtraSelection selection(cert::ByteSpan span, const QTextCharFormat& format, bool showEmpty) const;
    void scrollToHighlight();

    ByteTextMap m_map;
    qsizetype m_size = 0;
    ByteOffsetGutter* m_gutter = nullptr;
    QList<cert::ByteSpan> m_spans;
    QList<cert::ByteSpan> m_differing;
    QTextCursor m_scrollTarget;
    bool m_scrollWhenShown = false;
};

} // namespace copp::ui
