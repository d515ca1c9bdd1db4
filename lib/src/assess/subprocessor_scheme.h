// Reading a sub-processor clause as the scheme its section sets up, not sentence by sentence.
#ifndef CLAUSESCAN_ASSESS_SUBPROCESSOR_SCHEME_H_
#define CLAUSESCAN_ASSESS_SUBPROCESSOR_SCHEME_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// GDPR Art. 28(2): a list of approved sub-processors, with notice of changes and a window to
// object after which the customer is deemed to accept, is a general written authorisation, even
// where one sentence says data goes only to sub-processors the customer "has approved". For each
// section (findings with the same `section`) whose subprocessors findings state a notice period
// (notice_days) and deemed acceptance (deemed_acceptance), every subprocessors finding of that
// section with authorisation "specific" gets authorisation "general", is assessed again
// (Reassess) and gets the reason saying so. Other findings are left as they are. Expects
// findings assessed with doctype (and merged, see MergeSameClause).
void ReadSubprocessorScheme(const RuleSetData& data, std::vector<Finding>& findings,
                            std::string_view doctype);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_SUBPROCESSOR_SCHEME_H_
