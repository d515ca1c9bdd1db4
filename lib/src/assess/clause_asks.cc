#include "assess/clause_asks.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "assess/assess.h"
#include "clausescan/judgement.h"
#include "match/pattern_shape.h"

namespace clausescan::internal {
namespace {

// Compiled `text` patterns of the rules' asks, compiled once per call.
class TextPatterns {
 public:
  bool AnyMatches(const std::vector<std::string>& patterns, const std::string& text) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
      std::unique_ptr<RE2>& re = compiled_[pattern];
      if (!re) re = std::make_unique<RE2>(pattern, PatternOptions());
      return re->ok() && RE2::PartialMatch(text, *re);
    });
  }

 private:
  std::map<std::string, std::unique_ptr<RE2>> compiled_;
};

const Rule* FindRuleById(const std::vector<Rule>& rules, const std::string& id) {
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id,
                       [](const Rule& rule, const std::string& key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

bool Applies(const Ask& ask, const Finding& f, TextPatterns& patterns) {
  if (ask.when.empty() && ask.text.empty()) return true;
  const bool when = std::any_of(ask.when.begin(), ask.when.end(), [&](const auto& conditions) {
    return std::all_of(conditions.begin(), conditions.end(),
                       [&](const Condition& c) { return Holds(c, f.parameters); });
  });
  return when || patterns.AnyMatches(ask.text, f.text);
}

// The ids the rules of f list, and those its clause asks for.
struct Asked {
  std::set<std::string> listed_controls, asked_controls, listed_evidence, asked_evidence;
};

Asked AskedOf(const RuleSetData& data, const Finding& f, TextPatterns& patterns, bool* known) {
  Asked out;
  const std::vector<std::string> ids = f.rules.empty() ? std::vector<std::string>{f.rule} : f.rules;
  *known = true;
  for (const std::string& id : ids) {
    const Rule* rule = FindRuleById(data.rules, id);
    if (rule == nullptr) {
      *known = false;
      return out;
    }
    out.listed_controls.insert(rule->controls.begin(), rule->controls.end());
    out.listed_evidence.insert(rule->evidence.begin(), rule->evidence.end());
    if (rule->asks.empty()) {
      out.asked_controls.insert(rule->controls.begin(), rule->controls.end());
      out.asked_evidence.insert(rule->evidence.begin(), rule->evidence.end());
      continue;
    }
    for (const Ask& ask : rule->asks) {
      if (!Applies(ask, f, patterns)) continue;
      out.asked_controls.insert(ask.controls.begin(), ask.controls.end());
      out.asked_evidence.insert(ask.evidence.begin(), ask.evidence.end());
    }
  }
  return out;
}

bool Keeps(const std::set<std::string>& listed, const std::set<std::string>& asked,
           const std::string& id) {
  return listed.count(id) == 0 || asked.count(id) > 0;
}

void Narrow(const Asked& asked, Finding& f) {
  auto control_dropped = [&](const std::string& id) {
    return !Keeps(asked.listed_controls, asked.asked_controls, id);
  };
  auto evidence_dropped = [&](const std::string& id) {
    return !Keeps(asked.listed_evidence, asked.asked_evidence, id);
  };
  std::erase_if(f.controls, [&](const Control& c) { return control_dropped(c.id); });
  std::erase_if(f.evidence, [&](const EvidenceItem& e) { return evidence_dropped(e.id); });
  std::erase_if(f.evidence_controls,
                [&](const EvidenceControls& link) { return evidence_dropped(link.evidence); });
  for (EvidenceControls& link : f.evidence_controls) {
    std::erase_if(link.controls, control_dropped);
  }
}

}  // namespace

void KeepWhatTheClauseAsks(const RuleSetData& data, Report* report) {
  TextPatterns patterns;
  for (Finding& f : report->findings) {
    bool known = false;
    const Asked asked = AskedOf(data, f, patterns, &known);
    if (known) Narrow(asked, f);
  }
}

void JudgeWhatTheClauseAsks(const RuleSetData& data, const Profile& profile,
                            const CalendarDate& on, const std::optional<CalendarDate>& term_ends,
                            const std::string& term_source, Report* report) {
  KeepWhatTheClauseAsks(data, report);
  JudgeAgainstProfile(profile, on, term_ends, term_source, report);
}

}  // namespace clausescan::internal

namespace clausescan {

void JudgeAgainstProfile(const RuleSet& rules, const Profile& profile, const CalendarDate& on,
                         const std::optional<CalendarDate>& term_ends,
                         const std::string& term_source, Report* report) {
  internal::JudgeWhatTheClauseAsks(rules.data(), profile, on, term_ends, term_source, report);
}

}  // namespace clausescan
