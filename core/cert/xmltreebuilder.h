// SPDX-License-Identifier: BSD-3-Clause
// Builds an XmlTree while ExpatReader walks a document. Strings go into one growing UTF-16 buffer and are referred to by
// position until finish(): only then does the buffer stop moving, and positions
// become the views XmlElement holds. Internal to core/cert.
#pragma once

#include <core/cert/xmldocument.h>

#include <QByteArrayView>

namespace copp::cert {

class XmlTreeBuilder {
public:
    // A string in the buffer, by position (the buffer may still grow and move).
    struct Ref {
        qsizetype offset = 0;
        qsizetype size = 0;
    };
    struct Attribute {
        Ref localName;
        Ref qualifiedName;
        Ref namespaceUri;
        Ref value;
    };
    struct Element {
        Ref localName;
        Ref qualifiedName;
        Ref namespaceUri;
        Ref text;
        qsizetype firstAttribute = 0;
        qsizetype attributeCount = 0;
        ByteSpan outer;
        ByteSpan inner;
        qint64 line = 0;
        int parent = -1;
        bool textInPieces = false; // interrupted text: joined by finish()
    };

    void reserve(qsizetype chars, qsizetype elements);

    Ref addUtf8(QByteArrayView text); // UTF-8 from the reader; a leading U+FEFF is kept

    // A new element, last in document order. The reference stays valid until
    // the next addElement.
    Element& addElement();
    // An attribute of the last element added.
    void addAttribute(const Attribute& attribute);
    Element& element(int index) { return m_elements[static_cast<std::size_t>(index)]; }
    const Element& element(int index) const { return m_elements[static_cast<std::size_t>(index)]; }
    // A string added so far; valid until the next add.
    QStringView text(Ref ref) const { return QStringView(m_chars).sliced(ref.offset, ref.size); }
    int elementCount() const { return static_cast<int>(m_elements.size()); }

    // Character data of `element`, after what it already has.
    void appendUtf8Text(int element, QByteArrayView text);

    // The finished tree; the builder is empty afterwards.
    std::shared_ptr<const XmlTree> finish();

private:
    // A piece of text of `element`, just appended to the buffer as `piece`.
    void noteText(int element, Ref piece);
    // Each element's text pieces made contiguous, each character copied once.
    void joinTextPieces();

    struct TextPiece {
        int element;
        Ref text;
    };

    QString m_chars;
    std::vector<Element> m_elements;
    std::vector<Attribute> m_attributes;
    std::vector<TextPiece> m_textPieces; // of elements whose text a child or comment interrupted
};

} // namespace copp::cert
