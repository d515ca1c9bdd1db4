// The pack's tables (issue 13 #3): SoA excerpt, sub-processors, still missing.
#include <algorithm>
#include <string>
#include <vector>

#include "pack/pack_files.h"
#include "report/strings.h"

namespace clausescan::internal {
namespace {

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\r\n";
}

// A Markdown table cell: one line of literal text; "-" when empty.
std::string Cell(const std::string& text) { return text.empty() ? "-" : MarkdownEscape(text); }

std::string Certifications(const Subprocessor& s) {
  std::string out;
  for (const std::string& c : s.certifications) out += (out.empty() ? "" : "; ") + c;
  return out;
}

}  // namespace

std::string SoaExcerptCsv(const Pack& pack) {
  std::string out = CsvRow({"Control", "Title", "Applicable", "Status", "Justification"});
  for (const PackSoaRow& row : pack.soa_excerpt) {
    out += CsvRow({row.control, row.title, std::string(PackApplicableText(row.state)),
                   std::string(PackStatusText(row.state)), row.justification});
  }
  return out;
}

std::string SoaExcerptMarkdown(const Pack& pack) {
  std::string out =
      "# Statement of Applicability: excerpt\n\n"
      "The ISO/IEC 27001:2022 Annex A controls the contracts' clauses map to, as our Statement "
      "of Applicability states them.\n\n";
  if (pack.soa_excerpt.empty()) {
    return out +
           "Our Statement of Applicability lists none of the Annex A controls the "
           "clauses map to.\n";
  }
  out += "| Control | Title | Applicable | Status | Justification |\n|---|---|---|---|---|\n";
  for (const PackSoaRow& row : pack.soa_excerpt) {
    out += "| " + Cell(row.control) + " | " + Cell(row.title) + " | " +
           Cell(std::string(PackApplicableText(row.state))) + " | " +
           Cell(std::string(PackStatusText(row.state))) + " | " + Cell(row.justification) + " |\n";
  }
  // issue 13 s9 #7: BuildPack leaves a planned row's justification (the plan) out.
  if (std::any_of(pack.soa_excerpt.begin(), pack.soa_excerpt.end(),
                  [](const PackSoaRow& row) { return row.state == ControlState::kPlanned; })) {
    out += "\nA control marked planned is not yet in place.\n";
  }
  return out;
}

std::string SubprocessorsCsv(const Pack& pack) {
  std::string out = CsvRow({"Name", "Purpose", "Location", "Certifications"});
  for (const Subprocessor& s : pack.subprocessors) {
    out += CsvRow({s.name, s.purpose, s.location, Certifications(s)});
  }
  return out;
}

std::string SubprocessorsMarkdown(const Pack& pack) {
  std::string out = "# Sub-processors\n\n";
  if (pack.subprocessors.empty()) return out + "The company profile lists no sub-processor.\n";
  out += "| Name | Purpose | Location | Certifications |\n|---|---|---|---|\n";
  for (const Subprocessor& s : pack.subprocessors) {
    out += "| " + Cell(s.name) + " | " + Cell(s.purpose) + " | " + Cell(s.location) + " | " +
           Cell(Certifications(s)) + " |\n";
  }
  return out;
}

}  // namespace clausescan::internal

namespace clausescan {

std::string PackMissingText(const Pack& pack) {
  const std::vector<PackGapKind> order = {PackGapKind::kNoDocument,  PackGapKind::kInternalOnly,
                                          PackGapKind::kExpired,     PackGapKind::kNotYetValid,
                                          PackGapKind::kExpiresSoon, PackGapKind::kExpiresInTerm,
                                          PackGapKind::kNotMet,      PackGapKind::kCheck,
                                          PackGapKind::kControlGap,  PackGapKind::kNotInSoa};
  std::string out;
  for (PackGapKind kind : order) {
    // issue 13 s10 #2: the controls the SoA does not list are one line naming each id.
    std::vector<std::string> unlisted;
    for (const PackGap& gap : pack.missing) {
      if (gap.kind == PackGapKind::kNotInSoa && kind == gap.kind) unlisted.push_back(gap.subject);
    }
    if (unlisted.size() > 1) {
      std::string ids;
      for (const std::string& id : unlisted) ids += (ids.empty() ? "" : ", ") + id;
      out += "the clauses demand " + std::to_string(unlisted.size()) +
             " controls your SoA does not list: " + ids + ": add them to it or negotiate\n";
      continue;
    }
    for (const PackGap& gap : pack.missing) {
      if (gap.kind != kind) continue;
      // issue 13 s10 #3: one line, control and bidi characters shown as the text printer does.
      out += internal::MessageLine(gap.text) + "\n";
    }
  }
  return out;
}

}  // namespace clausescan
