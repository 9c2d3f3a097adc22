// SPDX-License-Identifier: BSD-3-Clause
// The rules of docs/cli.md#verify, in procedure order, and the x509.* rules of
// OPM certificates (docs/cli.md#opm-sessions). Ids are part of the contract (JSON,
// exit codes, scripts): never rename them.
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
    // OPM X.509 chains (docs/cli.md#opm-sessions, docs/protocol.md §8.2); after the COPP
    // rules so the range checks below keep their meaning.
    X509Decode,
    X509Path,
    X509Validity,
    X509Key,
    X509Ca,
    X509Signature,
    X509TrustedRoot,
};

inline constexpr std::array kAllRules = {
    Rule::CollectionWellFormed, Rule::CollectionUtf8,   Rule::CollectionVersion,
    Rule::CollectionCount,      Rule::CertUniqueChildren, Rule::CertModulus,
    Rule::CertExponent,         Rule::CertLeafUsage,    Rule::CertLink,
    Rule::CertSignUsage,        Rule::CertDigest,       Rule::CertSignature,
    Rule::CertTrustedRoot,      Rule::CrlSignature,     Rule::CrlRevoked,
};

// The X.509 (OPM) rules in procedure order: two collection-level rules, then
// per certificate on the path.
inline constexpr std::array kX509Rules = {
    Rule::X509Decode, Rule::X509Path,      Rule::X509Validity,   Rule::X509Key,
    Rule::X509Ca,     Rule::X509Signature, Rule::X509TrustedRoot,
};

QString ruleId(Rule rule);
// One step's name: the rule id, with "@N" when it is about certificate N
// (`cert.signature@1`), as --break, the tree and the messages spell it.
QString ruleAt(Rule rule, int certificate);
std::optional<Rule> ruleFromId(QStringView id);

// Short title and the procedure text it implements; source strings for tr()
// in context "copp::validation::Rule" (QT_TRANSLATE_NOOP in rule.cpp).
const char* ruleTitle(Rule rule);
const char* ruleDescription(Rule rule);
QString translatedRuleTitle(Rule rule);
QString translatedRuleDescription(Rule rule);

// Which certificates of a chain a rule applies to (COPP: three certificates;
// X.509: the path, 0 = leaf, certificateCount - 1 = root).
bool ruleAppliesTo(Rule rule, int certificate, int certificateCount);
// COPP rules only, as before the X.509 rules existed.
bool isCollectionRule(Rule rule);
bool isCertificateRule(Rule rule);
// X.509 rules: x509.decode and x509.path are collection level, the rest per certificate.
bool isX509Rule(Rule rule);
bool isX509CertificateRule(Rule rule);

} // namespace copp::validation
