#include "strictxmlscanner.h"

#include "xmlscanpool.h"
#include "xmlscanbytes.h"
#include "xmltreebuilder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace copp::cert {

namespace {

using namespace xmlscan;

struct QName {
    QByteArrayView qualified;
    QByteArrayView prefix; // empty when unprefixed
    QByteArrayView local;
};

struct RawAttribute {
    QName name;
    QByteArrayView value;
    bool ascii = true;
    bool isDeclaration = false; // xmlns or xmlns:p
};

// One namespace declaration in scope; `prefix` is empty for the default namespace.
struct Binding {
    QByteArrayView prefix;
    XmlTreeBuilder::Ref uri;
};

struct OpenElement {
    int index;
    qsizetype qualifiedNameBytes; // the end tag must repeat the name
};

class Scanner {
public:
    Scanner(const QByteArray& bytes, qsizetype start, const XmlLimits& limits)
        : m_p(reinterpret_cast<const unsigned char*>(bytes.constData()))
        , m_n(bytes.size())
        , m_pos(start)
        , m_limits(limits)
    {
    }

    // False: outside the subset (the caller falls back to QXmlStreamReader).
    bool run()
    {
        // At most one UTF-16 unit per byte, unless text is interrupted by a child.
        tree.reserve(m_n - m_pos, countTagOpenings());
        // Room for a real chain's nesting, namespaces and attributes: no regrowth on the way.
        m_open.reserve(16);
        m_scopes.reserve(16);
        m_bindings.reserve(16);
        m_attributes.reserve(8);
        if (!declaration())
            return false;
        if (!miscellaneous())
            return false;
        // The root element: anything else here (PI, DOCTYPE, text) declines.
        if (peek() != '<' || !isNameStart(static_cast<unsigned char>(peekAt(1))))
            return false;
        if (!content())
            return false;
        return miscellaneous() && m_pos == m_n;
    }

    XmlTreeBuilder tree;
    QString declaredEncoding;

private:
    // Every element starts with a '<' not followed by '/', so this bounds the element count.
    qsizetype countTagOpenings() const
    {
        qsizetype count = 0;
        const auto* end = m_p + m_n;
        for (const auto* at = m_p + m_pos; (at = static_cast<const unsigned char*>(std::memchr(at, '<', static_cast<std::size_t>(end - at)))) != nullptr; ++at) {
            if (at + 1 == end || at[1] != '/')
                ++count;
        }
        return std::min<qsizetype>(count, m_limits.maxElements);
    }

    int peek() const { return m_pos < m_n ? m_p[m_pos] : -1; }
    int peekAt(qsizetype ahead) const { return m_pos + ahead < m_n ? m_p[m_pos + ahead] : -1; }
    QByteArrayView view(qsizetype from, qsizetype to) const
    {
        return QByteArrayView(reinterpret_cast<const char*>(m_p) + from, to - from);
    }

    bool literal(const char* text)
    {
        const auto length = static_cast<qsizetype>(std::strlen(text));
        if (m_n - m_pos < length || std::memcmp(m_p + m_pos, text, static_cast<std::size_t>(length)) != 0)
            return false;
        m_pos += length;
        return true;
    }

    // XML's S, without CR (CR is normalised by XML parsers; declined here).
    bool skipSpace()
    {
        const qsizetype from = m_pos;
        for (int c = peek(); c == ' ' || c == '\t' || c == '\n'; c = peek()) {
            if (c == '\n')
                ++m_line;
            ++m_pos;
        }
        return m_pos > from;
    }

    bool ncName(QByteArrayView* out)
    {
        const qsizetype from = m_pos;
        if (!isNameStart(static_cast<unsigned char>(peek()))) // end of input (-1) is 0xff: no name
            return false;
        ++m_pos;
        while (m_pos < m_n && isNameChar(m_p[m_pos]))
            ++m_pos;
        *out = view(from, m_pos);
        return true;
    }

    bool qName(QName* out)
    {
        const qsizetype from = m_pos;
        QByteArrayView first;
        if (!ncName(&first))
            return false;
        if (peek() == ':') {
            ++m_pos;
            if (!ncName(&out->local))
                return false;
            out->prefix = first;
        } else {
            out->prefix = {};
            out->local = first;
        }
        out->qualified = view(from, m_pos);
        return true;
    }

    // Eq ::= S? '=' S?, then a quoted value of bytes accepted by `allowed`.
    template <typename Allowed>
    bool quotedValue(QByteArrayView* value, bool* ascii, Allowed allowed)
    {
        skipSpace();
        if (peek() != '=')
            return false;
        ++m_pos;
        skipSpace();
        const int quote = peek();
        if (quote != '"' && quote != '\'')
            return false;
        const qsizetype from = ++m_pos;
        const void* closing = std::memchr(m_p + from, quote, static_cast<std::size_t>(m_n - from));
        if (!closing)
            return false;
        const qsizetype to = static_cast<const unsigned char*>(closing) - m_p;
        // Eight plain bytes at a time; the rest byte by byte through `allowed`.
        for (qsizetype i = from; i < to;) {
            i = skipPlainWords<hasNonPlainValueByte>(i, to);
            for (const qsizetype stop = std::min(i + 8, to); i < stop; ++i) {
                const unsigned char c = m_p[i];
                if (!allowed(c) || isNonCharacterAt(i))
                    return false;
                if (c >= 0x80)
                    *ascii = false;
            }
        }
        m_pos = to + 1;
        *value = view(from, to);
        return true;
    }

    // From `i`, past whole eight-byte words in which `needsLook` finds nothing (SWAR);
    // stops at the first word that needs a byte-by-byte look, or fewer than eight bytes before `end`.
    template <bool (*needsLook)(std::uint64_t)>
    qsizetype skipPlainWords(qsizetype i, qsizetype end) const
    {
        for (; i + 8 <= end; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, m_p + i, sizeof word);
            if (needsLook(word))
                break;
        }
        return i;
    }

    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
    bool isNonCharacterAt(qsizetype i) const
    {
        return m_p[i] == 0xEF && i + 2 < m_n && m_p[i + 1] == 0xBF && (m_p[i + 2] == 0xBE || m_p[i + 2] == 0xBF);
    }

    // XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>', version 1.0 only.
    bool declaration()
    {
        const int afterXml = peekAt(5);
        if (!(m_n - m_pos >= 5 && std::memcmp(m_p + m_pos, "<?xml", 5) == 0
              && (afterXml == ' ' || afterXml == '\t' || afterXml == '\n'))) {
            // No declaration, or another processing instruction: only the former is ours.
            return !(peek() == '<' && peekAt(1) == '?');
        }
        m_pos += 5;
        bool ascii = true;
        QByteArrayView value;
        auto anyPrintable = [](unsigned char c) { return c >= 0x20 && c < 0x7f && c != '<' && c != '&'; };
        skipSpace();
        if (!literal("version") || !quotedValue(&value, &ascii, anyPrintable) || value != "1.0")
            return false;
        bool space = skipSpace();
        if (space && literal("encoding")) {
            if (!quotedValue(&value, &ascii, anyPrintable) || !isEncodingName(value))
                return false;
            declaredEncoding = QString::fromLatin1(value);
            space = skipSpace();
        }
        if (space && literal("standalone")) {
            if (!quotedValue(&value, &ascii, anyPrintable) || (value != "yes" && value != "no"))
                return false;
            skipSpace();
        }
        return literal("?>");
    }

    // EncName ::= [A-Za-z] ([A-Za-z0-9._] | '-')*
    static bool isEncodingName(QByteArrayView name)
    {
        if (name.isEmpty() || !((name[0] | 0x20) >= 'a' && (name[0] | 0x20) <= 'z'))
            return false;
        return std::all_of(name.begin() + 1, name.end(), [](char c) {
            return isNameChar(static_cast<unsigned char>(c)) && c != ':';
        });
    }

    // Character data up to the next '<' (or the end). Appends it to the open
    // element's text, if any. False for anything a full parser would change or reject.
    bool characterData()
    {
        const qsizetype from = m_pos;
        qsizetype i = m_pos;
        bool ascii = true;
        bool done = false;
        while (!done && i < m_n) {
            i = skipPlainWords<hasNonPlainByte>(i, m_n);
            for (const qsizetype stop = std::min(i + 8, m_n); i < stop; ++i) {
                const unsigned char c = m_p[i];
                if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != ']')
                    continue;
                if (c == '<') {
                    done = true;
                    break;
                }
                if (c == '\n')
                    ++m_line;
                else if (c == ']') {
                    if (i + 2 < m_n && m_p[i + 1] == ']' && m_p[i + 2] == '>')
                        return false; // "]]>" is not allowed in content
                } else if (c >= 0x80) {
                    ascii = false;
                    if (isNonCharacterAt(i))
                        return false;
                } else if (c != '\t') {
                    return false; // '&' (references), CR, other control characters
                }
            }
        }
        m_pos = i;
        if (m_open.empty() || i == from)
            return true;
        if (ascii)
            tree.appendLatin1Text(m_open.back().index, view(from, i));
        else
            tree.appendUtf8Text(m_open.back().index, view(from, i));
        return true;
    }

    // Whitespace and comments before and after the root element.
    bool miscellaneous()
    {
        for (;;) {
            skipSpace();
            if (!atComment())
                return true;
            if (!comment())
                return false;
        }
    }

    bool atComment() const
    {
        return m_n - m_pos >= 4 && std::memcmp(m_p + m_pos, "<!--", 4) == 0;
    }

    // Comment ::= '<!--' ((Char - '-') | ('-' (Char - '-')))* '-->'
    // The test PKI marks its chains with one. Comments add no text.
    bool comment()
    {
        for (qsizetype i = m_pos + 4; i < m_n; ++i) {
            const unsigned char c = m_p[i];
            if (c == '-' && i + 1 < m_n && m_p[i + 1] == '-') {
                if (i + 2 >= m_n || m_p[i + 2] != '>')
                    return false; // "--" inside a comment
                m_pos = i + 3;
                return true;
            }
            if (c == '\n')
                ++m_line;
            else if ((c < 0x20 && c != '\t') || isNonCharacterAt(i))
                return false;
        }
        return false; // unterminated
    }

    // Elements, character data and comments from the root's '<' until the root closes.
    bool content()
    {
        do {
            if (m_pos >= m_n)
                return false; // unclosed elements
            if (peek() != '<') {
                if (!characterData())
                    return false;
                continue;
            }
            if (atComment()) {
                if (!comment())
                    return false;
            } else if (peekAt(1) == '/') {
                if (!endTag())
                    return false;
            } else if (!startTag()) {
                return false;
            }
        } while (!m_open.empty());
        return true;
    }

    const XmlTreeBuilder::Ref* lookup(QByteArrayView prefix) const
    {
        for (auto it = m_bindings.rbegin(); it != m_bindings.rend(); ++it) {
            if (sameBytes(it->prefix, prefix))
                return &it->uri;
        }
        return nullptr;
    }

    bool startTag()
    {
        if (static_cast<int>(m_open.size()) >= m_limits.maxDepth || tree.elementCount() >= m_limits.maxElements)
            return false; // the reference parser reports the limit
        const qsizetype outerBegin = m_pos++;
        QName name;
        bool empty = false;
        if (!qName(&name) || !attributeList(&empty) || !declareNamespaces())
            return false;
        const int index = tree.elementCount();
        XmlTreeBuilder::Element& e = tree.addElement(); // valid until the next element
        if (!resolve(name, /*isElement=*/true, &e.namespaceUri) || !addAttributes())
            return false;
        e.localName = m_pool.get(name.local, true, tree);
        e.qualifiedName = name.prefix.isEmpty() ? e.localName : m_pool.get(name.qualified, true, tree);
        e.line = m_line;
        e.outer.begin = outerBegin;
        e.inner.begin = m_pos;
        e.parent = m_open.empty() ? -1 : m_open.back().index;
        m_open.push_back({index, name.qualified.size()});
        if (empty)
            close(m_pos, m_pos);
        return true;
    }

    // (S Attribute)* S? ('>' | '/>') into m_attributes.
    bool attributeList(bool* empty)
    {
        m_attributes.clear();
        for (;;) {
            const bool space = skipSpace();
            if (peek() == '>') {
                ++m_pos;
                return true;
            }
            if (peek() == '/' && peekAt(1) == '>') {
                m_pos += 2;
                *empty = true;
                return true;
            }
            if (m_attributes.size() >= static_cast<std::size_t>(m_limits.maxAttributes))
                return false; // the reference path reports the limit
            RawAttribute a;
            if (!space || !qName(&a.name))
                return false;
            // Tab, LF and CR would be normalised to spaces; '<' and '&' are not plain.
            if (!quotedValue(&a.value, &a.ascii, [](unsigned char c) { return c >= 0x20 && c != '<' && c != '&'; }))
                return false;
            a.isDeclaration = (a.name.prefix.isEmpty() && a.name.local == "xmlns") || a.name.prefix == "xmlns";
            m_attributes.push_back(a);
        }
    }

    // The element's xmlns and xmlns:p attributes: they apply to its own names too.
    bool declareNamespaces()
    {
        m_scopes.push_back(m_bindings.size());
        for (const RawAttribute& a : m_attributes) {
            if (!a.isDeclaration)
                continue;
            const bool isDefault = a.name.prefix.isEmpty();
            const QByteArrayView declared = isDefault ? QByteArrayView() : a.name.local;
            if (!isDefault && (startsWithXml(declared) || a.value.isEmpty()))
                return false;
            if (a.value == "http://www.w3.org/XML/1998/namespace" || a.value == "http://www.w3.org/2000/xmlns/")
                return false;
            for (std::size_t k = m_scopes.back(); k < m_bindings.size(); ++k) {
                if (m_bindings[k].prefix == declared)
                    return false; // declared twice on one element
            }
            m_bindings.push_back({declared, m_pool.get(a.value, a.ascii, tree)});
        }
        // lookup() walks the declarations in scope for every name: a real chain has
        // 2 or 3, a hostile one thousands (90,000 names under 4,000 took 11 s).
        // Past the limit the reference reader reports it.
        return m_bindings.size() <= static_cast<std::size_t>(m_limits.maxNamespacesInScope);
    }

    // The other attributes of the element just added, in document order
    // (QXmlStreamReader leaves declarations out).
    bool addAttributes()
    {
        for (std::size_t i = 0; i < m_attributes.size(); ++i) {
            const RawAttribute& a = m_attributes[i];
            if (a.isDeclaration)
                continue;
            // Two attributes with one local name might share an expanded name; the reference decides.
            for (std::size_t k = 0; k < i; ++k) {
                if (m_attributes[k].name.local == a.name.local && m_attributes[k].name.prefix != "xmlns")
                    return false;
            }
            XmlTreeBuilder::Attribute out;
            if (!resolve(a.name, /*isElement=*/false, &out.namespaceUri))
                return false;
            out.localName = m_pool.get(a.name.local, true, tree);
            out.qualifiedName = a.name.prefix.isEmpty() ? out.localName : m_pool.get(a.name.qualified, true, tree);
            out.value = a.ascii ? tree.addLatin1(a.value) : tree.addUtf8(a.value);
            tree.addAttribute(out);
        }
        return true;
    }

    // Unprefixed elements take the default namespace, unprefixed attributes none.
    bool resolve(const QName& name, bool isElement, XmlTreeBuilder::Ref* uri) const
    {
        if (name.prefix.isEmpty()) {
            if (isElement) {
                if (const XmlTreeBuilder::Ref* found = lookup({}))
                    *uri = *found;
            }
            return true;
        }
        if (startsWithXml(name.prefix))
            return false;
        const XmlTreeBuilder::Ref* found = lookup(name.prefix);
        if (!found)
            return false; // undeclared prefix
        *uri = *found;
        return true;
    }

    // XML 1.0 §3 [WFC: Element Type Match]: "The Name in an element's end-tag
    // must match the element type in the start-tag". The start tag's name is
    // right after its '<'; its bytes are compared in place, so the end tag's
    // name is not read a second time.
    bool endTag()
    {
        const qsizetype innerEnd = m_pos;
        m_pos += 2;
        const OpenElement& open = m_open.back();
        const qsizetype nameAt = tree.element(open.index).outer.begin + 1;
        const qsizetype length = open.qualifiedNameBytes;
        if (m_n - m_pos < length || std::memcmp(m_p + m_pos, m_p + nameAt, static_cast<std::size_t>(length)) != 0)
            return false;
        m_pos += length;
        skipSpace(); // a longer name than the start tag's fails here: only S? '>' may follow
        if (peek() != '>')
            return false;
        ++m_pos;
        close(innerEnd, m_pos);
        return true;
    }

    void close(qsizetype innerEnd, qsizetype outerEnd)
    {
        XmlTreeBuilder::Element& e = tree.element(m_open.back().index);
        e.inner.end = innerEnd;
        e.outer.end = outerEnd;
        m_open.pop_back();
        m_bindings.resize(m_scopes.back());
        m_scopes.pop_back();
    }

    const unsigned char* m_p;
    qsizetype m_n;
    qsizetype m_pos;
    const XmlLimits& m_limits;
    qint64 m_line = 1;
    std::vector<OpenElement> m_open;
    std::vector<Binding> m_bindings;    // namespace declarations in scope
    std::vector<std::size_t> m_scopes;  // m_bindings size before each open element
    std::vector<RawAttribute> m_attributes; // of the start tag being read
    StringPool m_pool;
};

} // namespace

bool StrictXmlScanner::scan(XmlDocument& doc, qsizetype start, const XmlLimits& limits)
{
    Scanner scanner(doc.m_bytes, start, limits);
    if (!scanner.run())
        return false;
    doc.m_tree = scanner.tree.finish();
    doc.m_encoding.declared = std::move(scanner.declaredEncoding);
    doc.m_wellFormed = true;
    doc.m_hasSpans = true;
    doc.m_fastPath = true;
    return true;
}

} // namespace copp::cert
