// SPDX-License-Identifier: BSD-3-Clause
#include <core/session/transcriptblocks.h>

#include <algorithm>
#include <array>

namespace copp::session {

namespace {

struct BlockField {
    const char16_t* method;
    const char16_t* field;
    qsizetype size;
};

// docs/cli.md#the-device-agent-protocol, the rows with HEX(4096) and HEX(4112).
constexpr std::array kBlockFields{
    BlockField{u"copp.protectionCommand", u"command", 4096},
    BlockField{u"copp.protectionStatus", u"input", 4096},
    BlockField{u"copp.protectionStatus", u"output", 4096},
    BlockField{u"opm.getInformation", u"parameters", 4112},
    BlockField{u"opm.getInformation", u"information", 4096},
    BlockField{u"opm.coppCompatibleGetInformation", u"parameters", 4096},
    BlockField{u"opm.coppCompatibleGetInformation", u"information", 4096},
    BlockField{u"opm.configure", u"parameters", 4096},
};

} // namespace

qsizetype transcriptBlockSize(QStringView method, QStringView field)
{
    const auto it = std::find_if(kBlockFields.begin(), kBlockFields.end(), [&](const BlockField& b) {
        return method == QStringView(b.method) && field == QStringView(b.field);
    });
    return it == kBlockFields.end() ? 0 : it->size;
}

QString compactBlockHex(ByteView block)
{
    const auto end = std::find_if(block.rbegin(), block.rend(), [](std::uint8_t b) { return b != 0; }).base();
    return QString::fromStdString(toHex(block.first(static_cast<std::size_t>(end - block.begin()))));
}

QJsonObject expandBlocks(QStringView method, QJsonObject fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const qsizetype size = transcriptBlockSize(method, it.key());
        if (size == 0 || !it.value().isString())
            continue;
        QString text = it.value().toString();
        if (text.size() % 2 != 0 || text.size() >= 2 * size)
            continue;
        text.append(QString(2 * size - text.size(), QLatin1Char('0')));
        it.value() = text;
    }
    return fields;
}

DeviceCall decodeCall(const QJsonObject& call)
{
    DeviceCall c;
    c.method = call.value(QStringLiteral("method")).toString();
    c.hresult = static_cast<quint32>(call.value(QStringLiteral("hresult")).toInteger());
    c.durationMs = call.value(QStringLiteral("duration_ms")).toInteger();
    c.error = call.value(QStringLiteral("error")).toString();
    auto fields = [&](const char* part) {
        QList<DeviceCall::Field> out;
        const QJsonObject values = expandBlocks(c.method, call.value(QLatin1String(part)).toObject());
        for (auto it = values.begin(); it != values.end(); ++it)
            out.append({it.key(), it.value().toString()});
        return out;
    };
    c.params = fields("params");
    c.result = fields("result");
    return c;
}

} // namespace copp::session
