// SPDX-License-Identifier: BSD-3-Clause
// Chains that fail cert.digest or cert.signature for a reason a diagnosis can
// prove (docs/cli.md#diagnoses), made the way the toolchains do it: the file
// and what the signer hashed are written independently here, by plain text
// edits of the test PKI's own Data bytes, not by the validator's transformations.
#include <core/testpki/testpki.h>

#include <QMap>
#include <QRegularExpression>

namespace copp::testpki {

using validation::DiagnosisId;

namespace {

qsizetype startTagLength(const QByteArray& data)
{
    return data.indexOf('>') + 1;
}

QByteArray replaceInStartTag(const QByteArray& data, const QByteArray& before, const QByteArray& after)
{
    const qsizetype length = startTagLength(data);
    QByteArray tag = data.left(length);
    return tag.replace(before, after) + data.mid(length);
}

// The test PKI writes <P:Data xmlns="CERT" xmlns:m="MSLP"> inside a collection
// that declares xmlns="DSIG" xmlns:P="CERT": in scope at Data are the default
// namespace and m as Data declares them, and P for the cert namespace (Data's
// default). Canonical XML writes them default first, then by prefix.
QByteArray withCanonicalDeclarations(const QByteArray& data)
{
    const QByteArray tag = data.left(startTagLength(data));
    const QByteArray name = tag.mid(1, tag.indexOf(' ') - 1);
    QMap<QByteArray, QByteArray> declarations; // sorted: "xmlns" before "xmlns:…"
    static const QRegularExpression declaration(QStringLiteral("(xmlns(?::[A-Za-z0-9_.-]+)?)=\"([^\"]*)\""));
    for (const auto& m : declaration.globalMatch(QString::fromUtf8(tag)))
        declarations.insert(m.captured(1).toUtf8(), m.captured(2).toUtf8());
    if (const qsizetype colon = name.indexOf(':'); colon > 0)
        declarations.insert("xmlns:" + name.left(colon), declarations.value("xmlns"));
    QByteArray canonical = '<' + name;
    for (auto it = declarations.cbegin(); it != declarations.cend(); ++it)
        canonical += ' ' + it.key() + "=\"" + it.value() + '"';
    return canonical + '>' + data.mid(tag.size());
}

// The Data bytes as written for certificate `n` (editData) and as the signer hashed them (signedForm).
QByteArray written(DiagnosisId id, const QByteArray& data)
{
    switch (id) {
    case DiagnosisId::CharacterReferences: { // a DOM wrote &#233; for the é that was signed
        const qsizetype model = data.indexOf("ModelName>") + qsizetype(sizeof("ModelName>") - 1);
        return data.left(model) + "Pilote vid&#233;o, " + data.mid(model);
    }
    case DiagnosisId::TagWhitespace: // an editor broke the start tag over lines, with a space before '>'
        return replaceInStartTag(replaceInStartTag(data, " ", "\n      "), ">", " >");
    default:
        return data;
    }
}

QByteArray hashed(DiagnosisId id, const QByteArray& data)
{
    switch (id) {
    case DiagnosisId::CharacterReferences:
        return QByteArray(data).replace("&#233;", "\xC3\xA9");
    case DiagnosisId::AttributeQuotes: // signed with '…', written with "…"
        return replaceInStartTag(data, "\"", "'");
    case DiagnosisId::TagWhitespace:
        return replaceInStartTag(replaceInStartTag(data, " >", ">"), "\n      ", " ");
    case DiagnosisId::InnerContent: {
        const qsizetype begin = startTagLength(data);
        return data.mid(begin, data.lastIndexOf("</") - begin);
    }
    case DiagnosisId::NamespaceDeclarationsRemoved: {
        const QByteArray tag = data.left(startTagLength(data));
        return tag.left(tag.indexOf(' ')) + '>' + data.mid(tag.size());
    }
    case DiagnosisId::CanonicalForm:
        return withCanonicalDeclarations(data);
    default:
        return data;
    }
}

} // namespace

std::optional<Damage> Damage::parse(const QString& text, QString* error)
{
    const qsizetype at = text.indexOf(u'@');
    const QString id = at < 0 ? text : text.left(at);
    const auto known = validation::diagnosisFromId(id);
    if (!known) {
        QStringList ids;
        for (DiagnosisId d : validation::kAllDiagnoses)
            ids.append(validation::diagnosisId(d));
        *error = QStringLiteral("unknown diagnosis \"%1\"; one of %2").arg(id, ids.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    Damage d{*known, 0};
    if (at >= 0) {
        bool ok = false;
        d.certificate = text.mid(at + 1).toInt(&ok);
        if (*known == DiagnosisId::LineEndings || !ok || d.certificate < 0 || d.certificate > 2) {
            *error = *known == DiagnosisId::LineEndings ? QStringLiteral("line_endings changes the whole file: leave out @N")
                                                        : QStringLiteral("%1 cannot be applied to certificate \"%2\" (0, 1 or 2)").arg(id, text.mid(at + 1));
            return std::nullopt;
        }
    }
    return d;
}

QString Damage::toString() const
{
    const QString name = validation::diagnosisId(id);
    return id == DiagnosisId::LineEndings ? name : name + u'@' + QString::number(certificate);
}

bool Damage::needsNamespaces() const
{
    return id == DiagnosisId::AttributeQuotes || id == DiagnosisId::NamespaceDeclarationsRemoved
        || id == DiagnosisId::CanonicalForm;
}

Break Damage::expectedFirstFailure() const
{
    const bool digestFails = validation::diagnosisApplies(id, validation::Rule::CertDigest);
    return Break{digestFails ? validation::Rule::CertDigest : validation::Rule::CertSignature, certificate};
}

BuiltChain TestPki::damagedChain(const Damage& damage, ChainStyle style) const
{
    if (damage.id == DiagnosisId::LineEndings)
        style.pretty = true; // lines to end: signed with LF
    style.editData = [damage](int n, const QByteArray& data) { return n == damage.certificate ? written(damage.id, data) : data; };
    style.signedForm = [damage](int n, const QByteArray& data) { return n == damage.certificate ? hashed(damage.id, data) : data; };
    BuiltChain chain = build(style, std::nullopt, damage);
    if (damage.id == DiagnosisId::LineEndings) // then checked out with CRLF
        chain.xml.replace("\n", "\r\n");
    return chain;
}

} // namespace copp::testpki
