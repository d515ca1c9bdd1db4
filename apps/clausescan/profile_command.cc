// clausescan profile init FILE [--force] | check FILE [--as-of DATE]
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "commands.h"
#include "inputs.h"
#include "output.h"

namespace clausescan::cli {
namespace {

struct ProfileArgs {
  RuleOptions rules;
  std::string file;
  bool force = false;
  std::string as_of;  // YYYY-MM-DD; empty: today (UTC)
};

int RunInit(const ProfileArgs& args) {
  const std::string file = args.file == "-" ? "" : args.file;  // "-": standard output
  if (!CheckInitTarget(file, args.force)) return kExitError;
  // issue 13 s8 #2: `profile init - >> evidence.txt` would append the example to a file that
  // holds something already (a profile's evidence, the profile itself): refused.
  struct stat st {};
  if (file.empty() && ::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
    PrintError(
        "standard output is a file that holds something already; not appending the example "
        "profile to it: write it with `profile init FILE`");
    return kExitError;
  }
  Output out(file);
  std::string error;
  if (!out.Open(&error)) {
    PrintError(error);
    return kExitError;
  }
  ReadFiles reads;
  reads.rules_dir = args.rules.rules_dir;
  if (!CheckOutputIsNotRead(reads, out, "example profile")) return kExitError;
  out.stream() << ExampleProfileText();
  if (!out.Commit(&error)) {
    PrintError(error);
    return kExitError;
  }
  return kExitOk;
}

int RunCheck(const ProfileArgs& args) {
  std::optional<CalendarDate> today = CalendarDate::Today();
  if (!args.as_of.empty()) {
    today = CalendarDate::Parse(args.as_of);
    if (!today) {
      PrintError("--as-of must be a date written YYYY-MM-DD, found '" + args.as_of + "'");
      return kExitError;
    }
  }
  if (args.file == "-") {  // issue 13 s8 #4
    PrintError("profile check: standard input is not accepted: give the profile's own path");
    return kExitError;
  }
  std::optional<RuleSet> rules = LoadRules(args.rules);
  if (!rules) return kExitError;
  ProfileResult profile = LoadProfile(args.file, *rules);
  if (!profile) {
    for (const ProfileError& error : profile.errors()) PrintError(error.message());
    return kExitError;
  }
  // issue 13 s8 #2: the summary appended onto a file the profile names would reach the next pack.
  const ReadFiles reads{"", "", "", args.file, ProfileFiles(*profile)};
  if (!CheckStandardOutputIsNotRead(reads, "summary")) return kExitError;
  WriteProfileSummary(*profile, *rules, *today, std::cout);
  return kExitOk;
}

}  // namespace

Command AddProfileCommand(CLI::App& app) {
  auto args = std::make_shared<ProfileArgs>();
  CLI::App* cmd = app.add_subcommand(
      "profile", "Write or check a company profile: your SoA, evidence and capabilities");
  cmd->require_subcommand(1);
  cmd->add_option("--rules", args->rules.rules_dir,
                  "Check control and evidence ids against the rules in this directory");
  CLI::App* init = cmd->add_subcommand("init", "Write a commented example profile to FILE");
  init->add_option("file", args->file,
                   "The file to write (written whole or not at all); - for standard output")
      ->required()
      ->check(NonEmptyFileName());
  init->add_flag("--force", args->force, "Overwrite FILE if it exists");
  CLI::App* check = cmd->add_subcommand(
      "check", "Validate a profile and print a summary, or every error (exit status 2)");
  check->add_option("file", args->file, "The profile file")->required();
  check
      ->add_option("--as-of", args->as_of,
                   "Judge evidence expiry on this date (YYYY-MM-DD); default: today (UTC)")
      ->check(NonEmptyDate());
  init->fallthrough();
  check->fallthrough();
  return [=] { return init->parsed() ? RunInit(*args) : RunCheck(*args); };
}

}  // namespace clausescan::cli
