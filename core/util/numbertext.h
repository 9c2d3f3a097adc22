// SPDX-License-Identifier: BSD-3-Clause
// Unsigned 32-bit numbers typed by people: sequence numbers, merits.
#pragma once

#include <QStringView>

#include <cstdint>
#include <optional>

namespace copp::util {

// Decimal ("0600" is 600: zero-padded numbers pasted from a driver log stay
// decimal, where C's base 0 read them as octal), or hex after "0x"/"0X"
// ("0x600000", as merits are written). Nothing else: no sign, no spaces.
std::optional<std::uint32_t> parseU32(QStringView text);

} // namespace copp::util
