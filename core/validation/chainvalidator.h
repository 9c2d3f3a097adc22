// Runs every step of seed 003's procedure on a COPP certificate chain and
// returns one ValidationReport (cli-contract.md §1: rule ids, order, statuses).
// Later steps still run after a failure; steps that cannot run are `skipped`.
#pragma once

#include "validationpolicy.h"
#include "validationreport.h"

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
