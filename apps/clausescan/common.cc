#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clausescan/batch.h"
#include "clausescan/printers.h"
#include "clausescan/rule_folder.h"
#include "commands.h"
#include "output.h"

namespace clausescan::cli {

CLI::Validator NonEmptyFileName() {
  return CLI::Validator(
      [](std::string& name) { return name.empty() ? std::string("the file name is empty") : ""; },
      "FILE");
}

CLI::Validator ValidGlob() {
  return CLI::Validator(
      [](std::string& glob) {
        const std::optional<std::string> error = GlobError(glob);
        return error ? fmt::format("invalid glob '{}': {}", glob, *error) : std::string();
      },
      "GLOB");
}

namespace {

// Why value is no count or size of 0 or more, or "" when it is one: a negative number (which
// CLI11 would read as the largest size, turning a limit off), one past 64 bits (which CLI11 would
// read as the largest: refused, never cut), no value, or a value of another shape than `shape`
// accepts ("a whole number", "a size such as 64M or 1G").
std::string NotZeroOrMore(const std::string& value, const std::string& shape,
                          const std::function<bool(std::string_view)>& has_shape) {
  if (!value.empty() && value.front() == '-') return "must be 0 or more, not " + value;
  if (value.empty()) return "must be " + shape + ", not an empty value";
  if (!has_shape(value)) return "must be " + shape + ", not " + value;
  std::uint64_t number = 0;
  const char* end = value.data() + value.size();
  if (std::from_chars(value.data(), end, number).ec == std::errc::result_out_of_range) {
    return "too large: " + value;
  }
  return "";
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// A size as CLI::AsSizeValue reads it: a whole number ("64") and a unit it knows ("M", "GiB").
bool IsSize(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return false;
  std::string unit(text.substr(digits));
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (unit.empty() || unit == "b") return true;
  if (std::string_view("kmgtpe").find(unit[0]) == std::string_view::npos) return false;
  const std::string rest = unit.substr(1);
  return rest.empty() || rest == "b" || rest == "i" || rest == "ib";
}

// Whether a size that IsSize accepts ("99999999999G") fits in 64 bits once its unit (powers of
// 1024, as CLI::AsSizeValue(false) reads them) is applied.
bool SizeFits(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::uint64_t bytes = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bytes);
  if (error != std::errc()) return false;
  std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  if (unit.empty()) return true;
  const std::size_t power =
      std::string_view("bkmgtpe").find(static_cast<char>(std::tolower(static_cast<unsigned char>(unit[0]))));
  for (std::size_t i = 0; i < power; ++i) {
    if (__builtin_mul_overflow(bytes, std::uint64_t{1024}, &bytes)) return false;
  }
  return true;
}

}  // namespace

CLI::Validator Count(std::uint64_t least, std::uint64_t most) {
  return CLI::Validator(
      [least, most](std::string& value) {
        std::string why = NotZeroOrMore(value, "a whole number", AllDigits);
        if (!why.empty()) return why;
        std::uint64_t number = 0;
        std::from_chars(value.data(), value.data() + value.size(), number);
        if (number < least) return fmt::format("must be {} or more, not {}", least, value);
        if (number > most) return fmt::format("must be at most {}, not {}", most, value);
        return std::string();
      },
      "COUNT");
}

CLI::Validator Size() {
  return CLI::Validator(
      [](std::string& value) {
        std::string why = NotZeroOrMore(value, "a size such as 64M or 1G", IsSize);
        if (why.empty() && !SizeFits(value)) why = "too large: " + value;
        return why;
      },
      "SIZE");
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
  // An error may quote a value from its input (a rule id, a url, a path past PATH_MAX): a huge
  // one is cut in its middle so the message stays readable; its start (the file and line) and
  // its end (the end of a path, the reason) are kept.
  constexpr std::size_t kKeptBytes = 500;  // at each end
  std::string shown = MessageSafe(message);
  if (shown.size() > 2 * kKeptBytes + 100) {
    const auto at_character = [&](std::size_t at) {
      while (at > 0 && (static_cast<unsigned char>(shown[at]) & 0xC0) == 0x80) --at;
      return at;
    };
    const std::size_t head = at_character(kKeptBytes);
    const std::size_t tail = at_character(shown.size() - kKeptBytes);
    shown = shown.substr(0, head) + "... (" + std::to_string(tail - head) + " bytes left out) ..." +
            shown.substr(tail);
  }
  // A progress bar drawn on the line is cleared first (it is drawn again on its next update).
  if (ProgressLineShown()) {
    std::cerr << "\r\x1b[K";
    SetProgressLineShown(false);
  }
  std::cerr << "clausescan: " << shown << "\n";
}

std::optional<RuleSet> LoadRules(const RuleOptions& options) {
  Result<RuleSet> rules =
      options.rules_dir.empty() ? RuleSet::Builtin() : RuleSet::Load(options.rules_dir);
  if (rules && !options.playbook.empty()) rules = rules->WithPlaybook(options.playbook);
  if (!rules) {
    PrintError(rules.error().message());
    return std::nullopt;
  }
  if (!options.rules_dir.empty()) {
    for (const SkippedRuleFile& file : SkippedRuleFiles(options.rules_dir)) {
      PrintError(file.path + ": skipped: " + file.reason);
    }
  }
  return std::move(*rules);
}

std::string AsciiLowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
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
