// Findings judged against the company profile (issue 13 #2): whether the supplier's stated
// capabilities meet each clause, which of its documents answer it, and which controls the clause
// maps to that its SoA excludes or has not implemented.
#ifndef CLAUSESCAN_JUDGEMENT_H_
#define CLAUSESCAN_JUDGEMENT_H_

#include <optional>
#include <string>

#include "clausescan/date.h"
#include "clausescan/profile.h"
#include "clausescan/report.h"
#include "clausescan/rules.h"

namespace clausescan {

// Sets Finding::profile on every finding of report, adjusts its risk, and records the profile
// (Profile::path) and `on` in report->document (profile, profile_date). A scan with
// ScanOptions::profile calls it; call it yourself on a report scanned without one. Judging a
// report twice judges from the original risks again. Never fails; thread-safe.
//
// Per finding, the capability compared (none for other categories, nor for a duty the other
// side owes):
//   incident_notification  window_hours (or window_days) and trigger, notification {hours, from}
//                          or vague immediately/forthwith/without delay (never met)
//   data_deletion          delete_days, backups, backups_retained     deletion_days,
//                                                                     backups_deleted_within_days
//   audit_rights           onsite, reports_in_lieu, notice_days,      audit
//                          per_year (and a limit the clause lifts)
//   insurance              types, amount, currency                    insurance (same currency)
//   sla_uptime             percent                                    uptime_percent
//   liability_cap          cap_months_fees, cap_amount, currency      liability_cap
// A notification clock starting at occurrence is stricter than one starting at awareness (or
// discovery), and that than one at confirmation; a clause that names no trigger is read as
// awareness. Met: the finding's risk drops one level (not below low); not met: it rises one
// (not above high); each with a reason appended to Finding::reasons. Documents: for each of the
// finding's evidence ids, the profile's document valid on `on` that stays valid longest, else
// its latest expired one (a note "TITLE expired DATE"), else none (a note "no document in your
// profile: TITLE").
void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on, Report* report);

// As above, and when term_ends is set (the day the contract's term ends, issue 13 #1), each valid
// document that expires before it is flagged (ProfileDocument::expires_before_term) with a note
// "TITLE expires DATE, before the contract's term ends (TERM_ENDS): plan its renewal"; the term
// is recorded in report->document.term_ends and each ProfileJudgement::term_ends.
void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends, Report* report);

// As above, with where the term was read when the contract states it (issue 13 s7 #2), e.g.
// "read at line 3 (\"initial term of three (3) years\"), counted from 2026-12-06"; recorded in
// report->document.term_source and each ProfileJudgement::term_source, and said in each note of
// a document that expires before the term ends. "" when the term was given (--term-ends).
void JudgeAgainstProfile(const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends,
                         const std::string& term_source, Report* report);

// As above, first narrowing each finding to what its own clause asks of the ISMS by the rules of
// `rules` (docs/rules.md, "asks"; give the rule set the report was scanned with): its controls,
// evidence and evidence_controls keep, for each rule that found it, only the ids of that rule's
// `asks` entries that apply to the clause (all of them for a rule without `asks`); evidence no
// rule of the finding lists (a flag's) stays; a finding of a rule `rules` does not know is left as
// it is. A scan with ScanOptions::profile judges this way; the overloads without `rules` judge
// every control and document a finding lists. Narrowing twice changes nothing.
void JudgeAgainstProfile(const RuleSet& rules, const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends,
                         const std::string& term_source, Report* report);

}  // namespace clausescan

#endif  // CLAUSESCAN_JUDGEMENT_H_
