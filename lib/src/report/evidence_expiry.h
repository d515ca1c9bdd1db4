// What the validity of the user's own document for an evidence item asks of them, in the words
// every `clausescan evidence` format shares (issue 13).
#ifndef CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_
#define CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_

#include <string>
#include <vector>

#include "clausescan/evidence.h"

namespace clausescan::internal {

// For need.document valid on the judged date: "expires in N days: renew it" when it expires
// within 90 days, and "expires before the term of CONTRACT ends (TERM_ENDS, TERM_SOURCE): plan
// its renewal" when it expires before a term read from a contract (with a term given by
// --term-ends, "expires before the contract's term ends (TERM_ENDS): plan its renewal"), joined
// with "; " when both hold. "" when neither holds or the need has no document.
std::string ExpiryConsequence(const EvidenceNeed& need);

// A document of the profile that no longer answers its item for the whole contract (issue 13):
// expired on the judging date, or valid then but expiring before the contract's term ends.
struct ExpiringDocument {
  const EvidenceNeed* need = nullptr;
  bool expired = false;       // else it expires before the term ends
  std::string compared_with;  // YYYY-MM-DD: EvidenceNeed::judged_on, or EvidenceNeed::term_ends
};

// The date need's document is compared with when it no longer answers its item for the whole
// contract: EvidenceNeed::judged_on for an expired one, EvidenceNeed::term_ends for a valid one
// that expires before the term ends; "" otherwise (or without a document).
std::string ExpiryComparedWith(const EvidenceNeed& need);

// One per need of pack whose document expired or expires before the term, in pack order:
// expired ones first, then those expiring before the term.
std::vector<ExpiringDocument> ExpiringDocumentsOf(const std::vector<EvidenceNeed>& pack);

// "iso-certificate: ISO/IEC 27001 certificate (iso.txt) expired: valid until 2026-03-01, before
// the judging date 2026-12-06: renew it", or "...: Incident response procedure (irp.txt) is valid
// until 2027-06-30, before the contract's term ends 2028-01-01: plan its renewal".
std::string ExpiringDocumentSentence(const ExpiringDocument& expiring);

// "expired" or "expires_before_term".
std::string ExpiringDocumentReason(const ExpiringDocument& expiring);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_
