// --device emulator|exec:COMMAND|replay:FILE and the options that go with it, shared by
// `session` (and later `merit`): trust root, revocation list, call deadline,
// and the built-in emulator's faults, scenario and keys.
#pragma once

#include <core/device/coppdevice.h>
#include <core/session/replaydevice.h>
#include <core/validation/validationpolicy.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace copp::cli {

struct OpenedDevice {
    std::shared_ptr<device::CoppDevice> device;
    validation::ValidationPolicy policy;
    bool testRoot = false;
    std::shared_ptr<session::ReplayDevice> replay; // set (and == device) for replay:FILE
};

class DeviceOptions {
public:
    explicit DeviceOptions(QCommandLineParser& parser); // adds the options
    Result<OpenedDevice> open(const QCommandLineParser& parser) const;

private:
    Result<OpenedDevice> openEmulator(const QCommandLineParser& parser, int callTimeoutMs) const;
    Result<OpenedDevice> openReplay(const QString& path) const;
    QCommandLineOption m_device, m_trustRoot, m_crl, m_trustAnchor, m_callTimeout, m_fault, m_scenario, m_connector, m_keys;
};

} // namespace copp::cli
