// The company profile's documents that expire before the contract's term ends, each a finding of
// its own kind (issue 13 #1): one per evidence item, with the findings of the report it answers.
// Every printer shows them alike; docs/report-format.md, "Evidence expiring before the term".
#ifndef CLAUSESCAN_REPORT_EXPIRING_EVIDENCE_H_
#define CLAUSESCAN_REPORT_EXPIRING_EVIDENCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "clausescan/report.h"

namespace clausescan::internal {

// The rule id such a finding carries in SARIF and CSV, and the "rule" of its JSON entry.
inline constexpr std::string_view kExpiringEvidenceRule = "evidence.expires-before-term";

struct ExpiringEvidence {
  std::string evidence;     // the evidence id ("iso-certificate")
  std::string title;        // the document's title
  std::string file;         // as the profile writes it
  std::string valid_until;  // YYYY-MM-DD, before DocumentInfo::term_ends
  // How soon it must be renewed: MEDIUM when it expires within 90 days of the judging date
  // (ProfileDocument::expires_in_days), else LOW.
  Risk risk = Risk::kLow;
  std::vector<const Finding*> findings;  // those it answers, in document order
};

// One entry per document (evidence id and file) that a finding's judgement marks
// expires_before_term, in the order the findings first name them. Empty when the report was not
// judged against a profile or no term end is known (a contract that states no term and no
// --term-ends: nothing is compared, not even with the judging date).
std::vector<ExpiringEvidence> ExpiringEvidenceOf(const Report& report);

// "the contract's term ends 2029-12-06 (read at line 5 (...), counted from 2026-12-06)"; the
// parenthesis only when the term was read from the contract.
std::string TermWords(const DocumentInfo& document);

// "ISO certificate (iso.pdf) is valid until 2029-01-31, before the contract's term ends
// 2029-12-06 (...): plan its renewal".
std::string ExpiringEvidenceSentence(const ExpiringEvidence& item, const DocumentInfo& document);

// "incident-notification.window (line 1), security-measures.specific-controls (line 3)".
std::string AnsweredFindingsWords(const ExpiringEvidence& item);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_EXPIRING_EVIDENCE_H_
