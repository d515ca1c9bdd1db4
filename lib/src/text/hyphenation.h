// Which hyphens at a line end belong to the text: a shared rule of the PDF clean-up and the
// normaliser, which otherwise join a word broken across a line end and drop its hyphen.
#ifndef CLAUSESCAN_TEXT_HYPHENATION_H_
#define CLAUSESCAN_TEXT_HYPHENATION_H_

#include <string_view>

namespace clausescan::internal {

// True when `word` (ASCII letters, any case), written before a hyphen, starts a compound
// number: the tens words "twenty" to "ninety" ("seventy-two", "twenty-four", "thirty-first").
// No word is broken after them, so a hyphen that follows one at a line end is kept.
// ("seven-", "six-", "ten-" are not: "seven-ty", "six-teen", "ten-ant" are broken words.)
bool IsTensNumberWord(std::string_view word);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_TEXT_HYPHENATION_H_
