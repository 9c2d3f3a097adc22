// SPDX-License-Identifier: BSD-3-Clause
// Icons for step outcomes, drawn at run time (no image plugin needed): a green
// disc with a tick, a red disc with a cross, a grey disc with a dash. The shape
// differs as well as the colour, so colour is never the only signal.
#pragma once

#include <core/validation/validationreport.h>

#include <QColor>
#include <QIcon>

namespace copp::ui {

QIcon outcomeIcon(validation::Outcome outcome);
QColor outcomeColor(validation::Outcome outcome);

} // namespace copp::ui
