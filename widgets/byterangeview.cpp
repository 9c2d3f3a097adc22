// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/byterangeview.h>

#include <QFontDatabase>
#include <QTextBlock>

#include <algorithm>
#include <utility>

namespace copp::ui {

ByteRangeView::ByteRangeView(QWidget* parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Raw chain bytes"));
    setAccessibleDescription(tr("The chain file as read, with the bytes of the selected step highlighted"));
}

void ByteRangeView::setDocumentBytes(const QByteArray& bytes)
{
    m_bytes = bytes;
    m_ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    m_spans.clear();
    setExtraSelections({});
    setPlainText(QString::fromUtf8(bytes));
}

int ByteRangeView::characterPosition(qsizetype byteOffset) const
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, m_bytes.size());
    if (m_ascii)
        return static_cast<int>(byteOffset);
    return static_cast<int>(QString::fromUtf8(m_bytes.left(byteOffset)).size());
}

void ByteRangeView::highlight(const QList<cert::ByteSpan>& spans)
{
    m_spans = spans;
    // Ranges that touch are one highlight. At most kMaxHighlights are drawn: each costs
    // a text layout lookup, and a step naming 99,000 duplicated elements kept the
    // window busy for minutes (the step details list the ranges with their offsets).
    constexpr qsizetype kMaxHighlights = 100;
    QList<cert::ByteSpan> merged;
    for (const auto& span : spans) {
        if (!span.isValid())
            continue;
        if (!merged.isEmpty() && merged.back().end == span.begin)
            merged.back().end = span.end;
        else if (merged.size() < kMaxHighlights)
            merged.append(span);
        else
            break;
    }
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto& span : merged) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(document());
        sel.cursor.setPosition(characterPosition(span.begin));
        sel.cursor.setPosition(characterPosition(span.end), QTextCursor::KeepAnchor);
        sel.format.setBackground(QColor(0xff, 0xe0, 0x82));
        sel.format.setFontUnderline(true); // not colour alone
        selections.append(sel);
    }
    setExtraSelections(selections);
    // A hidden view cannot scroll (no layout yet): the Raw bytes tab showed the top
    // of the file when the step was picked while the Step details tab was in front.
    m_scrollWhenShown = !isVisible();
    if (!m_scrollWhenShown)
        scrollToHighlight();
}

void ByteRangeView::showEvent(QShowEvent* event)
{
    QPlainTextEdit::showEvent(event);
    if (std::exchange(m_scrollWhenShown, false))
        scrollToHighlight();
}

// The end of the first highlight, then its start: as much of it as fits is
// shown, its start always (ensureCursorVisible alone left a long range below
// the view, its first line at the bottom edge).
void ByteRangeView::scrollToHighlight()
{
    const QList<QTextEdit::ExtraSelection> selections = extraSelections();
    if (selections.isEmpty())
        return;
    QTextCursor c(document());
    c.setPosition(selections.first().cursor.selectionEnd());
    setTextCursor(c);
    ensureCursorVisible();
    c.setPosition(selections.first().cursor.selectionStart());
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace copp::ui
