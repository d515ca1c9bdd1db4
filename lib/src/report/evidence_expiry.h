// What the validity of the user's own document for an evidence item asks of them, in the words
// every `clausescan evidence` format shares (issue 13).
#ifndef CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_
#define CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_

#include <string>

#include "clausescan/evidence.h"

namespace clausescan::internal {

// For need.document valid on the judged date: "expires in N days: renew it" when it expires
// within 90 days, and "expires before the term of CONTRACT ends (TERM_ENDS, TERM_SOURCE): plan
// its renewal" when it expires before a term read from a contract (with a term given by
// --term-ends, "expires before the contract's term ends (TERM_ENDS): plan its renewal"), joined
// with "; " when both hold. "" when neither holds or the need has no document.
std::string ExpiryConsequence(const EvidenceNeed& need);

}  // namespace clausescan::internal

#endif  // CLAUSESCAN_REPORT_EVIDENCE_EXPIRY_H_
