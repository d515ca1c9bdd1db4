// Duties drafted in the passive ("Customer Data shall not be used for any other purpose", "you
// will be notified of any breach", "personal data is encrypted at rest") state the clause their
// active form states ("shall not use customer data for any other purpose"): a unit holding one is
// also read in the active voice, so a rule written for the act finds the clause in either drafting
// (issue 11: passive and agentless drafting).
#ifndef CLAUSESCAN_MATCH_ACTIVE_READING_H_
#define CLAUSESCAN_MATCH_ACTIVE_READING_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausescan::internal {

// The folded unit (lower case, one space between words) with each passive duty turned active:
// "NP shall|will|must [not] be [adverbs] PARTICIPLE REST" becomes "shall|will|must [not]
// [adverbs] VERB NP REST", and the present "NP is|are [adverbs] PARTICIPLE REST" becomes "will
// [adverbs] VERB NP REST" (a negated present, "are not encrypted", states a fact and is left).
// NP is the subject's words back to the start of the unit, a ',' ';' ':' '(' or a word that opens
// a clause ("and", "that", "if", ...), at most 12 words, without a list marker; a pronoun becomes
// its object form ("they" -> "them", "we" -> "us"). Only the participles of verbs that state a
// duty towards data or a party are turned (notified, reported, provided, used, processed,
// disclosed, retained, deleted, encrypted, restricted, indemnified, ...): states ("is located",
// "is permitted", "is entitled"), "held liable", "logged on" and an indemnity in the present ("to
// the extent a third party is indemnified") never are. The agent ("by the Supplier") stays where
// it was. nullopt when the unit has no such passive (one scan of the unit for " be ", " is " and
// " are " first). Thread safe.
std::optional<std::string> ActiveReading(std::string_view folded);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_ACTIVE_READING_H_
