// SPDX-License-Identifier: BSD-3-Clause
// Scenario timelines: state changes of an emulated output over time, read from
// JSON (resources/scenarios/*.json), e.g. hdcp-link-loss, hot-unplug.
//
//   {"name": "hdcp-link-loss", "description": "...",
//    "output": {"connector": "hdmi", "protections": ["hdcp"]},
//    "events": [{"at_ms": 2000, "action": "link-lost"}, ...]}
//
// Actions: link-lost, renegotiation, hdcp-drop, connector-change (value: a
// connector), unplug, replug, external-level (value "acp=1": another program
// sets a level), hdcp-engage-ms (value: milliseconds).
#pragma once

#include <core/device/emulator/emulatedoutput.h>

#include <core/kernel/result.h>

#include <QByteArray>
#include <QString>

#include <vector>

namespace copp::device {

struct ScenarioEvent {
    std::int64_t atMs = 0;
    QString action;
    QString value;
};

struct Scenario {
    QString name;
    QString description;
    OutputProfile output;
    std::vector<ScenarioEvent> events; // sorted by time

    static Result<Scenario> fromJson(const QByteArray& json);
    // The scenarios shipped in resources/scenarios (embedded at :/scenarios).
    static QStringList builtInNames();
    static Result<Scenario> builtIn(const QString& name);
    // A built-in name, or a path to a JSON file.
    static Result<Scenario> load(const QString& nameOrPath);
};

// Applies the events whose time has come, relative to the moment it was made.
class ScenarioPlayer {
public:
    ScenarioPlayer(Scenario scenario, Clock clock);
    void advance(EmulatedOutput& output);
    bool finished() const { return m_next >= m_scenario.events.size(); }

private:
    Scenario m_scenario;
    Clock m_clock;
    std::int64_t m_start;
    std::size_t m_next = 0;
};

} // namespace copp::device
