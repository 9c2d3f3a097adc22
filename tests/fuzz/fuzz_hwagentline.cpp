// SPDX-License-Identifier: BSD-3-Clause
// libFuzzer target for coppscope-agent.exe's JSON-lines front end
// (core/device/agent: nlohmann/json read strictly, no Qt, facing whatever
// arrives over ssh), checked against the Qt side of the same contract
// (docs/cli.md#the-device-agent-protocol):
// - json::parse on every line never crashes and, on success, only yields
//   valid UTF-8 (nlohmann's strict dump would throw on anything else);
// - answerLine on a device that fails every call (the agent with no hardware)
//   answers every non-blank line with a line the Qt client (agent::decodeResponse)
//   decodes; failures carry "result": {} and a non-zero HRESULT;
// - when both decoders accept a request they read the same id and method, and
//   the answer names that id (ids up to 2^53 - 1, where JSON numbers are exact).
//   build/fuzz/tests/fuzz/fuzz_hwagentline -max_total_time=120 /tmp/corpus
#include <core/device/agent/agentprotocol.h>
#include <core/device/agent/agentserver.h>
#include <core/device/agent/jsonline.h>

#include <QByteArray>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

using namespace copp::device;

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void checkValue(const hw::json::Value& v)
{
    try {
        (void)v.dump(); // error_handler_t::strict: throws on invalid UTF-8
    } catch (const hw::json::Value::exception&) {
        std::abort();
    }
}

void checkLine(std::string_view line)
{
    if (const auto parsed = hw::json::parse(line); parsed.value)
        checkValue(*parsed.value);

    hw::FailedDevice device({"fuzz: no hardware", "copp", "copp", "output"}, 0x80004005u);
    const std::optional<std::string> answer = hw::agent::answerLine(device, line);
    if (!answer)
        return; // a blank line
    require(!answer->empty() && answer->back() == '\n');
    const auto response = agent::decodeResponse(QByteArrayView(answer->data(), static_cast<qsizetype>(answer->size())));
    require(response.ok());
    if (!response->succeeded())
        require(response->result.isEmpty());

    const auto ours = hw::agent::decodeRequest(line);
    const auto theirs = agent::decodeRequest(QByteArrayView(line.data(), static_cast<qsizetype>(line.size())));
    // RFC 8259 §6: integers beyond 2^53 - 1 are not interoperable. Qt reads JSON
    // numbers as doubles, the agent exactly, so above that they may differ by the
    // rounding (a client numbers its calls from 1 and never gets there).
    constexpr std::int64_t kExactInDouble = (std::int64_t(1) << 53) - 1;
    if (ours.request && theirs && ours.request->id <= kExactInDouble) {
        require(ours.request->id == theirs->id);
        require(QString::fromStdString(ours.request->method) == theirs->method);
        require(response->id == theirs->id);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size > 4u * 1024 * 1024)
        return 0;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    while (!input.empty()) {
        const std::size_t nl = input.find('\n');
        checkLine(input.substr(0, nl)); // without its '\n'
        if (nl == std::string_view::npos)
            break;
        input.remove_prefix(nl + 1);
    }
    return 0;
}
