#include "report/profile_text.h"

namespace clausescan::internal {

std::string ProfileVerdictLine(const Finding& finding) {
  if (!finding.profile || finding.profile->summary.empty()) return "";
  std::string line = finding.profile->summary;
  if (finding.profile->original_risk != finding.risk) {
    line += " (risk was " + std::string(RiskName(finding.profile->original_risk)) + ")";
  }
  return line;
}

std::vector<std::string> ProfileDocumentLines(const ProfileJudgement& judgement) {
  std::vector<std::string> lines;
  for (const ProfileDocument& d : judgement.documents) {
    if (d.status != "valid") continue;
    lines.push_back(d.title + ": " + d.file +
                    (d.valid_until.empty() ? "" : " (valid until " + d.valid_until + ")"));
  }
  return lines;
}

std::string ProfileHeaderLine(const DocumentInfo& document) {
  if (document.profile.empty()) return "";
  std::string line =
      "judged against the profile " + document.profile + " on " + document.profile_date;
  if (!document.term_ends.empty()) line += ", for a term ending " + document.term_ends;
  if (!document.term_source.empty()) line += " (" + document.term_source + ")";  // s7 #2
  return line;
}

}  // namespace clausescan::internal
