// Defined terms that stand for a quantity: "“General Cap” means the fees paid in the 12 months
// before the claim", "“Specified Notice Period” is 48 hours", "... (the “Liability Cap”)".
// A clause that only names the term ("liability will not exceed the General Cap") states its
// quantity through the definition; Glossary expands the term so the extractors can read it.
#ifndef CLAUSESCAN_PARAMS_DEFINITIONS_H_
#define CLAUSESCAN_PARAMS_DEFINITIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clausescan::internal {

// What a defined term's name says it stands for. Only such terms are expanded: "the Term" or
// "the Services" may have durations or sums in their definitions, but a clause naming them
// does not state that duration or sum.
enum class TermKind {
  kCap,     // the last word is cap, limit, ceiling or amount: "general cap", "liability limit"
  kPeriod,  // the last word is period, deadline, window or timeframe: "notice period"
};

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
  void Add(std::string_view folded, int scope, bool global);
  bool empty() const { return entries_.empty(); }

  // The unit with each "the <term>" of `kind` that is visible from scope replaced by the
  // term's definition, then the definitions' own terms (two levels: "the Enhanced Cap" ->
  // "three times the General Cap" -> "three times the fees paid ..."). A definition in the
  // same scope wins over a global one; a term with two different definitions at that level is
  // ambiguous and left alone. nullopt when nothing was replaced.
  std::optional<std::string> Expand(std::string_view folded, TermKind kind, int scope) const;

 private:
  struct Entry {
    Definition definition;
    int scope = -1;
    bool global = false;
  };
  const std::string* Body(const std::string& term, TermKind kind, int scope) const;
  std::vector<Entry> entries_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_PARAMS_DEFINITIONS_H_
