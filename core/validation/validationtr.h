// SPDX-License-Identifier: BSD-3-Clause
// tr() for the free functions of copp::validation: lupdate files a tr("…") call outside
// a class under its namespace's name, so the lookup uses that name too.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace copp::validation {

inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("copp::validation", text, disambiguation, n);
}

} // namespace copp::validation
