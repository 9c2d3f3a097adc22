// SPDX-License-Identifier: BSD-3-Clause
// GUI tests find a control the way a screen reader names it.
#pragma once

#include <QString>
#include <QWidget>

namespace copp::tests {

// The first child of type T under `parent` whose accessible name is `accessibleName`.
template <typename T>
T* findNamed(QWidget& parent, const QString& accessibleName)
{
    for (T* w : parent.findChildren<T*>())
        if (w->accessibleName() == accessibleName)
            return w;
    return nullptr;
}

} // namespace copp::tests
