// SPDX-License-Identifier: BSD-3-Clause
// A small element tree over a byte buffer that remembers, for every element,
// the exact byte ranges of the file it came from. COPP signs raw bytes
// ("every byte from the first character in the <Data> tag to the last
// character in the closing </Data> tag", docs/protocol.md §8.1), so XML is never
// re-serialised: the validator hashes slices of the original buffer.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <span>
#include <vector>

namespace copp::cert {

// Half-open byte range [begin, end) in XmlDocument::bytes().
struct ByteSpan {
    qsizetype begin = -1;
    qsizetype end = -1;
    bool isValid() const { return begin >= 0 && end >= begin; }
    qsizetype size() const { return isValid() ? end - begin : 0; }
    bool operator==(const ByteSpan&) const = default;
};

// XML 1.0 §2.3 `S`: the four whitespace characters of markup (and of base64 text).
inline bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Upper bounds for hostile input. A real chain is about 6 KB.
struct XmlLimits {
    qsizetype maxBytes = 16 * 1024 * 1024;
    int maxDepth = 64;
    qsizetype maxElements = 100'000;
    // Per element, namespace declarations included (a real chain uses at most 3).
    int maxAttributes = 64;
    // Namespace declarations in scope at once (a real chain has at most 3).
    int maxNamespacesInScope = 64;
};

// Names, values and text are views into the document's own storage (XmlTree):
// valid while the XmlDocument, or any copy of it, lives. Keep a QString with
// toString() when it must outlive the document.
struct XmlAttribute {
    QStringView localName;
    QStringView qualifiedName;
    QStringView namespaceUri;
    QStringView value;
};

struct XmlElement {
    QStringView localName;
    QStringView qualifiedName;
    QStringView namespaceUri;
    std::span<const XmlAttribute> attributes;
    QStringView text;   // character data directly inside (CDATA and references resolved)
    ByteSpan outer;     // '<' of the start tag .. '>' of the end tag, inclusive
    ByteSpan inner;     // between the start tag and the end tag
    qint64 line = 0;
    int parent = -1;
    std::span<const int> children;
};

// Everything a parse built, in four blocks instead of a few allocations per
// element: every name, value and text in one UTF-16 buffer, and the attributes
// and child lists of all elements in one array each. Immutable once built and
// shared by copies of the document, so the views above stay valid.
struct XmlTree {
    QString chars;
    std::vector<XmlAttribute> attributes;
    std::vector<int> children;
    QList<XmlElement> elements;
};

// What the bytes say about their encoding (procedure step "encoded in UTF-8").
struct EncodingInfo {
    bool isUtf8 = true;
    bool hasUtf8Bom = false;
    QString declared;            // encoding="..." of the XML declaration, if any
    QString problem;             // why it is not UTF-8 (English)
    qsizetype firstBadByte = -1; // offset of the first invalid UTF-8 sequence
};

// Why a document holds no element at all, when that is why it is not
// well-formed: reports say it in these words, without a position.
enum class NoElementReason {
    None,           // it has elements, or fails for another reason
    EmptyFile,      // 0 bytes
    OnlyBom,        // a byte-order mark and nothing else
    OnlyWhitespace,
    OnlyProlog,     // an XML declaration, comments or processing instructions
};
// The reason in English: a source text of translation context "copp::cert"
// (QT_TRANSLATE_NOOP), so a view can translate it; null for None.
const char* noElementText(NoElementReason reason);

class XmlDocument {
public:
    // Read with expat (see expatreader.h); limits refuse hostile input.
    static XmlDocument parse(const QByteArray& bytes, const XmlLimits& limits = {});

    const QByteArray& bytes() const { return m_bytes; }
    QByteArray slice(ByteSpan span) const;
    // The same bytes without a copy; valid while this document (or a copy) lives.
    QByteArrayView sliceView(ByteSpan span) const;

    bool isWellFormed() const { return m_wellFormed; }
    const QString& errorString() const { return m_error; }
    qint64 errorLine() const { return m_errorLine; }
    qint64 errorColumn() const { return m_errorColumn; }
    qsizetype errorByteOffset() const { return m_errorByteOffset; }
    // Set when the document has no element at all; errorString() says it too.
    NoElementReason noElementReason() const { return m_noElementReason; }
    // False when element byte spans could not be computed (input not UTF-8).
    bool hasByteSpans() const { return m_hasSpans; }

    const EncodingInfo& encoding() const { return m_encoding; }

    // Inline: the checks look elements up thousands of times per validation.
    const QList<XmlElement>& elements() const { return m_tree ? m_tree->elements : noElements(); }
    const XmlElement& element(int index) const { return elements().at(index); }
    int rootElement() const { return elements().isEmpty() ? -1 : 0; }
    // Direct children of `parent` with this local name, in document order.
    QList<int> children(int parent, QStringView localName) const;

private:
    friend class ExpatReader;
    static const QList<XmlElement>& noElements();
    QByteArray m_bytes;
    std::shared_ptr<const XmlTree> m_tree; // null until an element was read
    EncodingInfo m_encoding;
    QString m_error;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;
    qsizetype m_errorByteOffset = -1;
    NoElementReason m_noElementReason = NoElementReason::None;
    bool m_wellFormed = false;
    bool m_hasSpans = false;
};

} // namespace copp::cert
