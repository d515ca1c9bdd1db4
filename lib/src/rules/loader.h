// Loading and validating the rule directory.
#ifndef CLAUSESCAN_RULES_LOADER_H_
#define CLAUSESCAN_RULES_LOADER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"

namespace clausescan::internal {

// The largest rule, catalogue, test or playbook file read: 4 MiB, as much as the text a YAML file
// may expand to (kMaxYamlTextBytes in rules/yaml_fields.h).
inline constexpr std::size_t kMaxRuleFileBytes = std::size_t{4} << 20;

// Reads every file under dir (recursively; *.yaml and *.test.txt) into SourceFiles with
// '/'-separated relative names, sorted by name. Entries that are neither folders nor regular
// files (FIFOs, devices, dangling links) are skipped unopened. Errors: kIo naming dir when it
// cannot be read, or naming a file that cannot; kTooLarge naming a file of more than
// kMaxRuleFileBytes (refused before it is read).
Result<std::vector<SourceFile>> ReadRuleDirectory(const std::string& dir);

// The files embedded at build time (generated from the project's rules/ folder).
const std::vector<SourceFile>& EmbeddedRuleFiles();

// The trees of the embedded *.yaml files, parsed, checked and packed at build time by
// clausescan_pack_rules (rules/packed_yaml.h). Lives as long as the process.
std::string_view EmbeddedRulePack();

// Parses, validates and compiles files into RuleSetData. Special files (by name, anywhere):
// categories.yaml, controls.yaml, evidence.yaml, parties.yaml, doctypes.yaml, concepts.yaml,
// playbook.yaml, rationale.yaml (rules/rationale_loader.h); every other *.yaml is one rule. Patterns are stored with their {{concept}}
// references expanded (rules/concepts.h). Errors are kRuleError with file, line and column and a message
// that says what is wrong and, for unknown keys or ids, what was probably meant.
Result<std::shared_ptr<RuleSetData>> LoadRuleSet(std::vector<SourceFile> files, std::string origin);

// base's playbook overridden by file (a playbook override, in the format of playbook.yaml; see
// docs/rules.md): for each key (a category or rule id of base), `default` and `default_reason`
// replace the key's; a position whose id the key's policy has replaces it in place; a new id is
// appended to the key's positions; `enabled: false` on a position id removes that position.
// Errors (kRuleError at file.name:line:column, the first problem only): YAML syntax, an empty
// file, unknown keys anywhere, an unknown category or rule, a parameter or placeholder no rule
// of the key declares, a bad value, an id named twice in the file, a disabled id the key's
// policy lacks, a position id that belongs to another key's policy, a new or replaced position
// without 'when', 'risk' or 'reason'.
Result<Playbook> MergePlaybook(const RuleSetData& base, const SourceFile& file);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_LOADER_H_
