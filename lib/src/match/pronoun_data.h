// The customer's data named by the pronoun the document gives the customer: "your data" in terms a
// provider writes to its customers ("We will not use your data for advertising"), "our data" in
// requirements a buyer writes to its vendors ("You must only use our data for the purposes of the
// Contract"). Rules name the customer's data ("customer data", "personal data"); a unit that names
// it by the pronoun is also read with "customer" in the pronoun's place (issue 11: we/you
// drafting).
#ifndef CLAUSESCAN_MATCH_PRONOUN_DATA_H_
#define CLAUSESCAN_MATCH_PRONOUN_DATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "params/party.h"

namespace clausescan::internal {

// The folded unit with "your" (when lexicon puts "you" on the customer side) and "our" (when it
// puts "we" there) replaced by "customer" before the words that name data: "data", "personal
// data", "personal information", "information", "content", "files", "records" ("your personal
// data" -> "customer personal data"). lexicon is the document's (ApplyPersonSides: a document that
// gives the pronoun no side, or the supplier's, changes nothing). nullopt when nothing was
// replaced. Linear in the unit; thread safe.
std::optional<std::string> PronounDataReading(std::string_view folded, const PartyLexicon& lexicon);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_PRONOUN_DATA_H_
