#include "clausescan/report.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

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

std::vector<Control> ControlsOfEvidence(const Finding& finding, std::string_view evidence_id) {
  auto link = std::find_if(
      finding.evidence_controls.begin(), finding.evidence_controls.end(),
      [&](const EvidenceControls& l) { return l.evidence == evidence_id; });
  if (link == finding.evidence_controls.end()) return finding.controls;
  std::vector<Control> out;
  for (const Control& control : finding.controls) {
    if (std::find(link->controls.begin(), link->controls.end(), control.id) !=
        link->controls.end()) {
      out.push_back(control);
    }
  }
  return out;
}

Risk Report::WorstRisk() const {
  Risk worst = Risk::kInfo;
  for (const Finding& f : findings) worst = std::max(worst, f.risk);
  for (const MissingClause& m : missing) worst = std::max(worst, m.risk);
  return worst;
}

std::size_t LeftOut::findings() const {
  std::size_t n = 0;
  for (std::size_t count : findings_by_risk) n += count;
  return n;
}

std::size_t LeftOut::missing() const {
  std::size_t n = 0;
  for (std::size_t count : missing_by_risk) n += count;
  return n;
}

Risk LeftOut::WorstRisk() const {
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow}) {
    int i = static_cast<int>(r);
    if (findings_by_risk[i] + missing_by_risk[i] > 0) return r;
  }
  return Risk::kInfo;
}

}  // namespace clausescan
