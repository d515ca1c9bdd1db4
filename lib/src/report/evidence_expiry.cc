#include "report/evidence_expiry.h"

#include "report/strings.h"

namespace clausescan::internal {

std::string ExpiryConsequence(const EvidenceNeed& need) {
  if (!need.document) return "";
  const ProfileDocument& doc = *need.document;
  std::string out;
  if (doc.expires_in_days >= 0) {
    out = "expires in " + Plural(static_cast<std::size_t>(doc.expires_in_days), "day", "days") +
          ": renew it";
  }
  if (doc.expires_before_term) {
    // issue 13 s11 #2: the contract whose term it is, as `pack` names it.
    out += out.empty() ? "" : "; ";
    out += need.term_source.empty()
               ? "expires before the contract's term ends (" + need.term_ends + ")"
               : "expires before the term of " + need.term_contract + " ends (" +
                     need.term_ends + ", " + need.term_source + ")";
    out += ": plan its renewal";
  }
  return out;
}

}  // namespace clausescan::internal
