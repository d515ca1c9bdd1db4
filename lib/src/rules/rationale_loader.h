// Reading rationale.yaml (docs/rules.md, "Rationale"): why the buyer asks for the clauses of a
// category and of its rules, with the texts that drive it.
#ifndef CLAUSESCAN_RULES_RATIONALE_LOADER_H_
#define CLAUSESCAN_RULES_RATIONALE_LOADER_H_

#include <map>
#include <string>
#include <vector>

#include "rules/model.h"
#include "rules/playbook_loader.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// Reads one rationale.yaml into *out (keyed by category id and rule id). Errors (kRuleError at
// FILE:line:column, the first only): unknown keys (with a suggestion), a category not in
// categories or a rule id not in rules (with suggestions), a rule of another category, a
// rationale without text or without sources, a source without title, url, says or read, a
// source whose read holds the word "secondary" in any case (read only through a third-party copy
// or summary; reported at its read), a source whose read names no place a reader can find
// (NamesWhereRead: no address, no repository with commit and path, no file under
// /work/shared/reference/; reported at its read), a category or rule that another file already
// gave a rationale. kinds is ParamKindsDeclaredBy(rules), computed once by the caller for every
// rationale file of the pack.
Status ReadRationale(const YamlFile& file, const YAML::Node& root,
                     const std::vector<CategoryInfo>& categories, const std::vector<Rule>& rules,
                     const ParamKinds& kinds, std::map<std::string, RationaleEntry>* out);

// The rationales of the built-in rules (the embedded rules/*/rationale.yaml), keyed by category
// id and by rule id, read once on first use and then shared (thread-safe). Empty if an embedded
// file cannot be read (the built-in rule set's own load then reports why).
const std::map<std::string, RationaleEntry>& BuiltinRationales();

// Gives each rule of rules that has no rationale in *rationales, neither its own nor its
// category's, the one of BuiltinRationales() (read only then): the built-in rule's of the same
// id when that rule is of the same category, else the built-in category's of the same id. So a
// user's rule folder without rationale.yaml files shows, for a rule of a built-in category,
// what the built-in rules show. Adds entries to *rationales under the rule id or category id;
// never replaces one.
void InheritRationales(const std::vector<Rule>& rules,
                       std::map<std::string, RationaleEntry>* rationales);

// Every rule must have a rationale, its own or its category's (after InheritRationales). Error
// (kRuleError) at the first rule without, naming its file and line and saying how to add one.
Status CheckEveryRuleHasRationale(const std::vector<Rule>& rules,
                                  const std::map<std::string, RationaleEntry>& rationales);

// Sets each data->infos[i].rationale, sector_rationale and neutral_rationale (parallel to
// data->rules) from data->rationales: the rule's own, else its category's.
void FillInfoRationales(RuleSetData* data);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_RATIONALE_LOADER_H_
