#include "testpkicommand.h"

#include "clioutput.h"

#include <core/testpki/testpki.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace copp::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("copp::cli", text);
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path); // all or nothing: no half-written chain if the disk fills
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        usageError(tr("%1: %2").arg(path, file.errorString()));
        return false;
    }
    out() << "  " << QDir::toNativeSeparators(path) << "\n";
    return true;
}

Result<testpki::KeySet> obtainKeys(const QString& directory)
{
    if (QFile::exists(QDir(directory).filePath(QStringLiteral("root.p8"))))
        return testpki::KeySet::load(directory);
    auto keys = testpki::KeySet::generate();
    if (!keys)
        return keys;
    if (auto saved = keys->save(directory); !saved)
        return saved.error();
    return keys;
}

} // namespace

int runTestPki(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write TEST certificate material: a COPP chain in the driver serialization, the test root key "
           "(for verify --trust-root) and a signed revocation list (for verify --crl).\n"
           "Nothing written here chains to Microsoft's root."));
    parser.addHelpOption();
    const QCommandLineOption outDir(QStringLiteral("out"), tr("Folder to write into (created if needed)."), tr("DIR"));
    const QCommandLineOption keysDir(QStringLiteral("keys"),
                                     tr("Reuse the test keys in DIR (made and saved there when absent). "
                                        "Default: DIR/keys under --out."),
                                     tr("DIR"));
    const QCommandLineOption breakRule(QStringLiteral("break"),
                                       tr("Make the material fail exactly this rule, e.g. cert.signature@1, "
                                          "collection.version, crl.revoked@0."),
                                       tr("RULE[@N]"));
    const QCommandLineOption plain(QStringLiteral("plain"), tr("Write without namespaces (no c: prefixes)."));
    const QCommandLineOption pretty(QStringLiteral("pretty"), tr("Indent the XML (signed as written)."));
    const QCommandLineOption prefix(QStringLiteral("prefix"), tr("Namespace prefix for certificate elements (default c)."),
                                    tr("P"), QStringLiteral("c"));
    parser.addOptions({outDir, keysDir, breakRule, plain, pretty, prefix});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return kExitOk;
    }
    if (!parser.isSet(outDir))
        return usageError(tr("testpki: --out DIR is required (try --help)"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("testpki: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    std::optional<testpki::Break> broken;
    if (parser.isSet(breakRule)) {
        QString error;
        broken = testpki::Break::parse(parser.value(breakRule), &error);
        if (!broken)
            return usageError(tr("--break: %1").arg(error));
    }
    const QDir dir(parser.value(outDir));
    if (!QDir().mkpath(dir.path()))
        return usageError(tr("%1: cannot create the folder").arg(dir.path()));
    const QString keyPath = parser.isSet(keysDir) ? parser.value(keysDir) : dir.filePath(QStringLiteral("keys"));
    auto keys = obtainKeys(keyPath);
    if (!keys)
        return usageError(tr("test keys in %1: %2").arg(keyPath, QString::fromStdString(keys.error().detail)));

    testpki::ChainStyle style;
    style.prefix = parser.isSet(plain) ? QString() : parser.value(prefix);
    style.pretty = parser.isSet(pretty);
    const testpki::TestPki pki(std::move(keys.value()));
    const testpki::BuiltChain chain = pki.chain(style, broken);
    QList<QByteArray> revoked;
    if (broken && broken->rule == validation::Rule::CrlRevoked)
        revoked.append(chain.digests.at(broken->certificate));
    const bool badListSignature = broken && broken->rule == validation::Rule::CrlSignature;

    out() << tr("TEST MATERIAL written (keys in %1):").arg(QDir::toNativeSeparators(keyPath)) << "\n";
    const QString chainPath = dir.filePath(QStringLiteral("chain.xml"));
    const QString rootPath = dir.filePath(QStringLiteral("test-root.xml"));
    const QString crlPath = dir.filePath(QStringLiteral("revocation.crl"));
    if (!writeFile(chainPath, chain.xml) || !writeFile(rootPath, pki.rootKeyXml())
        || !writeFile(crlPath, pki.revocationList(revoked, 1, badListSignature)))
        return kExitUsage;
    out() << tr("Check it with:\n  coppscope-cli verify %1 --trust-root %2 --crl %3\n")
                 .arg(QDir::toNativeSeparators(chainPath), QDir::toNativeSeparators(rootPath), QDir::toNativeSeparators(crlPath));
    if (broken)
        out() << tr("Expected first failure: %1\n").arg(broken->toString());
    return kExitOk;
}

} // namespace copp::cli
