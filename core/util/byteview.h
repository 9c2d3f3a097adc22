// SPDX-License-Identifier: BSD-3-Clause
// The kernel works on ByteView (no Qt); Qt code holds QByteArray. One place
// for the conversion between the two.
#pragma once

#include <core/kernel/bytes.h>

#include <QByteArray>
#include <QByteArrayView>

namespace copp::util {

inline ByteView byteView(QByteArrayView bytes)
{
    return {reinterpret_cast<const std::uint8_t*>(bytes.data()), static_cast<std::size_t>(bytes.size())};
}

inline QByteArray toQByteArray(ByteView bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()));
}

} // namespace copp::util
