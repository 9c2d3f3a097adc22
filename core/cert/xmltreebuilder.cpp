#include "xmltreebuilder.h"

#include <QStringDecoder>

#include <utility>

namespace copp::cert {

void XmlTreeBuilder::reserve(qsizetype chars, qsizetype elements)
{
    m_chars.reserve(chars);
    m_elements.reserve(static_cast<std::size_t>(elements));
    m_attributes.reserve(static_cast<std::size_t>(elements) / 2); // a chain has one per four elements
}

XmlTreeBuilder::Ref XmlTreeBuilder::addString(QStringView text)
{
    const Ref ref{m_chars.size(), text.size()};
    m_chars.append(text);
    return ref;
}

XmlTreeBuilder::Ref XmlTreeBuilder::addLatin1(QByteArrayView text)
{
    const Ref ref{m_chars.size(), text.size()};
    m_chars.append(QLatin1StringView(text));
    return ref;
}

XmlTreeBuilder::Ref XmlTreeBuilder::addUtf8(QByteArrayView text)
{
    // QString::fromUtf8 would drop a leading U+FEFF (it takes it for a
    // byte-order mark); inside a document it is a character.
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return addString(QString(decoder.decode(text)));
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

XmlTreeBuilder::Ref& XmlTreeBuilder::textAtEnd(int element)
{
    Ref& text = m_elements[static_cast<std::size_t>(element)].text;
    if (text.size == 0) {
        text.offset = m_chars.size();
    } else if (text.offset + text.size != m_chars.size()) {
        // Text interrupted by a child element or comment: keep it contiguous.
        const QString sofar = m_chars.sliced(text.offset, text.size);
        text.offset = m_chars.size();
        m_chars.append(sofar);
    }
    return text;
}

void XmlTreeBuilder::appendText(int element, QStringView text)
{
    if (text.isEmpty())
        return;
    textAtEnd(element).size += text.size();
    m_chars.append(text);
}

void XmlTreeBuilder::appendLatin1Text(int element, QByteArrayView text)
{
    if (text.isEmpty())
        return;
    textAtEnd(element).size += text.size();
    m_chars.append(QLatin1StringView(text));
}

void XmlTreeBuilder::appendUtf8Text(int element, QByteArrayView text)
{
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
    appendText(element, QString(decoder.decode(text)));
}

std::shared_ptr<const XmlTree> XmlTreeBuilder::finish()
{
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
