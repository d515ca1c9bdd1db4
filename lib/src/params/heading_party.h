// Whose duties a section heading says follow it ("Your responsibilities", "Responsibilities of
// the Buyer", "Keep your API keys safe"): the side of the duties under it that name no holder.
#ifndef CLAUSESCAN_PARAMS_HEADING_PARTY_H_
#define CLAUSESCAN_PARAMS_HEADING_PARTY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "params/party.h"
#include "structure/outline.h"

namespace clausescan::internal {

// The side a heading's title (any case) gives the duties under it, by lexicon (with "we" and
// "you" on the document's sides, ApplyPersonSides):
// - a heading of responsibilities, obligations or duties that names one side: "Your
//   responsibilities", "You have security responsibilities", "Customer responsibilities",
//   "Responsibilities of the Buyer", "Our obligations" ("your" is the side of "you", "our" that
//   of "we"; when the lexicon gives neither a side, "we" is the supplier and "you" the customer,
//   and when it gives one, the other is on the opposite side);
// - a heading that tells "you" what to do: an imperative verb first ("keep", "manage",
//   "protect", "understand", "review", ...) and "your" the only side it names ("Keep your form
//   team up to date", "Understand the classification of your data").
// kUnknown when it names no side, both sides or a mutual one ("Roles and Responsibilities",
// "Responsibilities of the parties"), and for any other heading. Never fails.
Party PartyOfHeading(std::string_view title, const PartyLexicon& lexicon);

// For each section of sections (same index): the side PartyOfHeading gives its own heading, else
// that of the nearest enclosing section (the nearest before it of a lower level) that gives one;
// kUnknown when none does. Linear in the sections. Never fails.
std::vector<Party> PartiesOfSections(const std::vector<Section>& sections,
                                     const PartyLexicon& lexicon);

// True when a unit (its folded view) opens with a subject of its own rather than an instruction
// ("Use two factor authentication", "Always follow these steps:"): after list markers, a
// determiner or pronoun first ("The service ...", "It ..."), a word, an adverb in -ly and a verb
// in -s ("CHEFS securely stores ..."), or a finite or modal verb ("is", "are", "has", "will",
// "must", "may", ...) among its first ten words before a ',', ';', ':' or '.' ("CHEFS and its
// subsystems are approved ..."). The duties a heading gives a side are the instructions under
// it. Never fails.
bool OpensWithSubject(std::string_view folded);

// Whose duties a row of a Markdown table of roles states: the role its first cell names, in a
// table whose header's first cell names roles ("Stakeholder", "Role", "Party", "Actor", "Entity",
// "Organisation", "Who", "Owner"). `side` is the side the cell names by lexicon (a cloud service
// provider, "CSP", is the supplier); otherwise `third` is the cell's text (a role neither side
// holds: "CISA", "Agency AO", "3PAO"). Both empty when text at row_begin is no such row: a row
// of another table (credit tiers, a schedule of incidents), the header itself, no table, or a
// row more than 256 lines below its header.
struct RowHolder {
  Party side = Party::kUnknown;
  std::string third;
};
// text is the cased view (NormalizedText::text, whose lines the folded view joins); row_begin
// any offset in the row's line. Never fails.
RowHolder HolderOfTableRow(std::string_view text, std::size_t row_begin,
                           const PartyLexicon& lexicon);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_HEADING_PARTY_H_
