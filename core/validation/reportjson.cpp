// SPDX-License-Identifier: BSD-3-Clause
#include <core/validation/reportjson.h>

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
        steps.append(QJsonObject{{QStringLiteral("rule"), ruleId(s.rule)},
                                 {QStringLiteral("certificate"), certificateValue(s.certificate)},
                                 {QStringLiteral("status"), outcomeId(s.outcome)},
                                 {QStringLiteral("detail"), s.detail.english()}});
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
