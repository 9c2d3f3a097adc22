// SPDX-License-Identifier: BSD-3-Clause
// A self-contained HTML page of a validation report, for partners who do not
// run CoppScope: no scripts, no external files, readable when printed.
#pragma once

#include <core/validation/validationreport.h>

#include <QByteArray>
#include <QString>

namespace copp::validation {

struct HtmlSource {
    QString fileName;   // shown as given; escaped
    QByteArray bytes;   // the validated file, identified by its SHA-256
    QString generator;  // "CoppScope 0.1.0"
};

// UTF-8 HTML in the current UI language (texts through QCoreApplication::translate).
QByteArray reportToHtml(const ValidationReport& report, const HtmlSource& source);

} // namespace copp::validation
