// Category fallback rules (Rule::fallback, `fallback: true` in a rule file): rules written from
// a category's concepts that stand in where no specific rule of the category judged a clause.
#ifndef CLAUSESCAN_MATCH_FALLBACK_H_
#define CLAUSESCAN_MATCH_FALLBACK_H_

#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "rules/model.h"

namespace clausescan::internal {

// True when folded (a unit's folded view) states a duty: "shall", "will", "must", "agrees to",
// "undertakes to", "commits to", "is required/obliged/obligated to", "is responsible for",
// whoever its subject is ("Supplier shall", "Data will be encrypted").
bool StatesDuty(std::string_view folded);

// Keeps the hits of fallback rules that stand and drops the others. A fallback hit stands when
// its unit states a duty: the matcher found its holder (hit.party is not Party::kUnknown), or
// folded[hit.begin, hit.end) states one whoever its subject is (StatesDuty); and no hit of a
// specific (non-fallback) rule of the same category overlaps its unit (a sentence of a
// paragraph-scope hit overlaps it). The other party's duties never reach here: the matcher drops
// them by the rule's `party`. Hits of specific rules, and the order of the hits kept, are
// unchanged. hit.rule indexes rules. O(n log n) in the number of hits. Thread safety: touches only
// *hits.
void ResolveFallbacks(const std::vector<Rule>& rules, std::string_view folded,
                      std::vector<RuleHit>* hits);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_FALLBACK_H_
