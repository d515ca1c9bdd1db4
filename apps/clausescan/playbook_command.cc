// clausescan playbook init [FILE] [--force] | check FILE
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "inputs.h"
#include "output.h"

namespace clausescan::cli {
namespace {

struct PlaybookArgs {
  RuleOptions rules;
  std::string file;
  bool force = false;
};

constexpr const char* kHeader =
    R"(# clausescan playbook: the positions a scan judges each finding by.
#
# A copy of the default playbook of {origin}. Edit it, then scan with it:
#   clausescan scan --playbook {file} CONTRACT...
#
# The file overrides the default playbook position by position. Each key below is a clause
# category (incident_notification) or a rule id (incident-notification.details); for a key:
#   default: / default_reason:        replace the key's risk and reason when no position applies
#   a position with an id listed here  replaces the default position with that id
#   a position with a new id           adds a position to the key
#   - {{id: ID, enabled: false}}         removes the default position ID
# Whatever this file does not name keeps its default, so deleting a position from this file does
# not remove it: set `enabled: false` instead. A rule id key starts a policy of its own for that
# rule, replacing its category's.
# A position's `when` holds conditions on the parameters of a finding, all of which must hold:
#   param: value, {{in: [a, b]}}, {{lt: N}}, {{le: N}}, {{gt: N}}, {{ge: N}}, {{present: false}}
# The finding's risk is the highest of the positions that apply, else the key's default.
# Mistakes (unknown keys, parameters no rule declares, unknown position ids, bad values) stop the
# scan with FILE:line:column and exit status 2; nothing is silently ignored.
# Reference: docs/rules.md ("playbook.yaml", "Playbook overrides").
)";

// The default playbook as one commented override file.
std::string PlaybookTemplate(const RuleSet& rules, const std::string& file) {
  const std::string origin = rules.origin() == "<builtin>" ? "the rules built into clausescan"
                                                           : MessageSafe(rules.origin());
  std::string text = fmt::format(
      fmt::runtime(kHeader), fmt::arg("origin", origin),
      fmt::arg("file", file.empty() ? std::string("playbook.yaml") : MessageSafe(file)));
  const std::vector<RuleFile> sources = rules.PlaybookFiles();
  for (const RuleFile& source : sources) {
    text += fmt::format("\n# {:-<94}\n# From {}\n# {:-<94}\n\n", "", source.name, "");
    text += source.content;
    if (!source.content.empty() && source.content.back() != '\n') text += '\n';
  }
  if (sources.empty()) text += "\n# The rule directory has no playbook.yaml.\n{}\n";
  return text;
}

int RunInit(const PlaybookArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  const std::string file = args.file == "-" ? "" : args.file;  // "" or "-": standard output
  const std::string text = PlaybookTemplate(*rules, file);
  // Joining the files must give a valid override; if it does not, write nothing.
  if (Result<RuleSet> check = rules->WithPlaybookText(text, "<playbook init>"); !check) {
    PrintError("internal error: the playbook copy does not load back: " + check.error().message());
    return kExitError;
  }
  if (!CheckInitTarget(file, args.force)) return kExitError;
  Output out(file);
  std::string error;
  if (!out.Open(&error)) {
    PrintError(error);
    return kExitError;
  }
  ReadFiles reads;
  reads.rules_dir = args.rules.rules_dir;
  if (!CheckOutputIsNotRead(reads, out, "playbook copy")) return kExitError;
  out.stream() << text;
  if (!out.Commit(&error)) {
    PrintError(error);
    return kExitError;
  }
  return kExitOk;
}

int RunCheck(const PlaybookArgs& args) {
  RuleOptions options = args.rules;
  options.playbook = args.file;
  std::optional<RuleSet> rules = LoadRules(options);
  if (!rules) return kExitError;
  std::cout << args.file << ": ok\n";
  return kExitOk;
}

}  // namespace

Command AddPlaybookCommand(CLI::App& app) {
  auto args = std::make_shared<PlaybookArgs>();
  CLI::App* cmd = app.add_subcommand("playbook", "Write or check a playbook override file");
  cmd->require_subcommand(1);
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  CLI::App* init = cmd->add_subcommand(
      "init", "Write a commented copy of the default playbook to FILE (or standard output)");
  init->add_option("file", args->file,
                   "The file to write (written whole or not at all); - for standard output")
      ->check(NonEmptyFileName());
  init->add_flag("--force", args->force, "Overwrite FILE if it exists");
  CLI::App* check = cmd->add_subcommand("check", "Check a playbook override file without scanning");
  check->add_option("file", args->file, "The playbook override file")->required();
  // --rules may also come after the subcommand (playbook init --rules DIR).
  init->fallthrough();
  check->fallthrough();
  return [=] { return init->parsed() ? RunInit(*args) : RunCheck(*args); };
}

}  // namespace clausescan::cli
