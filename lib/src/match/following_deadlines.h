// Deadlines a clause states in the sentence after it, about the same act: "The Supplier shall
// notify the Customer of any Security Incident. The notice shall be given within 24 hours."
// (issue 11, engine limits 3 #2).
#ifndef CLAUSESCAN_MATCH_FOLLOWING_DEADLINES_H_
#define CLAUSESCAN_MATCH_FOLLOWING_DEADLINES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "params/extract.h"
#include "rules/model.h"
#include "structure/outline.h"

namespace clausescan::internal {

// The duration parameters of a rule (each duration spec's name and business name): what a
// clause states as its deadline or notice period.
std::vector<std::string> DurationNames(const std::vector<ParamSpec>& specs);

// True when `next` (a sentence's folded view) speaks, within its first words, of the act that
// `before` (the folded sentence before it) asks for by a noun that points back to it: "the
// notice", "such notification", "this notice", "said report" after a sentence that notifies,
// informs or reports; "such deletion", "the destruction", "this return" after one that deletes,
// destroys or returns. A noun that names what it is of or about ("the notice of termination",
// "the notice period") points at something else; so does a noun `before` does not lead to, and
// one that `between` (a sentence between the two, "" when none) leads to as well: the noun then
// names that sentence's act.
bool RefersToTheActBefore(std::string_view before, std::string_view next,
                          std::string_view between = {});

// The rule set's view for TakeDeadlinesFromNextSentence, by rule index.
struct RuleDurations {
  const ParamExtractor* params = nullptr;  // the rule's extractors
  std::vector<std::string> names;          // DurationNames of its specs; empty: none
};

// For each hit of hits[first_hit..] that is a sentence's (it ends where a unit of outline ends)
// and states none of its rule's durations: when the next unit (or the one after it, when the
// next is a sentence of the same paragraph that states no duration) is a sentence of the same
// paragraph that RefersToTheActBefore it and states one of those durations (read with the rule's
// extractors, or the parameters of that sentence's own hit of the rule), the hit takes the
// parameters that sentence states and it lacks and ends where that sentence ends; that
// sentence's own hit of the rule, if any, is removed (one clause, one finding). folded is the
// view the outline's offsets index. O(h log h + u) for h hits and u units, but for the
// extraction of the sentences read.
void TakeDeadlinesFromNextSentence(const Outline& outline, std::string_view folded,
                                   const std::vector<RuleDurations>& rules, std::size_t first_hit,
                                   std::vector<RuleHit>* hits);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_FOLLOWING_DEADLINES_H_
