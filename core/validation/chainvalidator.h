// SPDX-License-Identifier: BSD-3-Clause
// Runs every step of the COPP chain-validation procedure (docs/protocol.md §8.1) on a COPP certificate chain and
// returns one ValidationReport (docs/cli.md#verify: rule ids, order, statuses).
// Later steps still run after a failure; steps that cannot run are `skipped`.
#pragma once

#include <core/validation/validationpolicy.h>
#include <core/validation/validationreport.h>

namespace copp::validation {

class ChainValidator {
public:
    explicit ChainValidator(ValidationPolicy policy = {});
    ValidationReport validate(const QByteArray& chainBytes) const;
    const ValidationPolicy& policy() const { return m_policy; }

private:
    ValidationPolicy m_policy;
};

} // namespace copp::validation
