// clausescan controls [--all]
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "commands.h"

namespace clausescan::cli {
namespace {

struct ControlsArgs {
  RuleOptions rules;
  bool all = false;
};

int RunControls(const ControlsArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  std::map<std::string, std::vector<std::string>> rules_by_control;
  for (const RuleInfo& rule : rules->Rules()) {
    for (const Control& c : rule.controls) rules_by_control[c.id].push_back(rule.id);
  }
  for (const Control& control : rules->Controls()) {
    auto it = rules_by_control.find(control.id);
    if (it == rules_by_control.end() && !args.all) continue;
    // Rule packs are data from anywhere: one line per value, nothing raw.
    std::cout << fmt::format("{:<7} {}\n", TerminalSafeLine(control.id),
                             TerminalSafeLine(control.title));
    if (it != rules_by_control.end()) {
      for (const std::string& id : it->second) {
        std::cout << "        " << TerminalSafeLine(id) << "\n";
      }
    }
  }
  return kExitOk;
}

}  // namespace

Command AddControlsCommand(CLI::App& app) {
  auto args = std::make_shared<ControlsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "controls", "List ISO/IEC 27001:2022 Annex A controls and the rules that map to them");
  cmd->add_flag("--all", args->all, "Also list controls no rule maps to");
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  return [args] { return RunControls(*args); };
}

}  // namespace clausescan::cli
