// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/testpkicommand.h>
#include <app/cli/clitr.h>

#include <app/cli/clioutput.h>

#include <core/cert/x509bundle.h>
#include <core/testpki/testpki.h>
#include <core/testpki/x509testpki.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace copp::cli {

namespace {

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

Result<testpki::X509KeySet> obtainX509Keys(const QString& directory)
{
    if (testpki::X509KeySet::existsIn(directory))
        return testpki::X509KeySet::load(directory);
    auto keys = testpki::X509KeySet::generate();
    if (!keys)
        return keys;
    if (auto saved = keys->save(directory); !saved)
        return saved.error();
    return keys;
}

// A prefix the written XML can use: an ASCII NCName (Namespaces in XML 1.0) not
// starting with "xml", which that recommendation reserves.
bool isUsablePrefix(const QString& prefix)
{
    auto isLetter = [](QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_'; };
    if (prefix.isEmpty() || !isLetter(prefix.front()) || prefix.startsWith(QStringLiteral("xml"), Qt::CaseInsensitive))
        return false;
    return std::all_of(prefix.begin(), prefix.end(),
                       [&](QChar c) { return isLetter(c) || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'; });
}

// A path as it can be pasted into a shell: quoted when it holds anything but
// plain characters (POSIX single quotes; double quotes on Windows).
QString shellArgument(const QString& path)
{
    QString native = QDir::toNativeSeparators(path);
    if (native.startsWith(u'-')) // else verify would take it for an option
        native.prepend(QDir::toNativeSeparators(QStringLiteral("./")));
    const bool plain = std::all_of(native.begin(), native.end(), [](QChar c) {
        return c.isLetterOrNumber() || QStringLiteral("/\\._-+=:,@%").contains(c);
    });
    if (plain && !native.isEmpty())
        return native;
#ifdef Q_OS_WIN
    return u'"' + native + u'"';
#else
    return u'\'' + QString(native).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
#endif
}

void printExpectedFirstFailure(const testpki::Break& broken)
{
    const testpki::Break first = broken.expectedFirstFailure();
    out() << tr("Expected first failure: %1\n").arg(first.toString());
    if (first.certificate != broken.certificate)
        out() << tr("  (the list revokes certificate %1, and with it every certificate below it: crl.revoked fails for 0 to %1)\n")
                     .arg(broken.certificate);
}

// --x509: an OPM chain (docs/cli.md#opm-sessions), its trust anchor and the leaf's private key.
int writeX509Material(const QDir& dir, const QString& keyPath, const QString& breakSpec)
{
    std::optional<testpki::X509Break> broken;
    if (!breakSpec.isEmpty()) {
        QString error;
        broken = testpki::X509Break::parse(breakSpec, &error);
        if (!broken)
            return usageError(tr("--break: %1").arg(error));
    }
    auto keys = obtainX509Keys(keyPath);
    if (!keys)
        return usageError(tr("test keys in %1: %2").arg(keyPath, QString::fromStdString(keys.error().detail)));
    const testpki::X509TestPki pki(std::move(keys.value()));
    const auto material = pki.material(broken);
    if (!material)
        return usageError(QString::fromStdString(material.error().detail));

    out() << tr("TEST MATERIAL written (keys in %1):").arg(QDir::toNativeSeparators(keyPath)) << "\n";
    const QString bundlePath = dir.filePath(QStringLiteral("opm-chain.p7b"));
    const QString pemPath = dir.filePath(QStringLiteral("opm-chain.pem"));
    const QString rootPath = dir.filePath(QStringLiteral("opm-root.pem"));
    const QString leafKeyPath = dir.filePath(QStringLiteral("opm-leaf.p8"));
    if (!writeFile(bundlePath, material->bundle) || !writeFile(pemPath, cert::toPem(material->bundle, "PKCS7"))
        || !writeFile(rootPath, material->trustAnchorPem) || !writeFile(leafKeyPath, material->leafPrivateKey))
        return kExitUsage;
    out() << tr("Check it with:\n  coppscope-cli verify %1 --trust-anchor %2\n")
                 .arg(shellArgument(bundlePath), shellArgument(rootPath));
    if (broken)
        out() << tr("Expected first failure: %1\n").arg(broken->toString());
    return kExitOk;
}

} // namespace

int runTestPki(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write TEST certificate material: a COPP chain in the driver serialization, the test root key "
           "(for verify --trust-root) and a signed revocation list (for verify --crl).\n"
           "With --x509, an OPM chain instead: opm-chain.p7b (PKCS #7 certificates-only bundle, DER; "
           "opm-chain.pem the same as PEM), opm-root.pem (the test root, for verify --trust-anchor) and "
           "opm-leaf.p8 (the leaf's private key, PKCS #8 DER).\n"
           "Nothing written here chains to Microsoft's root.\n"
           "Exit status: 0 written, 2 usage error, unusable keys folder or a file that cannot be written."));
    parser.addHelpOption();
    const QCommandLineOption outDir(QStringLiteral("out"), tr("Folder to write into (created if needed)."), tr("DIR"));
    const QCommandLineOption keysDir(QStringLiteral("keys"),
                                     tr("Reuse the test keys in DIR (made and saved there when absent). "
                                        "Default: DIR/keys under --out."),
                                     tr("DIR"));
    const QCommandLineOption breakRule(QStringLiteral("break"),
                                       tr("Make the material fail exactly this rule, e.g. cert.signature@1, "
                                          "collection.version, crl.revoked@0; with --x509: x509.decode, x509.path, "
                                          "x509.validity@N, x509.key@N, x509.ca@N (N 1-2), x509.signature@N, "
                                          "x509.trusted_root (N: 0 leaf, 1 intermediate, 2 root)."),
                                       tr("RULE[@N]"));
    const QCommandLineOption damage(QStringLiteral("damage"),
                                    tr("Write a chain whose certificate N (default 0, the leaf) was signed as diagnosis ID "
                                       "describes, e.g. line_endings (signed over LF, file with CRLF), character_references, "
                                       "attribute_quotes, tag_whitespace, inner_content, namespace_declarations_removed, "
                                       "canonical_form, sha256, pss_salt_length, pss_sha256, pkcs1_v1_5, other_chain_key."),
                                    tr("ID[@N]"));
    const QCommandLineOption x509(QStringLiteral("x509"),
                                  tr("Write an OPM X.509 chain (leaf, intermediate, root; RSA-2048) instead of a COPP chain."));
    const QCommandLineOption plain(QStringLiteral("plain"), tr("Write without namespaces (no c: prefixes; COPP chains)."));
    const QCommandLineOption pretty(QStringLiteral("pretty"), tr("Indent the XML (signed as written; COPP chains)."));
    const QCommandLineOption prefix(QStringLiteral("prefix"), tr("Namespace prefix for certificate elements (default c; COPP chains)."),
                                    tr("P"), QStringLiteral("c"));
    parser.addOptions({outDir, keysDir, breakRule, damage, x509, plain, pretty, prefix});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("testpki"));
        return kExitOk;
    }
    if (!parser.isSet(outDir))
        return usageError(tr("testpki: --out DIR is required (try --help)"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("testpki: unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
    for (const QCommandLineOption* option : {&outDir, &keysDir, &breakRule, &damage, &prefix}) {
        if (parser.values(*option).size() > 1)
            return usageError(tr("testpki: --%1 may be given only once").arg(option->names().constFirst()));
    }
    if (parser.isSet(damage) && (parser.isSet(breakRule) || parser.isSet(x509)))
        return usageError(tr("testpki: --damage writes a COPP chain with one proven cause of failure; leave out --%1")
                              .arg(parser.isSet(x509) ? QStringLiteral("x509") : QStringLiteral("break")));
    if (parser.isSet(x509)) {
        for (const QCommandLineOption* option : {&plain, &pretty, &prefix}) {
            if (parser.isSet(*option))
                return usageError(tr("testpki: --%1 applies to COPP chains; --x509 writes DER").arg(option->names().constFirst()));
        }
    }

    const QDir dir(parser.value(outDir));
    const QString keyPath = parser.isSet(keysDir) ? parser.value(keysDir) : dir.filePath(QStringLiteral("keys"));
    if (parser.isSet(x509)) {
        if (!QDir().mkpath(dir.path()))
            return usageError(tr("%1: cannot create the folder").arg(dir.path()));
        return writeX509Material(dir, keyPath, parser.value(breakRule));
    }

    std::optional<testpki::Break> broken;
    if (parser.isSet(breakRule)) {
        const QString spec = parser.value(breakRule);
        if (const auto rule = validation::ruleFromId(spec.section(u'@', 0, 0)); rule && validation::isX509Rule(*rule))
            return usageError(tr("--break: %1 is a rule of OPM chains: add --x509").arg(spec));
        QString error;
        broken = testpki::Break::parse(spec, &error);
        if (!broken)
            return usageError(tr("--break: %1").arg(error));
    }
    std::optional<testpki::Damage> damaged;
    if (parser.isSet(damage)) {
        QString error;
        damaged = testpki::Damage::parse(parser.value(damage), &error);
        if (!damaged)
            return usageError(tr("--damage: %1").arg(error));
        if (damaged->needsNamespaces() && parser.isSet(plain))
            return usageError(tr("--damage %1 changes the namespace declarations or attributes of Data: leave out --plain")
                                  .arg(damaged->toString()));
    }
    if (!QDir().mkpath(dir.path()))
        return usageError(tr("%1: cannot create the folder").arg(dir.path()));
    auto keys = obtainKeys(keyPath);
    if (!keys)
        return usageError(tr("test keys in %1: %2").arg(keyPath, QString::fromStdString(keys.error().detail)));

    if (parser.isSet(prefix) && parser.isSet(plain))
        return usageError(tr("testpki: --plain writes no prefixes; leave out --prefix"));
    if (!parser.isSet(plain) && !isUsablePrefix(parser.value(prefix)))
        return usageError(tr("testpki: --prefix \"%1\" is not an XML namespace prefix: start with a letter or '_', "
                             "go on with letters, digits, '-', '_' or '.', and do not start with \"xml\" "
                             "(--plain writes no prefix)").arg(parser.value(prefix)));
    testpki::ChainStyle style;
    style.prefix = parser.isSet(plain) ? QString() : parser.value(prefix);
    style.pretty = parser.isSet(pretty);
    const testpki::TestPki pki(std::move(keys.value()));
    const testpki::BuiltChain chain = damaged ? pki.damagedChain(*damaged, style) : pki.chain(style, broken);
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
                 .arg(shellArgument(chainPath), shellArgument(rootPath), shellArgument(crlPath));
    if (broken)
        printExpectedFirstFailure(*broken);
    if (damaged) {
        out() << tr("Expected first failure: %1\n").arg(damaged->expectedFirstFailure().toString());
        out() << tr("Expected diagnosis: %1\n").arg(validation::diagnosisId(damaged->id));
    }
    return kExitOk;
}

} // namespace copp::cli
