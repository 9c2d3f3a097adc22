// SPDX-License-Identifier: BSD-3-Clause
// Test helper: agent_emulator KEYDIR [FAULT ...]
// Serves the driver emulator (one HDMI output, the test PKI's keys loaded from
// KEYDIR as written by KeySet::save) as a device agent on stdin/stdout.
#include <core/device/agent/coppdeviceserver.h>
#include <core/device/emulator/coppemulator.h>

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace copp;
using namespace copp::device;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: agent_emulator KEYDIR [FAULT ...]\n");
        return 2;
    }
    auto keys = testpki::KeySet::load(args.at(1));
    if (!keys) {
        std::fprintf(stderr, "agent_emulator: %s\n", keys.error().detail.c_str());
        return 2;
    }
    std::vector<Fault> faults;
    for (qsizetype i = 2; i < args.size(); ++i) {
        auto fault = parseFault(args.at(i).toStdString());
        if (!fault) {
            std::fprintf(stderr, "agent_emulator: %s\n", fault.error().detail.c_str());
            return 2;
        }
        faults.push_back(*fault);
    }
    const testpki::TestPki pki(std::move(keys.value()));
    auto material = std::make_shared<const EmulatorMaterial>(EmulatorMaterial::create(pki, faults));
    CoppEmulator emulator(std::make_shared<EmulatedOutput>(OutputProfile{}), material, faults);
    return serveAgentOnStdio(emulator);
}
