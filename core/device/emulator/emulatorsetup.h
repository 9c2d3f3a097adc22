// Builds the driver emulator from the options both command-line front ends
// take (session --device emulator, emulator --stdio): faults, a scenario, a
// connector, a key folder.
#pragma once

#include "coppemulator.h"

#include <QStringList>

namespace copp::device {

struct EmulatorSettings {
    QStringList faults;  // NAME[=VALUE][@N]
    QString scenario;    // a built-in name or a JSON file; empty: none
    QString connector;   // hdmi, dvi, ...; empty: the scenario's or HDMI
    QString keyDirectory; // empty: the user's cache folder
};

struct BuiltEmulator {
    std::shared_ptr<CoppEmulator> emulator;
    std::shared_ptr<const EmulatorMaterial> material;
};

// Usage errors name the option that is wrong.
Result<BuiltEmulator> buildEmulator(const EmulatorSettings& settings);

} // namespace copp::device
