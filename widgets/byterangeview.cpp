// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/byterangeview.h>

#include <widgets/byteoffsetgutter.h>
#include <widgets/outcomeicons.h>

#include <QFontDatabase>
#include <QTextBlock>

#include <utility>

namespace copp::ui {

namespace {
// Ranges that touch are one highlight. At most kMaxHighlights of a kind are drawn:
// each costs a text layout lookup, and a step naming 99,000 duplicated elements kept
// the window busy for minutes (the step details list the ranges with their offsets).
QList<cert::ByteSpan> mergedSpans(const QList<cert::ByteSpan>& spans)
{
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
    return merged;
}
} // namespace

ByteRangeView::ByteRangeView(QWidget* parent) : QPlainTextEdit(parent), m_gutter(new ByteOffsetGutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Raw chain bytes"));
    setAccessibleDescription(tr("The chain file as read, with the byte offset of each line at its left and carriage "
                                "returns shown as a symbol; the bytes of the selected step are highlighted, bytes "
                                "that differ from the signed ones are marked with a wavy underline"));
    connect(this, &QPlainTextEdit::updateRequest, this, &ByteRangeView::updateGutter);
    updateGutterGeometry();
}

void ByteRangeView::setDocumentBytes(const QByteArray& bytes)
{
    m_map = ByteTextMap(bytes, symbols());
    m_size = bytes.size();
    m_spans.clear();
    m_differing.clear();
    m_scrollTarget = {};
    setExtraSelections({});
    setPlainText(m_map.takeText());
    updateGutterGeometry();
}

qsizetype ByteRangeView::byteOffsetOfLine(int block) const
{
    const QList<qsizetype>& starts = m_map.lineStarts();
    return block >= 0 && block < starts.size() ? starts[block] : -1;
}

QList<ByteRangeView::VisualLine> ByteRangeView::visibleLines() const
{
    QList<VisualLine> lines;
    const int bottom = viewport()->height();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF box = blockBoundingGeometry(block).translated(contentOffset());
        if (box.top() > bottom)
            break;
        const QTextLayout* layout = block.layout();
        const int count = layout ? layout->lineCount() : 0;
        if (count == 0) { // not laid out yet: the line start only
            lines.append({qRound(box.top()), fontMetrics().height(), byteOffsetOfLine(block.blockNumber())});
            continue;
        }
        for (int i = 0; i < count; ++i) {
            const QTextLine line = layout->lineAt(i);
            const qreal top = box.top() + line.y();
            if (top + line.height() < 0)
                continue;
            if (top > bottom)
                break;
            const qsizetype offset = i == 0 ? byteOffsetOfLine(block.blockNumber())
                                            : m_map.byteOffset(block.position() + line.textStart());
            lines.append({qRound(top), qRound(line.height()), offset});
        }
    }
    return lines;
}

// The gutter is as wide as the file size needs (a view font's digits).
void ByteRangeView::updateGutterGeometry()
{
    const int width = m_gutter->sizeHint().width();
    setViewportMargins(width, 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), width, area.height());
}

// As in Qt's Code Editor example: the gutter follows the viewport's scrolling and repaints.
void ByteRangeView::updateGutter(const QRect& rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void ByteRangeView::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void ByteRangeView::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGutterGeometry();
}

QTextEdit::ExtraSelection ByteRangeView::selection(cert::ByteSpan span, const QTextCharFormat& format,
                                                   bool showEmpty) const
{
    int begin = characterPosition(span.begin);
    int end = characterPosition(span.end);
    if (showEmpty && begin == end) {
        // An insertion point is shown as the character at it, or before it at a line end.
        const int last = document()->characterCount() - 1;
        if (end < last && document()->characterAt(end) != QChar::ParagraphSeparator)
            ++end;
        else if (begin > 0)
            --begin;
    }
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(document());
    sel.cursor.setPosition(begin);
    sel.cursor.setPosition(end, QTextCursor::KeepAnchor);
    sel.format = format;
    return sel;
}

void ByteRangeView::highlight(const QList<cert::ByteSpan>& spans, const QList<cert::ByteSpan>& differing)
{
    m_spans = spans;
    m_differing = differing;
    QTextCharFormat ranges;
    ranges.setBackground(QColor(0xff, 0xe0, 0x82));
    ranges.setForeground(QColor(Qt::black)); // the light background in a dark theme too
    ranges.setFontUnderline(true); // not colour alone
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto& span : mergedSpans(spans))
        selections.append(selection(span, ranges, false));
    // Drawn after the ranges, so over them. Not colour alone: light on dark (the
    // ranges are dark on light), a line over and a wavy line under the bytes.
    QTextCharFormat differs;
    differs.setBackground(outcomeColor(validation::Outcome::Fail));
    differs.setForeground(QColor(Qt::white));
    differs.setFontOverline(true);
    differs.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    const qsizetype firstDiffering = selections.size();
    for (const auto& span : mergedSpans(differing))
        selections.append(selection(span, differs, true));
    m_scrollTarget = selections.isEmpty() ? QTextCursor()
        : selections.at(selections.size() > firstDiffering ? firstDiffering : 0).cursor;
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

// The end of the highlight, then its start: as much of it as fits is shown, its
// start always (ensureCursorVisible alone left a long range below the view, its
// first line at the bottom edge).
void ByteRangeView::scrollToHighlight()
{
    if (m_scrollTarget.isNull())
        return;
    QTextCursor c(document());
    c.setPosition(m_scrollTarget.selectionEnd());
    setTextCursor(c);
    ensureCursorVisible();
    c.setPosition(m_scrollTarget.selectionStart());
    setTextCursor(c);
    ensureCursorVisible();
}

} // namespace copp::ui
