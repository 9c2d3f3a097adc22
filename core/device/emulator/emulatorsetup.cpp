#include "emulatorsetup.h"

#include <core/kernel/protocol/constants.h>

namespace copp::device {

Result<BuiltEmulator> buildEmulator(const EmulatorSettings& settings)
{
    std::vector<Fault> faults;
    for (const QString& text : settings.faults) {
        auto fault = parseFault(text.toStdString());
        if (!fault)
            return fault.error();
        faults.push_back(fault.value());
    }
    OutputProfile profile;
    std::shared_ptr<ScenarioPlayer> player;
    if (!settings.scenario.isEmpty()) {
        auto scenario = Scenario::load(settings.scenario);
        if (!scenario)
            return scenario.error();
        profile = scenario->output;
        player = std::make_shared<ScenarioPlayer>(scenario.value(), steadyClock());
    }
    if (!settings.connector.isEmpty()) {
        const auto connector = protocol::connectorFromName(settings.connector.toStdString());
        if (!connector)
            return makeError(Error::Code::Usage, "--connector: unknown connector \"" + settings.connector.toStdString() + "\"");
        profile = OutputProfile::forConnector(*connector);
    }
    auto pki = loadEmulatorPki(settings.keyDirectory);
    if (!pki)
        return makeError(Error::Code::Usage, "emulator test keys: " + pki.error().detail);
    auto material = std::make_shared<const EmulatorMaterial>(EmulatorMaterial::create(pki.value(), faults));
    auto emulator = std::make_shared<CoppEmulator>(std::make_shared<EmulatedOutput>(profile), material, faults, player);
    return BuiltEmulator{emulator, material};
}

} // namespace copp::device
