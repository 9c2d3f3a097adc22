#include "outputs.h"

#include "jsonline.h"

namespace copp::device::hw {

const char* connectorName(std::int64_t t)
{
    switch (t) {
    case -1: return "other";
    case 0: return "vga";
    case 1: return "svideo";
    case 2: return "composite";
    case 3: return "component";
    case 4: return "dvi";
    case 5: return "hdmi";
    case 6: return "lvds";
    case 7: return "tmds";
    case 8: return "d-jpn";
    case 9: return "sdi";
    case 10: return "displayport-external";
    case 11: return "displayport-embedded";
    case 12: return "udi-external";
    case 13: return "udi-embedded";
    case 14: return "sdtv-dongle";
    case 15: return "miracast";
    case 16: return "indirect-wired";
    case 17: return "indirect-virtual";
    case 0x80000000LL: return "internal";
    default: return "unknown";
    }
}

std::string MonitorInfo::label() const
{
    std::string out = device.empty() ? "monitor " + std::to_string(index) : device;
    std::string detail;
    for (const TargetInfo& t : targets) {
        if (!detail.empty())
            detail += "; ";
        detail += t.friendlyName.empty() ? std::string(connectorName(t.outputTechnology))
                                         : t.friendlyName + ", " + connectorName(t.outputTechnology);
    }
    if (detail.empty() && !monitor.empty())
        detail = monitor;
    if (!detail.empty())
        out += " (" + detail + ")";
    return out;
}

namespace {

std::string probeJson(const OpmProbe& p)
{
    return json::ObjectWriter()
        .integer("hresult", p.hresult)
        .integer("outputs", p.outputs)
        .finish();
}

} // namespace

std::string monitorsJson(const std::vector<MonitorInfo>& monitors)
{
    std::vector<std::string> items;
    for (const MonitorInfo& m : monitors) {
        std::vector<std::string> targets;
        for (const TargetInfo& t : m.targets)
            targets.push_back(json::ObjectWriter()
                                  .integer("targetId", t.targetId)
                                  .integer("connectorType", t.outputTechnology)
                                  .string("connector", connectorName(t.outputTechnology))
                                  .string("friendlyName", t.friendlyName)
                                  .string("devicePath", t.devicePath)
                                  .finish());
        std::string rect = "[";
        for (const int v : {m.left, m.top, m.right, m.bottom}) {
            if (rect.size() > 1)
                rect += ',';
            rect += std::to_string(v);
        }
        rect += ']';
        items.push_back(json::ObjectWriter()
                            .integer("index", m.index)
                            .string("label", m.label())
                            .string("device", m.device)
                            .string("adapter", m.adapter)
                            .string("monitor", m.monitor)
                            .boolean("primary", m.primary)
                            .raw("rect", rect)
                            .integer("targetsHresult", m.targetsHresult)
                            .raw("targets", json::arrayOf(targets))
                            .raw("opm", json::ObjectWriter()
                                            .raw("copp", probeJson(m.coppSemantics))
                                            .raw("opm", probeJson(m.opmSemantics))
                                            .finish())
                            .finish());
    }
    return json::ObjectWriter().raw("monitors", json::arrayOf(items)).finish() + '\n';
}

} // namespace copp::device::hw
