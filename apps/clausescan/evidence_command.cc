// clausescan evidence PATH...
#include <iostream>
#include <vector>

#include "commands.h"
#include "inputs.h"
#include "output.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

struct EvidenceArgs {
  InputArgs inputs;
  RuleOptions rules;
  ReadArgs read;
  std::string output;
  std::string color = "auto";
};

int RunEvidence(const EvidenceArgs& args) {
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ScanOptions options;
  ApplyReadOptions(args.read, &options);
  Scanner scanner(*rules, options);
  Output out(args.output);
  std::string error;
  if (!out.Open(&error)) {
    PrintError(error);
    return kExitError;
  }
  if (!CheckOutputIsNotAnInput(args.inputs, {args.rules.playbook, args.rules.rules_dir, ""}, out)) {
    return kExitError;
  }
  InputArgs inputs = args.inputs;
  inputs.batch.skip_files = FilesNotToScan(out);
  std::vector<Report> reports;
  bool ok = ScanInputs(scanner, inputs, [&](Report& r) { reports.push_back(std::move(r)); });
  if (reports.empty() && !ok) return kExitError;  // nothing scanned: the old pack stays
  TextStyle style;
  style.color = args.color == "always" || (args.color == "auto" && out.IsTerminal());
  WriteEvidencePack(BuildEvidencePack(reports), out.stream(), style);
  if (!out.Commit(&error)) {
    PrintError(error);
    return kExitError;
  }
  return ok ? kExitOk : kExitError;
}

}  // namespace

Command AddEvidenceCommand(CLI::App& app) {
  auto args = std::make_shared<EvidenceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "evidence", "List the documents to prepare before the buyer asks (the evidence pack)");
  AddInputOptions(cmd, &args->inputs);
  cmd->add_option("-o,--output", args->output, "Write to this file (whole or not at all)")
      ->check(NonEmptyFileName());
  cmd->add_option("--color", args->color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  cmd->add_option("--playbook", args->rules.playbook, "Override the default playbook");
  AddReadOptions(cmd, &args->read);
  AddFindingsOption(cmd, &args->read);
  AddPartyOption(cmd, &args->read);
  return [args] { return RunEvidence(*args); };
}

}  // namespace clausescan::cli
