// Lists written inside one sentence: "Supplier shall (a) notify Customer within 24 hours; and
// (b) delete Customer Data within 30 days". The sentence stays one unit; its items tell which
// part of it a number belongs to.
#ifndef CLAUSESCAN_STRUCTURE_INLINE_LIST_H_
#define CLAUSESCAN_STRUCTURE_INLINE_LIST_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace clausescan::internal {

struct InlineList {
  std::size_t lead_end = 0;  // the lead-in ("Supplier shall ") is [0, lead_end)
  // Items as half-open byte ranges of the sentence, each from its marker to the next marker (the
  // last one to the end); in order, at least two, or none when the sentence has no list.
  std::vector<std::pair<std::size_t, std::size_t>> items;
};

// Finds the list of a sentence: markers "(a)" "(b)" ..., "(i)" "(ii)" ..., or "(1)" "(2)" ...,
// each after a space (or at the start) and before one, in sequence from the first label. Of the
// three kinds, the one with the most items wins (nested lists fall inside the top-level items).
// Linear in the sentence; never fails.
InlineList FindInlineList(std::string_view sentence);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_STRUCTURE_INLINE_LIST_H_
