// SPDX-License-Identifier: BSD-3-Clause
// Text from outside (a device's name and error texts, a chain's content, a file
// name) shown on a terminal or in a one-line view: control characters become
// \xNN, so the text cannot move the cursor, recolour the terminal or start a
// fake line of its own.
#pragma once

#include <QString>

namespace copp::util {

QString printableText(QString text);

} // namespace copp::util
