#include "report/left_out.h"

#include <algorithm>
#include <string>
#include <vector>

#include "report/strings.h"

namespace clausescan::internal {

LeftOut TotalLeftOut(const std::vector<Report>& reports) {
  LeftOut total;
  for (const Report& report : reports) {
    total.min_risk = std::max(total.min_risk, report.left_out.min_risk);
    for (std::size_t i = 0; i < total.findings_by_risk.size(); ++i) {
      total.findings_by_risk[i] += report.left_out.findings_by_risk[i];
      total.missing_by_risk[i] += report.left_out.missing_by_risk[i];
    }
    total.categories.insert(total.categories.end(), report.left_out.categories.begin(),
                            report.left_out.categories.end());
  }
  std::sort(total.categories.begin(), total.categories.end());
  total.categories.erase(std::unique(total.categories.begin(), total.categories.end()),
                         total.categories.end());
  return total;
}

std::string LeftOutWords(const LeftOut& left_out) {
  if (left_out.empty()) return "";
  std::string what;
  if (left_out.findings() > 0) what = Plural(left_out.findings(), "finding", "findings");
  if (left_out.missing() > 0) {
    what += (what.empty() ? "" : " and ") +
            Plural(left_out.missing(), "missing clause", "missing clauses");
  }
  std::string by_risk;
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    int i = static_cast<int>(r);
    std::size_t n = left_out.findings_by_risk[i] + left_out.missing_by_risk[i];
    if (n == 0) continue;
    by_risk += (by_risk.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(RiskName(r));
  }
  return "left out below " + std::string(RiskName(left_out.min_risk)) + " risk: " + what + " (" +
         by_risk + "), worst " + AsciiUpper(RiskName(left_out.WorstRisk()));
}

std::string LeftOutTopIssueWords(const LeftOut& left_out) {
  std::string words;
  for (Risk r : {Risk::kHigh, Risk::kMedium}) {
    std::size_t n = left_out.findings_by_risk[static_cast<int>(r)];
    if (n == 0) continue;
    words += (words.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(RiskName(r));
  }
  if (words.empty()) return "";
  return words + " left out below " + std::string(RiskName(left_out.min_risk)) + " risk";
}

std::string ShownFindingsWords(const LeftOut& left_out, std::size_t shown) {
  std::string words = Plural(shown, "finding", "findings");
  if (left_out.empty()) return words;
  return words + " at " + std::string(RiskName(left_out.min_risk)) + " risk or above";
}

}  // namespace clausescan::internal
