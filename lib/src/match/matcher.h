// Matching rules against a segmented document.
#ifndef CLAUSESCAN_MATCH_MATCHER_H_
#define CLAUSESCAN_MATCH_MATCHER_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "clausescan/result.h"
#include "rules/model.h"
#include "structure/outline.h"
#include "text/normalize.h"

namespace clausescan::internal {

// A rule that holds in one scope unit. Offsets are in NormalizedText::text.
struct RuleHit {
  int rule = -1;  // index into RuleSetData::rules
  std::size_t begin = 0;
  std::size_t end = 0;
  int section = -1;  // index into Outline::sections
  Party party = Party::kUnknown;  // who owes the duty in the unit
  std::map<std::string, ParamValue> parameters;
};

// The compiled form of a rule set: one RE2::Set per scope over every pattern of every rule,
// then per-rule boolean logic over which patterns hit, then the rule's parameter extractors on
// the units that pass. Immutable after Compile; Match may be called from many threads at once.
class Matcher {
 public:
  // Compiles rules. Errors (kRuleError naming the rule file and line) for a pattern RE2 rejects
  // or a set that exceeds the memory budget (max_mem 64 MiB per set).
  static Result<std::unique_ptr<Matcher>> Compile(const std::vector<Rule>& rules,
                                                  const PartyLexicon& parties);
  ~Matcher();

  // Every (rule, unit) that holds: all groups match, no `none` pattern matches, not a heading,
  // not a definition (unless the rule allows), and the duty holder is not the other party.
  // Hits come in document order, then rule order.
  std::vector<RuleHit> Match(const NormalizedText& text, const Outline& outline) const;

 private:
  Matcher();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_MATCHER_H_
