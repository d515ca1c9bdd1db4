#include "report/expiring_evidence.h"

#include <algorithm>

namespace clausescan::internal {

std::vector<ExpiringEvidence> ExpiringEvidenceOf(const Report& report) {
  std::vector<ExpiringEvidence> items;
  if (report.document.profile.empty() || report.document.term_ends.empty()) return items;
  for (const Finding& f : report.findings) {
    if (!f.profile) continue;
    for (const ProfileDocument& doc : f.profile->documents) {
      if (!doc.expires_before_term) continue;
      auto item = std::find_if(items.begin(), items.end(), [&](const ExpiringEvidence& e) {
        return e.evidence == doc.evidence && e.file == doc.file;
      });
      if (item == items.end()) {
        // Urgency by date: renewing within the 90 days the findings' "renew it" notes count
        // is MEDIUM, a later renewal to plan LOW.
        const Risk risk = doc.expires_in_days >= 0 ? Risk::kMedium : Risk::kLow;
        items.push_back({doc.evidence, doc.title, doc.file, doc.valid_until, risk, {}});
        item = items.end() - 1;
      }
      if (std::find(item->findings.begin(), item->findings.end(), &f) == item->findings.end()) {
        item->findings.push_back(&f);
      }
    }
  }
  return items;
}

std::string TermWords(const DocumentInfo& document) {
  std::string words = "the contract's term ends " + document.term_ends;
  if (!document.term_source.empty()) words += " (" + document.term_source + ")";
  return words;
}

std::string ExpiringEvidenceSentence(const ExpiringEvidence& item, const DocumentInfo& document) {
  return item.title + (item.file.empty() ? "" : " (" + item.file + ")") + " is valid until " +
         item.valid_until + ", before " + TermWords(document) + ": plan its renewal";
}

std::string AnsweredFindingsWords(const ExpiringEvidence& item) {
  std::string words;
  for (const Finding* f : item.findings) {
    if (!words.empty()) words += ", ";
    words += f->rule + " (line " + std::to_string(f->line) + ")";
  }
  return words;
}

}  // namespace clausescan::internal
