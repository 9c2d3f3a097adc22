// SPDX-License-Identifier: BSD-3-Clause
// The readable report of `coppscope-cli verify`: a verdict line, then one line
// per step with its evidence (expected vs actual) underneath failures.
#pragma once

#include <core/validation/validationreport.h>

#include <QString>

namespace copp::validation {

struct TextOptions {
    bool verbose = false; // evidence for passing steps too
};

QString reportToText(const ValidationReport& report, const QString& fileName, const TextOptions& options = {});

// "leaf", "IHV", "root" for a three-certificate chain.
QString certificateRoleName(int certificate);

} // namespace copp::validation
