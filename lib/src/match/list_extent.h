// A list's clause reaches the list's end: "You must: (a) keep a register of users; ... (e)
// review the register each month" states one duty, the lead-in's, over every item, whichever
// items a rule recognises by itself (issue 11 #2).
#ifndef CLAUSESCAN_MATCH_LIST_EXTENT_H_
#define CLAUSESCAN_MATCH_LIST_EXTENT_H_

#include <vector>

#include "match/matcher.h"
#include "structure/outline.h"

namespace clausescan::internal {

// Makes every hit that is a list's clause -- it starts where a lead-in of Outline::leads starts
// and ends past that lead-in, in its items -- end where the list ends: the end of the lead-in's
// last item, taking in the items nested under it and the further sentences of that item's
// paragraph. Other hits, their begins and their parameters are left as they are. Linear in the
// units and hits (each hit is looked up once).
void ExtendListClauses(const Outline& outline, std::vector<RuleHit>* hits);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_LIST_EXTENT_H_
