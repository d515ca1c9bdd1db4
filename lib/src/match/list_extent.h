// A list's clause reaches the list's end: "You must: (a) keep a register of users; ... (e)
// review the register each month" states one duty, the lead-in's, over every item, whichever
// items a rule recognises by itself (issue 11 #2).
#ifndef CLAUSESCAN_MATCH_LIST_EXTENT_H_
#define CLAUSESCAN_MATCH_LIST_EXTENT_H_

#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "params/party.h"
#include "structure/outline.h"

namespace clausescan::internal {

// Makes every hit that is a list's clause -- it starts where a lead-in of Outline::leads starts
// and ends past that lead-in, at the end of a unit of its list, or it is the lead-in alone and
// the lead-in ends in ':' ("The events below are excluded from this SLA:") -- end where the
// lead-in's duty ends: at the end of the lead-in's last item (with the items nested under it and
// the further sentences of that item's paragraph), or before the first item after the hit that
// names its own duty holder ("(b) each party shall ...": a main clause of DutyClauses whose
// subject is a party), which states a duty of its own; a party named inside a noun clause the
// item lists ("details of how the Supplier shall ...") is no holder of the item, nor, under a
// lead-in that ends in a verb its items go on with ("shall:", "necessary to:"), one whose clause
// comes after the item's own verb ("apply a fix and, if ..., the Supplier shall be granted
// relief").
// Other hits, their begins and their parameters are left as they are. folded is the view the
// outline's offsets index. Linear in the units and hits; DutyClauses reads each item at most
// once.
void ExtendListClauses(const Outline& outline, std::string_view folded, const PartyLexicon& lexicon,
                       std::vector<RuleHit>* hits);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_LIST_EXTENT_H_
