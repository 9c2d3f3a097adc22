// SPDX-License-Identifier: BSD-3-Clause
// --device emulator|exec:COMMAND|replay:FILE and the options that go with it, shared by
// `session` and `merit`: trust root, revocation list, call deadline,
// and the built-in emulator's faults, scenario and keys.
#pragma once

#include <core/session/deviceopener.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace copp::cli {

class DeviceOptions {
public:
    explicit DeviceOptions(QCommandLineParser& parser); // adds the options
    Result<session::OpenedDevice> open(const QCommandLineParser& parser) const;
    // `merit`: the built-in emulator is a codec with this CLSID and merit.
    void useEmulatorCodec(const QString& clsid, const QString& merit)
    {
        m_codecClsid = clsid;
        m_codecMerit = merit;
    }

private:
    QCommandLineOption m_device, m_trustRoot, m_crl, m_trustAnchor, m_callTimeout, m_fault, m_scenario, m_connector, m_keys, m_interface, m_semantics;
    QString m_codecClsid, m_codecMerit;
};

} // namespace copp::cli
