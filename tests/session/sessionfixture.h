// SPDX-License-Identifier: BSD-3-Clause
// A session engine wired to an in-process emulator, on a clock the test moves.
#pragma once

#include <support/testsupport.h>

#include <core/session/sessioneventjson.h>
#include <core/device/emulator/coppemulator.h>
#include <core/session/sessionengine.h>

#include <QJsonObject>

#include <memory>

namespace copp::tests {

struct SessionFixture {
    std::int64_t nowMs = 1000;
    std::shared_ptr<device::EmulatedOutput> output;
    std::shared_ptr<const device::EmulatorMaterial> material;
    std::unique_ptr<device::CoppEmulator> emulator;
    crypto::DeterministicRandom random{42};
    std::vector<QJsonObject> events;           // as the contract writes them
    std::vector<session::SessionEvent> typed;  // as the program carries them
    std::unique_ptr<session::SessionEngine> engine;

    explicit SessionFixture(std::vector<std::string> faultTexts = {}, device::OutputProfile profile = {},
                            std::optional<device::Scenario> scenario = std::nullopt)
    {
        std::vector<device::Fault> faults;
        for (const auto& text : faultTexts)
            faults.push_back(device::parseFault(text).value());
        const device::Clock clock = [this] { return nowMs; };
        if (scenario)
            profile = scenario->output;
        output = std::make_shared<device::EmulatedOutput>(profile, clock);
        material = std::make_shared<const device::EmulatorMaterial>(device::EmulatorMaterial::create(testPki(), faults));
        std::shared_ptr<device::ScenarioPlayer> player;
        if (scenario)
            player = std::make_shared<device::ScenarioPlayer>(*scenario, clock);
        emulator = std::make_unique<device::CoppEmulator>(output, material, faults, player);
        emulator->setCallDeadlineMs(50);
        session::SessionOptions options;
        options.policy.trustRoot = validation::TrustRoot::fromRsaKeyValueXml(material->rootKeyXml, QStringLiteral("emulator")).value();
        options.policy.revocationList = material->revocationList;
        engine = std::make_unique<session::SessionEngine>(*emulator, options, random,
                                                          [this](const session::SessionEvent& e) {
                                                              typed.push_back(e);
                                                              events.push_back(session::toJson(e));
                                                          },
                                                          clock);
    }

    QStringList alertKinds() const
    {
        QStringList kinds;
        for (const auto& a : engine->alerts())
            kinds.append(QLatin1String(session::alertId(a.kind)));
        return kinds;
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
