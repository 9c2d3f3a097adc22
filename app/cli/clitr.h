// SPDX-License-Identifier: BSD-3-Clause
// tr() for the free functions of copp::cli: lupdate files a tr("…") call outside
// a class under its namespace's name, so the lookup uses that name too.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace copp::cli {

inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("copp::cli", text, disambiguation, n);
}

} // namespace copp::cli
