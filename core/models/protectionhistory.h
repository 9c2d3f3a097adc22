// SPDX-License-Identifier: BSD-3-Clause
// The protection levels of a session over time, fed with the session engine's
// typed events (sessionevent.h), kept small enough for hours of polling
// and queried by the chart in decimated windows. Data only: no colours, no text
// beyond the details of markers.
//
// Per protection type ("hdcp", "acp", "cgmsa", "dpcp") three step series:
//   Requested  from successful set_protection_level commands,
//   Local      from local-level status replies that are ok and pass every check,
//   Global     from global-level status replies, likewise.
// A reply that failed or failed a check is never a level (nothing in it is
// believed); it becomes a ReplyRejected marker instead. Alerts become markers.
//
// Memory: a series stores change points only (a point when the value changes)
// and the time it was last confirmed. At most maxPointsPerSeries() points are
// kept per series (default 65,536, 16 bytes each, so about 1 MB per series and
// 12.6 MB for all twelve); when a series exceeds it, its oldest half is merged
// into cap/16 equal time slices that keep their first, lowest, highest and
// last point. The newest half always stays exact, the merged past has one
// (coarser) resolution throughout, and its extremes stay visible.
// approximatedBeforeMs() tells where the merged part ends. Markers are capped at maxMarkers() (default
// 20,000); beyond it the oldest are dropped and counted in droppedMarkerCount().
// Times are the events' t_ms; a time earlier than the newest of its series is
// taken as that newest time, so every series stays ordered.
#pragma once

#include <core/session/sessionevent.h>

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <array>
#include <deque>
#include <optional>
#include <vector>

namespace copp::models {

enum class SeriesKind { Requested, Local, Global };

// One step: the series has `value` from tMs until the next point.
struct StepPoint {
    qint64 tMs = 0;
    quint32 value = 0;
    friend bool operator==(const StepPoint&, const StepPoint&) = default;
};

enum class MarkerKind {
    LinkLost,              // alert link_lost
    RenegotiationRequired, // alert renegotiation_required
    ConnectorChanged,      // alert connector_changed
    LevelDrop,             // alert level_drop
    ReplyRejected,         // a status reply not believed, or mac/random/size_mismatch
    OtherAlert,            // device_error, timeout, chain_invalid, anything else
    CommandRefused,        // a set_protection_level the device refused (drawn on its type's lane)
};
inline constexpr int kMarkerKindCount = 7;

struct Marker {
    qint64 tMs = 0;
    MarkerKind kind = MarkerKind::OtherAlert;
    QString id;     // the alert kind ("link_lost", ...), "status_rejected" or "command_refused"
    QString type;   // the protection type whose lane it belongs on ("acp"); empty: the alerts lane
    QString detail; // as the engine wrote it (English), at most 512 characters
};

class ProtectionHistory : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultMaxPointsPerSeries = 65536;
    static constexpr int kDefaultMaxMarkers = 20000;

    explicit ProtectionHistory(QObject* parent = nullptr);

    // The four types in display order: "hdcp", "acp", "cgmsa", "dpcp".
    static const QStringList& knownTypes();

    // One engine event (any kind; those without levels or alerts are ignored).
    void addEvent(const session::SessionEvent& event);
    // The typed paths addEvent uses (a ProtectionSample or Alert signal can
    // feed these directly). Unknown types are ignored.
    void addLevel(const QString& type, SeriesKind kind, qint64 tMs, quint32 value);
    void addMarker(qint64 tMs, MarkerKind kind, const QString& id, const QString& detail,
                   const QString& type = QString());
    // The protection types the output offers (the protection-type status
    // reply: COPP bits, hdcp 0x01, acp 0x02, cgmsa 0x04, dpcp 0x10); nothing
    // until the device said. A type it does not offer is drawn as such, not as level 0.
    void setAvailableTypes(std::optional<quint32> mask);
    std::optional<quint32> availableTypes() const { return m_availableTypes; }
    bool isTypeAvailable(const QString& type) const; // true while the device has not said
    void clear();

    bool isEmpty() const { return m_firstMs < 0; }
    qint64 firstMs() const { return m_firstMs; } // -1 when empty
    qint64 lastMs() const { return m_lastMs; }   // newest time of any event, -1 when empty
    // The types with at least one point, in knownTypes() order.
    QStringList types() const;
    bool hasSeries(const QString& type, SeriesKind kind) const;

    // The steps of one series within [fromMs, toMs], at most maxPoints (>= 4)
    // points: the value in effect at fromMs (as a point at fromMs), the changes
    // in between, and a closing point with the last value at the series' end
    // (min(toMs, end)). A Requested level stays in effect until lastMs(); a
    // polled level ends where it was last confirmed. When there are more changes
    // than fit, the window is cut into equal time buckets and each keeps its
    // first, lowest, highest and last point, so no change vanishes at the
    // pixel scale.
    QList<StepPoint> points(const QString& type, SeriesKind kind, qint64 fromMs, qint64 toMs, int maxPoints) const;
    // The believed value at tMs (nothing before the first point or after the end).
    std::optional<quint32> valueAt(const QString& type, SeriesKind kind, qint64 tMs) const;
    qint64 lastConfirmedMs(const QString& type, SeriesKind kind) const; // -1: no series
    qsizetype storedPointCount(const QString& type, SeriesKind kind) const;
    // Points before this time were merged by the cap; -1 when the series is exact.
    qint64 approximatedBeforeMs(const QString& type, SeriesKind kind) const;

    // Markers with fromMs <= t <= toMs, oldest first, at most maxCount (the
    // first ones) when maxCount >= 0.
    QList<Marker> markers(qint64 fromMs, qint64 toMs, qsizetype maxCount = -1) const;
    // The same thinned for drawing: of each kind only the first marker in every
    // bucketMs-wide slot from fromMs on. inWindow receives how many markers the
    // window holds before thinning.
    QList<Marker> thinnedMarkers(qint64 fromMs, qint64 toMs, qint64 bucketMs, qsizetype* inWindow = nullptr) const;
    qsizetype markerCount() const { return static_cast<qsizetype>(m_markers.size()); }
    qint64 droppedMarkerCount() const { return m_droppedMarkers; }

    // Heap and object bytes held by the history (capacity, not just size).
    qsizetype approximateMemoryBytes() const;

    int maxPointsPerSeries() const { return m_maxPoints; }
    void setMaxPointsPerSeries(int points); // at least 64; applies from the next point
    int maxMarkers() const { return m_maxMarkers; }
    void setMaxMarkers(int markers); // at least 1

signals:
    // After every event that added or confirmed something. Connect it to a
    // coalescing timer, not to a redraw.
    void changed();

private:
    struct Series {
        std::vector<StepPoint> points;
        qint64 confirmedMs = -1;
        qint64 approximatedBeforeMs = -1;
    };
    static constexpr int kTypeCount = 4;
    static constexpr int kKindCount = 3;

    static int typeIndex(const QString& type);
    const Series* series(const QString& type, SeriesKind kind) const;
    void touch(qint64 tMs);
    void compact(Series& s);
    void handleStatus(const session::StatusEvent& status, qint64 tMs);

    std::array<std::array<Series, kKindCount>, kTypeCount> m_series;
    std::deque<Marker> m_markers;
    qint64 m_firstMs = -1;
    qint64 m_lastMs = -1;
    qint64 m_droppedMarkers = 0;
    qsizetype m_markerTextBytes = 0;
    int m_maxPoints = kDefaultMaxPointsPerSeries;
    int m_maxMarkers = kDefaultMaxMarkers;
    std::optional<quint32> m_availableTypes;
};

} // namespace copp::models
