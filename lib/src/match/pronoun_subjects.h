// Who "it" or "they" is when a sentence opens with the pronoun as the subject of its duty: the
// party named as the subject of the sentence before, in the same section
// ("The Customer shall keep its own records. It must report ..." -> the customer).
#ifndef CLAUSESCAN_MATCH_PRONOUN_SUBJECTS_H_
#define CLAUSESCAN_MATCH_PRONOUN_SUBJECTS_H_

#include <cstddef>
#include <string_view>

#include "params/party.h"
#include "structure/outline.h"

namespace clausescan::internal {

// True when folded (one unit's folded view, lower case) opens with "it" or "they" as the
// subject of an active duty: "it will notify", "they shall not disclose", "it agrees to",
// "it must promptly tell". False for a passive or a state ("it shall be deleted", "they are
// encrypted"), and when anything comes before the pronoun.
bool OpensWithPronounDuty(std::string_view folded);

// The party that units[unit] of outline (a sentence that OpensWithPronounDuty) stands for: the
// subject of the sentence before it in the same section (its DutyHolder, the holder of its first
// main clause, not of a later one: "The Client shall ..., and the Vendor shall ... It must ..."
// -> the client),
// looking further back over up to 3 sentences that open with a pronoun themselves; kUnknown when
// that sentence names no party as a subject, is a heading or is in another section. folded is
// the view the outline's offsets index. Reads at most 4 units; thread compatible.
Party PronounAntecedent(const Outline& outline, std::string_view folded, std::size_t unit,
                        const PartyLexicon& lexicon);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_PRONOUN_SUBJECTS_H_
