#include "stepdetailview.h"

#include "outcomeicons.h"

#include <core/models/validationstepmodel.h>

#include <QCoreApplication>

namespace copp::ui {

namespace {
constexpr qsizetype kMaxShownBytes = 4096; // a Data element is ~1 KB; keep huge ranges readable

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
    for (const auto& range : step->ranges) {
        const QByteArray bytes = report.document.slice(range.span);
        html += QStringLiteral("<p><b>%1</b> — %2</p>")
                    .arg(QCoreApplication::translate("copp::validation::Fact", range.role).toHtmlEscaped(),
                         tr("bytes %1 to %2 (%3 bytes)").arg(range.span.begin).arg(range.span.end).arg(range.span.size()));
        html += QStringLiteral("<pre style=\"background:#f4f4f4; white-space:pre-wrap\">%1%2</pre>")
                    .arg(escaped(bytes.left(kMaxShownBytes)),
                         bytes.size() > kMaxShownBytes ? tr("\n… (%1 more bytes)").arg(bytes.size() - kMaxShownBytes) : QString());
    }
    setHtml(html);
}

} // namespace copp::ui
