// What an availability figure of an uptime finding commits to: a target or a promise, and of
// the service or only of a backup store (issue 15 #4).
#ifndef CLAUSESCAN_ASSESS_UPTIME_FIGURE_H_
#define CLAUSESCAN_ASSESS_UPTIME_FIGURE_H_

#include "clausescan/report.h"

namespace clausescan::internal {

// For an sla_uptime finding without an `efforts` parameter whose text states the figure as an
// aim ("aim for", "strives for", "targets", "seeks to", "endeavour", "designed for"), sets
// `efforts` to true, so the playbook judges a target, not a firm promise. Other findings are left
// as they are. Never fails.
void ReadTargetWording(Finding& finding);

// For an sla_uptime finding whose figure is the availability of backups or storage ("backups are
// stored on ... and aim for 99.99% availability") rather than of the service, lowers the risk to
// at most kLow and replaces the reasons and positions with one reason saying so. Expects the
// playbook's judgement in place. Returns true when it changed the finding.
bool LimitStorageAvailability(Finding& finding);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_UPTIME_FIGURE_H_
