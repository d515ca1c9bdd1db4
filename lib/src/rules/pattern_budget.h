// Whether the rule patterns fit RE2's memory budget, checked where the rules are loaded so that
// a pattern too large names its file and line at once.
#ifndef CLAUSESCAN_RULES_PATTERN_BUDGET_H_
#define CLAUSESCAN_RULES_PATTERN_BUDGET_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rules/model.h"
#include "rules/yaml_fields.h"

namespace clausescan::internal {

// The most alternatives ('|' after concept expansion) a pattern may have: the prefilter's
// required-word search (FilteredRE2) costs about the square of their number (20,000 took 28 s),
// and the built-in pack's largest pattern has 239.
inline constexpr std::size_t kMaxPatternAlternatives = 2000;

// Refuses (kRuleError at the pattern's FILE:line:column) a pattern with
// kMaxPatternAlternatives or more alternatives, or one that makes more than
// kMaxUnboundedCopies copies of a part of unbounded length (`(.*){1000}`). Compiles every
// pattern of `rules` on its own with the options rules are matched with and a memory budget of
// `max_mem` (the matcher's).
// Returns kRuleError at the pattern's FILE:line:column when RE2 cannot compile it within the
// budget (RE2::ErrorPatternTooLarge) or at all. Each compile stops when it runs out of budget, so
// a pattern far too large fails in well under a second. Thread-compatible; never throws.
Status CheckPatternBudget(const std::vector<Rule>& rules, std::int64_t max_mem);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_PATTERN_BUDGET_H_
