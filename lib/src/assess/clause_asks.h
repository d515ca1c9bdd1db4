// What each clause asks of the supplier's ISMS (docs/rules.md, "asks"), for a judgement against
// a company profile (issue 13 #2).
#ifndef CLAUSESCAN_ASSESS_CLAUSE_ASKS_H_
#define CLAUSESCAN_ASSESS_CLAUSE_ASKS_H_

#include <optional>
#include <string>

#include "clausescan/date.h"
#include "clausescan/profile.h"
#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// Narrows each finding of report to the controls and evidence its clause asks for: for each rule
// that found it (Finding::rules, else Finding::rule) with `asks`, only the ids of the entries
// that apply to the finding (Rule::asks); a rule without `asks` keeps all of its own. An id that
// no rule of the finding lists (evidence a flag calls for, evidence.yaml `called_for_by`) stays.
// Order is kept; evidence_controls keeps only kept ids. Rules are looked up by id in
// data.rules (sorted by id); a finding of an unknown rule is left as it is.
void KeepWhatTheClauseAsks(const RuleSetData& data, Report* report);

// KeepWhatTheClauseAsks, then JudgeAgainstProfile: how a report is judged against a profile
// when its rule set is known (a scan with ScanOptions::profile, JudgeAgainstProfile with a
// RuleSet, BuildPack with PackOptions::rules).
void JudgeWhatTheClauseAsks(const RuleSetData& data, const Profile& profile,
                            const CalendarDate& on, const std::optional<CalendarDate>& term_ends,
                            const std::string& term_source, Report* report);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_CLAUSE_ASKS_H_
