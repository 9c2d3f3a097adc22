// SPDX-License-Identifier: BSD-3-Clause
#include <core/models/protectionhistory.h>

#include <core/kernel/protocol/constants.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace copp::models {

namespace {

constexpr qsizetype kMaxDetailChars = 512; // a hostile device must not grow us through details
constexpr qsizetype kMaxIdChars = 64;
constexpr int kSlicesPerCap = 16; // the merged part: cap/16 time slices of at most 4 points

// Heap bytes of a string's buffer, counted whether shared or not (0 for
// literals, which own no heap).
qsizetype heapBytes(const QString& s)
{
    return s.capacity() > 0 ? 16 + (s.capacity() + 1) * qsizetype(sizeof(QChar)) : 0;
}

struct AlertKindId {
    QString id; // a literal: every marker shares it for free
    MarkerKind kind;
};
// Alert kinds of docs/cli.md#session and the marker they become.
const AlertKindId kAlertKinds[] = {
    {QStringLiteral("link_lost"), MarkerKind::LinkLost},
    {QStringLiteral("renegotiation_required"), MarkerKind::RenegotiationRequired},
    {QStringLiteral("connector_changed"), MarkerKind::ConnectorChanged},
    {QStringLiteral("level_drop"), MarkerKind::LevelDrop},
    {QStringLiteral("mac_mismatch"), MarkerKind::ReplyRejected},
    {QStringLiteral("random_mismatch"), MarkerKind::ReplyRejected},
    {QStringLiteral("size_mismatch"), MarkerKind::ReplyRejected},
    {QStringLiteral("device_error"), MarkerKind::OtherAlert},
    {QStringLiteral("timeout"), MarkerKind::OtherAlert},
    {QStringLiteral("chain_invalid"), MarkerKind::OtherAlert},
};

bool earlier(qint64 t, const StepPoint& p) { return t < p.tMs; }

// Appends the first, lowest, highest and last point of [begin, end) in time
// order; with dropRepeats, not a point that repeats the previous value (no
// step there, so storing it would only cost memory).
template <typename It, typename Out>
void appendExtremes(It begin, It end, Out& out, bool dropRepeats)
{
    if (begin == end)
        return;
    It lo = begin, hi = begin;
    for (It it = begin; it != end; ++it) {
        if (it->value < lo->value)
            lo = it;
        if (it->value > hi->value)
            hi = it;
    }
    It picks[] = {begin, lo, hi, std::prev(end)};
    std::sort(std::begin(picks), std::end(picks));
    It previous = end;
    for (It pick : picks) {
        if (pick == previous)
            continue;
        previous = pick;
        if (dropRepeats && !out.empty() && out.back().value == pick->value)
            continue;
        out.push_back(*pick);
    }
}

} // namespace

ProtectionHistory::ProtectionHistory(QObject* parent) : QObject(parent) {}

const QStringList& ProtectionHistory::knownTypes()
{
    static const QStringList types{QStringLiteral("hdcp"), QStringLiteral("acp"), QStringLiteral("cgmsa"),
                                   QStringLiteral("dpcp")};
    return types;
}

int ProtectionHistory::typeIndex(const QString& type)
{
    return static_cast<int>(knownTypes().indexOf(type));
}

const ProtectionHistory::Series* ProtectionHistory::series(const QString& type, SeriesKind kind) const
{
    const int t = typeIndex(type);
    if (t < 0)
        return nullptr;
    const Series& s = m_series[static_cast<std::size_t>(t)][static_cast<std::size_t>(kind)];
    return s.points.empty() ? nullptr : &s;
}

void ProtectionHistory::touch(qint64 tMs)
{
    m_firstMs = m_firstMs < 0 ? tMs : std::min(m_firstMs, tMs);
    m_lastMs = std::max(m_lastMs, tMs);
}

void ProtectionHistory::addEvent(const session::SessionEvent& event)
{
    const qint64 t = event.tMs;
    if (t < 0)
        return;
    if (const auto* status = event.as<session::StatusEvent>()) {
        handleStatus(*status, t); // emits changed() itself
        return;
    }
    if (const auto* command = event.as<session::CommandEvent>();
        command && command->command == session::CommandEvent::Command::SetProtectionLevel) {
        const QString type = QLatin1String(protocol::protectionTypeName(command->type));
        if (command->ok) {
            addLevel(type, SeriesKind::Requested, t, command->level);
            return;
        }
        // docs/session-workspace.md: a refused request is a marker on its lane.
        addMarker(t, MarkerKind::CommandRefused, QStringLiteral("command_refused"),
                  tr("%1 level %2 refused with HRESULT %3")
                      .arg(type.toUpper())
                      .arg(command->level)
                      .arg(QString::fromStdString(protocol::hresultText(command->hresult))),
                  type);
        return;
    }
    if (const auto* alert = event.as<session::AlertEvent>()) {
        const QString id = QLatin1String(session::alertId(alert->kind));
        MarkerKind kind = MarkerKind::OtherAlert;
        QString shared = id;
        for (const auto& known : kAlertKinds)
            if (id == known.id) {
                kind = known.kind;
                shared = known.id; // a literal: every marker shares it for free
            }
        addMarker(t, kind, shared, alert->detail);
        return;
    }
    // Any other event still moves time on (the requested lines reach it).
    touch(t);
    emit changed();
}

void ProtectionHistory::handleStatus(const session::StatusEvent& status, qint64 tMs)
{
    const QString type = status.type ? QLatin1String(protocol::protectionTypeName(*status.type)) : QString();
    auto what = [&] { // "hdcp local-level", only for markers
        const QString r = status.requestName.left(kMaxIdChars);
        return type.isEmpty() ? r : type + QLatin1Char(' ') + r;
    };
    if (!status.ok) {
        addMarker(tMs, MarkerKind::ReplyRejected, QStringLiteral("status_rejected"),
                  tr("%1: the call failed with HRESULT 0x%2").arg(what()).arg(status.hresult, 8, 16, QLatin1Char('0')));
        return;
    }
    // Believed only when every check of §7.2 passed.
    if (!status.believed()) {
        QStringList failed;
        if (!status.checks.mac)
            failed << QStringLiteral("mac");
        if (!status.checks.size)
            failed << QStringLiteral("size");
        if (!status.checks.random)
            failed << QStringLiteral("random");
        addMarker(tMs, MarkerKind::ReplyRejected, QStringLiteral("status_rejected"),
                  tr("%1: the reply failed the %2 check, not believed").arg(what(), failed.join(QStringLiteral(", "))));
        return;
    }
    if (status.request == protocol::StatusRequest::ProtectionType && status.fields.value) {
        setAvailableTypes(*status.fields.value);
        touch(tMs);
        return;
    }
    const bool local = status.request == protocol::StatusRequest::LocalLevel;
    if ((local || status.request == protocol::StatusRequest::GlobalLevel) && status.fields.value) {
        addLevel(type, local ? SeriesKind::Local : SeriesKind::Global, tMs, *status.fields.value);
        return;
    }
    touch(tMs);
    emit changed();
}

void ProtectionHistory::addLevel(const QString& type, SeriesKind kind, qint64 tMs, quint32 value)
{
    const int t = typeIndex(type);
    if (tMs < 0)
        return;
    if (t < 0) { // not a COPP type: only time moves on
        touch(tMs);
        emit changed();
        return;
    }
    Series& s = m_series[static_cast<std::size_t>(t)][static_cast<std::size_t>(kind)];
    tMs = std::max(tMs, s.confirmedMs); // keep the series ordered
    if (s.points.empty() || s.points.back().value != value) {
        // Grow to the cap and no further, so capacity never doubles past it.
        if (s.points.size() == s.points.capacity())
            s.points.reserve(std::min<std::size_t>(std::max<std::size_t>(16, s.points.capacity() * 2),
                                                   static_cast<std::size_t>(m_maxPoints) + 1));
        s.points.push_back({tMs, value});
        while (s.points.size() > static_cast<std::size_t>(m_maxPoints))
            compact(s);
    }
    s.confirmedMs = tMs;
    touch(tMs);
    emit changed();
}

// Re-merges the oldest half (earlier merges included) into cap/16 equal time
// slices of at most 4 points (first/min/max/last): at least a quarter of the
// points go, the newest half is untouched, and the merged past keeps one
// resolution throughout instead of the oldest hours being merged again and again.
void ProtectionHistory::compact(Series& s)
{
    auto& pts = s.points;
    const auto half = static_cast<std::ptrdiff_t>(pts.size() / 2);
    const qint64 t0 = pts.front().tMs;
    const qint64 slices = std::max(1, m_maxPoints / kSlicesPerCap);
    const qint64 width = (pts[std::size_t(half)].tMs - t0) / slices + 1;
    std::vector<StepPoint> merged;
    merged.reserve(std::size_t(4 * slices));
    for (auto it = pts.begin(), end = pts.begin() + half; it != end;) {
        const qint64 sliceEnd = t0 + ((it->tMs - t0) / width + 1) * width;
        const auto next = std::find_if(it, end, [&](const StepPoint& p) { return p.tMs >= sliceEnd; });
        appendExtremes(it, next, merged, true);
        it = next;
    }
    s.approximatedBeforeMs = pts[std::size_t(half)].tMs;
    pts.erase(std::copy(merged.begin(), merged.end(), pts.begin()), pts.begin() + half);
}

void ProtectionHistory::addMarker(qint64 tMs, MarkerKind kind, const QString& id, const QString& detail,
                                  const QString& type)
{
    if (tMs < 0)
        return;
    Marker m;
    m.tMs = m_markers.empty() ? tMs : std::max(tMs, m_markers.back().tMs);
    m.kind = kind;
    m.id = id.left(kMaxIdChars);
    m.detail = detail.left(kMaxDetailChars);
    m.detail.squeeze();
    if (typeIndex(type) >= 0)
        m.type = knownTypes().at(typeIndex(type)); // shares the literal's buffer
    m_markerTextBytes += heapBytes(m.id) + heapBytes(m.detail);
    m_markers.push_back(std::move(m));
    while (m_markers.size() > static_cast<std::size_t>(m_maxMarkers)) {
        m_markerTextBytes -= heapBytes(m_markers.front().id) + heapBytes(m_markers.front().detail);
        m_markers.pop_front();
        ++m_droppedMarkers;
    }
    touch(tMs);
    emit changed();
}

void ProtectionHistory::setAvailableTypes(std::optional<quint32> mask)
{
    if (m_availableTypes == mask)
        return;
    m_availableTypes = mask;
    emit changed();
}

bool ProtectionHistory::isTypeAvailable(const QString& type) const
{
    if (!m_availableTypes)
        return true;
    const auto bit = typeIndex(type) >= 0 ? protocol::protectionTypeFromName(type.toStdString()) : std::nullopt;
    return bit && (*m_availableTypes & *bit) != 0;
}

void ProtectionHistory::clear()
{
    m_availableTypes.reset();
    for (auto& kinds : m_series)
        for (auto& s : kinds)
            s = Series{};
    m_markers = {};
    m_firstMs = m_lastMs = -1;
    m_droppedMarkers = 0;
    m_markerTextBytes = 0;
    emit changed();
}

QStringList ProtectionHistory::types() const
{
    QStringList out;
    for (int t = 0; t < kTypeCount; ++t)
        for (const auto& s : m_series[static_cast<std::size_t>(t)])
            if (!s.points.empty()) {
                out.append(knownTypes().at(t));
                break;
            }
    return out;
}

bool ProtectionHistory::hasSeries(const QString& type, SeriesKind kind) const
{
    return series(type, kind) != nullptr;
}

QList<StepPoint> ProtectionHistory::points(const QString& type, SeriesKind kind, qint64 fromMs, qint64 toMs,
                                           int maxPoints) const
{
    const Series* s = series(type, kind);
    if (!s)
        return {};
    const auto& pts = s->points;
    // A command stays in effect; a polled level only as far as it was seen.
    const qint64 end = kind == SeriesKind::Requested ? std::max(m_lastMs, s->confirmedMs) : s->confirmedMs;
    const qint64 a = std::max(fromMs, pts.front().tMs);
    const qint64 b = std::min(toMs, end);
    if (a > b)
        return {};
    // The point in effect at a, then the changes in (a, b].
    const auto first = std::upper_bound(pts.begin(), pts.end(), a, earlier);
    const auto last = std::upper_bound(first, pts.end(), b, earlier);
    QList<StepPoint> out;
    out.append({a, std::prev(first)->value});
    const int budget = std::max(maxPoints, 4) - 2; // the opening and closing points
    if (last - first <= budget) {
        for (auto it = first; it != last; ++it)
            out.append(*it);
    } else {
        const int buckets = std::max(1, budget / 4);
        const double width = double(b - a) / buckets;
        for (auto it = first; it != last;) {
            const auto bucket = static_cast<qint64>((it->tMs - a - 1) / width); // bucket of the next point
            const qint64 bucketEnd =
                bucket + 1 >= buckets ? b : a + static_cast<qint64>(std::ceil(width * double(bucket + 1)));
            const auto next = std::upper_bound(it, last, bucketEnd, earlier);
            appendExtremes(it, next, out, false);
            it = next;
        }
    }
    if (out.last().tMs < b)
        out.append({b, out.last().value});
    return out;
}

std::optional<quint32> ProtectionHistory::valueAt(const QString& type, SeriesKind kind, qint64 tMs) const
{
    const Series* s = series(type, kind);
    if (!s)
        return std::nullopt;
    const qint64 end = kind == SeriesKind::Requested ? std::max(m_lastMs, s->confirmedMs) : s->confirmedMs;
    if (tMs < s->points.front().tMs || tMs > end)
        return std::nullopt;
    return std::prev(std::upper_bound(s->points.begin(), s->points.end(), tMs, earlier))->value;
}

qint64 ProtectionHistory::lastConfirmedMs(const QString& type, SeriesKind kind) const
{
    const Series* s = series(type, kind);
    return s ? s->confirmedMs : -1;
}

qsizetype ProtectionHistory::storedPointCount(const QString& type, SeriesKind kind) const
{
    const Series* s = series(type, kind);
    return s ? static_cast<qsizetype>(s->points.size()) : 0;
}

qint64 ProtectionHistory::approximatedBeforeMs(const QString& type, SeriesKind kind) const
{
    const Series* s = series(type, kind);
    return s ? s->approximatedBeforeMs : -1;
}

QList<Marker> ProtectionHistory::markers(qint64 fromMs, qint64 toMs, qsizetype maxCount) const
{
    const auto begin = std::lower_bound(m_markers.begin(), m_markers.end(), fromMs,
                                        [](const Marker& m, qint64 t) { return m.tMs < t; });
    QList<Marker> out;
    for (auto it = begin; it != m_markers.end() && it->tMs <= toMs; ++it) {
        if (maxCount >= 0 && out.size() >= maxCount)
            break;
        out.append(*it);
    }
    return out;
}

QList<Marker> ProtectionHistory::thinnedMarkers(qint64 fromMs, qint64 toMs, qint64 bucketMs, qsizetype* inWindow) const
{
    const auto byTime = [](const Marker& m, qint64 t) { return m.tMs < t; };
    const auto begin = std::lower_bound(m_markers.begin(), m_markers.end(), fromMs, byTime);
    const auto end = std::lower_bound(begin, m_markers.end(), toMs + 1, byTime);
    if (inWindow)
        *inWindow = static_cast<qsizetype>(end - begin);
    bucketMs = std::max<qint64>(bucketMs, 1);
    std::array<qint64, kMarkerKindCount> lastSlot;
    lastSlot.fill(-1);
    QList<Marker> out;
    for (auto it = begin; it != end; ++it) {
        qint64& last = lastSlot[static_cast<std::size_t>(it->kind)];
        const qint64 slot = (it->tMs - fromMs) / bucketMs;
        if (slot != last) {
            last = slot;
            out.append(*it);
        }
    }
    return out;
}

qsizetype ProtectionHistory::approximateMemoryBytes() const
{
    qsizetype bytes = sizeof(*this);
    for (const auto& kinds : m_series)
        for (const auto& s : kinds)
            bytes += static_cast<qsizetype>(s.points.capacity() * sizeof(StepPoint));
    // std::deque keeps its elements in blocks plus a small map.
    bytes += static_cast<qsizetype>(m_markers.size() * sizeof(Marker)) + 512 + m_markerTextBytes;
    return bytes;
}

void ProtectionHistory::setMaxPointsPerSeries(int points)
{
    m_maxPoints = std::max(points, 64);
}

void ProtectionHistory::setMaxMarkers(int markers)
{
    m_maxMarkers = std::max(markers, 1);
    while (m_markers.size() > static_cast<std::size_t>(m_maxMarkers)) {
        m_markerTextBytes -= heapBytes(m_markers.front().id) + heapBytes(m_markers.front().detail);
        m_markers.pop_front();
        ++m_droppedMarkers;
    }
}

} // namespace copp::models
