// The HTML report: one self-contained file (inline CSS, no script, no external reference) for
// people who review contracts in a browser or on paper. Every piece of report text goes through
// HtmlEscape, so a contract cannot inject markup.
#include <array>
#include <cctype>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clausescan/evidence.h"
#include "clausescan/not_scanned.h"
#include "clausescan/printers.h"
#include "report/expiring_evidence.h"
#include "report/html_style.h"
#include "report/left_out.h"
#include "report/matrix.h"
#include "report/profile_text.h"
#include "report/strings.h"
#include "report/top_issues.h"
#include "report/values.h"

namespace clausescan {
namespace {

using internal::HtmlEscape;
using internal::MatrixCell;
using internal::ReadableQuote;

constexpr std::string_view kDefaultTitle = "Contract security review";

// A value for an id attribute: letters, digits, '-' and '_' kept, anything else as '-'.
std::string IdPart(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    out += keep ? c : '-';
  }
  return out;
}

std::string DocId(std::size_t report) { return "doc-" + std::to_string(report + 1); }
std::string FindingId(std::size_t report, std::size_t finding) {
  return "f-" + std::to_string(report + 1) + "-" + std::to_string(finding + 1);
}
std::string EvidenceId(std::string_view id) { return "ev-" + IdPart(id); }
std::string CategoryId(std::size_t report, std::string_view category) {
  return DocId(report) + "-" + IdPart(category);
}
std::string MissingId(std::size_t report) { return DocId(report) + "-missing"; }

std::string RiskClass(Risk risk) { return "risk-" + std::string(RiskName(risk)); }

std::string Badge(Risk risk) {
  std::string name(RiskName(risk));
  return "<span class=\"badge " + RiskClass(risk) + "\">" + name + "</span>";
}

// The index of `f` in `report.findings` (f points into it).
std::size_t IndexOf(const Report& report, const Finding* f) {
  return static_cast<std::size_t>(f - report.findings.data());
}

void WriteHead(const std::string& title, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"clausescan\">\n<title>"
      << HtmlEscape(title) << "</title>\n<style>" << internal::kHtmlStyle << "</style>\n</head>\n";
}

// A path for a narrow cell: escaped, with a line-break opportunity after each '/'.
std::string BreakablePath(const std::string& path) {
  std::string out;
  for (char c : HtmlEscape(path)) {
    out += c;
    if (c == '/') out += "<wbr>";
  }
  return out;
}

void WriteToc(const std::vector<Report>& reports, const std::vector<std::string>& names,
              std::ostream& out) {
  out << "<nav class=\"toc\" aria-labelledby=\"toc-h\">\n<h2 id=\"toc-h\">Contents</h2>\n<ol>\n"
         "<li><a href=\"#executive-summary\">Executive summary</a></li>\n"
         "<li><a href=\"#summary\">Summary</a></li>\n";
  for (std::size_t i = 0; i < reports.size(); ++i) {
    out << "<li><a href=\"#" << DocId(i) << "\">" << BreakablePath(names[i]) << "</a>";
    std::vector<internal::CategoryGroup> groups = internal::GroupByCategory(reports[i]);
    if (!groups.empty() || !reports[i].missing.empty()) {
      out << "<ul class=\"toc-cats\">";
      for (const internal::CategoryGroup& group : groups) {
        out << "<li><a href=\"#" << CategoryId(i, group.category) << "\">"
            << HtmlEscape(internal::CategoryTitle(group.category)) << "</a></li>";
      }
      if (!reports[i].missing.empty()) {
        out << "<li><a href=\"#" << MissingId(i) << "\">Missing clauses</a></li>";
      }
      out << "</ul>";
    }
    out << "</li>\n";
  }
  out << "<li><a href=\"#evidence\">Evidence pack</a></li>\n</ol>\n</nav>\n";
}

// A compact badge for a matrix cell: "med" for medium, "miss" for a missing clause; the title
// says it in full.
std::string MatrixCellHtml(const MatrixCell& cell, std::size_t report,
                           const std::string& category) {
  switch (cell.state) {
    case MatrixCell::State::kNone:
      return "<td class=\"none\" title=\"not addressed\">\u2013</td>";
    case MatrixCell::State::kFiltered:
      return "<td class=\"none\" title=\"left out by the minimum risk\">filtered</td>";
    case MatrixCell::State::kMissing:
      return "<td><a href=\"#" + MissingId(report) + "\" class=\"badge missing " +
             RiskClass(cell.risk) + "\" title=\"missing clause, " +
             std::string(RiskName(cell.risk)) + " risk\">miss</a></td>";
    case MatrixCell::State::kFound:
      break;
  }
  std::string name(RiskName(cell.risk));
  return "<td><a href=\"#" + CategoryId(report, category) + "\" class=\"badge " +
         RiskClass(cell.risk) + "\" title=\"" + name + " risk\">" +
         (cell.risk == Risk::kMedium ? "med" : name) + "</a></td>";
}

void WriteLegend(const internal::SummaryMatrix& matrix, std::ostream& out) {
  if (matrix.categories.empty()) return;
  out << "<dl class=\"legend\">\n";
  for (std::size_t c = 0; c < matrix.categories.size(); ++c) {
    out << "<div><dt>" << HtmlEscape(matrix.abbreviations[c]) << "</dt><dd>"
        << HtmlEscape(internal::CategoryTitle(matrix.categories[c])) << "</dd></div>\n";
  }
  out << "</dl>\n<p class=\"note\">Each cell shows the worst risk among the document's clauses "
         "of that category; <em>missing</em> marks a clause the document is expected to have "
         "but does not; \u2013 marks a category the document does not address.</p>\n";
}

void WriteMatrix(const std::vector<Report>& reports, const std::vector<std::string>& names,
                 std::ostream& out) {
  internal::SummaryMatrix matrix = internal::BuildSummaryMatrix(reports);
  out << "<section id=\"summary\" aria-labelledby=\"summary-h\">\n"
         "<h2 id=\"summary-h\">Summary</h2>\n<div class=\"table-wrap\">\n<table class=\"matrix\">\n"
         "<caption>Worst risk per document and clause category</caption>\n<thead><tr>"
         "<th scope=\"col\">Document</th><th scope=\"col\">Worst risk</th>";
  for (std::size_t c = 0; c < matrix.categories.size(); ++c) {
    out << "<th scope=\"col\" class=\"cat\"><abbr title=\""
        << HtmlEscape(internal::CategoryTitle(matrix.categories[c])) << "\">"
        << HtmlEscape(matrix.abbreviations[c]) << "</abbr></th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < reports.size(); ++r) {
    out << "<tr><th scope=\"row\"><a href=\"#" << DocId(r) << "\">" << BreakablePath(names[r])
        << "</a></th><td>"
        << (internal::ShowsNothingLeftSome(reports[r]) ? std::string("\u2013")
                                                       : Badge(reports[r].WorstRisk()))
        << "</td>";
    for (std::size_t c = 0; c < matrix.categories.size(); ++c) {
      out << MatrixCellHtml(matrix.cells[r][c], r, matrix.categories[c]);
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
  WriteLegend(matrix, out);
  out << "</section>\n";
}

std::string Location(const Finding& f) {
  std::string out = "Line " + std::to_string(f.line) + ", column " + std::to_string(f.column);
  if (f.page > 0) out += ", page " + std::to_string(f.page);
  if (f.paragraph > 0) out += ", paragraph " + std::to_string(f.paragraph);
  if (!f.section.empty()) out += " \u00B7 section \u201C" + HtmlEscape(f.section) + "\u201D";
  return out;
}

void WriteClause(const Finding& f, std::string_view format, std::ostream& out) {
  out << "<blockquote class=\"clause\"><p>";
  if (!f.context_before.empty()) {
    out << "<span class=\"ctx\">" << HtmlEscape(ReadableQuote(f.context_before, format))
        << "</span>";
  }
  out << "<mark class=\"" << RiskClass(f.risk) << "\">" << HtmlEscape(ReadableQuote(f.text, format))
      << "</mark>";
  if (!f.context_after.empty()) {
    out << "<span class=\"ctx\">" << HtmlEscape(ReadableQuote(f.context_after, format))
        << "</span>";
  }
  out << "</p></blockquote>\n";
}

// A <dt>/<dd> pair holding a list of class `list_class` ("plain": one per line, "inline": side
// by side, "bullets"); nothing when `items` is empty. Items are HTML already.
void WriteFact(std::string_view label, const std::vector<std::string>& items,
               std::string_view list_class, std::ostream& out) {
  if (items.empty()) return;
  out << "<dt>" << label << "</dt><dd><ul class=\"" << list_class << "\">";
  for (const std::string& item : items) out << "<li>" << item << "</li>";
  out << "</ul></dd>\n";
}

std::vector<std::string> Escaped(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const std::string& item : items) out.push_back(HtmlEscape(item));
  return out;
}

void WriteFacts(const Finding& f, std::ostream& out) {
  out << "<dl class=\"facts\">\n";
  std::vector<std::string> parameters;
  for (const auto& [name, value] : f.parameters) {
    parameters.push_back("<code>" + HtmlEscape(name) + " = " +
                         HtmlEscape(internal::FormatValue(value)) + "</code>");
  }
  WriteFact("Parameters", parameters, "inline", out);
  if (const std::string marker = internal::SideMarker(f); !marker.empty()) {
    WriteFact("Party", {HtmlEscape(marker)}, "plain", out);
  }
  WriteFact("Why this risk", Escaped(f.reasons), "bullets", out);
  if (f.profile) {  // issue 13 #2
    if (const std::string line = internal::ProfileVerdictLine(f); !line.empty()) {
      WriteFact("Your profile", {HtmlEscape(line)}, "plain", out);
    }
    WriteFact("Your documents", Escaped(internal::ProfileDocumentLines(*f.profile)), "plain", out);
    WriteFact("To act on", Escaped(f.profile->notes), "bullets", out);
  }
  std::vector<std::string> controls;
  for (const Control& c : f.controls) {
    controls.push_back("<span class=\"ctl\">" + HtmlEscape(c.id) + "</span> " +
                       HtmlEscape(c.title));
  }
  WriteFact("Annex A controls", controls, "plain", out);
  std::vector<std::string> evidence;
  for (const EvidenceItem& e : f.evidence) {
    evidence.push_back("<a href=\"#" + EvidenceId(e.id) + "\">" +
                       HtmlEscape(e.title.empty() ? e.id : e.title) + "</a>");
  }
  WriteFact("Evidence", evidence, "inline", out);
  WriteFact("Consider proposing", Escaped(f.considerations), "bullets", out);
  out << "</dl>\n";
  if (!f.rationale.text.empty()) {  // issue 14 #2: folded
    out << "<details class=\"rationale\"><summary>Why the buyer asks</summary>\n<p>"
        << HtmlEscape(f.rationale.text) << "</p>\n<ul>\n";
    for (const RationaleSource& source : f.rationale.sources) {
      out << "<li><a href=\"" << HtmlEscape(source.url) << "\">" << HtmlEscape(source.title)
          << "</a></li>\n";
    }
    out << "</ul>\n</details>\n";
  }
}

void WriteFinding(const Finding& f, std::string_view format, const std::string& id,
                  std::ostream& out) {
  out << "<article class=\"finding " << RiskClass(f.risk) << "\" id=\"" << id
      << "\" aria-labelledby=\"" << id << "-h\">\n<header>" << Badge(f.risk) << " <h4 id=\"" << id
      << "-h\">" << HtmlEscape(f.title.empty() ? f.rule : f.title) << "</h4><p class=\"where\">"
      << Location(f) << " \u00B7 rule <code>" << HtmlEscape(f.rule) << "</code>"
      << (f.fallback ? " \u00B7 fallback: no specific rule judged this clause" : "")
      << "</p></header>\n";
  WriteClause(f, format, out);
  WriteFacts(f, out);
  out << "</article>\n";
}

void WriteMissing(const std::vector<MissingClause>& missing, const std::string& id,
                  std::ostream& out) {
  if (missing.empty()) return;
  out << "<h3 id=\"" << id
      << "\">Missing clauses</h3>\n<table class=\"missing\">\n<thead><tr><th scope=\"col\">Risk"
         "</th><th scope=\"col\">Category</th><th scope=\"col\">Why it matters</th></tr></thead>\n"
         "<tbody>\n";
  for (const MissingClause& m : missing) {
    out << "<tr><td>" << Badge(m.risk) << "</td><td>"
        << HtmlEscape(internal::CategoryTitle(m.category)) << "</td><td>" << HtmlEscape(m.reason)
        << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

// Each document of the profile that expires before the contract's term ends, a finding of its
// own with links to the findings it answers (issue 13 #1).
void WriteExpiringEvidence(std::size_t r, const Report& report, std::ostream& out) {
  const std::vector<internal::ExpiringEvidence> items = internal::ExpiringEvidenceOf(report);
  if (items.empty()) return;
  out << "<h3 id=\"" << DocId(r)
      << "-expiring\">Evidence expiring before the contract's term</h3>\n<table class=\"missing\">"
         "\n<thead><tr><th scope=\"col\">Risk</th><th scope=\"col\">Evidence</th><th "
         "scope=\"col\">What to act on</th><th scope=\"col\">Answers</th></tr></thead>\n<tbody>\n";
  for (const internal::ExpiringEvidence& item : items) {
    out << "<tr><td>" << Badge(item.risk) << "</td><td><code>" << HtmlEscape(item.evidence)
        << "</code></td><td>" << HtmlEscape(internal::ExpiringEvidenceSentence(item, report.document))
        << "</td><td>";
    for (std::size_t i = 0; i < item.findings.size(); ++i) {
      const Finding& f = *item.findings[i];
      out << (i > 0 ? ", " : "") << "<a href=\"#" << FindingId(r, IndexOf(report, &f)) << "\">"
          << HtmlEscape(f.rule + " (line " + std::to_string(f.line) + ")") << "</a>";
    }
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

void WriteNotes(const std::vector<std::string>& notes, std::ostream& out) {
  if (notes.empty()) return;
  out << "<h3>Notes</h3>\n<ul>\n";
  for (const std::string& note : notes) out << "<li>" << HtmlEscape(note) << "</li>\n";
  out << "</ul>\n";
}

std::string DocumentMeta(const Report& report) {
  const DocumentInfo& doc = report.document;
  std::array<std::size_t, 4> counts = internal::CountByRisk(report.findings);
  return "Type " + HtmlEscape(doc.type.empty() ? "other" : doc.type) + " \u00B7 " +
         HtmlEscape(doc.format) + " \u00B7 " + internal::Plural(doc.bytes, "byte", "bytes") +
         " \u00B7 " + internal::Plural(report.findings.size(), "finding", "findings") + " (" +
         std::to_string(counts[3]) + " high, " + std::to_string(counts[2]) + " medium, " +
         std::to_string(counts[1]) + " low, " + std::to_string(counts[0]) + " info) \u00B7 " +
         internal::Plural(report.missing.size(), "missing clause", "missing clauses") +
         " \u00B7 worst risk " + Badge(report.WorstRisk()) +
         (report.left_out.empty()
              ? std::string()
              : " \u00B7 " + HtmlEscape(internal::LeftOutWords(report.left_out))) +
         (doc.profile.empty() ? std::string()
                              : " \u00B7 " + HtmlEscape(internal::ProfileHeaderLine(doc)));
}

void WriteDocument(std::size_t r, const Report& report, const std::string& name,
                   std::ostream& out) {
  std::string id = DocId(r);
  out << "<section class=\"document\" id=\"" << id << "\" aria-labelledby=\"" << id << "-h\">\n"
      << "<h2 id=\"" << id << "-h\"><span class=\"docnum\" aria-hidden=\"true\">" << r + 1
      << "</span>" << BreakablePath(name) << "</h2>\n<p class=\"meta\">" << DocumentMeta(report)
      << "</p>\n";
  if (report.findings.empty()) out << "<p>No security clause found.</p>\n";
  for (const internal::CategoryGroup& group : internal::GroupByCategory(report)) {
    out << "<h3 id=\"" << CategoryId(r, group.category) << "\">"
        << HtmlEscape(internal::CategoryTitle(group.category)) << "</h3>\n";
    for (const Finding* f : group.findings) {
      WriteFinding(*f, report.document.format, FindingId(r, IndexOf(report, f)), out);
    }
  }
  WriteExpiringEvidence(r, report, out);
  WriteMissing(report.missing, MissingId(r), out);
  WriteNotes(report.notes, out);
  out << "</section>\n";
}

// A link to a finding showing its line, coloured by its risk (which it also says in words to
// screen readers and in its tooltip).
std::string LineChip(const FindingRef& ref) {
  std::string risk(RiskName(ref.risk));
  return "<a class=\"chip " + RiskClass(ref.risk) + "\" href=\"#" +
         FindingId(ref.report_index, ref.finding_index) + "\" title=\"line " +
         std::to_string(ref.line) + ", " + risk + " risk, " + HtmlEscape(ref.category) + "\">" +
         std::to_string(ref.line) + "<span class=\"sr\"> (" + risk + ")</span></a>";
}

// "Called for by": per document, its path and the lines of the findings, in input order.
void WriteRefs(const std::vector<FindingRef>& refs, const std::vector<std::string>& names,
               std::ostream& out) {
  out << "<p class=\"refs\">Called for by:</p><ul class=\"refdocs\">";
  for (std::size_t i = 0; i < refs.size();) {
    std::size_t end = i;
    while (end < refs.size() && refs[end].report_index == refs[i].report_index) ++end;
    out << "<li><span class=\"refdoc\">" << BreakablePath(names[refs[i].report_index]) << "</span> "
        << (end - i == 1 ? "line " : "lines ");
    for (; i < end; ++i) out << LineChip(refs[i]);
    out << "</li>";
  }
  out << "</ul>";
}

void WriteNeed(const EvidenceNeed& need, const std::vector<std::string>& names, std::ostream& out) {
  std::string id = EvidenceId(need.item.id);
  out << "<li class=\"need " << RiskClass(need.risk) << "\" id=\"" << id << "\">"
      << "<input type=\"checkbox\" id=\"" << id << "-done\"><div><label for=\"" << id << "-done\">"
      << HtmlEscape(need.item.title.empty() ? need.item.id : need.item.title) << "</label> "
      << Badge(need.risk) << " <code>" << HtmlEscape(need.item.id) << "</code>";
  if (!need.item.description.empty()) out << "<p>" << HtmlEscape(need.item.description) << "</p>";
  if (!need.controls.empty()) {
    out << "<p class=\"soa\">Annex A controls: ";
    for (std::size_t i = 0; i < need.controls.size(); ++i) {
      out << (i > 0 ? "; " : "") << "<span class=\"ctl\">" << HtmlEscape(need.controls[i].id)
          << "</span> " << HtmlEscape(need.controls[i].title);
    }
    out << "</p>";
  }
  WriteRefs(need.findings, names, out);
  out << "</div></li>\n";
}

void WriteEvidence(const std::vector<EvidenceNeed>& pack, const std::vector<std::string>& names,
                   std::ostream& out) {
  out << "<section id=\"evidence\" aria-labelledby=\"evidence-h\">\n"
         "<h2 id=\"evidence-h\">Evidence pack</h2>\n";
  if (pack.empty()) {
    out << "<p>No finding calls for evidence.</p>\n</section>\n";
    return;
  }
  out << "<p>Documents to prepare before the buyer asks, most pressing first. Tick each one "
         "off as it is ready.</p>\n<ul class=\"checklist\">\n";
  for (const EvidenceNeed& need : pack) WriteNeed(need, names, out);
  out << "</ul>\n</section>\n";
}

// Counts by risk, the top issues (linking to each finding) and the missing clauses.
void WriteExecutiveSummary(const std::vector<Report>& reports,
                           const std::vector<std::string>& names, std::ostream& out) {
  out << "<section id=\"executive-summary\" aria-labelledby=\"exec-h\">\n"
         "<h2 id=\"exec-h\">Executive summary</h2>\n<table class=\"counts\">\n"
         "<thead><tr><th scope=\"col\">Risk</th><th scope=\"col\">Findings</th>"
         "<th scope=\"col\">Missing clauses</th></tr></thead>\n<tbody>\n";
  std::array<std::size_t, 4> findings{};
  std::array<std::size_t, 4> missing{};
  for (const Report& report : reports) {
    for (const Finding& f : report.findings) ++findings[static_cast<int>(f.risk)];
    for (const MissingClause& m : report.missing) ++missing[static_cast<int>(m.risk)];
  }
  for (Risk r : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    out << "<tr><td>" << Badge(r) << "</td><td>" << findings[static_cast<int>(r)] << "</td><td>"
        << missing[static_cast<int>(r)] << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";
  std::string left_out = internal::LeftOutWords(internal::TotalLeftOut(reports));
  if (!left_out.empty())
    out << "<p>Counts are of what is shown; " << HtmlEscape(left_out) << ".</p>\n";
  out << "<h3>Top issues</h3>\n";
  std::vector<internal::TopIssue> issues = internal::TopIssues(reports);
  if (issues.empty()) {
    std::string hidden = internal::LeftOutTopIssueWords(internal::TotalLeftOut(reports));
    out << (hidden.empty() ? "<p>No finding at high or medium risk.</p>\n"
                           : "<p>None shown (" + HtmlEscape(hidden) + ").</p>\n");
  } else {
    out << "<ol class=\"top-issues\">\n";
    for (const internal::TopIssue& issue : issues) {
      const Finding& f = *issue.f;
      std::string where = (reports.size() > 1 ? names[issue.report] + ", " : std::string()) +
                          internal::LocationWords(f);
      out << "<li>" << Badge(f.risk) << " <span class=\"cat\">"
          << HtmlEscape(internal::CategoryTitle(f.category)) << "</span> "
          << HtmlEscape(internal::IssueWords(f)) << " <a href=\"#"
          << FindingId(issue.report, issue.finding) << "\">" << HtmlEscape(where) << "</a></li>\n";
    }
    out << "</ol>\n";
  }
  out << "<h3>Missing clauses</h3>\n";
  std::vector<std::string> items;
  for (Risk risk : {Risk::kHigh, Risk::kMedium, Risk::kLow, Risk::kInfo}) {
    for (std::size_t r = 0; r < reports.size(); ++r) {
      for (const MissingClause& m : reports[r].missing) {
        if (m.risk != risk) continue;
        items.push_back("<li>" + Badge(m.risk) + " <a href=\"#" + MissingId(r) + "\">" +
                        HtmlEscape(internal::CategoryTitle(m.category)) + "</a>" +
                        (reports.size() > 1 ? " \u00B7 " + HtmlEscape(names[r]) : "") + ": " +
                        HtmlEscape(m.reason) + "</li>\n");
      }
    }
  }
  if (items.empty()) {
    out << "<p>No expected clause is missing.</p>\n";
  } else {
    out << "<ul class=\"missing-list\">\n";
    for (const std::string& item : items) out << item;
    out << "</ul>\n";
  }
  out << "</section>\n";
}

// A "Not scanned" section with an item per input, or nothing when every input was scanned.
void WriteNotScanned(const std::vector<NotScanned>& not_scanned, std::ostream& out) {
  if (not_scanned.empty()) return;
  out << "<section id=\"not-scanned\" aria-labelledby=\"not-scanned-h\">\n"
         "<h2 id=\"not-scanned-h\">Not scanned</h2>\n<ul>\n";
  for (const NotScanned& input : not_scanned) {
    out << "<li>" << HtmlEscape(input.error.message()) << "</li>\n";
  }
  out << "</ul>\n</section>\n";
}

}  // namespace

void WriteHtml(const std::vector<Report>& all_reports, std::ostream& out,
               const PrintOptions& options) {
  WriteHtml(all_reports, {}, out, options);
}

void WriteHtml(const std::vector<Report>& all_reports, const std::vector<NotScanned>& not_scanned,
               std::ostream& out, const PrintOptions& options) {
  std::vector<Report> reports = SelectFindings(all_reports, options);
  std::vector<std::string> names;
  // Names and the title as the text report shows them: a control character escaped ("\x1b"),
  // where HtmlEscape alone would drop it and show the name of another file.
  for (std::size_t r = 0; r < reports.size(); ++r) {
    names.push_back(internal::TerminalLine(DocumentName(reports, r)));
  }
  std::string title =
      options.title.empty() ? std::string(kDefaultTitle) : internal::TerminalLine(options.title);
  WriteHead(title, out);
  out << "<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<div class=\"page\">\n"
         "<header class=\"page-header\">\n<h1>"
      << HtmlEscape(title) << "</h1>\n<p class=\"totals\">" << internal::TotalsSentence(reports)
      << "</p>\n</header>\n";
  out << "<main id=\"main\">\n";
  WriteNotScanned(not_scanned, out);
  WriteExecutiveSummary(reports, names, out);
  WriteToc(reports, names, out);
  WriteMatrix(reports, names, out);
  for (std::size_t r = 0; r < reports.size(); ++r) WriteDocument(r, reports[r], names[r], out);
  WriteEvidence(BuildEvidencePack(reports), names, out);
  out << "</main>\n<footer>\n<p>Found by clausescan's pattern rules and judged against the "
         "playbook of a small supplier. A rule can miss or misread a clause: check each quote "
         "against the contract.</p>\n<p>"
      << kNotLegalAdvice << "</p>\n</footer>\n</div>\n</body>\n</html>\n";
}

}  // namespace clausescan
