#include "reporthtml.h"

#include "reporttext.h"

#include <core/kernel/crypto/sha.h>

#include <QCoreApplication>
#include <QDateTime>
#include <core/util/byteview.h>

namespace copp::validation {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("copp::validation::Html", text);
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// Colour is never the only signal: every outcome has a symbol and a word.
QString outcomeCell(Outcome o)
{
    switch (o) {
    case Outcome::Pass:
        return QStringLiteral("<td class=\"pass\">✓ %1</td>").arg(esc(tr("passed")));
    case Outcome::Fail:
        return QStringLiteral("<td class=\"fail\">✗ %1</td>").arg(esc(tr("FAILED")));
    case Outcome::Skipped:
        return QStringLiteral("<td class=\"skip\">– %1</td>").arg(esc(tr("skipped")));
    }
    return {};
}

QString sha256Hex(const QByteArray& bytes)
{
    return QString::fromLatin1(util::toQByteArray(crypto::sha256(util::byteView(bytes))).toHex());
}

QString verdictBlock(const ValidationReport& report)
{
    if (const StepResult* f = report.firstFailure()) {
        const QString where = f->certificate < 0
            ? QString()
            : tr(" in certificate %1 (%2)").arg(f->certificate).arg(certificateRoleName(f->certificate));
        return QStringLiteral("<p class=\"verdict fail\">✗ %1</p><p>%2</p>")
            .arg(esc(tr("REJECTED: this chain is not valid.")),
                 esc(tr("First failure: %1%2 — %3").arg(translatedRuleTitle(f->rule), where, f->detail.translated())));
    }
    return QStringLiteral("<p class=\"verdict pass\">✓ %1</p>")
        .arg(esc(tr("VALID: every step of the validation procedure passed.")));
}

QString stepRow(const StepResult& s)
{
    QString evidence;
    if (!s.facts.isEmpty()) {
        evidence = QStringLiteral("<dl>");
        for (const Fact& f : s.facts)
            evidence += QStringLiteral("<dt>%1</dt><dd><code>%2</code></dd>").arg(esc(f.translatedLabel()), esc(f.value));
        evidence += QStringLiteral("</dl>");
    }
    for (const ByteRange& r : s.ranges)
        evidence += QStringLiteral("<div class=\"range\">%1</div>")
                        .arg(esc(tr("%1: bytes %2–%3 of the file")
                                     .arg(QCoreApplication::translate("copp::validation::Fact", r.role))
                                     .arg(r.span.begin)
                                     .arg(r.span.end)));
    const QString cert = s.certificate < 0 ? QString()
                                           : QStringLiteral("%1 (%2)").arg(s.certificate).arg(certificateRoleName(s.certificate));
    return QStringLiteral("<tr>%1<td><code>%2</code><br>%3</td><td>%4</td><td>%5%6</td></tr>\n")
        .arg(outcomeCell(s.outcome), esc(ruleId(s.rule)), esc(translatedRuleTitle(s.rule)), esc(cert),
             esc(s.detail.translated()), evidence);
}

} // namespace

QByteArray reportToHtml(const ValidationReport& report, const HtmlSource& source)
{
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">\n")
                .arg(esc(QCoreApplication::translate("copp::validation::Html", "en", "HTML language code")));
    html += QStringLiteral("<title>%1</title>\n").arg(esc(tr("COPP chain validation: %1").arg(source.fileName)));
    // Inline style only: the page must stand alone. Outcomes carry symbols and words too.
    html += QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;vertical-align:top;text-align:left}"
        ".pass{color:#0a5d0a}.fail{color:#a00000;font-weight:bold}.skip{color:#555}"
        ".verdict{font-size:1.6em}code{word-break:break-all}dt{font-weight:bold}dd{margin:0 0 .3em 1em}"
        ".range{color:#444;font-size:.9em}</style></head><body>\n");
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("COPP certificate-chain validation")));
    html += verdictBlock(report);
    html += QStringLiteral("<table class=\"meta\"><tr><th>%1</th><td>%2</td></tr><tr><th>%3</th><td><code>%4</code></td></tr>"
                           "<tr><th>%5</th><td>%6</td></tr><tr><th>%7</th><td>%8</td></tr></table>\n")
                .arg(esc(tr("File")), esc(source.fileName), esc(tr("SHA-256 of the file")), sha256Hex(source.bytes),
                     esc(tr("Trust root")), esc(report.trustRootName), esc(tr("Checked")),
                     esc(tr("%1 by %2").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), source.generator)));
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"steps\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                .arg(esc(tr("Validation steps, in procedure order")), esc(tr("Outcome")), esc(tr("Step")),
                     esc(tr("Certificate")), esc(tr("Explanation and evidence")));
    for (const StepResult& s : report.steps)
        html += stepRow(s);
    html += QStringLiteral("</table>\n</body></html>\n");
    return html.toUtf8();
}

} // namespace copp::validation
