// A clause that only preserves duties set elsewhere ("This clause does not relieve the Supplier
// of any other requirement of law"), issue 15 #1.
#ifndef CLAUSESCAN_ASSESS_SAVINGS_CLAUSE_H_
#define CLAUSESCAN_ASSESS_SAVINGS_CLAUSE_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// True when text (a finding's text, any case) is a savings clause: at least one of its sentences
// says that the clause or the agreement does not relieve, limit, reduce or affect other
// obligations, requirements, duties, responsibilities, laws or regulations ("Nothing in this
// Section limits the Processor's obligations under Applicable Law", "is without prejudice to any
// requirement of ..."), and no sentence states a duty of its own once that saying is left out (a
// heading such as "(2) Other requirements." may stand before it). A sentence that names a
// liability is never one: "does not limit any liability for ..." is a carve-out from a cap.
bool PreservesOtherDutiesOnly(std::string_view text);

// Each finding whose text is a savings clause (PreservesOtherDutiesOnly), outside the
// liability_cap and indemnification categories, is kInfo with one reason saying that it adds no
// duty; its positions, considerations and evidence go (controls and rationale stay). Other
// findings are left as they are. Never fails.
void ReadSavingsClauses(std::vector<Finding>& findings);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_SAVINGS_CLAUSE_H_
