// SPDX-License-Identifier: BSD-3-Clause
#include <app/agent/agentoptions.h>

#include <optional>

namespace copp::device::hw {

namespace {

std::optional<unsigned> smallNumber(const std::string& text)
{
    if (text.empty() || text.size() > 4)
        return std::nullopt;
    unsigned value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

} // namespace

ParsedOptions parseAgentOptions(const std::vector<std::string>& args)
{
    ParsedOptions parsed;
    AgentOptions& o = parsed.options;
    bool interfaceGiven = false, semanticsGiven = false, apiGiven = false;
    int modes = 0;

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string value;
        bool inlineValue = false;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
            inlineValue = true;
        }
        const auto takeValue = [&](std::string& out) {
            if (inlineValue) {
                out = value;
                return true;
            }
            if (i + 1 >= args.size()) {
                parsed.error = arg + " needs a value";
                return false;
            }
            out = args[++i];
            return true;
        };

        if (arg == "--help" || arg == "-h") {
            o.mode = AgentOptions::Mode::Help;
            ++modes;
        } else if (arg == "--version") {
            o.mode = AgentOptions::Mode::Version;
            ++modes;
        } else if (arg == "--list") {
            o.mode = AgentOptions::Mode::List;
            ++modes;
        } else if (arg == "--capture-chains") {
            if (!takeValue(o.captureDir))
                return parsed;
            if (o.captureDir.empty()) {
                parsed.error = "--capture-chains needs a directory";
                return parsed;
            }
            o.mode = AgentOptions::Mode::CaptureChains;
            ++modes;
        } else if (arg == "--quiet") {
            o.quiet = true;
        } else if (arg == "--output") {
            std::string text;
            if (!takeValue(text))
                return parsed;
            const auto dot = text.find('.');
            const auto monitor = smallNumber(text.substr(0, dot));
            const auto output = dot == std::string::npos ? std::optional<unsigned>(0) : smallNumber(text.substr(dot + 1));
            if (!monitor || !output) {
                parsed.error = "--output takes MONITOR or MONITOR.OUTPUT (numbers from --list), got \"" + text + "\"";
                return parsed;
            }
            o.selection.monitor = *monitor;
            o.selection.output = *output;
        } else if (arg == "--interface") {
            if (!takeValue(o.selection.iface))
                return parsed;
            interfaceGiven = true;
        } else if (arg == "--semantics") {
            if (!takeValue(o.selection.semantics))
                return parsed;
            semanticsGiven = true;
        } else if (arg == "--api") {
            std::string api;
            if (!takeValue(api))
                return parsed;
            if (api == "vmr9")
                o.selection.api = Api::Vmr9;
            else if (api == "evr")
                o.selection.api = Api::Evr;
            else if (api == "opm")
                o.selection.api = Api::Opm;
            else {
                parsed.error = "--api takes vmr9, evr or opm, got \"" + api + "\"";
                return parsed;
            }
            apiGiven = true;
        } else {
            parsed.error = "unknown argument \"" + args[i] + "\" (see --help)";
            return parsed;
        }
    }
    if (modes > 1) {
        parsed.error = "--list, --capture-chains, --help and --version exclude each other";
        return parsed;
    }
    if (!interfaceGiven && semanticsGiven && o.selection.semantics == "opm")
        o.selection.iface = "opm"; // OPM semantics are served only through the OPM interface
    if (!semanticsGiven)
        o.selection.semantics = o.selection.iface;
    if (!apiGiven)
        o.selection.api = o.selection.iface == "opm" ? Api::Opm : Api::Vmr9;
    if (o.mode == AgentOptions::Mode::Serve || interfaceGiven || semanticsGiven || apiGiven) {
        if (std::string problem = o.selection.problem(); !problem.empty())
            parsed.error = problem;
    }
    return parsed;
}

std::string agentUsage()
{
    return R"(Usage: coppscope-agent [OPTIONS]

Serves one display output as a CoppScope device over the device agent protocol
(JSON lines on stdin/stdout); logs go to stderr.

  --output M[.K]          monitor M (see --list), OPM video output K (default 0.0)
  --interface copp|opm    the calls answered: copp.* (IAMCertifiedOutputProtection)
                          or opm.* (IOPMVideoOutput); default copp
  --semantics copp|opm    COPP or OPM semantics; default: the interface's
                          (--semantics opm alone implies --interface opm)
  --api vmr9|evr|opm      the Windows API behind the device:
                            vmr9  DirectShow graph, Video Mixing Renderer 9 (default for copp)
                            evr   DirectShow graph, Enhanced Video Renderer
                            opm   OPMGetVideoOutputsFromHMONITOR (default for opm; with
                                  --interface copp: COPP calls over an OPM output in
                                  COPP semantics)
  --quiet                 no logs on stderr

  --list                  print monitors, display paths (connector types) and
                          OPM video output counts as JSON, then exit
  --capture-chains DIR    for every monitor/output/semantics that opens, call
                          KeyExchange / StartInitialization and save the
                          certificate bytes in DIR (plus index.json); the COPP
                          XML chains can then be checked anywhere with
                          `coppscope-cli verify FILE`
  --help, --version

Examples:
  coppscope-cli session --device exec:"ssh winbox coppscope-agent.exe"
  coppscope-cli session --device exec:"ssh winbox coppscope-agent.exe --interface opm --output 1.0"
  coppscope-agent.exe --capture-chains chains

Every failing call answers the HRESULT Windows returned. Exit status: 0 at the
end of input (or after --list / --capture-chains with at least one chain), 1 when
the output cannot be written (or no chain was captured), 2 for a usage error,
3 after a crash (reported on stderr).
)";
}

} // namespace copp::device::hw
