// SPDX-License-Identifier: BSD-3-Clause
#include <widgets/chartlevels.h>

#include <widgets/protectionchart.h>

#include <core/kernel/protocol/constants.h>
#include <core/models/protectionhistory.h>

#include <array>

namespace copp::ui::chartlevels {

namespace proto = copp::protocol;

// The strings are in ProtectionChart's translation context, with the chart's others.

namespace {

constexpr std::array<int, kTypeCount> kRows{2, 4, 5, 2};
constexpr int kCgmsa = 2;

quint32 baseLevel(int typeIndex, quint32 value)
{
    return typeIndex == kCgmsa ? value & ~kRedistributionFlag : value;
}

bool isOnOff(int typeIndex)
{
    return typeIndex == 0 || typeIndex == 3;
}

// The level alone: "off", "level 3", "copy no more".
QString shortName(int typeIndex, quint32 base)
{
    if (base == 0)
        return ProtectionChart::tr("off");
    if (isOnOff(typeIndex))
        return ProtectionChart::tr("on");
    if (typeIndex == kCgmsa) {
        switch (base) {
        case proto::cgmsa::CopyFreely: return ProtectionChart::tr("copy freely");
        case proto::cgmsa::CopyNoMore: return ProtectionChart::tr("copy no more");
        case proto::cgmsa::CopyOneGeneration: return ProtectionChart::tr("copy one generation");
        case proto::cgmsa::CopyNever: return ProtectionChart::tr("copy never");
        default: break;
        }
    }
    return ProtectionChart::tr("level %1").arg(base);
}

} // namespace

int typeIndex(const QString& type)
{
    return static_cast<int>(models::ProtectionHistory::knownTypes().indexOf(type));
}

quint32 protocolType(int typeIndex)
{
    return proto::protectionTypeFromName(models::ProtectionHistory::knownTypes().at(typeIndex).toStdString()).value_or(0);
}

int rowCount(int typeIndex)
{
    return kRows.at(std::size_t(typeIndex));
}

std::optional<int> row(int typeIndex, quint32 value)
{
    const quint32 type = protocolType(typeIndex);
    if (value == kNoLevel || !proto::isValidLevel(type, value))
        return std::nullopt;
    return proto::levelPrecedence(type, value);
}

quint32 levelAtRow(int typeIndex, int row)
{
    for (quint32 level = 0; level < quint32(rowCount(typeIndex)); ++level)
        if (proto::levelPrecedence(protocolType(typeIndex), level) == row)
            return level;
    return quint32(row);
}

bool hasRedistributionFlag(int typeIndex, quint32 value)
{
    return typeIndex == kCgmsa && value != kNoLevel && (value & kRedistributionFlag) != 0;
}

QString levelName(int typeIndex, quint32 value)
{
    if (value == kNoLevel)
        return ProtectionChart::tr("no protection level available");
    if (!row(typeIndex, value))
        return ProtectionChart::tr("invalid level %1").arg(value);
    const QString type = ProtectionChart::typeDisplayName(models::ProtectionHistory::knownTypes().at(typeIndex));
    const QString name = ProtectionChart::tr("%1 %2", "protection type and level name").arg(type, shortName(typeIndex, baseLevel(typeIndex, value)));
    return hasRedistributionFlag(typeIndex, value) ? ProtectionChart::tr("%1, redistribution control required").arg(name) : name;
}

QString rowLabel(int typeIndex, int row)
{
    const QString level = shortName(typeIndex, levelAtRow(typeIndex, row));
    if (row > 0 && !isOnOff(typeIndex))
        return level;
    const QString type = ProtectionChart::typeDisplayName(models::ProtectionHistory::knownTypes().at(typeIndex));
    return ProtectionChart::tr("%1 %2", "protection type and level name").arg(type, level);
}

} // namespace copp::ui::chartlevels
