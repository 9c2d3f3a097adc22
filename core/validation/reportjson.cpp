// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/reportjson.h>

#include <core/validation/diagnosis.h>

#include <QJsonArray>

namespace copp::validation {

namespace {
QJsonValue certificateValue(int certificate)
{
    return certificate < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(certificate);
}
} // namespace

QJsonObject reportToJson(const ValidationReport& report)
{
    QJsonArray steps;
    for (const StepResult& s : report.steps) {
        QJsonObject step{{QStringLiteral("rule"), ruleId(s.rule)},
                         {QStringLiteral("certificate"), certificateValue(s.certificate)},
                         {QStringLiteral("status"), outcomeId(s.outcome)},
                         {QStringLiteral("detail"), s.detail.english()}};
        // docs/cli.md#diagnoses: present only when a cause was proven.
        if (s.diagnosis)
            step.insert(QStringLiteral("diagnosis"), QJsonObject{{QStringLiteral("id"), diagnosisId(s.diagnosis->id)},
                                                                 {QStringLiteral("detail"), s.diagnosis->detail.english()}});
        steps.append(step);
    }
    QJsonValue firstFailure(QJsonValue::Null);
    if (const StepResult* f = report.firstFailure()) {
        firstFailure = QJsonObject{{QStringLiteral("rule"), ruleId(f->rule)},
                                   {QStringLiteral("certificate"), certificateValue(f->certificate)}};
    }
    return QJsonObject{{QStringLiteral("valid"), report.isValid()},
                       {QStringLiteral("first_failure"), firstFailure},
                       {QStringLiteral("steps"), steps}};
}

} // namespace copp::validation
