// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/evidencesummary.h>

#include <core/session/protectionstate.h>

#include <algorithm>

namespace copp::session {

namespace {

using State = ProtectionInterval::State;

// One requested type while the events are walked.
struct Tracker {
    TypeProtection out;
    qint64 requestAtMs = 0;
    bool reachedSinceRequest = false;
    bool polledSinceRequest = false;
    std::optional<quint32> lastLevel;
    bool everProtected = false;

    State state() const { return out.intervals.back().state; }

    void set(qint64 t, State state, std::optional<quint32> level)
    {
        ProtectionInterval& open = out.intervals.back();
        if (open.state == state && open.level == level)
            return;
        if (open.state == State::Protected && (state == State::Unprotected || state == State::Unknown))
            ++out.unprotectedCount;
        everProtected = everProtected || state == State::Protected;
        t = std::max(t, open.fromMs);
        if (t == open.fromMs) { // nothing happened in the open interval yet: it becomes the new state
            open.state = state;
            open.level = level;
            return;
        }
        open.toMs = t;
        out.intervals.push_back({t, t, state, level});
    }

    // §3.1 "pending ... until the engage grace has passed": then what the polls said.
    void passGrace(qint64 t)
    {
        const qint64 graceEnd = requestAtMs + ProtectionState::kEngageGraceMs;
        if (state() == State::Pending && !reachedSinceRequest && t >= graceEnd)
            set(graceEnd, polledSinceRequest ? State::Unprotected : State::Unknown, lastLevel);
    }

    bool reaches(quint32 level) const
    {
        return protocol::levelPrecedence(out.type, level) >= protocol::levelPrecedence(out.type, out.requested);
    }
};

Tracker* find(std::vector<Tracker>& trackers, quint32 type)
{
    for (Tracker& t : trackers)
        if (t.out.type == type)
            return &t;
    return nullptr;
}

} // namespace

QString stateId(ProtectionInterval::State state)
{
    switch (state) {
    case State::Pending: return QStringLiteral("pending");
    case State::Protected: return QStringLiteral("protected");
    case State::Unprotected: return QStringLiteral("unprotected");
    case State::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString verdictId(EvidenceSummary::Verdict verdict)
{
    switch (verdict) {
    case EvidenceSummary::Verdict::Protected: return QStringLiteral("protected");
    case EvidenceSummary::Verdict::ProtectionLost: return QStringLiteral("protection_lost");
    case EvidenceSummary::Verdict::NotProtected: return QStringLiteral("not_protected");
    case EvidenceSummary::Verdict::NotRequested: return QStringLiteral("not_requested");
    case EvidenceSummary::Verdict::NoSession: break;
    }
    return QStringLiteral("no_session");
}

EvidenceSummary EvidenceSummary::fromEvents(const std::vector<SessionEvent>& events, qint64 endedMs)
{
    EvidenceSummary s;
    s.endedMs = std::max<qint64>(0, endedMs);
    bool started = false;
    std::vector<Tracker> trackers;
    for (const SessionEvent& e : events) {
        const qint64 t = std::clamp<qint64>(e.tMs, 0, s.endedMs);
        for (Tracker& tr : trackers)
            tr.passGrace(t);
        if (e.is<SessionStartedEvent>()) {
            started = true;
        } else if (const auto* chain = e.as<ChainEvent>()) {
            s.chainSeen = true;
            s.chainValid = chain->valid;
            s.firstFailure = chain->firstFailure;
        } else if (const auto* c = e.as<CommandEvent>();
                   c && c->ok && c->command == CommandEvent::Command::SetProtectionLevel) {
            Tracker* tr = find(trackers, c->type);
            if (!tr) { // pending from 0 (§3.1), in the order the types were requested
                trackers.push_back({});
                tr = &trackers.back();
                tr->out.type = c->type;
                tr->out.intervals.push_back({0, 0, State::Pending, std::nullopt});
            }
            tr->out.requested = c->level;
            tr->requestAtMs = t;
            tr->reachedSinceRequest = false;
            tr->polledSinceRequest = false;
            if (tr->lastLevel && tr->reaches(*tr->lastLevel))
                tr->set(t, State::Protected, tr->lastLevel);
            else
                tr->set(t, State::Pending, tr->lastLevel);
        } else if (const auto* r = e.as<StatusEvent>()) {
            if (r->request == protocol::StatusRequest::ConnectorType && r->believed() && s.connector.isEmpty())
                s.connector = r->fields.connector.toLower();
            Tracker* tr = r->request == protocol::StatusRequest::GlobalLevel && r->type ? find(trackers, *r->type) : nullptr;
            if (!tr)
                continue;
            if (!r->believed() || !r->fields.value) { // §3.1 unknown: no answer, or a failed check
                tr->set(t, State::Unknown, std::nullopt);
                continue;
            }
            const quint32 level = *r->fields.value;
            tr->lastLevel = level;
            tr->polledSinceRequest = true;
            if (tr->reaches(level)) {
                tr->reachedSinceRequest = true;
                tr->set(t, State::Protected, level);
            } else if (tr->state() == State::Pending && !tr->reachedSinceRequest
                       && t - tr->requestAtMs < ProtectionState::kEngageGraceMs) {
                tr->set(t, State::Pending, level); // still engaging
            } else {
                tr->set(t, State::Unprotected, level);
            }
        } else if (const auto* a = e.as<AlertEvent>()) {
            for (Tracker& tr : trackers) {
                if (a->kind == AlertKind::LinkLost && tr.state() == State::Protected)
                    tr.set(t, State::Unprotected, tr.lastLevel); // §3.1: "or the link is lost"
                else if (a->kind == AlertKind::Timeout)
                    tr.set(t, State::Unknown, std::nullopt); // the device no longer answers
            }
        }
    }
    for (Tracker& tr : trackers) {
        tr.passGrace(s.endedMs);
        tr.out.intervals.back().toMs = s.endedMs;
        for (const ProtectionInterval& i : tr.out.intervals)
            if (i.state == State::Unprotected)
                tr.out.unprotectedMs += i.toMs - i.fromMs;
        s.types.push_back(std::move(tr.out));
    }

    const auto any = [&](State state) {
        return std::any_of(s.types.begin(), s.types.end(), [&](const TypeProtection& t) {
            return std::any_of(t.intervals.begin(), t.intervals.end(), [&](const ProtectionInterval& i) { return i.state == state; });
        });
    };
    const bool allReached = std::all_of(trackers.begin(), trackers.end(), [](const Tracker& t) { return t.everProtected; });
    if (!started)
        s.verdict = Verdict::NoSession;
    else if (s.types.empty())
        s.verdict = Verdict::NotRequested;
    else if (!allReached)
        s.verdict = Verdict::NotProtected;
    else if (any(State::Unprotected) || any(State::Unknown))
        s.verdict = Verdict::ProtectionLost;
    else
        s.verdict = Verdict::Protected;
    return s;
}

qint64 EvidenceSummary::totalUnprotectedMs() const
{
    qint64 total = 0;
    for (const TypeProtection& t : types)
        total = std::max(total, t.unprotectedMs); // the output was unprotected while any type was: the longest
    return total;
}

qint64 EvidenceSummary::timesLost() const
{
    qint64 n = 0;
    for (const TypeProtection& t : types)
        n = std::max(n, t.unprotectedCount);
    return n;
}

} // namespace copp::session
