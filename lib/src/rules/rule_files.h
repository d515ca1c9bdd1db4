// Finding the files of a rules folder: reading it from disk, and telling the special files
// (catalogues, playbooks, document types) from the rules by name.
#ifndef CLAUSESCAN_RULES_RULE_FILES_H_
#define CLAUSESCAN_RULES_RULE_FILES_H_

#include <string>
#include <vector>

#include "rules/model.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// The files of a rule set by role, pointing into the SourceFiles they were classified from
// (which must outlive them). Each catalogue, doctypes.yaml and sectors.yaml may appear once.
struct SpecialFiles {
  const SourceFile* categories = nullptr;
  const SourceFile* controls = nullptr;
  const SourceFile* evidence = nullptr;
  const SourceFile* parties = nullptr;
  const SourceFile* doctypes = nullptr;
  const SourceFile* concepts = nullptr;
  const SourceFile* sectors = nullptr;  // sectors.yaml (issue 14)
  std::vector<const SourceFile*> playbooks;   // every playbook.yaml, merged
  std::vector<const SourceFile*> rationales;  // every rationale.yaml, merged
  std::vector<const SourceFile*> rules;       // every other *.yaml
};

// Sorts files into *out by base name (anywhere in the tree): categories.yaml, controls.yaml,
// evidence.yaml, parties.yaml, doctypes.yaml, concepts.yaml, sectors.yaml, playbook.yaml,
// rationale.yaml; every other *.yaml is a rule and anything else is ignored. Error (kRuleError
// naming the second file): a catalogue, doctypes.yaml, concepts.yaml or sectors.yaml found twice.
Status Classify(const std::vector<SourceFile>& files, SpecialFiles* out);

// The path of a file of the rule folder dir as the user can open it: `name` (a SourceFile name
// ReadRuleDirectory gave, relative to dir) joined to dir ("rules/x.yaml", "/r/x.yaml").
std::string PathInRuleDirectory(const std::string& dir, const std::string& name);

// `error`, naming its file by PathInRuleDirectory when the file is one of `names` (the names of
// the files read from dir), so an error in a file of `--rules DIR` says "DIR/x.yaml:3:1:".
Error WithPathInRuleDirectory(const Error& error, const std::string& dir,
                              const std::vector<std::string>& names);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_RULE_FILES_H_
