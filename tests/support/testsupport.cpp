// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessioneventjson.h>

#include <QHash>
#include <QJsonArray>
#include <support/testsupport.h>

#include <QMutex>
#include <QProcess>

#include <algorithm>
#include <map>

#include <QDir>
#include <QFileInfo>
#include <QtTest>

namespace copp::tests {

QString sharedDir()
{
    const QString dir = qEnvironmentVariable("COPP_SHARED_DIR");
    if (!dir.isEmpty() && QFileInfo(dir).isDir())
        return QDir(dir).absolutePath();
    return {};
}

const testpki::TestPki& testPki()
{
    static const testpki::TestPki pki = [] {
        const QString keys = qEnvironmentVariable("COPP_TEST_KEYS");
        auto set = keys.isEmpty() ? testpki::KeySet::generate() : testpki::KeySet::load(keys);
        if (!set)
            qFatal("test PKI: %s", set.error().detail.c_str());
        return testpki::TestPki(std::move(set.value()));
    }();
    return pki;
}

validation::ValidationPolicy testPolicy(std::optional<QByteArray> revocationList)
{
    validation::ValidationPolicy policy;
    auto root = validation::TrustRoot::fromRsaKeyValueXml(testPki().rootKeyXml(), QStringLiteral("test root"));
    if (!root)
        qFatal("test root: %s", root.error().detail.c_str());
    policy.trustRoot = root.value();
    policy.revocationList = std::move(revocationList);
    return policy;
}

validation::ValidationReport validateWithTestRoot(const QByteArray& chain, std::optional<QByteArray> revocationList)
{
    return validation::ChainValidator(testPolicy(std::move(revocationList))).validate(chain);
}

const testpki::X509TestPki& x509TestPki()
{
    static const testpki::X509TestPki pki = [] {
        const QString keys = qEnvironmentVariable("COPP_TEST_KEYS");
        auto set = !keys.isEmpty() && testpki::X509KeySet::existsIn(keys) ? testpki::X509KeySet::load(keys)
                                                                           : testpki::X509KeySet::generate();
        if (!set)
            qFatal("OPM test PKI: %s", set.error().detail.c_str());
        return testpki::X509TestPki(std::move(set.value()));
    }();
    return pki;
}

const testpki::X509Material& x509Material(std::optional<testpki::X509Break> broken)
{
    // Keyed by the break's text; QTest runs one function at a time, but keep it safe.
    static QMutex mutex;
    static std::map<QString, testpki::X509Material> made; // node-based: references stay valid
    const QString key = broken ? broken->toString() : QStringLiteral("valid");
    const QMutexLocker lock(&mutex);
    auto it = made.find(key);
    if (it == made.end()) {
        auto material = x509TestPki().material(broken);
        if (!material)
            qFatal("OPM test material %s: %s", qPrintable(key), material.error().detail.c_str());
        it = made.emplace(key, material.value()).first;
    }
    return it->second;
}

validation::X509Policy x509TestPolicy()
{
    auto policy = validation::X509Policy::withTrustAnchor(x509Material().trustAnchorPem, QStringLiteral("test root"));
    if (!policy)
        qFatal("OPM test root: %s", policy.error().detail.c_str());
    return policy.value();
}

validation::ValidationReport validateX509WithTestRoot(const QByteArray& bytes)
{
    return validation::X509ChainValidator(x509TestPolicy()).validate(bytes);
}

static QString stepText(const validation::StepResult& s)
{
    return s.certificate < 0 ? validation::ruleId(s.rule)
                             : validation::ruleId(s.rule) + u'@' + QString::number(s.certificate);
}

QString firstFailureText(const validation::ValidationReport& report)
{
    const auto* f = report.firstFailure();
    return f ? stepText(*f) : QStringLiteral("valid");
}

QStringList failuresText(const validation::ValidationReport& report)
{
    QStringList out;
    for (const auto& s : report.steps) {
        if (s.outcome == validation::Outcome::Fail)
            out.append(stepText(s));
    }
    return out;
}

QByteArray hexOf(ByteView bytes)
{
    return QByteArray::fromStdString(toHex(bytes));
}

std::optional<Bytes> parseHex(QStringView hex)
{
    const auto isHexDigit = [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    };
    if (hex.size() % 2 != 0 || !std::all_of(hex.begin(), hex.end(), isHexDigit))
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    return Bytes(raw.begin(), raw.end());
}

CliRun runCli(const QStringList& arguments)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice()); // EOF at once: `emulator --stdio` ends there
    p.start(qEnvironmentVariable("COPP_CLI"), arguments);
    if (!p.waitForFinished(60000))
        qFatal("coppscope-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

session::SessionEvent event(const QJsonObject& partial)
{
    // Tests name the fields they are about; the rest of the contract's keys get neutral values.
    static const QHash<QString, QJsonObject> kDefaults{
        {QStringLiteral("key_exchange"), {{QStringLiteral("device"), QStringLiteral("test")},
                                          {QStringLiteral("driver_random"), QStringLiteral("00")},
                                          {QStringLiteral("certificate_bytes"), 0}}},
        {QStringLiteral("chain"), {{QStringLiteral("valid"), true}, {QStringLiteral("trust_root"), QStringLiteral("test")},
                                   {QStringLiteral("test_root"), true}, {QStringLiteral("format"), QStringLiteral("copp-xml")},
                                   {QStringLiteral("report"), QJsonObject()}, {QStringLiteral("first_failure"), QJsonValue()}}},
        {QStringLiteral("session_started"), {{QStringLiteral("status_sequence"), 0}, {QStringLiteral("command_sequence"), 0},
                                             {QStringLiteral("signature"), QString()}}},
        {QStringLiteral("command"), {{QStringLiteral("command"), QStringLiteral("set_protection_level")},
                                     {QStringLiteral("type"), QStringLiteral("hdcp")}, {QStringLiteral("level"), 0},
                                     {QStringLiteral("ok"), true}, {QStringLiteral("hresult"), 0}}},
        {QStringLiteral("status"), {{QStringLiteral("request"), QStringLiteral("connector-type")}, {QStringLiteral("sequence"), 0},
                                    {QStringLiteral("ok"), true}, {QStringLiteral("hresult"), 0}}},
        {QStringLiteral("alert"), {{QStringLiteral("kind"), QStringLiteral("device_error")}, {QStringLiteral("detail"), QString()}}},
        {QStringLiteral("error"), {{QStringLiteral("detail"), QString()}}},
        {QStringLiteral("end"), {{QStringLiteral("reason"), QStringLiteral("finished")}, {QStringLiteral("started"), true},
                                 {QStringLiteral("alerts"), 0}, {QStringLiteral("status_calls"), 0}, {QStringLiteral("commands"), 0}}},
    };
    QJsonObject json = partial;
    if (!json.contains(QStringLiteral("t_ms")))
        json.insert(QStringLiteral("t_ms"), 0);
    const QJsonObject defaults = kDefaults.value(json.value(QStringLiteral("event")).toString());
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        if (!json.contains(it.key()))
            json.insert(it.key(), it.value());
    if (json.value(QStringLiteral("event")) == QStringLiteral("status") && json.value(QStringLiteral("ok")).toBool()) {
        for (const char* key : {"flags", "size"})
            if (!json.contains(QLatin1String(key)))
                json.insert(QLatin1String(key), 0);
        if (!json.contains(QStringLiteral("checks")))
            json.insert(QStringLiteral("checks"), QJsonObject{{QStringLiteral("mac"), true}, {QStringLiteral("size"), true},
                                                              {QStringLiteral("random"), true}});
    }
    auto e = session::sessionEventFromJson(json);
    if (!e)
        qFatal("not a contract event: %s", e.error().detail.c_str());
    // A worker's event carries its device calls.
    e->calls = partial.value(QStringLiteral("calls")).toArray();
    if (e->calls.isEmpty() && partial.contains(QStringLiteral("call")))
        e->calls.append(partial.value(QStringLiteral("call")));
    return e.value();
}

} // namespace copp::tests
