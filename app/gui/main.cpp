// coppscope: the CoppScope desktop application.
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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
    parser.addOptions({trustRoot, crl});
    parser.addPositionalArgument(QStringLiteral("chain"), QApplication::translate("main", "Certificate chain to open."),
                                 QStringLiteral("[CHAIN.xml]"));
    parser.process(app);

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
