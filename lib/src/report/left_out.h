// What a minimum risk left out of the reports, in the words every printer uses.
#ifndef CLAUSESCAN_REPORT_LEFT_OUT_H_
#define CLAUSESCAN_REPORT_LEFT_OUT_H_

#include <string>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// Whether a minimum risk left out everything the report had: it has no worst risk of its own to
// show (a matrix shows "-" rather than an INFO the document does not deserve).
inline bool ShowsNothingLeftSome(const Report& report) {
  return report.findings.empty() && report.missing.empty() && !report.left_out.empty();
}

// The sum of the reports' LeftOut (min_risk: the highest of theirs).
LeftOut TotalLeftOut(const std::vector<Report>& reports);

// "left out below high risk: 3 findings and 1 missing clause (1 medium, 3 low), worst MEDIUM";
// "" when nothing was left out.
std::string LeftOutWords(const LeftOut& left_out);

// The HIGH and MEDIUM findings left out, for a top-issues list that shows none of its own:
// "1 medium left out below high risk"; "" when none was.
std::string LeftOutTopIssueWords(const LeftOut& left_out);

// "findings at high risk or above" when something was left out, else "findings".
std::string ShownFindingsWords(const LeftOut& left_out, std::size_t shown);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_LEFT_OUT_H_
