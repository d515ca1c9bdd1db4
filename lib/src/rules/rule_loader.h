// Reading one rule file (see docs/rules.md), and the rule vocabulary the playbook and document
// type files share: risks, parameter names, RE2 patterns.
#ifndef CLAUSESCAN_RULES_RULE_LOADER_H_
#define CLAUSESCAN_RULES_RULE_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "rules/catalogues.h"
#include "rules/concepts.h"
#include "rules/model.h"
#include "rules/rule_files.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// Reads info, low, medium or high.
Status ReadRisk(const YamlFile& file, const YAML::Node& node, Risk* out);

// A parameter name: lower-case letters, digits and '_', starting with a letter.
bool IsParamName(std::string_view name);

// Where ReadPatterns records each pattern as written and as expanded (details null: nowhere),
// labelled `where` ("all[0]", "none"...).
struct PatternLog {
  std::vector<RulePattern>* details = nullptr;
  std::string where;
};

// Sets *expanded to pattern (written at node) with its concepts expanded, and checks it with
// the matcher's options. Errors: an empty pattern ("empty pattern in 'any': it would match
// everywhere; ..."; key names the list or field it is written in), those of
// PatternExpander::Expand; an invalid pattern, at node.
Status ExpandPatternAt(PatternExpander& patterns, std::string_view key, const YAML::Node& node,
                       const std::string& pattern, std::string* expanded);

// Reads a list of RE2 patterns into *out, each with its concepts expanded and checked with the
// matcher's options. An empty list is an error unless allow_empty (a `none` list may be empty;
// an `any` list never matches when empty).
Status ReadPatterns(PatternExpander& patterns, const YAML::Node& node, std::string_view key,
                    std::vector<std::string>* out, bool allow_empty = false,
                    const PatternLog& log = {});

// Reads every rule file of special into *out, in the order of special.rules. Errors: the first
// problem of a rule file at file:line:column, or a rule id defined twice (at the second).
Status ReadRules(const SpecialFiles& special, const Catalogs& catalogs, std::vector<Rule>* out);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_RULE_LOADER_H_
