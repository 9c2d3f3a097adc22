// seed 003, "Validate Certificate Collection Procedure", steps 1-4.
#pragma once

#include "validationreport.h"

namespace copp::validation {

StepResult checkWellFormed(const cert::XmlDocument& doc);
StepResult checkUtf8(const cert::XmlDocument& doc);
StepResult checkVersion(const cert::XmlDocument& doc);
StepResult checkCount(const cert::XmlDocument& doc);

// "Version ... is 2.0 or later", compared as a decimal number (cli-contract.md):
// exact, no floating point, so "1.99999999999999999999" is below 2.0.
enum class VersionCheck { AtLeast2, Below2, NotANumber };
VersionCheck compareVersionWith2(QStringView text);

} // namespace copp::validation
