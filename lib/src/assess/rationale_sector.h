// The buyer's rationale fitted to the document's sector (issue 14): a federal contract leads
// with FAR/DFARS, a HIPAA business associate agreement with 45 CFR 164.
#ifndef CLAUSESCAN_ASSESS_RATIONALE_SECTOR_H_
#define CLAUSESCAN_ASSESS_RATIONALE_SECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "clausescan/report.h"
#include "rules/model.h"
#include "rules/sector_loader.h"

namespace clausescan::internal {

// The sectors a document shows by table (sectors.yaml, issue 14), best first: each sector that
// reaches its `needs` distinct signals (a signal counts only where it occurs in a sentence
// that matches none of the sector's `unless` patterns) or shows one of its `decisive` patterns
// (counted as `needs` signals; issue 14 s12 #3: "UK GDPR" alone), ordered by the signals found (ties in
// the table's order); a sector with `within` comes just before that sector and only with it.
// `folded` is the case-folded text. Empty when none fits. Thread-safe.
std::vector<std::string> DocumentSectors(const SectorTable& table, std::string_view folded);

// DocumentSectors with the built-in table (rules/sectors.yaml): "us-federal-contractors"
// (FAR citations, DFARS/VAAR/HSAR/GSAR and their clause numbers, "Contracting Officer", "the
// Government"; not in a commercial "Government Rights" sentence), before it
// "us-dod-contractors" (DFARS or a DFARS clause number), "us-va-contractors" (VAAR) and
// "us-dhs-contractors" (HSAR), "us-hipaa-covered-entities",
// "eu-financial-entities" and "gdpr-controllers". Thread-safe.
std::vector<std::string> DocumentSectors(std::string_view folded);

// Fits the rationale of every finding of report to `sectors` (DocumentSectors): for each finding,
// to those of `sectors` of the family of the first (it, the sector it is shown within, and those
// shown within that one) and those others of which the clause or its section heading shows as
// many distinct signals as the sector `needs` (data.sectors, else the built-in table; issue 14
// third review #4, s11 #2), called `sectors` below;
// the answers are dropped by the document's `sectors`. A finding whose
// flag parameter is true and whose rule's, else category's, rationale has a `flag_rationale` for
// it gets that sentence whatever `sectors`, with only the sources of that flag and without the
// general answers; other findings never get those sources. Otherwise, for the first
// sector that the finding's shown rationale (the rule's own when it has one, else its
// category's; a category sentence never displaces a rule's own) gives a `sector_rationale`, the
// text becomes that sentence, `sectors` that sector, and the sources those of the sector (then
// those of no sector or "all"; other sectors' are left out). When the rule's own rationale names
// a sector of the document in its `sectors` but has no sentence for it, the text is the rule's
// own (unless it names a law of a sector not among `sectors`: then only the category's
// sentence, with the sources of that sector), then its category's sentence for that sector
// (once), with the rule's sources (those of
// the document's sectors first, then those of no sector, then the rest), then the category's
// of that sector. When the shown sentence is only for sectors not among `sectors` (its sectors
// name no "all"), the category's sentence for one of `sectors`, else the rule's `neutral`, else
// the category's, with the sources of no sector of its rationale (possibly none); so too when
// `sectors` is empty (a document of no known sector). Otherwise sources of the document's
// sectors come first, then those of no sector, then the rest (unchanged when `sectors` is
// empty). For a medium or high finding, the shown rationale's `sector_answers` of each of
// `sectors` are appended to its considerations (kNeedPrefix, AddUnlessSaid): a document gets no
// other sector's answers. A rationale with `only_if` is left as it is for a finding whose flag
// parameter of that name is true and gives its `neutral` sentence (with the sources of no
// sector) to any other. A fitted rationale's `sectors` then lists only sectors among `sectors`
// (or shown within one of them), else "all". Every finding, with a rationale or not, then loses
// the considerations (answers, kNeedPrefix, and the rule's and positions' advice alike) that
// name a law of a sector not among `sectors` (SectorLawsNamed, MayNameLawOf) unless its clause
// or section heading names that sector's law itself: the document's regime gates advice as it
// gates the rationale.
// A sentence that cites a regulation clause by number (RegulationClausesCited) is chosen only
// where that clause holds for the finding (issue 14 fourth review #1): the clause the finding
// lies in (clause_of, same index as report->findings; missing or "": none; a sentence citing it
// holds whatever else it cites), a clause its text or section heading cites, or one whose
// `subject` (a source's, in any rationale of data) its text or section heading matches, but not
// by subject a clause of the regulation of the clause the finding lies in (s11 #2); otherwise the next sentence of the order above, and as a last
// resort the rule's, else the category's, `neutral` sentence (no rationale when neither has
// one); no source citing such a clause is kept unless the sentence shown cites it (s12 #4: a
// sentence that holds by the clause the finding lies in names the sibling clause it rests on). So too a sentence that names a law of a sector
// not among the finding's sectors (fourth review #2: a rule's union sentence naming DORA in a
// GDPR document): it becomes the category's sentence for one of them, else the neutral one. A
// source of a sector not among them (nor within one) is left out, and a sentence left with no
// source names those of no sector of its rule, else of its category (#5); a neutral sentence
// of a rule whose sources all name sectors names its category's general ones. A
// `flag_rationale` sentence is exempt from all of this. Never fails.
void FitRationalesToSectors(const RuleSetData& data, const std::vector<std::string>& sectors,
                            const std::vector<std::string>& clause_of, Report* report);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_ASSESS_RATIONALE_SECTOR_H_
