// SPDX-License-Identifier: BSD-3-Clause
#include <core/cert/xmltreebuilder.h>

#include <QStringDecoder>

#include <algorithm>
#include <utility>

namespace copp::cert {

void XmlTreeBuilder::reserve(qsizetype chars, qsizetype elements)
{
    m_chars.reserve(chars);
    m_elements.reserve(static_cast<std::size_t>(elements));
    m_attributes.reserve(static_cast<std::size_t>(elements) / 2); // a chain has one per four elements
}

XmlTreeBuilder::Ref XmlTreeBuilder::addUtf8(QByteArrayView text)
{
    // QString::fromUtf8 would drop a leading U+FEFF (it takes it for a
    // byte-order mark); inside a document it is a character.
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    const qsizetype at = m_chars.size();
    m_chars.resize(at + decoder.requiredSpace(text.size()));
    const QChar* end = decoder.appendToBuffer(m_chars.data() + at, text);
    m_chars.truncate(end - m_chars.constData());
    return {at, m_chars.size() - at};
}

XmlTreeBuilder::Element& XmlTreeBuilder::addElement()
{
    Element& e = m_elements.emplace_back();
    e.firstAttribute = static_cast<qsizetype>(m_attributes.size());
    return e;
}

void XmlTreeBuilder::addAttribute(const Attribute& attribute)
{
    m_attributes.push_back(attribute);
    ++m_elements.back().attributeCount;
}

void XmlTreeBuilder::noteText(int element, Ref piece)
{
    Element& e = m_elements[static_cast<std::size_t>(element)];
    const qsizetype at = piece.offset;
    const qsizetype size = piece.size;
    if (!e.textInPieces) {
        if (e.text.size == 0) {
            e.text = {at, size};
            return;
        }
        if (e.text.offset + e.text.size == at) { // nothing came between: one run
            e.text.size += size;
            return;
        }
        // Text interrupted by a child element or comment. Moving it to the end of the
        // buffer each time was quadratic: 99,000 children of one element, each with
        // an attribute value, took 40 s. The pieces are joined once, by finish().
        e.textInPieces = true;
        m_textPieces.push_back({element, e.text});
    }
    TextPiece& last = m_textPieces.back();
    if (last.element == element && last.text.offset + last.text.size == at)
        last.text.size += size;
    else
        m_textPieces.push_back({element, {at, size}});
}

void XmlTreeBuilder::joinTextPieces()
{
    if (m_textPieces.empty())
        return;
    // Pieces grouped by element, in document order within each.
    std::stable_sort(m_textPieces.begin(), m_textPieces.end(),
                     [](const TextPiece& a, const TextPiece& b) { return a.element < b.element; });
    qsizetype total = 0;
    for (const TextPiece& p : m_textPieces)
        total += p.text.size;
    // Appending from the buffer to itself is safe only while it does not reallocate.
    m_chars.reserve(m_chars.size() + total);
    for (std::size_t i = 0; i < m_textPieces.size();) {
        const int element = m_textPieces[i].element;
        Element& e = m_elements[static_cast<std::size_t>(element)];
        e.text = {m_chars.size(), 0};
        for (; i < m_textPieces.size() && m_textPieces[i].element == element; ++i) {
            const Ref piece = m_textPieces[i].text;
            m_chars.append(m_chars.constData() + piece.offset, piece.size);
            e.text.size += piece.size;
        }
        e.textInPieces = false;
    }
    m_textPieces.clear();
}

void XmlTreeBuilder::appendUtf8Text(int element, QByteArrayView text)
{
    if (text.isEmpty())
        return;
    noteText(element, addUtf8(text));
}

std::shared_ptr<const XmlTree> XmlTreeBuilder::finish()
{
    joinTextPieces();
    auto tree = std::make_shared<XmlTree>();
    tree->chars = std::move(m_chars);
    m_chars = QString();
    const QChar* base = tree->chars.constData();
    auto view = [base](Ref r) { return QStringView(base + r.offset, r.size); };

    tree->attributes.reserve(m_attributes.size());
    for (const Attribute& a : m_attributes)
        tree->attributes.push_back({view(a.localName), view(a.qualifiedName), view(a.namespaceUri), view(a.value)});

    // Child lists: every element's children together, in document order. Count
    // them per parent, then place each child at its parent's next free slot; after
    // placing, slot[p] is where p's list ends, and slot[p - 1] where it begins.
    const std::size_t count = m_elements.size();
    std::vector<int> slot(count, 0);
    for (const Element& e : m_elements) {
        if (e.parent >= 0)
            ++slot[static_cast<std::size_t>(e.parent)];
    }
    int total = 0;
    for (int& s : slot)
        total += std::exchange(s, total);
    tree->children.resize(static_cast<std::size_t>(total));
    for (std::size_t i = 0; i < count; ++i) {
        const int parent = m_elements[i].parent;
        if (parent >= 0)
            tree->children[static_cast<std::size_t>(slot[static_cast<std::size_t>(parent)]++)] = static_cast<int>(i);
    }

    // Filled in place: one allocation, no per-element append.
    tree->elements.resize(static_cast<qsizetype>(count));
    XmlElement* out = tree->elements.data();
    for (std::size_t i = 0; i < count; ++i, ++out) {
        const Element& e = m_elements[i];
        const int childrenBegin = i == 0 ? 0 : slot[i - 1];
        out->localName = view(e.localName);
        out->qualifiedName = view(e.qualifiedName);
        out->namespaceUri = view(e.namespaceUri);
        out->attributes = std::span<const XmlAttribute>(tree->attributes.data() + e.firstAttribute,
                                                        static_cast<std::size_t>(e.attributeCount));
        out->text = view(e.text);
        out->outer = e.outer;
        out->inner = e.inner;
        out->line = e.line;
        out->parent = e.parent;
        out->children = std::span<const int>(tree->children.data() + childrenBegin,
                                             static_cast<std::size_t>(slot[i] - childrenBegin));
    }
    m_elements.clear();
    m_attributes.clear();
    return tree;
}

} // namespace copp::cert
