// Matching rules against a segmented document.
#ifndef CLAUSESCAN_MATCH_MATCHER_H_
#define CLAUSESCAN_MATCH_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {

// Checks a rule pattern with the RE2 options rules are matched with (case-insensitive, UTF-8).
// Returns RE2's parse error ("missing ): (foo"), or "" when RE2 accepts the pattern.
std::string CheckPattern(const std::string& pattern);

// Rewrites each wide counted repetition x{n,m} (m - n > 8) as x{n,} (x* for n = 0, x+ for
// n = 1), outside character classes and escapes. The result matches wherever pattern matches
// (RE2's operators are monotone) and keeps a lazy DFA small: for x{0,60} an unanchored DFA must
// track every count at once. Returns "" when nothing was rewritten. Exposed for tests.
std::string RelaxPattern(std::string_view pattern);

// True when pattern repeats without bound (*, +, {n,}), at any depth, something that runs
// across words: an atom that matches a space, or whose repetition matches words and spaces
// ("[^.;]*", "[a-z ]+", "([a-z]+ )*"). A DFA thread for such a pattern stays alive across a
// clause, so the matcher keeps these patterns in a set of their own (mixed with the others, the
// DFA states multiply). Exposed for tests.
bool SpansWords(std::string_view pattern);

// Splits pattern at its top-level unbounded repetitions of something that runs across words:
// "\bfoo\b[^.;]*\bbar\b" -> {"\bfoo\b", "\bbar\b"}. Keeps the parts that do not match
// (nearly) every text. Each part occurs wherever the pattern does, so a unit that lacks a part
// cannot match; the matcher puts the parts in its sets and confirms candidates with the exact
// pattern. Returns {} when the pattern is not split (no such repetition, a top-level '|', a
// flag group such as "(?i)", or no useful part). Expects RelaxPattern's output. For tests.
std::vector<std::string> SplitPattern(std::string_view pattern);

// Memory budget of each scope's RE2::Set (program and DFA cache).
inline constexpr std::int64_t kDefaultSetMaxMem = std::int64_t{64} << 20;

// How a Matcher finds the patterns of a unit.
//   option        default     meaning
//   set_max_mem   64 MiB      RE2::Set budget; Compile fails (kRuleError) when a set needs more
//   each_pattern  false       reference engine: no RE2::Set, every pattern on its own on every
//                             unit (slow; what Match falls back to for a unit when the set's DFA
//                             runs out of memory). For differential tests.
struct MatcherOptions {
  std::int64_t set_max_mem = kDefaultSetMaxMem;
  bool each_pattern = false;
};

// A rule that holds in one scope unit. Offsets are in NormalizedText::text.
struct RuleHit {
  int rule = -1;  // index into RuleSetData::rules
  std::size_t begin = 0;
  std::size_t end = 0;
  int section = -1;               // index into Outline::sections
  Party party = Party::kUnknown;  // who owes the duty in the unit
  std::map<std::string, ParamValue> parameters;
};

// The compiled form of a rule set: per scope, two RE2::Sets over every pattern of every rule
// (patterns that span words in one, see SpansWords; wide patterns relaxed or split, see
// RelaxPattern and SplitPattern, and confirmed by their exact RE2), then per-rule boolean logic
// over which patterns hit, then the rule's parameter extractors on the units that pass.
// Immutable after Compile; Match may be called from many threads at once.
class Matcher {
 public:
  // Compiles rules. Errors (kRuleError naming the rule file and line) for a pattern RE2 rejects
  // or a set that exceeds the memory budget (max_mem 64 MiB per set).
  static Result<std::unique_ptr<Matcher>> Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties);
  // As above with options. Whatever the options, Match returns the same hits.
  static Result<std::unique_ptr<Matcher>> Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties,
                                                  const MatcherOptions& options);
  ~Matcher();

  // Every (rule, unit) that holds: all groups match, no `none` pattern matches, not a heading,
  // not a definition (unless the rule allows), and the duty holder is not the other party.
  // Hits come in document order, then rule order. With max_hits above 0, returns at most
  // max_hits + 1 hits, the first ones in that order, and stops matching there: a result longer
  // than max_hits means the document has more (memory stays bounded whatever the document).
  // parties, when given, replaces the rule set's party words for this document (see
  // DocumentLexicon in params/parties_in_text.h); it must outlive the call.
  std::vector<RuleHit> Match(const NormalizedText& text, const Outline& outline,
                             std::size_t max_hits = 0, const PartyLexicon* parties = nullptr) const;

 private:
  Matcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_MATCHER_H_
