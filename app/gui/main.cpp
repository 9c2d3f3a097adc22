// coppscope: the CoppScope desktop application.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

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

    // Translations: ours (embedded) and Qt's own (standard dialogs), by locale or --lang.
    const QLocale locale = parser.isSet(lang) ? QLocale(parser.value(lang)) : QLocale::system();
    QTranslator appTranslator;
    QTranslator qtTranslator;
    if (appTranslator.load(locale, QStringLiteral("coppscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    copp::ui::MainWindow window;
    if (parser.isSet(trustRoot))
        window.setTrustRootFile(parser.value(trustRoot));
    if (parser.isSet(crl))
        window.setRevocationListFile(parser.value(crl));
    if (!parser.positionalArguments().isEmpty())
        window.openChain(parser.positionalArguments().constFirst());
    window.show();
    return app.exec();
}
