// Advice granted by another sentence of the section; see section_advice.h.
#include "assess/section_advice.h"

#include <algorithm>
#include <map>
#include <string>

#include "assess/assess.h"

namespace clausescan::internal {
namespace {

const Rule* RuleById(const std::vector<Rule>& rules, const std::string& id) {
  auto it =
      std::lower_bound(rules.begin(), rules.end(), id,
                       [](const Rule& rule, const std::string& key) { return rule.id < key; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

bool OfferedOn(const Consideration& consideration,
               const std::map<std::string, ParamValue>& parameters) {
  return std::any_of(consideration.when.begin(), consideration.when.end(),
                     [&](const std::vector<Condition>& conditions) {
                       return std::all_of(conditions.begin(), conditions.end(),
                                          [&](const Condition& c) { return Holds(c, parameters); });
                     });
}

}  // namespace

void DropAdviceGrantedNearby(const RuleSetData& data, std::vector<Finding>& findings) {
  auto same_clause = [&](std::size_t i, std::size_t j) {
    return findings[j].section == findings[i].section &&
           findings[j].category == findings[i].category;
  };
  // A neighbour complements the finding when they share no parameter: "once a year" and "on 45
  // days' notice" are one clause; two sentences that both state a certificate are alternatives.
  auto fill_from = [](const Finding& other, std::map<std::string, ParamValue>& into,
                      const Finding& finding) {
    for (const auto& entry : other.parameters) {
      if (finding.parameters.count(entry.first) != 0) return;
    }
    for (const auto& [name, value] : other.parameters) into.emplace(name, value);
  };
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    if (finding.section.empty() || finding.considerations.empty()) continue;
    const Rule* rule = RuleById(data.rules, finding.rule);
    if (rule == nullptr) continue;
    std::map<std::string, ParamValue> section = finding.parameters;
    // The nearest finding of the clause before and after this one.
    for (std::size_t j = i; j-- > 0;) {
      if (!same_clause(i, j)) continue;
      fill_from(findings[j], section, finding);
      break;
    }
    for (std::size_t j = i + 1; j < findings.size(); ++j) {
      if (!same_clause(i, j)) continue;
      fill_from(findings[j], section, finding);
      break;
    }
    if (section.size() == finding.parameters.size()) continue;
    for (const Consideration& consideration : rule->considerations) {
      if (consideration.when.empty() || OfferedOn(consideration, section)) continue;
      auto& list = finding.considerations;
      list.erase(std::remove(list.begin(), list.end(), consideration.text), list.end());
    }
  }
}

}  // namespace clausescan::internal
