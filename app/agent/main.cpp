// SPDX-License-Identifier: BSD-3-Clause
// coppscope-agent.exe: a Windows display output as a CoppScope device.
// Serves the device agent protocol (docs/cli.md#the-device-agent-protocol) on stdin/stdout for one
// chosen output, or lists the outputs, or captures every certificate chain.
// See `coppscope-agent --help` and docs/notes/windows.md.
#include <app/agent/agentoptions.h>
#include <app/agent/chaincapture.h>
#include <app/agent/monitorsjson.h>
#include <core/device/agent/agentserver.h>
#include <core/device/windows/hardware.h>

#include <objbase.h>
#include <shellapi.h>
#include <windows.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hw = copp::device::hw;

namespace {

std::string utf8(const wchar_t* text)
{
    const int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 1)
        return {};
    std::string out(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), n, nullptr, nullptr);
    out.resize(static_cast<std::size_t>(n - 1));
    return out;
}

// The arguments as UTF-8, from the UTF-16 command line (main's char** would be
// in the ANSI code page and lose characters of a --capture-chains path).
std::vector<std::string> arguments()
{
    std::vector<std::string> args;
    int argc = 0;
    LPWSTR* argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (!argv)
        return args;
    for (int i = 1; i < argc; ++i)
        args.push_back(utf8(argv[i]));
    LocalFree(argv);
    return args;
}

bool writeHandle(DWORD which, std::string_view bytes)
{
    HANDLE handle = GetStdHandle(which);
    if (handle == nullptr || handle == INVALID_HANDLE_VALUE)
        return false;
    while (!bytes.empty()) {
        DWORD written = 0;
        const DWORD chunk = static_cast<DWORD>(std::min<std::size_t>(bytes.size(), 1u << 20));
        if (!WriteFile(handle, bytes.data(), chunk, &written, nullptr) || written == 0)
            return false;
        bytes.remove_prefix(written);
    }
    return true;
}

// stdin through ReadFile: returns what a pipe has, a line from a console;
// 0 at EOF or a broken pipe (the client went away).
class StdinSource final : public hw::agent::ByteSource {
public:
    std::size_t read(char* buf, std::size_t size) override
    {
        HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
        if (in == nullptr || in == INVALID_HANDLE_VALUE)
            return 0;
        DWORD got = 0;
        const DWORD want = static_cast<DWORD>(std::min<std::size_t>(size, 1u << 20));
        if (!ReadFile(in, buf, want, &got, nullptr))
            return 0;
        return got;
    }
};

class StdoutSink final : public hw::agent::ByteSink {
public:
    bool write(std::string_view bytes) override { return writeHandle(STD_OUTPUT_HANDLE, bytes); }
};

int capture(const hw::AgentOptions& options, const hw::LogFn& log)
{
    const std::vector<hw::MonitorInfo> monitors = hw::enumerateMonitors(log);
    const std::vector<hw::CaptureTarget> targets = hw::captureTargets(monitors);
    const auto dir = hw::utf8Path(options.captureDir);
    const std::vector<hw::CaptureOutcome> outcomes = hw::captureChains(
        targets, [&](const hw::DeviceSelection& s) { return hw::openDevice(s, log); }, dir, log);
    writeHandle(STD_OUTPUT_HANDLE, hw::captureIndexJson(outcomes));
    for (const hw::CaptureOutcome& o : outcomes)
        if (!o.file.empty())
            return 0;
    log("coppscope-agent: no certificate was captured (" + std::to_string(targets.size()) + " output(s) tried)");
    return 1;
}

// A crash (in a driver, a COM server, or here) ends the process with a line on
// stderr and exit code 3, never with a Windows Error Reporting dialog that
// would hang a headless ssh session. The client sees "the agent exited".
LONG WINAPI reportCrash(EXCEPTION_POINTERS* info)
{
    char text[96];
    const auto code = info && info->ExceptionRecord ? static_cast<unsigned long>(info->ExceptionRecord->ExceptionCode) : 0ul;
    const int n = wsprintfA(text, "coppscope-agent: crashed (exception 0x%08lX)\n", code);
    if (n > 0)
        writeHandle(STD_ERROR_HANDLE, std::string_view(text, static_cast<std::size_t>(n)));
    ExitProcess(3);
}

} // namespace

int main()
{
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
    SetUnhandledExceptionFilter(reportCrash);
    const hw::ParsedOptions parsed = hw::parseAgentOptions(arguments());
    if (!parsed.error.empty()) {
        writeHandle(STD_ERROR_HANDLE, "coppscope-agent: " + parsed.error + "\n");
        return 2;
    }
    const hw::AgentOptions& options = parsed.options;
    const hw::LogFn log = [&](std::string_view line) {
        if (!options.quiet)
            writeHandle(STD_ERROR_HANDLE, std::string(line) + "\n");
    };

    switch (options.mode) {
    case hw::AgentOptions::Mode::Help:
        writeHandle(STD_OUTPUT_HANDLE, hw::agentUsage());
        return 0;
    case hw::AgentOptions::Mode::Version:
        writeHandle(STD_OUTPUT_HANDLE, "coppscope-agent " COPP_AGENT_VERSION "\n");
        return 0;
    case hw::AgentOptions::Mode::List:
        return writeHandle(STD_OUTPUT_HANDLE, hw::monitorsJson(hw::enumerateMonitors(log))) ? 0 : 1;
    case hw::AgentOptions::Mode::CaptureChains:
        return capture(options, log);
    case hw::AgentOptions::Mode::Serve:
        break;
    }

    // The device lives on this thread (COM), for the whole session.
    std::unique_ptr<hw::HwDevice> device = hw::openDevice(options.selection, log);
    log("coppscope-agent: serving " + device->describe().name);
    StdinSource in;
    StdoutSink out;
    const int status = hw::agent::serve(*device, in, out, [&](std::string_view failure) {
        log("coppscope-agent: " + std::string(failure));
    });
    device.reset();
    return status;
}
