// SPDX-License-Identifier: BSD-3-Clause
// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF) that reports where the first bad sequence starts, so a
// driver engineer is told the byte offset instead of "invalid encoding".
#pragma once

#include <QByteArrayView>

namespace copp::cert {

struct Utf8Check {
    bool valid = true;
    qsizetype firstBadByte = -1;
};

Utf8Check checkUtf8(QByteArrayView bytes);

} // namespace copp::cert
