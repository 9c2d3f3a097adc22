// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/reporthtml.h>
#include <core/validation/validationtr.h>

#include <core/validation/diagnosis.h>
#include <core/validation/reporttext.h>

#include <core/kernel/crypto/sha.h>

#include <QCoreApplication>
#include <QDateTime>
#include <core/util/byteview.h>

namespace copp::validation {

namespace {

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
            : tr(" in certificate %1 (%2)").arg(f->certificate).arg(report.certificateRole(f->certificate));
        return QStringLiteral("<p class=\"verdict fail\">✗ %1</p><p>%2</p>")
            .arg(esc(tr("REJECTED: this chain is not valid.")),
                 esc(tr("First failure: %1%2 — %3").arg(translatedRuleTitle(f->rule), where, f->detail.translated())));
    }
    return QStringLiteral("<p class=\"verdict pass\">✓ %1</p>")
        .arg(esc(tr("VALID: every step of the validation procedure passed.")));
}

// docs/cli.md#diagnoses: the proven cause, and where the file differs from what was signed.
QString causeBlock(const Diagnosis& d)
{
    constexpr qsizetype kMaxListed = 20; // a CRLF file has a CR on every line
    QString html = QStringLiteral("<p class=\"cause\">⚑ <b>%1</b> <code>%2</code>: %3</p>")
                       .arg(esc(tr("Likely cause (proven):")), esc(diagnosisId(d.id)), esc(d.detail.translated()));
    if (d.differing.isEmpty())
        return html;
    QStringList spans;
    for (qsizetype i = 0; i < std::min(d.differing.size(), kMaxListed); ++i)
        spans.append(QString::number(d.differing[i].begin) + u'–' + QString::number(d.differing[i].end));
    if (d.differing.size() > kMaxListed)
        spans.append(tr("and %1 more").arg(d.differing.size() - kMaxListed));
    html += QStringLiteral("<div class=\"range\">%1</div>")
                .arg(esc(tr("%1: bytes %2 of the file")
                             .arg(QCoreApplication::translate("copp::validation::Fact", d.differingRole), spans.join(QStringLiteral(", ")))));
    return html;
}

QString stepRow(const ValidationReport& report, const StepResult& s)
{
    QString evidence;
    if (s.diagnosis)
        evidence += causeBlock(*s.diagnosis);
    if (!s.facts.isEmpty()) {
        evidence += QStringLiteral("<dl>");
        for (const Fact& f : s.facts)
            evidence += QStringLiteral("<dt>%1</dt><dd><code>%2</code></dd>").arg(esc(f.translatedLabel()), esc(f.text()));
        evidence += QStringLiteral("</dl>");
    }
    for (const ByteRange& r : s.ranges)
        evidence += QStringLiteral("<div class=\"range\">%1</div>")
                        .arg(esc(tr("%1: bytes %2–%3 of the file")
                                     .arg(QCoreApplication::translate("copp::validation::Fact", r.role))
                                     .arg(r.span.begin)
                                     .arg(r.span.end)));
    const QString cert = s.certificate < 0 ? QString()
                                           : QStringLiteral("%1 (%2)").arg(s.certificate).arg(report.certificateRole(s.certificate));
    return QStringLiteral("<tr>%1<td><code>%2</code><br>%3</td><td>%4</td><td>%5%6</td></tr>\n")
        .arg(outcomeCell(s.outcome), esc(ruleId(s.rule)), esc(translatedRuleTitle(s.rule)), esc(cert),
             esc(s.detail.translated()), evidence);
}

// OPM chains: who is who, since X.509 paths have no fixed length or order.
QString x509Section(const ValidationReport& report)
{
    if (report.x509Certificates.isEmpty())
        return {};
    QString html = QStringLiteral("<h2>%1</h2>\n<table class=\"certs\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
                       .arg(esc(report.x509PathLength > 0 ? tr("Certificates, leaf to root") : tr("Certificates, in bundle order")),
                            esc(tr("Certificate")), esc(tr("Subject and issuer")), esc(tr("Valid")), esc(tr("Key")),
                            esc(tr("Fingerprints")));
    for (int i = 0; i < report.x509Certificates.size(); ++i) {
        const cert::X509CertificateInfo& c = report.x509Certificates.at(i);
        const QString role = report.certificateRole(i);
        html += QStringLiteral("<tr><td>%1</td><td>%2<br>%3</td><td>%4<br>%5</td><td>%6<br>%7</td><td>%8</td></tr>\n")
                    .arg(esc(role.isEmpty() ? QString::number(i) : QStringLiteral("%1 (%2)").arg(i).arg(role)),
                         esc(tr("Subject: %1").arg(c.subject)), esc(tr("Issuer: %1").arg(c.issuer)),
                         esc(tr("from %1").arg(c.notBefore.toString(Qt::ISODate))), esc(tr("until %1").arg(c.notAfter.toString(Qt::ISODate))),
                         esc(tr("%1, %2 bits").arg(c.publicKeyAlgorithm).arg(c.keyBits)), esc(tr("serial %1").arg(c.serialHex)),
                         esc(tr("certificate SHA-256 %1; SubjectPublicKeyInfo SHA-256 %2").arg(sha256Hex(c.der), QString::fromLatin1(c.spkiSha256.toHex()))));
    }
    return html + QStringLiteral("</table>\n");
}

} // namespace

QByteArray reportToHtml(const ValidationReport& report, const HtmlSource& source)
{
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">\n")
                .arg(esc(QCoreApplication::translate("copp::validation::Html", "en", "HTML language code")));
    const bool x509 = report.format == ChainFormat::X509;
    html += QStringLiteral("<title>%1</title>\n")
                .arg(esc((x509 ? tr("OPM certificate validation: %1") : tr("COPP chain validation: %1")).arg(source.fileName)));
    // Inline style only: the page must stand alone. Outcomes carry symbols and words too.
    html += QStringLiteral(
        "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto;color:#111}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.4em;vertical-align:top;text-align:left}"
        ".pass{color:#0a5d0a}.fail{color:#a00000;font-weight:bold}.skip{color:#555}"
        ".verdict{font-size:1.6em}code{word-break:break-all}dt{font-weight:bold}dd{margin:0 0 .3em 1em}"
        ".range{color:#444;font-size:.9em}.cause{border-left:4px solid #a00000;padding-left:.5em}</style></head><body>\n");
    html += QStringLiteral("<h1>%1</h1>\n")
                .arg(esc(x509 ? tr("OPM X.509 certificate-chain validation") : tr("COPP certificate-chain validation")));
    html += verdictBlock(report);
    html += QStringLiteral("<table class=\"meta\"><tr><th>%1</th><td>%2</td></tr><tr><th>%3</th><td><code>%4</code></td></tr>"
                           "<tr><th>%5</th><td>%6</td></tr><tr><th>%7</th><td>%8</td></tr></table>\n")
                .arg(esc(tr("File")), esc(source.fileName), esc(tr("SHA-256 of the file")), sha256Hex(source.bytes),
                     esc(x509 ? tr("Trust anchor") : tr("Trust root")), esc(report.trustRootName), esc(tr("Checked")),
                     esc(tr("%1 by %2").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), source.generator)));
    html += QStringLiteral("<h2>%1</h2>\n<table class=\"steps\"><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>\n")
                .arg(esc(tr("Validation steps, in procedure order")), esc(tr("Outcome")), esc(tr("Step")),
                     esc(tr("Certificate")), esc(tr("Explanation and evidence")));
    for (const StepResult& s : report.steps)
        html += stepRow(report, s);
    html += QStringLiteral("</table>\n");
    html += x509Section(report);
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

} // namespace copp::validation
