// Party lexicon terms as token sequences; see party_terms.h.
#include "params/party_terms.h"

#include <string_view>
#include <utility>

namespace clausescan::internal {
namespace {

bool WordMatches(std::string_view token, std::string_view word, bool last) {
  if (token == word) return true;
  if (!last || token.size() <= word.size() || token.substr(0, word.size()) != word) return false;
  const std::string_view rest = token.substr(word.size());
  return rest == "s" || rest == "es";
}

}  // namespace

std::vector<PartyTerm> PartyTerms(const PartyLexicon& lexicon) {
  std::vector<PartyTerm> terms;
  const auto add = [&terms](const std::vector<std::string>& list, Party side) {
    for (const std::string& entry : list) {
      std::string lower(entry);
      for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      const scan::Tokens tokens(lower);
      PartyTerm term;
      term.side = side;
      for (std::size_t i = 0; i < tokens.size(); ++i) term.words.emplace_back(tokens.Text(i));
      if (!term.words.empty()) terms.push_back(std::move(term));
    }
  };
  add(lexicon.supplier, Party::kSupplier);
  add(lexicon.customer, Party::kCustomer);
  add(lexicon.mutual, Party::kMutual);
  return terms;
}

std::optional<PartyTermMatch> PartyTermEndingAt(const scan::Tokens& t,
                                                const std::vector<PartyTerm>& terms,
                                                std::size_t last) {
  std::optional<PartyTermMatch> best;
  std::size_t best_size = 0;
  if (last >= t.size() || t[last].kind != scan::Token::kWord) return std::nullopt;
  for (const PartyTerm& term : terms) {
    const std::size_t n = term.words.size();
    if (n > last + 1 || n <= best_size) continue;
    const std::size_t first = last + 1 - n;
    bool ok = true;
    for (std::size_t k = 0; k < n && ok; ++k) {
      ok = WordMatches(t.Text(first + k), term.words[k], k + 1 == n);
    }
    if (ok && first > 0 && t.Attached(first) && t.IsAny(first - 1, {"-", "/"})) ok = false;
    if (ok && t.Is(last + 1, "-") && t.Attached(last + 1) && t.IsWord(last + 2)) ok = false;
    if (ok) {
      best = PartyTermMatch{term.side, first};
      best_size = n;
    }
  }
  return best;
}

}  // namespace clausescan::internal
