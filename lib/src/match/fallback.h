// Category fallback rules (Rule::fallback, `fallback: true` in a rule file): rules written from
// a category's concepts that stand in where no specific rule of the category judged a clause.
#ifndef CLAUSESCAN_MATCH_FALLBACK_H_
#define CLAUSESCAN_MATCH_FALLBACK_H_

#include <vector>

#include "match/matcher.h"
#include "rules/model.h"

namespace clausescan::internal {

// Keeps the hits of fallback rules that stand and drops the others. A fallback hit stands when
// its unit states a duty of a party (hit.party is not Party::kUnknown: a subject and a modal
// obligation, see DutyHolder) and no hit of a specific (non-fallback) rule of the same category
// overlaps its unit (a sentence of a paragraph-scope hit overlaps it). Hits of specific rules,
// and the order of the hits kept, are unchanged. hit.rule indexes rules. O(n log n) in the
// number of hits. Thread safety: touches only *hits.
void ResolveFallbacks(const std::vector<Rule>& rules, std::vector<RuleHit>* hits);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_FALLBACK_H_
