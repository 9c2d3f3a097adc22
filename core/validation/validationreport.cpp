// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/validationreport.h>

#include <core/validation/reporttext.h>

#include <core/kernel/crypto/sha.h>
#include <core/util/byteview.h>

#include <QCoreApplication>

namespace copp::validation {

namespace {

// Substitutes %1..%9 in one pass, so an argument containing "%2" stays literal.
QString substitute(const QString& pattern, const QStringList& args)
{
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'%' && i + 1 < pattern.size() && pattern.at(i + 1) >= u'1' && pattern.at(i + 1) <= u'9') {
            const int n = pattern.at(i + 1).unicode() - u'1';
            if (n < args.size()) {
                out += args.at(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace

QString outcomeId(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pass:
        return QStringLiteral("pass");
    case Outcome::Fail:
        return QStringLiteral("fail");
    case Outcome::Skipped:
        return QStringLiteral("skipped");
    }
    return {};
}

QString Message::english() const
{
    QStringList all = args;
    for (const Message& m : nested)
        all.append(m.english());
    return substitute(QString::fromUtf8(source), all);
}

QString Message::translated() const
{
    QStringList all = args;
    for (const Message& m : nested)
        all.append(m.translated());
    return substitute(QCoreApplication::translate(context, source), all);
}

FactValue FactValue::number(qint64 value)
{
    FactValue v;
    v.m_kind = Kind::Number;
    v.m_first = value;
    return v;
}

FactValue FactValue::hex(QByteArray bytes)
{
    FactValue v;
    v.m_kind = Kind::Hex;
    v.m_bytes = std::move(bytes);
    return v;
}

FactValue FactValue::sha1Hex(QByteArray bytes)
{
    FactValue v;
    v.m_kind = Kind::Sha1Hex;
    v.m_bytes = std::move(bytes);
    return v;
}

FactValue FactValue::byteRange(cert::ByteSpan span)
{
    FactValue v;
    v.m_kind = Kind::ByteRange;
    v.m_first = span.begin;
    v.m_second = span.end;
    return v;
}

QString FactValue::text() const
{
    switch (m_kind) {
    case Kind::Text:
        return m_text;
    case Kind::Number:
        return QString::number(m_first);
    case Kind::Hex:
        return QString::fromLatin1(m_bytes.toHex());
    case Kind::Sha1Hex:
        return QString::fromStdString(toHex(crypto::sha1(util::byteView(m_bytes))));
    case Kind::ByteRange:
        return QStringLiteral("%1..%2 (%3 bytes)").arg(m_first).arg(m_second).arg(m_second - m_first);
    }
    return {};
}

QString Fact::translatedLabel() const
{
    return QCoreApplication::translate("copp::validation::Fact", label);
}

bool ValidationReport::isValid() const
{
    return firstFailure() == nullptr;
}

const StepResult* ValidationReport::firstFailure() const
{
    for (const StepResult& step : steps) {
        if (step.outcome == Outcome::Fail)
            return &step;
    }
    return nullptr;
}

const QByteArray& ValidationReport::inputBytes() const
{
    return format == ChainFormat::X509 ? x509Bytes : document.bytes();
}

QString ValidationReport::certificateRole(int certificate) const
{
    if (format == ChainFormat::CoppXml)
        return certificateRoleName(certificate);
    // An X.509 path has any length: leaf first, root last, intermediates between.
    if (certificate < 0 || certificate >= x509Certificates.size() || x509PathLength == 0)
        return {};
    if (certificate >= x509PathLength)
        return QCoreApplication::translate("copp::validation", "not on the path");
    if (x509PathLength == 1)
        return QCoreApplication::translate("copp::validation", "leaf and root");
    if (certificate == x509PathLength - 1)
        return QCoreApplication::translate("copp::validation", "root");
    if (certificate == 0)
        return QCoreApplication::translate("copp::validation", "leaf");
    return QCoreApplication::translate("copp::validation", "intermediate");
}

} // namespace copp::validation
