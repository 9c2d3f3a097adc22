// --device emulator|exec:COMMAND and the options that go with it, shared by
// `session` (and later `merit`): trust root, revocation list, call deadline,
// and the built-in emulator's faults, scenario and keys.
#pragma once

#include <core/device/coppdevice.h>
#include <core/validation/validationpolicy.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace copp::cli {

struct OpenedDevice {
    std::shared_ptr<device::CoppDevice> device;
    validation::ValidationPolicy policy;
    bool testRoot = false;
};

class DeviceOptions {
public:
    explicit DeviceOptions(QCommandLineParser& parser); // adds the options
    Result<OpenedDevice> open(const QCommandLineParser& parser) const;

private:
    Result<OpenedDevice> openEmulator(const QCommandLineParser& parser, int callTimeoutMs) const;
    QCommandLineOption m_device, m_trustRoot, m_crl, m_trustAnchor, m_callTimeout, m_fault, m_scenario, m_connector, m_keys;
};

} // namespace copp::cli
