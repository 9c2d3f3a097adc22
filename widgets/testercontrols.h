// SPDX-License-Identifier: BSD-3-Clause
// The session panel's tester controls (docs/session-workspace.md "Tester
// controls"): a row per protection type (HDCP and DPCP on / off, ACP and
// CGMS-A levels, CGMS-A's redistribution control) saying what the session
// asked for and enabled only where the output offers the type; SetSignaling;
// any status query. Commands go to the session through its controller.
#pragma once

#include <QGroupBox>

#include <array>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;

namespace copp::session {
class ProtectionState;
class SessionController;
}

namespace copp::ui {

class TesterControls : public QGroupBox {
    Q_OBJECT
public:
    TesterControls(session::SessionController* controller, QWidget* parent = nullptr);

    // Enabled while a session runs; each type's row follows the session's
    // state (offered or not, what was requested). Cheap when nothing changed.
    void showState(const session::ProtectionState& protection, bool running);
    // A new session: the rows are redone at the next showState().
    void reset();

private:
    // The rows are in ProtectionHistory::knownTypes() order (hdcp, acp, cgmsa, dpcp).
    enum TypeIndex { kHdcp, kAcp, kCgmsa, kDpcp, kTypeCount };
    struct TypeControls {
        QLabel* label = nullptr;
        QLabel* requested = nullptr; // "Requested: ACP level 2"
        QWidget* container = nullptr;
        std::vector<QWidget*> inputs;
    };

    session::SessionController* m_controller;
    std::array<TypeControls, kTypeCount> m_typeControls;
    QComboBox* m_acpLevel = nullptr;
    QComboBox* m_cgmsaLevel = nullptr;
    QCheckBox* m_cgmsaRedistribution = nullptr;
    QComboBox* m_signalingStandard = nullptr;
    QComboBox* m_queryRequest = nullptr;
    QComboBox* m_queryType = nullptr;
    QString m_controlsShown; // what the rows show, to skip redoing them
};

} // namespace copp::ui
