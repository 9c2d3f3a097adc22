// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/verifycommand.h>
#include <app/cli/clitr.h>

#include <app/cli/clioutput.h>

#include <core/util/filereader.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/reportjson.h>
#include <core/validation/reporttext.h>
#include <core/validation/x509validator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <optional>

namespace copp::cli {

int runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Validate COPP certificate chains (Microsoft's validation procedure, rule by rule) and OPM "
           "X.509 chains (a PKCS #7 bundle or certificates, DER or PEM; x509.* rules), told apart by their first bytes.\n"
           "Exit status: 0 every chain valid, 1 a chain rejected, 2 usage error or unreadable file."));
    parser.addHelpOption();
    const QCommandLineOption trustRoot(QStringLiteral("trust-root"),
                                       tr("Trust this <RSAKeyValue> key instead of Microsoft's COPP root."),
                                       tr("KEY.xml"));
    const QCommandLineOption crl(QStringLiteral("crl"), tr("Check revocation against this revocation list (COPP chains)."),
                                 tr("FILE"));
    const QCommandLineOption trustAnchor(QStringLiteral("trust-anchor"),
                                         tr("Trust this root certificate (PEM or DER) for OPM X.509 chains instead of "
                                            "Microsoft's media root (matched by its public key hash; unconfirmed)."),
                                         tr("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print JSON: one object; with several files, one object per line with a \"file\" key."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), tr("Show the evidence of passing steps too."));
    parser.addOptions({trustRoot, trustAnchor, crl, json, verbose});
    parser.addPositionalArgument(QStringLiteral("chain"), tr("Certificate chain files: COPP XML, or OPM PKCS #7 / X.509 (DER or PEM)."),
                                 tr("CHAIN..."));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("verify"));
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usageError(tr("verify: no chain file given (try --help)"));

    // A file option given twice would silently lose one of them.
    for (const QCommandLineOption* option : {&trustRoot, &crl, &trustAnchor}) {
        if (parser.values(*option).size() > 1)
            return usageError(tr("verify: --%1 may be given only once").arg(option->names().constFirst()));
    }

    // docs/cli.md#opm-sessions: "--trust-root applies to XML (COPP) chains and --trust-anchor
    // to X.509 (OPM) chains; each is ignored where it does not apply." So each kind's
    // options are read when the first chain of that kind comes, not before.
    std::optional<validation::ChainValidator> validator;
    const auto coppValidator = [&]() -> Result<const validation::ChainValidator*> {
        if (validator)
            return &*validator;
        validation::ValidationPolicy policy;
        if (parser.isSet(trustRoot)) {
            const QString path = parser.value(trustRoot);
            const auto bytes = util::readFileLimited(path, 1024 * 1024);
            if (!bytes)
                return makeError(Error::Code::Io, tr("trust root: %1").arg(QString::fromStdString(bytes.error().detail)).toStdString());
            auto root = validation::TrustRoot::fromRsaKeyValueXml(*bytes, validation::TrustRoot::nameForFile(path));
            if (!root)
                return root.error();
            policy.trustRoot = root.value();
        }
        if (parser.isSet(crl)) {
            const auto bytes = util::readFileLimited(parser.value(crl));
            if (!bytes)
                return makeError(Error::Code::Io, tr("revocation list: %1").arg(QString::fromStdString(bytes.error().detail)).toStdString());
            policy.revocationList = bytes.value();
        }
        validator.emplace(policy);
        return &*validator;
    };
    std::optional<validation::X509ChainValidator> x509Validator;
    const auto opmValidator = [&]() -> Result<const validation::X509ChainValidator*> {
        if (x509Validator)
            return &*x509Validator;
        validation::X509Policy x509Policy;
        if (parser.isSet(trustAnchor)) {
            auto anchor = validation::X509Policy::withTrustAnchorFile(parser.value(trustAnchor));
            if (!anchor)
                return makeError(Error::Code::Io, tr("trust anchor: %1").arg(QString::fromStdString(anchor.error().detail)).toStdString());
            x509Policy = anchor.value();
        }
        x509Validator.emplace(x509Policy);
        return &*x509Validator;
    };

    int exitCode = kExitOk;
    for (const QString& file : files) {
        const auto bytes = util::readFileLimited(file);
        if (!bytes) {
            usageError(QString::fromStdString(bytes.error().detail));
            exitCode = kExitUsage;
            continue;
        }
        // A trust option that cannot be read stops here, as it did before any chain
        // was read: every later chain of that kind would need it too.
        validation::ValidationReport report;
        if (validation::looksLikeX509(bytes.value())) {
            const auto v = opmValidator();
            if (!v)
                return usageError(QString::fromStdString(v.error().detail));
            report = v.value()->validate(bytes.value());
        } else {
            const auto v = coppValidator();
            if (!v)
                return usageError(QString::fromStdString(v.error().detail));
            report = v.value()->validate(bytes.value());
        }
        if (parser.isSet(json)) {
            QJsonObject object = validation::reportToJson(report);
            if (files.size() > 1)
                object.insert(QStringLiteral("file"), file);
            // Several files: JSON Lines (one compact object per line); Compact adds no newline.
            if (files.size() > 1)
                out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << "\n";
            else
                out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            out() << validation::reportToText(report, file, {parser.isSet(verbose)});
        }
        out().flush();
        if (!report.isValid() && exitCode == kExitOk)
            exitCode = kExitRejected;
    }
    return exitCode;
}

} // namespace copp::cli
