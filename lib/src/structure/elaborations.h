// Sentences that spell out the duty of the sentence before them: "The Vendor shall run a
// security programme. This includes encryption ..." (issue 11, engine limits #2).
#ifndef CLAUSESCAN_STRUCTURE_ELABORATIONS_H_
#define CLAUSESCAN_STRUCTURE_ELABORATIONS_H_

#include <string_view>

#include "structure/outline.h"

namespace clausescan::internal {

// True when folded (one unit's folded view, lower case) opens by saying what the sentence
// before it includes: "this includes", "this shall include", "these include", "such measures
// include", "these controls will include", "this obligation includes" (a noun of duty or
// measure after "this", "these" or "such", then "include(s)", optionally after shall/will/must/
// should/may and "also"). False for any other noun ("this agreement includes") and when
// anything comes before.
bool OpensAsElaboration(std::string_view folded);

// Adds to outline->leads a link from each sentence that OpensAsElaboration to the unit before
// it, when that unit is text (no heading) of the same paragraph and the sentence has no lead-in
// yet: the sentence is then matched after it and owes its duty holder's duty, as a list item
// does its lead-in's. folded is the view the outline's offsets index. Keeps leads in item order;
// linear in the number of units.
void LinkElaborations(std::string_view folded, Outline* outline);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_ELABORATIONS_H_
