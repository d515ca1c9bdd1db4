// One clause, one finding: merging the findings of one category on the same clause.
#ifndef CLAUSESCAN_ASSESS_MERGE_H_
#define CLAUSESCAN_ASSESS_MERGE_H_

#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"

namespace clausescan::internal {

// Merges findings of the same category whose byte ranges overlap (two rules on one sentence, or
// a sentence rule inside a paragraph rule's paragraph) into one finding, and sets every
// finding's `rules`. So are up to four consecutive findings of one category that continue one
// another: the same side (`party` as the caller read it before judging; a finding without one
// whose sentence is in the passive ("must be deleted") reads as its rule's party, which judging from the side gives it, and then joins no sentence
// that states one of its parameters with another value), the same `holds`
// (the caller's mark of a sentence that asks nothing of the user, see AsksNothingOfUser in
// assess/perspective.h; issue 15 #8), the same section, and only the rest of the same line
// between them ("Provider will implement ... . Provider will monitor ..."); the merged finding
// spans them all, its text joining theirs. So is a later finding of the same line, side, mark and
// section found by a rule that found the clause already, with only sentences no rule of the
// category found between (the same provision said again after an example or an aside); source is
// the text the findings' offsets index, from which the words between are read (empty: only
// continuing sentences are joined). Expects findings in document order, each assessed
// (Assess) with doctype; returns them in document order. Rule ids are looked up in data.rules; a
// finding whose rule is unknown is never merged. Per merged finding:
// - parameters: every merged finding's. When two state a parameter differently, the more
//   specific finding's value is kept: the one with the narrower byte range (it quotes the words
//   the value comes from), then the one whose rule has a playbook policy of its own (keyed by
//   the rule id), then the first in document and rule order.
// - each rule is assessed again on the merged parameters (Assess). The primary rule is the one
//   whose assessment gives the highest risk (the first in document and rule order on a tie):
//   it gives rule, title and risk; rules lists the primary, then the others. The party (with
//   party_name, side and holds) is that of the primary rule's member that is riskiest on its own
//   (the first on a tie): the member that asks most of the user, not a milder lead-in.
// - reasons, positions, considerations, controls, evidence: those of every rule's assessment,
//   the primary's first, with repeats dropped (a consideration that says what one listed
//   already says is dropped too, see AddUnlessSaid; controls and evidence by id). When a
//   position of the primary applies, another rule that no position judged adds no reason (its
//   category's default reason is about what the clause is not about).
// - evidence_controls: per evidence item, the controls of the rules whose assessment calls for
//   it, joined without repeats (an item only one rule asks for keeps that rule's controls alone).
// - start, end and the rest of the location, text and context: of the widest merged finding
//   (the first on a tie), or, when the members continue one another, from the first member's
//   start to the last one's end.
// Per provision (issue 15 #3): a clause that states provisions of different weight is reported
// as one finding per provision. Its provisions are the members inside its widest member (a
// list's lead-in with its items, a paragraph) that start after it, with the members that overlap
// them, when a position of their rules judges them on their own (an item judged only by its
// category's default takes the lead-in's reading); a member strictly inside such an item whose
// party (both said) differs from the item's is a provision of its own, judged on its own words
// however it is judged, and the item is cut around it; the rest (the widest member, the members
// around it) is its head, judged on its own members, or as the whole clause when no position
// judges it so. Without such provisions, the runs of overlapping members (sentences that continue
// one another) are the provisions when each is judged by a position on its own or found by no
// rule that finds another run (a copy on request, then deletion of every copy: two provisions of
// one category); else the clause is one. When every provision has the same risk, the clause is one
// finding as described above. Otherwise each run of neighbouring provisions of the same risk is one
// finding, assessed on the run's members (on the first provision's alone if that gives another
// risk), at the run's span: the head's span is cut around the provisions, a blank piece or a piece
// that is only a lead-in ending in ':' going to the provision after it, each finding without blank
// space at either end and with its own line, column, text and context. So no byte is reported
// twice.
std::vector<Finding> MergeSameClause(const RuleSetData& data, std::vector<Finding> findings,
                                     std::string_view doctype, std::string_view source = {});

// Assesses finding again on its parameters as they are now, as MergeSameClause does: with each
// rule of finding.rules ({rule} when empty; unknown ids skipped), the riskiest giving rule, title
// and risk, the lists joined without repeats. Party and location are kept.
void Reassess(const RuleSetData& data, Finding& finding, std::string_view doctype);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_MERGE_H_
