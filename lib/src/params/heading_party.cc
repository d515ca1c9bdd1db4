// Whose duties a section heading says follow it; see heading_party.h.
#include "params/heading_party.h"

#include <cstddef>
#include <optional>
#include <string>

#include "common/ascii.h"
#include "params/party_terms.h"
#include "params/scan.h"

namespace clausescan::internal {
namespace {

using scan::Tokens;

Party TermSide(const std::vector<PartyTerm>& terms, std::string_view pronoun) {
  for (const PartyTerm& term : terms) {
    if (term.words.size() == 1 && term.words.front() == pronoun) return term.side;
  }
  return Party::kUnknown;
}

// The side of pronoun ("we", "you") among terms. When terms give neither pronoun a side (a
// document that writes as "we" and does not say who "you" is), "we" is the supplier and "you"
// the customer: the scan reads the duties such a document leaves unnamed as the supplier's, so
// the ones it gives "you" are the other side's.
Party SideOfPronoun(const std::vector<PartyTerm>& terms, std::string_view pronoun) {
  const Party we = TermSide(terms, "we");
  const Party you = TermSide(terms, "you");
  const auto opposite = [](Party side) {
    return side == Party::kSupplier   ? Party::kCustomer
           : side == Party::kCustomer ? Party::kSupplier
                                      : Party::kUnknown;
  };
  if (we == Party::kUnknown && you == Party::kUnknown) {
    return pronoun == "we" ? Party::kSupplier : Party::kCustomer;
  }
  if (pronoun == "we") return we != Party::kUnknown ? we : opposite(you);
  return you != Party::kUnknown ? you : opposite(we);
}

// A verb that opens a heading telling the reader what to do ("Keep your ...", not "Use of your
// data").
bool IsImperativeVerb(const Tokens& t, std::size_t i) {
  return !t.Is(i + 1, "of") &&
         t.IsAny(i, {"keep",   "manage",   "protect", "understand", "review", "maintain",
                     "ensure", "secure",   "follow",  "use",        "take",   "check",
                     "remove", "safeguard"});
}

// The line of text that holds offset at: [begin, end), without its line break.
std::string_view LineAt(std::string_view text, std::size_t at) {
  const std::size_t begin = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0
  std::size_t end = text.find('\n', at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(begin, end - begin);
}

// The text of a table line's first cell, without spaces and emphasis; "" when the line is no
// table row (it must open with '|').
std::string_view FirstCell(std::string_view line) {
  const std::size_t open = line.find_first_not_of(" \t");
  if (open == std::string_view::npos || line[open] != '|') return {};
  std::size_t close = line.find('|', open + 1);
  if (close == std::string_view::npos) close = line.size();
  std::string_view cell = line.substr(open + 1, close - open - 1);
  const std::size_t first = cell.find_first_not_of(" \t*_");
  if (first == std::string_view::npos) return {};
  cell.remove_prefix(first);
  cell.remove_suffix(cell.size() - (cell.find_last_not_of(" \t*_\r") + 1));
  return cell;
}

bool IsTableLine(std::string_view line) {
  const std::size_t open = line.find_first_not_of(" \t");
  return open != std::string_view::npos && line[open] == '|';
}

// PartyOfHeading with the lexicon's terms read once.
Party SideOfHeading(std::string_view title, const std::vector<PartyTerm>& terms) {
  const std::string lower = AsciiLower(title);
  const Tokens t(lower);
  Party named = Party::kUnknown;
  bool both = false;
  bool only_your = true;  // every side named is named by "your"
  bool duties = false;
  std::size_t first_word = t.size();
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (!t.IsWord(k)) continue;
    if (first_word == t.size()) first_word = k;
    if (t.IsAny(k, {"responsibilities", "responsibility", "obligations", "duties"})) {
      duties = true;
      continue;
    }
    Party side = Party::kUnknown;
    if (t.IsAny(k, {"your", "yours", "you"})) {
      side = SideOfPronoun(terms, "you");
      only_your = only_your && !t.Is(k, "you");
    } else if (t.IsAny(k, {"our", "ours", "we", "us"})) {
      side = SideOfPronoun(terms, "we");
      only_your = false;
    } else if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k)) {
      side = m->side;
      only_your = false;
      if (side == Party::kUnknown) continue;
    } else {
      continue;
    }
    if (side == Party::kMutual || side == Party::kUnknown ||
        (named != Party::kUnknown && named != side)) {
      both = true;
    }
    named = side;
  }
  if (both || named == Party::kUnknown) return Party::kUnknown;
  if (duties) return named;
  if (only_your && IsImperativeVerb(t, first_word)) return named;
  return Party::kUnknown;
}

}  // namespace

Party PartyOfHeading(std::string_view title, const PartyLexicon& lexicon) {
  return SideOfHeading(title, PartyTerms(lexicon));
}

std::vector<Party> PartiesOfSections(const std::vector<Section>& sections,
                                     const PartyLexicon& lexicon) {
  std::vector<Party> parties(sections.size(), Party::kUnknown);
  std::vector<std::size_t> open;  // the enclosing sections of the one read, outermost first
  const std::vector<PartyTerm> terms = PartyTerms(lexicon);
  for (std::size_t s = 0; s < sections.size(); ++s) {
    while (!open.empty() && sections[open.back()].level >= sections[s].level) open.pop_back();
    const Party own = SideOfHeading(sections[s].title, terms);
    parties[s] = own != Party::kUnknown ? own : open.empty() ? Party::kUnknown : parties[open.back()];
    open.push_back(s);
  }
  return parties;
}

RowHolder HolderOfTableRow(std::string_view text, std::size_t row_begin,
                           const PartyLexicon& lexicon) {
  RowHolder out;
  if (row_begin >= text.size()) return out;
  const std::string_view row = LineAt(text, row_begin);
  const std::string_view cell = FirstCell(row);
  if (cell.empty()) return out;
  // The header is the first line of the run of table lines that ends with the row.
  std::size_t begin = static_cast<std::size_t>(row.data() - text.data());
  std::string_view header;
  // A row further down a table than this finds no header: the walk up stays bounded when every
  // row of a long table has findings.
  constexpr int kMaxRowsAbove = 256;
  for (int rows = 0; begin > 0; ++rows) {
    if (rows == kMaxRowsAbove) return out;
    const std::string_view line = LineAt(text, begin - 1);
    if (!IsTableLine(line)) break;
    header = line;
    begin = static_cast<std::size_t>(line.data() - text.data());
  }
  if (header.empty()) return out;  // the row is the header, or no table is above it
  const std::string head_cell = AsciiLower(FirstCell(header));
  const Tokens head(head_cell);
  bool of_roles = false;
  for (std::size_t k = 0; k < head.size() && !of_roles; ++k) {
    of_roles = head.IsAny(k, {"stakeholder", "stakeholders", "role", "roles", "party", "parties",
                              "actor", "actors", "entity", "organisation", "organization", "who",
                              "owner"});
  }
  if (!of_roles) return out;
  const std::string lower_cell = AsciiLower(cell);
  const Tokens t(lower_cell);
  const std::vector<PartyTerm> terms = PartyTerms(lexicon);
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (t.IsAny(k, {"csp", "csps"})) {
      out.side = Party::kSupplier;  // a cloud service provider
    } else if (std::optional<PartyTermMatch> m = PartyTermEndingAt(t, terms, k)) {
      out.side = m->side;
    }
    if (out.side != Party::kUnknown) return out;
  }
  out.third = std::string(cell);
  return out;
}

bool OpensWithSubject(std::string_view folded) {
  const Tokens t(folded);
  std::size_t k = 0;
  // List markers and numbering: "*", "-", "1.", "(a)", "iv)".
  while (k < t.size() && (!t.IsWord(k) || (t.Is(k + 1, ")") && t.Text(k).size() <= 4))) ++k;
  if (k >= t.size()) return false;
  if (t.IsAny(k, {"the", "a", "an", "this", "that", "these", "those", "it", "they", "he", "she",
                  "we", "all", "each", "every", "any", "our", "its", "their", "his", "her",
                  "there", "no", "some"})) {
    return true;
  }
  const std::string_view second = t.Text(k + 1);
  const std::string_view third = t.Text(k + 2);
  if (t.IsWord(k + 1) && t.IsWord(k + 2) && second.size() > 2 &&
      second.substr(second.size() - 2) == "ly" && third.size() > 3 && third.back() == 's' &&
      third[third.size() - 2] != 's') {
    return true;  // "CHEFS securely stores ..."
  }
  for (std::size_t words = 0; k < t.size() && words < 10; ++k) {
    if (t.IsAny(k, {",", ";", ":", "."})) break;
    if (!t.IsWord(k)) continue;
    ++words;
    if (t.IsAny(k, {"is", "are", "was", "were", "has", "shall", "will", "must", "may", "can",
                    "cannot", "should"})) {
      return true;
    }
  }
  return false;
}

}  // namespace clausescan::internal
