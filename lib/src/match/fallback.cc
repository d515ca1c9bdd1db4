#include "match/fallback.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>

namespace clausescan::internal {
namespace {

// The units of a category's specific hits, sorted by begin, with the largest end seen so far:
// an interval [begin, end) overlaps one of them when one that begins before `end` ends after
// `begin`.
struct Covered {
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // (begin, end) by begin
  std::vector<std::size_t> max_end;                        // max end of spans[0..i]

  void Finish() {
    std::sort(spans.begin(), spans.end());
    max_end.resize(spans.size());
    std::size_t high = 0;
    for (std::size_t i = 0; i < spans.size(); ++i)
      max_end[i] = high = std::max(high, spans[i].second);
  }
  bool Overlaps(std::size_t begin, std::size_t end) const {
    const auto before =
        std::lower_bound(spans.begin(), spans.end(), std::make_pair(end, std::size_t{0}));
    if (before == spans.begin()) return false;
    return max_end[static_cast<std::size_t>(before - spans.begin()) - 1] > begin;
  }
};

bool IsFallback(const std::vector<Rule>& rules, const RuleHit& hit) {
  return hit.rule >= 0 && static_cast<std::size_t>(hit.rule) < rules.size() &&
         rules[hit.rule].fallback;
}

}  // namespace

bool StatesDuty(std::string_view folded) {
  static const RE2 kDuty(
      "\\b(shall|will|must|agrees? to|undertakes? to|commits? to|(is|are) (required|obliged|"
      "obligated) to|(is|are|shall be|will be|remains?) (solely |fully )?responsible for)\\b",
      RE2::Quiet);
  return RE2::PartialMatch(folded, kDuty);
}

void ResolveFallbacks(const std::vector<Rule>& rules, std::string_view folded,
                      std::vector<RuleHit>* hits) {
  bool any = false;
  std::map<std::string, Covered> covered;  // by category
  for (const RuleHit& hit : *hits) {
    if (IsFallback(rules, hit)) {
      any = true;
    } else if (hit.rule >= 0 && static_cast<std::size_t>(hit.rule) < rules.size()) {
      covered[rules[hit.rule].category].spans.emplace_back(hit.begin, hit.end);
    }
  }
  if (!any) return;
  for (auto& [category, spans] : covered) spans.Finish();
  std::erase_if(*hits, [&](const RuleHit& hit) {
    if (!IsFallback(rules, hit)) return false;
    if (hit.begin >= hit.end || hit.end > folded.size()) return true;
    if (hit.party == Party::kUnknown &&
        !StatesDuty(folded.substr(hit.begin, hit.end - hit.begin))) {
      return true;
    }
    const auto it = covered.find(rules[hit.rule].category);
    return it != covered.end() && it->second.Overlaps(hit.begin, hit.end);
  });
}

}  // namespace clausescan::internal
