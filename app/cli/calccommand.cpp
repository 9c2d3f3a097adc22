// SPDX-License-Identifier: BSD-3-Clause
#include <app/cli/calccommand.h>
#include <app/cli/clitr.h>

#include <app/cli/clioutput.h>

#include <core/cert/x509leaf.h>
#include <core/cert/xmldocument.h>
#include <core/kernel/crypto/omac.h>
#include <core/kernel/crypto/random.h>
#include <core/kernel/protocol/opmsessionstart.h>
#include <core/kernel/protocol/sessionstart.h>
#include <core/util/filereader.h>
#include <core/util/numbertext.h>
#include <core/validation/leafkey.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <core/util/byteview.h>

namespace copp::cli {

namespace {

// Strict hex: even length, hex digits only (whitespace and an 0x prefix are not accepted).
std::optional<QByteArray> parseHex(const QString& text)
{
    if (text.size() % 2 != 0)
        return std::nullopt;
    for (const QChar c : text)
        if (!std::isxdigit(static_cast<unsigned char>(c.toLatin1())) || c.unicode() > 127)
            return std::nullopt;
    return QByteArray::fromHex(text.toLatin1());
}

std::optional<std::uint32_t> parseU32(const QString& text)
{
    return util::parseU32(text);
}

int runOmac(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the OMAC-1 (AES-128-CMAC) tag of the data as lowercase hex."));
    parser.addHelpOption();
    const QCommandLineOption key(QStringLiteral("key"), tr("The 16-byte key in hex."), tr("HEX"));
    const QCommandLineOption data(QStringLiteral("data"), tr("The message in hex (\"\" is the empty message)."), tr("HEX"));
    const QCommandLineOption dataFile(QStringLiteral("data-file"), tr("Read the message's raw bytes from FILE."), tr("FILE"));
    parser.addOptions({key, data, dataFile});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("calc omac"));
        return kExitOk;
    }
    const auto k = parseHex(parser.value(key));
    if (!parser.isSet(key) || !k || k->size() != 16)
        return usageError(tr("calc omac: --key must be 16 bytes of hex (32 hex digits)"));
    if (parser.isSet(data) == parser.isSet(dataFile))
        return usageError(tr("calc omac: give exactly one of --data and --data-file"));
    QByteArray message;
    if (parser.isSet(data)) {
        const auto d = parseHex(parser.value(data));
        if (!d)
            return usageError(tr("calc omac: --data is not hex"));
        message = *d;
    } else {
        auto bytes = util::readFileLimited(parser.value(dataFile));
        if (!bytes)
            return usageError(QString::fromStdString(bytes.error().detail));
        message = bytes.value();
    }
    const auto tag = crypto::omac1(util::byteView(*k), util::byteView(message));
    out() << QString::fromStdString(toHex(tag.value())) << "\n";
    return kExitOk;
}

int runCoppSignature(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the 256-byte AMCOPPSignature (hex) a Windows application passes to SessionSequenceStart for the "
           "chain's leaf key (reverse the 40 bytes, RSAES-PKCS1-v1_5, reverse the result). "
           "The padding is random, so every run prints different bytes that decrypt to the same 40 bytes."));
    parser.addHelpOption();
    const QCommandLineOption chain(QStringLiteral("chain"), tr("The driver's certificate chain (XML)."), tr("CHAIN.xml"));
    const QCommandLineOption random(QStringLiteral("driver-random"), tr("The 16-byte driver random from KeyExchange, hex."), tr("HEX"));
    const QCommandLineOption key(QStringLiteral("session-key"), tr("The 16-byte session key, hex."), tr("HEX"));
    const QCommandLineOption statusSeq(QStringLiteral("status-seq"), tr("Starting status sequence number (decimal, or hex after 0x)."), tr("N"));
    const QCommandLineOption commandSeq(QStringLiteral("command-seq"), tr("Starting command sequence number (decimal, or hex after 0x)."), tr("N"));
    parser.addOptions({chain, random, key, statusSeq, commandSeq});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("calc copp-signature"));
        return kExitOk;
    }
    for (const auto* option : {&chain, &random, &key, &statusSeq, &commandSeq})
        if (!parser.isSet(*option))
            return usageError(tr("calc copp-signature: --%1 is required").arg(option->names().constFirst()));
    const auto r = parseHex(parser.value(random));
    const auto k = parseHex(parser.value(key));
    const auto s = parseU32(parser.value(statusSeq));
    const auto c = parseU32(parser.value(commandSeq));
    if (!r || r->size() != 16)
        return usageError(tr("calc copp-signature: --driver-random must be 16 bytes of hex"));
    if (!k || k->size() != 16)
        return usageError(tr("calc copp-signature: --session-key must be 16 bytes of hex"));
    if (!s || !c)
        return usageError(tr("calc copp-signature: sequence numbers are unsigned 32-bit numbers, decimal or hex after 0x"));
    auto bytes = util::readFileLimited(parser.value(chain));
    if (!bytes)
        return usageError(QString::fromStdString(bytes.error().detail));
    const cert::XmlDocument doc = cert::XmlDocument::parse(bytes.value());
    if (!doc.isWellFormed())
        return usageError(tr("calc copp-signature: the chain is not well-formed XML: %1").arg(doc.errorString()));
    auto leaf = validation::leafPublicKey(doc);
    if (!leaf)
        return usageError(QString::fromStdString(leaf.error().detail));
    protocol::SessionSecrets secrets;
    std::copy(r->begin(), r->end(), secrets.driverRandom.begin());
    std::copy(k->begin(), k->end(), secrets.key.begin());
    secrets.statusSequence = *s;
    secrets.commandSequence = *c;
    auto signature = protocol::buildCoppSignature(leaf.value(), secrets);
    if (!signature)
        return usageError(QString::fromStdString(signature.error().detail));
    out() << QString::fromStdString(toHex(signature.value())) << "\n";
    return kExitOk;
}

// docs/cli.md#calc calc opm-init: "the 256-byte OPM_ENCRYPTED_INITIALIZATION_PARAMETERS
// (RSAES-OAEP, SHA-512, MGF1-SHA-512)"; §5: "takes the PKCS#7 bundle (DER or PEM) and uses its leaf key".
int runOpmInit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the 256-byte OPM_ENCRYPTED_INITIALIZATION_PARAMETERS (hex) an application passes to "
           "FinishInitialization (the 40 bytes in natural order, RSAES-OAEP with SHA-512 and "
           "MGF1-SHA-512, empty label) for the leaf key of an OPM certificate bundle. OAEP is randomised, so every "
           "run prints different bytes that decrypt to the same 40 bytes."));
    parser.addHelpOption();
    const QCommandLineOption certificate(QStringLiteral("certificate"), tr("The OPM certificate chain: PKCS#7 or certificates, DER or PEM."),
                                         tr("FILE"));
    const QCommandLineOption random(QStringLiteral("driver-random"), tr("The 16-byte driver random from StartInitialization, hex."), tr("HEX"));
    const QCommandLineOption key(QStringLiteral("session-key"), tr("The 16-byte session key, hex."), tr("HEX"));
    const QCommandLineOption statusSeq(QStringLiteral("status-seq"), tr("Starting status sequence number (decimal, or hex after 0x)."), tr("N"));
    const QCommandLineOption commandSeq(QStringLiteral("command-seq"), tr("Starting command sequence number (decimal, or hex after 0x)."), tr("N"));
    parser.addOptions({certificate, random, key, statusSeq, commandSeq});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << commandHelp(parser, QStringLiteral("calc opm-init"));
        return kExitOk;
    }
    for (const auto* option : {&certificate, &random, &key, &statusSeq, &commandSeq})
        if (!parser.isSet(*option))
            return usageError(tr("calc opm-init: --%1 is required").arg(option->names().constFirst()));
    const auto r = parseHex(parser.value(random));
    const auto k = parseHex(parser.value(key));
    const auto s = parseU32(parser.value(statusSeq));
    const auto c = parseU32(parser.value(commandSeq));
    if (!r || r->size() != 16)
        return usageError(tr("calc opm-init: --driver-random must be 16 bytes of hex"));
    if (!k || k->size() != 16)
        return usageError(tr("calc opm-init: --session-key must be 16 bytes of hex"));
    if (!s || !c)
        return usageError(tr("calc opm-init: sequence numbers are unsigned 32-bit numbers, decimal or hex after 0x"));
    auto bytes = util::readFileLimited(parser.value(certificate));
    if (!bytes)
        return usageError(QString::fromStdString(bytes.error().detail));
    // The leaf is the certificate that issues no other (docs/cli.md#calc): no path
    // to a root is needed for its key, so nothing is validated.
    const QString file = parser.value(certificate);
    const auto bundle = cert::parseX509Bundle(bytes.value());
    if (!bundle)
        return usageError(tr("calc opm-init: %1: %2").arg(file, QString::fromStdString(bundle.error().detail)));
    const auto leafIndex = cert::findX509Leaf(bundle.value());
    if (!leafIndex)
        return usageError(tr("calc opm-init: %1: %2").arg(file, QString::fromStdString(leafIndex.error().detail)));
    const cert::X509CertificateInfo& leafCertificate = bundle.value().certificates.at(leafIndex.value());
    if (!leafCertificate.rsaKey)
        return usageError(tr("calc opm-init: %1: the leaf %2 has no RSA key (%3)")
                              .arg(file, cert::namedInBundle(leafCertificate), leafCertificate.publicKeyAlgorithm));
    const crypto::RsaPublicKey* leaf = &*leafCertificate.rsaKey;
    // Which key was used goes to stderr; stdout stays the hex alone for scripts.
    err() << tr("calc opm-init: the key of %1, the certificate that issues no other; the chain was not validated")
                 .arg(cert::namedInBundle(leafCertificate))
          << Qt::endl;
    protocol::SessionSecrets secrets;
    std::copy(r->begin(), r->end(), secrets.driverRandom.begin());
    std::copy(k->begin(), k->end(), secrets.key.begin());
    secrets.statusSequence = *s;
    secrets.commandSequence = *c;
    crypto::SystemRandom system;
    auto parameters = protocol::buildOpmInitializationParameters(*leaf, secrets, system);
    if (!parameters)
        return usageError(QString::fromStdString(parameters.error().detail));
    out() << QString::fromStdString(toHex(parameters.value())) << "\n";
    return kExitOk;
}

} // namespace

int runCalc(const QStringList& arguments)
{
    if (arguments.size() < 2)
        return usageError(tr("calc: which calculator? omac, copp-signature or opm-init"));
    QStringList rest = arguments;
    const QString which = rest.takeAt(1);
    // README: "--help on any command prints that command's own usage".
    if (which == u"--help" || which == u"-h") {
        out() << tr("Usage: coppscope-cli calc CALCULATOR [options]\n"
                    "Byte-exact protocol values for driver engineers.\n\n"
                    "Calculators (each has --help):\n"
                    "  omac            OMAC-1 (AES-CMAC) tag of bytes under a key\n"
                    "  copp-signature  AMCOPPSignature for SessionSequenceStart with a chain's leaf key\n"
                    "  opm-init        OPM_ENCRYPTED_INITIALIZATION_PARAMETERS for an OPM certificate\n\n"
                    "Exit status: 0 printed, 2 usage error, unreadable file or input a calculator cannot use.\n");
        return kExitOk;
    }
    if (which == u"omac")
        return runOmac(rest);
    if (which == u"copp-signature")
        return runCoppSignature(rest);
    if (which == u"opm-init")
        return runOpmInit(rest);
    return usageError(tr("calc: unknown calculator \"%1\" (omac, copp-signature, opm-init)").arg(which));
}

} // namespace copp::cli
