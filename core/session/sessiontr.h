// SPDX-License-Identifier: BSD-3-Clause
// tr() for the free functions of copp::session: lupdate files a tr("…") call outside
// a class under its namespace's name, so the lookup uses that name too.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace copp::session {

inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("copp::session", text, disambiguation, n);
}

} // namespace copp::session
