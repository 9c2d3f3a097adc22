// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/collectionchecks.h>


namespace copp::validation {

namespace {

StepResult step(Rule rule, Outcome outcome, const char* text, QStringList args = {})
{
    StepResult s;
    s.rule = rule;
    s.outcome = outcome;
    s.detail = Message{text, std::move(args)};
    return s;
}

StepResult notParsed(Rule rule)
{
    return step(rule, Outcome::Skipped, QT_TRANSLATE_NOOP("copp::validation", "not checked: the document is not well-formed XML"));
}

Fact documentSize(const cert::XmlDocument& doc)
{
    return {QT_TRANSLATE_NOOP("copp::validation::Fact", "document size (bytes)"), QString::number(doc.bytes().size())};
}

bool isRootCollection(const cert::XmlDocument& doc)
{
    return doc.element(doc.rootElement()).localName == u"CertificateCollection";
}

} // namespace

VersionCheck compareVersionWith2(QStringView text)
{
    // decimal = digits [ "." digits ]; value >= 2.0 exactly when the integer part >= 2.
    const qsizetype dot = text.indexOf(u'.');
    const QStringView integer = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    auto digitsOnly = [](QStringView s) {
        return std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (integer.isEmpty() || !digitsOnly(integer) || (dot >= 0 && (fraction.isEmpty() || !digitsOnly(fraction))))
        return VersionCheck::NotANumber;
    qsizetype first = 0;
    while (first < integer.size() - 1 && integer.at(first) == u'0')
        ++first;
    const QStringView significant = integer.mid(first);
    if (significant.size() > 1 || significant.at(0) >= u'2')
        return VersionCheck::AtLeast2;
    return VersionCheck::Below2;
}

// Step 1: "Verify that the CertificateCollection is well-formed XML."
StepResult checkWellFormed(const cert::XmlDocument& doc)
{
    if (doc.isWellFormed()) {
        StepResult s = step(Rule::CollectionWellFormed, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "well-formed XML, %1 elements"),
                            {QString::number(doc.elements().size())});
        s.facts.append(documentSize(doc));
        return s;
    }
    // Nothing to point at: the reason alone, and how many bytes there are.
    if (const char* nothing = cert::noElementText(doc.noElementReason())) {
        StepResult s;
        s.rule = Rule::CollectionWellFormed;
        s.outcome = Outcome::Fail;
        s.detail = Message::in("copp::cert", nothing);
        s.facts.append(documentSize(doc));
        return s;
    }
    StepResult s = step(Rule::CollectionWellFormed, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "not well-formed XML: %1 (line %2, column %3)"),
                        {doc.errorString(), QString::number(doc.errorLine()), QString::number(doc.errorColumn())});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "line"), QString::number(doc.errorLine())});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "column"), QString::number(doc.errorColumn())});
    if (doc.errorByteOffset() >= 0) {
        s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "byte offset"), QString::number(doc.errorByteOffset())});
        s.ranges.append({{doc.errorByteOffset(), qMin(doc.errorByteOffset() + 1, doc.bytes().size())}, QT_TRANSLATE_NOOP("copp::validation::Fact", "error position")});
    }
    return s;
}

// Step 2: "Verify that the CertificateCollection is encoded in UTF-8 format."
StepResult checkUtf8(const cert::XmlDocument& doc)
{
    const auto& enc = doc.encoding();
    if (!enc.isUtf8) {
        StepResult s = step(Rule::CollectionUtf8, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "not UTF-8: %1"), {enc.problem});
        if (enc.firstBadByte >= 0)
            s.ranges.append({{enc.firstBadByte, enc.firstBadByte + 1}, QT_TRANSLATE_NOOP("copp::validation::Fact", "invalid byte")});
        return s;
    }
    StepResult s = step(Rule::CollectionUtf8, Outcome::Pass,
                        enc.declared.isEmpty() ? QT_TRANSLATE_NOOP("copp::validation", "valid UTF-8 (no encoding declared)") : QT_TRANSLATE_NOOP("copp::validation", "valid UTF-8, declared as %1"),
                        enc.declared.isEmpty() ? QStringList{} : QStringList{enc.declared});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "byte-order mark"), enc.hasUtf8Bom ? QStringLiteral("UTF-8") : QStringLiteral("none")});
    return s;
}

// Step 3: "Check that the Version attribute in the CertificateCollection element is 2.0 or later."
StepResult checkVersion(const cert::XmlDocument& doc)
{
    if (!doc.isWellFormed())
        return notParsed(Rule::CollectionVersion);
    const int root = doc.rootElement();
    const auto& element = doc.element(root);
    if (!isRootCollection(doc))
        return step(Rule::CollectionVersion, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "the root element is <%1>, not CertificateCollection"),
                    {element.qualifiedName.toString()});
    // "accepted with or without a prefix"
    QStringList values;
    for (const auto& a : element.attributes) {
        if (a.localName == u"Version")
            values.append(a.value.toString());
    }
    StepResult s;
    if (values.isEmpty()) {
        s = step(Rule::CollectionVersion, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "CertificateCollection has no Version attribute"));
    } else if (values.size() > 1 && values.count(values.first()) != values.size()) {
        s = step(Rule::CollectionVersion, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "CertificateCollection has conflicting Version attributes: %1"),
                 {values.join(QStringLiteral(", "))});
    } else {
        switch (compareVersionWith2(values.first())) {
        case VersionCheck::AtLeast2:
            s = step(Rule::CollectionVersion, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Version \"%1\" is 2.0 or later"), {values.first()});
            break;
        case VersionCheck::Below2:
            s = step(Rule::CollectionVersion, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Version \"%1\" is below 2.0"), {values.first()});
            break;
        case VersionCheck::NotANumber:
            s = step(Rule::CollectionVersion, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Version \"%1\" is not a decimal number"), {values.first()});
            break;
        }
    }
    s.elements.append(root);
    if (element.outer.isValid())
        s.ranges.append({{element.outer.begin, element.inner.begin}, QT_TRANSLATE_NOOP("copp::validation::Fact", "CertificateCollection start tag")});
    return s;
}

// Step 4: "Verify that the certificate chain contains exactly three Certificate elements."
StepResult checkCount(const cert::XmlDocument& doc)
{
    if (!doc.isWellFormed())
        return notParsed(Rule::CollectionCount);
    const int root = doc.rootElement();
    if (!isRootCollection(doc))
        return step(Rule::CollectionCount, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "the root element is <%1>, not CertificateCollection"),
                    {doc.element(root).qualifiedName.toString()});
    const QList<int> certificates = doc.children(root, u"Certificate");
    StepResult s = certificates.size() == 3
        ? step(Rule::CollectionCount, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "exactly three Certificate elements"))
        : step(Rule::CollectionCount, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "%1 Certificate elements; exactly three are required"),
               {QString::number(certificates.size())});
    s.elements.append(certificates.constData(), certificates.size());
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "Certificate elements"), QString::number(certificates.size())});
    return s;
}

} // namespace copp::validation
