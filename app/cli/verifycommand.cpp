// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/verifycommand.h>
#include <app/cli/clitr.h>

#include <app/cli/clioutput.h>

#include <core/util/filereader.h>
#include <core/util/inordermap.h>
#include <core/validation/chainvalidator.h>
#include <core/validation/reportjson.h>
#include <core/validation/reporttext.h>
#include <core/validation/x509validator.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <optional>

namespace copp::cli {

namespace {

constexpr int kMaxJobs = 256;

// What one file gave: its report as printed, or why there is none.
struct FileVerdict {
    enum class Problem { None, Unreadable, BadOption };
    Problem problem = Problem::None;
    QString error;     // Unreadable, BadOption: the message for stderr
    QByteArray output; // None: the report, UTF-8, as --jobs 1 prints it
    bool valid = false;

    static FileVerdict badOption(const Error& error)
    {
        FileVerdict verdict;
        verdict.problem = Problem::BadOption;
        verdict.error = QString::fromStdString(error.detail);
        return verdict;
    }
};

} // namespace

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
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        tr("Validate up to N files at a time (default: one per processor core, here %1). "
                                           "The output and the exit status are those of --jobs 1.")
                                            .arg(QThread::idealThreadCount()),
                                        tr("N"));
    parser.addOptions({trustRoot, trustAnchor, crl, json, verbose, jobsOption});
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
    int jobs = QThread::idealThreadCount();
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 1 || jobs > kMaxJobs)
            return usageError(tr("verify: --jobs takes a whole number from 1 to %1, not \"%2\"").arg(kMaxJobs).arg(parser.value(jobsOption)));
    }
    jobs = static_cast<int>(std::min<qsizetype>(jobs, files.size()));

    // A file option given twice would silently lose one of them.
    for (const QCommandLineOption* option : {&trustRoot, &crl, &trustAnchor, &jobsOption}) {
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
        // One run judges every chain at one instant, whichever thread gets to it when.
        x509Policy.validationTime = QDateTime::currentDateTimeUtc();
        x509Validator.emplace(x509Policy);
        return &*x509Validator;
    };

    // docs/cli.md#verify, --jobs: files are read, validated and written up on up to
    // N threads; what is printed, and in what order, is what one thread prints.
    // Each kind's validator is made once, on first use, by whichever thread comes first.
    QMutex validatorsMade;
    const auto coppOnce = [&]() {
        const QMutexLocker lock(&validatorsMade);
        return coppValidator();
    };
    const auto opmOnce = [&]() {
        const QMutexLocker lock(&validatorsMade);
        return opmValidator();
    };
    const bool asJson = parser.isSet(json);
    const bool jsonLines = asJson && files.size() > 1;
    const validation::TextOptions textOptions{parser.isSet(verbose)};
    const auto verifyFile = [&](qsizetype index) {
        FileVerdict verdict;
        const QString& file = files.at(index);
        const auto bytes = util::readFileLimited(file);
        if (!bytes) {
            verdict.problem = FileVerdict::Problem::Unreadable;
            verdict.error = QString::fromStdString(bytes.error().detail);
            return verdict;
        }
        validation::ValidationReport report;
        if (validation::looksLikeX509(bytes.value())) {
            const auto v = opmOnce();
            if (!v)
                return FileVerdict::badOption(v.error());
            report = v.value()->validate(bytes.value());
        } else {
            const auto v = coppOnce();
            if (!v)
                return FileVerdict::badOption(v.error());
            report = v.value()->validate(bytes.value());
        }
        verdict.valid = report.isValid();
        if (asJson) {
            QJsonObject object = validation::reportToJson(report);
            // Several files: JSON Lines (one compact object per line); Compact adds no newline.
            if (jsonLines) {
                object.insert(QStringLiteral("file"), file);
                verdict.output = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
            } else {
                verdict.output = QJsonDocument(object).toJson(QJsonDocument::Indented);
            }
        } else {
            verdict.output = validation::reportToText(report, file, textOptions).toUtf8();
        }
        return verdict;
    };

    int exitCode = kExitOk;
    util::mapInOrder(files.size(), jobs, verifyFile, [&](qsizetype, FileVerdict verdict) {
        switch (verdict.problem) {
        case FileVerdict::Problem::Unreadable:
            usageError(verdict.error);
            exitCode = kExitUsage;
            return true;
        case FileVerdict::Problem::BadOption:
            // A trust option that cannot be read stops here, as it did before any chain
            // was read: every later chain of that kind would need it too.
            exitCode = usageError(verdict.error);
            return false;
        case FileVerdict::Problem::None:
            break;
        }
        writeOut(verdict.output);
        if (!verdict.valid && exitCode == kExitOk)
            exitCode = kExitRejected;
        return true;
    });
    return exitCode;
}

} // namespace copp::cli
