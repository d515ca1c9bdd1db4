// Advice that a neighbouring sentence of the same section, or another section for what holds
// for the whole document, already grants (issue 15 #4, #8).
#ifndef CLAUSESCAN_ASSESS_SECTION_ADVICE_H_
#define CLAUSESCAN_ASSESS_SECTION_ADVICE_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"
#include "structure/outline.h"

namespace clausescan::internal {

// A clause is read with its section: "audits once a year" in one sentence and "on 45 days' notice"
// in the next together grant what the rule's advice asks for. A section is told by its position in
// the outline (sections[i], the index of findings[i]'s section; negative: none), not by its
// heading, so that two "5. Audit" sections of two agreements in one file are two sections. For
// each finding with a section, the
// parameters of every other finding of the same section and category fill in those the finding
// lacks, nearest first in the order of findings (the one before wins at equal distance), when that
// finding shares no parameter with it other than one a rule of the category declares with `scope:
// document` or `scope: text`, or one both state alike that no position of the playbook for the
// category or its rules judges (it complements the sentence rather than restating it as an
// alternative; issue 15 #1: "(a) at Customer's expense" and "(c) no more than once annually" of one
// audit clause); a consideration of any rule of the finding (each of its `rules`: a merged finding
// carries every rule's advice) whose `when` then holds in none of its alternatives, or whose
// `establishes` holds in one (the section grants what it asks for), is removed from the finding's
// considerations.
// Parameters a rule declares with `scope: document` ("in lieu of an audit") that any finding of the
// category states, in any section, fill in likewise for every finding of that category, with or
// without a section (issue 15 #8); so do the flags a rule declares with `scope: text` that `folded`
// (the document's folded text; empty: not read) states anywhere, a definition included ("Security
// Incidents do not include unsuccessful attempts"). A position's proposal is removed likewise when
// a condition of the position on a parameter the finding lacks fails on the parameters filled in
// ("reports come first" where another clause puts reports first); its risk and reason stay; so is
// one whose `establishes` holds on them. The answers of the finding's rationale (kNeedPrefix: the
// rule's own entry, else its category's, general and sector answers; and, unprefixed, the mandated
// text's answers GiveWayToMandatedText gave it) are removed likewise when their `when` fails on the
// parameters filled in (issue 14 fourth review #1, s11 #3), or their `establishes` holds on them.
// Considerations with neither `when` nor `establishes` are left as they are, and so are findings
// without a section that no parameter of document scope reaches. Expects findings assessed (Assess)
// and merged; rule ids are looked up in data.rules (sorted by id), an unknown id leaves its finding
// alone; sections has one entry per finding. Never fails.
// (issue 15, read22 #1) Parameters of the findings that lie in the document's definitions
// (in_definitions[i] true for findings[i]; empty or shorter: none) and open by defining a term
// ('"Security Incident" means', "- Maintenance Windows: Periods ...") fill in, after those of the
// clause, those every finding of the same category lacks, nearest definition first: a defined
// term means the same in every clause ("Scheduled Downtime ... not counted as Unscheduled
// Downtime" excludes maintenance for every clause of the SLA).
void DropAdviceGrantedNearby(const RuleSetData& data, std::vector<Finding>& findings,
                             const std::vector<int>& sections, std::string_view folded = {},
                             const std::vector<bool>& in_definitions = {});

// The section each of sections is read in as a clause (same index): the outermost section that
// encloses it (itself when none does), so that "3.1 Authorization" is read with "3.2 Ex-EEA
// Transfers" under "3. Restricted Transfers", and "### Postgres" with the exclusions of "## 3.
// SLA Definition & Exclusions". A document's title (the first section, when it has no number and
// every other section is deeper) encloses nothing; two agreements in one file, each under a heading of the top level,
// stay apart. Sections enclose the sections after them up to the next one of their level or
// higher.
std::vector<int> ClauseSections(const std::vector<Section>& sections);

// True when the section's title names the document's definitions ("1. Definitions",
// "Definitions and Interpretation", "Defined Terms").
bool DefinesTerms(const Section& section);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_SECTION_ADVICE_H_
