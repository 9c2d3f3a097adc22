// SPDX-License-Identifier: BSD-3-Clause
// The session panel's handshake timeline: the steps of a session's start as a
// tree (① key exchange, ② chain validation with its rules, ③ session start,
// ④ the first reply's checks, or where it stopped), the session key on request
// (only when the session revealed it), and the button that opens the device's
// certificate chain in the inspector.
#pragma once

#include <QByteArray>
#include <QWidget>

class QCheckBox;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace copp::session {
class SessionEvent;
}

namespace copp::ui {

class HandshakeTimeline : public QWidget {
    Q_OBJECT
public:
    explicit HandshakeTimeline(QWidget* parent = nullptr);

    // Adds the step an event is (most events are none).
    void addStep(const session::SessionEvent& event);
    // A new session: no steps, no key, no chain.
    void clear();

signals:
    // "Inspect the chain": the chain the device sent, bytes as received.
    void inspectRequested(const QByteArray& chain);

private:
    QTreeWidget* m_timeline = nullptr;
    QCheckBox* m_showKey = nullptr;
    QPushButton* m_inspect = nullptr; // enabled once the device sent a chain
    QTreeWidgetItem* m_keyItem = nullptr;
    QByteArray m_chainBytes;
    QString m_sessionKeyHex;
    bool m_sessionStarted = false;  // the timeline has its session-start step
    bool m_firstReplyShown = false; // ... and its first reply
};

} // namespace copp::ui
