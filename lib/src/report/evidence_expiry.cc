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

std::string ExpiryComparedWith(const EvidenceNeed& need) {
  if (!need.document) return "";
  if (need.document->status == "expired") return need.judged_on;
  if (need.document->status == "valid" && need.document->expires_before_term) return need.term_ends;
  return "";
}

std::vector<ExpiringDocument> ExpiringDocumentsOf(const std::vector<EvidenceNeed>& pack) {
  std::vector<ExpiringDocument> out;
  for (const bool expired : {true, false}) {
    for (const EvidenceNeed& need : pack) {
      if (!need.document) continue;
      const ProfileDocument& doc = *need.document;
      const bool listed =
          expired ? doc.status == "expired" : doc.status == "valid" && doc.expires_before_term;
      if (listed) out.push_back({&need, expired, ExpiryComparedWith(need)});
    }
  }
  return out;
}

std::string ExpiringDocumentSentence(const ExpiringDocument& expiring) {
  const ProfileDocument& doc = *expiring.need->document;
  std::string out = expiring.need->item.id + ": " + doc.title +
                    (doc.file.empty() ? "" : " (" + doc.file + ")");
  if (expiring.expired) {
    return out + " expired: valid until " + doc.valid_until + ", before the judging date " +
           expiring.compared_with + ": renew it";
  }
  return out + " is valid until " + doc.valid_until + ", before the contract's term ends " +
         expiring.compared_with + ": plan its renewal";
}

std::string ExpiringDocumentReason(const ExpiringDocument& expiring) {
  return expiring.expired ? "expired" : "expires_before_term";
}

}  // namespace clausescan::internal
