// The buyer's rationale of a finding (issue 14): the rule's own, else its category's.
#ifndef CLAUSESCAN_ASSESS_RATIONALE_H_
#define CLAUSESCAN_ASSESS_RATIONALE_H_

#include <map>
#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// What each answer of a rationale starts with among a finding's considerations.
inline constexpr std::string_view kNeedPrefix = "Meets the buyer's need: ";

// Appends answer (its placeholders filled from the finding's parameters), prefixed with `prefix`,
// to finding.considerations when it is offered on the finding's parameters (Offered: an answer
// the clause already grants is not) and the list does not already say it in other words (SaidIn,
// the prefix left out of the comparison): one list, no idea twice (issue 14 fourth review #1, #2).
void OfferAnswer(const Consideration& answer, Finding& finding,
                 std::string_view prefix = kNeedPrefix);

// Sets finding.rationale to the entry of rationales keyed by rule.id, else by rule.category
// (empty when neither has one), and, when finding.risk is medium or high, offers its answers
// (OfferAnswer), but not an answer that declares the same `establishes` as one of the rule's
// considerations the finding already offers (one idea, two wordings, printed once). Never fails.
void AttachRationale(const std::map<std::string, RationaleEntry>& rationales, const Rule& rule,
                     Finding& finding);

// Removes what AttachRationale added to every finding of report: the rationale, and the
// considerations that start with kNeedPrefix (ScanOptions::rationale false).
void DropRationale(Report* report);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_RATIONALE_H_
