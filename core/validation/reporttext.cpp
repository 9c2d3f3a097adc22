// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/reporttext.h>
#include <core/validation/validationtr.h>

#include <core/validation/diagnosis.h>

#include <core/util/printabletext.h>

#include <QCoreApplication>

namespace copp::validation {

namespace {
QString label(Outcome o)
{
    switch (o) {
    case Outcome::Pass:
        return tr("PASS");
    case Outcome::Fail:
        return tr("FAIL");
    case Outcome::Skipped:
        return tr("SKIP");
    }
    return {};
}
// Where the file differs from what was signed: the first few byte ranges.
void appendDiffering(QString& out, const Diagnosis& d)
{
    constexpr qsizetype kMaxListed = 8;
    if (d.differing.isEmpty())
        return;
    out += u"         ";
    out += QCoreApplication::translate("copp::validation::Fact", d.differingRole);
    out += u": ";
    for (qsizetype i = 0; i < std::min(d.differing.size(), kMaxListed); ++i) {
        const cert::ByteSpan span = d.differing[i];
        if (i > 0)
            out += u", ";
        out += span.size() == 0 ? tr("at %1").arg(span.begin) : QStringLiteral("%1..%2").arg(span.begin).arg(span.end);
    }
    if (d.differing.size() > kMaxListed)
        out += tr(", … (%1 in all)").arg(d.differing.size());
    out += u'\n';
}

} // namespace

QString certificateRoleName(int certificate)
{
    switch (certificate) {
    case 0:
        return tr("leaf");
    case 1:
        return tr("IHV");
    case 2:
        return tr("root");
    default:
        return {};
    }
}

QString reportToText(const ValidationReport& report, const QString& rawFileName, const TextOptions& options)
{
    // Details quote the chain (names, values, parser messages) and the file name is
    // the user's: neither may draw a line of its own on the terminal.
    const QString fileName = util::printableText(rawFileName);
    QString out;
    const StepResult* first = report.firstFailure();
    if (!first) {
        out += report.format == ChainFormat::X509 ? tr("%1: VALID (trust anchor: %2)\n").arg(fileName, report.trustRootName)
                                                  : tr("%1: VALID (trust root: %2)\n").arg(fileName, report.trustRootName);
    } else {
        const QString where = first->certificate < 0
            ? QString()
            : tr(" in certificate %1 (%2)").arg(first->certificate).arg(report.certificateRole(first->certificate));
        out += tr("%1: REJECTED: first failure %2%3\n").arg(fileName, ruleId(first->rule), where);
    }
    // Appended piece by piece: a batch prints tens of thousands of these lines
    // (docs/performance.md#verify), and a chain of arg() calls copies each line four times.
    const auto appendPadded = [&out](const QString& text, qsizetype width) {
        out += text;
        if (text.size() < width)
            out += QString(width - text.size(), u' ');
    };
    for (const StepResult& s : report.steps) {
        out += u"  ";
        appendPadded(label(s.outcome), 4);
        out += s.certificate < 0 ? QStringLiteral("    ") : QStringLiteral(" [%1]").arg(s.certificate);
        out += u' ';
        appendPadded(ruleId(s.rule), 22);
        out += u"  ";
        out += util::printableText(s.detail.translated());
        out += u'\n';
        // docs/cli.md#diagnoses: "cause:" and the id stay as the contract spells them.
        if (s.diagnosis) {
            out += u"         cause: ";
            out += diagnosisId(s.diagnosis->id);
            out += u": ";
            out += util::printableText(s.diagnosis->detail.translated());
            out += u'\n';
            appendDiffering(out, *s.diagnosis);
        }
        if (s.outcome == Outcome::Fail || (options.verbose && s.outcome == Outcome::Pass)) {
            for (const Fact& f : s.facts) {
                out += u"         ";
                out += f.translatedLabel();
                out += u": ";
                out += util::printableText(f.text());
                out += u'\n';
            }
        }
    }
    return out;
}

} // namespace copp::validation
