// The first window, offscreen: open valid and broken chains, see the verdict and the first failure.
#include <support/testsupport.h>

#include <app/gui/mainwindow.h>
#include <widgets/byterangeview.h>
#include <widgets/sessionpanel.h>
#include <widgets/stepdetailview.h>
#include <core/models/sessionlogmodel.h>
#include <core/models/validationstepmodel.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCryptographicHash>
#include <QLabel>
#include <QTabWidget>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

using namespace copp;

// openChain() validates on a worker thread: wait until the report is shown.
#define OPEN_AND_WAIT(window, path)                                                \
    do {                                                                           \
        QVERIFY((window).openChain(path));                                         \
        QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000);                 \
    } while (false)
#define WAIT_SHOWN(window) QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000)

namespace {
// Where an element is, found by plain text search in the test PKI's output
// (independently of XmlDocument): the first <NAME…>…</NAME> inside `within`.
cert::ByteSpan locate(const QByteArray& xml, cert::ByteSpan within, const QByteArray& name)
{
    for (qsizetype at = xml.indexOf("<" + name, within.begin); at >= 0 && at < within.end;
         at = xml.indexOf("<" + name, at + 1)) {
        const char next = xml.at(at + 1 + name.size());
        if (next != '>' && next != ' ' && next != '/')
            continue;
        const QByteArray close = "</" + name + ">";
        const qsizetype end = xml.indexOf(close, at);
        return {at, end < 0 ? -1 : end + close.size()};
    }
    return {-1, -1};
}

// Certificate `index` (0 = leaf), then the path of element names inside it.
cert::ByteSpan locatePath(const QByteArray& xml, int index, const QList<QByteArray>& path)
{
    cert::ByteSpan span{0, xml.size()};
    for (int i = 0; i <= index; ++i) {
        span = locate(xml, span, "c:Certificate");
        if (i < index)
            span = {span.end, xml.size()};
    }
    for (const QByteArray& name : path)
        span = locate(xml, span, name);
    return span;
}

struct ExpectedSpan {
    int certificate;
    QList<QByteArray> path;
};

// The View > Language entry named `name`.
QAction* languageAction(ui::MainWindow& w, const QString& name)
{
    for (QAction* menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction* sub : menu->menu()->actions())
                if (sub->menu())
                    for (QAction* choice : sub->menu()->actions())
                        if (choice->text() == name)
                            return choice;
    return nullptr;
}

} // namespace
Q_DECLARE_METATYPE(QList<ExpectedSpan>)

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString write(const char* name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(bytes);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Settings go to a temporary place, not the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CoppScopeTest"));
        QSettings().clear();
    }

    // A first start (no saved geometry) on a screen smaller than the preferred
    // 1400 x 900 opens a window that fits it (the offscreen screen is 800 x 800).
    void firstWindowFitsTheScreen()
    {
        QSettings().remove(QStringLiteral("window/geometry"));
        ui::MainWindow window;
        const QSize available = window.screen()->availableGeometry().size();
        QVERIFY2(available.width() < 1400 || available.height() < 900, "the test screen must be smaller than the preferred size");
        QVERIFY2(window.width() <= available.width() && window.height() <= available.height(),
                 qPrintable(QStringLiteral("window %1x%2 on a %3x%4 screen")
                                .arg(window.width()).arg(window.height()).arg(available.width()).arg(available.height())));
        // Shown, it stays that small: the pages' own minimum (the session page stacks
        // a form, controls, the chart and the log: 952 px) used to hold it taller.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(minimum.height() <= available.height() && window.height() <= available.height(),
                 qPrintable(QStringLiteral("minimum %1x%2, window %3x%4 on a %5x%6 screen")
                                .arg(minimum.width()).arg(minimum.height()).arg(window.width()).arg(window.height())
                                .arg(available.width()).arg(available.height())));
    }

    void revalidatesWhenTheFileChanges()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const QString path = write("watched.xml", tests::testPki().chain().xml);
        OPEN_AND_WAIT(w, path);
        QVERIFY(w.verdictText().contains(QStringLiteral("VALID")));
        // Another editor breaks the digest of certificate 1.
        write("watched.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 1}).xml);
        QTRY_VERIFY_WITH_TIMEOUT(w.verdictText().contains(QStringLiteral("cert.digest")), 10000);
    }

    void exportEqualsTheCliJson()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertLink, 2});
        const QString chainPath = write("export.xml", chain.xml);
        OPEN_AND_WAIT(w, chainPath);
        const QString out = m_dir.filePath(QStringLiteral("report.json"));
        QVERIFY(w.exportJson(out));
        QProcess cli;
        cli.start(qEnvironmentVariable("COPP_CLI"), {QStringLiteral("verify"), chainPath, QStringLiteral("--json"),
                                                     QStringLiteral("--trust-root"), m_dir.filePath(QStringLiteral("root.xml"))});
        QVERIFY(cli.waitForFinished(30000));
        QFile exported(out);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray fromCli = cli.readAllStandardOutput();
        QVERIFY(!fromCli.isEmpty());
        QCOMPARE(exported.readAll(), fromCli);
    }

    void recentFilesAreRemembered()
    {
        ui::MainWindow w;
        const QString a = write("a.xml", tests::testPki().chain().xml);
        const QString b = write("b.xml", tests::testPki().chain().xml);
        OPEN_AND_WAIT(w, a);
        OPEN_AND_WAIT(w, b);
        OPEN_AND_WAIT(w, a);
        const QStringList recent = w.recentFiles();
        QCOMPARE(recent.mid(0, 2), (QStringList{QFileInfo(a).absoluteFilePath(), QFileInfo(b).absoluteFilePath()}));
    }

    void validChainShowsAllPassed()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        OPEN_AND_WAIT(w, write("good.xml", tests::testPki().chain().xml));
        QVERIFY(w.verdictText().contains(QStringLiteral("VALID")));
        const auto* model = w.stepModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const auto outcome = static_cast<validation::Outcome>(model->index(row, 0).data(models::ValidationStepModel::OutcomeRole).toInt());
            QVERIFY(outcome != validation::Outcome::Fail);
        }
    }

    void brokenChainSelectsFirstFailure()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 2});
        OPEN_AND_WAIT(w, write("broken.xml", chain.xml));
        QVERIFY(w.verdictText().contains(QStringLiteral("cert.digest")));
        const QModelIndex current = w.stepView()->currentIndex();
        QCOMPARE(current.data(models::ValidationStepModel::RuleIdRole).toString(), QStringLiteral("cert.digest"));
        QCOMPARE(current.data(models::ValidationStepModel::CertificateRole).toInt(), 2);
    }

    void selectingAStepHighlightsItsBytesAndNodes()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1});
        OPEN_AND_WAIT(w, write("sig.xml", chain.xml));
        // The first failure is selected on open: cert.signature@1. It used the IHV's Data bytes.
        const QList<cert::ByteSpan> spans = w.byteView()->highlightedSpans();
        QVERIFY(!spans.isEmpty());
        const qsizetype data = chain.xml.indexOf(chain.dataBytes.at(1));
        QCOMPARE(spans.first().begin, data);
        QCOMPARE(spans.first().end, data + chain.dataBytes.at(1).size());
        QVERIFY(!w.certificateView()->selectionModel()->selectedRows().isEmpty());
        // Keyboard: Down moves to the next step, and the highlight follows.
        w.stepView()->setFocus();
        QTest::keyClick(w.stepView(), Qt::Key_Down);
        QCOMPARE(w.stepView()->currentIndex().data(models::ValidationStepModel::RuleIdRole).toString(),
                 QStringLiteral("cert.unique_children"));
        QVERIFY(w.byteView()->highlightedSpans() != spans);
    }

    void brokenChainHighlightsTheRightBytes_data()
    {
        using R = validation::Rule;
        QTest::addColumn<int>("rule");
        QTest::addColumn<int>("certificate");
        QTest::addColumn<QList<ExpectedSpan>>("spans");
        const QList<QByteArray> data{"c:Data"};
        QTest::newRow("cert.digest@0") << int(R::CertDigest) << 0
                                       << QList<ExpectedSpan>{{0, data}, {0, {"Signature", "DigestValue"}}};
        QTest::newRow("cert.digest@2") << int(R::CertDigest) << 2
                                       << QList<ExpectedSpan>{{2, data}, {2, {"Signature", "DigestValue"}}};
        QTest::newRow("cert.signature@1")
            << int(R::CertSignature) << 1
            << QList<ExpectedSpan>{{1, data}, {1, {"Signature", "SignatureValue"}}, {1, {"Signature", "KeyInfo"}}};
        QTest::newRow("cert.modulus@0") << int(R::CertModulus) << 0
                                        << QList<ExpectedSpan>{{0, {"c:Data", "c:PublicKey", "Modulus"}}};
        QTest::newRow("cert.exponent@0") << int(R::CertExponent) << 0
                                         << QList<ExpectedSpan>{{0, {"c:Data", "c:PublicKey", "Exponent"}}};
        QTest::newRow("cert.leaf_usage@0") << int(R::CertLeafUsage) << 0
                                           << QList<ExpectedSpan>{{0, {"c:Data", "c:KeyUsage", "c:EncryptKey"}},
                                                                  {0, {"c:Data", "c:Features", "c:COPPCertificate"}}};
        QTest::newRow("cert.sign_usage@1") << int(R::CertSignUsage) << 1
                                           << QList<ExpectedSpan>{{1, {"c:Data", "c:KeyUsage", "c:SignCertificate"}}};
        QTest::newRow("cert.link@1") << int(R::CertLink) << 1
                                     << QList<ExpectedSpan>{{1, {"c:Data", "c:PublicKey"}}, {0, {"Signature", "KeyInfo"}}};
        QTest::newRow("cert.trusted_root@2") << int(R::CertTrustedRoot) << 2
                                             << QList<ExpectedSpan>{{2, {"Signature", "KeyInfo"}}};
    }

    // Opening each kind of broken chain selects its first failure and highlights
    // exactly the bytes the step used, located here by plain text search.
    void brokenChainHighlightsTheRightBytes()
    {
        QFETCH(int, rule);
        QFETCH(int, certificate);
        QFETCH(QList<ExpectedSpan>, spans);
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule(rule), certificate});
        OPEN_AND_WAIT(w, write("kind.xml", chain.xml));
        const QModelIndex current = w.stepView()->currentIndex();
        QCOMPARE(current.data(models::ValidationStepModel::RuleIdRole).toString(), validation::ruleId(validation::Rule(rule)));
        QCOMPARE(current.data(models::ValidationStepModel::CertificateRole).toInt(), certificate);
        QList<cert::ByteSpan> expected;
        for (const ExpectedSpan& e : spans) {
            expected.append(locatePath(chain.xml, e.certificate, e.path));
            QVERIFY2(expected.last().begin >= 0 && expected.last().end > expected.last().begin,
                     e.path.join('/').constData());
        }
        QCOMPARE(w.byteView()->highlightedSpans(), expected);
        QVERIFY(!w.certificateView()->selectionModel()->selectedRows().isEmpty());
    }

    // A Data with 20,000 copies of one child: the failing step names every copy. The
    // tree scrolls once, the raw bytes draw touching ranges as one highlight, and the
    // step details show the first 50 ranges and count the rest (scrolling to and
    // drawing each one kept the window busy for minutes at 99,000).
    void stepWithThousandsOfRangesShowsThemInBrief()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        QByteArray xml = tests::testPki().chain().xml;
        const qsizetype dataEnd = xml.indexOf("</c:Data>");
        QVERIFY(dataEnd > 0);
        xml.insert(dataEnd, QByteArray("<c:X/>").repeated(20000));
        OPEN_AND_WAIT(w, write("duplicated.xml", xml));
        QCOMPARE(w.stepView()->currentIndex().data(models::ValidationStepModel::RuleIdRole).toString(),
                 QStringLiteral("cert.unique_children"));
        QCOMPARE(w.byteView()->highlightedSpans().size(), 20000);
        QCOMPARE(w.byteView()->extraSelections().size(), 1); // the copies touch: one highlight
        const QString first = QStringLiteral("<c:X/>");
        QCOMPARE(w.byteView()->extraSelections().front().cursor.selectedText(), first.repeated(20000));
        auto* detail = w.findChild<ui::StepDetailView*>();
        QVERIFY(detail);
        QVERIFY2(detail->toPlainText().contains(QStringLiteral("… and 19950 more byte ranges")), qPrintable(detail->toPlainText().right(200)));

        // Ranges that do not touch: at most 100 are drawn, all are kept.
        ui::ByteRangeView view;
        view.setDocumentBytes(QByteArray("ab").repeated(300));
        QList<cert::ByteSpan> apart;
        for (qsizetype i = 0; i < 300; ++i)
            apart.append({2 * i, 2 * i + 1});
        view.highlight(apart);
        QCOMPARE(view.extraSelections().size(), 100);
        QCOMPARE(view.highlightedSpans().size(), 300);
        QCOMPARE(view.extraSelections().at(99).cursor.selectionStart(), 198);
    }

    void collectionVersionHighlightsTheStartTag()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CollectionVersion, -1});
        OPEN_AND_WAIT(w, write("version.xml", chain.xml));
        QCOMPARE(w.stepView()->currentIndex().data(models::ValidationStepModel::RuleIdRole).toString(),
                 QStringLiteral("collection.version"));
        const qsizetype begin = chain.xml.indexOf("<c:CertificateCollection");
        const qsizetype end = chain.xml.indexOf('>', begin) + 1;
        QCOMPARE(w.byteView()->highlightedSpans(), (QList<cert::ByteSpan>{{begin, end}}));
    }

    void exportHtmlIsSelfContainedAndEscaped()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1});
        OPEN_AND_WAIT(w, write("a<b>&c.xml", chain.xml));
        const QString out = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(w.exportHtml(out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray html = f.readAll();
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("a&lt;b&gt;&amp;c.xml"));
        QVERIFY(!html.contains("a<b>"));
        QVERIFY(html.contains("REJECTED"));
        QVERIFY(html.contains("✗"));
        // Every step, and the SHA-256 of the validated bytes.
        for (validation::Rule rule : validation::kAllRules)
            QVERIFY2(html.contains(validation::ruleId(rule).toUtf8()), qPrintable(validation::ruleId(rule)));
        QVERIFY(html.contains(QCryptographicHash::hash(chain.xml, QCryptographicHash::Sha256).toHex()));
        // Self-contained: nothing loaded from elsewhere.
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("src="));
        QVERIFY(!html.contains("<link"));
    }

    void exportWithoutAChainIsRefused()
    {
        ui::MainWindow w;
        QVERIFY(!w.exportHtml(m_dir.filePath(QStringLiteral("none.html"))));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.html"))));
    }

    void onlyTheNewestValidationIsShown()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const QString broken = write("first.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 0}).xml);
        const QString good = write("second.xml", tests::testPki().chain().xml);
        QSignalSpy shown(&w, &ui::MainWindow::validationShown);
        QVERIFY(w.openChain(broken));
        QVERIFY(w.openChain(good)); // before the first result arrives
        WAIT_SHOWN(w);
        QVERIFY(w.verdictText().contains(QStringLiteral("second.xml")));
        QVERIFY(w.verdictText().contains(QStringLiteral("VALID")));
        QCOMPARE(shown.count(), 1);
    }

    void languageMenuAsksForTheChoiceAndRemembersIt()
    {
        ui::MainWindow w;
        QSignalSpy asked(&w, &ui::MainWindow::languageChangeRequested);
        QAction* english = languageAction(w, QStringLiteral("English"));
        QVERIFY(english);
        english->trigger();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().first().toString(), QStringLiteral("en"));
        QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));
        QSettings().remove(QStringLiteral("language"));
    }

    // A session's results would not move to the new window: the switch is asked
    // for first, and "No" keeps everything (the choice then applies at the next start).
    void languageChangeWithASessionShownAsksFirst()
    {
        ui::MainWindow w;
        QString error;
        const QByteArray transcript = R"({"format": "coppscope-transcript", "version": 2, "device": {}, "calls": [],
            "events": [{"event": "alert", "kind": "device_error", "detail": "gone", "hresult": 2147500037, "t_ms": 5},
                       {"event": "end", "reason": "device lost", "started": true, "alerts": 1, "t_ms": 6}]})";
        QVERIFY2(w.sessionPanel()->openTranscript(write("shown-session.json", transcript), &error), qPrintable(error));
        QVERIFY(w.sessionPanel()->logModel()->rowCount() > 0);
        QSignalSpy asked(&w, &ui::MainWindow::languageChangeRequested);
        QAction* english = languageAction(w, QStringLiteral("English"));
        QVERIFY(english);
        for (const auto button : {QMessageBox::No, QMessageBox::Yes}) {
            QString question;
            QTimer::singleShot(0, &w, [&] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box)
                    return;
                question = box->text();
                box->button(button)->click();
            });
            english->trigger();
            QVERIFY2(question.contains(QStringLiteral("does not move")), qPrintable(question));
            QCOMPARE(asked.count(), button == QMessageBox::Yes ? 1 : 0);
            QVERIFY(w.sessionPanel()->logModel()->rowCount() > 0);
        }
        QSettings().remove(QStringLiteral("language"));
    }

    void aNewWindowTakesOverChainAndTrustRoot()
    {
        ui::MainWindow first;
        QVERIFY(first.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        OPEN_AND_WAIT(first, write("carried.xml", tests::testPki().chain().xml));
        ui::MainWindow second;
        second.takeOver(first);
        WAIT_SHOWN(second);
        QCOMPARE(second.verdictText(), first.verdictText());
        QVERIFY(second.verdictText().contains(QStringLiteral("VALID")));
    }

    void unreadableFileKeepsTheWindowUsable()
    {
        ui::MainWindow w;
        OPEN_AND_WAIT(w, write("good.xml", tests::testPki().chain().xml));
        const QString before = w.verdictText();
        QVERIFY(!w.openChain(m_dir.filePath(QStringLiteral("missing.xml"))));
        QVERIFY(!w.openChain(m_dir.path()));
        QCOMPARE(w.verdictText(), before); // nothing lost
        QVERIFY(!w.setTrustRootFile(write("bad-root.xml", "<nope/>")));
    }

    // Files named on the command line are opened before the window is shown: their
    // problems were only in the (then off-screen) status bar. Now a non-modal
    // message says them once the window is up.
    void problemsBeforeTheWindowIsShownAreSaidWhenItIs()
    {
        ui::MainWindow w;
        QVERIFY(!w.openChain(m_dir.filePath(QStringLiteral("missing-at-start.xml"))));
        QVERIFY(!w.setTrustRootFile(write("bad-root-at-start.xml", "<nope/>")));
        QVERIFY(w.findChildren<QMessageBox*>().isEmpty());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_COMPARE(w.findChildren<QMessageBox*>().size(), 1);
        QMessageBox* box = w.findChildren<QMessageBox*>().constFirst();
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->text().contains(QStringLiteral("missing-at-start.xml")), qPrintable(box->text()));
        QVERIFY2(box->text().split(QLatin1Char('\n')).size() >= 2, qPrintable(box->text())); // both problems
        QVERIFY(!box->isModal() || box->windowModality() == Qt::WindowModal);
        box->close();
        w.hide();
        w.show(); // said once
        QTest::qWait(50);
        QCOMPARE(w.findChildren<QMessageBox*>().size(), 0);
    }

    // Alt+letter: on every page, the menus, the page tabs and the visible buttons,
    // labelled fields and tabs each have their own letter. Alt+S, F, H, V and T all
    // went to a field of the session page instead of their menu.
    void mnemonicsAreUniqueOnEveryPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
    }

    void mnemonicsAreUniqueOnEveryPage()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (!language.isEmpty()) {
            QVERIFY(translator.load(QStringLiteral("coppscope_") + language, QStringLiteral(COPP_QM_DIR)));
            QCoreApplication::installTranslator(&translator);
        }
        const auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* pages = w.findChild<QTabWidget*>(QString(), Qt::FindDirectChildrenOnly);
        if (!pages)
            pages = qobject_cast<QTabWidget*>(w.centralWidget());
        QVERIFY(pages);
        const auto letter = [](const QString& text) -> QChar {
            for (qsizetype i = 0; i + 1 < text.size(); ++i) {
                if (text[i] != u'&')
                    continue;
                if (text[i + 1] == u'&') {
                    ++i;
                    continue;
                }
                return text[i + 1].toLower();
            }
            return {};
        };
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            QCoreApplication::processEvents();
            QMap<QChar, QStringList> owners;
            for (QAction* menu : w.menuBar()->actions())
                owners[letter(menu->text())] << QStringLiteral("menu ") + menu->text();
            for (const QTabWidget* tabs : w.findChildren<QTabWidget*>()) {
                if (!tabs->isVisible())
                    continue;
                for (int i = 0; i < tabs->count(); ++i)
                    owners[letter(tabs->tabText(i))] << QStringLiteral("tab ") + tabs->tabText(i);
            }
            for (const QAbstractButton* b : w.findChildren<QAbstractButton*>())
                if (b->isVisible())
                    owners[letter(b->text())] << QStringLiteral("button ") + b->text();
            for (const QLabel* l : w.findChildren<QLabel*>())
                if (l->isVisible() && l->buddy())
                    owners[letter(l->text())] << QStringLiteral("label ") + l->text();
            owners.remove(QChar());
            for (auto it = owners.cbegin(); it != owners.cend(); ++it)
                QVERIFY2(it.value().size() == 1, qPrintable(QStringLiteral("page %1, Alt+%2: %3")
                                                                .arg(pages->tabText(page), it.key(), it.value().join(QStringLiteral(", ")))));
        }
    }

    void viewsHaveAccessibleNames()
    {
        ui::MainWindow w;
        QVERIFY(!w.stepView()->accessibleName().isEmpty());
        QVERIFY(!w.certificateView()->accessibleName().isEmpty());
        QVERIFY(!w.byteView()->accessibleName().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
