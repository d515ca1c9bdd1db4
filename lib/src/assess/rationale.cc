#include "assess/rationale.h"

#include <algorithm>

#include "assess/assess.h"

namespace clausescan::internal {

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
  for (const std::string& answer : it->second.answers) {
    AddUnlessSaid(finding.considerations, std::string(kNeedPrefix) + answer);
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
