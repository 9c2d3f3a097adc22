// SPDX-License-Identifier: BSD-3-Clause
// Opens the device a session runs against, for both front ends: the built-in
// emulator (faults, scenario, connector, keys), a device agent (exec:COMMAND),
// or a transcript to replay; plus the trust root and revocation list the chain
// is checked against (docs/cli.md#session: the emulator's own test root by
// default with the emulator, Microsoft's key with any other device, the
// recorded policy with a replay; explicit files win).
#pragma once

#include <core/session/replaydevice.h>
#include <core/session/sessionevent.h>

#include <core/device/coppdevice.h>
#include <core/device/emulator/emulatorsetup.h>
#include <core/validation/validationpolicy.h>

#include <QJsonObject>
#include <QList>

#include <memory>

namespace copp::session {

struct DeviceSpec {
    enum class Kind { Emulator, Agent, Replay, Hardware };
    Kind kind = Kind::Emulator;
    device::EmulatorSettings emulator; // Kind::Emulator
    QString agentCommand;              // Kind::Agent: run through /bin/sh -c
    QString replayPath;                // Kind::Replay: a transcript file
    QString hardware;                  // Kind::Hardware: "M[.K][,api=…][,interface=…][,semantics=…]" (Windows builds)
    int callTimeoutMs = 5000;
    QString trustRootPath; // empty: the default for the kind
    QString crlPath;       // empty: the default for the kind
    QString trustAnchorPath; // X.509 (OPM) chains; empty: the default for the kind
    bool discardAgentStderr = false; // a GUI has no terminal for the agent's logs
};

struct OpenedDevice {
    std::shared_ptr<device::CoppDevice> device;
    validation::ValidationPolicy policy;
    bool testRoot = false; // the XML trust root is a test root (the transcript's policy.test_root)
    std::shared_ptr<ReplayDevice> replay;             // set (and == device) for a replay
    std::shared_ptr<device::EmulatorDevice> emulator;   // set (and == device) for the built-in emulator
};

// Errors carry a translated, user-facing detail: Error::Code::Usage for what the
// choice itself gets wrong (options, files), Error::Code::Io when the device
// could not be started (an agent that exits before answering its first call).
Result<OpenedDevice> openDevice(const DeviceSpec& spec);

// The events of a run whose device could not be started, as every front end
// reports it (docs/cli.md#session: "Every run, failed ones included, ends with
// exactly one end event"): an error with `detail`, then end.
QList<SessionEvent> deviceNotStartedEvents(const QString& detail);

// "exec:COMMAND" / "replay:FILE" / "emulator": the --device syntax of both front ends.
Result<DeviceSpec> parseDeviceChoice(const QString& choice);

} // namespace copp::session
