// Judging a finding against the playbook, and attaching controls, evidence and considerations.
#ifndef CLAUSESCAN_ASSESS_ASSESS_H_
#define CLAUSESCAN_ASSESS_ASSESS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// Fills finding.risk, reasons, positions, controls, evidence and considerations from the
// finding's category and parameters, the rule, the playbook and the catalogues. Reasons quote
// the parameter and the position ("the window is 24 hours; your playbook accepts 72 hours or
// more (position notify-window-short)"). Never fails: unknown ids were rejected at load time.
// In detail, replacing whatever those fields held:
// - a position applies when its conditions all hold and no refinement of it (Refines) applies.
// - risk: the highest risk of the category's applying positions, else the
//   category's default; kInfo with reason "no playbook position for this category" when the
//   playbook has no entry for the category, and with reason "the customer owes this duty, so
//   the supplier's playbook positions do not apply" for a rule with party: customer.
// - an sla_uptime figure stated as an aim is judged as an efforts target, and one of backups or
//   storage only is at most kLow with a reason saying so (ReadTargetWording and
//   LimitStorageAvailability in assess/uptime_figure.h).
// - reasons: per applying position (file order) its reason with placeholders filled and
//   " (position ID)" appended; when none applies, the category's default_reason (if any).
// - positions: the applying positions' ids, in file order.
// - considerations: the applying positions' propose texts (placeholders filled) whose own
//   `when` holds (WhenHolds on the compared parameters), then the
//   rule's considerations that are offered: their `when` is empty or every condition of one of
//   its alternatives holds on the finding's parameters, and their `doctypes` (when given) include
//   `doctype`, the id of the document's type ("other" when no type fits; "" when not known, which
//   every consideration accepts). Empty ones and repeats dropped (AddUnique, AddUnlessSaid), first
//   occurrence kept.
// - controls / evidence: the rule's ids with titles from the catalogues (title "" for an id
//   the catalogue lacks); evidence_controls: each evidence item with all of the controls.
// With a whole rule set, also the rationale (AttachRationale in assess/rationale.h): the rule's
// own, else its category's, its answers appended to the considerations.
void Assess(const RuleSetData& data, const Rule& rule, Finding& finding,
            std::string_view doctype = {});

// The customer side (CategoryPolicy::customer) of the policy that judges rule's findings (the
// rule's own policy, else its category's), or nullptr when that policy has none or there is no
// policy.
const CategoryPolicy* CustomerSideOf(const Playbook& playbook, const Rule& rule);

// Judges finding against side (a customer side of a policy) as Assess judges against a policy,
// replacing risk, reasons, positions and considerations: the risk of the applying positions, else
// side's default; their reasons (" (position ID)" appended), else side's default_reason; their
// proposals only (the rule's considerations are a supplier's advice). Amounts compare in the
// playbook's currency, with a first reason when one is converted or not compared.
void JudgeAgainstSide(const CategoryPolicy& side, const Playbook& playbook, const Rule& rule,
                      Finding& finding);

// Evaluates one condition against parameters; false when the parameter is absent (except
// kAbsent) or has another type.
bool Holds(const Condition& condition, const std::map<std::string, ParamValue>& parameters);

// What Assess does, given the parts of a RuleSetData it reads: the playbook and the control
// and evidence catalogues. For callers (and tests) that hold these without a whole rule set.
void Assess(const Playbook& playbook, const std::vector<ControlEntry>& controls,
            const std::vector<EvidenceEntry>& evidence, const Rule& rule, Finding& finding,
            std::string_view doctype = {});

// Appends text to list unless it is empty or already there.
void AddUnique(std::vector<std::string>& list, std::string text);

// Whether list already says text, word for word (in full or as part of a fuller wording, case and
// punctuation aside) or in other words: 35% or more of the topic
// words of the two texts (words of four letters or more but the parties' names and linking
// words, each cut to six letters) are shared (so a rule's general advice does not repeat a
// position's proposal), or one listed text holds 60% or more of text's topic words, when it has
// four or more (a part of a fuller proposal said again). `prefix`, where a text starts with it,
// is not compared ("Meets the
// buyer's need: " says nothing of the idea). Words for one act compare as one ("assessment",
// "inspection" and "visit" as "audit"), read23 #4.
bool SaidIn(const std::vector<std::string>& list, std::string_view text,
            std::string_view prefix = {});

// True when the finding's parameter `name` is a flag that is set (true); false when absent or
// not a flag.
bool FlagSet(const Finding& finding, const std::string& name);

// True when position id `refined` refines `general`: it is general's id followed by '-' and more
// ("audit-security-testing-open" refines "audit-security-testing"). A position and its
// refinement are one idea: where both apply, only the refinement gives risk, reason and proposal.
bool Refines(std::string_view refined, std::string_view general);

// Appends a consideration to list unless it is empty or the list already says it (SaidIn); a
// listed one whose words it says in full is replaced (AddAdvice).
void AddUnlessSaid(std::vector<std::string>& list, const std::string& text);

// Appends a piece of advice to list, one wording per idea (issue 15 #3): nothing when it is empty
// or a listed one says all of its words, in order (case, punctuation and `prefix`, where a text
// starts with it, aside: "Notify within 72 hours." inside "Notify within 72 hours; a first alert
// within 24 hours."); when it says all of a listed one's words, it takes the first such one's
// place and the later ones it says are removed; else it is appended.
void AddAdvice(std::vector<std::string>& list, std::string text, std::string_view prefix = {});

// True when `when` (alternatives, each a set of conditions: a consideration's, an answer's or a
// position's proposal's) is empty or every condition of one of its alternatives holds.
bool WhenHolds(const std::vector<std::vector<Condition>>& when,
               const std::map<std::string, ParamValue>& parameters);

// True when every condition of one of the alternatives of `establishes` (a consideration's or a
// proposal's) holds on parameters: the clause already grants what the advice asks for. False
// when establishes is empty.
bool Established(const std::vector<std::vector<Condition>>& establishes,
                 const std::map<std::string, ParamValue>& parameters);

// True when the consideration (or a rationale's answer) is offered for a finding with these
// parameters in a document of this type ("" when not known: every type): its `when` is empty or
// every condition of one of its alternatives holds, it is not Established, and its `doctypes`,
// when given, include doctype.
bool Offered(const Consideration& consideration,
             const std::map<std::string, ParamValue>& parameters, std::string_view doctype = {});

// The clauses a document of `type` is expected to contain that no finding provides, in the order
// of type.expects, each as {category, reason, risk} of its expectation. A finding provides an
// expectation when its category is the expectation's, every `where` condition holds on its
// parameters (Holds), and its rule is not about the customer's own duties (party: customer:
// "Customer shall notify Supplier ..." is no breach notice by the supplier). Findings never come
// from definitions unless a rule allows them, so a defined term alone provides nothing.
// Expectations that are not detectable (no rule of their category), and those whose entry in
// `applicable` (parallel to type.expects; see DocTypeGuesser::Applicable) is false, are never
// reported; an empty `applicable` means all apply. findings' rule ids are looked up in
// data.rules; an unknown id counts as a supplier-side rule.
std::vector<MissingClause> MissingClauses(const RuleSetData& data, const DocType& type,
                                          const std::vector<Finding>& findings,
                                          const std::vector<bool>& applicable = {});

// Replaces each "{name}" in text with the value of parameter `name` (see FormatValue in
// report/values.h: 24, not 24.0). A value of 1 makes the plural unit right after it singular
// ("{h} hours" with h = 1: "1 hour"). A placeholder whose parameter is absent, and any other
// brace, stays as written.
std::string FillPlaceholders(std::string_view text,
                             const std::map<std::string, ParamValue>& parameters);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_ASSESS_H_
