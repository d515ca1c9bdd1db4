// The evidence pack as text, for `clausescan evidence`: a checklist to work through.
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clausescan/printers.h"
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
  out << "    called for by:\n";
  for (const FindingRef& ref : need.findings) {
    out << "      " << internal::CleanText(ref.path) << ':' << ref.line << "  "
        << internal::RiskLabel(ref.risk, style) << "  " << internal::CleanText(ref.category) << "  "
        << internal::CleanText(ref.rule) << '\n';
  }
}

}  // namespace

void WriteEvidencePack(const std::vector<EvidenceNeed>& pack, std::ostream& out,
                       const TextStyle& style) {
  WriteHeadline(pack, out, style);
  for (const EvidenceNeed& need : pack) WriteNeed(need, out, style);
  out << '\n' << kNotLegalAdvice << '\n';  // issue 14 #3
}

}  // namespace clausescan
