// SPDX-License-Identifier: BSD-3-Clause
// docs/cli.md#verify `--json`: {"valid", "first_failure", "steps": [{rule, certificate, status, detail}]}.
// Keys are never translated; details are the English texts.
#pragma once

#include <core/validation/validationreport.h>

#include <QJsonObject>

namespace copp::validation {

QJsonObject reportToJson(const ValidationReport& report);

} // namespace copp::validation
