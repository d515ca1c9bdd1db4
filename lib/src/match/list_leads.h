// The lead-in of the list a unit belongs to, as matching sees it: "Provider shall:" before
// "(a) encrypt data at rest;" owes the item's duty and lends it its obligation verb.
#ifndef CLAUSESCAN_MATCH_LIST_LEADS_H_
#define CLAUSESCAN_MATCH_LIST_LEADS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "params/party.h"
#include "structure/outline.h"

namespace clausescan::internal {

// What a list item takes from the lead-ins above it (Outline::leads).
struct LeadContext {
  // The lead-ins from the outermost down, joined by spaces ("provider shall: (a) maintain the
  // following controls:"), to put before the item when matching; empty when the unit has no
  // lead-in or the bounds below are reached.
  std::string_view text;
  // The party that owes the duty of the innermost lead-in (its own, else its lead-in's).
  Party holder = Party::kUnknown;
  // Where the lead-ins start in the folded view: the outermost one in text (begin) and the
  // innermost, the item's own lead-in (inner_begin), whose text is the end of text from
  // inner_text_offset on. Meaningful when text is not empty.
  std::size_t begin = 0;
  std::size_t inner_begin = 0;
  std::size_t inner_text_offset = 0;
};

// The lead-in and its item read as the one sentence they make: the lead-in without its closing
// ':' or dash, then the item without its list marker ("customer data must be:" and "(b) deleted
// within 30 days" -> "customer data must be deleted within 30 days"), so that a pattern may run
// from the lead-in's words into the item's. nullopt when there is neither a closing mark nor a
// marker to leave out, and when the lead-in only announces its items ("... the following:", "as
// follows:"). lead and item are folded views. Linear in their sizes.
std::optional<std::string> FlowingLeadIn(std::string_view lead, std::string_view item);

// Lead-ins of one document's units. Bounds, so that matching stays in proportion to the text:
// the joined lead-ins of an item are used up to 4 KiB (the outer ones are dropped first), and the
// text repeated before items adds at most 4 times the size of the document plus 1 MiB in all (a
// lead-in of a few hundred bytes before hundreds of items fits); past that
// items are matched alone. Holders are computed once per lead-in. Not thread safe; cheap to make.
class ListLeads {
 public:
  // outline and folded (the view its offsets index) must outlive this object.
  ListLeads(const Outline& outline, std::string_view folded, const PartyLexicon& lexicon);

  // The context of units[unit]; valid until the next call.
  LeadContext For(std::size_t unit);

  // The party that owes the duty of units[unit]: its own (DutyHolder), else, when it names none,
  // its lead-in's, else, when it opens with "it" or "they" as its subject, the party the pronoun
  // stands for (PronounAntecedent).
  Party HolderOf(std::size_t unit);

 private:
  int LeadOf(std::size_t unit) const;  // index of the unit's lead-in, or -1
  std::string_view UnitText(std::size_t unit) const;

  const Outline& outline_;
  std::string_view folded_;
  const PartyLexicon& lexicon_;
  std::vector<signed char> holders_;  // by unit: Party + 1, or 0 when not computed yet
  std::string text_;
  std::size_t budget_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_LIST_LEADS_H_
