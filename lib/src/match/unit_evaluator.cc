#include "match/unit_evaluator.h"

#include <algorithm>

namespace clausescan::internal {

void UnitEvaluator::NextEpoch() {
  if (++epoch_ != 0) return;
  std::fill(group_stamp_.begin(), group_stamp_.end(), 0);
  std::fill(rule_stamp_.begin(), rule_stamp_.end(), 0);
  std::fill(none_stamp_.begin(), none_stamp_.end(), 0);
  std::fill(possible_stamp_.begin(), possible_stamp_.end(), 0);
  std::fill(possible_rule_stamp_.begin(), possible_rule_stamp_.end(), 0);
  std::fill(met_stamp_.begin(), met_stamp_.end(), 0);
  std::fill(dead_stamp_.begin(), dead_stamp_.end(), 0);
  epoch_ = 1;
}

void UnitEvaluator::Record(const PatternUse& use) {
  if (use.group == kNoneGroup) {
    none_stamp_[use.rule] = epoch_;
    return;
  }
  const int flat = rules_.rules[use.rule].first_group + use.group;
  if (group_stamp_[flat] == epoch_) return;
  group_stamp_[flat] = epoch_;
  if (rule_stamp_[use.rule] != epoch_) {
    rule_stamp_[use.rule] = epoch_;
    group_count_[use.rule] = 0;
    touched_.push_back(use.rule);
  }
  ++group_count_[use.rule];
}

// A rule can only hold when each of its groups has a candidate pattern (one whose atoms occur),
// so only the candidates of such rules are run ("is|are|be" occurs nearly everywhere, the other
// group of its rules rarely); a group already met needs no more of its patterns, and a rule dies
// once a group has run out of candidates unmet.
void UnitEvaluator::RunFeasible(const ScopePatterns& patterns, PatternIndex::Scratch* scratch,
                                std::string_view unit) {
  const std::vector<int>& candidates = patterns.index.CandidatesIn(unit, scratch);
  NextEpoch();
  for (int pattern : candidates) {
    for (int u = patterns.use_begin[pattern]; u < patterns.use_begin[pattern + 1]; ++u) {
      const PatternUse& use = patterns.uses[u];
      if (use.group == kNoneGroup) continue;
      const int flat = rules_.rules[use.rule].first_group + use.group;
      if (possible_stamp_[flat] != epoch_) {
        possible_stamp_[flat] = epoch_;
        remaining_[flat] = 0;
        if (possible_rule_stamp_[use.rule] != epoch_) {
          possible_rule_stamp_[use.rule] = epoch_;
          possible_count_[use.rule] = 0;
        }
        ++possible_count_[use.rule];
      }
      ++remaining_[flat];
    }
  }
  auto alive = [&](int rule) {
    return possible_rule_stamp_[rule] == epoch_ &&
           possible_count_[rule] == rules_.rules[rule].groups && dead_stamp_[rule] != epoch_;
  };
  hits_.clear();
  for (int pattern : candidates) {
    const int first = patterns.use_begin[pattern];
    const int last = patterns.use_begin[pattern + 1];
    bool wanted = false;
    for (int u = first; u < last && !wanted; ++u) {
      const PatternUse& use = patterns.uses[u];
      wanted =
          alive(use.rule) && (use.group == kNoneGroup ||
                              met_stamp_[rules_.rules[use.rule].first_group + use.group] != epoch_);
    }
    const bool hit = wanted && patterns.index.Occurs(pattern, unit, scratch);
    if (hit) hits_.push_back(pattern);
    for (int u = first; u < last; ++u) {
      const PatternUse& use = patterns.uses[u];
      if (use.group == kNoneGroup) continue;
      const int flat = rules_.rules[use.rule].first_group + use.group;
      if (hit) met_stamp_[flat] = epoch_;
      if (--remaining_[flat] == 0 && met_stamp_[flat] != epoch_) dead_stamp_[use.rule] = epoch_;
    }
  }
}

const std::vector<int>& UnitEvaluator::Evaluate(const ScopePatterns& patterns,
                                                PatternIndex::Scratch* scratch,
                                                std::string_view unit) {
  passed_.clear();
  if (patterns.index.each_pattern()) {
    if (!patterns.index.Match(unit, scratch, &hits_)) return passed_;
    NextEpoch();
  } else {
    RunFeasible(patterns, scratch, unit);  // starts the epoch
    if (hits_.empty()) return passed_;
  }
  touched_.clear();
  for (int pattern : hits_) {
    for (int u = patterns.use_begin[pattern]; u < patterns.use_begin[pattern + 1]; ++u) {
      Record(patterns.uses[u]);
    }
  }
  for (int rule : touched_) {
    if (group_count_[rule] == rules_.rules[rule].groups && none_stamp_[rule] != epoch_) {
      passed_.push_back(rule);
    }
  }
  std::sort(passed_.begin(), passed_.end());
  return passed_;
}

}  // namespace clausescan::internal
