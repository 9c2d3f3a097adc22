// SPDX-License-Identifier: BSD-3-Clause
#include <app/agent/chaincapture.h>

#include <core/device/agent/bytecodec.h>
#include <core/device/agent/jsonline.h>

#include <fstream>
#include <system_error>

namespace copp::device::hw {

std::vector<CaptureTarget> captureTargets(const std::vector<MonitorInfo>& monitors)
{
    std::vector<CaptureTarget> targets;
    for (const MonitorInfo& m : monitors) {
        DeviceSelection directShow;
        directShow.monitor = m.index;
        directShow.api = Api::Vmr9;
        targets.push_back({directShow, m.label()});
        for (const auto& [semantics, probe] : {std::pair{"copp", m.coppSemantics}, std::pair{"opm", m.opmSemantics}}) {
            if (probe.hresult != hresult::Ok)
                continue;
            for (unsigned k = 0; k < probe.outputs; ++k) {
                DeviceSelection opm;
                opm.monitor = m.index;
                opm.output = k;
                opm.api = Api::Opm;
                opm.iface = "opm";
                opm.semantics = semantics;
                targets.push_back({opm, m.label()});
            }
        }
    }
    return targets;
}

std::string captureFileName(const DeviceSelection& s)
{
    std::string name = "monitor" + std::to_string(s.monitor);
    if (s.api == Api::Opm)
        name += "-output" + std::to_string(s.output);
    name += std::string("-") + apiName(s.api) + "-" + s.semantics;
    name += s.semantics == "opm" ? ".p7b" : ".xml";
    return name;
}

std::filesystem::path utf8Path(std::string_view utf8)
{
    return std::filesystem::path(std::u8string(utf8.begin(), utf8.end()));
}

std::string pathText(const std::filesystem::path& path)
{
    const std::u8string text = path.u8string(); // never throws for characters the ANSI code page lacks
    return std::string(text.begin(), text.end());
}

namespace {

bool writeFile(const std::filesystem::path& path, const void* data, std::size_t size, std::string& why)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        why = "cannot create " + pathText(path);
        return false;
    }
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        why = "cannot write " + pathText(path);
        return false;
    }
    return true;
}

CaptureOutcome captureOne(const CaptureTarget& target, const DeviceOpener& open, const std::filesystem::path& dir)
{
    CaptureOutcome outcome{target, hresult::Fail, {}, 0, {}, {}};
    std::unique_ptr<HwDevice> device = open(target.selection);
    if (!device) {
        outcome.detail = "not opened";
        return outcome;
    }
    const bool opmInterface = target.selection.iface == "opm";
    const CertificateReply reply = opmInterface ? device->startInitialization() : device->keyExchange();
    outcome.hresult = reply.hresult;
    if (!reply.ok()) {
        outcome.detail = std::string(opmInterface ? "StartInitialization" : "KeyExchange") + " failed: "
            + hresultHex(reply.hresult);
        return outcome;
    }
    outcome.random = toHex(reply.random);
    const std::string name = captureFileName(target.selection);
    std::string why;
    if (!writeFile(dir / name, reply.certificate.data(), reply.certificate.size(), why)) {
        outcome.detail = why;
        return outcome;
    }
    outcome.file = name;
    outcome.bytes = reply.certificate.size();
    return outcome;
}

} // namespace

std::vector<CaptureOutcome> captureChains(const std::vector<CaptureTarget>& targets, const DeviceOpener& open,
                                          const std::filesystem::path& dir, const LogFn& log)
{
    std::vector<CaptureOutcome> outcomes;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    for (const CaptureTarget& target : targets) {
        CaptureOutcome outcome = captureOne(target, open, dir);
        if (log) {
            const std::string what = "monitor " + std::to_string(target.selection.monitor) + " output "
                + std::to_string(target.selection.output) + " " + apiName(target.selection.api) + " "
                + target.selection.semantics + ": ";
            log(outcome.file.empty() ? what + outcome.detail
                                     : what + std::to_string(outcome.bytes) + " bytes -> " + outcome.file);
        }
        outcomes.push_back(std::move(outcome));
    }
    const std::string index = captureIndexJson(outcomes);
    std::string why;
    if (!writeFile(dir / "index.json", index.data(), index.size(), why) && log)
        log(why);
    return outcomes;
}

std::string captureIndexJson(const std::vector<CaptureOutcome>& outcomes)
{
    json::Value items = json::Value::array();
    for (const CaptureOutcome& o : outcomes) {
        const DeviceSelection& s = o.target.selection;
        items.push_back({{"monitor", s.monitor},
                         {"output", s.output},
                         {"api", apiName(s.api)},
                         {"interface", s.iface},
                         {"semantics", s.semantics},
                         {"label", o.target.label},
                         {"hresult", o.hresult},
                         {"file", o.file},
                         {"bytes", o.bytes},
                         {"random", o.random},
                         {"detail", o.detail}});
    }
    return json::dump({{"outputs", std::move(items)}}) + '\n';
}

} // namespace copp::device::hw
