// SPDX-License-Identifier: BSD-3-Clause
#include <app/agent/monitorsjson.h>

#include <core/device/agent/jsonline.h>

namespace copp::device::hw {

namespace {

json::Value probeJson(const OpmProbe& p)
{
    return {{"hresult", p.hresult}, {"outputs", p.outputs}};
}

} // namespace

std::string monitorsJson(const std::vector<MonitorInfo>& monitors)
{
    json::Value items = json::Value::array();
    for (const MonitorInfo& m : monitors) {
        json::Value targets = json::Value::array();
        for (const TargetInfo& t : m.targets)
            targets.push_back({{"targetId", t.targetId},
                               {"connectorType", t.outputTechnology},
                               {"connector", connectorName(t.outputTechnology)},
                               {"friendlyName", t.friendlyName},
                               {"devicePath", t.devicePath}});
        items.push_back({{"index", m.index},
                         {"label", m.label()},
                         {"device", m.device},
                         {"adapter", m.adapter},
                         {"monitor", m.monitor},
                         {"primary", m.primary},
                         {"rect", {m.left, m.top, m.right, m.bottom}},
                         {"targetsHresult", m.targetsHresult},
                         {"targets", std::move(targets)},
                         {"opm", {{"copp", probeJson(m.coppSemantics)}, {"opm", probeJson(m.opmSemantics)}}}});
    }
    return json::dump({{"monitors", std::move(items)}}) + '\n';
}

} // namespace copp::device::hw
