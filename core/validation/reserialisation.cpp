// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/reserialisation.h>

#include <algorithm>
#include <map>

namespace copp::validation {

namespace {

using cert::ByteSpan;
using cert::MarkupMap;
using cert::MarkupTag;

// Rebuilds the Data bytes piece by piece: copy the file up to a place, then
// write something else instead of a span of it.
class Rebuilder {
public:
    Rebuilder(QByteArrayView file, qsizetype offset) : m_file(file), m_offset(offset) { m_out.reserve(file.size()); }

    // Writes `replacement` instead of the file's bytes in `span` (absolute offsets,
    // in increasing order); records the span as differing when the bytes change.
    void replace(ByteSpan span, QByteArrayView replacement)
    {
        copyTo(span.begin);
        const QByteArrayView original = m_file.sliced(span.begin - m_offset, span.size());
        if (original != replacement)
            differing.append(span);
        m_out += replacement;
        m_copied = span.end - m_offset;
    }

    QByteArray finish()
    {
        copyTo(m_offset + m_file.size());
        return std::move(m_out);
    }

    QList<ByteSpan> differing;

private:
    void copyTo(qsizetype absolute)
    {
        const qsizetype to = absolute - m_offset;
        if (to > m_copied) {
            m_out += m_file.sliced(m_copied, to - m_copied);
            m_copied = to;
        }
    }

    QByteArrayView m_file;
    qsizetype m_offset;
    qsizetype m_copied = 0;
    QByteArray m_out;
};

// What the builders share: the Data element, its bytes, and its markup (read
// when a builder first needs it).
struct DataBytes {
    const cert::XmlDocument& doc;
    int element;
    ByteSpan outer;
    QByteArrayView file;
    const MarkupSource& source;
    std::optional<MarkupMap> own;
    const MarkupMap* markupMap = nullptr; // once read

    const MarkupMap& markup()
    {
        if (!markupMap) {
            if (source)
                markupMap = &source();
            else
                markupMap = &own.emplace(cert::mapElementMarkup(doc, element));
        }
        return *markupMap;
    }
    QByteArrayView at(ByteSpan span) const { return doc.sliceView(span); }
};

Reserialisation made(DiagnosisId id, Rebuilder& r, const char* role, Message detail)
{
    Reserialisation out;
    out.bytes = r.finish();
    out.diagnosis = {id, std::move(detail), std::move(r.differing), role};
    return out;
}

// line_endings: CRLF to LF, or LF to CRLF in a file without CRLF.
std::optional<Reserialisation> lineEndings(DataBytes& d)
{
    const bool crlf = d.file.indexOf("\r\n") >= 0;
    if (!crlf && d.file.indexOf('\n') < 0)
        return std::nullopt;
    Rebuilder r(d.file, d.outer.begin);
    for (qsizetype i = 0; i < d.file.size(); ++i) {
        if (crlf && d.file[i] == '\r' && i + 1 < d.file.size() && d.file[i + 1] == '\n')
            r.replace({d.outer.begin + i, d.outer.begin + i + 1}, {});
        else if (!crlf && d.file[i] == '\n')
            r.replace({d.outer.begin + i, d.outer.begin + i + 1}, "\r\n");
    }
    const QString count = QString::number(r.differing.size());
    if (crlf)
        return made(DiagnosisId::LineEndings, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "CR byte the signer did not hash"),
                    {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data bytes with LF line endings; the file has CRLF (CR bytes: %1): its line endings were changed after signing"), {count}});
    return made(DiagnosisId::LineEndings, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "line end the signer hashed as CRLF"),
                {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data bytes with CRLF line endings; the file has LF (line ends: %1): its line endings were changed after signing"), {count}});
}

// character_references: each reference in text or an attribute value replaced
// by the UTF-8 bytes of the character it stands for.
std::optional<Reserialisation> characterReferences(DataBytes& d)
{
    const auto& references = d.markup().references;
    if (references.empty())
        return std::nullopt;
    Rebuilder r(d.file, d.outer.begin);
    for (const cert::CharacterReference& ref : references)
        r.replace(ref.span, ref.utf8());
    const cert::CharacterReference& first = references.front();
    return made(DiagnosisId::CharacterReferences, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "character reference (the signer hashed the character)"),
                {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the characters themselves where the file has character references (%1; the first: %2 for %3): the XML was re-serialised after signing"),
                 {QString::number(references.size()), QString::fromUtf8(d.at(first.span)), QString::fromUcs4(&first.character, 1)}});
}

// attribute_quotes: ' and " swapped around every attribute value.
std::optional<Reserialisation> attributeQuotes(DataBytes& d)
{
    Rebuilder r(d.file, d.outer.begin);
    qsizetype values = 0;
    for (const MarkupTag& tag : d.markup().tags) {
        for (const cert::MarkupAttribute& a : tag.attributes) {
            if (a.value.size() < 2)
                continue;
            const char quote = d.at({a.value.begin, a.value.begin + 1}).front();
            const char other = quote == '"' ? '\'' : '"';
            r.replace({a.value.begin, a.value.begin + 1}, QByteArrayView(&other, 1));
            r.replace({a.value.end - 1, a.value.end}, QByteArrayView(&other, 1));
            ++values;
        }
    }
    if (values == 0)
        return std::nullopt;
    return made(DiagnosisId::AttributeQuotes, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "quote character (the signer hashed the other one)"),
                {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data bytes with the other quote character (' or \") around its attribute values (%1): the XML was re-serialised after signing"),
                 {QString::number(values)}});
}

// tag_whitespace: as Canonical XML writes tags: one space before each
// attribute, none around '=', none before '>' or '/>'.
std::optional<Reserialisation> tagWhitespace(DataBytes& d)
{
    Rebuilder r(d.file, d.outer.begin);
    for (const MarkupTag& tag : d.markup().tags) {
        for (const cert::MarkupAttribute& a : tag.attributes) {
            r.replace(a.whitespaceBefore, " ");
            r.replace(a.equals, "=");
        }
        r.replace(tag.whitespaceBeforeClose, {});
    }
    if (r.differing.isEmpty())
        return std::nullopt;
    const QString places = QString::number(r.differing.size());
    return made(DiagnosisId::TagWhitespace, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "whitespace inside a tag (the signer hashed it as Canonical XML writes it)"),
                {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data bytes with the whitespace inside tags as Canonical XML writes it (places that differ: %1): the XML was re-serialised after signing"),
                 {places}});
}

// inner_content: only what is between the Data start and end tags.
std::optional<Reserialisation> innerContent(DataBytes& d)
{
    const cert::XmlElement& e = d.doc.element(d.element);
    Reserialisation out;
    out.bytes = d.at(e.inner).toByteArray();
    Diagnosis& why = out.diagnosis;
    why.id = DiagnosisId::InnerContent;
    why.differing = {{e.outer.begin, e.inner.begin}};
    if (e.inner.end < e.outer.end)
        why.differing.append({e.inner.end, e.outer.end});
    why.differingRole = QT_TRANSLATE_NOOP("copp::validation::Fact", "tag the signer did not hash");
    why.detail = {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed only the %1 bytes between the Data start tag and its end tag, not the tags themselves"),
                  {QString::number(e.inner.size())}};
    return out;
}

QString declarationNames(const QList<QByteArray>& names)
{
    QStringList list;
    for (const QByteArray& n : names)
        list.append(QString::fromUtf8(n));
    return list.join(QStringLiteral(", "));
}

// namespace_declarations_removed: the Data start tag without its xmlns attributes.
std::optional<Reserialisation> namespaceDeclarationsRemoved(DataBytes& d)
{
    if (d.markup().tags.empty())
        return std::nullopt;
    Rebuilder r(d.file, d.outer.begin);
    QList<QByteArray> names;
    for (const cert::MarkupAttribute& a : d.markup().tags.front().attributes) {
        if (!a.isNamespaceDeclaration)
            continue;
        r.replace({a.whitespaceBefore.begin, a.value.end}, {});
        names.append(d.at(a.name).toByteArray());
    }
    if (names.isEmpty())
        return std::nullopt;
    return made(DiagnosisId::NamespaceDeclarationsRemoved, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "namespace declaration the signer did not hash"),
                {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data start tag without its namespace declarations (%1)"), {declarationNames(names)}});
}

// A declaration in scope at Data: where it is in the file, and its value as
// Canonical XML writes it (double quotes; a '"' inside becomes &quot;).
struct InScope {
    ByteSpan span; // from the whitespace before it to its closing quote
    QByteArray value;
    bool onData = false;
};

// canonical_form: every namespace declaration in scope (the nearest for each
// prefix; an empty default declaration is none) on the Data start tag, default
// first, then by prefix, before Data's other attributes.
std::optional<Reserialisation> canonicalForm(DataBytes& d)
{
    if (d.markup().tags.empty())
        return std::nullopt;
    std::map<QByteArray, InScope> declarations; // "xmlns" sorts before "xmlns:p"; prefixes in byte order
    for (int e = d.element; e >= 0; e = d.doc.element(e).parent) {
        const MarkupTag tag = e == d.element ? d.markup().tags.front() : cert::startTagOf(d.doc, e);
        for (const cert::MarkupAttribute& a : tag.attributes) {
            const QByteArray name = d.at(a.name).toByteArray();
            if (!a.isNamespaceDeclaration || declarations.count(name) || a.value.size() < 2)
                continue;
            const QByteArrayView quoted = d.at(a.value);
            QByteArray value = quoted.sliced(1, quoted.size() - 2).toByteArray();
            value.replace('"', "&quot;");
            declarations.emplace(name, InScope{{a.whitespaceBefore.begin, a.value.end}, value, e == d.element});
        }
    }
    std::erase_if(declarations, [](const auto& entry) { return entry.first == "xmlns" && entry.second.value.isEmpty(); });
    const MarkupTag& start = d.markup().tags.front();
    QByteArray written;
    QList<QByteArray> names;
    for (const auto& [name, declaration] : declarations) {
        written += ' ' + name + "=\"" + declaration.value + '"';
        names.append(name);
    }
    Rebuilder r(d.file, d.outer.begin);
    r.replace({start.name.end, start.name.end}, written); // an insertion: recorded below
    for (const cert::MarkupAttribute& a : start.attributes) {
        if (a.isNamespaceDeclaration)
            r.replace({a.whitespaceBefore.begin, a.value.end}, {});
    }
    Reserialisation out = made(DiagnosisId::CanonicalForm, r, QT_TRANSLATE_NOOP("copp::validation::Fact", "namespace declaration the signer hashed on the Data start tag"),
                               {QT_TRANSLATE_NOOP("copp::validation", "the signer hashed the Data element as Canonical XML writes a document subset: with every namespace declaration in scope on its start tag (%1)"),
                                {declarationNames(names)}});
    if (out.bytes == d.file)
        return std::nullopt;
    // Where the declarations went in, and the ones brought down from the ancestors.
    QList<ByteSpan>& differing = out.diagnosis.differing;
    differing = {{start.name.end, start.name.end}};
    for (const auto& entry : declarations) {
        if (!entry.second.onData)
            differing.append(entry.second.span);
    }
    std::sort(differing.begin(), differing.end(), [](ByteSpan a, ByteSpan b) { return a.begin < b.begin; });
    return out;
}

} // namespace

std::optional<Reserialisation> firstMatchingReserialisation(const cert::XmlDocument& doc, int dataElement,
                                                            const std::function<bool(QByteArrayView)>& matches,
                                                            const MarkupSource& markup)
{
    if (!doc.hasByteSpans() || dataElement < 0)
        return std::nullopt;
    const ByteSpan outer = doc.element(dataElement).outer;
    DataBytes d{doc, dataElement, outer, doc.sliceView(outer), markup, std::nullopt};
    using Builder = std::optional<Reserialisation> (*)(DataBytes&);
    // docs/cli.md#diagnoses: tried in this order, the first that matches wins.
    for (Builder build : {lineEndings, characterReferences, attributeQuotes, tagWhitespace, innerContent,
                          namespaceDeclarationsRemoved, canonicalForm}) {
        std::optional<Reserialisation> candidate = build(d);
        // A Data element that is not well-formed on its own cannot happen (the
        // document was); should it, no builder that reads its markup is trusted.
        if (d.markupMap && !d.markupMap->ok)
            return std::nullopt;
        if (candidate && candidate->bytes != d.file && matches(candidate->bytes))
            return candidate;
    }
    return std::nullopt;
}

} // namespace copp::validation
