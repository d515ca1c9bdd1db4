// The evidence pack: the documents a supplier prepares before the buyer asks for them (an ISO
// 27001 certificate, an incident response procedure, a sub-processor register...), gathered
// from the findings of every scanned contract.
#ifndef CLAUSESCAN_EVIDENCE_H_
#define CLAUSESCAN_EVIDENCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "clausescan/report.h"

namespace clausescan {

// A finding that calls for a piece of evidence.
struct FindingRef {
  std::string path;      // the document's path, as in Report::document.path
  int line = 0;          // 1-based line of the clause
  std::string category;  // e.g. "incident_notification"
  std::string rule;      // e.g. "incident-notification.window"
  Risk risk = Risk::kInfo;
  std::size_t report_index = 0;   // position of the report in BuildEvidencePack's input
  std::size_t finding_index = 0;  // position of the finding in that report's findings
  Rationale rationale = {};       // why the buyer asks (Finding::rationale); empty when it has none
};

// One document to prepare, with everything that calls for it.
struct EvidenceNeed {
  EvidenceItem item;        // id, title and description (from rules/evidence.yaml)
  Risk risk = Risk::kInfo;  // the highest risk among `findings`
  // The Annex A controls `findings` relate to this item (ControlsOfEvidence: only those of the
  // rules that call for it, not those of another rule merged into the same finding), each once,
  // ordered by id (A.5.9 before A.5.24): for a Statement of Applicability excerpt, the rows to
  // include.
  std::vector<Control> controls;
  std::vector<FindingRef> findings;  // in input order: report by report, document order
  // The user's own document that answers the item, as the company profile's judgement of the
  // findings chose it (ProfileJudgement::documents, the join `scan --profile` and `pack` use);
  // absent when no finding of `findings` was judged against a profile. Its
  // expires_before_term is true when it is for any report judged with a term.
  std::optional<ProfileDocument> document;
  // With document->expires_before_term: the earliest term end (YYYY-MM-DD) it expires before;
  // else "".
  std::string term_ends;
  // The contract (its report's document path) whose term ends on term_ends, and where that
  // term was read (ProfileJudgement::term_source); term_source is "" when the term end was
  // given (ScanOptions::term_ends) rather than read from the contract.
  std::string term_contract;
  std::string term_source;
  // With document: the date (YYYY-MM-DD) its status was judged on (DocumentInfo::profile_date
  // of the report whose judgement chose it): a document "expired" before it; else "".
  std::string judged_on;
};

// Gathers the evidence items of every finding of `reports`, one EvidenceNeed per item id
// (deduplicated across findings and documents; the first non-empty title and description
// win). Ordered by `risk`, highest first, then by id. A finding naming an item twice counts
// once. Missing clauses call for no evidence. Each need's document comes from the findings'
// ProfileJudgement (see JudgeAgainstProfile; a scan with ScanOptions::profile sets it). Never
// fails; empty when no finding names evidence.
std::vector<EvidenceNeed> BuildEvidencePack(const std::vector<Report>& reports);

}  // namespace clausescan

#endif  // CLAUSESCAN_EVIDENCE_H_
