// The limits a clause's neighbours grant: read before the clause is judged.
#ifndef CLAUSESCAN_ASSESS_NEARBY_PROTECTIONS_H_
#define CLAUSESCAN_ASSESS_NEARBY_PROTECTIONS_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// A contract often grants the limit a position asks for in the sentence next to the clause it
// limits: "Customer may exercise its Audit right only to the extent the Audit Report does not
// provide sufficient information" two sentences before the on-site audit, "Service credits are
// Customer's sole and exclusive remedy" in the credits section of an SLA whose uptime promise is
// in another. Each entry of kNearbyProtections names such a flag, the category whose findings
// grant it, the rule or category whose findings it limits, the flag it gives them, and how far
// it reaches: the same section (sections[i], the outline section index of findings[i], >= 0) or
// the whole document. A finding it limits that lacks the flag it gives gets it (true) when a
// finding of the granting category within that reach has the granting flag true, and is
// assessed again (Reassess); a finding marked as asking
// nothing of the user (holds "nothing", see MergeSameClause) is left as it is. Expects findings
// assessed with doctype, before merging (sections has one entry per finding). Never fails.
void ReadNearbyProtections(const RuleSetData& data, const std::vector<int>& sections,
                           std::vector<Finding>& findings, std::string_view doctype);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_NEARBY_PROTECTIONS_H_
