// SPDX-License-Identifier: BSD-3-Clause
// The inspector shows a proven cause (docs/gui.md, "Likely cause"): the step
// details name it and list the differing bytes, the Raw bytes tab marks exactly
// them, the verdict line names the id; a failure nothing explains shows none.
#include <support/testsupport.h>

#include <core/validation/diagnosis.h>
#include <widgets/byterangeview.h>
#include <widgets/inspectorpage.h>
#include <widgets/stepdetailview.h>

#include <QTreeView>
#include <QtTest>

using namespace copp;

namespace {

QString detailText(const ui::InspectorPage& page)
{
    const auto* detail = page.findChild<ui::StepDetailView*>();
    return detail ? detail->toPlainText() : QString();
}

} // namespace

class TestInspectorCause : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { tests::testPki(); }

    void provenCauseIsShownAndMarked()
    {
        const QByteArray xml = tests::testPki().damagedChain({validation::DiagnosisId::AttributeQuotes, 1}).xml;
        const auto report = tests::validateWithTestRoot(xml);
        ui::InspectorPage page;
        page.resize(1200, 800);
        page.show();
        page.showReport(report, xml, QStringLiteral("quotes.xml"));
        // Opened at the first failure: cert.digest@1, with its cause.
        const QString text = detailText(page);
        QVERIFY2(text.contains(u"Likely cause (proven)"), qPrintable(text));
        QVERIFY(text.contains(u"attribute_quotes"));
        QVERIFY(text.contains(u"(places: 4), marked in the Raw bytes tab"));
        QVERIFY(page.verdict().endsWith(u" — likely cause: attribute_quotes"));

        const validation::StepResult* first = report.firstFailure();
        QVERIFY(first && first->diagnosis);
        QCOMPARE(page.byteView()->differingSpans(), first->diagnosis->differing);
        for (const cert::ByteSpan& span : page.byteView()->differingSpans())
            QCOMPARE(xml.mid(span.begin, span.size()), QByteArray("\""));
        // Each differing byte's offset is in the details, so it can be found without colour.
        QVERIFY(text.contains(QStringLiteral("bytes %1 to %2:").arg(first->diagnosis->differing.front().begin).arg(first->diagnosis->differing.front().end)));
    }

    void digestsShowWhichDigitsDiffer()
    {
        const QByteArray xml = tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 0}).xml;
        ui::InspectorPage page;
        page.showReport(tests::validateWithTestRoot(xml), xml, QStringLiteral("digest.xml"));
        const auto* detail = page.findChild<ui::StepDetailView*>();
        QVERIFY(detail);
        // The broken digest differs from the real one in its first byte's last bit: one hex digit.
        const QString html = detail->toHtml();
        QCOMPARE(html.count(u"text-decoration: underline") + html.count(u"text-decoration:underline"), 2);
        QVERIFY(!page.verdict().contains(u"likely cause"));
        QVERIFY(!detailText(page).contains(u"Likely cause"));
        QVERIFY(page.byteView()->differingSpans().isEmpty());
    }
};

QTEST_MAIN(TestInspectorCause)
#include "tst_inspectorcause.moc"
