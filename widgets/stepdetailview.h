// SPDX-License-Identifier: BSD-3-Clause
// Shows one validation step: what the procedure asks, the outcome and why, the
// evidence, and the exact bytes of the file the step looked at.
#pragma once

#include <core/validation/validationreport.h>

#include <QTextBrowser>

namespace copp::ui {

class StepDetailView : public QTextBrowser {
    Q_OBJECT
public:
    explicit StepDetailView(QWidget* parent = nullptr);
    void showStep(const validation::ValidationReport& report, const validation::StepResult* step);
};

} // namespace copp::ui
