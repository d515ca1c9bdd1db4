// Which rules of one scope hold in a unit of text, from the patterns that occur in it.
#ifndef CLAUSESCAN_MATCH_UNIT_EVALUATOR_H_
#define CLAUSESCAN_MATCH_UNIT_EVALUATOR_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "match/compiled_rules.h"
#include "match/pattern_index.h"

namespace clausescan::internal {

// Per-Match scratch space: which rules hold in a unit, with no allocation per unit or pattern.
// Stamps are compared with the unit's epoch, so nothing is cleared between units.
class UnitEvaluator {
 public:
  explicit UnitEvaluator(const CompiledRules& rules)
      : rules_(rules),
        group_stamp_(rules.total_groups, 0),
        rule_stamp_(rules.rules.size(), 0),
        none_stamp_(rules.rules.size(), 0),
        group_count_(rules.rules.size(), 0),
        possible_stamp_(rules.total_groups, 0),
        possible_rule_stamp_(rules.rules.size(), 0),
        possible_count_(rules.rules.size(), 0),
        remaining_(rules.total_groups, 0),
        met_stamp_(rules.total_groups, 0),
        dead_stamp_(rules.rules.size(), 0) {}

  // The rules of patterns' scope whose every group and no `none` pattern occurs in unit, by
  // index. scratch belongs to patterns. Valid until the next call.
  const std::vector<int>& Evaluate(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                                   std::string_view unit);

 private:
  void NextEpoch();
  void Record(const PatternUse& use);
  // Fills hits_ with the patterns that occur in unit among those a rule could need, and starts
  // a new epoch.
  void RunFeasible(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                   std::string_view unit);

  const CompiledRules& rules_;
  std::vector<int> hits_;
  std::vector<std::uint32_t> group_stamp_;  // by flat group
  std::vector<std::uint32_t> rule_stamp_;   // by rule: group_count_ is valid for this epoch
  std::vector<std::uint32_t> none_stamp_;   // by rule: a `none` pattern occurs
  std::vector<int> group_count_;            // by rule: groups that occur
  // Before matching: groups with a candidate pattern, and per rule how many (see RunFeasible).
  std::vector<std::uint32_t> possible_stamp_;       // by flat group
  std::vector<std::uint32_t> possible_rule_stamp_;  // by rule: possible_count_ valid
  std::vector<int> possible_count_;
  std::vector<int> remaining_;             // by flat group: candidates not yet decided
  std::vector<std::uint32_t> met_stamp_;   // by flat group: a pattern of it occurs
  std::vector<std::uint32_t> dead_stamp_;  // by rule: a group has no candidate left
  std::vector<int> touched_;
  std::vector<int> passed_;
  std::uint32_t epoch_ = 0;
};

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_MATCH_UNIT_EVALUATOR_H_
