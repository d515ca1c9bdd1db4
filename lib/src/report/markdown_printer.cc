// The review memo for legal counsel, in Markdown: what was found, how risky, what to prepare
// and what to propose instead. Every piece of contract text goes through MarkdownEscape.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "clausescan/evidence.h"
#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "report/expiring_evidence.h"
#include "report/left_out.h"
#include "report/matrix.h"
#include "report/profile_text.h"
#include "report/rationale_text.h"
#include "report/strings.h"
#include "report/top_issues.h"
#include "report/values.h"

namespace clausescan {
namespace {

using internal::MarkdownEscape;
using internal::MarkdownEscapeLine;
using internal::MatrixCell;

constexpr std::string_view kDefaultTitle = "Contract security review";

// Anchors (HTML ids, which GitHub and CommonMark viewers keep) for links within the memo.
std::string DocAnchor(std::size_t report) { return "doc-" + std::to_string(report + 1); }
std::string CategoryAnchor(std::size_t report, const std::string& category) {
  std::string id = DocAnchor(report) + "-";
  for (char c : category) {
    id += std::isalnum(static_cast<unsigned char>(c)) || c == '_' ? c : '-';
  }
  return id;
}
std::string MissingAnchor(std::size_t report) { return DocAnchor(report) + "-missing"; }
std::string FindingAnchor(std::size_t report, std::size_t finding) {
  return "f-" + std::to_string(report + 1) + "-" + std::to_string(finding + 1);
}
std::string Anchor(const std::string& id) { return "<a id=\"" + id + "\"></a>"; }

// "[text](#id)": text already escaped.
std::string Link(const std::string& text, const std::string& id) {
  return "[" + text + "](#" + id + ")";
}

std::string RiskWord(Risk risk) {
  std::string word = internal::AsciiUpper(RiskName(risk));
  return risk >= Risk::kMedium ? "**" + word + "**" : word;
}

std::string CellText(const MatrixCell& cell) {
  switch (cell.state) {
    case MatrixCell::State::kNone:
      return "\u2013";
    case MatrixCell::State::kFiltered:
      return "filtered";
    case MatrixCell::State::kMissing:
      return "*missing* (" + std::string(RiskName(cell.risk)) + ")";
    case MatrixCell::State::kFound:
      break;
  }
  return RiskWord(cell.risk);
}

// "path, line 12, column 1 (p. 3)".
std::string Location(const Finding& f) {
  std::string out = "line " + std::to_string(f.line) + ", column " + std::to_string(f.column);
  if (f.page > 0) out += ", page " + std::to_string(f.page);
  if (f.paragraph > 0) out += ", paragraph " + std::to_string(f.paragraph);
  return out;
}

// A cell links to the document's section of that category, or to its missing clauses.
std::string LinkedCell(const MatrixCell& cell, std::size_t report, const std::string& category) {
  switch (cell.state) {
    case MatrixCell::State::kNone:
    case MatrixCell::State::kFiltered:
      return CellText(cell);
    case MatrixCell::State::kMissing:
      return Link(CellText(cell), MissingAnchor(report));
    case MatrixCell::State::kFound:
      break;
  }
  return Link(CellText(cell), CategoryAnchor(report, category));
}

void WriteMatrix(const std::vector<Report>& reports, const std::vector<std::string>& names,
                 std::ostream& out) {
  internal::SummaryMatrix matrix = internal::BuildSummaryMatrix(reports);
  out << Anchor("summary") << "\n\n## Summary\n\n| Document | Worst risk |";
  for (const std::string& abbreviation : matrix.abbreviations) out << ' ' << abbreviation << " |";
  out << "\n|---|---|";
  for (std::size_t c = 0; c < matrix.categories.size(); ++c) out << ":---:|";
  out << '\n';
  for (std::size_t r = 0; r < reports.size(); ++r) {
    out << "| " << Link(MarkdownEscape(names[r]), DocAnchor(r)) << " | "
        << (internal::ShowsNothingLeftSome(reports[r]) ? std::string("\u2013")
                                                       : RiskWord(reports[r].WorstRisk()))
        << " |";
    for (std::size_t c = 0; c < matrix.categories.size(); ++c) {
      out << ' ' << LinkedCell(matrix.cells[r][c], r, matrix.categories[c]) << " |";
    }
    out << '\n';
  }
  out << '\n';
  if (!matrix.categories.empty()) {
    out << "Columns: ";
    for (std::size_t c = 0; c < matrix.categories.size(); ++c) {
      out << (c > 0 ? "; " : "") << matrix.abbreviations[c] << " "
          << MarkdownEscape(internal::CategoryTitle(matrix.categories[c]));
    }
    out << ". Each cell is the worst risk of the category's clauses in the document; *missing* "
           "marks an expected clause that is absent, \u2013 a category the document does not "
           "address.\n\n";
  }
}

// Counts by risk, the top issues and the missing clauses, before any detail.
void WriteExecutiveSummary(const std::vector<Report>& reports,
                           const std::vector<std::string>& names, std::ostream& out) {
  out << Anchor("executive-summary") << "\n\n## Executive summary\n\n";
  std::array<std::size_t, 4> findings{};
  std::array<std::size_t, 4> missing{};
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) ++findings[static_cast<int>(f.risk)];
    for (const MissingClause& m : report.missing) ++missing[static_cast<int>(m.risk)];
  }
  out << "| Risk | Findings | Missing clauses |\n|---|---:|---:|\n";
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    out << "| " << RiskWord(r) << " | " << findings[static_cast<int>(r)] << " | "
        << missing[static_cast<int>(r)] << " |\n";
  }
  std::string left_out = internal::LeftOutWords(internal::TotalLeftOut(reports));
  if (!left_out.empty()) out << "\nCounts are of what is shown; " << left_out << ".\n";
  out << "\n### Top issues\n\n";
  std::vector<internal::TopIssue> issues = internal::TopIssues(reports);
  if (issues.empty()) {
    std::string hidden = internal::LeftOutTopIssueWords(internal::TotalLeftOut(reports));
    out << (hidden.empty() ? "No finding at high or medium risk.\n"
                           : "None shown (" + hidden + ").\n");
  }
  for (std::size_t i = 0; i < issues.size(); ++i) {
    const Finding& f = *issues[i].f;
    std::string where = (reports.size() > 1 ? names[issues[i].report] + ", " : std::string()) +
                        internal::LocationWords(f);
    out << i + 1 << ". " << RiskWord(f.risk) << " \u00B7 "
        << MarkdownEscape(internal::CategoryTitle(f.category)) << " \u00B7 "
        << MarkdownEscape(internal::IssueWords(f)) << " \u00B7 "
        << Link(MarkdownEscape(where), FindingAnchor(issues[i].report, issues[i].finding)) << '\n';
  }
  out << "\n### Missing clauses\n\n";
  bool any = false;
  for (Risk risk : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const MissingClause& m : reports[r].missing) {
        if (m.risk != risk) continue;
        any = true;
        out << "- " << RiskWord(m.risk) << " \u00B7 "
            << Link(MarkdownEscape(internal::CategoryTitle(m.category)), MissingAnchor(r));
        if (reports.size() > 1) out << " \u00B7 " << MarkdownEscape(names[r]);
        out << ": " << MarkdownEscape(m.reason) << '\n';
      }
    }
  }
  if (!any) out << "No expected clause is missing.\n";
  out << '\n';
}

// Links to the executive summary, the matrix, each document and its category sections.
void WriteContents(const std::vector<Report>& reports, const std::vector<std::string>& names,
                   std::ostream& out) {
  out << "## Contents\n\n- " << Link("Executive summary", "executive-summary") << "\n- "
      << Link("Summary", "summary") << '\n';
  for (std::size_t r = 0; r < reports.size(); ++r) {
    out << "- " << Link(std::to_string(r + 1) + ". " + MarkdownEscape(names[r]), DocAnchor(r));
    std::vector<internal::CategoryGroup> groups = internal::GroupByCategory(reports[r]);
    for (std::size_t g = 0; g < groups.size(); ++g) {
      out << (g == 0 ? ": " : ", ")
          << Link(MarkdownEscape(internal::CategoryTitle(groups[g].category)),
                  CategoryAnchor(r, groups[g].category));
    }
    if (!reports[r].missing.empty()) {
      out << (groups.empty() ? ": " : ", ") << Link("Missing clauses", MissingAnchor(r));
    }
    out << '\n';
  }
  out << "- " << Link("Evidence pack", "evidence") << '\n';
  out << '\n';
}

// "- Label: item" for one item, else "- Label:" and one indented bullet per item.
void WriteBullets(std::string_view label, const std::vector<std::string>& items,
                  std::ostream& out) {
  if (items.empty()) return;
  if (items.size() == 1) {
    out << "- " << label << ": " << MarkdownEscape(items[0]) << '\n';
    return;
  }
  out << "- " << label << ":\n";
  for (const std::string& item : items) out << "  - " << MarkdownEscapeLine(item) << '\n';
}

// Items of one kind on a single line: "- Label: a; b; c".
void WriteInline(std::string_view label, const std::vector<std::string>& items, std::ostream& out) {
  if (items.empty()) return;
  out << "- " << label << ':';
  for (std::size_t i = 0; i < items.size(); ++i) {
    out << (i > 0 ? "; " : " ") << MarkdownEscape(items[i]);
  }
  out << '\n';
}

// The finding: a headline, the clause quoted, then the facts. Considerations are gathered by
// category at the end of the memo rather than repeated under every clause.
void WriteFinding(const Finding& f, std::string_view format, const std::string& id,
                  std::ostream& out) {
  out << Anchor(id) << RiskWord(f.risk) << " \u00B7 " << MarkdownEscape(f.title) << " \u00B7 "
      << Location(f);
  if (!f.section.empty()) out << " \u00B7 section \u201C" << MarkdownEscape(f.section) << "\u201D";
  out << " \u00B7 rule " << MarkdownEscape(f.rule);
  if (f.fallback) out << " \u00B7 fallback: no specific rule judged this clause";
  out << "\n\n";
  out << "> " << MarkdownEscapeLine(internal::ReadableQuote(f.text, format)) << "\n\n";
  std::vector<std::string> parameters;
  for (const auto& [name, value] : f.parameters) {
    parameters.push_back(name + " = " + internal::FormatValue(value));
  }
  WriteInline("Parameters", parameters, out);
  if (const std::string marker = internal::SideMarker(f); !marker.empty()) {
    out << "- Party: " << MarkdownEscape(marker) << '\n';
  }
  WriteBullets("Why", f.reasons, out);
  if (f.profile) {  // issue 13 #2
    if (const std::string line = internal::ProfileVerdictLine(f); !line.empty()) {
      out << "- Your profile: " << MarkdownEscape(line) << '\n';
    }
    WriteInline("Your documents", internal::ProfileDocumentLines(*f.profile), out);
    WriteBullets("To act on", f.profile->notes, out);
  }
  std::vector<std::string> controls;
  for (const Control& c : f.controls) controls.push_back(c.id + " " + c.title);
  WriteInline("Annex A controls", controls, out);
  std::vector<std::string> evidence;
  for (const EvidenceItem& e : f.evidence) evidence.push_back(e.title.empty() ? e.id : e.title);
  WriteInline("Evidence", evidence, out);
  if (const std::string why = internal::RationaleLine(f.rationale); !why.empty()) {
    out << "- Why the buyer asks: " << MarkdownEscapeLine(why) << '\n';  // issue 14 #2
  }
  out << '\n';
}

void WriteMissing(const std::vector<MissingClause>& missing, const std::string& id,
                  std::ostream& out) {
  if (missing.empty()) return;
  out << Anchor(id)
      << "\n\n### Missing clauses\n\n| Risk | Category | Why it matters |\n|---|---|---|\n";
  for (const MissingClause& m : missing) {
    out << "| " << RiskWord(m.risk) << " | " << MarkdownEscape(internal::CategoryTitle(m.category))
        << " | " << MarkdownEscape(m.reason) << " |\n";
  }
  out << '\n';
}

// Each document of the profile that expires before the contract's term ends, a finding of its
// own with links to the findings it answers (issue 13 #1).
void WriteExpiringEvidence(std::size_t r, const Report& report, std::ostream& out) {
  const std::vector<internal::ExpiringEvidence> items = internal::ExpiringEvidenceOf(report);
  if (items.empty()) return;
  out << "### Evidence expiring before the contract's term\n\n| Risk | Evidence | What to act on | "
         "Answers |\n|---|---|---|---|\n";
  for (const internal::ExpiringEvidence& item : items) {
    out << "| " << RiskWord(item.risk) << " | " << MarkdownEscape(item.evidence) << " | "
        << MarkdownEscape(internal::ExpiringEvidenceSentence(item, report.document)) << " | ";
    for (std::size_t i = 0; i < item.findings.size(); ++i) {
      const Finding& f = *item.findings[i];
      const std::size_t index = static_cast<std::size_t>(&f - report.findings.data());
      out << (i > 0 ? ", " : "")
          << Link(MarkdownEscape(f.rule + " (line " + std::to_string(f.line) + ")"),
                  FindingAnchor(r, index));
    }
    out << " |\n";
  }
  out << '\n';
}

void WriteDocument(std::size_t r, const Report& report, const std::string& name,
                   std::ostream& out) {
  const DocumentInfo& doc = report.document;
  std::array<std::size_t, 4> counts = internal::CountByRisk(report.findings);
  out << Anchor(DocAnchor(r)) << "\n\n## " << r + 1 << ". " << MarkdownEscape(name) << "\n\n"
      << "Type " << MarkdownEscape(doc.type.empty() ? "other" : doc.type) << ", format "
      << MarkdownEscape(doc.format) << ", " << internal::Plural(doc.bytes, "byte", "bytes") << ". "
      << internal::Plural(report.findings.size(), "finding", "findings") << " (" << counts[3]
      << " high, " << counts[2] << " medium, " << counts[1] << " low, " << counts[0] << " info), "
      << internal::Plural(report.missing.size(), "missing clause", "missing clauses")
      << "; worst risk " << RiskWord(report.WorstRisk());
  if (!report.left_out.empty()) out << "; " << internal::LeftOutWords(report.left_out);
  out << ".\n\n";
  if (const std::string line = internal::ProfileHeaderLine(doc); !line.empty()) {
    out << "Findings " << MarkdownEscape(line) << ".\n\n";  // issue 13 #2
  }
  for (const internal::CategoryGroup& group : internal::GroupByCategory(report)) {
    out << Anchor(CategoryAnchor(r, group.category)) << "\n\n### "
        << MarkdownEscape(internal::CategoryTitle(group.category)) << "\n\n";
    for (const Finding* f : group.findings) {
      std::size_t index = static_cast<std::size_t>(f - report.findings.data());
      WriteFinding(*f, report.document.format, FindingAnchor(r, index), out);
    }
  }
  WriteExpiringEvidence(r, report, out);
  WriteMissing(report.missing, MissingAnchor(r), out);
  if (!report.notes.empty()) {
    out << "### Notes\n\n";
    for (const std::string& note : report.notes) out << "- " << MarkdownEscapeLine(note) << '\n';
    out << '\n';
  }
}

// "path lines 12 (high), 40 (low); other/path line 3 (medium)": refs grouped by document.
std::string RefsText(const std::vector<FindingRef>& refs, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < refs.size();) {
    std::size_t end = i;
    while (end < refs.size() && refs[end].report_index == refs[i].report_index) ++end;
    out += (out.empty() ? "" : "; ") + MarkdownEscape(names[refs[i].report_index]) +
           (end - i == 1 ? " line " : " lines ");
    for (std::size_t k = i; k < end; ++k) {
      out += (k > i ? ", " : "") + std::to_string(refs[k].line) + " (" +
             std::string(RiskName(refs[k].risk)) + ")";
    }
    i = end;
  }
  return out;
}

void WriteEvidence(const std::vector<EvidenceNeed>& pack, const std::vector<std::string>& names,
                   std::ostream& out) {
  out << Anchor("evidence") << "\n\n## Evidence pack\n\n";
  if (pack.empty()) {
    out << "No finding calls for evidence.\n\n";
    return;
  }
  out << "Documents to prepare before the buyer asks, most pressing first.\n\n";
  for (const EvidenceNeed& need : pack) {
    out << "- [ ] **" << MarkdownEscape(need.item.title.empty() ? need.item.id : need.item.title)
        << "** (" << MarkdownEscape(need.item.id) << "), highest risk " << RiskWord(need.risk)
        << '\n';
    if (!need.item.description.empty()) {
      out << "  - " << MarkdownEscapeLine(need.item.description) << '\n';
    }
    if (!need.controls.empty()) {
      out << "  - Annex A controls:";
      for (std::size_t i = 0; i < need.controls.size(); ++i) {
        out << (i > 0 ? "; " : " ")
            << MarkdownEscape(need.controls[i].id + " " + need.controls[i].title);
      }
      out << '\n';
    }
    out << "  - Called for by: " << RefsText(need.findings, names) << '\n';
  }
  out << '\n';
}

struct Consideration {
  std::string text;
  std::vector<std::string> where;  // "path:line", escaped
};
using ConsiderationsByCategory = std::map<std::string, std::vector<Consideration>>;

ConsiderationsByCategory CollectConsiderations(const std::vector<Report>& reports,
                                               const std::vector<std::string>& names) {
  ConsiderationsByCategory by_category;
  for (std::size_t r = 0; r < reports.size(); ++r) {
    for (const Finding& f : reports[r].findings) {
      std::vector<Consideration>& list = by_category[f.category];
      std::string where = MarkdownEscape(names[r]) + ":" + std::to_string(f.line);
      for (const std::string& text : f.considerations) {
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const Consideration& c) { return c.text == text; });
        if (it == list.end()) it = list.insert(list.end(), Consideration{text, {}});
        if (std::find(it->where.begin(), it->where.end(), where) == it->where.end()) {
          it->where.push_back(where);
        }
      }
    }
  }
  return by_category;
}

// Every consideration once, by category, with the clauses it answers.
void WriteConsiderations(const std::vector<Report>& reports, const std::vector<std::string>& names,
                         std::ostream& out) {
  ConsiderationsByCategory by_category = CollectConsiderations(reports, names);
  std::vector<std::string> categories;
  for (const auto& [category, list] : by_category) {
    if (!list.empty()) categories.push_back(category);
  }
  if (categories.empty()) return;
  internal::SortCategories(categories);
  out << "## Considerations\n\nWhat suppliers commonly propose instead, by category.\n\n";
  for (const std::string& category : categories) {
    out << "### " << MarkdownEscape(internal::CategoryTitle(category)) << "\n\n";
    for (const Consideration& c : by_category[category]) {
      out << "- " << MarkdownEscapeLine(c.text) << " (";
      for (std::size_t i = 0; i < c.where.size(); ++i) out << (i > 0 ? ", " : "") << c.where[i];
      out << ")\n";
    }
    out << '\n';
  }
}

// "## Not scanned" and an item per input, or nothing when every input was scanned.
void WriteNotScanned(const std::vector<NotScanned>& not_scanned, std::ostream& out) {
  if (not_scanned.empty()) return;
  out << "## Not scanned\n\n";
  for (const NotScanned& input : not_scanned) {
    out << "- " << MarkdownEscapeLine(input.error.message()) << '\n';
  }
  out << '\n';
}

}  // namespace

void WriteMarkdown(const std::vector<Report>& all_reports, std::ostream& out,
                   const PrintOptions& options) {
  WriteMarkdown(all_reports, {}, out, options);
}

void WriteMarkdown(const std::vector<Report>& all_reports,
                   const std::vector<NotScanned>& not_scanned, std::ostream& out,
                   const PrintOptions& options) {
  std::vector<Report> reports = SelectFindings(all_reports, options);
  std::vector<std::string> names;
  // Control characters written escaped ("\\x1b"), as the text report names files.
  for (std::size_t r = 0; r < reports.size(); ++r) {
    names.push_back(internal::TerminalLine(DocumentName(reports, r)));
  }
  std::string totals = internal::TotalsSentence(reports);  // starts with a digit
  // As a file name is shown: a control character escaped ("\x1b"), never dropped.
  std::string title =
      options.title.empty() ? std::string(kDefaultTitle) : internal::TerminalLine(options.title);
  out << "# " << MarkdownEscape(title) << "\n\n" << totals << ".\n\n";
  WriteNotScanned(not_scanned, out);
  WriteExecutiveSummary(reports, names, out);
  WriteContents(reports, names, out);
  WriteMatrix(reports, names, out);
  for (std::size_t i = 0; i < reports.size(); ++i) WriteDocument(i, reports[i], names[i], out);
  WriteEvidence(BuildEvidencePack(reports), names, out);
  WriteConsiderations(reports, names, out);
  out << "---\n\nFound by clausescan's pattern rules and judged against the playbook of a small "
         "supplier; a rule can miss or misread a clause, so check each quote against the "
         "contract.\n\n"
      << kNotLegalAdvice << '\n';  // issue 14 #3
}

}  // namespace clausescan
