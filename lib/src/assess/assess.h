// Judging a finding against the playbook, and attaching controls, evidence and considerations.
#ifndef CLAUSESCAN_ASSESS_ASSESS_H_
#define CLAUSESCAN_ASSESS_ASSESS_H_

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// Fills finding.risk, reasons, positions, controls, evidence and considerations from the
// finding's category and parameters, the rule, the playbook and the catalogues. Reasons quote
// the parameter and the position ("the window is 24 hours; your playbook accepts 72 hours or
// more (position notify-window-short)"). Never fails: unknown ids were rejected at load time.
void Assess(const RuleSetData& data, const Rule& rule, Finding& finding);

// Evaluates one condition against parameters; false when the parameter is absent (except
// kAbsent) or has another type.
bool Holds(const Condition& condition, const std::map<std::string, ParamValue>& parameters);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_ASSESS_H_
