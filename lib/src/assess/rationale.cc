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
  for (const Consideration& answer : it->second.answers) OfferAnswer(answer, finding);
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
