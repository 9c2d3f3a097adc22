// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/bytetextmap.h>

#include <QGlyphRun>
#include <QStringView>
#include <QTextLayout>

#include <algorithm>
#include <iterator>

namespace copp::ui {

namespace {
constexpr qsizetype kPieceBytes = 256;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xc0) == 0x80;
}

// Whether `font`, or a font Qt falls back to for it, has a glyph for `c`.
bool canShow(const QFont& font, QChar c)
{
    QTextLayout layout(QString(c), font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    const QList<QGlyphRun> runs = layout.glyphRuns();
    return !runs.isEmpty()
        && std::none_of(runs.begin(), runs.end(), [](const QGlyphRun& run) { return run.glyphIndexes().contains(0); });
}

// Characters QTextDocument would not keep as one character in a block.
void showSeparatorsAsSymbols(QString& text, ByteTextMap::Symbols symbols)
{
    for (QChar& c : text) {
        switch (c.unicode()) {
        case u'\r':
            c = symbols.carriageReturn;
            break;
        case 0x2028: // LINE SEPARATOR
        case 0x2029: // PARAGRAPH SEPARATOR
            c = symbols.lineSeparator;
            break;
        case 0xfdd0: // QTextBeginningOfFrame
        case 0xfdd1: // QTextEndOfFrame
            c = QChar::ReplacementCharacter;
            break;
        default:
            break;
        }
    }
}
} // namespace

ByteTextMap::Symbols ByteTextMap::Symbols::forFont(const QFont& font)
{
    Symbols symbols;
    if (!canShow(font, symbols.carriageReturn))
        symbols.carriageReturn = QChar(0x21b5); // DOWNWARDS ARROW WITH CORNER LEFTWARDS, the return key's
    if (!canShow(font, symbols.lineSeparator))
        symbols.lineSeparator = QChar(0x00b6); // PILCROW SIGN
    return symbols;
}

ByteTextMap::ByteTextMap(const QByteArray& bytes, Symbols symbols) : m_bytes(bytes)
{
    for (qsizetype i = bytes.indexOf('\n'); i >= 0; i = bytes.indexOf('\n', i + 1))
        m_lineStarts.append(i + 1);
    m_ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (m_ascii) {
        m_text = QString::fromLatin1(bytes);
    } else {
        // Pieces start at every line start and at most kPieceBytes apart, each at a
        // byte that starts a character; the text is the pieces decoded one by one, so
        // positions and the text agree by construction (invalid UTF-8 included).
        for (qsizetype line = 0; line < m_lineStarts.size(); ++line) {
            const qsizetype lineEnd = line + 1 < m_lineStarts.size() ? m_lineStarts[line + 1] : bytes.size();
            qsizetype begin = m_lineStarts[line];
            do {
                qsizetype end = std::min(begin + kPieceBytes, lineEnd);
                while (end < lineEnd && isContinuationByte(bytes[end]))
                    ++end;
                m_pieces.append({begin, static_cast<int>(m_text.size())});
                m_text += QString::fromUtf8(bytes.constData() + begin, end - begin);
                begin = end;
            } while (begin < lineEnd);
        }
    }
    showSeparatorsAsSymbols(m_text, symbols);
}

int ByteTextMap::characterPosition(qsizetype byteOffset) const
{
    byteOffset = std::clamp<qsizetype>(byteOffset, 0, m_bytes.size());
    if (m_ascii)
        return static_cast<int>(byteOffset);
    const auto piece = std::prev(std::upper_bound(m_pieces.begin(), m_pieces.end(), byteOffset,
                                                  [](qsizetype b, const Piece& p) { return b < p.byte; }));
    return piece->character + static_cast<int>(QString::fromUtf8(m_bytes.constData() + piece->byte,
                                                                 byteOffset - piece->byte).size());
}

qsizetype ByteTextMap::byteOffset(int position) const
{
    if (m_ascii)
        return std::clamp<qsizetype>(position, 0, m_bytes.size());
    if (position <= 0)
        return 0;
    const auto piece = std::prev(std::upper_bound(m_pieces.begin(), m_pieces.end(), position,
                                                  [](int c, const Piece& p) { return c < p.character; }));
    const qsizetype pieceEnd = std::next(piece) != m_pieces.end() ? std::next(piece)->byte : m_bytes.size();
    const QString text = QString::fromUtf8(m_bytes.constData() + piece->byte, pieceEnd - piece->byte);
    return piece->byte + QStringView(text).left(position - piece->character).toUtf8().size();
}

} // namespace copp::ui
