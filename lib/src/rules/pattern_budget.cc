#include "rules/pattern_budget.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <limits>
#include <string>

namespace clausescan::internal {
namespace {

RE2::Options CheckOptions(std::int64_t max_mem) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(false);
  options.set_never_capture(true);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return options;
}

// Whether a pattern of the rule goes into its scope's set ("all[0]", "none"); parameter
// patterns are compiled on their own.
bool InScopeSet(const RulePattern& pattern) {
  return pattern.where.rfind("all[", 0) == 0 || pattern.where == "none";
}

Error At(const Rule& rule, const RulePattern& pattern, std::string detail) {
  return Error(ErrorCode::kRuleError, std::move(detail), rule.file,
               pattern.line > 0 ? pattern.line : rule.line, pattern.column);
}

std::string Shortened(const std::string& pattern) {
  return pattern.size() <= 60 ? pattern : pattern.substr(0, 57) + "...";
}

}  // namespace

Status CheckPatternBudget(const std::vector<Rule>& rules, std::int64_t max_mem) {
  for (const Rule& rule : rules) {
    for (const RulePattern& pattern : rule.pattern_details) {
      const RE2 re(pattern.expanded, CheckOptions(max_mem));
      if (re.error_code() == RE2::ErrorPatternTooLarge) {
        return At(rule, pattern,
                  fmt::format("pattern '{}' is too large for RE2's memory budget ({} MiB): "
                              "shorten it or split it into several patterns",
                              Shortened(pattern.written), max_mem >> 20));
      }
      if (!re.ok()) {
        return At(rule, pattern,
                  fmt::format("invalid pattern '{}': {}", Shortened(pattern.written), re.error()));
      }
    }
  }
  return std::nullopt;
}

Error LocateMatcherError(const std::vector<Rule>& rules, std::int64_t max_mem, const Error& error) {
  if (!error.file().empty()) return error;
  const Rule* largest_rule = nullptr;
  const RulePattern* largest = nullptr;
  int largest_size = -1;
  for (const Rule& rule : rules) {
    for (const RulePattern& pattern : rule.pattern_details) {
      if (!InScopeSet(pattern)) continue;
      const RE2 re(pattern.expanded, CheckOptions(max_mem));
      const int size = re.ok() ? re.ProgramSize() : std::numeric_limits<int>::max();
      if (size > largest_size) {
        largest_size = size;
        largest_rule = &rule;
        largest = &pattern;
      }
    }
  }
  if (largest == nullptr) return error;
  return At(*largest_rule, *largest,
            fmt::format("{}; the largest is pattern '{}' ({} RE2 instructions): shorten it or "
                        "split it into several patterns",
                        error.detail(), Shortened(largest->written), largest_size));
}

}  // namespace clausescan::internal
