// "Did you mean" suggestions for misspelt keys and ids in rule, playbook and catalogue files.
#ifndef CLAUSESCAN_RULES_SUGGESTIONS_H_
#define CLAUSESCAN_RULES_SUGGESTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// A list of names (keys, ids) that a value may be; views into strings the caller keeps alive.
using Names = std::vector<std::string_view>;

// The optimal string alignment distance between a and b (bytes): insertions, deletions,
// substitutions and transpositions of adjacent characters, each counting one. Takes time
// proportional to |a| x |b| and memory to |b|.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The longest word DidYouMean suggests for (bytes): a key or id is a few words, and the work
// grows with the product of the lengths compared.
inline constexpr std::size_t kMaxSuggestedLength = 100;

// " (did you mean 'x'?)" for the closest candidate within a third of word's length (at least
// one edit), or "" when none is that close or word is longer than kMaxSuggestedLength. Ties
// go to the earlier candidate. A candidate whose length differs from word's by more than the
// distance allowed is skipped unread, so each costs at most about 1.3 x kMaxSuggestedLength^2
// steps and memory for one of its lengths.
std::string DidYouMean(std::string_view word, const Names& candidates);

// "a, b or c" (names in order; "" for none).
std::string OneOf(const Names& names);

// The ids of entries (anything with an `id` string member), in order. The views point into
// entries, which must outlive them.
template <typename Entry>
Names IdsOf(const std::vector<Entry>& entries) {
  Names ids;
  for (const Entry& entry : entries) ids.push_back(entry.id);
  return ids;
}

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_SUGGESTIONS_H_
