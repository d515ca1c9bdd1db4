// Reading an indemnity with the liability cap's exceptions elsewhere in the same document.
#ifndef CLAUSESCAN_ASSESS_INDEMNITY_CAP_H_
#define CLAUSESCAN_ASSESS_INDEMNITY_CAP_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// An indemnity is uncapped when the document's liability clause says so, though the indemnity's
// own sentence does not ("the Supplier does not limit its liability for any indemnity given
// under Clauses 7.5, 8.3 ..."; "the cap does not apply to indemnification obligations"). When a
// liability_cap finding carves indemnities out of the cap (position cap-carveout-indemnity, or
// parameters uncapped_carveout and scope naming indemnity), every finding of an indemnity the
// supplier gives (a rule of category indemnification whose `party` is the supplier, as the
// finding's rule or one merged into it) without the flag `uncapped` (and, when the carve-out names clause
// numbers, "Clauses 7.5, 8.3 or 14.9", only those in one of them: their section or the number
// they open with) gets it, is assessed again (Reassess) and
// gets a first reason naming the line of the carve-out. Other findings are left as they are.
// Expects findings assessed with doctype (and merged, see MergeSameClause). Never fails.
void ReadIndemnityCarveouts(const RuleSetData& data, std::vector<Finding>& findings,
                            std::string_view doctype);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_INDEMNITY_CAP_H_
