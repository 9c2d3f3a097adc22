#include "transcriptblocks.h"

#include <algorithm>
#include <array>

namespace copp::session {

namespace {

struct BlockField {
    const char16_t* method;
    const char16_t* field;
    qsizetype size;
};

// cli-contract.md §2, the rows with HEX(4096) and HEX(4112).
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

} // namespace copp::session
