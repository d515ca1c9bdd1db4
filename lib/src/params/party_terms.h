// The words of a party lexicon as token sequences, and finding them in a tokenized unit: shared
// by the duty grammar (party.cc) and the reading of rights and sides (party_role.cc).
#ifndef CLAUSESCAN_PARAMS_PARTY_TERMS_H_
#define CLAUSESCAN_PARAMS_PARTY_TERMS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "params/party.h"
#include "params/scan.h"

namespace clausescan::internal {

// One lexicon entry as lower-case token texts, e.g. {"sub", "-", "processor"}, and its side.
struct PartyTerm {
  std::vector<std::string> words;
  Party side = Party::kUnknown;
};

// The supplier, customer and mutual entries of lexicon, in that order; entries with no token
// are left out.
std::vector<PartyTerm> PartyTerms(const PartyLexicon& lexicon);

// A term found in a unit: its side and its first token.
struct PartyTermMatch {
  Party side = Party::kUnknown;
  std::size_t first = 0;
};

// The longest term whose last token is `last`, as whole words (its last word may take a plural
// "s" or "es"); never part of a hyphenated word ("sub-processor" holds no "processor",
// "processor-specific" none either). nullopt when `last` is no word or no term ends there.
std::optional<PartyTermMatch> PartyTermEndingAt(const scan::Tokens& t,
                                                const std::vector<PartyTerm>& terms,
                                                std::size_t last);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_PARTY_TERMS_H_
