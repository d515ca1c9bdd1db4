// clausescan pack CONTRACT... --profile FILE --output DIR|FILE.zip (issue 13 #3)
#include <fmt/format.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/pack_write.h"
#include "commands.h"
#include "inputs.h"
#include "output.h"
#include "own_outputs.h"
#include "read_options.h"

namespace clausescan::cli {
namespace {

namespace fs = std::filesystem;

struct PackArgs {
  InputArgs inputs;
  RuleOptions rules;
  ReadArgs read;
  std::string profile;
  std::string output;
  std::string as_of;      // YYYY-MM-DD; empty: today (UTC)
  std::string term_ends;  // issue 13 #1: YYYY-MM-DD; empty: not known
  std::string missing;    // --missing FILE: the still-missing list; empty: standard output
  bool force = false;
};

// False, after saying why, when replacing the output would remove or write inside a file this
// run reads (a contract, the profile and every file it names, the playbook, a file of --rules,
// the file standard input comes from: CheckTargetIsNotAnInput, as scan), when a contract is the
// file standard output goes to, or when the output is the current folder or holds --missing.
bool CheckOutputHoldsNoInput(const PackArgs& args, const ReadFiles& reads) {
  if (!CheckTargetIsNotAnInput(args.inputs, reads, PackTarget(args.output))) return false;
  std::error_code ec;
  const fs::path output = fs::weakly_canonical(fs::absolute(args.output, ec), ec);
  if (ec) return true;  // the writer reports what is wrong with the path
  if (!args.missing.empty() && IsAtOrBelow(args.missing, output)) {
    PrintError(args.missing + ": --missing is for you, not the buyer: write it outside the pack (" +
               args.output + ")");
    return false;
  }
  if (IsAtOrBelow(".", output)) {
    PrintError(args.output + ": the pack would replace the current folder: write it elsewhere");
    return false;
  }
  return true;
}

// While alive, SIGINT, SIGTERM and SIGHUP (those handled, not ignored) only record the signal
// (Pending); a blocked read or write goes on after it (SA_RESTART). Finish() puts the previous
// handlers back and, when a signal came, raises it again. Keep() leaves the recording handlers in
// place until the process exits, so no signal kills a run that is complete (issue 13 s7 #4,
// attack D20).
class PackInterruption {
 public:
  PackInterruption() {
    struct sigaction action {};
    action.sa_handler = [](int signal) { pending_ = signal; };
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
      struct sigaction now {};
      if (::sigaction(kSignals[i], nullptr, &now) != 0 || now.sa_handler == SIG_IGN) continue;
      installed_[i] = ::sigaction(kSignals[i], &action, &previous_[i]) == 0;
    }
  }
  ~PackInterruption() { Finish(); }
  PackInterruption(const PackInterruption&) = delete;
  PackInterruption& operator=(const PackInterruption&) = delete;
  static int Pending() { return pending_; }
  void Keep() { finished_ = true; }
  void Finish(bool deliver = true) {
    if (finished_) return;
    finished_ = true;
    for (std::size_t i = 0; i < kSignals.size(); ++i) {
      if (installed_[i]) ::sigaction(kSignals[i], &previous_[i], nullptr);
      installed_[i] = false;
    }
    if (pending_ != 0 && deliver) ::raise(pending_);
  }

 private:
  static constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};
  static inline volatile std::sig_atomic_t pending_ = 0;
  std::array<struct sigaction, 3> previous_{};
  std::array<bool, 3> installed_{};
  bool finished_ = false;  // the destructor does nothing after Finish
};

// issue 13 s8 #5: a contract named more than once (the same file by any name: ./c.md, a link)
// is packed once, with a note on stderr naming the repeat.
void DropRepeatedContracts(std::vector<Report>* reports) {
  std::vector<std::pair<dev_t, ino_t>> seen;
  std::vector<Report> kept;
  for (Report& report : *reports) {
    struct stat st {};
    if (::stat(report.document.path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      const std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
        PrintError(report.document.path + ": named more than once; packed once");
        continue;
      }
      seen.push_back(id);
    }
    kept.push_back(std::move(report));
  }
  *reports = std::move(kept);
}

int ReportPack(const PackArgs& args, const Pack& pack, std::optional<Output>& missing,
               const std::string& not_removed);

// True when path, made absolute, lies in /dev, /proc or /sys (lexically: not resolved).
bool InSystemFolder(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  auto part = absolute.begin();
  if (part != absolute.end()) ++part;  // the root
  return part != absolute.end() && (*part == "dev" || *part == "proc" || *part == "sys");
}

std::string FileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO or pipe";
  if (S_ISSOCK(mode)) return "a socket";
  return "a device";
}

// Why path, named on the command line, cannot be a contract to pack (issue 13 s9 #1): contracts
// come from their own files and folders, never from standard input by another name
// (/dev/stdin, /proc/self/fd/0, a process substitution, a link to one), a FIFO (which would be
// waited on), a socket or a device. "" when it may be one; a path that does not exist is left
// to the scan, which names it.
std::string NotAContractPath(const std::string& path) {
  fs::path hop(path);
  for (int links = 0; links < 40; ++links) {  // each link on the way, as the system follows them
    if (InSystemFolder(hop)) {
      return "is standard input or a device (a file of /dev, /proc or /sys), not a contract file";
    }
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(hop, ec))) break;
    const fs::path target = fs::read_symlink(hop, ec);
    if (ec) break;
    hop = target.is_absolute() ? target : hop.parent_path() / target;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)) return "";
  return "is not a regular file (" + FileKind(st.st_mode) + "), not a contract file";
}

// False, after saying which, when a contract named is no file or folder of its own.
bool CheckContractsAreFiles(const InputArgs& inputs) {
  for (const std::string& path : inputs.paths) {
    if (const std::string why = NotAContractPath(path); !why.empty()) {
      PrintError(path + ": " + why +
                 ": pack reads contracts from their own files or folders (no pack written)");
      return false;
    }
  }
  return true;
}

std::string SignalLabel(int signal) {
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
  }
  return "a signal";
}

int RunPack(PackArgs args) {
  if (args.missing == "-") args.missing.clear();  // "-" is standard output, the default
  if (args.output == "-") {  // a pack is many files: it has no standard output to go to
    PrintError(
        "pack: -o - would be standard output, but a pack is a folder or a .zip file: "
        "name one (./- for a folder named \"-\")");
    return kExitError;
  }
  // issue 13 #4 (fix-pack): the pack is built from contract files, never standard input.
  if (args.inputs.paths.empty() || std::find(args.inputs.paths.begin(), args.inputs.paths.end(),
                                             "-") != args.inputs.paths.end()) {
    PrintError("pack: name the contract files or folders (pack never reads standard input)");
    return kExitError;
  }
  if (!CheckContractsAreFiles(args.inputs)) return kExitError;
  ScanOptions options;
  options.profile_date = CalendarDate::Today();
  if (!args.as_of.empty()) {
    options.profile_date = CalendarDate::Parse(args.as_of);
    if (!options.profile_date) {
      PrintError("--as-of must be a date written YYYY-MM-DD, found '" + args.as_of + "'");
      return kExitError;
    }
  }
  if (!ParseDateOption("--term-ends", args.term_ends, &options.term_ends)) return kExitError;
  if (!CheckTermEndsAfterAsOf(options)) return kExitError;  // issue 13 s8 #7
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ProfileResult profile = LoadProfile(args.profile, *rules);
  if (!profile) {
    for (const ProfileError& error : profile.errors()) PrintError(error.message());
    return kExitError;
  }
  const ReadFiles reads{args.rules.playbook, args.rules.rules_dir, "", args.profile,
                        ProfileFiles(*profile)};  // issue 13 D6/D13
  if (!CheckOutputHoldsNoInput(args, reads)) return kExitError;
  // issue 13 attack D17: the profile's own files are never read as contracts
  if (!CheckNoContractIsAProfileFile(args.inputs, *profile, "not packing it (no pack written)")) {
    return kExitError;
  }
  // The still-missing list goes to its own file, replaced whole, or to standard output; never
  // over a file the run reads (as scan -o).
  std::optional<Output> missing;
  if (!args.missing.empty()) {
    missing.emplace(args.missing);
    std::string error;
    if (!missing->Open(&error)) {
      PrintError(error);
      return kExitError;
    }
    WriteTarget target = ReportTarget(*missing);
    target.noun = "still-missing list";  // D9: not "the report", which pack does not write
    if (!CheckTargetIsNotAnInput(args.inputs, reads, target)) return kExitError;
  }
  auto shared = std::make_shared<const Profile>(std::move(profile).value());
  options.profile = shared;
  ApplyReadOptions(args.read, &options);
  Scanner scanner(*rules, options);
  args.inputs.batch.skip_files = FilesOfOutput(args.output);
  SkipWhatIsNoContract(FilesTheRunReads(reads, shared.get()), &args.inputs);
  std::vector<Report> reports;
  const bool ok = ScanInputs(scanner, args.inputs,
                             [&](Report& report) { reports.push_back(std::move(report)); });
  // issue 13 #4 (fix-pack): a pack without one of the contracts is not the pack asked for.
  if (reports.empty()) {
    PrintError("no contract to pack: no pack written");
    return kExitError;
  }
  if (!ok) {
    PrintError("a contract could not be read: no pack written");
    return kExitError;
  }
  DropRepeatedContracts(&reports);
  // A report cut at --max-findings calls for less than the whole contract does (attack review
  // of 86d34a9 #5: a pack of a dense contract was cut at 2000 findings without a word).
  for (const Report& report : reports) {
    PrintNameAndContentNotes(report.document.path, report.notes);
    PrintCutNote(report, "the pack holds only what the findings shown call for");
  }
  PackOptions pack_options;
  pack_options.as_of = *options.profile_date;
  pack_options.term_ends = options.term_ends;
  const Pack pack = BuildPack(reports, *shared, pack_options);
  PackWriteOptions write_options;
  write_options.force = args.force;
  // issue 13 D8: SIGINT, SIGTERM and SIGHUP while the pack is written only raise a flag, which the
  // writer checks between files and chunks: it removes its temporary and stops; the signal is
  // then delivered again to the usual handler (a message, death by the signal: 130, 143).
  PackInterruption interruption;
  std::string not_removed;
  PackWriteControl control;
  control.interrupted = [] { return PackInterruption::Pending() != 0; };
  control.not_removed = &not_removed;
  std::vector<std::string> swept;
  control.swept = &swept;
  std::vector<std::string> stale_kept;
  control.stale_kept = &stale_kept;
  Result<bool> written = WritePack(pack, *shared, args.output, write_options, control);
  for (const std::string& path : swept) {
    PrintError(args.output + ": note: removed " + path +
               ", left by an earlier run that was killed before it finished");
  }
  for (const std::string& path : stale_kept) {
    PrintError(args.output + ": note: " + path +
               " has the name of a pack run's temporary but not its marker, so it was left as it"
               " is; if an earlier run left it, it may hold NDA documents: remove it yourself");
  }
  if (!written) {
    interruption.Finish();  // an interrupted write: the signal's message and status (130, 143)
    PrintError(written.error().message() + " (no pack written)");
    return kExitError;
  }
  // issue 13 s7 #4: once the pack is in place the run is complete. A signal from now on is only
  // recorded: the summary and the still-missing list are written, and the exit status is the
  // run's own (docs/cli.md), with a line saying the signal came after the pack was written.
  // The recording handlers stay until exit (issue 13 attack D20).
  interruption.Keep();
  const int status = ReportPack(args, pack, missing, not_removed);
  if (const int signal = PackInterruption::Pending(); signal != 0) {
    PrintError(fmt::format("{} arrived after the pack was in place: {} is complete and kept",
                           SignalLabel(signal), args.output));
  }
  return status;
}

// Prints what was written and the still-missing list (to --missing or standard output, flushed);
// returns the run's exit status.
int ReportPack(const PackArgs& args, const Pack& pack, std::optional<Output>& missing,
               const std::string& not_removed) {
  // As the index counts them: clause lines, one however many categories were found on it.
  std::set<std::pair<std::string, std::size_t>> answered_lines;
  for (const PackClause& c : pack.clauses) {
    if (std::any_of(c.evidence.begin(), c.evidence.end(),
                    [](const PackEvidence& e) { return e.listed; })) {
      answered_lines.insert({c.document, c.line});
    }
  }
  const std::size_t answered = answered_lines.size();
  std::cout << fmt::format("wrote pack {}: {} {}, {} {}, {} still missing\n", args.output,
                           pack.documents.size(),
                           pack.documents.size() == 1 ? "document" : "documents", answered,
                           answered == 1 ? "clause" : "clauses", pack.missing.size());
  // issue 13 #1 (fix-pack): the still-missing list is for you only, never inside the pack.
  const std::string text = PackMissingText(pack);
  // issue 13 s8 #3: a still-missing list that cannot be written says the pack is kept.
  const std::string in_place =
      "the pack " + args.output + " is in place; the still-missing list could not be written: ";
  if (missing) {
    missing->stream() << text;
    std::string error;
    if (!missing->Commit(&error)) {
      PrintError(in_place + error);
      return kExitError;
    }
  } else {
    std::cout << text;
  }
  std::cout.flush();
  if (const int error = StandardOutputError(); !missing && error != 0 && error != EPIPE) {
    PrintError(in_place + "standard output: " + std::strerror(error));
    return kExitError;
  }
  if (!not_removed.empty()) {  // issue 13 D12: the new pack is in place; say what is left
    PrintError(args.output + ": the pack is in place, but " + not_removed);
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

Command AddPackCommand(CLI::App& app) {
  auto args = std::make_shared<PackArgs>();
  CLI::App* cmd = app.add_subcommand(
      "pack",
      "Build the security pack to send the buyer: per clause, your documents that answer it");
  AddInputOptions(cmd, &args->inputs);
  cmd->get_option("paths")->description(
      "Contract files and folders (folders recursively); never standard input, a pipe or a "
      "device");
  cmd->add_option("--profile", args->profile,
                  "The company profile (see clausescan profile init) the pack is built from")
      ->required()
      ->check(NonEmptyFileName());
  cmd->add_option("-o,--output", args->output,
                  "The pack: a folder, or a .zip file; written whole or not at all")
      ->required()
      ->check(NonEmptyFileName());
  cmd->add_option("--as-of", args->as_of,
                  "Judge your documents' expiry on this date (YYYY-MM-DD); default: today (UTC)")
      ->check(NonEmptyDate());
  cmd->add_option("--term-ends", args->term_ends,
                  "The day the contracts' term ends (YYYY-MM-DD): your documents that expire "
                  "before it are listed as still missing")
      ->check(NonEmptyDate());
  cmd->add_option("--missing", args->missing,
                  "Write what is still missing (for you, not the buyer) to this file instead of "
                  "standard output ('-': standard output); never inside --output")
      ->check(NonEmptyFileName());
  cmd->add_flag("--force", args->force, "Replace --output if it exists and is not empty");
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Use the rules in this directory instead of the builtin ones");
  cmd->add_option("--playbook", args->rules.playbook, "Override the default playbook");
  AddReadOptions(cmd, &args->read);
  AddFindingsOption(cmd, &args->read);
  AddPartyOption(cmd, &args->read);
  return [args] { return RunPack(*args); };
}

}  // namespace clausescan::cli
