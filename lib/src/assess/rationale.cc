#include "assess/rationale.h"

#include <algorithm>

#include "assess/assess.h"

namespace clausescan::internal {

void OfferAnswer(const Consideration& answer, Finding& finding, std::string_view prefix) {
  if (!Offered(answer, finding.parameters)) return;
  const std::string text = FillPlaceholders(answer.text, finding.parameters);
  if (text.empty() || SaidIn(finding.considerations, text, kNeedPrefix)) return;
  finding.considerations.push_back(std::string(prefix) + text);
}

namespace {

bool SameConditions(const std::vector<std::vector<Condition>>& a,
                    const std::vector<std::vector<Condition>>& b) {
  auto same = [](const Condition& x, const Condition& y) {
    return x.param == y.param && x.op == y.op && x.value == y.value && x.values == y.values;
  };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!std::equal(a[i].begin(), a[i].end(), b[i].begin(), b[i].end(), same)) return false;
  }
  return true;
}

// True when one of rule's considerations that the finding offers declares the idea `answer`
// declares (the same `establishes`): two wordings of one idea (issue 15 #4, Bonterms 118's
// "split the notice").
bool IdeaOffered(const Rule& rule, const Finding& finding, const Consideration& answer) {
  if (answer.establishes.empty()) return false;
  for (const Consideration& consideration : rule.considerations) {
    if (!SameConditions(consideration.establishes, answer.establishes)) continue;
    const std::string text = FillPlaceholders(consideration.text, finding.parameters);
    if (std::find(finding.considerations.begin(), finding.considerations.end(), text) !=
        finding.considerations.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace

void AttachRationale(const std::map<std::string, RationaleEntry>& rationales, const Rule& rule,
                     Finding& finding) {
  auto it = rationales.find(rule.id);
  if (it == rationales.end()) it = rationales.find(rule.category);
  if (it == rationales.end()) {
    finding.rationale = {};
    return;
  }
  finding.rationale = it->second.shown;
  // Answers are ways to negotiate a risk: a low or informational clause needs none (issue 15 #4:
  // no super-cap advice for liability to data subjects, which nobody can cap).
  if (finding.risk < Risk::kMedium) return;
  for (const Consideration& answer : it->second.answers) {
    if (!IdeaOffered(rule, finding, answer)) OfferAnswer(answer, finding);
  }
}

void DropRationale(Report* report) {
  for (Finding& finding : report->findings) {
    finding.rationale = {};
    auto& list = finding.considerations;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const std::string& text) {
                                return text.compare(0, kNeedPrefix.size(), kNeedPrefix) == 0;
                              }),
               list.end());
  }
}

}  // namespace clausescan::internal
