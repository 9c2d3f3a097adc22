// SPDX-License-Identifier: BSD-3-Clause
// The one place session events meet JSON (docs/cli.md#session): the shapes
// `coppscope-cli session --json` prints and transcripts keep. Nothing else
// reads an event by key.
#pragma once

#include <core/session/sessionevent.h>

#include <core/kernel/result.h>

namespace copp::session {

// The event as the contract writes it, with "event" and "t_ms" (no calls).
QJsonObject toJson(const SessionEvent& event);

// Reads a contract event back (a transcript's events, a replay). Keys the
// contract does not define are ignored; a missing or mistyped one, or an
// unknown event name, is a Malformed error naming it.
Result<SessionEvent> sessionEventFromJson(const QJsonObject& json);

} // namespace copp::session
