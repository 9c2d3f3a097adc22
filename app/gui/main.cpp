// SPDX-License-Identifier: BSD-3-Clause
// coppscope: the CoppScope desktop application.
#include <app/gui/language.h>
#include <app/gui/mainwindow.h>

#include <widgets/focusringstyle.h>

#include <core/kernel/protocol/constants.h>
#include <widgets/sessionpanel.h>

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

// The window's command line; descriptions are translated when the parser prints them.
struct GuiOptions {
    QCommandLineOption trustRoot{QStringLiteral("trust-root"),
                                 QCoreApplication::translate("main", "Trust this test root (RSAKeyValue XML)."),
                                 QStringLiteral("KEY.xml")};
    QCommandLineOption crl{QStringLiteral("crl"), QCoreApplication::translate("main", "Check against this revocation list."),
                           QStringLiteral("FILE")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QCoreApplication::translate("main", "Language of the window, e.g. de or en (default: the system's)."),
                            QStringLiteral("LANG")};
    QCommandLineOption device{QStringLiteral("device"),
                              QCoreApplication::translate("main", "Start a session at once: emulator, exec:COMMAND or replay:FILE."),
                              QStringLiteral("DEVICE")};
    QCommandLineOption scenario{QStringLiteral("scenario"),
                                QCoreApplication::translate("main", "Built-in emulator: play this scenario (a name or a JSON file)."),
                                QStringLiteral("NAME")};
    QCommandLineOption fault{QStringLiteral("fault"), QCoreApplication::translate("main", "Built-in emulator: inject a fault. Repeatable."),
                             QStringLiteral("FAULT")};
    QCommandLineOption protect{QStringLiteral("protect"),
                               QCoreApplication::translate("main", "Set this protection level at the start, e.g. hdcp=1. Repeatable."),
                               QStringLiteral("TYPE=LEVEL")};
    QCommandLineOption presenter{QStringLiteral("presenter"), QCoreApplication::translate("main", "Open the presenter view.")};
    QCommandLineOption interface{QStringLiteral("interface"),
                                 QCoreApplication::translate("main", "Built-in emulator: a COPP device (copp) or an OPM output (opm)."),
                                 QStringLiteral("copp|opm")};
    QCommandLineOption semantics{QStringLiteral("semantics"),
                                 QCoreApplication::translate("main", "Built-in emulator: the OPM output's semantics (default: the interface's)."),
                                 QStringLiteral("copp|opm")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "Inspect COPP certificate chains and run COPP sessions."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({trustRoot, crl, lang, device, scenario, fault, protect, presenter, interface, semantics});
        parser.addPositionalArgument(QStringLiteral("chain"), QCoreApplication::translate("main", "Certificate chain to open."),
                                     QStringLiteral("[CHAIN.xml]"));
    }
};

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("CoppScope"));
    QCoreApplication::setOrganizationName(QStringLiteral("CoppScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COPP_VERSION));
}

// --help and --version need no display. Over ssh or on a build server there is
// none, and QApplication would abort before the parser could answer; so these two
// are answered by a QCoreApplication first (the parser exits after printing).
// --help-all lists the GUI's own Qt options, so it still needs the QApplication.
void answerHelpOrVersionWithoutDisplay(int argc, char* argv[])
{
    static const QList<QByteArray> textOnly = {"-h", "--help", "-?", "-v", "--version"};
    bool asked = false;
    for (int i = 1; i < argc && !asked; ++i)
        asked = textOnly.contains(QByteArray(argv[i]));
    if (!asked)
        return;
    QCoreApplication app(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    GuiOptions().addTo(parser);
    parser.process(app); // exits for --help and --version; else the window starts as usual
}
} // namespace

int main(int argc, char* argv[])
{
    answerHelpOrVersionWithoutDisplay(argc, argv);
    QApplication app(argc, argv);
    copp::ui::FocusRingStyle::install(); // a 2 px focus ring on every control
    describeApplication();
    QApplication::setDesktopFileName(QStringLiteral("io.github.coppscope.CoppScope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.coppscope.CoppScope.png")));

    QCommandLineParser parser;
    const GuiOptions options;
    options.addTo(parser);
    parser.process(app);
    const auto& [trustRoot, crl, lang, device, scenario, fault, protect, presenter, interface, semantics] = options;

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
    if (parser.isSet(device)) { // straight into a running session (demos, scripted checks)
        copp::ui::SessionPanel* panel = window->sessionPanel();
        QString error;
        if (!panel->applyDeviceChoice(parser.value(device), parser.value(scenario), parser.values(fault), &error)) {
            std::fprintf(stderr, "coppscope: %s\n", qPrintable(error));
            return 2;
        }
        if ((parser.isSet(interface) || parser.isSet(semantics))
            && !panel->setEmulatorInterface(parser.value(interface).isEmpty() ? QStringLiteral("copp") : parser.value(interface),
                                            parser.value(semantics))) {
            std::fprintf(stderr, "coppscope: %s\n",
                         qPrintable(QApplication::translate("main", "--interface copp|opm with --semantics copp|opm (the COPP interface has COPP semantics only)")));
            return 2;
        }
        std::vector<copp::protocol::TypeLevel> levels;
        for (const QString& p : parser.values(protect)) {
            const auto parsed = copp::protocol::parseTypeLevel(p.toStdString());
            if (!parsed) {
                std::fprintf(stderr, "coppscope: %s\n",
                             qPrintable(QApplication::translate("main", "--protect %1: expected TYPE=LEVEL, e.g. hdcp=1").arg(p)));
                return 2;
            }
            levels.push_back(*parsed);
        }
        if (parser.isSet(protect))
            panel->setInitialProtections(levels);
        window->showSessionPage();
        QTimer::singleShot(0, panel, [panel] { panel->startSession(); });
        if (parser.isSet(presenter))
            QTimer::singleShot(0, panel, [panel] { panel->showPresenter(); });
    } else if (parser.isSet(presenter)) {
        QTimer::singleShot(0, window, [window] { window->sessionPanel()->showPresenter(); });
    }

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
