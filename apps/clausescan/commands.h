// Subcommands of the clausescan CLI. Each registers its options on the app and returns a
// function that runs it and returns the process exit code (see docs/cli.md for the codes).
#ifndef CLAUSESCAN_APPS_COMMANDS_H_
#define CLAUSESCAN_APPS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>

#include "clausescan/clausescan.h"

namespace clausescan::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // a finding at or above --fail-on
inline constexpr int kExitError = 2;     // usage, input or rule error

using Command = std::function<int()>;

// Options every command that needs rules shares.
struct RuleOptions {
  std::string rules_dir;  // empty: the builtin rules
  std::string playbook;   // a playbook override file (--playbook); empty: none
};

// Loads the rules of options and options.playbook, printing the error (file, line and column of a
// bad rule or playbook) on failure, and on stderr the rule files of rules_dir skipped unopened.
std::optional<RuleSet> LoadRules(const RuleOptions& options);

// A CLI11 check that refuses an empty file name ("-o ''", an unset "$OUT"), which would
// otherwise mean standard output: "the file name is empty".
CLI::Validator NonEmptyFileName();
// Refuses a glob GlobError refuses: "invalid glob '[': unclosed character class; missing ']'".
CLI::Validator ValidGlob();

// A CLI11 check for a count (--jobs, --max-findings, and before a range check, --max-xml-depth):
// refuses a negative number with "must be 0 or more, not -1" (CLI::NonNegativeNumber's message
// writes the largest double out in full), one past 64 bits (which CLI11 would read as the
// largest) with "too large: N", and anything but digits with "must be a whole number, not abc"
// ("not an empty value" for '').
// least and most bound the number ("must be 1 or more, not 0"; "must be at most 100000, not
// 200000"), in the same words.
CLI::Validator Count(std::uint64_t least = 0,
                     std::uint64_t most = std::numeric_limits<std::uint64_t>::max());
// The same for a size (--max-input-size), as a transform to run before CLI::AsSizeValue: a number
// and a unit AsSizeValue knows, else "must be a size such as 64M or 1G, not abc".
CLI::Validator Size();

// A CLI11 check that refuses an empty date ("--as-of ''", an unset "$DATE"), which would
// otherwise mean today: "the date is empty".
CLI::Validator NonEmptyDate();

// Parses the date of option (e.g. "--term-ends") into *date; "" leaves it unset. Prints
// "OPTION must be a date written YYYY-MM-DD, found 'TEXT'" and returns false when it is not one.
bool ParseDateOption(const std::string& option, const std::string& text,
                     std::optional<CalendarDate>* date);
// False, after saying so, when options.term_ends is before options.profile_date (the judging
// date: --as-of, or today): a term that ended before the documents are judged is a mistake.
bool CheckTermEndsAfterAsOf(const ScanOptions& options);

// The company-profile options of scan and evidence: --profile, --as-of, --term-ends.
struct ProfileOptionArgs {
  std::string profile;
  std::string as_of;      // YYYY-MM-DD; empty: today (UTC)
  std::string term_ends;  // issue 13 #1: YYYY-MM-DD; empty: not known
};

// Loads args into options (ScanOptions::profile, profile_date, term_ends) against rules; prints
// every error of the profile, or of a date, and returns false when they do not load.
bool LoadProfileOption(const ProfileOptionArgs& args, const RuleSet& rules, ScanOptions* options);

// Prints "clausescan: <message>" to stderr.
void PrintError(const std::string& message);

// The optimal string alignment distance of a and b (insertions, deletions, substitutions and
// swaps of neighbours each count 1), for short words: "did you mean" suggestions.
std::size_t EditDistance(const std::string& a, const std::string& b);

// text with its ASCII letters in lower case (other bytes as they are).
std::string AsciiLowerCase(std::string text);

Command AddScanCommand(CLI::App& app);
Command AddTextCommand(CLI::App& app);
Command AddRulesCommand(CLI::App& app);
Command AddControlsCommand(CLI::App& app);
Command AddPlaybookCommand(CLI::App& app);
Command AddEvidenceCommand(CLI::App& app);
Command AddProfileCommand(CLI::App& app);
Command AddPackCommand(CLI::App& app);

}  // namespace clausescan::cli

#endif  // CLAUSESCAN_APPS_COMMANDS_H_
