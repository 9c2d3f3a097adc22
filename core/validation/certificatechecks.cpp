// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/certificatechecks.h>

#include <core/validation/diagnosis.h>

#include <core/cert/bytevalues.h>
#include <core/cert/rsakeyvalue.h>

#include <QVarLengthArray>

#include <algorithm>
#include <numeric>
#include <span>

#include <optional>
#include <core/util/byteview.h>

namespace copp::validation {


namespace {

using cert::findPath;
using cert::Lookup;

StepResult begin(Rule rule, const CertificateContext& c)
{
    StepResult s;
    s.rule = rule;
    s.certificate = c.index;
    return s;
}

void finish(StepResult& s, Outcome outcome, const char* text, QStringList args = {})
{
    s.outcome = outcome;
    s.detail = Message{text, std::move(args)};
}

// A required input that is not there: fail if this is its first report, else skip.
void reportMissing(StepResult& s, int owner, const QString& problem, MissingInputs& missing)
{
    if (missing.firstReport(owner, problem))
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "%1"), {problem});
    else
        finish(s, Outcome::Skipped, QT_TRANSLATE_NOOP("copp::validation", "not checked: %1 (reported by an earlier step)"), {problem});
}

bool need(StepResult& s, const Lookup& l, int owner, MissingInputs& missing)
{
    if (l.found()) {
        s.elements.append(l.element);
        return true;
    }
    reportMissing(s, owner, l.problem, missing);
    return false;
}

// Records the bytes a step looked at, and the element, so views can link both ways;
// for an element the step cannot have recorded yet (no search through the recorded
// ones: one per element made a Data with 99,000 duplicated children quadratic).
void addNewRange(StepResult& s, const cert::XmlDocument& doc, int element, const char* role)
{
    s.elements.append(element);
    if (doc.element(element).outer.isValid())
        s.ranges.append({doc.element(element).outer, role});
}

// The same for any element: recorded once, however many of its ranges a step keeps.
void addRange(StepResult& s, const cert::XmlDocument& doc, int element, const char* role)
{
    if (element < 0)
        return;
    if (!s.elements.contains(element))
        return addNewRange(s, doc, element, role);
    if (doc.element(element).outer.isValid())
        s.ranges.append({doc.element(element).outer, role});
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

// Boolean feature elements: "present with value 1 when true" (docs/protocol.md §8.1);
// only the text `1` passes (docs/cli.md).
QString flagProblem(const cert::XmlDocument& doc, int data, QStringView container, QStringView flag)
{
    const Lookup l = findPath(doc, data, u"Data", {container, flag});
    if (!l.found())
        return l.problem;
    if (QString problem = cert::childElementProblem(doc, l); !problem.isEmpty())
        return problem;
    const QStringView text = doc.element(l.element).text;
    if (text != u"1")
        return QStringLiteral("%1 is \"%2\"; it must be 1").arg(l.path(), text);
    return {};
}

// Data/PublicKey/KeyValue/RSAKeyValue/<part>, decoded; on failure `s` says why.
std::optional<cert::Base64Read> readPublicKeyPart(const CertificateContext& c, StepResult& s, MissingInputs& missing,
                                                  QStringView part, const char* role)
{
    if (!need(s, c.data, c.index, missing))
        return std::nullopt;
    const Lookup l = findPath(*c.doc, c.data.element, u"Data", {u"PublicKey", u"KeyValue", u"RSAKeyValue", part});
    if (!need(s, l, c.index, missing))
        return std::nullopt;
    addRange(s, *c.doc, l.element, role);
    const cert::Base64Read& read = c.values->base64(l);
    if (!read.ok()) {
        reportMissing(s, c.index, read.problem, missing);
        return std::nullopt;
    }
    return read;
}

MarkupSource dataMarkup(const CertificateContext& c)
{
    return [&c]() -> const cert::MarkupMap& { return c.values->markup(c.data.element); };
}

// other_chain_key's candidates (docs/cli.md#diagnoses): every key of the chain,
// each once, named where it first appears, and the trusted root.
QList<CandidateKey> candidateKeys(const CertificateContext& c)
{
    QList<CandidateKey> keys;
    auto add = [&keys](const crypto::RsaPublicKey& key, Message name, cert::ByteSpan where) {
        for (CandidateKey& known : keys) {
            if (known.key == key)
                return &known;
        }
        keys.append({key, std::move(name), where});
        return &keys.back();
    };
    const cert::XmlDocument& doc = *c.doc;
    const QList<int> certificates = doc.children(doc.rootElement(), u"Certificate");
    struct Place {
        QStringView parent, child, path;
        const char* label;
    };
    for (const Place& place : {Place{u"Data", u"PublicKey", u"Data/PublicKey", QT_TRANSLATE_NOOP("copp::validation", "certificate %1's public key (Data/PublicKey)")},
                               Place{u"Signature", u"KeyInfo", u"Signature/KeyInfo", QT_TRANSLATE_NOOP("copp::validation", "certificate %1's Signature/KeyInfo key")}}) {
        for (int i = 0; i < certificates.size(); ++i) {
            const Lookup parent = findPath(doc, certificates[i], u"Certificate", {place.parent, place.child});
            if (!parent.found())
                continue;
            const cert::KeyValueRead& read = c.values->keyValue(parent.element, place.path);
            if (read.ok())
                add(read.key, Message{place.label, {QString::number(i)}}, doc.element(parent.element).outer);
        }
    }
    if (c.trustRoot) {
        // Named as the trusted root wherever it is in the chain: that is what it is.
        CandidateKey* root = add(c.trustRoot->key, {}, {});
        root->name = Message{QT_TRANSLATE_NOOP("copp::validation", "the trusted root key (%1)"), {c.trustRoot->name}};
    }
    return keys;
}

} // namespace

CertificateContext CertificateContext::locate(const cert::XmlDocument& doc, int certificateElement,
                                              int index, int count, const TrustRoot* trustRoot,
                                              DecodedValues& values)
{
    CertificateContext c;
    c.values = &values;
    c.trustRoot = trustRoot;
    c.doc = &doc;
    c.index = index;
    c.count = count;
    c.element = certificateElement;
    c.data = findPath(doc, certificateElement, u"Certificate", {u"Data"});
    c.signature = findPath(doc, certificateElement, u"Certificate", {u"Signature"});
    return c;
}

FactValue modulusFingerprint(const crypto::RsaPublicKey& key)
{
    return FactValue::sha1Hex(cert::toByteArray(key.modulus));
}

// Procedure step 1: "Verify that none of the child elements in the Data element is duplicated."
StepResult checkUniqueChildren(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertUniqueChildren, c);
    if (!need(s, c.data, c.index, missing))
        return s;
    const auto& doc = *c.doc;
    const std::span<const int> children = doc.element(c.data.element).children;
    auto nameAt = [&](int position) { return doc.element(children[static_cast<std::size_t>(position)]).localName; };

    // Positions sorted by (name, position): equal names side by side, in document order.
    // O(n log n) for hostile documents with thousands of children; no allocation for a real Data's handful.
    QVarLengthArray<int, 16> byName(static_cast<qsizetype>(children.size()));
    std::iota(byName.begin(), byName.end(), 0);
    std::sort(byName.begin(), byName.end(), [&](int a, int b) {
        const int order = nameAt(a).compare(nameAt(b));
        return order != 0 ? order < 0 : a < b;
    });
    // One group per distinct name: where it first appears and how often, in order of first appearance.
    struct Group {
        qsizetype start; // into byName
        qsizetype count;
    };
    QVarLengthArray<Group, 16> groups;
    for (qsizetype i = 0; i < byName.size(); ++i) {
        if (i > 0 && nameAt(byName[i]) == nameAt(byName[i - 1]))
            ++groups.back().count;
        else
            groups.append({i, 1});
    }
    std::sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) { return byName[a.start] < byName[b.start]; });

    QString order;
    QStringList duplicated;
    for (const Group& g : groups) {
        const QStringView name = nameAt(byName[g.start]);
        if (!order.isEmpty())
            order += QStringLiteral(", ");
        order += name;
        if (g.count > 1) {
            duplicated.append(QStringLiteral("%1 (%2 times)").arg(name).arg(g.count));
            // Each child is in one group, once, and none is Data itself: new to the step.
            for (qsizetype k = g.start; k < g.start + g.count; ++k)
                addNewRange(s, doc, children[static_cast<std::size_t>(byName[k])], QT_TRANSLATE_NOOP("copp::validation::Fact", "duplicated element"));
        }
    }
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "children"), order});
    if (duplicated.isEmpty())
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Data has %1 distinct child elements"), {QString::number(groups.size())});
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Data has duplicated child elements: %1"), {duplicated.join(QStringLiteral(", "))});
    return s;
}

// Procedure step 2: "The base64-decoded value must be 256 bytes long for all
// certificates except the root. In the root certificate ... 128 bytes long."
StepResult checkModulus(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertModulus, c);
    const auto read = readPublicKeyPart(c, s, missing, u"Modulus", QT_TRANSLATE_NOOP("copp::validation::Fact", "Modulus"));
    if (!read)
        return s;
    const qsizetype expected = c.isFinal() ? 128 : 256;
    const qsizetype actual = read->bytes.size();
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected length (bytes)"), FactValue::number(expected)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "decoded length (bytes)"), FactValue::number(actual)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "key size (bits)"), FactValue::number(cert::bitLength(read->bytes))});
    if (actual == expected) {
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Modulus is %1 bytes"), {QString::number(actual)});
    } else if (actual == expected + 1 && read->bytes.at(0) == 0) {
        finish(s, Outcome::Fail,
               QT_TRANSLATE_NOOP("copp::validation", "Modulus is %1 bytes: a leading zero byte is written before the %2-byte value; lengths are of the decoded bytes, literally"),
               {QString::number(actual), QString::number(expected)});
    } else {
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Modulus is %1 bytes; the %2 certificate needs %3 bytes"),
               {QString::number(actual), c.isFinal() ? QStringLiteral("root") : QStringLiteral("non-root"),
                QString::number(expected)});
    }
    return s;
}

// Procedure step 3: "The base64-decoded value must not be larger than 4 bytes."
StepResult checkExponent(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertExponent, c);
    const auto read = readPublicKeyPart(c, s, missing, u"Exponent", QT_TRANSLATE_NOOP("copp::validation::Fact", "Exponent"));
    if (!read)
        return s;
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "decoded length (bytes)"), FactValue::number(read->bytes.size())});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "value"), cert::bigEndianNumber(read->bytes)});
    if (read->bytes.size() <= 4)
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Exponent is %1 (%2 bytes)"),
               {cert::bigEndianNumber(read->bytes), QString::number(read->bytes.size())});
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Exponent is %1 bytes; at most 4 are allowed"),
               {QString::number(read->bytes.size())});
    return s;
}

// Procedure step 4: leaf "KeyUsage ... EncryptKey ... 1" and "Features ... COPPCertificate ... 1".
StepResult checkLeafUsage(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertLeafUsage, c);
    if (!need(s, c.data, c.index, missing))
        return s;
    QStringList problems;
    for (const auto& [container, flag] : {std::pair{u"KeyUsage", u"EncryptKey"}, std::pair{u"Features", u"COPPCertificate"}}) {
        const Lookup l = findPath(*c.doc, c.data.element, u"Data", {QStringView(container), QStringView(flag)});
        addRange(s, *c.doc, l.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "flag"));
        const QString p = flagProblem(*c.doc, c.data.element, container, flag);
        if (!p.isEmpty())
            problems.append(p);
    }
    if (problems.isEmpty())
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "KeyUsage/EncryptKey = 1 and Features/COPPCertificate = 1"));
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "%1"), {problems.join(QStringLiteral("; "))});
    return s;
}

// Procedure step 5: "The modulus and exponent from the Data/PublicKey element exactly
// match the modulus and exponent from the Signature/KeyInfo element of the previous certificate."
StepResult checkLink(const CertificateContext& c, const CertificateContext& previous, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertLink, c);
    if (!need(s, c.data, c.index, missing))
        return s;
    const Lookup publicKey = findPath(*c.doc, c.data.element, u"Data", {u"PublicKey"});
    if (!need(s, publicKey, c.index, missing))
        return s;
    const cert::KeyValueRead& mine = c.values->keyValue(publicKey.element, u"Data/PublicKey");
    if (!mine.ok()) {
        reportMissing(s, c.index, mine.problem, missing);
        return s;
    }
    if (!need(s, previous.signature, previous.index, missing))
        return s;
    const Lookup keyInfo = findPath(*c.doc, previous.signature.element, u"Signature", {u"KeyInfo"});
    if (!need(s, keyInfo, previous.index, missing))
        return s;
    const cert::KeyValueRead& theirs = c.values->keyValue(keyInfo.element, u"Signature/KeyInfo");
    if (!theirs.ok()) {
        reportMissing(s, previous.index, theirs.problem, missing);
        return s;
    }
    addRange(s, *c.doc, publicKey.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "this certificate's Data/PublicKey"));
    addRange(s, *c.doc, keyInfo.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "previous certificate's Signature/KeyInfo"));
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "Data/PublicKey modulus SHA-1"), modulusFingerprint(mine.key)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "previous KeyInfo modulus SHA-1"), modulusFingerprint(theirs.key)});
    const bool modulusSame = mine.key.modulus == theirs.key.modulus;
    const bool exponentSame = mine.key.exponent == theirs.key.exponent;
    if (modulusSame && exponentSame) {
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Data/PublicKey equals certificate %1's Signature/KeyInfo"),
               {QString::number(previous.index)});
    } else {
        // docs/cli.md: "'Exactly match' for the chain link ... compares the decoded
        // modulus and exponent bytes", so 00 01 00 01 is not 01 00 01: show the bytes
        // when the numbers are equal, or the message would read "65537 vs 65537".
        const bool sameNumber = cert::bigEndianNumber(cert::toByteArray(mine.key.exponent))
            == cert::bigEndianNumber(cert::toByteArray(theirs.key.exponent));
        const auto exponentText = [sameNumber](const Bytes& e) {
            const QByteArray bytes = cert::toByteArray(e);
            const QString number = cert::bigEndianNumber(bytes);
            return sameNumber ? QStringLiteral("%1 = 0x%2").arg(number, QString::fromLatin1(bytes.toHex())) : number;
        };
        const QString previousIndex = QString::number(previous.index);
        if (!modulusSame && !exponentSame)
            finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Data/PublicKey differs from certificate %1's Signature/KeyInfo in both modulus (%2 vs %3 bytes) and exponent (%4 vs %5)"),
                   {previousIndex, QString::number(mine.key.modulus.size()), QString::number(theirs.key.modulus.size()),
                    exponentText(mine.key.exponent), exponentText(theirs.key.exponent)});
        else if (!modulusSame)
            finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Data/PublicKey's modulus differs from certificate %1's Signature/KeyInfo (%2 vs %3 bytes)"),
                   {previousIndex, QString::number(mine.key.modulus.size()), QString::number(theirs.key.modulus.size())});
        else
            finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Data/PublicKey's exponent differs from certificate %1's Signature/KeyInfo (%2 vs %3)"),
                   {previousIndex, exponentText(mine.key.exponent), exponentText(theirs.key.exponent)});
    }
    return s;
}

// Procedure step 5: "The KeyUsage element contains a SignCertificate element, with the value 1."
StepResult checkSignUsage(const CertificateContext& c, MissingInputs& missing, QStringView usage)
{
    StepResult s = begin(Rule::CertSignUsage, c);
    if (!need(s, c.data, c.index, missing))
        return s;
    addRange(s, *c.doc, findPath(*c.doc, c.data.element, u"Data", {u"KeyUsage", usage}).element, QT_TRANSLATE_NOOP("copp::validation::Fact", "flag"));
    const QString p = flagProblem(*c.doc, c.data.element, u"KeyUsage", usage);
    if (p.isEmpty())
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "KeyUsage/%1 = 1"), {usage.toString()});
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "%1"), {p});
    return s;
}

// Procedure steps 6-7: SHA-1 over "every byte from the first character in the <Data> tag
// to the last character in the closing </Data> tag" equals the decoded DigestValue.
StepResult checkDigest(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertDigest, c);
    if (!need(s, c.data, c.index, missing) || !need(s, c.signature, c.index, missing))
        return s;
    const Lookup l = findPath(*c.doc, c.signature.element, u"Signature", {u"SignedInfo", u"Reference", u"DigestValue"});
    if (!need(s, l, c.index, missing))
        return s;
    const auto& dataSpan = c.doc->element(c.data.element).outer;
    addRange(s, *c.doc, c.data.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "hashed Data bytes"));
    addRange(s, *c.doc, l.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "DigestValue"));
    const cert::Base64Read& expected = c.values->base64(l);
    if (!expected.ok()) {
        reportMissing(s, c.index, expected.problem, missing);
        return s;
    }
    const QByteArray actual = cert::elementSha1(*c.doc, c.data.element);
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "hashed bytes"), FactValue::byteRange(dataSpan)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected (DigestValue)"), FactValue::hex(expected.bytes)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "actual (SHA-1 of Data)"), FactValue::hex(actual)});
    if (expected.bytes == actual) {
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "SHA-1 of the %1 Data bytes matches DigestValue"), {QString::number(dataSpan.size())});
        return s;
    }
    if (expected.bytes.size() != actual.size())
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "DigestValue is %1 bytes; a SHA-1 digest is 20"), {QString::number(expected.bytes.size())});
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "SHA-1 of the %1 Data bytes is %2, DigestValue says %3"),
               {QString::number(dataSpan.size()), hex(actual), hex(expected.bytes)});
    s.diagnosis = diagnoseDigest(*c.doc, c.data.element, expected.bytes, dataMarkup(c));
    return s;
}

Message explainPssFailure(const crypto::PssDecoding& d, Facts* facts)
{
    using Stage = crypto::PssDecoding::Stage;
    switch (d.stage) {
    case Stage::BadSignatureLength:
        return {QT_TRANSLATE_NOOP("copp::validation", "the signature length does not match the key"), {}};
    case Stage::OutOfRange:
        return {QT_TRANSLATE_NOOP("copp::validation", "the signature is not smaller than the modulus: not made with this key"), {}};
    case Stage::EncodingTooShort:
        return {QT_TRANSLATE_NOOP("copp::validation", "the key is too small for an RSASSA-PSS SHA-1 encoding"), {}};
    case Stage::BadTrailer:
        facts->append({QT_TRANSLATE_NOOP("copp::validation::Fact", "trailer byte"), QStringLiteral("0x%1").arg(d.trailer, 2, 16, QLatin1Char('0'))});
        return {QT_TRANSLATE_NOOP("copp::validation", "no PSS encoding inside (trailer byte 0x%1, expected 0xbc): signed with another key, or not with RSASSA-PSS"),
                {QStringLiteral("%1").arg(d.trailer, 2, 16, QLatin1Char('0'))}};
    case Stage::NonZeroLeftBits:
        return {QT_TRANSLATE_NOOP("copp::validation", "no PSS encoding inside (high bits of the encoded message set): signed with another key"), {}};
    case Stage::BadPadding:
        return {QT_TRANSLATE_NOOP("copp::validation", "no PSS encoding inside (padding is not 00..00 01): signed with another key, or another hash/MGF"), {}};
    case Stage::Decoded:
        break;
    }
    facts->append({QT_TRANSLATE_NOOP("copp::validation::Fact", "recovered salt length"), QString::number(d.recoveredSaltLength)});
    facts->append({QT_TRANSLATE_NOOP("copp::validation::Fact", "H (from signature)"), QString::fromStdString(toHex(d.h))});
    facts->append({QT_TRANSLATE_NOOP("copp::validation::Fact", "H' (recomputed)"), QString::fromStdString(toHex(d.hPrime))});
    if (d.hashesMatch())
        return {QT_TRANSLATE_NOOP("copp::validation", "a valid RSASSA-PSS signature, but with salt length %1; COPP requires salt length 0"),
                {QString::number(d.recoveredSaltLength)}};
    if (d.recoveredSaltLength != 0)
        return {QT_TRANSLATE_NOOP("copp::validation", "salt length %1 (COPP requires 0) and H != H': signed over other bytes than this Data element"),
                {QString::number(d.recoveredSaltLength)}};
    return {QT_TRANSLATE_NOOP("copp::validation", "H != H': signed over other bytes than this Data element (edited after signing, or re-serialised XML)"), {}};
}

// "Verify Signature Procedure": RSASSA-PSS-Verify with (n, e) from Signature/KeyInfo,
// M = the Data bytes, SHA-1, MGF1-SHA-1, sLen = 0.
StepResult checkSignature(const CertificateContext& c, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertSignature, c);
    if (!need(s, c.data, c.index, missing) || !need(s, c.signature, c.index, missing))
        return s;
    const Lookup value = findPath(*c.doc, c.signature.element, u"Signature", {u"SignatureValue"});
    if (!need(s, value, c.index, missing))
        return s;
    const Lookup keyInfo = findPath(*c.doc, c.signature.element, u"Signature", {u"KeyInfo"});
    if (!need(s, keyInfo, c.index, missing))
        return s;
    addRange(s, *c.doc, c.data.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "signed Data bytes"));
    addRange(s, *c.doc, value.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "SignatureValue"));
    addRange(s, *c.doc, keyInfo.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "KeyInfo (signer's key)"));
    const cert::Base64Read& signature = c.values->base64(value);
    if (!signature.ok()) {
        reportMissing(s, c.index, signature.problem, missing);
        return s;
    }
    const cert::KeyValueRead& key = c.values->keyValue(keyInfo.element, u"Signature/KeyInfo");
    if (!key.ok()) {
        reportMissing(s, c.index, key.problem, missing);
        return s;
    }
    std::optional<Result<crypto::PssSha1Verifier>> parsed;
    const crypto::PssSha1Verifier* verifier = nullptr;
    if (c.trustRoot && c.trustRoot->verifier && key.key == c.trustRoot->key) {
        verifier = c.trustRoot->verifier.get();
    } else {
        parsed.emplace(crypto::PssSha1Verifier::create(key.key));
        if (!*parsed) {
            finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Signature/KeyInfo is not a usable RSA key: %1"),
                   {QString::fromStdString(parsed->error().detail)});
            return s;
        }
        verifier = &parsed->value();
    }
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signer key (bits)"), FactValue::number(static_cast<qint64>(verifier->modulusBits()))});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "signature length (bytes)"), FactValue::number(signature.bytes.size())});
    const copp::ByteView message = util::byteView(c.doc->sliceView(c.doc->element(c.data.element).outer));
    const copp::ByteView sig = util::byteView(signature.bytes);
    if (sig.size() == verifier->signatureLength() && verifier->verify(message, sig)) {
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "RSASSA-PSS (SHA-1, salt 0) signature by the %1-bit KeyInfo key verifies"),
               {QString::number(verifier->modulusBits())});
        return s;
    }
    const crypto::PssDecoding decoding = crypto::decodePssSha1(*verifier, message, sig);
    if (sig.size() != verifier->signatureLength()) {
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "SignatureValue is %1 bytes; a signature by a %2-bit key is %3 bytes"),
               {QString::number(sig.size()), QString::number(verifier->modulusBits()), QString::number(verifier->signatureLength())});
    } else {
        const Message why = explainPssFailure(decoding, &s.facts);
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "signature does not verify: %1"));
        s.detail.nested.push_back(why);
    }
    s.diagnosis = diagnoseSignature(*c.doc, c.data.element,
                                    {*verifier, key.key, decoding, sig, [&c] { return candidateKeys(c); }, dataMarkup(c)});
    return s;
}

// Procedure step 10: the final certificate's Signature/KeyInfo "matches Microsoft's public key".
StepResult checkTrustedRoot(const CertificateContext& c, const TrustRoot& root, MissingInputs& missing)
{
    StepResult s = begin(Rule::CertTrustedRoot, c);
    if (!need(s, c.signature, c.index, missing))
        return s;
    const Lookup keyInfo = findPath(*c.doc, c.signature.element, u"Signature", {u"KeyInfo"});
    if (!need(s, keyInfo, c.index, missing))
        return s;
    addRange(s, *c.doc, keyInfo.element, QT_TRANSLATE_NOOP("copp::validation::Fact", "KeyInfo"));
    const cert::KeyValueRead& key = c.values->keyValue(keyInfo.element, u"Signature/KeyInfo");
    if (!key.ok()) {
        reportMissing(s, c.index, key.problem, missing);
        return s;
    }
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "trusted root"), root.name});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "expected modulus SHA-1"), modulusFingerprint(root.key)});
    s.facts.append({QT_TRANSLATE_NOOP("copp::validation::Fact", "actual modulus SHA-1"), modulusFingerprint(key.key)});
    if (key.key == root.key)
        finish(s, Outcome::Pass, QT_TRANSLATE_NOOP("copp::validation", "Signature/KeyInfo is the trusted root (%1)"), {root.name});
    else
        finish(s, Outcome::Fail, QT_TRANSLATE_NOOP("copp::validation", "Signature/KeyInfo is not the trusted root (%1)"), {root.name});
    return s;
}

} // namespace copp::validation
