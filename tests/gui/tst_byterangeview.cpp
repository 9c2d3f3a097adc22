// SPDX-License-Identifier: BSD-3-Clause
// ByteRangeView: the byte offset of every line start (LF, CRLF, non-ASCII,
// wrapped lines), CR bytes shown as ␍ (or ↵ where no font has ␍) with one
// character per decoded character, so a highlight of bytes covers exactly those
// bytes, and the differing bytes marked apart from the ranges.
#include <widgets/byteoffsetgutter.h>
#include <widgets/byterangeview.h>

#include <QImage>
#include <QTest>
#include <QTextBlock>

using copp::cert::ByteSpan;
using copp::ui::ByteRangeView;

namespace {

// Byte offsets after each '\n', as an engineer would count them in a hex dump.
QList<qsizetype> lineStarts(const QByteArray& bytes)
{
    QList<qsizetype> starts{0};
    for (qsizetype i = 0; i < bytes.size(); ++i)
        if (bytes[i] == '\n')
            starts.append(i + 1);
    return starts;
}

// `text` with ␍ and ␤ as `view` shows them in its font.
QString withSymbols(const ByteRangeView& view, QString text)
{
    const auto symbols = view.symbols();
    return text.replace(QChar(0x240d), symbols.carriageReturn).replace(QChar(0x2424), symbols.lineSeparator);
}

QString shown(const ByteRangeView& view, const QByteArray& bytes)
{
    return withSymbols(view, QString::fromUtf8(bytes).replace(u'\r', QChar(0x240d)));
}

ByteSpan spanOf(const QByteArray& bytes, const char* part)
{
    const qsizetype begin = bytes.indexOf(part);
    return {begin, begin + qsizetype(qstrlen(part))};
}

QString selectedText(const ByteRangeView& view, qsizetype index)
{
    return view.extraSelections().at(index).cursor.selectedText();
}

} // namespace

class TestByteRangeView : public QObject {
    Q_OBJECT
private slots:
    // ␍ where a font has it, else ↵ rather than an empty box.
    void carriageReturnSymbol()
    {
        ByteRangeView view;
        const QChar cr = view.symbols().carriageReturn;
        QVERIFY2(cr == QChar(0x240d) || cr == QChar(0x21b5), qPrintable(QString::number(cr.unicode(), 16)));
        view.setDocumentBytes("<a/>\r\n");
        QCOMPARE(view.toPlainText(), QStringLiteral("<a/>") + cr + u'\n');
    }

    void lineOffsets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("LF") << QByteArray("<a>\n  <b>x</b>\n\n</a>\n");
        QTest::newRow("CRLF") << QByteArray("<a>\r\n  <b>x</b>\r\n\r\n</a>\r\n");
        QTest::newRow("non-ASCII") << QByteArray("<a>\xc3\xa4\r\n <b>\xe2\x82\xac\xf0\x9d\x84\x9e</b>\n\xc3\xa9\n</a>");
        QTest::newRow("no final newline") << QByteArray("x\ny");
    }
    void lineOffsets()
    {
        QFETCH(QByteArray, bytes);
        ByteRangeView view;
        view.resize(600, 400);
        view.setDocumentBytes(bytes);
        const QList<qsizetype> starts = lineStarts(bytes);
        QCOMPARE(view.document()->blockCount(), starts.size());
        for (int line = 0; line < starts.size(); ++line)
            QCOMPARE(view.byteOffsetOfLine(line), starts[line]);
        QCOMPARE(view.byteOffsetOfLine(int(starts.size())), -1);
        QCOMPARE(view.toPlainText(), shown(view, bytes));

        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QList<qsizetype> drawn;
        for (const auto& line : view.visibleLines())
            drawn.append(line.byteOffset);
        QCOMPARE(drawn, starts);
        // Each line start maps to the first character of its block.
        for (int line = 0; line < starts.size(); ++line)
            QCOMPARE(view.characterPosition(starts[line]), view.document()->findBlockByNumber(line).position());
    }

    // QTextDocument makes these block or line separators; shown as symbols, every
    // position after them stays where the bytes say.
    void separatorsKeepPositions()
    {
        const QByteArray bytes("a\rb\xe2\x80\xa8" "c\xe2\x80\xa9" "d\xef\xb7\x90" "e\xef\xb7\x91" "f\r\n<g/>");
        ByteRangeView view;
        view.setDocumentBytes(bytes);
        QCOMPARE(view.document()->blockCount(), 2);
        QCOMPARE(view.toPlainText(), withSymbols(view, QString::fromUtf8("a␍b␤c␤d\xef\xbf\xbd" "e\xef\xbf\xbd" "f␍\n<g/>")));
        view.highlight({spanOf(bytes, "<g/>")}, {spanOf(bytes, "\r")});
        QCOMPARE(selectedText(view, 0), QStringLiteral("<g/>"));
        QCOMPARE(selectedText(view, 1), withSymbols(view, QStringLiteral("␍")));
    }

    void crlfHighlightIsExact()
    {
        QByteArray bytes;
        for (int i = 0; i < 40; ++i)
            bytes += "<c:Certificate n=\"" + QByteArray::number(i) + "\">\r\n  <c:Data>AAAA</c:Data>\r\n</c:Certificate>\r\n";
        const qsizetype begin = bytes.indexOf("<c:Data>", bytes.indexOf("n=\"37\""));
        const qsizetype end = bytes.indexOf("</c:Certificate>", begin) + 16;
        ByteRangeView view;
        view.setDocumentBytes(bytes);
        const ByteSpan cr{bytes.indexOf('\r', begin), bytes.indexOf('\r', begin) + 1};
        view.highlight({{begin, end}}, {cr});
        QCOMPARE(view.extraSelections().size(), 2);
        QCOMPARE(selectedText(view, 0),
                 withSymbols(view, QString::fromUtf8("<c:Data>AAAA</c:Data>␍\u2029</c:Certificate>")));
        QCOMPARE(selectedText(view, 1), withSymbols(view, QStringLiteral("␍")));
        QCOMPARE(view.characterPosition(begin), view.toPlainText().indexOf(QStringLiteral("<c:Data>"),
                                                                         view.toPlainText().indexOf(QStringLiteral("n=\"37\""))));
    }

    void nonAsciiHighlightIsExact()
    {
        const QByteArray bytes("<a>\xc3\xa4\xc3\xb6\r\n<b>\xe2\x82\xac\xf0\x9d\x84\x9e</b>\r\n</a>\r\n");
        ByteRangeView view;
        view.setDocumentBytes(bytes);
        view.highlight({spanOf(bytes, "<b>\xe2\x82\xac\xf0\x9d\x84\x9e</b>")}, {spanOf(bytes, "\xc3\xb6\r")});
        QCOMPARE(selectedText(view, 0), QString::fromUtf8("<b>€𝄞</b>"));
        QCOMPARE(selectedText(view, 1), withSymbols(view, QString::fromUtf8("ö␍")));
    }

    void differingSpansAreMarkedApart()
    {
        QByteArray bytes;
        for (int i = 0; i < 500; ++i)
            bytes += "<c:Line n=\"" + QByteArray::number(i) + "\"/>\r\n";
        const ByteSpan range = spanOf(bytes, "<c:Line n=\"2\"/>");
        const qsizetype far = bytes.indexOf("n=\"400\"");
        const QList<ByteSpan> differing{{far, far + 1}, {far + 1, far + 2}, {far + 5, far + 5}};
        ByteRangeView view;
        view.resize(500, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setDocumentBytes(bytes);
        view.highlight({range}, differing);
        QCOMPARE(view.highlightedSpans(), QList<ByteSpan>{range});
        QCOMPARE(view.differingSpans(), differing);

        // The range, then the two touching differing bytes as one, then the insertion point.
        const auto selections = view.extraSelections();
        QCOMPARE(selections.size(), 3);
        QCOMPARE(selectedText(view, 0), QStringLiteral("<c:Line n=\"2\"/>"));
        QCOMPARE(selectedText(view, 1), QStringLiteral("n="));
        QCOMPARE(selectedText(view, 2), QStringLiteral("0")); // the character at the empty span
        const QTextCharFormat rangeFormat = selections.at(0).format;
        const QTextCharFormat differingFormat = selections.at(1).format;
        QCOMPARE(differingFormat.underlineStyle(), QTextCharFormat::WaveUnderline); // not colour alone
        QVERIFY(rangeFormat.underlineStyle() != QTextCharFormat::WaveUnderline);
        QVERIFY(rangeFormat.background() != differingFormat.background());
        QCOMPARE(selections.at(2).format, differingFormat);

        // The first differing byte is brought into view, not the range.
        QCOMPARE(view.textCursor().position(), view.characterPosition(far));
        QTRY_VERIFY(view.viewport()->rect().contains(view.cursorRect(view.textCursor()).center()));
        QCOMPARE(view.visibleLines().isEmpty(), false);
        QVERIFY(view.visibleLines().front().byteOffset > range.end);

        // An empty span at a line end is the character before it.
        const qsizetype lineEnd = bytes.indexOf('\n', far);
        view.highlight({}, {{lineEnd, lineEnd}});
        QCOMPARE(selectedText(view, 0), withSymbols(view, QStringLiteral("␍")));

        // Hundreds of 1-byte spans apart: at most 100 drawn, all kept.
        QList<ByteSpan> crs;
        for (qsizetype cr = bytes.indexOf('\r'); cr >= 0; cr = bytes.indexOf('\r', cr + 1))
            crs.append({cr, cr + 1});
        view.highlight({}, crs);
        QCOMPARE(view.differingSpans().size(), 500);
        QCOMPARE(view.extraSelections().size(), 100);
        QCOMPARE(selectedText(view, 99), withSymbols(view, QStringLiteral("␍")));
    }

    // A wrapped line: each continuation line has the offset of its first byte,
    // the byte the view itself finds at the left edge of that line.
    void wrappedLinesHaveTheirOffsets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ASCII") << QByteArray("0123456789").repeated(100) + "\r\n<end/>\r\n";
        QTest::newRow("non-ASCII") << QByteArray("\xc3\xa4\xe2\x82\xac" "0123456").repeated(100) + "\r\n<end/>\r\n";
    }
    void wrappedLinesHaveTheirOffsets()
    {
        QFETCH(QByteArray, bytes);
        ByteRangeView view;
        view.resize(400, 500);
        view.setDocumentBytes(bytes);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QList<ByteRangeView::VisualLine> lines = view.visibleLines();
        const qsizetype second = bytes.indexOf('\n') + 1;
        QVERIFY2(lines.size() > 3, "the first line must wrap");
        QCOMPARE(lines.front().byteOffset, 0);
        QCOMPARE(lines.back().byteOffset, bytes.size()); // the empty last line
        QCOMPARE(lines.at(lines.size() - 2).byteOffset, second);
        for (qsizetype i = 1; i < lines.size() - 2; ++i) {
            const auto& line = lines.at(i);
            QVERIFY(line.byteOffset > lines.at(i - 1).byteOffset);
            QVERIFY(line.byteOffset < second);
            const int atLeftEdge = view.cursorForPosition(QPoint(1, line.top + line.height / 2)).position();
            QCOMPARE(view.characterPosition(line.byteOffset), atLeftEdge);
        }
        if (bytes.startsWith("0123")) // ASCII, fixed-width font: every wrapped line holds the same count
            for (qsizetype i = 1; i < lines.size() - 2; ++i)
                QCOMPARE(lines.at(i).byteOffset, i * lines.at(1).byteOffset);
    }

    void gutterFitsTheLargestOffset()
    {
        ByteRangeView view;
        view.resize(400, 300);
        view.setDocumentBytes("<a/>\n");
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* gutter = view.findChild<copp::ui::ByteOffsetGutter*>();
        QVERIFY(gutter);
        const int narrow = gutter->width();
        QVERIFY(narrow > 0);
        QCOMPARE(view.viewport()->x(), gutter->geometry().right() + 1); // the text starts after it
        view.setDocumentBytes(QByteArray("<a/>\n").repeated(300000)); // 1,500,000 bytes: 7 digits
        const int wide = gutter->width();
        QVERIFY(wide >= narrow + 6 * view.fontMetrics().horizontalAdvance(u'9'));
        QCOMPARE(view.viewport()->x(), gutter->geometry().right() + 1);
        // The digits are painted: the column is not one flat colour.
        const QImage image = gutter->grab().toImage();
        const QRgb background = image.pixel(0, 0);
        bool digits = false;
        for (int x = 0; x < image.width() && !digits; ++x)
            for (int y = 0; y < image.height() / 4 && !digits; ++y)
                digits = image.pixel(x, y) != background;
        QVERIFY(digits);
        QVERIFY(view.accessibleDescription().contains(QStringLiteral("offset")));
    }
};

QTEST_MAIN(TestByteRangeView)
#include "tst_byterangeview.moc"
