// clausescan rules list | show ID|CATEGORY | test [DIR] | validate [DIR]
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clausescan/printers.h"
#include "commands.h"

namespace clausescan::cli {
namespace {

struct RulesArgs {
  RuleOptions rules;
  std::string rule_id;
  std::string dir;
  bool expand = false;  // show, validate: print patterns with their concepts expanded
};

// "  where (line L): written\n      = expanded" for a pattern that refers to a concept, else
// "  where (line L): pattern".
std::string PatternLines(const RulePattern& pattern) {
  std::string text =
      fmt::format("  {} (line {}): {}\n", pattern.where, pattern.line, pattern.written);
  if (pattern.expanded != pattern.written) text += fmt::format("      = {}\n", pattern.expanded);
  return text;
}

int RunList(const RulesArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  for (const RuleInfo& rule : rules->Rules()) {
    std::cout << fmt::format("{:<40} {:<24} {}\n", TerminalSafeLine(rule.id),
                             TerminalSafeLine(rule.category), TerminalSafeLine(rule.title));
  }
  return kExitOk;
}

// The rule id or category closest to id whatever the case of its letters (within a third of its
// length, at least one edit, or only a difference of case), or "" when none is that close. Ids of
// more than 100 bytes get no suggestion.
std::string ClosestId(const std::string& id, const std::vector<RuleInfo>& rules) {
  if (id.size() > 100) return "";
  const std::string lower = AsciiLowerCase(id);
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, id.size() / 3) + 1;
  for (const RuleInfo& rule : rules) {
    for (const std::string* candidate : {&rule.id, &rule.category}) {
      const std::size_t d = EditDistance(lower, AsciiLowerCase(*candidate));
      if (d < best_distance) best = *candidate, best_distance = d;
    }
  }
  return best;
}

// `rules show CATEGORY` (review fix C #3): the category's rules, one line each, and the
// rationale most of them share (the category's, which rules without their own carry).
std::string CategoryText(const std::string& category, const std::vector<RuleInfo>& rules) {
  std::string shown = fmt::format("{}  (category)\n\nRules:\n", category);
  std::map<std::string, int> shared;
  const Rationale* common = nullptr;
  for (const RuleInfo& rule : rules) {
    if (rule.category != category) continue;
    shown += fmt::format("  {:<40} {}\n", rule.id, rule.title);
    if (rule.rationale.text.empty()) continue;
    const int count = ++shared[rule.rationale.text];
    if (common == nullptr || count > shared[common->text]) common = &rule.rationale;
  }
  if (common != nullptr) {
    shown += "\nWhy the buyer asks:\n  " + common->text + "\n";
    for (const RationaleSource& s : common->sources) {
      shown += fmt::format("  - {} <{}>\n", s.title, s.url);
    }
  }
  shown += "\nSee a rule: clausescan rules show RULE_ID\n";
  shown += fmt::format("\n{}\n", kNotLegalAdvice);  // issue 14 #3: a human format
  return shown;
}

int RunShow(const RulesArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  const RuleInfo* rule = rules->FindRule(args.rule_id);
  if (rule == nullptr) {
    const std::vector<RuleInfo> all = rules->Rules();
    for (const RuleInfo& r : all) {
      if (r.category != args.rule_id) continue;
      std::cout << TerminalSafe(CategoryText(args.rule_id, all));
      return kExitOk;
    }
    const std::string closest = ClosestId(args.rule_id, all);
    PrintError(fmt::format("no rule or category '{}'{} (see: clausescan rules list)", args.rule_id,
                           closest.empty() ? "" : fmt::format(" (did you mean '{}'?)", closest)));
    return kExitError;
  }
  // A rule pack is data from anywhere: nothing of it reaches the terminal as a control byte.
  std::string shown = fmt::format("{}  ({})\n{}\n", rule->id, rule->category, rule->title);
  if (!rule->description.empty()) shown += "\n" + rule->description + "\n";
  shown += "\nControls (ISO/IEC 27001:2022 Annex A):\n";
  for (const Control& c : rule->controls) shown += fmt::format("  {:<7} {}\n", c.id, c.title);
  shown += "\nEvidence:\n";
  for (const EvidenceItem& e : rule->evidence) shown += fmt::format("  {}\n", e.title);
  if (!rule->rationale.text.empty()) {  // issue 14 #2
    shown += "\nWhy the buyer asks:\n  " + rule->rationale.text + "\n";
    for (const RationaleSource& s : rule->rationale.sources) {
      shown += fmt::format("  - {} <{}>\n", s.title, s.url);
    }
    // issue 14 review s8 #6: the sentence a document of each sector gets instead.
    for (const auto& [sector, sentence] : rule->sector_rationale) {
      shown += fmt::format("  For {}: {}\n", sector, sentence);
    }
    if (!rule->neutral_rationale.empty()) {
      shown += "  For other buyers: " + rule->neutral_rationale + "\n";
    }
    // issue 14 third review #7: the sentence a clause of that kind gets whatever the sectors.
    for (const auto& [flag, sentence] : rule->flag_rationale) {
      shown += fmt::format("  For a clause with {}: {}\n", flag, sentence);
    }
  }
  shown += fmt::format("\nRule file ({}):\n{}", rule->file, rule->source);
  if (!rule->tests.empty()) shown += "\nTest examples:\n" + rule->tests;
  if (args.expand) {
    shown += "\nPatterns, concepts expanded:\n";
    for (const RulePattern& pattern : rule->pattern_details) shown += PatternLines(pattern);
  }
  shown += fmt::format("\n{}\n", kNotLegalAdvice);  // issue 14 #3: a human format
  std::cout << TerminalSafe(shown);
  return kExitOk;
}

int RunTest(const RulesArgs& args) {
  RuleOptions options = args.rules;
  if (!args.dir.empty()) options.rules_dir = args.dir;
  std::optional<RuleSet> rules = LoadRules(options);
  if (!rules) return kExitError;
  Result<RuleTestSummary> summary = RunRuleTests(*rules, options.rules_dir);
  if (!summary) {
    PrintError(summary.error().message());
    return kExitError;
  }
  for (const RuleTestFailure& f : summary->failures) {
    std::cout << fmt::format("{}:{}: {}\n", f.file, f.line, f.message);
  }
  for (const RuleTestFailure& f : summary->fixed_todos) {
    std::cout << fmt::format("{}:{}: {}\n", f.file, f.line, f.message);
  }
  std::cout << fmt::format("{} test files, {} samples: {} passed, {} failed, {} todo",
                           summary->files, summary->samples, summary->passed,
                           summary->failures.size(), summary->todo);
  if (!summary->fixed_todos.empty()) {
    std::cout << fmt::format(" ({} now hold)", summary->fixed_todos.size());
  }
  std::cout << '\n';
  // A rule file whose test file is missing or not a regular file (a FIFO, a device) has
  // untested rules: said on stderr, so a CI run that passes does not hide it.
  std::set<std::string> untested;
  for (const RuleInfo& rule : rules->Rules()) {
    if (rule.tests.empty()) untested.insert(rule.file);
  }
  for (const std::string& file : untested) {
    PrintError(file + ": note: no test file, so its rules were not tested");
  }
  for (const RuleTestFailure& f : summary->undeclared) {
    PrintError(fmt::format("{}:{}: note: {}", f.file, f.line, f.message));
  }
  return summary->ok() ? kExitOk : kExitFindings;
}

int RunPatterns(const RulesArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  for (const RuleInfo& rule : rules->Rules()) {
    for (const std::string& pattern : rule.patterns) std::cout << pattern << "\n";
  }
  return kExitOk;
}

int RunValidate(const RulesArgs& args) {
  RuleOptions options = args.rules;
  if (!args.dir.empty()) options.rules_dir = args.dir;
  std::optional<RuleSet> rules = LoadRules(options);
  if (!rules) return kExitError;
  std::cout << fmt::format("{}: {} rules, {} controls: ok\n", rules->origin(),
                           rules->Rules().size(), rules->Controls().size());
  if (!args.expand) return kExitOk;
  std::cout << fmt::format("\nConcepts ({}):\n", rules->Concepts().size());
  for (const ConceptInfo& concept_info : rules->Concepts()) {
    std::cout << fmt::format("  {} ({}:{}): {}\n", concept_info.name, concept_info.file,
                             concept_info.line, concept_info.written);
    if (concept_info.expanded != concept_info.written) {
      std::cout << fmt::format("      = {}\n", concept_info.expanded);
    }
  }
  std::cout << "\nPatterns that refer to concepts:\n";
  for (const RuleInfo& rule : rules->Rules()) {
    for (const RulePattern& pattern : rule.pattern_details) {
      if (pattern.expanded == pattern.written) continue;
      std::cout << fmt::format("{}:{}:{}: {} {}: {}\n      = {}\n", rule.file, pattern.line,
                               pattern.column, rule.id, pattern.where, pattern.written,
                               pattern.expanded);
    }
  }
  return kExitOk;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
  auto args = std::make_shared<RulesArgs>();
  CLI::App* cmd = app.add_subcommand("rules", "List, explain, test and validate rules");
  cmd->require_subcommand(1);
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  CLI::App* list = cmd->add_subcommand("list", "List the rules");
  CLI::App* show = cmd->add_subcommand("show", "Show a rule, its tests and controls");
  show->add_option("id", args->rule_id, "Rule id")->required();
  show->add_flag("--expand", args->expand,
                 "Also list every pattern with its {{concept}} references expanded");
  CLI::App* test = cmd->add_subcommand("test", "Run the rules' annotated test files");
  test->add_option("dir", args->dir, "Rule directory (default: the builtin rules)");
  CLI::App* patterns = cmd->add_subcommand(
      "patterns", "Print every rule pattern, concepts expanded, one per line (for grep -f)");
  CLI::App* validate = cmd->add_subcommand("validate", "Check rule files without scanning");
  validate->add_option("dir", args->dir, "Rule directory (default: the builtin rules)");
  validate->add_flag("--expand", args->expand,
                     "Also list the concepts and every pattern that refers to one, expanded");
  // --rules may also come after the subcommand (rules list --rules DIR).
  for (CLI::App* sub : {list, show, test, patterns, validate}) sub->fallthrough();
  return [=] {
    if (list->parsed()) return RunList(*args);
    if (show->parsed()) return RunShow(*args);
    if (test->parsed()) return RunTest(*args);
    if (patterns->parsed()) return RunPatterns(*args);
    return RunValidate(*args);
  };
}

}  // namespace clausescan::cli
