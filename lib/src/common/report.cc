#include "clausescan/report.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace clausescan {

std::string_view RiskName(Risk risk) {
  switch (risk) {
    case Risk::kInfo: return "info";
    case Risk::kLow: return "low";
    case Risk::kMedium: return "medium";
    case Risk::kHigh: return "high";
  }
  return "info";
}

std::optional<Risk> ParseRisk(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (Risk r : {Risk::kInfo, Risk::kLow, Risk::kMedium, Risk::kHigh}) {
    if (lower == RiskName(r)) return r;
  }
  return std::nullopt;
}

Risk Report::WorstRisk() const {
  Risk worst = Risk::kInfo;
  for (const Finding& f : findings) worst = std::max(worst, f.risk);
  for (const MissingClause& m : missing) worst = std::max(worst, m.risk);
  return worst;
}

}  // namespace clausescan
