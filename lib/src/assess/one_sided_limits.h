// A limitation of liability that protects only the other side (issue 15 #8).
#ifndef CLAUSESCAN_ASSESS_ONE_SIDED_LIMITS_H_
#define CLAUSESCAN_ASSESS_ONE_SIDED_LIMITS_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// When the document's limits of liability (findings of rules liability-cap.cap or
// liability-cap.consequential) all protect the other side (side "them") and none protects us or
// both sides (side "us" or "both"), nothing in the agreement limits our own liability:
// - each of those limits is at least kMedium, with a first reason saying that only the other
//   side is protected, and a proposal to make the limits mutual;
// - each indemnity of ours (rule indemnification.supplier, side "us") without the flag
//   `uncapped` gets it and is assessed again (Reassess): the position for an uncapped indemnity
//   judges it; a first reason says why;
// - each clause of ours that says how the limitations apply to us (rule liability-cap.applies,
//   side "us": "Developer will be liable for damages subject to Section 8") is kHigh: the
//   limitation it points to limits only them.
// Other findings, and documents with a limit of ours or none of theirs, are left as they are.
// Expects findings judged from the user's side (JudgeFromSide: `side` set). Never fails.
void ReadOneSidedLimits(const RuleSetData& data, std::vector<Finding>& findings,
                        std::string_view doctype);

// A carve-out from the limits of liability for data protection or confidentiality (position
// cap-carveout-data) that leaves only our liability open (side "us": "The Supplier does not limit
// its liability for data protection breaches") is our unlimited liability for the likeliest
// large claim: kHigh, with a first reason saying so. The same carve-out for both sides stays as
// the playbook judges it (issue 15 #8). Expects findings judged from the user's side. Never
// fails.
void ReadOneSidedCarveouts(std::vector<Finding>& findings);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_ONE_SIDED_LIMITS_H_
