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
#include "match/concept_terms.h"
#include "match/pattern_shape.h"
#include "rules/model.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {

// How a Matcher finds the patterns of a unit.
//   option            default  meaning
//   each_pattern      false    reference engine: no prefilter, every pattern on its own on every
//                              unit (slow). For differential tests.
//   patterns_checked  false    every pattern already passed CheckPattern (the rule loader checks
//                              each): Compile compiles no regex, the patterns are compiled on
//                              first use (see PatternIndex), and a rule set loads fast.
struct MatcherOptions {
  bool each_pattern = false;
  bool patterns_checked = false;
};

// A rule that holds in one scope unit. Offsets are in NormalizedText::text.
struct RuleHit {
  int rule = -1;  // index into RuleSetData::rules
  // The unit's range; for a list item whose rule holds only with the lead-in ("Provider shall:"
  // before "(a) encrypt backups;"), from that lead-in's start to the item's end: the clause that
  // states the duty.
  std::size_t begin = 0;
  std::size_t end = 0;
  int section = -1;               // index into Outline::sections
  Party party = Party::kUnknown;  // who owes the duty in the unit
  std::map<std::string, ParamValue> parameters;
};

// The compiled form of a rule set: per scope, the distinct patterns of its rules, found in a unit
// through their required literals (see PatternIndex), then per-rule boolean logic over which
// patterns hit, then the rule's parameter extractors on the units that pass. Immutable after
// Compile except for patterns compiled on first use (shared by threads, but for the exact forms
// of window patterns, one per thread matching at once: see PatternIndex); Match may be called
// from many threads at once.
class Matcher {
 public:
  // Compiles rules. Errors (kRuleError naming the rule file and line) for a pattern RE2 rejects
  // (unless options.patterns_checked).
  static Result<std::unique_ptr<Matcher>> Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties);
  // As above with options. Whatever the options, Match returns the same hits. With
  // term_readings, the terms a document defines as one of their concepts are also read as that
  // concept's words (match/concept_terms.h); without, no term is.
  static Result<std::unique_ptr<Matcher>> Compile(
      const std::vector<Rule>& rules, const PartyLexicon& parties, const MatcherOptions& options,
      std::shared_ptr<const ConceptReadings> term_readings = nullptr);
  ~Matcher();

  // Every (rule, unit) that holds: all groups match, no `none` pattern matches, not a heading,
  // not a definition (unless the rule allows), and the duty holder is not the other party.
  // Hits come in order of begin, then rule, then end. With max_hits above 0, returns at most
  // max_hits + 1 hits, the first ones in that order, and stops matching at the unit that makes
  // max_hits + 1 (a list item reported from its lead-in counts where the item is): a result
  // longer than max_hits means the document has more (memory stays bounded whatever the
  // document). parties, when given, replaces the rule set's party words for this document (see
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
