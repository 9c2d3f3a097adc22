// SPDX-License-Identifier: BSD-3-Clause
// Builds the driver emulator from the options both command-line front ends
// take (session --device emulator, emulator --stdio): faults, a scenario, a
// connector, a key folder.
#pragma once

#include <core/device/emulator/coppemulator.h>
#include <core/device/emulator/opmemulator.h>

#include <QStringList>

namespace copp::device {

struct EmulatorSettings {
    QStringList faults;  // NAME[=VALUE][@N]
    QString scenario;    // a built-in name or a JSON file; empty: none
    QString connector;   // hdmi, dvi, ...; empty: the scenario's or HDMI
    QString keyDirectory; // empty: the user's cache folder
    // docs/cli.md#the-opm-emulator: --interface copp|opm (default copp),
    // --semantics copp|opm (default: the interface's), --codec --clsid --merit.
    QString interface;   // empty: copp (opm when codec)
    QString semantics;   // empty: the interface's
    bool codec = false;  // implies the opm interface
    QString clsid;
    QString merit;
};

struct BuiltEmulator {
    std::shared_ptr<EmulatorDevice> emulator; // a CoppEmulator or an OpmEmulator
    std::shared_ptr<const EmulatorMaterial> material;
};

// Usage errors name the option that is wrong.
Result<BuiltEmulator> buildEmulator(const EmulatorSettings& settings);

} // namespace copp::device
