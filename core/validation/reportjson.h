// cli-contract.md §1 `--json`: {"valid", "first_failure", "steps": [{rule, certificate, status, detail}]}.
// Keys are never translated; details are the English texts.
#pragma once

#include "validationreport.h"

#include <QJsonObject>

namespace copp::validation {

QJsonObject reportToJson(const ValidationReport& report);

} // namespace copp::validation
