// clausescan evidence PATH...
#include <cctype>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "inputs.h"
#include "option_names.h"
#include "output.h"
#include "output_format.h"
#include "own_outputs.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

struct EvidenceArgs {
  InputArgs inputs;
  RuleOptions rules;
  ReadArgs read;
  std::string output;
  std::string color = "auto";
  std::string format = "text";
  bool format_given = false;  // --format on the command line
  bool no_rationale = false;
  ProfileOptionArgs profile;  // issue 13 s7 #1
};

int RunEvidence(EvidenceArgs args) {
  if (args.output == "-") args.output.clear();  // "-o -": standard output, as the default
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ScanOptions options;
  if (!LoadProfileOption(args.profile, *rules, &options)) return kExitError;
  ApplyReadOptions(args.read, &options);
  options.rationale = !args.no_rationale;  // issue 14 #1
  Scanner scanner(*rules, options);
  Output out(args.output);
  std::string error;
  if (!out.Open(&error)) {
    PrintError(error);
    return kExitError;
  }
  ReadFiles reads{args.rules.playbook, args.rules.rules_dir, "", args.profile.profile, {}};
  // never over the profile, its SoA CSV or an evidence file
  if (options.profile) reads.profile_files = ProfileFiles(*options.profile);
  if (!CheckOutputIsNotAnInput(args.inputs, reads, out)) return kExitError;
  // issue 13 s10 #3: the profile's own files are never read as contracts (as pack)
  if (options.profile &&
      !CheckNoContractIsAProfileFile(args.inputs, *options.profile, "not scanning it")) {
    return kExitError;
  }
  // Before any scanning; the unnamed output file is never linked in when this fails.
  if (!args.format_given && !args.output.empty()) {
    std::optional<std::string> format =
        FormatOfOutputName(args.output, {"text", "json", "csv"}, &error);
    if (!format) {
      PrintError(error);
      return kExitError;
    }
    args.format = format->empty() ? "text" : *format;
  }
  InputArgs inputs = args.inputs;
  std::vector<RunFile> run_files = FilesTheRunReads(reads, options.profile.get());
  for (RunFile& file : FilesWritten(out, "evidence list")) run_files.push_back(std::move(file));
  SkipWhatIsNoContract(run_files, &inputs);
  std::vector<Report> reports;
  std::vector<NotScanned> not_scanned;
  bool ok = ScanInputs(
      scanner, inputs, [&](Report& r) { reports.push_back(std::move(r)); }, &not_scanned);
  if (reports.empty() && !ok) return kExitError;  // nothing scanned: the old pack stays
  // A report cut at --max-findings calls for less than the whole contract does.
  for (const Report& report : reports) {
    PrintNameAndContentNotes(report.document.path, report.notes);
    PrintCutNote(report, "the list holds only what the findings shown call for");
  }
  std::vector<EvidenceNeed> pack = BuildEvidencePack(reports);
  // The inputs not scanned are recorded in the pack as scan records them in its report; CSV
  // rows are findings, so stderr (where ScanInputs named each) is their only record.
  if (args.format == "json") {
    WriteEvidenceJson(pack, not_scanned, out.stream());
  } else if (args.format == "csv") {
    WriteEvidenceCsv(pack, out.stream());
  } else {
    TextStyle style;
    style.color = args.color == "always" || (args.color == "auto" && out.WantsAutoColor());
    WriteEvidencePack(pack, not_scanned, out.stream(), style);
  }
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
  cmd->add_option("-o,--output", args->output,
                  "Write to this file (whole or not at all; -: standard output)")
      ->check(NonEmptyFileName());
  CLI::Option* format =
      cmd->add_option("-f,--format", args->format,
                      "Output format: text (a checklist), json or csv (for scripts); default: "
                      "from the --output file's extension (.json, .csv), else text")
          ->transform(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case))
          ->capture_default_str();
  cmd->add_option("--color", args->color, "Colour the output")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("--no-rationale", args->no_rationale,
                "Leave out why the buyer asks for what calls for each item, in every format");
  cmd->add_option("--profile", args->profile.profile,
                  "Name your own document for each item from this company profile (see "
                  "clausescan profile init): its file, who may see it, valid until; or that it "
                  "is missing or expired");
  cmd->add_option("--as-of", args->profile.as_of,
                  "With --profile: judge your documents' expiry on this date (YYYY-MM-DD); "
                  "default: today (UTC)")
      ->check(NonEmptyDate());
  cmd->add_option("--term-ends", args->profile.term_ends,
                  "With --profile: the day the contract's term ends (YYYY-MM-DD); your documents "
                  "that expire before it are flagged")
      ->check(NonEmptyDate());
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  cmd->add_option("--playbook", args->rules.playbook, "Override the default playbook");
  AddReadOptions(cmd, &args->read);
  AddFindingsOption(cmd, &args->read);
  AddPartyOption(cmd, &args->read);
  return [args, format] {
    args->format_given = format->count() > 0;
    return RunEvidence(*args);
  };
}

}  // namespace clausescan::cli
