// SPDX-License-Identifier: BSD-3-Clause
// A file's bytes as ByteRangeView shows them, one character per decoded
// character of the file, and the map between byte offsets and positions in
// that text. QTextDocument makes "\r\n", a lone CR, U+2029 and its frame
// markers (U+FDD0, U+FDD1) block separators and U+2028 a line break, which
// would shift every position after them: those are shown as visible symbols
// instead (a CR as U+240D, so CRLF line endings can be seen and highlighted).
#pragma once

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QString>

#include <utility>

namespace copp::ui {

class ByteTextMap {
public:
    // What stands for a CR and for U+2028/U+2029: the Control Pictures U+240D and
    // U+2424, or, where no installed font has them, the return arrow U+21B5 and a
    // pilcrow, which common monospace fonts have, rather than empty boxes.
    struct Symbols {
        QChar carriageReturn{0x240d};
        QChar lineSeparator{0x2424};
        static Symbols forFont(const QFont& font);
    };

    ByteTextMap() = default;
    ByteTextMap(const QByteArray& bytes, Symbols symbols);

    // The text to show (built once; the document keeps its own copy).
    QString takeText() { return std::move(m_text); }
    // Byte offsets of the line starts: 0 and every offset after a '\n'.
    const QList<qsizetype>& lineStarts() const { return m_lineStarts; }
    // Position in the text of the character at `byteOffset` (clamped to the file).
    int characterPosition(qsizetype byteOffset) const;
    // Byte offset of the character at `position`: the UTF-8 bytes of the characters before it.
    qsizetype byteOffset(int position) const;

private:
    // Non-ASCII files are decoded piece by piece, each piece starting at a
    // character: a position is then found by decoding one piece, not the file
    // before it (16 MiB may be one line).
    struct Piece {
        qsizetype byte = 0;
        int character = 0;
    };
    QByteArray m_bytes;
    QString m_text;
    bool m_ascii = true;
    QList<qsizetype> m_lineStarts{0};
    QList<Piece> m_pieces;
};

} // namespace copp::ui
