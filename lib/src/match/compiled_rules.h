// The rules as the matcher runs them: per scope, the distinct patterns in a PatternIndex and the
// (rule, group) uses of each; per rule, what matching needs besides its patterns. Built once by
// Matcher::Compile and read-only afterwards, so one CompiledRules may serve any number of threads.
#ifndef CLAUSESCAN_MATCH_COMPILED_RULES_H_
#define CLAUSESCAN_MATCH_COMPILED_RULES_H_

#include <string>
#include <vector>

#include "match/pattern_index.h"
#include "params/extract.h"
#include "params/party.h"

namespace clausescan::internal {

inline constexpr int kNoneGroup = -1;

// One use of a pattern: rule `rule` has it in group `group` of `all`, or in `none`.
struct PatternUse {
  int rule = 0;
  int group = kNoneGroup;
};

// The compiled patterns of one scope and the uses of each.
struct ScopePatterns {
  PatternIndex index;
  // The uses of pattern i are uses[use_begin[i] .. use_begin[i + 1]).
  std::vector<int> use_begin;
  std::vector<PatternUse> uses;

  bool empty() const { return index.empty(); }
};

// A rule as the matcher runs it.
struct CompiledRule {
  Party party = Party::kUnknown;
  bool definitions = false;
  // Of a category with `headings: measures` (Rule::measure_headings): holds in an item under a
  // heading that names security measures when it holds with the duty that heading implies
  // (match/measure_headings.h).
  bool measures = false;
  int groups = 0;       // rule.all.size()
  int first_group = 0;  // index of group 0 in the flat numbering of all rules' groups
  ParamExtractor params;
  std::string category;
};

// True when a rule about `rule_party`'s duty must not count a unit whose duty holder is holder.
inline bool OtherParty(Party rule_party, Party holder) {
  return (rule_party == Party::kSupplier && holder == Party::kCustomer) ||
         (rule_party == Party::kCustomer && holder == Party::kSupplier);
}

// Everything Match needs; Matcher::Impl is this.
struct CompiledRules {
  PartyLexicon parties;
  std::vector<CompiledRule> rules;
  int total_groups = 0;
  ScopePatterns sentence;
  ScopePatterns paragraph;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_COMPILED_RULES_H_
