// SPDX-License-Identifier: BSD-3-Clause
// The "Validate Certificate Collection Procedure", steps 1-4 (docs/protocol.md §8.1).
#pragma once

#include <core/validation/validationreport.h>

namespace copp::validation {

StepResult checkWellFormed(const cert::XmlDocument& doc);
StepResult checkUtf8(const cert::XmlDocument& doc);
StepResult checkVersion(const cert::XmlDocument& doc);
StepResult checkCount(const cert::XmlDocument& doc);

// "Version ... is 2.0 or later", compared as a decimal number (docs/cli.md):
// exact, no floating point, so "1.99999999999999999999" is below 2.0.
enum class VersionCheck { AtLeast2, Below2, NotANumber };
VersionCheck compareVersionWith2(QStringView text);

} // namespace copp::validation
