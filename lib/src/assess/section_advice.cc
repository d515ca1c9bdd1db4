// Advice granted by another sentence of the section or the document; see section_advice.h.
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

// True when the rule declares `name` with `scope: document`.
bool DocumentWide(const Rule& rule, const std::string& name) {
  return std::any_of(rule.parameters.begin(), rule.parameters.end(), [&](const ParamSpec& spec) {
    return spec.name == name && spec.document_scope;
  });
}

// Per category, the parameters of document scope that some finding of it states (the first
// finding's value wins), as its rule declares them.
std::map<std::string, std::map<std::string, ParamValue>> DocumentWideParameters(
    const RuleSetData& data, const std::vector<Finding>& findings) {
  std::map<std::string, std::map<std::string, ParamValue>> out;
  for (const Finding& finding : findings) {
    for (const std::string& id :
         finding.rules.empty() ? std::vector<std::string>{finding.rule} : finding.rules) {
      const Rule* rule = RuleById(data.rules, id);
      if (rule == nullptr) continue;
      for (const auto& [name, value] : finding.parameters) {
        if (DocumentWide(*rule, name)) out[finding.category].emplace(name, value);
      }
    }
  }
  return out;
}

}  // namespace

void DropAdviceGrantedNearby(const RuleSetData& data, std::vector<Finding>& findings) {
  const auto document = DocumentWideParameters(data, findings);
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
    if (finding.considerations.empty()) continue;
    const Rule* rule = RuleById(data.rules, finding.rule);
    if (rule == nullptr) continue;
    std::map<std::string, ParamValue> section = finding.parameters;
    // The nearest finding of the clause before and after this one.
    for (std::size_t j = i; !finding.section.empty() && j-- > 0;) {
      if (!same_clause(i, j)) continue;
      fill_from(findings[j], section, finding);
      break;
    }
    for (std::size_t j = i + 1; !finding.section.empty() && j < findings.size(); ++j) {
      if (!same_clause(i, j)) continue;
      fill_from(findings[j], section, finding);
      break;
    }
    // issue 15 #8: what another section grants for the whole category ("in lieu of an audit").
    if (auto wide = document.find(finding.category); wide != document.end()) {
      for (const auto& [name, value] : wide->second) section.emplace(name, value);
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
