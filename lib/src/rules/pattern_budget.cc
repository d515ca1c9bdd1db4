#include "rules/pattern_budget.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>

#include "match/pattern_shape.h"
#include "rules/pattern_repetition.h"

namespace clausescan::internal {
namespace {

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
      const std::size_t bars = static_cast<std::size_t>(
          std::count(pattern.expanded.begin(), pattern.expanded.end(), '|'));
      if (bars >= kMaxPatternAlternatives) {
        return At(rule, pattern,
                  fmt::format("pattern '{}' has {} alternatives (at most {}): the search for "
                              "its required words grows with their square; split it into "
                              "several patterns",
                              Shortened(pattern.written), bars + 1, kMaxPatternAlternatives));
      }
      const std::size_t copies = UnboundedCopies(pattern.expanded);
      if (copies > kMaxUnboundedCopies) {
        return At(
            rule, pattern,
            fmt::format("pattern '{}' repeats a part of unbounded length {} times (at most "
                        "{}): every copy is matched side by side at each character, so the "
                        "scan's time grows with the count; lower the count or bound the "
                        "part ([^.;]{{0,200}} rather than .*)",
                        Shortened(pattern.written),
                        copies == std::numeric_limits<std::size_t>::max() ? std::string("too many")
                                                                          : std::to_string(copies),
                        kMaxUnboundedCopies));
      }
      const RE2 re(pattern.expanded, PatternOptions(max_mem));
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

}  // namespace clausescan::internal
