// SPDX-License-Identifier: BSD-3-Clause
// The Codec Merit page (docs/cli.md#merit): the GUI
// twin of `coppscope-cli merit`. Choose a device (the built-in codec emulator
// with its CLSID and merit, or a device agent command), the CLSID sent as the
// verifier, the expected merit and optionally an X.509 trust anchor; Run opens
// the device and runs verifyCodecMerit on a worker thread (an agent may take
// up to its call deadline), then shows the verdict, every check and the
// certificate verdict. Verdicts are words and a symbol, colour only adds.
#pragma once

#include <core/session/codecmerit.h>

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QThread;

namespace copp::ui {

class MeritPanel : public QWidget {
    Q_OBJECT
public:
    enum class DeviceKind { Emulator, Agent };

    explicit MeritPanel(QWidget* parent = nullptr);
    ~MeritPanel() override; // waits for a run in progress (bounded by the call deadline)

    // The form, for the menu, the command line and tests.
    void setDeviceKind(DeviceKind kind);
    DeviceKind deviceKind() const;
    void setClsid(const QString& clsid);
    void setExpectedMerit(int merit);
    void setEmulatorMerit(int merit);
    void setEmulatorClsid(const QString& clsid); // empty: the CLSID requested
    void setAgentCommand(const QString& command);
    void setTrustAnchorPath(const QString& path);

    // Starts a run; false (and the reason shown in the verdict line) when the
    // form is not valid or a run is already going.
    bool run();
    bool isRunning() const;

    QString verdictText() const;
    QString certificateVerdictText() const;
    // The last completed run (default: none yet); valid only when hasResult().
    bool hasResult() const { return m_hasResult; }
    const session::MeritResult& result() const { return m_result; }
    QTableWidget* checksView() const { return m_checks; }

signals:
    void runningChanged(bool running);
    // A run ended (result shown) or could not start the device (error shown).
    void finished();

private:
    struct RunOutcome;
    void updateKind();
    void setVerdict(const QString& text, bool good);
    void showOutcome(const RunOutcome& outcome);
    void clearResult();

    QComboBox* m_deviceKind = nullptr;
    QLineEdit* m_emulatorClsid = nullptr;
    QSpinBox* m_emulatorMerit = nullptr;
    QLineEdit* m_agentCommand = nullptr;
    QSpinBox* m_callTimeout = nullptr;
    QLineEdit* m_clsid = nullptr;
    QSpinBox* m_expected = nullptr;
    QLineEdit* m_trustAnchor = nullptr;
    QPushButton* m_browse = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_verdict = nullptr;
    QLabel* m_certificate = nullptr;
    QTableWidget* m_checks = nullptr;
    QPlainTextEdit* m_log = nullptr;

    QThread* m_thread = nullptr;
    bool m_hasResult = false;
    session::MeritResult m_result;
};

} // namespace copp::ui
