// One clause, one hit for a list whose lead-in states the duty (issue 11 #2): "Provider will
// keep: (a) encryption at rest; (b) multi-factor sign-in" is one clause of the rule that needs
// the lead-in, from the lead-in to its last item, not one hit per item.
#ifndef CLAUSESCAN_MATCH_LEAD_CLAUSES_H_
#define CLAUSESCAN_MATCH_LEAD_CLAUSES_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "params/extract.h"

namespace clausescan::internal {

// The hit of rule among the last 64 hits of *hits that starts at lead_begin (the start of a
// lead-in), or nullptr: constant time per item.
RuleHit* LeadClauseOf(std::vector<RuleHit>* hits, int rule, std::size_t lead_begin);

// Makes clause, a hit of a list's lead-in, reach to the end of item (a hit of the same rule on
// a later item of that list): its end becomes item's end; item's parameters that clause lacks
// are added, and sets (measures, scope) gather both lists' values without repeats, in order;
// a number or word clause already states is kept (the first item that states it says it).
void ExtendLeadClause(const RuleHit& item, RuleHit* clause);

// Adds to hit->parameters the flags that lead (the folded text of the lead-in the hit quotes)
// states and the hit lacks: the items of a list headed "Exclusions:" are exclusions though none
// says so itself (issue 15 #3). Numbers and words stay the item's own. Never fails.
void AddLeadInFlags(const ParamExtractor& params, std::string_view lead, RuleHit* hit);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_LEAD_CLAUSES_H_
