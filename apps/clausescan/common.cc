#include <iostream>

#include "clausescan/printers.h"
#include "commands.h"

namespace clausescan::cli {

CLI::Validator NonEmptyFileName() {
  return CLI::Validator(
      [](std::string& name) { return name.empty() ? std::string("the file name is empty") : ""; },
      "FILE");
}

void PrintError(const std::string& message) {
  std::cerr << "clausescan: " << TerminalSafe(message) << "\n";
}

std::optional<RuleSet> LoadRules(const RuleOptions& options) {
  Result<RuleSet> rules =
      options.rules_dir.empty() ? RuleSet::Builtin() : RuleSet::Load(options.rules_dir);
  if (rules && !options.playbook.empty()) rules = rules->WithPlaybook(options.playbook);
  if (!rules) {
    PrintError(rules.error().message());
    return std::nullopt;
  }
  return std::move(*rules);
}

}  // namespace clausescan::cli
