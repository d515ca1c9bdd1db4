// Clauses that are a regulation's mandated text (issue 14, third review #1, #3): a US federal
// acquisition regulation's own clause, which the contract includes as written, and the EU
// Standard Contractual Clauses, which the parties may not modify (their Clause 2). Proposing
// other wording for such a clause gets a supplier nowhere; what can be done is said instead.
#ifndef CLAUSESCAN_ASSESS_MANDATED_TEXT_H_
#define CLAUSESCAN_ASSESS_MANDATED_TEXT_H_

#include <string>
#include <string_view>

#include "clausescan/report.h"
#include "rules/model.h"
#include "structure/outline.h"

namespace clausescan::internal {

// Whether the section of outline at index `section` (-1: none) lies in a federal acquisition
// regulation's clause: it, or the nearest section before it that a later one does not close,
// has a heading that starts with a FAR, DFARS, VAAR, HSAR or GSAR clause number ("852.239-74
// Security Controls Compliance Testing", "252.204-7012 ..."). A later section closes it when its
// level is at most the clause's and its heading is not the clause's own title line (all capitals,
// or ending in a version date such as "(MAY 2024)"). Never fails.
bool InRegulationClause(const Outline& outline, int section);

// The number of the regulation clause the section at index `section` lies in, as
// InRegulationClause reads it ("852.204-71", "252.204-7012"); "" when it lies in none.
std::string RegulationClauseOf(const Outline& outline, int section);

// For a finding of mandated text of kind `kind` (kMandatedTexts: "federal-clause", "scc") whose
// rule's own, else category's, rationale has `mandated_answers` for that kind: its
// considerations (the positions' proposals, the rule's considerations and the rationale's
// answers, all of which propose other terms) become those of the answers offered on its
// parameters (OfferAnswer: "Option 2 is chosen here" only where it is). A finding of the SCCs
// ("scc") without such answers keeps no consideration: the Clauses may not be modified. Other
// findings are left as they are. Never fails.
void GiveWayToMandatedText(const RuleSetData& data, std::string_view kind, Finding& finding);

// Whether `text` names the EU Standard Contractual Clauses: "SCC(s)", "Standard Contractual
// Clauses" or their Decision 2021/914, in any case.
bool NamesSccs(std::string_view text);

// Whether `finding`, a clause of a document that incorporates the SCCs without being them (a DPA),
// has one of the SCCs' own terms as its subject (issue 14 s11 #3: "In Clause 18(b), disputes will
// be resolved in the courts of the Governing Member State", "this DPA does not limit any
// liability ... for violations of the EEA SCCs"): it cites a clause of theirs by number (Clause 1
// to 18, where it or its section heading names the SCCs or the heading is about transfers: "this
// clause 10" of a DPA's own numbering is not theirs), or names the SCCs and is not a transfer
// clause (a transfer clause that adopts the SCCs
// without citing a clause of theirs is about the mechanism: the advice on choosing and filling
// them in stays). The caller checks that the document names the SCCs.
bool CompletesSccs(const Finding& finding);

// For a finding that CompletesSccs: its considerations become the `scc` mandated answers of its
// rule, else its category, offered on its parameters (GiveWayToMandatedText); a finding whose
// rationales have none keeps its own. Never fails.
void GiveWayToSccsCompleted(const RuleSetData& data, Finding& finding);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_MANDATED_TEXT_H_
