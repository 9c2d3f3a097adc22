// SPDX-License-Identifier: BSD-3-Clause
// ProtectionHistory: session events in, step series and markers out; change
// points, decimation, the memory cap, clear().
#include <support/testsupport.h>
#include <core/models/protectionhistory.h>

#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace copp;
using models::MarkerKind;
using models::ProtectionHistory;
using models::SeriesKind;
using models::StepPoint;

namespace {

const QString kHdcp = QStringLiteral("hdcp");
const QString kAcp = QStringLiteral("acp");

QJsonObject command(qint64 t, const QString& type, qint64 level, bool ok = true)
{
    return {{QStringLiteral("event"), QStringLiteral("command")},
            {QStringLiteral("command"), QStringLiteral("set_protection_level")},
            {QStringLiteral("type"), type},
            {QStringLiteral("level"), level},
            {QStringLiteral("ok"), ok},
            {QStringLiteral("hresult"), ok ? 0 : qint64(0x80070057)},
            {QStringLiteral("t_ms"), t}};
}

QJsonObject status(qint64 t, const QString& request, const QString& type, qint64 value, bool mac = true,
                   bool random = true, bool size = true)
{
    QJsonObject e{{QStringLiteral("event"), QStringLiteral("status")},
                  {QStringLiteral("request"), request},
                  {QStringLiteral("value"), value},
                  {QStringLiteral("flags"), 0},
                  {QStringLiteral("ok"), true},
                  {QStringLiteral("hresult"), 0},
                  {QStringLiteral("checks"), QJsonObject{{QStringLiteral("mac"), mac},
                                                         {QStringLiteral("random"), random},
                                                         {QStringLiteral("size"), size}}},
                  {QStringLiteral("t_ms"), t}};
    if (!type.isEmpty())
        e.insert(QStringLiteral("type"), type);
    return e;
}

QJsonObject local(qint64 t, const QString& type, qint64 value) { return status(t, QStringLiteral("local-level"), type, value); }
QJsonObject global(qint64 t, const QString& type, qint64 value) { return status(t, QStringLiteral("global-level"), type, value); }

QJsonObject alert(qint64 t, const QString& kind, const QString& detail)
{
    return {{QStringLiteral("event"), QStringLiteral("alert")},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("detail"), detail},
            {QStringLiteral("t_ms"), t}};
}

QList<StepPoint> all(const ProtectionHistory& h, const QString& type, SeriesKind kind)
{
    return h.points(type, kind, 0, std::numeric_limits<qint64>::max() / 2, 1 << 30);
}

} // namespace

class TestProtectionHistory : public QObject {
    Q_OBJECT
private slots:
    void requestedFromSuccessfulCommands()
    {
        ProtectionHistory h;
        QVERIFY(h.isEmpty());
        h.addEvent(copp::tests::event(command(4, kHdcp, 1)));
        h.addEvent(copp::tests::event(command(6, kAcp, 2, false))); // refused by the device: nothing requested
        h.addEvent(copp::tests::event({{QStringLiteral("event"), QStringLiteral("command")}, {QStringLiteral("command"), QStringLiteral("set_signaling")},
                    {QStringLiteral("ok"), true}, {QStringLiteral("t_ms"), 7}}));
        h.addEvent(copp::tests::event(command(8, QStringLiteral("opm-hdcp"), 1))); // not a COPP type
        h.addEvent(copp::tests::event({{QStringLiteral("event"), QStringLiteral("end")}, {QStringLiteral("t_ms"), 5000}}));
        QCOMPARE(h.types(), QStringList{kHdcp});
        // The refused request is a marker on ACP's lane (docs/session-workspace.md).
        const auto refused = h.markers(0, 10000);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().kind, MarkerKind::CommandRefused);
        QCOMPARE(refused.first().type, kAcp);
        QCOMPARE(refused.first().tMs, 6);
        QVERIFY2(refused.first().detail.contains(QStringLiteral("E_INVALIDARG")), qPrintable(refused.first().detail));
        QVERIFY(h.hasSeries(kHdcp, SeriesKind::Requested));
        QVERIFY(!h.hasSeries(kHdcp, SeriesKind::Local));
        QVERIFY(!h.hasSeries(kAcp, SeriesKind::Requested));
        // A command stays in effect until the newest event.
        QCOMPARE(all(h, kHdcp, SeriesKind::Requested), (QList<StepPoint>{{4, 1}, {5000, 1}}));
        QCOMPARE(h.valueAt(kHdcp, SeriesKind::Requested, 3), std::nullopt);
        QCOMPARE(h.valueAt(kHdcp, SeriesKind::Requested, 4000), std::optional<quint32>(1));
        QCOMPARE(h.firstMs(), 4);
        QCOMPARE(h.lastMs(), 5000);
    }

    void levelsOnlyFromBelievedReplies()
    {
        ProtectionHistory h;
        h.addEvent(copp::tests::event(local(10, kHdcp, 1)));
        h.addEvent(copp::tests::event(global(11, kHdcp, 0)));
        h.addEvent(copp::tests::event(status(20, QStringLiteral("local-level"), kHdcp, 0, /*mac*/ false))); // not believed
        h.addEvent(copp::tests::event(status(21, QStringLiteral("global-level"), kHdcp, 1, true, /*random*/ false)));
        // (A reply without its checks is not an event at all: the JSON reader refuses it, tst_sessionevents.)
        h.addEvent(copp::tests::event({{QStringLiteral("event"), QStringLiteral("status")}, {QStringLiteral("request"), QStringLiteral("local-level")},
                    {QStringLiteral("type"), kHdcp}, {QStringLiteral("ok"), false}, {QStringLiteral("hresult"), qint64(0xC02625E5)},
                    {QStringLiteral("t_ms"), 23}}));
        h.addEvent(copp::tests::event(status(24, QStringLiteral("connector-type"), {}, 5))); // believed, but not a level

        QCOMPARE(all(h, kHdcp, SeriesKind::Local), (QList<StepPoint>{{10, 1}}));
        QCOMPARE(all(h, kHdcp, SeriesKind::Global), (QList<StepPoint>{{11, 0}}));
        QCOMPARE(h.lastConfirmedMs(kHdcp, SeriesKind::Local), 10);

        const auto marks = h.markers(0, 100);
        QCOMPARE(marks.size(), 3);
        for (const auto& m : marks) {
            QCOMPARE(m.kind, MarkerKind::ReplyRejected);
            QCOMPARE(m.id, QStringLiteral("status_rejected"));
        }
        QCOMPARE(marks[0].tMs, 20);
        QVERIFY2(marks[0].detail.contains(QStringLiteral("mac")), qPrintable(marks[0].detail));
        QVERIFY(marks[0].detail.contains(QStringLiteral("hdcp local-level")));
        QVERIFY(marks[1].detail.contains(QStringLiteral("random")));
        QVERIFY(marks[2].detail.contains(QStringLiteral("c02625e5")));
        QCOMPARE(h.lastMs(), 24);
    }

    void changePointsAreCompressed()
    {
        ProtectionHistory h;
        QSignalSpy changed(&h, &ProtectionHistory::changed);
        for (int i = 0; i < 1000; ++i)
            h.addEvent(copp::tests::event(global(i * 100, kAcp, i < 500 ? 1 : 3)));
        QCOMPARE(changed.count(), 1000);
        QCOMPARE(h.storedPointCount(kAcp, SeriesKind::Global), 2);
        QCOMPARE(h.lastConfirmedMs(kAcp, SeriesKind::Global), 99900);
        // Open at the value in effect, the change, close where last confirmed.
        QCOMPARE(all(h, kAcp, SeriesKind::Global), (QList<StepPoint>{{0, 1}, {50000, 3}, {99900, 3}}));
        QCOMPARE(h.points(kAcp, SeriesKind::Global, 20000, 30000, 100), (QList<StepPoint>{{20000, 1}, {30000, 1}}));
        QCOMPARE(h.points(kAcp, SeriesKind::Global, 200000, 300000, 100), QList<StepPoint>{});
        QCOMPARE(h.valueAt(kAcp, SeriesKind::Global, 49999), std::optional<quint32>(1));
        QCOMPARE(h.valueAt(kAcp, SeriesKind::Global, 50000), std::optional<quint32>(3));
        QCOMPARE(h.valueAt(kAcp, SeriesKind::Global, 100000), std::nullopt); // never confirmed that late

        // A time going backwards is taken as the newest time, never reordered.
        h.addEvent(copp::tests::event(global(10, kAcp, 2)));
        QCOMPARE(all(h, kAcp, SeriesKind::Global).last(), (StepPoint{99900, 2}));
    }

    void alertsBecomeMarkers()
    {
        ProtectionHistory h;
        const QStringList kinds{QStringLiteral("link_lost"), QStringLiteral("renegotiation_required"),
                                QStringLiteral("connector_changed"), QStringLiteral("level_drop"),
                                QStringLiteral("mac_mismatch"), QStringLiteral("device_error"),
                                QStringLiteral("timeout")};
        const QList<MarkerKind> expected{MarkerKind::LinkLost, MarkerKind::RenegotiationRequired, MarkerKind::ConnectorChanged,
                                         MarkerKind::LevelDrop, MarkerKind::ReplyRejected, MarkerKind::OtherAlert,
                                         MarkerKind::OtherAlert};
        for (int i = 0; i < kinds.size(); ++i)
            h.addEvent(copp::tests::event(alert(1000 * (i + 1), kinds[i], QStringLiteral("detail %1").arg(i))));
        const auto marks = h.markers(0, 100000);
        QCOMPARE(marks.size(), kinds.size());
        for (int i = 0; i < kinds.size(); ++i) {
            QCOMPARE(marks[i].kind, expected[i]);
            QCOMPARE(marks[i].id, kinds[i]);
            QCOMPARE(marks[i].detail, QStringLiteral("detail %1").arg(i));
            QCOMPARE(marks[i].tMs, 1000 * (i + 1));
        }
        QCOMPARE(h.markers(2000, 3000).size(), 2);
        QCOMPARE(h.markers(0, 100000, 3).size(), 3);
        // Thinned for drawing: one per kind per slot, the count of all.
        qsizetype inWindow = 0;
        const auto thinned = h.thinnedMarkers(0, 100000, 10000, &inWindow);
        QCOMPARE(inWindow, kinds.size());
        QCOMPARE(thinned.size(), 6); // the two "other" alerts share a slot
        QCOMPARE(thinned.last().id, QStringLiteral("device_error"));
        QCOMPARE(h.thinnedMarkers(0, 100000, 1).size(), kinds.size());
        QCOMPARE(h.thinnedMarkers(2500, 4500, 1, &inWindow).size(), 2);
        QCOMPARE(inWindow, 2);
        QVERIFY(h.types().isEmpty()); // markers are not levels

        // A hostile detail is cut; the marker cap drops the oldest and says so.
        h.addEvent(copp::tests::event(alert(9000, QStringLiteral("device_error"), QString(100000, QLatin1Char('x')))));
        QCOMPARE(h.markers(9000, 9000).first().detail.size(), 512);
        h.setMaxMarkers(5);
        QCOMPARE(h.markerCount(), 5);
        QCOMPARE(h.droppedMarkerCount(), 3);
        QCOMPARE(h.markers(0, 100000).last().tMs, 9000); // the newest stay
    }

    void decimationKeepsEveryBucketsExtremes()
    {
        // Changes at 0 s and every second from 1.5 s on, confirmed until 2400 s;
        // 100 points = open + close + 24 buckets of exactly 100 s.
        ProtectionHistory h;
        QRandomGenerator rng(42);
        QList<StepPoint> raw{{0, 0}};
        h.addEvent(copp::tests::event(local(0, kAcp, 0)));
        for (int i = 1; i < 2400; ++i) {
            quint32 v = rng.bounded(3u);
            if (raw.last().value == v)
                v = (v + 1) % 3;
            if (i == 1234)
                v = 3; // one short spike
            raw.append({qint64(i) * 1000 + 500, v});
            h.addEvent(copp::tests::event(local(raw.last().tMs, kAcp, v)));
        }
        const qint64 to = 2400000;
        h.addEvent(copp::tests::event(local(to, kAcp, raw.last().value)));
        const auto out = h.points(kAcp, SeriesKind::Local, 0, to, 100);
        QVERIFY(out.size() <= 100);
        QVERIFY(out.size() > 24);
        QVERIFY(std::is_sorted(out.begin(), out.end(), [](const StepPoint& a, const StepPoint& b) { return a.tMs < b.tMs; }));
        QCOMPARE(out.first(), raw.first());
        QCOMPARE(out.last(), (StepPoint{to, raw.last().value})); // ends where last confirmed
        for (qint64 bucket = 0; bucket < 24; ++bucket) {
            const qint64 b0 = bucket * 100000, b1 = b0 + 100000;
            quint32 lo = 99, hi = 0, outLo = 99, outHi = 0;
            for (const auto& p : raw)
                if (p.tMs > b0 && p.tMs < b1)
                    lo = std::min(lo, p.value), hi = std::max(hi, p.value);
            for (const auto& p : out)
                if (p.tMs > b0 && p.tMs < b1)
                    outLo = std::min(outLo, p.value), outHi = std::max(outHi, p.value);
            QCOMPARE(outLo, lo);
            QCOMPARE(outHi, hi);
        }
        QVERIFY(std::any_of(out.begin(), out.end(), [](const StepPoint& p) { return p.value == 3 && p.tMs == 1234500; }));
        // A window with fewer changes than the budget is exact.
        const auto exact = h.points(kAcp, SeriesKind::Local, 100000, 110000, 100);
        QCOMPARE(exact.size(), 12); // open at 100 s, changes at 100.5 .. 109.5 s, close at 110 s
        QCOMPARE(exact[1], raw[100]);
    }

    void capBoundsMemoryAndKeepsTheNewestExact()
    {
        ProtectionHistory h;
        h.setMaxPointsPerSeries(4096);
        QRandomGenerator rng(7);
        constexpr int kSamples = 1000000;
        std::vector<StepPoint> raw;
        raw.reserve(kSamples);
        for (int i = 0; i < kSamples; ++i) { // every sample a change: the worst case
            const quint32 v = raw.empty() ? 0 : (raw.back().value + 1 + rng.bounded(3u)) % 4;
            raw.push_back({qint64(i) * 100, v});
            h.addLevel(kAcp, SeriesKind::Global, raw.back().tMs, v);
        }
        QVERIFY(h.storedPointCount(kAcp, SeriesKind::Global) <= 4096);
        QVERIFY(h.storedPointCount(kAcp, SeriesKind::Global) >= 2048);
        QVERIFY2(h.approximateMemoryBytes() < 128 * 1024, qPrintable(QString::number(h.approximateMemoryBytes())));
        const qint64 approximated = h.approximatedBeforeMs(kAcp, SeriesKind::Global);
        QVERIFY(approximated > 0);
        // The newest half of the cap is exactly what came in.
        const qint64 from = raw[kSamples - 2048].tMs;
        QVERIFY(approximated <= from);
        const auto newest = h.points(kAcp, SeriesKind::Global, from, raw.back().tMs, 1 << 20);
        QCOMPARE(newest.size(), 2048);
        QVERIFY(std::equal(newest.begin(), newest.end(), raw.end() - 2048));
        // The merged past still starts at the beginning and keeps its extremes.
        const auto old = h.points(kAcp, SeriesKind::Global, 0, approximated - 1, 1 << 20);
        QCOMPARE(old.first().tMs, 0);
        QCOMPARE(std::min_element(old.begin(), old.end(), [](auto& a, auto& b) { return a.value < b.value; })->value, 0u);
        QCOMPARE(std::max_element(old.begin(), old.end(), [](auto& a, auto& b) { return a.value < b.value; })->value, 3u);
        // ... in every tenth of it, not only at its end: one resolution throughout.
        for (qint64 slice = 0; slice < 10; ++slice) {
            const qint64 a = approximated * slice / 10, b = approximated * (slice + 1) / 10;
            quint32 lo = 9, hi = 0;
            for (const auto& p : old)
                if (p.tMs >= a && p.tMs < b)
                    lo = std::min(lo, p.value), hi = std::max(hi, p.value);
            QCOMPARE(lo, 0u);
            QCOMPARE(hi, 3u);
        }

        // The default cap: 200,000 changes in each of the twelve series stays small.
        ProtectionHistory big;
        constexpr int kBig = 200000;
        for (int i = 0; i < kBig; ++i)
            for (const QString& type : ProtectionHistory::knownTypes())
                for (auto kind : {SeriesKind::Requested, SeriesKind::Local, SeriesKind::Global})
                    big.addLevel(type, kind, qint64(i) * 100, quint32(i % 2));
        for (const QString& type : ProtectionHistory::knownTypes())
            QVERIFY(big.storedPointCount(type, SeriesKind::Local) <= ProtectionHistory::kDefaultMaxPointsPerSeries);
        QVERIFY2(big.approximateMemoryBytes() < 16 * 1024 * 1024, qPrintable(QString::number(big.approximateMemoryBytes())));
        QCOMPARE(big.valueAt(kHdcp, SeriesKind::Local, qint64(kBig - 1) * 100), std::optional<quint32>(1));
    }

    void clearForgetsEverything()
    {
        ProtectionHistory h;
        h.addEvent(copp::tests::event(command(1, kHdcp, 1)));
        h.addEvent(copp::tests::event(local(2, kHdcp, 1)));
        h.addEvent(copp::tests::event(alert(3, QStringLiteral("link_lost"), QStringLiteral("gone"))));
        QVERIFY(h.approximateMemoryBytes() > qsizetype(sizeof(ProtectionHistory)));
        QSignalSpy changed(&h, &ProtectionHistory::changed);
        h.clear();
        QCOMPARE(changed.count(), 1);
        QVERIFY(h.isEmpty());
        QVERIFY(h.types().isEmpty());
        QCOMPARE(h.markerCount(), 0);
        QCOMPARE(h.firstMs(), -1);
        QCOMPARE(h.lastMs(), -1);
        QCOMPARE(all(h, kHdcp, SeriesKind::Local), QList<StepPoint>{});
        // A new session starts again at 0.
        h.addEvent(copp::tests::event(local(0, kHdcp, 0)));
        QCOMPARE(all(h, kHdcp, SeriesKind::Local), (QList<StepPoint>{{0, 0}}));
    }
};

QTEST_GUILESS_MAIN(TestProtectionHistory)
#include "tst_protectionhistory.moc"
