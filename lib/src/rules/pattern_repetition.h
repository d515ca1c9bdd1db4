// How many times a pattern repeats a part that matches a span of any length: RE2 tracks every
// copy of such a part side by side, so `(.*){1000}x` costs a thousand `.*` at every byte of a
// sentence (69 s on one contract).
#ifndef CLAUSESCAN_RULES_PATTERN_REPETITION_H_
#define CLAUSESCAN_RULES_PATTERN_REPETITION_H_

#include <cstddef>
#include <string>

namespace clausescan::internal {

// The most copies of unbounded parts (`*`, `+`, `{n,}`) a pattern may hold side by side,
// counted as UnboundedCopies counts them: the built-in rules hold between 44 and 60 (a
// `( [^ ;]+){0,40}` window with a few `+` around it).
inline constexpr std::size_t kMaxUnboundedCopies = 60;

// How many copies of unbounded parts RE2 pattern `pattern` holds side by side: each unbounded
// part counts the product of the counted repetitions around it (1 outside any), the copies of a
// sequence add up, and a group of alternatives counts its largest (0 when the pattern has no
// unbounded part: `(.*){25}(.*){25}` is 50, `(a.*|b.*){2}` is 2). Reads the pattern as written: escapes
// (`\{`) and character classes (`[{*]`) are no quantifiers. Saturates at SIZE_MAX.
std::size_t UnboundedCopies(const std::string& pattern);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_RULES_PATTERN_REPETITION_H_
