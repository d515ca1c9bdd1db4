// How many times a pattern repeats a part that matches a span of any length: RE2 tracks every
// copy of such a part side by side, so `(.*){1000}x` costs a thousand `.*` at every byte of a
// sentence (69 s on one contract).
#ifndef CLAUSESCAN_RULES_PATTERN_REPETITION_H_
#define CLAUSESCAN_RULES_PATTERN_REPETITION_H_

#include <cstddef>
#include <string>

namespace clausescan::internal {

// The most copies of an unbounded part (`*`, `+`, `{n,}`) a pattern may make with counted
// repetitions `{n}`, `{n,m}`, `{n,}` (nested counts multiply): the built-in rules use at most 40,
// as in `( [^ ;]+){0,40}`.
inline constexpr std::size_t kMaxUnboundedCopies = 40;

// The largest number of copies of an unbounded part the counted repetitions of RE2 pattern
// `pattern` make (the product of the counts around it; 1 for one not inside a counted
// repetition, 0 when the pattern has no unbounded part). Reads the pattern as written: escapes
// (`\{`) and character classes (`[{*]`) are no quantifiers. Saturates at SIZE_MAX.
std::size_t UnboundedCopies(const std::string& pattern);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_PATTERN_REPETITION_H_
