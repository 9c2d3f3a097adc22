// coppscope: the CoppScope desktop application.
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QEvent>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {
// Prints "shown" after the window's first paint and quits (start-up benchmark).
class FirstPaintProbe : public QObject {
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, qApp, [] {
                std::fputs("shown\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CoppScope"));
    QApplication::setOrganizationName(QStringLiteral("CoppScope"));
    QApplication::setApplicationVersion(QStringLiteral(COPP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.coppscope.CoppScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.coppscope.CoppScope.png")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Inspect COPP certificate chains."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trustRoot(QStringLiteral("trust-root"),
                                       QApplication::translate("main", "Trust this test root (RSAKeyValue XML)."),
                                       QStringLiteral("KEY.xml"));
    const QCommandLineOption crl(QStringLiteral("crl"), QApplication::translate("main", "Check against this revocation list."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main", "Language of the window, e.g. de or en (default: the system's)."),
                                  QStringLiteral("LANG"));
    parser.addOptions({trustRoot, crl, lang});
    parser.addPositionalArgument(QStringLiteral("chain"), QApplication::translate("main", "Certificate chain to open."),
                                 QStringLiteral("[CHAIN.xml]"));
    parser.process(app);

    // Language: --lang, else the View > Language choice, else the system's.
    copp::ui::Language language;
    language.apply(parser.isSet(lang) ? parser.value(lang) : copp::ui::Language::savedChoice());

    auto* window = new copp::ui::MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (parser.isSet(trustRoot))
        window->setTrustRootFile(parser.value(trustRoot));
    if (parser.isSet(crl))
        window->setRevocationListFile(parser.value(crl));
    if (!parser.positionalArguments().isEmpty())
        window->openChain(parser.positionalArguments().constFirst());

    // A language change rebuilds the window in the new language; the chain,
    // trust root, revocation list and geometry carry over.
    std::function<void(copp::ui::MainWindow*)> watchLanguage = [&](copp::ui::MainWindow* w) {
        QObject::connect(w, &copp::ui::MainWindow::languageChangeRequested, &app, [&, w](const QString& code) {
            language.apply(code);
            auto* next = new copp::ui::MainWindow;
            next->setAttribute(Qt::WA_DeleteOnClose);
            next->takeOver(*w);
            watchLanguage(next);
            next->show();
            w->close();
        });
    };
    watchLanguage(window);

    // For the start-up benchmark (tests/bench): report when the first window
    // has been shown and painted, then quit.
    FirstPaintProbe probe;
    if (qEnvironmentVariableIsSet("COPPSCOPE_QUIT_WHEN_SHOWN"))
        window->installEventFilter(&probe);
    window->show();
    return app.exec();
}
