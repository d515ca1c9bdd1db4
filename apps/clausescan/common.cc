#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/printers.h"
#include "commands.h"

namespace clausescan::cli {

CLI::Validator NonEmptyFileName() {
  return CLI::Validator(
      [](std::string& name) { return name.empty() ? std::string("the file name is empty") : ""; },
      "FILE");
}

CLI::Validator ZeroOrMore() {
  return CLI::Validator(
      [](std::string& value) {
        if (!value.empty() && value.front() == '-') return "must be 0 or more, not " + value;
        // CLI11 reads a number past the largest as the largest: refused, never cut.
        std::uint64_t number = 0;
        const char* end = value.data() + value.size();
        if (std::from_chars(value.data(), end, number).ec == std::errc::result_out_of_range) {
          return "too large: " + value;
        }
        return std::string();
      },
      "COUNT");
}

CLI::Validator NonEmptyDate() {
  return CLI::Validator(
      [](std::string& date) { return date.empty() ? std::string("the date is empty") : ""; },
      "YYYY-MM-DD");
}

bool ParseDateOption(const std::string& option, const std::string& text,
                     std::optional<CalendarDate>* date) {
  if (text.empty()) return true;
  *date = CalendarDate::Parse(text);
  if (*date) return true;
  PrintError(option + " must be a date written YYYY-MM-DD, found '" + text + "'");
  return false;
}

bool CheckTermEndsAfterAsOf(const ScanOptions& options) {
  std::optional<CalendarDate> on = options.profile_date;
  if (!on) on = CalendarDate::Today();
  if (!options.term_ends || !on || !(*options.term_ends < *on)) return true;
  PrintError("--term-ends " + options.term_ends->ToString() + " is before the judging date " +
             on->ToString() + " (--as-of, or today): give the day the contracts' term ends");
  return false;
}

bool LoadProfileOption(const ProfileOptionArgs& args, const RuleSet& rules, ScanOptions* options) {
  if (!args.as_of.empty()) {
    options->profile_date = CalendarDate::Parse(args.as_of);
    if (!options->profile_date) {
      PrintError("--as-of must be a date written YYYY-MM-DD, found '" + args.as_of + "'");
      return false;
    }
  }
  if (!ParseDateOption("--term-ends", args.term_ends, &options->term_ends)) return false;
  if (!CheckTermEndsAfterAsOf(*options)) return false;  // issue 13 s8 #7
  if (args.profile.empty()) {
    if (!options->term_ends) return true;
    PrintError("--term-ends needs --profile: it judges your documents against the term");
    return false;
  }
  ProfileResult profile = LoadProfile(args.profile, rules);
  if (!profile) {
    for (const ProfileError& error : profile.errors()) PrintError(error.message());
    return false;
  }
  options->profile = std::make_shared<const Profile>(std::move(profile).value());
  return true;
}

void PrintError(const std::string& message) {
  // An error may quote a value from its input (a rule id, a url): a huge one is cut so the
  // message stays readable; the file and line come first and are kept.
  constexpr std::size_t kMaxErrorBytes = 1000;
  std::string shown = MessageSafe(message);
  if (shown.size() > kMaxErrorBytes) {
    std::size_t cut = kMaxErrorBytes;
    while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
    const std::size_t more = shown.size() - cut;
    shown.resize(cut);
    shown += "... (" + std::to_string(more) + " more bytes)";
  }
  std::cerr << "clausescan: " << shown << "\n";
}

namespace {

// Why the rule folder loader skips the entry at path unopened, or "" when it reads it (a regular
// file, or a link to one).
std::string SkippedRuleFileReason(const std::filesystem::path& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "a symbolic link to nothing";
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISFIFO(st.st_mode)) return "it is a FIFO, not a regular file";
  if (S_ISCHR(st.st_mode)) return "it is a character device, not a regular file";
  if (S_ISBLK(st.st_mode)) return "it is a block device, not a regular file";
  if (S_ISSOCK(st.st_mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

// Says on stderr which `*.yaml` and `*.test.txt` entries of the rule folder at dir the loader
// skipped unopened, and why. Walks as the loader does (name order, links to folders followed,
// each real folder once); call only after the folder loaded, so it holds no link loop.
void NoteSkippedRuleFiles(const std::filesystem::path& dir,
                          std::set<std::pair<dev_t, ino_t>>* walked) {
  namespace fs = std::filesystem;
  struct stat st;
  if (::stat(dir.c_str(), &st) != 0 || !walked->insert({st.st_dev, st.st_ino}).second) return;
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    const std::string name = entry.filename().string();
    std::error_code type_ec;
    if (fs::is_directory(entry, type_ec)) {
      NoteSkippedRuleFiles(entry, walked);
    } else if (name.ends_with(".yaml") || name.ends_with(".test.txt")) {
      const std::string reason = SkippedRuleFileReason(entry);
      if (!reason.empty()) PrintError(entry.string() + ": skipped: " + reason);
    }
  }
}

}  // namespace

std::optional<RuleSet> LoadRules(const RuleOptions& options) {
  Result<RuleSet> rules =
      options.rules_dir.empty() ? RuleSet::Builtin() : RuleSet::Load(options.rules_dir);
  if (rules && !options.playbook.empty()) rules = rules->WithPlaybook(options.playbook);
  if (!rules) {
    PrintError(rules.error().message());
    return std::nullopt;
  }
  if (!options.rules_dir.empty()) {
    std::set<std::pair<dev_t, ino_t>> walked;
    NoteSkippedRuleFiles(options.rules_dir, &walked);
  }
  return std::move(*rules);
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace clausescan::cli
