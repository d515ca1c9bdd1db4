// Reading playbook.yaml (see docs/rules.md): each category's or rule's default risk and its
// positions, checked against the parameters the rules declare. The pieces a playbook override
// shares are declared here too.
#ifndef CLAUSESCAN_RULES_PLAYBOOK_LOADER_H_
#define CLAUSESCAN_RULES_PLAYBOOK_LOADER_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogues.h"
#include "rules/model.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// Parameter names the rules of each category output, and each rule's own, keyed by category
// id and by rule id (the keys a playbook may use).
using DeclaredParams = std::map<std::string, std::vector<std::string>>;

// The parameter names one rule declares, each once, in declaration order: each parameter's
// name, its business-days name and currency name, and "business" when it may set it. Views into
// rule, which must outlive them.
Names ParamsDeclaredBy(const Rule& rule);

// The parameters rules declare, under their category and rule ids.
DeclaredParams CollectParams(const std::vector<Rule>& rules);

// What a parameter holds, which says what a condition may test of it: only a number is compared
// (lt, le, gt, ge).
enum class ParamKind {
  kNumber,  // durations, percentages, amounts, fee months and multiples, frequencies
  kWord,    // a vague term, a trigger, an enum value, a currency
  kFlag,    // true or false
  kWords,   // a set: a list of words
};
using ParamKinds = std::map<std::string, ParamKind, std::less<>>;

// The kind of each parameter ParamsDeclaredBy(rule) names.
ParamKinds ParamKindsDeclaredBy(const Rule& rule);

// The kind of each parameter rules declare; a name two rules declare as different kinds is left
// out (not checked).
ParamKinds ParamKindsDeclaredBy(const std::vector<Rule>& rules);

// The playbook of one category being read, for messages and parameter checks.
struct PolicyContext {
  const YamlFile& file;
  std::string category;
  Names params;  // declared by the category's rules
  std::set<std::string>* position_ids;
  // True when `category` is a rule id and params are that rule's own (a rule's considerations).
  bool one_rule = false;
  // The kinds of params; when set, a comparison of a parameter that is not a number is an error.
  const ParamKinds* kinds = nullptr;
};

// Reads a map of conditions (a position's `when`, an expectation's `where`; what names it in
// messages). Each parameter must be declared by a rule of ctx.category unless check_declared is
// false (a category without rules declares nothing).
Status ReadConditions(const PolicyContext& ctx, const YAML::Node& node, std::string_view what,
                      std::vector<Condition>* out, bool check_declared = true);

// Reads `when` of a consideration or an answer: a map of conditions or a list of such maps
// (alternatives, any of which offers it). An empty map or list is an error ("leave 'when' out").
Status ReadWhen(const PolicyContext& ctx, const YAML::Node& when,
                std::vector<std::vector<Condition>>* out);

// The keys of a position, and those a full position requires.
const Names kPositionKeys = {"id", "when", "risk", "reason", "propose"};
const Names kPositionRequired = {"id", "when", "risk", "reason"};

// Reads what a position says besides its id (when, risk, reason, propose) from fields that were
// checked against kPositionKeys.
Status ReadPositionBody(const PolicyContext& ctx, const Fields& fields, Position* position);

// Reads the id of a position and where it is written.
Status ReadPositionId(const PolicyContext& ctx, const Fields& fields, Position* position);

// Reads `positions` of fields (nothing when absent) as a list, calling read for each item.
Status ForEachPosition(const PolicyContext& ctx, const Fields& fields,
                       const std::function<Status(const YAML::Node&)>& read);

// Reads the fields of a key's policy (default, default_reason, positions, customer) into *fields
// and its `default` and `default_reason` into *policy.
Status ReadPolicyHeader(const PolicyContext& ctx, const YAML::Node& node, Fields* fields,
                        CategoryPolicy* policy);

// Reads the `customer` entry of fields (a policy's fields read by ReadPolicyHeader), if any,
// into policy->customer, replacing an earlier customer side (whose position ids leave
// ctx.position_ids): `default`, `default_reason` and `positions` as a policy's, no `customer`.
// Errors: as ReadPolicyHeader's and a position's, a position id used twice in the playbook.
Status ReadCustomerSide(const PolicyContext& ctx, const Fields& fields, CategoryPolicy* policy);

// The keys a playbook may use: category ids, then the ids of rules that declare parameters.
// Views into categories and declared.
Names PlaybookKeys(const std::vector<CategoryInfo>& categories, const DeclaredParams& declared);

// Checks that key (written at node) is one of keys and sets up *ctx for its policy. Error:
// an unknown key, with a suggestion.
Status PolicyContextFor(const YamlFile& file, const YAML::Node& node, const std::string& key,
                        const Names& keys, const DeclaredParams& declared, const ParamKinds& kinds,
                        std::set<std::string>* position_ids, std::optional<PolicyContext>* ctx);

// Reads a playbook.yaml into *out (adding to the policies of other playbook files). Errors: the
// first problem at file:line:column, including a key that another file already gave a policy
// and a position id used twice in the rule set.
// The playbook key that holds the currency settings rather than a policy.
inline constexpr std::string_view kCurrencyKey = "currency";

// Reads the `currency` entry of a playbook file: `{base: USD, rates: [{currency: EUR, rate:
// 1.08, date: 2026-11-30}]}` (base and rates optional). A rate for a code *currency already has
// replaces it. Errors (FILE:line:column): unknown keys, a code that is not three letters, a rate
// that is not a positive number, a missing date, a code named twice in the entry.
Status ReadPlaybookCurrency(const YamlFile& file, const YAML::Node& node,
                            PlaybookCurrency* currency);

Status ReadPlaybook(const YamlFile& file, const YAML::Node& root, const Catalogs& catalogs,
                    const DeclaredParams& declared, const ParamKinds& kinds, Playbook* out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_PLAYBOOK_LOADER_H_
