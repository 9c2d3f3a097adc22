// SPDX-License-Identifier: BSD-3-Clause
// "Is this output protected?" in one honest answer per protection type the
// session asked for, from the session's events: protected when the global
// level (what the connector really carries, across all sessions) has reached
// the requested level in an authenticated reply; not protected when it is
// below; unknown until an authenticated reply says either. Used by the session
// panel's status line and the presenter view.
#pragma once

#include <core/session/sessionevent.h>

#include <optional>
#include <QString>
#include <QStringList>

#include <map>

namespace copp::session {

class ProtectionState {
public:
    enum class Verdict { Unknown, Protected, NotProtected };
    struct TypeState {
        int requested = -1; // -1: not asked for
        int local = -1;
        int global = -1;
        Verdict verdict = Verdict::Unknown;
        qint64 requestedAtMs = 0;
        bool reachedSinceRequest = false;
    };

    // A new request is "not confirmed yet", not "not protected", this long
    // (HDCP takes time to engage; the engine's level_drop grace).
    static constexpr qint64 kEngageGraceMs = 2000;

    void addEvent(const SessionEvent& event);
    void clear() { *this = ProtectionState(); }

    // The overall verdict: NotProtected if any requested type is not, Protected
    // when every requested type is, otherwise Unknown.
    Verdict verdict() const;
    const std::map<QString, TypeState>& types() const { return m_types; }
    QString connector() const { return m_connector; }
    // The protection-type reply's mask (COPP bits), once an authenticated one came.
    std::optional<quint32> availableTypes() const { return m_availableTypes; }
    bool running() const { return m_running; }
    bool ended() const { return m_ended; } // an `end` event came: the state is the session's last

    // One plain-language line per output, e.g. "HDMI output: PROTECTED — HDCP on".
    QString sentence() const;
    static QString typeText(const QString& type, int level);
    // "HDCP", "ACP", "CGMS-A", "DPCP" (the type's name as people write it).
    static QString typeName(const QString& type);

private:
    static void judge(const QString& type, TypeState& state, qint64 nowMs);
    std::map<QString, TypeState> m_types; // "hdcp" -> state
    QString m_connector;
    std::optional<quint32> m_availableTypes;
    bool m_running = false;
    bool m_ended = false;
};

} // namespace copp::session
