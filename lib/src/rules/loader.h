// Loading and validating the rule directory.
#ifndef CLAUSESCAN_RULES_LOADER_H_
#define CLAUSESCAN_RULES_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"

namespace clausescan::internal {

// Reads every file under dir (recursively; *.yaml and *.test.txt) into SourceFiles with
// '/'-separated relative names, sorted by name. kIo naming dir when it cannot be read.
Result<std::vector<SourceFile>> ReadRuleDirectory(const std::string& dir);

// The files embedded at build time (generated from the project's rules/ folder).
const std::vector<SourceFile>& EmbeddedRuleFiles();

// Parses, validates and compiles files into RuleSetData. Special files (by name, anywhere):
// categories.yaml, controls.yaml, evidence.yaml, parties.yaml, playbook.yaml; every other
// *.yaml is one rule. Errors are kRuleError with file, line and column and a message that says
// what is wrong and, for unknown keys or ids, what was probably meant.
Result<std::shared_ptr<RuleSetData>> LoadRuleSet(std::vector<SourceFile> files,
                                                 std::string origin);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_LOADER_H_
