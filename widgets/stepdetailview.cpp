// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/stepdetailview.h>

#include <algorithm>

#include <widgets/outcomeicons.h>

#include <core/models/validationstepmodel.h>

#include <QCoreApplication>

namespace copp::ui {

namespace {
constexpr qsizetype kMaxShownBytes = 4096; // a Data element is ~1 KB; keep huge ranges readable
constexpr qsizetype kMaxShownRanges = 50;   // a real step has at most 3

QString escaped(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}
} // namespace

StepDetailView::StepDetailView(QWidget* parent) : QTextBrowser(parent)
{
    setAccessibleName(tr("Step details"));
    setOpenLinks(false);
}

void StepDetailView::showStep(const validation::ValidationReport& report, const validation::StepResult* step)
{
    if (!step) {
        setHtml(tr("<p>Select a validation step to see its evidence and the bytes it checked.</p>"));
        return;
    }
    QString html;
    html += QStringLiteral("<h3>%1 <small>(%2)</small></h3>")
                .arg(validation::translatedRuleTitle(step->rule).toHtmlEscaped(), validation::ruleId(step->rule));
    html += QStringLiteral("<p><i>%1</i></p>").arg(validation::translatedRuleDescription(step->rule).toHtmlEscaped());
    html += QStringLiteral("<p><b style=\"color:%1\">%2</b>: %3</p>")
                .arg(outcomeColor(step->outcome).name(), models::ValidationStepModel::outcomeText(step->outcome),
                     step->detail.translated().toHtmlEscaped());
    if (!step->facts.isEmpty()) {
        html += QStringLiteral("<table cellspacing=\"2\">");
        for (const auto& f : step->facts)
            html += QStringLiteral("<tr><td><b>%1</b></td><td><code>%2</code></td></tr>")
                        .arg(f.translatedLabel().toHtmlEscaped(), f.text().toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    // A hostile file can give a step tens of thousands of ranges (every copy of a
    // duplicated element): the first kMaxShownRanges are shown, the rest counted.
    const qsizetype shownRanges = std::min<qsizetype>(step->ranges.size(), kMaxShownRanges);
    for (qsizetype i = 0; i < shownRanges; ++i) {
        const auto& range = step->ranges[i];
        const QByteArray bytes = report.document.slice(range.span);
        html += QStringLiteral("<p><b>%1</b> — %2</p>")
                    .arg(QCoreApplication::translate("copp::validation::Fact", range.role).toHtmlEscaped(),
                         tr("bytes %1 to %2 (%3 bytes)").arg(range.span.begin).arg(range.span.end).arg(range.span.size()));
        html += QStringLiteral("<pre style=\"background:#f4f4f4; white-space:pre-wrap\">%1%2</pre>")
                    .arg(escaped(bytes.left(kMaxShownBytes)),
                         bytes.size() > kMaxShownBytes ? tr("\n… (%1 more bytes)").arg(bytes.size() - kMaxShownBytes) : QString());
    }
    if (step->ranges.size() > shownRanges)
        html += QStringLiteral("<p>%1</p>").arg(tr("… and %1 more byte ranges").arg(step->ranges.size() - shownRanges).toHtmlEscaped());
    setHtml(html);
}

} // namespace copp::ui
