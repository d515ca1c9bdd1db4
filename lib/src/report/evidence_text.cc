// The evidence pack as text, for `clausescan evidence`: a checklist to work through.
#include <algorithm>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "clausescan/profile.h"
#include "report/evidence_expiry.h"
#include "report/rationale_text.h"
#include "report/strings.h"
#include "report/terminal.h"

namespace clausescan {
namespace {

using internal::Plural;

void WriteHeadline(const std::vector<EvidenceNeed>& pack, std::ostream& out,
                   const TextStyle& style) {
  std::set<std::pair<std::size_t, std::size_t>> findings;
  std::set<std::size_t> documents;
  for (const EvidenceNeed& need : pack) {
    for (const FindingRef& ref : need.findings) {
      findings.insert({ref.report_index, ref.finding_index});
      documents.insert(ref.report_index);
    }
  }
  out << internal::Styled("evidence pack:", internal::kBold, style) << ' ';
  if (pack.empty()) {
    out << "no finding calls for evidence\n";
    return;
  }
  out << Plural(pack.size(), "item", "items") << " to prepare, called for by "
      << Plural(findings.size(), "finding", "findings") << " in "
      << Plural(documents.size(), "document", "documents") << '\n';
}

// Why the buyer asks for what calls for the item (issue 14 #1): each distinct rationale of its
// findings once, in their order, as the compact line of the text report. One alone follows the
// label; several are labelled by category, or by rule where a category has two.
void WriteRationales(const EvidenceNeed& need, std::ostream& out) {
  std::vector<std::pair<const FindingRef*, std::string>> shown;  // first ref, line
  for (const FindingRef& ref : need.findings) {
    std::string line = internal::RationaleLine(ref.rationale);
    if (line.empty()) continue;
    auto same = [&](const auto& entry) { return entry.second == line; };
    if (std::none_of(shown.begin(), shown.end(), same)) shown.emplace_back(&ref, std::move(line));
  }
  if (shown.empty()) return;
  if (shown.size() == 1) {
    internal::WriteWrapped(internal::CleanText(shown[0].second),
                           "    why the buyer asks: ", "      ", out);
    return;
  }
  out << "    why the buyer asks:\n";
  for (const auto& [ref, line] : shown) {
    auto same_category = [&](const auto& entry) {
      return entry.first != ref && entry.first->category == ref->category;
    };
    const bool shared = std::any_of(shown.begin(), shown.end(), same_category);
    const std::string label = shared ? ref->rule : ref->category;
    internal::WriteWrapped(internal::CleanText(label + ": " + line), "      ", "        ", out);
  }
}

// issue 13 s7 #1: the user's own document for the item, from the company profile.
void WriteDocument(const EvidenceNeed& need, std::ostream& out) {
  const ProfileDocument& doc = *need.document;
  std::string line = "your document: ";
  if (doc.status == "missing") {
    line += "none in your profile";
  } else {
    line += doc.file + " (" + doc.sharing;
    if (doc.status == "valid") {
      line += doc.valid_until.empty() ? ")" : ", valid until " + doc.valid_until + ")";
    } else if (doc.status == "expired") {
      line += ") expired " + doc.valid_until;
    } else {
      line += ") not yet valid";
    }
    if (std::string consequence = internal::ExpiryConsequence(need); !consequence.empty()) {
      line += "; " + consequence;
    }
    // issue 13 s9 #8: what of an internal document may be shared.
    if (doc.sharing == SharingName(Sharing::kInternal)) {
      line += doc.redacted.empty() ? "; internal, with no redacted copy: nothing of it to share"
                                   : "; share its redacted copy " + doc.redacted;
    }
  }
  internal::WriteWrapped(internal::CleanText(line), "    ", "      ", out);
}

void WriteNeed(const EvidenceNeed& need, std::ostream& out, const TextStyle& style) {
  std::string title = internal::CleanText(need.item.title.empty() ? need.item.id : need.item.title);
  out << '\n'
      << "[ ] " << internal::Styled(title, internal::kBold, style) << " ("
      << internal::CleanText(need.item.id) << ")  " << internal::RiskLabel(need.risk, style)
      << '\n';
  if (!need.item.description.empty()) {
    internal::WriteWrapped(internal::CleanText(need.item.description), "    ", "    ", out);
  }
  if (!need.controls.empty()) {
    out << "    controls:\n";
    for (const Control& c : need.controls) {
      internal::WriteWrapped(internal::CleanText(c.id + " " + c.title), "      ", "        ", out);
    }
  }
  if (need.document) WriteDocument(need, out);
  out << "    called for by:\n";
  for (const FindingRef& ref : need.findings) {
    out << "      " << internal::PathText(ref.path) << ':' << ref.line << "  "
        << internal::RiskLabel(ref.risk, style) << "  " << internal::CleanText(ref.category) << "  "
        << internal::CleanText(ref.rule) << '\n';
  }
  WriteRationales(need, out);
}

// issue 13: the documents of the profile that expired or expire before the term, on their own,
// as `scan --profile` lists them.
void WriteExpiringDocuments(const std::vector<EvidenceNeed>& pack, std::ostream& out,
                            const TextStyle& style) {
  const std::vector<internal::ExpiringDocument> expiring = internal::ExpiringDocumentsOf(pack);
  if (expiring.empty()) return;
  out << '\n' << internal::Styled("your documents that expire:", internal::kBold, style) << '\n';
  for (const internal::ExpiringDocument& document : expiring) {
    internal::WriteWrapped(internal::CleanText(internal::ExpiringDocumentSentence(document)), "  ",
                           "    ", out);
  }
}

}  // namespace

void WriteEvidencePack(const std::vector<EvidenceNeed>& pack, std::ostream& out,
                       const TextStyle& style) {
  WriteEvidencePack(pack, {}, out, style);
}

void WriteEvidencePack(const std::vector<EvidenceNeed>& pack,
                       const std::vector<NotScanned>& not_scanned, std::ostream& out,
                       const TextStyle& style) {
  WriteHeadline(pack, out, style);
  for (const EvidenceNeed& need : pack) WriteNeed(need, out, style);
  WriteExpiringDocuments(pack, out, style);
  WriteTextNotScanned(not_scanned, out, style);
  out << '\n' << kNotLegalAdvice << '\n';  // issue 14 #3
}

}  // namespace clausescan
