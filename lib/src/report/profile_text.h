// A finding's judgement against the company profile (issue 13 #2) in words, shared by the text,
// Markdown and HTML printers so that each says it alike.
#ifndef CLAUSESCAN_REPORT_PROFILE_TEXT_H_
#define CLAUSESCAN_REPORT_PROFILE_TEXT_H_

#include <string>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// "you notify within 48 h of confirmation; the clause asks 24 h of occurrence: not met (risk
// was medium)"; the summary alone when the risk did not change; "" when there is no summary.
std::string ProfileVerdictLine(const Finding& finding);

// The profile's documents that answer the finding and are valid, one line each: "Incident
// response procedure: evidence/irp.pdf (valid until 2027-06-30)". Expired and missing ones are
// in the judgement's notes.
std::vector<std::string> ProfileDocumentLines(const ProfileJudgement& judgement);

// "judged against the profile acme.yaml on 2026-12-06"; "" without a profile.
std::string ProfileHeaderLine(const DocumentInfo& document);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_PROFILE_TEXT_H_
