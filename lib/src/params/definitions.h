// Defined terms that stand for a quantity: "“General Cap” means the fees paid in the 12 months
// before the claim", "“Specified Notice Period” is 48 hours", "... (the “Liability Cap”)".
// A clause that only names the term ("liability will not exceed the General Cap") states its
// quantity through the definition; Glossary expands the term so the extractors can read it.
#ifndef CLAUSESCAN_PARAMS_DEFINITIONS_H_
#define CLAUSESCAN_PARAMS_DEFINITIONS_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace clausescan::internal {

// What a defined term's name says it stands for. Only such terms are expanded: "the Term" or
// "the Services" may have durations or sums in their definitions, but a clause naming them
// does not state that duration or sum.
enum class TermKind {
  kCap,     // the last word is cap, limit, ceiling or amount: "general cap", "liability limit"
  kPeriod,  // the last word is period, deadline, window or timeframe: "notice period"
  kEvent,   // the last word is incident, breach or event: "security incident" (issue 13 #2)
};
inline constexpr int kTermKinds = 3;

// The definition one unit states. `term` is folded (lower case); `body` is what it means.
struct Definition {
  std::string term;
  std::string body;
  TermKind kind = TermKind::kCap;
};

// Reads the definition a folded unit states, or nullopt: `"x" means|shall mean|is|refers to
// BODY` at the start of the unit (after a clause number), or an inline `(the "x")` whose body is
// the unit's text before it ("liability shall not exceed the fees paid in the 12 months before
// the claim (the "cap")"). Terms whose name names no quantity (see TermKind) are skipped.
std::optional<Definition> ReadDefinition(std::string_view folded);

// The definitions of one document, each visible from a scope. Built once per document; Expand
// may then be called from one thread at a time.
class Glossary {
 public:
  // Records the definition folded states (if any), visible from scope `scope`, or from every
  // scope when `global` (a definitions section).
  // Also records the first currency a unit says the contract's "$" or amounts are in (see
  // ReadDollarCurrency), for the whole document.
  void Add(std::string_view folded, int scope, bool global);
  bool empty() const { return definitions_.empty(); }
  // The ISO code of the currency the document defines for "$" ("CAD"), or "" when it defines
  // none.
  const std::string& dollar_currency() const { return dollar_currency_; }

  // The unit with each "the <term>" of `kind` that is visible from scope replaced by the
  // term's definition (the longest term where several start at one place), then the
  // definitions' own terms (two levels: "the Enhanced Cap" -> "three times the General Cap" ->
  // "three times the fees paid ..."). A definition in the same scope wins over a global one; a
  // term with two different definitions at that level is ambiguous and left alone. The
  // replacements stop once they have made the unit kMaxExpansionBytes longer (a definition
  // named thousands of times, each time replaced by a long body, cannot blow up). nullopt when
  // nothing was replaced. Linear in the unit and the text added; independent of the number of
  // definitions.
  // With term (may be null), *term gets the first term replaced.
  std::optional<std::string> Expand(std::string_view folded, TermKind kind, int scope,
                                    std::string* term = nullptr) const;

  // How much longer Expand may make a unit (a definition body is a sentence or two).
  static constexpr std::size_t kMaxExpansionBytes = std::size_t{16} << 10;

  // True when folded names, after a determiner ("a", "any", "the", "such", "each"), a kEvent
  // term visible from scope whose definition there is a confirmed event only ("\"security
  // incident\" means a confirmed breach of security ..."): being aware of it is being aware of a
  // confirmed event. A definition that also takes in suspected, attempted or potential events
  // does not count. Linear in folded per such term; the terms are few.
  bool NamesConfirmedEvent(std::string_view folded, int scope) const {
    return !ConfirmedEventNamed(folded, scope).empty();
  }
  // The term NamesConfirmedEvent finds ("security incident"), or "" when it finds none.
  std::string ConfirmedEventNamed(std::string_view folded, int scope) const;

  // True when the document defines `term` (folded: "incident") as a term of `kind`, in any
  // scope.
  bool Defines(std::string_view term, TermKind kind) const {
    return terms_[static_cast<int>(kind)].count(std::string(term)) > 0;
  }

 private:
  // The definition a term has at one level: one body, none, or two different ones.
  struct Slot {
    const std::string* body = nullptr;
    bool ambiguous = false;
    void Offer(const std::string* other) {
      if (body == nullptr) {
        body = other;
      } else if (*body != *other) {
        ambiguous = true;
      }
    }
  };
  struct Term {
    Slot global;
    std::unordered_map<int, Slot> scopes;
  };
  const std::string* Body(std::string_view term, TermKind kind, int scope) const;
  // One replacement level over text; false when nothing was replaced.
  bool ExpandOnce(std::string& text, TermKind kind, int scope, std::size_t max_size,
                  std::string* term) const;

  std::string dollar_currency_;
  std::deque<Definition> definitions_;  // stable addresses for the slots
  // by TermKind: term -> its definitions
  std::unordered_map<std::string, Term> terms_[kTermKinds];
  // By TermKind: the first words of its terms ("general" of "general cap").
  std::unordered_set<std::string> first_words_[kTermKinds];
  // The kEvent terms some definition of which is a confirmed event.
  std::unordered_set<std::string> confirmed_events_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_DEFINITIONS_H_
