// SPDX-License-Identifier: BSD-3-Clause
// Shared by the OPM tests: the emulator material with its X.509 part (made once
// per process from the shared test PKIs), readable HRESULT outcomes, and a
// SessionEngine wired to an in-process OpmEmulator on a clock the test moves.
#pragma once

#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/device/emulator/opmemulator.h>
#include <core/kernel/protocol/constants.h>
#include <core/session/sessionengine.h>
#include <core/session/transcript.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QtTest>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace copp::tests {

// "S_OK", "E_INVALIDARG", "0x…": readable when a QCOMPARE fails.
inline QString named(std::uint32_t hresult)
{
    if (const char* name = protocol::hresultName(hresult))
        return QString::fromLatin1(name);
    return QStringLiteral("0x%1").arg(hresult, 8, 16, QLatin1Char('0'));
}

template <typename T>
QString outcome(const Result<T>& r)
{
    if (r.ok())
        return named(protocol::hr::Ok);
    if (r.error().code == Error::Code::Timeout)
        return QStringLiteral("Timeout");
    if (r.error().code != Error::Code::Device)
        return QStringLiteral("non-device error %1: %2").arg(int(r.error().code)).arg(QString::fromStdString(r.error().detail));
    return named(r.error().hresult);
}

template <typename T>
QByteArray why(const Result<T>& r)
{
    return r.ok() ? QByteArray() : QByteArray::fromStdString(r.error().detail);
}

inline std::vector<device::Fault> parseFaults(const std::vector<std::string>& texts)
{
    std::vector<device::Fault> out;
    for (const std::string& text : texts) {
        auto fault = device::parseFault(text);
        if (!fault)
            qFatal("fault %s: %s", text.c_str(), fault.error().detail.c_str());
        out.push_back(fault.value());
    }
    return out;
}

// What an OPM emulator holds for these faults: the COPP XML material and the
// X.509 material (EmulatorMaterial::opm), from testPki() and x509TestPki().
// Only the chain faults change the material, so one per chain fault is kept.
inline std::shared_ptr<const device::EmulatorMaterial> opmMaterial(const std::vector<device::Fault>& faults = {})
{
    std::string chainKey = "clean";
    for (const device::Fault& f : faults)
        if (f.kind == device::FaultKind::UntrustedChain || f.kind == device::FaultKind::TamperedChain
            || f.kind == device::FaultKind::RevokedChain)
            chainKey = device::faultName(f.kind);
    static std::map<std::string, std::shared_ptr<const device::EmulatorMaterial>> made;
    auto it = made.find(chainKey);
    if (it == made.end()) {
        device::EmulatorMaterial m = device::EmulatorMaterial::create(testPki(), faults);
        auto opm = device::EmulatorMaterial::createOpm(x509TestPki(), faults);
        if (!opm)
            qFatal("OPM emulator material: %s", opm.error().detail.c_str());
        m.opm = std::move(opm.value());
        it = made.emplace(chainKey, std::make_shared<const device::EmulatorMaterial>(std::move(m))).first;
    }
    return it->second;
}

// The policy an application would use against the in-process emulator: the
// COPP test root and revocation list, and the X.509 test root as trust anchor.
inline validation::ValidationPolicy opmTestPolicy()
{
    validation::ValidationPolicy policy = testPolicy(opmMaterial()->revocationList);
    policy.x509 = x509TestPolicy();
    return policy;
}

inline device::OpmRole outputRole(bool opmSemantics)
{
    device::OpmRole role;
    role.opmSemantics = opmSemantics;
    return role;
}

inline device::OpmRole codecRole(const protocol::Guid& clsid, std::uint32_t merit)
{
    device::OpmRole role;
    role.codec = true;
    role.clsid = clsid;
    role.merit = merit;
    return role;
}

// A SessionEngine on an OpmEmulator, every call recorded (the transcript shows
// the bytes the engine sent), on a clock the test moves.
struct OpmSessionFixture {
    std::int64_t nowMs = 1000;
    std::shared_ptr<device::EmulatedOutput> output;
    std::shared_ptr<const device::EmulatorMaterial> material;
    std::unique_ptr<device::OpmEmulator> emulator;
    session::Transcript transcript;
    std::unique_ptr<session::RecordingDevice> recording;
    crypto::DeterministicRandom random{42};
    std::vector<QJsonObject> events;
    std::unique_ptr<session::SessionEngine> engine;

    explicit OpmSessionFixture(device::OpmRole role, const std::vector<std::string>& faultTexts = {},
                               device::OutputProfile profile = {})
    {
        const std::vector<device::Fault> faults = parseFaults(faultTexts);
        const device::Clock clock = [this] { return nowMs; };
        output = std::make_shared<device::EmulatedOutput>(profile, clock);
        material = opmMaterial(faults);
        emulator = std::make_unique<device::OpmEmulator>(output, material, role, faults);
        emulator->setCallDeadlineMs(50);
        recording = std::make_unique<session::RecordingDevice>(*emulator, transcript, clock);
        session::SessionOptions options;
        options.policy = opmTestPolicy();
        engine = std::make_unique<session::SessionEngine>(*recording, options, random,
                                                          [this](const copp::session::SessionEvent& typed) { const QJsonObject e = copp::session::toJson(typed); events.push_back(e); }, clock);
    }
    OpmSessionFixture(const OpmSessionFixture&) = delete; // the clock captures `this`
    OpmSessionFixture& operator=(const OpmSessionFixture&) = delete;

    QStringList alertKinds() const
    {
        QStringList kinds;
        for (const auto& a : engine->alerts())
            kinds.append(QLatin1String(session::alertId(a.kind)));
        return kinds;
    }
    QStringList eventNames() const
    {
        QStringList names;
        for (const QJsonObject& e : events)
            names.append(e.value(QStringLiteral("event")).toString());
        return names;
    }
    // The first event called `name` (empty when none).
    QJsonObject event(const QString& name) const
    {
        for (const QJsonObject& e : events)
            if (e.value(QStringLiteral("event")).toString() == name)
                return e;
        return {};
    }
    QList<QJsonObject> eventsNamed(const QString& name) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject& e : events)
            if (e.value(QStringLiteral("event")).toString() == name)
                out.append(e);
        return out;
    }
    // The methods of the recorded device calls, in order.
    QStringList methods() const
    {
        QStringList out;
        for (const QJsonValue& c : transcript.calls())
            out.append(c.toObject().value(QStringLiteral("method")).toString());
        return out;
    }
    // The recorded calls of one method.
    QList<QJsonObject> calls(const QString& method) const
    {
        QList<QJsonObject> out;
        for (const QJsonValue& c : transcript.calls())
            if (c.toObject().value(QStringLiteral("method")).toString() == method)
                out.append(c.toObject());
        return out;
    }
    // Polls `times` times, `stepMs` apart.
    void pollFor(int times, std::int64_t stepMs = 100)
    {
        for (int i = 0; i < times; ++i) {
            nowMs += stepMs;
            engine->poll();
        }
    }
};

} // namespace copp::tests

#define QVERIFY_OK(call)                                                                                              \
    do {                                                                                                              \
        const auto result_ = (call);                                                                                  \
        QVERIFY2(result_.ok(), copp::tests::why(result_).constData());                                                \
    } while (false)
