// The rules of cli-contract.md §1, in procedure order. Ids are part of the
// contract (JSON, exit codes, scripts): never rename them.
#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace copp::validation {

enum class Rule {
    CollectionWellFormed,
    CollectionUtf8,
    CollectionVersion,
    CollectionCount,
    CertUniqueChildren,
    CertModulus,
    CertExponent,
    CertLeafUsage,
    CertLink,
    CertSignUsage,
    CertDigest,
    CertSignature,
    CertTrustedRoot,
    CrlSignature,
    CrlRevoked,
};

inline constexpr std::array kAllRules = {
    Rule::CollectionWellFormed, Rule::CollectionUtf8,   Rule::CollectionVersion,
    Rule::CollectionCount,      Rule::CertUniqueChildren, Rule::CertModulus,
    Rule::CertExponent,         Rule::CertLeafUsage,    Rule::CertLink,
    Rule::CertSignUsage,        Rule::CertDigest,       Rule::CertSignature,
    Rule::CertTrustedRoot,      Rule::CrlSignature,     Rule::CrlRevoked,
};

QString ruleId(Rule rule);
std::optional<Rule> ruleFromId(QStringView id);

// Short title and the procedure text it implements; source strings for tr()
// in context "copp::validation::Rule" (QT_TRANSLATE_NOOP in rule.cpp).
const char* ruleTitle(Rule rule);
const char* ruleDescription(Rule rule);
QString translatedRuleTitle(Rule rule);
QString translatedRuleDescription(Rule rule);

// Which certificates of a three-certificate chain a rule applies to.
bool ruleAppliesTo(Rule rule, int certificate, int certificateCount);
bool isCollectionRule(Rule rule);
bool isCertificateRule(Rule rule);

} // namespace copp::validation
