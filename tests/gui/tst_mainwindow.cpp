// SPDX-License-Identifier: BSD-3-Clause
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
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QtTest>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <thread>
#endif

using namespace copp;

// openChain() validates on a worker thread: wait until the report is shown.
#define OPEN_AND_WAIT(window, path)                                                \
    do {                                                                           \
        QVERIFY((window).openChain(path));                                         \
        QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000);                 \
    } while (false)
#define WAIT_SHOWN(window) QTRY_VERIFY_WITH_TIMEOUT(!(window).isValidating(), 20000)

namespace {
// The window's language for one test: `language` ("de"), or English when empty;
// the translator is removed again when the scope ends.
class LanguageScope {
public:
    bool use(const QString& language)
    {
        if (language.isEmpty())
            return true;
        if (!m_translator.load(QStringLiteral("coppscope_") + language, QStringLiteral(COPP_QM_DIR)))
            return false;
        return QCoreApplication::installTranslator(&m_translator);
    }
    ~LanguageScope() { QCoreApplication::removeTranslator(&m_translator); }

private:
    QTranslator m_translator;
};

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

// The menu bar's menu titled `title` ("&Trust"), or a File submenu ("Open &Recent").
QMenu* findMenu(ui::MainWindow& w, const QString& title)
{
    for (QAction* menu : w.menuBar()->actions()) {
        if (!menu->menu())
            continue;
        if (menu->text() == title)
            return menu->menu();
        for (QAction* sub : menu->menu()->actions())
            if (sub->menu() && sub->text() == title)
                return sub->menu();
    }
    return nullptr;
}

// The texts of a menu's checked entries, as they are when it opens.
QStringList checkedEntries(QMenu* menu)
{
    menu->popup(QPoint(0, 0));
    QStringList out;
    for (const QAction* a : menu->actions())
        if (a->isChecked())
            out << a->text();
    menu->hide();
    return out;
}

// The row of step `rule`@`certificate` in the step view's model.
QModelIndex stepIndex(const ui::MainWindow& w, const QString& rule, int certificate)
{
    const QAbstractItemModel* model = w.stepView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex i = model->index(row, 0);
        if (i.data(models::ValidationStepModel::RuleIdRole).toString() == rule
            && i.data(models::ValidationStepModel::CertificateRole).toInt() == certificate)
            return i;
    }
    return {};
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
    // 1400 x 900 opens a window that fits it (the offscreen screen is 800 x 800),
    // with room left for the window manager's frame and title bar: a window as
    // large as the screen had its status bar, the verdict, pushed off-screen.
    void firstWindowFitsTheScreen()
    {
        QSettings().remove(QStringLiteral("window/geometry"));
        ui::MainWindow window;
        const QRect screen = window.screen()->availableGeometry();
        const QSize available = screen.size();
        QVERIFY2(available.width() < 1400 || available.height() < 900, "the test screen must be smaller than the preferred size");
        constexpr int kFrame = 40; // a title bar and borders
        QVERIFY2(window.width() <= available.width() - kFrame && window.height() <= available.height() - kFrame,
                 qPrintable(QStringLiteral("window %1x%2 on a %3x%4 screen")
                                .arg(window.width()).arg(window.height()).arg(available.width()).arg(available.height())));
        QVERIFY(screen.contains(window.frameGeometry()));
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

    // Selecting a tree node says in the status bar which steps used it. The verdict
    // label once sat in the bar's permanent area with stretch and hid every message;
    // now a message covers the verdict while it shows, and the verdict comes back.
    void nodeMessageIsShownOverTheVerdict()
    {
        ui::MainWindow w;
        w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml()));
        OPEN_AND_WAIT(w, write("node.xml", tests::testPki().chain().xml));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QLabel* verdict = nullptr;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) {
            if (l->accessibleName() == QStringLiteral("Verdict"))
                verdict = l;
        }
        QVERIFY(verdict);
        QVERIFY(verdict->isVisible());
        QTreeView* tree = w.certificateView();
        tree->setCurrentIndex(tree->model()->index(0, 0));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("Steps that used this element")),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(!verdict->isVisible()); // the message, not the verdict, is what one sees
        w.statusBar()->clearMessage();
        QVERIFY(verdict->isVisible());
    }

    // Expanding to a deep node widens the Element column so its name is not cut
    // short, within half the view; a column wider already is left alone.
    void expandingWidensTheElementColumn()
    {
        ui::MainWindow w;
        w.resize(1200, 800);
        OPEN_AND_WAIT(w, write("widen.xml", tests::testPki().chain().xml));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTreeView* tree = w.certificateView();
        tree->collapseAll();
        tree->setColumnWidth(0, 40);
        tree->expandRecursively(tree->model()->index(0, 0));
        const int half = tree->viewport()->width() / 2;
        // Exponent sits six levels below the collection (Certificate, Data, PublicKey,
        // KeyValue, RSAKeyValue): at least its indentation and its name must fit.
        const int needed = tree->indentation() * 6 + tree->fontMetrics().horizontalAdvance(QStringLiteral("Exponent"));
        QVERIFY2(needed < half, "the test window is too narrow for this check");
        QVERIFY2(tree->columnWidth(0) >= needed, qPrintable(QStringLiteral("%1 < %2").arg(tree->columnWidth(0)).arg(needed)));
        QVERIFY(tree->columnWidth(0) <= half);
        tree->setColumnWidth(0, half + 50);
        tree->collapseAll();
        tree->expand(tree->model()->index(0, 0));
        QCOMPARE(tree->columnWidth(0), half + 50);
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
                       {"event": "end", "reason": "device lost", "started": true, "alerts": 1, "status_calls": 0,
                        "commands": 0, "t_ms": 6}]})";
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
        box->close(); // deletes it (Qt::WA_DeleteOnClose), on the event loop
        QTRY_COMPARE(w.findChildren<QMessageBox*>().size(), 0);
        w.hide();
        w.show(); // said once: showEvent, sent within show(), makes no new box
        QCOMPARE(w.findChildren<QMessageBox*>().size(), 0);
    }

    // Alt+letter: on every page, the menus, the page tabs and the visible buttons,
    // labelled fields and tabs each have their own letter. Alt+S, F, H, V and T all
    // went to a field of the session page instead of their menu.
    // The page tabs answer their Alt+letter (docs/gui.md): Alt+N, Alt+M, Alt+I.
    void altLetterSwitchesPages()
    {
        ui::MainWindow w;
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto* pages = w.findChild<QTabWidget*>(QString(), Qt::FindDirectChildrenOnly);
        if (!pages)
            pages = w.findChild<QTabWidget*>();
        QVERIFY(pages);
        QCOMPARE(pages->currentIndex(), 0);
        QTest::keyClick(&w, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(pages->currentIndex(), 1);
        QTest::keyClick(&w, Qt::Key_M, Qt::AltModifier);
        QTRY_COMPARE(pages->currentIndex(), 2);
        QTest::keyClick(&w, Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(pages->currentIndex(), 0);
    }

    void mnemonicsAreUniqueOnEveryPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
    }

    void mnemonicsAreUniqueOnEveryPage()
    {
        QFETCH(QString, language);
        LanguageScope scope;
        QVERIFY(scope.use(language));
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

    // A step picked while Step details is in front (as on opening a broken chain):
    // showing Raw bytes showed the top of the file, the highlighted bytes off-screen.
    void rawBytesTabScrollsToTheHighlightWhenShown()
    {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const auto chain = tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1});
        OPEN_AND_WAIT(w, write("raw-scroll.xml", chain.xml));
        ui::ByteRangeView* bytes = w.byteView();
        QVERIFY(!bytes->isVisible());
        const QList<cert::ByteSpan> spans = bytes->highlightedSpans();
        QVERIFY(!spans.isEmpty());
        QTextCursor start(bytes->document());
        start.setPosition(bytes->characterPosition(spans.first().begin));
        auto* tabs = qobject_cast<QTabWidget*>(bytes->parentWidget()->parentWidget());
        QVERIFY(tabs);
        tabs->setCurrentWidget(bytes);
        QVERIFY(bytes->isVisible());
        QVERIFY2(bytes->verticalScrollBar()->maximum() > 0, "the file must be longer than the view");
        QTRY_VERIFY2(bytes->viewport()->rect().contains(bytes->cursorRect(start).center()),
                     qPrintable(QStringLiteral("highlight at y=%1, view height %2")
                                    .arg(bytes->cursorRect(start).center().y()).arg(bytes->viewport()->height())));
    }

    // cert.exponent@2 used the root's Exponent, deep under collapsed
    // PublicKey/KeyValue/RSAKeyValue: only c:Data was to be seen selected.
    void selectedStepShowsItsNodesInCollapsedBranches()
    {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        OPEN_AND_WAIT(w, write("collapsed.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertSignature, 1}).xml));
        const QModelIndex step = stepIndex(w, QStringLiteral("cert.exponent"), 2);
        QVERIFY(step.isValid());
        w.stepView()->setCurrentIndex(step);
        QTreeView* tree = w.certificateView();
        const QModelIndexList selected = tree->selectionModel()->selectedRows();
        QModelIndex exponent;
        for (const QModelIndex& node : selected) {
            if (node.data().toString() == QStringLiteral("Exponent"))
                exponent = node;
            for (QModelIndex up = node.parent(); up.isValid(); up = up.parent())
                QVERIFY2(tree->isExpanded(up), qPrintable(up.data().toString() + QStringLiteral(" is collapsed")));
        }
        QVERIFY2(exponent.isValid(), "the step selects the Exponent node");
        QVERIFY(tree->viewport()->rect().intersects(tree->visualRect(exponent)));
    }

    // The file watcher gave up once the file was removed: the old verdict stayed
    // forever, without a word, even after the file came back.
    void deletedFileIsSaidAndValidatedAgainWhenBack()
    {
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const QString path = write("vanishing.xml", tests::testPki().chain().xml);
        OPEN_AND_WAIT(w, path);
        QVERIFY(w.verdictText().startsWith(QStringLiteral("✓ VALID")));
        QVERIFY(QFile::remove(path));
        QTRY_VERIFY_WITH_TIMEOUT(w.verdictText().contains(QStringLiteral("deleted or moved")), 10000);
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID")), qPrintable(w.verdictText())); // the last result stays
        write("vanishing.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 1}).xml);
        QTRY_VERIFY_WITH_TIMEOUT(w.verdictText().contains(QStringLiteral("cert.digest")), 10000);
        QVERIFY2(!w.verdictText().contains(QStringLiteral("deleted")), qPrintable(w.verdictText()));
        // Watched again: a later edit is noticed too.
        write("vanishing.xml", tests::testPki().chain().xml);
        QTRY_VERIFY_WITH_TIMEOUT(w.verdictText().startsWith(QStringLiteral("✓ VALID")), 10000);
    }

    // Six identical "chain.xml" entries: the folders now tell them apart, and
    // the full path is in the tooltip.
    void openRecentTellsSameNamedFilesApart()
    {
        QSettings().remove(QStringLiteral("recentFiles"));
        for (const char* folder : {"x/good", "y/good", "y/bad"})
            QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(folder)));
        const QByteArray xml = tests::testPki().chain().xml;
        ui::MainWindow w;
        const QStringList paths{write("x/good/chain.xml", xml), write("y/good/chain.xml", xml), write("y/bad/chain.xml", xml),
                                write("only&one.xml", xml)};
        for (const QString& path : paths)
            OPEN_AND_WAIT(w, path);
        QMenu* recent = findMenu(w, QStringLiteral("Open &Recent"));
        QVERIFY(recent);
        QVERIFY(recent->toolTipsVisible());
        QStringList texts, tips;
        for (const QAction* a : recent->actions()) {
            texts << a->text();
            tips << a->toolTip();
        }
        const auto native = [](const char* path) { return QDir::toNativeSeparators(QString::fromUtf8(path)); };
        QCOMPARE(texts, (QStringList{QStringLiteral("&1 only&&one.xml"), QStringLiteral("&2 chain.xml — bad"),
                                     QStringLiteral("&3 chain.xml — ") + native("y/good"),
                                     QStringLiteral("&4 chain.xml — ") + native("x/good")}));
        QStringList expectedTips;
        for (qsizetype i = paths.size() - 1; i >= 0; --i)
            expectedTips << QDir::toNativeSeparators(QFileInfo(paths[i]).absoluteFilePath());
        QCOMPARE(tips, expectedTips);
    }

    // German titles widened the Step column until Detail had ~100 px (none at
    // 1024 px). Step now takes at most half of what Outcome and Certificate
    // leave; the elided title is whole in the tooltip; Detail gets the rest.
    void longStepTitlesLeaveRoomForTheDetail_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("German") << QStringLiteral("de");
    }

    void longStepTitlesLeaveRoomForTheDetail()
    {
        QFETCH(QString, language);
        LanguageScope scope;
        QVERIFY(scope.use(language));
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        OPEN_AND_WAIT(w, write("columns.xml", tests::testPki().chain().xml));
        using M = models::ValidationStepModel;
        QTreeView* steps = w.stepView();
        const int step = steps->columnWidth(M::RuleColumn);
        const int detailStart = steps->header()->sectionViewportPosition(M::DetailColumn);
        QVERIFY2(steps->viewport()->width() - detailStart >= step,
                 qPrintable(QStringLiteral("Step %1 px, Detail %2 px").arg(step).arg(steps->viewport()->width() - detailStart)));
        const int whole = static_cast<QAbstractItemView*>(steps)->sizeHintForColumn(M::RuleColumn); // public there
        QVERIFY2(step < whole, "the 720 px window is too narrow for the whole titles");
        const QModelIndex title = steps->model()->index(0, M::RuleColumn);
        QVERIFY(title.data(Qt::ToolTipRole).toString().startsWith(title.data().toString() + u'\n'));
        // A wider window gives the titles more room.
        w.resize(w.width() + 500, w.height());
        QTRY_VERIFY(steps->columnWidth(M::RuleColumn) > step);
    }

    // The Trust menu marks the root, anchor and revocation list in use; both
    // Microsoft roots say "(Default)"; the REJECTED line names the trust root
    // as the VALID line does.
    void trustMenuAndVerdictShowTheRootInUse()
    {
        ui::MainWindow w;
        QMenu* trust = findMenu(w, QStringLiteral("&Trust"));
        QVERIFY(trust);
        const QStringList defaults{QStringLiteral("Use &Microsoft's COPP Root (Default)"),
                                   QStringLiteral("Use Microsoft's Media Root for &X.509 (Default)"),
                                   QStringLiteral("&No Revocation List")};
        QCOMPARE(checkedEntries(trust), defaults);
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        const QStringList testRoot{QStringLiteral("Use a &Test Root Key File…"), defaults[1], defaults[2]};
        QCOMPARE(checkedEntries(trust), testRoot);
        QVERIFY(!w.setTrustRootFile(write("not-a-root.xml", "<nope/>")));
        QCOMPARE(checkedEntries(trust), testRoot); // the root in use stays, and so does its mark
        OPEN_AND_WAIT(w, write("rejected.xml", tests::testPki().chain({}, testpki::Break{validation::Rule::CertDigest, 0}).xml));
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✗ REJECTED")), qPrintable(w.verdictText()));
        QVERIFY2(w.verdictText().endsWith(QStringLiteral("(trust root: test root root.xml)")), qPrintable(w.verdictText()));
        w.useMicrosoftRoot();
        QCOMPARE(checkedEntries(trust), defaults);
    }

    // `coppscope --trust-root missing.xml` said only "no such file", and chains
    // were silently checked against Microsoft's root.
    void unusableTrustRootSaysWhichRootIsUsedInstead()
    {
        ui::MainWindow w;
        QVERIFY(!w.setTrustRootFile(m_dir.filePath(QStringLiteral("nonexist-root.xml"))));
        const QString message = w.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("nonexist-root.xml")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("Chains are checked against Microsoft's COPP root instead.")), qPrintable(message));
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        QVERIFY(!w.setTrustRootFile(write("junk-root.xml", "<nope/>")));
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("checked against test root root.xml instead")),
                 qPrintable(w.statusBar()->currentMessage()));
    }

#ifdef Q_OS_UNIX
    // A named pipe was read on the GUI thread: up to 3 s frozen, without a sign.
    // It is read on a worker thread now, with a busy cursor meanwhile.
    void pipeIsReadWithoutFreezingTheWindow()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("chain.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        ui::MainWindow w;
        QVERIFY(w.setTrustRootFile(write("root.xml", tests::testPki().rootKeyXml())));
        // Nobody writes: openChain returns before the read ends (read on the GUI
        // thread, it would have given up after 3 s and returned false, not busy),
        // and the read gives up after 3 s.
        QVERIFY(w.openChain(fifo));
        QVERIFY(w.isValidating());
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("chain.fifo")), qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(QGuiApplication::overrideCursor());
        QCOMPARE(QGuiApplication::overrideCursor()->shape(), Qt::BusyCursor);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isValidating(), 15000);
        QVERIFY(!QGuiApplication::overrideCursor());
        QVERIFY(w.verdictText().isEmpty()); // nothing was opened
        QVERIFY2(w.statusBar()->currentMessage().contains(QStringLiteral("chain.fifo")), qPrintable(w.statusBar()->currentMessage()));

        // A writer comes: its chain is shown.
        const QByteArray xml = tests::testPki().chain().xml;
        QVERIFY(w.openChain(fifo));
        std::thread writer([&] {
            // Blocks until the reader (already started) has the pipe open.
            const int fd = ::open(QFile::encodeName(fifo).constData(), O_WRONLY);
            if (fd < 0)
                return;
            for (qsizetype done = 0; done < xml.size();) {
                const ssize_t n = ::write(fd, xml.constData() + done, size_t(xml.size() - done));
                if (n <= 0)
                    break;
                done += n;
            }
            ::close(fd);
        });
        QTRY_VERIFY_WITH_TIMEOUT(!w.isValidating(), 20000);
        writer.join();
        QVERIFY2(w.verdictText().startsWith(QStringLiteral("✓ VALID: chain.fifo")), qPrintable(w.verdictText()));
    }
#endif

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
