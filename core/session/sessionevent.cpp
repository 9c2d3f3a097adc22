// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/sessionevent.h>

namespace copp::session {

namespace {

template <typename... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <typename... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

} // namespace

QString SessionEvent::name() const
{
    return std::visit(Overloaded{
                          [](const KeyExchangeEvent&) { return QStringLiteral("key_exchange"); },
                          [](const ChainEvent&) { return QStringLiteral("chain"); },
                          [](const SessionStartedEvent&) { return QStringLiteral("session_started"); },
                          [](const CommandEvent&) { return QStringLiteral("command"); },
                          [](const StatusEvent&) { return QStringLiteral("status"); },
                          [](const AlertEvent&) { return QStringLiteral("alert"); },
                          [](const ErrorEvent&) { return QStringLiteral("error"); },
                          [](const ReplayEvent&) { return QStringLiteral("replay"); },
                          [](const EndEvent&) { return QStringLiteral("end"); },
                      },
                      data);
}

bool SessionEvent::isProblem() const
{
    return std::visit(Overloaded{
                          [](const ChainEvent& c) { return !c.valid; },
                          [](const CommandEvent& c) { return !c.ok; },
                          [](const StatusEvent& s) { return !s.believed(); },
                          [](const AlertEvent&) { return true; },
                          [](const ErrorEvent&) { return true; },
                          [](const ReplayEvent& r) { return !r.complete || !r.eventsMatch; },
                          [](const auto&) { return false; },
                      },
                      data);
}

SessionEvent SessionEvent::withoutCalls() const
{
    SessionEvent e{tMs, data, {}};
    return e;
}

SessionEvent endEvent(qint64 tMs, const QString& reason, bool started, int alerts, int statusCalls, int commands)
{
    return SessionEvent{tMs, EndEvent{reason, started, alerts, statusCalls, commands}, {}};
}

} // namespace copp::session
