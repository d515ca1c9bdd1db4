// Advice that a neighbouring sentence of the same section already grants (issue 15 #4).
#ifndef CLAUSESCAN_ASSESS_SECTION_ADVICE_H_
#define CLAUSESCAN_ASSESS_SECTION_ADVICE_H_

#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// A clause is read with its section: "audits once a year" in one sentence and "on 45 days'
// notice" in the next together grant what the rule's advice asks for. For each finding with a
// section, the parameters of the nearest finding before it and the nearest after it (in the
// order of findings) of the same section and category fill in those the finding lacks, when that
// neighbour shares no parameter with the finding (it complements the sentence rather than
// restating it as an alternative; the one before wins); a consideration of the finding's rule
// whose `when`
// then holds in none of its alternatives is removed from the finding's considerations.
// Considerations without `when`, those of the positions, and findings without a section are
// left as they are. Expects findings assessed (Assess) and merged; rule ids are looked up in
// data.rules (sorted by id), an unknown id leaves its finding alone. Never fails.
void DropAdviceGrantedNearby(const RuleSetData& data, std::vector<Finding>& findings);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_SECTION_ADVICE_H_
