// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/stepdetailview.h>

#include <algorithm>

#include <widgets/outcomeicons.h>

#include <core/models/validationstepmodel.h>
#include <core/validation/diagnosis.h>

#include <QCoreApplication>

namespace copp::ui {

namespace {
constexpr qsizetype kMaxShownBytes = 4096; // a Data element is ~1 KB; keep huge ranges readable
constexpr qsizetype kMaxShownRanges = 50;   // a real step has at most 3

QString escaped(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

// A few differing bytes as they read, whitespace made visible: \r \n \t as
// C writes them, a space as a middle dot (glyphs every font has, unlike ␍).
QString visibleBytes(const QByteArray& bytes)
{
    constexpr qsizetype kMaxShown = 80;
    QString text = QString::fromUtf8(bytes.left(kMaxShown));
    text.replace(u'\\', QStringLiteral("\\\\")).replace(u'\r', QStringLiteral("\\r")).replace(u'\n', QStringLiteral("\\n"))
        .replace(u'\t', QStringLiteral("\\t")).replace(u' ', u'·');
    return text.toHtmlEscaped() + (bytes.size() > kMaxShown ? QStringLiteral("…") : QString());
}

bool isHex(const QString& text)
{
    return text.size() >= 8 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

// Two hex values of the same length side by side (expected and actual digest, H
// and H'): the digits that differ are marked bold and underlined, not by colour alone.
QString markedHex(const QString& value, const QString& other)
{
    QString html;
    bool inDiff = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const bool differs = value.at(i) != other.at(i);
        if (differs != inDiff)
            html += differs ? QStringLiteral("<b><u style=\"background:#f6c5c5\">") : QStringLiteral("</u></b>");
        inDiff = differs;
        html += value.at(i);
    }
    return html + (inDiff ? QStringLiteral("</u></b>") : QString());
}

// docs/cli.md#diagnoses: the proven cause and the bytes that differ, listed
// with their offsets (the Raw bytes tab marks them).
QString likelyCause(const validation::ValidationReport& report, const validation::Diagnosis& d)
{
    constexpr qsizetype kMaxListed = 12;
    QString html = QStringLiteral("<h4>⚑ %1</h4><p><code>%2</code> — %3</p>")
                       .arg(StepDetailView::tr("Likely cause (proven)").toHtmlEscaped(), validation::diagnosisId(d.id),
                            d.detail.translated().toHtmlEscaped());
    if (d.differing.isEmpty())
        return html;
    html += QStringLiteral("<p>%1</p><ul>")
                .arg(StepDetailView::tr("%1 (places: %2), marked in the Raw bytes tab:")
                         .arg(QCoreApplication::translate("copp::validation::Fact", d.differingRole))
                         .arg(d.differing.size())
                         .toHtmlEscaped());
    for (qsizetype i = 0; i < std::min(d.differing.size(), kMaxListed); ++i) {
        const cert::ByteSpan span = d.differing[i];
        html += span.size() == 0
            ? QStringLiteral("<li>%1</li>").arg(StepDetailView::tr("at byte %1 (bytes were inserted here)").arg(span.begin).toHtmlEscaped())
            : QStringLiteral("<li>%1 <code>%2</code></li>")
                  .arg(StepDetailView::tr("bytes %1 to %2:").arg(span.begin).arg(span.end).toHtmlEscaped(),
                       visibleBytes(report.document.slice(span)));
    }
    if (d.differing.size() > kMaxListed)
        html += QStringLiteral("<li>%1</li>").arg(StepDetailView::tr("… and %1 more").arg(d.differing.size() - kMaxListed).toHtmlEscaped());
    return html + QStringLiteral("</ul>");
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
    if (step->diagnosis)
        html += likelyCause(report, *step->diagnosis);
    if (!step->facts.isEmpty()) {
        html += QStringLiteral("<table cellspacing=\"2\">");
        QStringList texts;
        for (const auto& f : step->facts)
            texts.append(f.text());
        // A hex value next to another of its length: expected and actual, H and H'.
        QList<qsizetype> partner(texts.size(), -1);
        for (qsizetype i = 0; i + 1 < texts.size(); ++i) {
            if (isHex(texts[i]) && isHex(texts[i + 1]) && texts[i].size() == texts[i + 1].size()) {
                partner[i] = i + 1;
                partner[i + 1] = i;
                ++i;
            }
        }
        for (qsizetype i = 0; i < texts.size(); ++i)
            html += QStringLiteral("<tr><td><b>%1</b></td><td><code>%2</code></td></tr>")
                        .arg(step->facts[i].translatedLabel().toHtmlEscaped(),
                             partner[i] >= 0 ? markedHex(texts[i], texts[partner[i]]) : texts[i].toHtmlEscaped());
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
