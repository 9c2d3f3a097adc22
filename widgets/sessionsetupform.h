// SPDX-License-Identifier: BSD-3-Clause
// The session panel's setup form (docs/session-workspace.md): the device (the
// built-in emulator with a scenario, faults, connector and interface; a device
// agent command; a transcript to replay; Windows hardware), the trust root,
// revocation list and X.509 trust anchor, the options, and Start / Stop. It
// turns what is entered into a SessionConfig; the panel runs the session.
#pragma once

#include <core/session/sessionworker.h>

#include <QGroupBox>

#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace copp::ui {

class SessionSetupForm : public QGroupBox {
    Q_OBJECT
public:
    explicit SessionSetupForm(QWidget* parent = nullptr);

    // Fills the device choice from the --device/--scenario/--fault syntax.
    bool applyDeviceChoice(const QString& device, const QString& scenario, const QStringList& faults, QString* error);
    // The built-in emulator's interface: "copp" or "opm", with "copp" or "opm" semantics.
    bool setEmulatorInterface(const QString& interface, const QString& semantics);
    // HDCP on is the box; the other levels go into the next config() only
    // until clearInitialProtections() (the first session's).
    void setInitialProtections(const std::vector<protocol::TypeLevel>& protections);
    void clearInitialProtections();
    session::SessionConfig config() const;
    // One line for the folded setup: "Built-in emulator · ... · poll 500 ms".
    QString summaryText() const;

    // While a session runs nothing here can change; the fields of the other device kinds are off.
    void setRunning(bool running);
    void focusDeviceKind();

signals:
    void startRequested();
    void stopRequested();
    void deviceKindChanged();

private:
    void browse(QLineEdit* edit, const QString& title, const QString& filter);

    std::vector<protocol::TypeLevel> m_initialProtections;
    QComboBox* m_deviceKind = nullptr;
    QComboBox* m_scenario = nullptr;
    QLineEdit* m_faults = nullptr;
    QComboBox* m_connector = nullptr;
    QComboBox* m_emulatorInterface = nullptr;
    QLineEdit* m_agentCommand = nullptr;
    QLineEdit* m_hardware = nullptr;
    QLineEdit* m_replayPath = nullptr;
    QLineEdit* m_trustRoot = nullptr;
    QLineEdit* m_crl = nullptr;
    QLineEdit* m_trustAnchor = nullptr;
    QSpinBox* m_pollMs = nullptr;
    QCheckBox* m_protectHdcp = nullptr;
    QCheckBox* m_reveal = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
};

} // namespace copp::ui
